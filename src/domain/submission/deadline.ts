/** Whose deadline is when, whether a hand-in is late, and when to remind. */
import { FEWER_NOTIFICATIONS_OFFSET_HOURS } from "./types.ts";

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/** Where a person's effective deadline comes from. */
export type DeadlineSource = "programme" | "extension" | "accommodation";

export interface EffectiveDeadline {
  at: Date;
  source: DeadlineSource;
}

/**
 * A person's effective deadline: their own extension when they have one (earlier or later than
 * the programme's: the organiser decided), else the programme's `submission_deadline` milestone,
 * moved by the accommodation hours for interns with extended deadlines. Null without either.
 */
export function effectiveDeadline(input: {
  programmeDeadline: Date | null;
  extension: { until: Date } | null;
  extendedDeadlines: boolean;
  accommodationExtensionHours: number;
}): EffectiveDeadline | null {
  if (input.extension !== null) return { at: input.extension.until, source: "extension" };
  if (input.programmeDeadline === null) return null;
  if (input.extendedDeadlines && input.accommodationExtensionHours > 0) {
    return {
      at: new Date(input.programmeDeadline.getTime() + input.accommodationExtensionHours * HOUR_MS),
      source: "accommodation",
    };
  }
  return { at: input.programmeDeadline, source: "programme" };
}

/** How late a hand-in is; whole minutes rounded up, so a late hand-in is never "0 min" late. */
export type Lateness = { late: false } | { late: true; hours: number; minutes: number };

/**
 * Whether `submittedAt` is past `deadline`. Exactly on the deadline is on time. `submittedAt` is
 * when Discord received the command, so a slow answer never makes anyone late.
 */
export function lateness(submittedAt: Date, deadline: Date | null): Lateness {
  if (deadline === null) return { late: false };
  const overMs = submittedAt.getTime() - deadline.getTime();
  if (overMs <= 0) return { late: false };
  const totalMinutes = Math.ceil(overMs / MINUTE_MS);
  return { late: true, hours: Math.floor(totalMinutes / 60), minutes: totalMinutes % 60 };
}

/** One reminder to send before a deadline. */
export interface PlannedReminder {
  offsetHours: number;
  dueAt: Date;
}

/**
 * The reminders before `deadline`, soonest first: one per offset (fewer notifications: the 24 h
 * one only). Reminders already due at `now` are left out, except, with `includeDueSince`, the most
 * recent one that came due since then (a reconciler finding that Redis lost its job), as long as
 * the deadline is still ahead.
 */
export function planReminders(input: {
  deadline: Date;
  offsetsHours: readonly number[];
  fewerNotifications: boolean;
  now: Date;
  includeDueSince?: Date;
}): PlannedReminder[] {
  const offsets = input.fewerNotifications
    ? [FEWER_NOTIFICATIONS_OFFSET_HOURS]
    : [...new Set(input.offsetsHours)];
  const now = input.now.getTime();
  const deadline = input.deadline.getTime();
  if (deadline <= now) return [];
  const all = offsets
    .map((offsetHours) => ({ offsetHours, dueAt: new Date(deadline - offsetHours * HOUR_MS) }))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
  const future = all.filter((r) => r.dueAt.getTime() > now);
  const due = all.filter((r) => r.dueAt.getTime() <= now);
  const latestDue = due.at(-1);
  const since = input.includeDueSince?.getTime();
  return since !== undefined && latestDue !== undefined && latestDue.dueAt.getTime() >= since
    ? [latestDue, ...future]
    : future;
}

/**
 * The id of the delayed job of one reminder. Deterministic, so adding it twice is a no-op; a moved
 * deadline gives new ids, and the old jobs find the deadline moved and end.
 */
export function reminderJobId(memberId: string, offsetHours: number, deadline: Date): string {
  return `submission-reminder-${memberId}-${offsetHours}-${Math.floor(deadline.getTime() / 1000)}`;
}
