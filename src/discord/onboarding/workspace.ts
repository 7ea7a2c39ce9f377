import {
  type APIChannel,
  ChannelType,
  DiscordAPIError,
  type Guild,
  type REST,
  RESTJSONErrorCodes,
  Routes,
  ThreadAutoArchiveDuration,
} from "discord.js";
import type { Database } from "../../db/client.ts";
import { createMemberRepository, type Member } from "../../db/repositories/members.ts";
import { createProfileRepository } from "../../db/repositories/profiles.ts";
import { createProgrammeRepository } from "../../db/repositories/programmes.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import type { ObserverRoleGateway } from "../../features/agency/agencies.ts";
import { UserError } from "../../features/errors.ts";
import type { Translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import type { Scope } from "../route.ts";

/**
 * What the Discord steps of onboarding need. They talk to Discord through `REST` only (no client
 * cache), so a job worker runs them exactly as an interaction handler does.
 */
export interface OnboardingDeps {
  db: Database;
  rest: REST;
  logger: Logger;
  /** Texts in the intern's language (thread name, welcome message). */
  t: Translator;
}

/** What {@link ensureInternWorkspace} left in place. */
export interface InternWorkspace {
  threadId: string;
  /** True when this call created the thread (first completion, or the old one was deleted). */
  threadCreated: boolean;
}

function isUnknown(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    (error.code === RESTJSONErrorCodes.UnknownChannel || error.code === RESTJSONErrorCodes.UnknownRole)
  );
}

/** The workspace parts onboarding needs, named in the message when one is missing. */
export type WorkspacePart =
  | "onboarding.workspace.internRole"
  | "onboarding.workspace.projectsChannel"
  | "onboarding.workspace.observerRole";

async function recordedResource(
  deps: Pick<OnboardingDeps, "db" | "logger" | "t">,
  programmeId: string,
  key: string,
  what: WorkspacePart,
): Promise<string> {
  const resource = await createProgrammeRepository(deps.db).discordResource(programmeId, key);
  if (!resource) {
    deps.logger.warn({ key }, "workspace resource missing for onboarding");
    throw new UserError("onboarding.workspaceMissing", { what: deps.t(what) });
  }
  return resource.discordId;
}

/** The Discord id the programme recorded under `key`; a clear message if setup has not made it. */
export async function resourceId(scope: Scope, key: string, what: WorkspacePart): Promise<string> {
  const programme = scope.programme;
  if (!programme) throw new UserError("error.access.noProgramme");
  return recordedResource({ db: scope.app.db, logger: scope.logger, t: scope.t }, programme.id, key, what);
}

/**
 * The observer role agency staff get, looked up in the workspace record (a missing one is named
 * to the organiser), and granted through the interaction's guild.
 */
export function observerRoleGateway(
  scope: Scope,
  interaction: { guild: Guild | null; client: { guilds: { fetch(id: string): Promise<Guild> } } },
): ObserverRoleGateway {
  return {
    roleId: () => resourceId(scope, ResourceKeys.roles.agencyObserver, "onboarding.workspace.observerRole"),
    async grant(userId, roleId, reason) {
      const guild = interaction.guild ?? (await interaction.client.guilds.fetch(scope.guildId));
      await guild.members.addRole({ user: userId, role: roleId, reason });
    },
    async revoke(userId, roleId, reason) {
      const guild = interaction.guild ?? (await interaction.client.guilds.fetch(scope.guildId));
      try {
        await guild.members.removeRole({ user: userId, role: roleId, reason });
      } catch (error) {
        // Someone who left the server has no role to lose.
        if (!(error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownMember))
          throw error;
      }
    },
  };
}

/**
 * The intern role and the projects channel of a programme, or a clear message naming the part
 * setup has not made yet. Checked before the intern is told they have joined.
 */
