/**
 * Reminders before a milestone: the announcements channel hears of the mid-point review, the
 * submission deadline and the presentation some hours ahead (MILESTONE_REMINDER_HOURS), pinging
 * the intern role, on top of the announcement at the milestone's own time.
 */
import type { MilestoneKind } from "../enums.ts";

/**
 * The kinds reminded ahead: the ones interns prepare for (a review to get ready for, work to hand
 * in, a talk to give). The kick-off and the debrief are announced at their time only: nothing is
 * to be done before them, and the debrief falls hours after the presentation, whose reminder
 * already went out. (The `/program open` reply, `program.open.reminders`, names these three.)
 */
export const REMINDED_KINDS: ReadonlySet<MilestoneKind> = new Set<MilestoneKind>([
  "midpoint",
  "submission_deadline",
  "presentation",
]);

const HOUR_MS = 3_600_000;

/** One reminder to queue: how many hours before the milestone, and when that is. */
export interface PlannedMilestoneReminder {
  leadHours: number;
  dueAt: Date;
}

/**
 * The reminders of one milestone still ahead at `now`, soonest first; none for a kind not in
 * {@link REMINDED_KINDS} or a milestone already past. A reminder whose time has come is left out
 * (the announcement at the milestone's time still goes out), except, with `includeDueSince`, those
 * that came due since then (a reconciler finding that Redis lost their jobs), as long as the
 * milestone is still ahead.
 */
export function planMilestoneReminders(input: {
  kind: MilestoneKind;
  at: Date;
  leadHours: readonly number[];
  now: Date;
  includeDueSince?: Date;
}): PlannedMilestoneReminder[] {
  if (!REMINDED_KINDS.has(input.kind)) return [];
  const now = input.now.getTime();
  const at = input.at.getTime();
  if (at <= now) return [];
  const since = input.includeDueSince?.getTime() ?? now;
  return [...new Set(input.leadHours)]
    .filter((leadHours) => leadHours > 0)
    .map((leadHours) => ({ leadHours, dueAt: new Date(at - leadHours * HOUR_MS) }))
    .filter((r) => r.dueAt.getTime() > now || (since < now && r.dueAt.getTime() >= since))
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/**
 * The id of the delayed job of one reminder. Deterministic, so adding it twice is a no-op; a moved
 * milestone gives new ids, and the old jobs find the milestone moved and end without posting.
 */
export function milestoneReminderJobId(milestoneId: string, leadHours: number, at: Date): string {
  return `milestone-reminder-${milestoneId}-${leadHours}h-${Math.floor(at.getTime() / 1000)}`;
}
