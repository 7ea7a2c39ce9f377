import {
  type APIEmbed,
  DiscordAPIError,
  MessageFlags,
  type REST,
  RESTJSONErrorCodes,
  Routes,
} from "discord.js";
import type { SupportedLocale } from "../../config/env.ts";
import type { Database } from "../../db/client.ts";
import { createMemberRepository } from "../../db/repositories/members.ts";
import { createProgrammeRepository } from "../../db/repositories/programmes.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { UserError } from "../../features/errors.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { type Translator, translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import { mapError } from "../errors.ts";
import { ensureInternWorkspace } from "./workspace.ts";

/** The programme facts the summary shows. */
export interface SummaryProgramme {
  id: string;
  startsAt: Date;
  endsAt: Date;
}

/**
 * The "what happens next" summary, shown in the reply and sent by DM. Without a thread (its
 * creation is still queued behind Discord's rate limits) the thread line is left out; the reply
 * is edited with the full summary once the thread exists.
 */
export async function summaryEmbed(
  db: Database,
  t: Translator,
  programme: SummaryProgramme,
  displayName: string,
  threadId: string | null,
): Promise<APIEmbed> {
  const questions = await createProgrammeRepository(db).discordResource(
    programme.id,
    ResourceKeys.channels.questions,
  );
  const lines = [
    t("onboarding.done.intro"),
    "",
    t("onboarding.done.dates", {
      starts: discordTimestamp(programme.startsAt, "F"),
      ends: discordTimestamp(programme.endsAt, "F"),
    }),
    ...(threadId === null ? [] : [t("onboarding.done.thread", { thread: `<#${threadId}>` })]),
    questions
      ? t("onboarding.done.questions", { channel: `<#${questions.discordId}>` })
      : t("onboarding.done.questionsThread"),
    t("onboarding.done.assignment"),
    t("onboarding.done.profile"),
  ];
  return { title: t("onboarding.done.title", { name: displayName }), description: lines.join("\n") };
}

/** Sends the summary by DM. DMs may be closed (50007): that is the person's choice, not an error. */
async function sendSummaryDm(rest: REST, logger: Logger, userId: string, embed: APIEmbed): Promise<boolean> {
  try {
    const dm = (await rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as { id: string };
    await rest.post(Routes.channelMessages(dm.id), {
      body: { embeds: [embed], allowed_mentions: { parse: [] } },
    });
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
      logger.info("onboarding summary not sent: the intern's DMs are closed");
    } else {
      logger.warn({ err: error }, "onboarding summary DM failed");
    }
    return false;
  }
}

/** The confirmation's interaction, whose message the Discord steps edit when they are done. */
export interface ConfirmationMessage {
  applicationId: string;
  /** Valid for 15 minutes after the click; later edits are skipped. */
  token: string;
}

/** What is needed to finish one intern's onboarding after the database says `onboarded` (or later). */
export interface FinishOnboarding {
  guildId: string;
  programmeId: string;
  memberId: string;
  locale: SupportedLocale;
  confirmation?: ConfirmationMessage;
}

/** How finishing went: `done`, or `skipped` when there is nothing (left) to do. */
export type FinishResult =
  | { status: "done"; threadId: string; dm: boolean }
  | { status: "skipped"; why: string };

/** Edits the confirmation message; an expired token (10015) or a deleted message is not an error. */
async function editConfirmation(
  rest: REST,
  logger: Logger,
  confirmation: ConfirmationMessage | undefined,
  body: Record<string, unknown>,
): Promise<void> {
  if (!confirmation) return;
  try {
    await rest.patch(Routes.webhookMessage(confirmation.applicationId, confirmation.token), {
      body: { allowed_mentions: { parse: [] }, ...body },
      auth: false,
    });
  } catch (error) {
    logger.info({ err: error }, "could not edit the onboarding confirmation (expired or deleted)");
  }
}

/** Tells the intern, under the confirmation, what stopped the Discord steps. */
async function followUpProblem(
  rest: REST,
  logger: Logger,
  confirmation: ConfirmationMessage | undefined,
  content: string,
): Promise<void> {
  if (!confirmation) return;
  try {
    await rest.post(Routes.webhook(confirmation.applicationId, confirmation.token), {
      body: { content, flags: MessageFlags.Ephemeral, allowed_mentions: { parse: [] } },
      auth: false,
    });
  } catch (error) {
    logger.info({ err: error }, "could not tell the intern about the onboarding problem");
  }
}

/**
 * The Discord steps after the onboarding transaction: intern role, private project thread with its
 * welcome, the summary by DM, and the confirmation message edited to the full summary. Runs in the
 * onboarding job (retried on failure; every step checks what exists first), or right after the
 * answer when the job queue is unavailable. A missing workspace part is told to the intern and
 * rethrown: retrying cannot fix it, `/join` will once an organiser has.
 */
export async function finishOnboarding(
  deps: { db: Database; rest: REST; logger: Logger },
  input: FinishOnboarding,
): Promise<FinishResult> {
  const { db, rest } = deps;
  const logger = deps.logger.child({ memberId: input.memberId, programmeId: input.programmeId });
  const t = translator(input.locale);
  const members = createMemberRepository(db);
  const member = await members.get(input.memberId);
  // Only a withdrawal (or a member not onboarded: no stage, or `applied` again after a re-admission,
  // who onboards anew) stops the steps. An intern who moved on before the job ran (claimed a
  // project, or was allocated one) still needs the role and the thread; every step below checks
  // what exists first.
  if (!member || member.stage === null || member.stage === "applied") {
    return { status: "skipped", why: "not onboarded" };
  }
  if (member.stage === "withdrawn") return { status: "skipped", why: "withdrawn" };
  const programme = await createProgrammeRepository(db).get(input.programmeId);
  if (!programme) return { status: "skipped", why: "the programme is gone" };
  const displayName = (await members.profile(member.id))?.displayName ?? member.discordUserId;
  let threadId: string;
  try {
    ({ threadId } = await ensureInternWorkspace(
      { db, rest, logger, t },
      { guildId: input.guildId, programmeId: input.programmeId, member, displayName },
    ));
  } catch (error) {
    if (error instanceof UserError) {
      await followUpProblem(rest, logger, input.confirmation, mapError(error, input.locale).content);
    }
    throw error;
  }
  const embed = await summaryEmbed(db, t, programme, displayName, threadId);
  const dm = await sendSummaryDm(rest, logger, member.discordUserId, embed);
  await editConfirmation(rest, logger, input.confirmation, {
    content: t(dm ? "onboarding.done.dmSent" : "onboarding.done.dmClosed"),
    embeds: [embed],
    components: [],
  });
  logger.info({ threadId, dm }, "intern workspace ready");
  return { status: "done", threadId, dm };
}
