/**
 * The weekly agency digest: its settings (delivery, weekday, time) and what one client's section
 * holds. Never report text, mood, blockers or accommodations: counts and stage only. Pure.
 */
import { DateTime } from "luxon";
import type { InternStage } from "../enums.ts";
import { parseClockTime } from "../operations/rules.ts";
import type { JourneyPhase } from "./funnel.ts";

export const DIGEST_DELIVERIES = ["dm", "thread"] as const;
export type DigestDelivery = (typeof DIGEST_DELIVERIES)[number];

/** 0 = Sunday … 6 = Saturday (cron's numbering). */
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

/** The same days in Japanese (月 = Monday), also accepted. */
const JA_WEEKDAYS = "日月火水木金土";

/** When and how an agency's digest goes out. */
export interface DigestSetting {
  agencyId: string;
  delivery: DigestDelivery;
  weekday: number;
  /** `HH:mm` in the programme's zone. */
  time: string;
  threadId: string | null;
}

/** Parses the settings as typed; null names the field that is wrong. */
export function parseDigestSetting(input: {
  delivery: string;
  weekday: string;
  time: string;
}):
  | { ok: true; value: Omit<DigestSetting, "agencyId" | "threadId"> }
  | { ok: false; field: "delivery" | "weekday" | "time" } {
  if (!(DIGEST_DELIVERIES as readonly string[]).includes(input.delivery))
    return { ok: false, field: "delivery" };
  const typed = input.weekday
    .trim()
    .toLowerCase()
    .replace(/曜日?$/u, "");
  const weekday = Math.max(
    (WEEKDAYS as readonly string[]).indexOf(typed),
    typed.length === 1 ? JA_WEEKDAYS.indexOf(typed) : -1,
  );
  if (weekday < 0) return { ok: false, field: "weekday" };
  const time = parseClockTime(input.time);
  if (time === null) return { ok: false, field: "time" };
  return { ok: true, value: { delivery: input.delivery as DigestDelivery, weekday, time } };
}

/** The cron pattern (minute hour * * weekday) of a digest time, for a BullMQ scheduler with `tz`. */
export function digestCronPattern(setting: { weekday: number; time: string }): string {
  const [hour, minute] = setting.time.split(":").map(Number);
  return `${minute ?? 0} ${hour ?? 0} * * ${setting.weekday}`;
}

/** The scheduler id of an agency's digest. */
export const digestSchedulerId = (agencyId: string) => `agency-digest:${agencyId}`;

/** The 7 local days up to and including the day of `at`, as `YYYY-MM-DD` (`key`: that day). */
export function recentWeek(at: Date, timeZone: string): { from: string; to: string; key: string } {
  const day = DateTime.fromJSDate(at, { zone: timeZone }).startOf("day");
  const to = day.toISODate() ?? "";
  return { from: day.minus({ days: 6 }).toISODate() ?? "", to, key: to };
}

/** What one client's section of the digest (and `/agency client`) shows. */
export interface ClientSnapshot {
  memberId: string;
  discordUserId: string;
  displayName: string | null;
  stage: InternStage | null;
  phase: JourneyPhase | null;
  projectTitle: string | null;
  /** Distinct local days in the last 7 with a check-in, a 日報 or a hand-in. */
  activeDays: number;
  /** 日報 written in the same 7 days (never their text or mood). */
  reports: number;
}
