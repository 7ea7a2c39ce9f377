/**
 * Daily operations' rules: local days and times in the programme's zone, which day a 日報 may be
 * written for, and when a gentle reminder is due. Pure: the callers pass the clock.
 */
import { DateTime } from "luxon";

/** Each free-text field of a 日報 (done, blockers, next) holds at most this many characters. */
export const REPORT_FIELD_MAX = 1000;
/** When a reminder goes out unless the intern chose another time. */
export const DEFAULT_REMINDER_TIME = "21:00";
/** The stored reminder time that means "no reminders". */
export const REMINDERS_OFF = "off";
/** With `fewerNotifications`, at most this many reminders in any 7 local days. */
export const FEWER_NOTIFICATIONS_WEEKLY_CAP = 2;
/** The kind of {@link Nudge} a daily-report reminder records. */
export const REPORT_REMINDER_NUDGE = "report_reminder";

/** `YYYY-MM-DD`, the day `at` falls on in `timeZone`. */
export function localDateOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? "";
}

/** `HH:mm`, the wall-clock time of `at` in `timeZone`. */
export function localTimeOf(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("HH:mm");
}

/** The day `days` after (negative: before) a `YYYY-MM-DD` day. */
export function shiftLocalDate(day: string, days: number): string {
  return DateTime.fromISO(day, { zone: "UTC" }).plus({ days }).toISODate() ?? day;
}

/** The instants a local day spans in `timeZone`: [start, end). */
export function localDayBounds(day: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(day, { zone: timeZone }).startOf("day");
  return { start: start.toJSDate(), end: start.plus({ days: 1 }).toJSDate() };
}

/** A strict `YYYY-MM-DD` calendar day, or null. */
export function parseLocalDate(text: string): string | null {
  const trimmed = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return null;
  return DateTime.fromISO(trimmed, { zone: "UTC" }).isValid ? trimmed : null;
}

/** `H:mm` or `HH:mm` (00:00–23:59) normalised to `HH:mm`, or null. */
export function parseClockTime(text: string): string | null {
  const match = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return match ? `${match[1]?.padStart(2, "0")}:${match[2]}` : null;
}

/** The programme's first and last local days. */
export interface ProgrammeDays {
  firstDay: string;
  lastDay: string;
  timeZone: string;
}

/** {@link ProgrammeDays} of a programme's instants. */
export function programmeDays(programme: { startsAt: Date; endsAt: Date; timeZone: string }): ProgrammeDays {
  return {
    firstDay: localDateOf(programme.startsAt, programme.timeZone),
    lastDay: localDateOf(programme.endsAt, programme.timeZone),
    timeZone: programme.timeZone,
  };
}

/** Why a day cannot have a report written for it. */
export type ReportDateProblem = "beforeProgramme" | "afterProgramme" | "tooOld" | "future";

/**
 * Whether a 日報 may be written for `day` now: today or yesterday (the programme's zone), within
 * the programme. A modal opened yesterday for "today" and sent after midnight still passes.
 */
export function checkReportDate(
  day: string,
  now: Date,
  programme: ProgrammeDays,
): { ok: true } | { ok: false; problem: ReportDateProblem } {
  const today = localDateOf(now, programme.timeZone);
  if (day > today) return { ok: false, problem: "future" };
  if (day < shiftLocalDate(today, -1)) return { ok: false, problem: "tooOld" };
  if (day < programme.firstDay) return { ok: false, problem: "beforeProgramme" };
  if (day > programme.lastDay) return { ok: false, problem: "afterProgramme" };
  return { ok: true };
}

/** The day `/report write date:` names. */
export function reportDay(choice: "today" | "yesterday", now: Date, timeZone: string): string {
  const today = localDateOf(now, timeZone);
  return choice === "today" ? today : shiftLocalDate(today, -1);
}

/** Why `/report pause until:` was refused. */
export type PauseProblem = "format" | "past" | "afterProgramme";

/** Checks a pause's last day: a real day, not before today, not after the programme. */
export function checkPauseUntil(
  text: string,
  now: Date,
  programme: ProgrammeDays,
): { ok: true; until: string } | { ok: false; problem: PauseProblem } {
  const until = parseLocalDate(text);
  if (!until) return { ok: false, problem: "format" };
  if (until < localDateOf(now, programme.timeZone)) return { ok: false, problem: "past" };
  if (until > programme.lastDay) return { ok: false, problem: "afterProgramme" };
  return { ok: true, until };
}

/** What decides whether one intern gets a daily-report reminder now. */
export interface ReminderFacts {
  now: Date;
  programme: ProgrammeDays;
  /** The intern's chosen time (`HH:mm`), `"off"`, or null for the default. */
  reminderTime: string | null;
  /** Last paused day (`YYYY-MM-DD`), or null. */
  pausedUntil: string | null;
  fewerNotifications: boolean;
  /** Whether they started a check-in today (local). */
  checkedInToday: boolean;
  /** Whether today's report exists. */
  reportedToday: boolean;
  /** Local days of the reminders already sent, any period covering the last 7 days. */
  nudgeDays: readonly string[];
}

/** Why no reminder is due. */
export type NoReminderReason =
  | "off"
  | "paused"
  | "outsideProgramme"
  | "notCheckedIn"
  | "reported"
  | "alreadyNudged"
  | "weeklyCap"
  | "notYet";

/**
 * At most one reminder a day, only on a day the intern checked in without reporting, from their
 * reminder time until midnight; none while paused; with `fewerNotifications` at most
 * {@link FEWER_NOTIFICATIONS_WEEKLY_CAP} in the 7 days ending today.
 */
export function reminderDue(
  facts: ReminderFacts,
): { due: true; localDate: string } | { due: false; reason: NoReminderReason } {
  const { timeZone } = facts.programme;
  const today = localDateOf(facts.now, timeZone);
  if (facts.reminderTime === REMINDERS_OFF) return { due: false, reason: "off" };
  if (facts.pausedUntil !== null && today <= facts.pausedUntil) return { due: false, reason: "paused" };
  if (today < facts.programme.firstDay || today > facts.programme.lastDay) {
    return { due: false, reason: "outsideProgramme" };
  }
  if (!facts.checkedInToday) return { due: false, reason: "notCheckedIn" };
  if (facts.reportedToday) return { due: false, reason: "reported" };
  if (facts.nudgeDays.includes(today)) return { due: false, reason: "alreadyNudged" };
  if (facts.fewerNotifications) {
    const weekStart = shiftLocalDate(today, -6);
    const thisWeek = facts.nudgeDays.filter((d) => d >= weekStart && d <= today).length;
    if (thisWeek >= FEWER_NOTIFICATIONS_WEEKLY_CAP) return { due: false, reason: "weeklyCap" };
  }
  const time = parseClockTime(facts.reminderTime ?? "") ?? DEFAULT_REMINDER_TIME;
  if (localTimeOf(facts.now, timeZone) < time) return { due: false, reason: "notYet" };
  return { due: true, localDate: today };
}
