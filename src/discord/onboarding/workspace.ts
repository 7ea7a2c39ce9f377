import {
  ChannelType,
  DiscordAPIError,
  type Guild,
  RESTJSONErrorCodes,
  ThreadAutoArchiveDuration,
  type ThreadChannel,
} from "discord.js";
import { createMemberRepository, type Member } from "../../db/repositories/members.ts";
import { createProfileRepository } from "../../db/repositories/profiles.ts";
import { createProgrammeRepository } from "../../db/repositories/programmes.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { UserError } from "../errors.ts";
import type { Scope } from "../route.ts";

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

/** The Discord id the programme recorded under `key`; a clear message if setup has not made it. */
export async function resourceId(scope: Scope, key: string, what: WorkspacePart): Promise<string> {
  const programme = scope.programme;
  if (!programme) throw new UserError("error.access.noProgramme");
  const resource = await createProgrammeRepository(scope.app.db).discordResource(programme.id, key);
  if (!resource) {
    scope.logger.warn({ key }, "workspace resource missing for onboarding");
    throw new UserError("onboarding.workspaceMissing", { what: scope.t(what) });
  }
  return resource.discordId;
}

/** The intern's recorded project thread, if it still exists in Discord. */
async function existingThread(guild: Guild, member: Member): Promise<ThreadChannel | null> {
  if (!member.projectChannelId) return null;
  try {
    const channel = await guild.client.channels.fetch(member.projectChannelId);
    return channel?.isThread() ? channel : null;
  } catch (error) {
    if (isUnknown(error)) return null;
    throw error;
  }
}

/**
 * The Discord side of onboarding, safe to run any number of times: gives the intern role,
 * makes sure the intern has a PRIVATE project thread in the projects channel (created by the bot,
 * not invitable by interns, so only the intern, mentors and organisers with Manage Threads see
 * it) and is in it, and records the thread on the member. Every step checks what exists first, so
 * re-running `/join` after a failure half-way completes exactly what is missing.
 */
export async function ensureInternWorkspace(
  scope: Scope,
  guild: Guild,
  member: Member,
  displayName: string,
): Promise<InternWorkspace> {
  const { app, t, logger } = scope;
  const members = createMemberRepository(app.db);
  const profiles = createProfileRepository(app.db);
  const roleId = await resourceId(scope, ResourceKeys.roles.intern, "onboarding.workspace.internRole");
  const projectsId = await resourceId(
    scope,
    ResourceKeys.channels.projects,
    "onboarding.workspace.projectsChannel",
  );

  // PUT is idempotent in Discord: no need to read the member's roles first.
  await guild.members.addRole({
    user: member.discordUserId,
    role: roleId,
    reason: "taiken: onboarded intern",
  });

  let thread = await existingThread(guild, member);
  let threadCreated = false;
  if (thread === null) {
    if (member.projectChannelId) {
      logger.warn({ threadId: member.projectChannelId }, "recorded project thread is gone; creating another");
      await members.setProjectChannel(member.id, null);
    }
    const parent = await guild.channels.fetch(projectsId);
    if (!parent || parent.type !== ChannelType.GuildText) {
      throw new UserError("onboarding.workspaceMissing", { what: t("onboarding.workspace.projectsChannel") });
    }
    const created = await parent.threads.create({
      name: t("onboarding.thread.name", { name: displayName }).slice(0, 100),
      type: ChannelType.PrivateThread,
      invitable: false,
      autoArchiveDuration: ThreadAutoArchiveDuration.OneWeek,
      reason: "taiken: intern project thread",
    });
    if (await profiles.claimProjectChannel(member.id, created.id)) {
      thread = created;
      threadCreated = true;
    } else {
      // Another request (a double click) recorded its thread first: keep that one, drop ours.
      await created.delete("taiken: duplicate project thread").catch((error: unknown) => {
        logger.warn({ err: error, threadId: created.id }, "could not delete duplicate project thread");
      });
      const winner = await members.get(member.id);
      thread = winner ? await existingThread(guild, winner) : null;
      if (!thread) throw new Error("project thread claimed by another request but not found");
    }
  }
  await thread.members.add(member.discordUserId);
  if (threadCreated) {
    await thread.send({
      content: t("onboarding.thread.welcome", { user: `<@${member.discordUserId}>` }),
      allowedMentions: { users: [member.discordUserId] },
    });
  }
  return { threadId: thread.id, threadCreated };
}
