/**
 * What `/assignments` and `/project` share: posting a brief in a project thread, and the claim /
 * swap options with their buttons. The rules themselves live in src/domain/assignment; the
 * flows in src/features/project and src/features/library.
 */
import { type APIEmbed, type Client, DiscordAPIError, Routes } from "discord.js";
import { z } from "zod";
import type { SupportedLocale } from "../../config/env.ts";
import type { OptionsHeader, OptionsOutcome } from "../../features/project/use-cases.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import { defineCustomId } from "../custom-id.ts";
import type { Scope } from "../route.ts";
import { briefMessage, button, buttonRow, clip, reasonsLine, titleIn, type VersionView } from "./render.ts";

/**
 * A claim or swap option button: the assignment and, for a swap, the live allocation the options
 * were computed from (null for a claim), so that a swap clicked after an organiser reassigned the
 * intern swaps nothing. Version 1 (a plain swap flag) is answered as stale.
 */
export const pickButtonId = defineCustomId("prj-pick", 3, {
  programmeId: z.string().min(1).max(40),
  assignmentId: z.string().min(1).max(40),
  from: z.string().min(1).max(40).nullable(),
});

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

/** The line above a list of claim or swap options (or the whole answer when none is left). */
function headerText(scope: Scope, header: OptionsHeader): string {
  switch (header.key) {
    case "none":
      return "";
    case "taken":
      return scope.t("project.claim.taken", { title: header.title });
    case "takenNoMore":
      return scope.t("project.claim.takenNoMore", { title: header.title });
    case "changedNoneLeft":
      return scope.t("project.swap.changedNoneLeft", { title: header.title });
    case "swapTitle":
      return scope.t("project.swap.title", { until: discordTimestamp(header.until, "f") });
    case "changed":
      return scope.t("project.swap.changed", {
        title: header.title,
        until: discordTimestamp(header.until, "f"),
      });
  }
}

/** What an options outcome shows: the options with their buttons, or only the header. */
export function optionsAnswer(scope: Scope, outcome: OptionsOutcome) {
  const header = headerText(scope, outcome.header);
  if (outcome.options.length === 0) return { content: header, embeds: [], components: [] };
  return optionsMessage(scope, outcome, header);
}

/**
 * The options as a message with one button each; `swapFrom` is the live allocation a swap would
 * replace, null for a claim.
 */
function optionsMessage(
  scope: Scope,
  { programmeId, options, swapFrom }: OptionsOutcome,
  header: string,
): { content: string; embeds: APIEmbed[]; components: ReturnType<typeof buttonRow>[] } {
  const lines = options.map(({ candidate, assignment }, index) =>
    scope.t("project.claim.candidate", {
      n: index + 1,
      title: titleIn(scope.locale, assignment),
      level: assignment.level,
      hours: assignment.estimatedHours,
      score: candidate.score,
      reasons: reasonsLine(scope.t, candidate.reasons),
    }),
  );
  return {
    content: header,
    embeds: [{ title: scope.t("project.claim.title"), description: clip(lines.join("\n\n"), 4096) }],
    components: [
      buttonRow(
        options.map(({ candidate }, index) =>
          button(
            pickButtonId.encode({ programmeId, assignmentId: candidate.assignmentId, from: swapFrom }),
            scope.t("project.claim.button", { n: index + 1 }),
          ),
        ),
      ),
    ],
  };
}
