/**
 * A programme's calendar: its dates as typed by organisers (`YYYY-MM-DD` in the programme's time
 * zone), turned into instants with luxon (IANA zones through Intl, daylight saving included).
 */
import { DateTime, IANAZone } from "luxon";

/** Why dates were refused. */
export type DateProblem =
  | { problem: "timeZone"; timeZone: string }
  | { problem: "format"; option: "start" | "end"; value: string }
  | { problem: "order"; start: string; end: string }
  | { problem: "tooLong"; days: number; max: number };

/** A programme may last at most this many days. */
export const MAX_PROGRAMME_DAYS = 366;

/** The programme's period as instants: from the first day's 00:00 to the last day's 23:59:59.999. */
export interface ProgrammePeriod {
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  /** The days as given, `YYYY-MM-DD`. */
  startDay: string;
  endDay: string;
}

/** Whether `zone` is an IANA time zone this runtime knows (`Asia/Tokyo`, `Europe/Berlin`, `UTC`). */
export function isTimeZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string, timeZone: string): DateTime | null {
  if (!DAY.test(value.trim())) return null;
  const parsed = DateTime.fromISO(value.trim(), { zone: timeZone });
  return parsed.isValid ? parsed.startOf("day") : null;
}

/** Parses and checks a programme's dates. Returns the period or the first problem. */
export function parsePeriod(input: {
  start: string;
  end: string;
  timeZone: string;
}): { ok: true; period: ProgrammePeriod } | ({ ok: false } & DateProblem) {
  const timeZone = input.timeZone.trim();
  if (!isTimeZone(timeZone)) return { ok: false, problem: "timeZone", timeZone };
  const start = day(input.start, timeZone);
  if (!start) return { ok: false, problem: "format", option: "start", value: input.start };
  const end = day(input.end, timeZone);
  if (!end) return { ok: false, problem: "format", option: "end", value: input.end };
  if (end < start) return { ok: false, problem: "order", start: input.start.trim(), end: input.end.trim() };
  const days = Math.round(end.diff(start, "days").days) + 1;
  if (days > MAX_PROGRAMME_DAYS) return { ok: false, problem: "tooLong", days, max: MAX_PROGRAMME_DAYS };
  return {
    ok: true,
    period: {
      startsAt: start.toJSDate(),
      endsAt: end.endOf("day").toJSDate(),
      timeZone: IANAZone.create(timeZone).name,
      startDay: start.toISODate() ?? input.start,
      endDay: end.toISODate() ?? input.end,
    },
  };
}

/** The first day of a stored period, as `YYYY-MM-DD` in its zone. */
export function localDay(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toISODate() ?? "";
}

/**
 * The last moment of the local day `days` days after `at` in `timeZone` (23:59:59.999 there), for
 * deadlines counted in days: "three days to swap" ends when the third day does, whatever the hour
 * the count started at, and reads as a day rather than as "until 10:37".
 */
export function endOfLocalDayAfter(at: Date, days: number, timeZone: string): Date {
  return DateTime.fromJSDate(at, { zone: timeZone }).plus({ days }).endOf("day").toJSDate();
}

/** A few IANA zones matching `query` (for autocomplete), Asia/Tokyo first when it matches. */
export function suggestTimeZones(query: string, limit = 25): string[] {
  const all =
    (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.("timeZone") ?? [];
  const needle = query.trim().toLowerCase();
  const zones = ["Asia/Tokyo", "UTC", ...all.filter((z) => z !== "Asia/Tokyo" && z !== "UTC")];
  return zones.filter((z) => z.toLowerCase().includes(needle)).slice(0, limit);
}

const LOCAL_DATE_TIME = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})$/;

/**
 * Reads `YYYY-MM-DD HH:mm` as a local time in `timeZone`, or null when it is not one. A time the
 * clocks skip (a daylight-saving gap) is refused rather than silently moved.
 */
export function parseLocalDateTime(value: string, timeZone: string): Date | null {
  const match = LOCAL_DATE_TIME.exec(value.trim());
  if (!match) return null;
  const text = `${match[1]}T${match[2]}`;
  const parsed = DateTime.fromISO(text, { zone: timeZone });
  if (!parsed.isValid || parsed.toFormat("yyyy-MM-dd'T'HH:mm") !== text) return null;
  return parsed.toJSDate();
}

/** An instant as `YYYY-MM-DD HH:mm` in `timeZone`: the format organisers type. */
export function formatLocalDateTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("yyyy-MM-dd HH:mm");
}

/** The period of a stored programme (its first and last day in its own time zone). */
export function storedPeriod(programme: { startsAt: Date; endsAt: Date; timeZone: string }): ProgrammePeriod {
  return {
    startsAt: programme.startsAt,
    endsAt: programme.endsAt,
    timeZone: programme.timeZone,
    startDay: localDay(programme.startsAt, programme.timeZone),
    endDay: localDay(programme.endsAt, programme.timeZone),
  };
}
