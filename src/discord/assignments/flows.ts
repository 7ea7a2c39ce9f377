/**
 * What `/assignments`, `/project` and `/withdraw` share: finding the caller's programme and
 * membership, posting a brief in a project thread, and the claim / swap options with their
 * buttons. The rules themselves live in src/domain/assignment; the writes in
 * src/db/repositories/allocation-runs.ts.
 */
import { type APIEmbed, type Client, DiscordAPIError, Routes } from "discord.js";
import { z } from "zod";
import type { SupportedLocale } from "../../config/env.ts";
import {
  createAllocationRunRepository,
  type ProgrammeAllocationState,
} from "../../db/repositories/allocation-runs.ts";
import { createLibraryRepository } from "../../db/repositories/library.ts";
import { createMemberRepository, type Member } from "../../db/repositories/members.ts";
import { createProgrammeRepository, type Programme } from "../../db/repositories/programmes.ts";
import { type ClaimCandidate, rankClaimCandidates } from "../../domain/assignment/claim.ts";
import { translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import { defineCustomId } from "../custom-id.ts";
import { UserError } from "../errors.ts";
import type { Scope } from "../route.ts";
import { briefMessage, button, buttonRow, clip, reasonsLine, titleIn, type VersionView } from "./render.ts";

/** A claim or swap option button: the assignment, and whether it swaps. */
export const pickButtonId = defineCustomId("prj-pick", 1, {
  assignmentId: z.string().min(1).max(40),
  swap: z.boolean(),
});

/** The server's current programme with its settings, or a friendly refusal. */
export async function currentProgramme(scope: Scope): Promise<Programme> {
  if (scope.programme === null) throw new UserError("error.access.noProgramme");
  const programme = await createProgrammeRepository(scope.app.db).get(scope.programme.id);
  if (programme === null) throw new UserError("error.access.noProgramme");
  return programme;
}

/** The caller's membership as an intern, or a friendly refusal. */
export async function callerIntern(scope: Scope, programme: Programme): Promise<Member> {
  const member = await createMemberRepository(scope.app.db).find(programme.id, scope.userId);
  if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
  if (member.stage === "withdrawn") throw new UserError("project.withdrawn");
  return member;
}

/** The locale of messages posted for an intern where others read too (their thread). */
export async function internLocale(
  scope: Scope,
  programme: Programme,
  memberId: string,
): Promise<SupportedLocale> {
  if (programme.forcedLocale !== null) return programme.forcedLocale;
  const profile = await scope.app.db.memberProfile.findUnique({
    where: { memberId },
    select: { preferredLocale: true },
  });
  return profile?.preferredLocale ?? scope.app.config.defaults.locale;
}

/**
 * Posts the brief in the intern's project thread. Returns false (and logs) when there is no
 * thread or Discord refuses: the allocation stands either way, and the intern can read it with
 * `/project view`.
 */
export async function postBrief(
  client: Client,
  logger: Logger,
  target: { channelId: string | null; userId: string; locale: SupportedLocale },
  version: VersionView,
  swapUntil: Date | null,
): Promise<boolean> {
  if (target.channelId === null) return false;
  const message = briefMessage(translator(target.locale), target.locale, version, target.userId, swapUntil);
  try {
    await client.rest.post(Routes.channelMessages(target.channelId), {
      body: { ...message, allowed_mentions: { users: [target.userId] } },
    });
    return true;
  } catch (error) {
    if (!(error instanceof DiscordAPIError)) throw error;
    logger.warn(
      { err: error, channelId: target.channelId },
      "could not post the brief in the project thread",
    );
    return false;
  }
}

/** The options an intern may claim or swap to now, best first. */
export function claimOptions(
  state: ProgrammeAllocationState,
  memberId: string,
  programme: Programme,
  now: Date,
  method: "self_service" | "swap",
): ClaimCandidate[] {
  const intern = state.interns.find((i) => i.id === memberId);
  if (intern === undefined) return [];
  return rankClaimCandidates(intern, state.assignments, {
    taken: new Set(state.existing.map((e) => e.assignmentId)),
    history: state.history.filter((h) => h.discordUserId === intern.discordUserId),
    programme,
    now,
    method,
  });
}

/** The options as a message with one button each. */
export async function optionsMessage(
  scope: Scope,
  options: readonly ClaimCandidate[],
  header: string,
  swap: boolean,
): Promise<{ content: string; embeds: APIEmbed[]; components: ReturnType<typeof buttonRow>[] }> {
  const versions = await createLibraryRepository(scope.app.db).latestVersions(
    scope.guildId,
    options.map((o) => o.assignmentId),
  );
  const lines: string[] = [];
  for (const [index, option] of options.entries()) {
    const latest = versions.get(option.assignmentId);
    if (latest === undefined) continue;
    lines.push(
      scope.t("project.claim.candidate", {
        n: index + 1,
        title: titleIn(scope.locale, latest),
        level: latest.level,
        hours: latest.estimatedHours,
        score: option.fit.total,
        reasons: reasonsLine(scope.t, option.fit.reasons),
      }),
    );
  }
  return {
    content: header,
    embeds: [{ title: scope.t("project.claim.title"), description: clip(lines.join("\n\n"), 4096) }],
    components: [
      buttonRow(
        options.map((option, index) =>
          button(
            pickButtonId.encode({ assignmentId: option.assignmentId, swap }),
            scope.t("project.claim.button", { n: index + 1 }),
          ),
        ),
      ),
    ],
  };
}

/** The allocation-run repository over the app's database. */
export function runs(scope: Scope) {
  return createAllocationRunRepository(scope.app.db);
}
