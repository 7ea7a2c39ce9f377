/** Reminders to each presenter before their slot: 24 h, 1 h and 10 min; fewer notifications: 1 h. */

const MINUTE_MS = 60_000;

/** Minutes before a slot's start. */
export const PRESENTATION_REMINDER_OFFSETS_MIN = [1440, 60, 10] as const;
export const FEWER_NOTIFICATIONS_OFFSET_MIN = 60;

export interface PlannedSlotReminder {
  offsetMin: number;
  dueAt: Date;
}

/** The reminders of one slot still due after `now`, earliest first. */
export function planSlotReminders(input: {
  startsAt: Date;
  fewerNotifications: boolean;
  now: Date;
}): PlannedSlotReminder[] {
  const offsets = input.fewerNotifications
    ? [FEWER_NOTIFICATIONS_OFFSET_MIN]
    : [...PRESENTATION_REMINDER_OFFSETS_MIN];
  return offsets
    .map((offsetMin) => ({ offsetMin, dueAt: new Date(input.startsAt.getTime() - offsetMin * MINUTE_MS) }))
    .filter((r) => r.dueAt.getTime() > input.now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime());
}

/** Deterministic per slot, offset and start: a moved slot gets new ids, the old ones are removed. */
export function presentationReminderJobId(slotId: string, offsetMin: number, startsAt: Date): string {
  return `presentation-reminder-${slotId}-${offsetMin}-${Math.floor(startsAt.getTime() / 1000)}`;
}