export async function internWorkspaceIds(
  deps: Pick<OnboardingDeps, "db" | "logger" | "t">,
  programmeId: string,
): Promise<{ roleId: string; projectsId: string }> {
  const roleId = await recordedResource(
    deps,
    programmeId,
    ResourceKeys.roles.intern,
    "onboarding.workspace.internRole",
  );
  const projectsId = await recordedResource(
    deps,
    programmeId,
    ResourceKeys.channels.projects,
    "onboarding.workspace.projectsChannel",
  );
  return { roleId, projectsId };
}

const THREAD_TYPES = new Set<number>([ChannelType.PrivateThread, ChannelType.PublicThread]);

/** The recorded project thread's id if it still exists in Discord. */
async function existingThread(rest: REST, threadId: string | null): Promise<string | null> {
  if (!threadId) return null;
  try {
    const channel = (await rest.get(Routes.channel(threadId))) as APIChannel;
    return THREAD_TYPES.has(channel.type) ? channel.id : null;
  } catch (error) {
    if (isUnknown(error)) return null;
    throw error;
  }
}

/** Who is onboarded, where: the member as stored, and the server. */
export interface InternTarget {
  guildId: string;
  programmeId: string;
  member: Member;
  displayName: string;
}

/**
 * The Discord side of onboarding, safe to run any number of times: gives the intern role,
 * makes sure the intern has a PRIVATE project thread in the projects channel (created by the bot,
 * not invitable by interns, so only the intern, mentors and organisers with Manage Threads see
 * it) and is in it, and records the thread on the member. Every step checks what exists first, so
 * re-running it (the onboarding job's retries, `/join` after a failure half-way) completes exactly
 * what is missing. Under Discord's rate limits (role changes per server, threads per channel)
 * `@discordjs/rest` queues the requests: callers run it after the interaction is answered.
 */
export async function ensureInternWorkspace(
  deps: OnboardingDeps,
  target: InternTarget,
): Promise<InternWorkspace> {
  const { rest, t, logger } = deps;
  const { member } = target;
  const members = createMemberRepository(deps.db);
  const profiles = createProfileRepository(deps.db);
  const { roleId, projectsId } = await internWorkspaceIds(deps, target.programmeId);

  // PUT is idempotent in Discord: no need to read the member's roles first.
  await rest.put(Routes.guildMemberRole(target.guildId, member.discordUserId, roleId), {
    reason: "taiken: onboarded intern",
  });

  let threadId = await existingThread(rest, member.projectChannelId);
  let threadCreated = false;
  if (threadId === null) {
    if (member.projectChannelId) {
      logger.warn({ threadId: member.projectChannelId }, "recorded project thread is gone; creating another");
      await members.setProjectChannel(member.id, null);
    }
    let created: APIChannel;
    try {
      created = (await rest.post(Routes.threads(projectsId), {
        body: {
          name: t("onboarding.thread.name", { name: target.displayName }).slice(0, 100),
          type: ChannelType.PrivateThread,
          invitable: false,
          auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
        },
        reason: "taiken: intern project thread",
      })) as APIChannel;
    } catch (error) {
      if (isUnknown(error)) {
        throw new UserError("onboarding.workspaceMissing", {
          what: t("onboarding.workspace.projectsChannel"),
        });
      }
      throw error;
    }
    if (await profiles.claimProjectChannel(member.id, created.id)) {
      threadId = created.id;
      threadCreated = true;
    } else {
      // Another run (a double click, a retried job) recorded its thread first: keep that one, drop ours.
      await rest
        .delete(Routes.channel(created.id), { reason: "taiken: duplicate project thread" })
        .catch((error: unknown) => {
          logger.warn({ err: error, threadId: created.id }, "could not delete duplicate project thread");
        });
      const winner = await members.get(member.id);
      threadId = await existingThread(rest, winner?.projectChannelId ?? null);
      if (!threadId) throw new Error("project thread claimed by another run but not found");
    }
  }
  await rest.put(Routes.threadMembers(threadId, member.discordUserId));
  if (threadCreated) {
    await rest.post(Routes.channelMessages(threadId), {
      body: {
        content: t("onboarding.thread.welcome", { user: `<@${member.discordUserId}>` }),
        allowed_mentions: { users: [member.discordUserId] },
      },
    });
  }
  return { threadId, threadCreated };
}
