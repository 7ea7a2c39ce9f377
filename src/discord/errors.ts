import { randomBytes } from "node:crypto";
import { DiscordAPIError, HTTPError, RateLimitError, RESTJSONErrorCodes } from "discord.js";
import type { SupportedLocale } from "../config/env.ts";
import { Constraints, ConstraintViolation, isDatabaseUnavailable } from "../db/errors.ts";
import { UserError } from "../features/errors.ts";
import { type MessageArgs, type MessageKey, t } from "../i18n/translate.ts";
import { JobsUnavailableError } from "../jobs/queues.ts";

/** How an error was classified: what the user sees and how the router records it. */
export interface MappedError {
  /** The localised text shown to the user. Never contains `error.message`, stacks or SQL. */
  content: string;
  /** `user_error`: expected, the user can act on it; `error`: ours or Discord's, logged loudly. */
  outcome: "user_error" | "error";
  /** Where it came from, the `source` label of the `errors` metric. */
  source: "user" | "database" | "discord_api" | "jobs" | "unexpected";
  /** Short id the user is shown for unexpected errors; also logged. */
  errorId?: string;
}

/** A short id such as `E-7F3A` that a user can read out and an operator can grep for. */
export function newErrorId(): string {
  return `E-${randomBytes(2).toString("hex").toUpperCase()}`;
}

/** Keys of messages without variables. */
type PlainKey = { [K in MessageKey]: MessageArgs<K> extends [] ? K : never }[MessageKey];

/** What each product constraint means to a user. A new constraint without a message fails `tsc` here. */
const constraintMessages: Record<keyof typeof Constraints, PlainKey> = {
  allocationOneLivePerMember: "error.constraint.allocationOneLivePerMember",
  allocationOneLivePerAssignment: "error.constraint.allocationOneLivePerAssignment",
  memberPerProgramme: "error.constraint.memberPerProgramme",
  programmeName: "error.constraint.programmeName",
  assignmentKey: "error.constraint.assignmentKey",
  assignmentVersionContent: "error.constraint.assignmentVersionContent",
  preferenceRank: "error.constraint.preferenceRank",
  preferenceAssignment: "error.constraint.preferenceAssignment",
  presentationSlotMember: "error.constraint.presentationSlotMember",
  presentationSlotOrder: "error.constraint.presentationSlotOrder",
  competencyScore: "error.constraint.competencyScore",
  checkInOnePerMember: "error.constraint.checkInOnePerMember",
  dailyReportPerDay: "error.constraint.dailyReportPerDay",
};

const constraintByName = new Map<string, PlainKey>(
  Object.entries(Constraints).map(([id, name]) => [name, constraintMessages[id as keyof typeof Constraints]]),
);

const discordCodeMessages = new Map<number, PlainKey>([
  [RESTJSONErrorCodes.MissingPermissions, "error.discord.missingPermissions"],
  [RESTJSONErrorCodes.MissingAccess, "error.discord.missingAccess"],
  [RESTJSONErrorCodes.UnknownChannel, "error.discord.unknownChannel"],
  [RESTJSONErrorCodes.UnknownMessage, "error.discord.unknownMessage"],
  [RESTJSONErrorCodes.UnknownRole, "error.discord.unknownRole"],
  [RESTJSONErrorCodes.UnknownMember, "error.discord.unknownMember"],
  [RESTJSONErrorCodes.UnknownUser, "error.discord.unknownMember"],
  [RESTJSONErrorCodes.CannotSendMessagesToThisUser, "error.discord.cannotMessageUser"],
]);

/** Discord's 30xxx codes all mean "maximum number of … reached". */
function isLimitCode(code: number): boolean {
  return code >= 30_000 && code < 31_000;
}

function discordKey(error: unknown): PlainKey | undefined {
  if (error instanceof RateLimitError) return "error.discord.rateLimited";
  if (error instanceof DiscordAPIError) {
    if (error.status === 429) return "error.discord.rateLimited";
    if (error.status >= 500) return "error.discord.unavailable";
    if (typeof error.code === "number") {
      if (isLimitCode(error.code)) return "error.discord.limitReached";
      return discordCodeMessages.get(error.code);
    }
    return undefined;
  }
  if (error instanceof HTTPError) return error.status >= 500 ? "error.discord.unavailable" : undefined;
  // @discordjs/rest aborts a request that exceeds its timeout with a DOMException named AbortError.
  if (error instanceof Error && error.name === "AbortError") return "error.discord.unavailable";
  return undefined;
}

/**
 * The one error mapper. Turns anything a handler threw into what the user sees:
 * - {@link UserError} → its message;
 * - {@link ConstraintViolation} → what the violated rule means (e.g. "already allocated");
 * - Discord API errors (50013 Missing Permissions, 50001 Missing Access, 10003 Unknown Channel,
 *   30xxx limits, 429, 5xx, timeouts) → what went wrong and who can fix it;
 * - {@link JobsUnavailableError} (Redis down) → what was saved and what happens next;
 * - the database down, failing over or busy ({@link isDatabaseUnavailable}) → nothing changed, try again;
 * - anything else → a generic apology with a fresh error id.
 *
 * Pure: the caller logs (with `errorId`) and counts.
 */
export function mapError(error: unknown, locale: SupportedLocale): MappedError {
  if (error instanceof UserError) {
    return { content: error.render(locale), outcome: "user_error", source: "user" };
  }
  if (error instanceof ConstraintViolation) {
    const key = constraintByName.get(error.constraint) ?? "error.constraint.unique";
    return { content: t(locale, key), outcome: "user_error", source: "database" };
  }
  const errorId = newErrorId();
  if (error instanceof JobsUnavailableError) {
    return { content: t(locale, "error.jobsUnavailable"), outcome: "error", source: "jobs", errorId };
  }
  if (isDatabaseUnavailable(error)) {
    return {
      content: t(locale, "error.databaseUnavailable", { errorId }),
      outcome: "error",
      source: "database",
      errorId,
    };
  }
  const key = discordKey(error);
  if (key) return { content: t(locale, key), outcome: "error", source: "discord_api", errorId };
  return {
    content: t(locale, "error.unexpected", { errorId }),
    outcome: "error",
    source: "unexpected",
    errorId,
  };
}
