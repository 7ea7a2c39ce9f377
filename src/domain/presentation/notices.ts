/**
 * An intern's slot notice ("you present 3rd, at 14:20, 10 minutes, live") is owed for each state
 * their slot reaches: its start, length and format, or its removal. One notice per state, so a
 * notice job run twice, queued twice, or re-created by the reconciler posts once; a change gives a
 * new state and so a new notice.
 */
import type { PresentationFormat, PresentationSlotStatus } from "../enums.ts";

export type SlotNoticeKind = "scheduled" | "changed" | "removed";

/** The state a notice tells: `removed`, or `<start epoch s>-<minutes>-<format>`. */
export function slotNoticeState(slot: {
  status: PresentationSlotStatus;
  startsAt: Date;
  minutes: number;
  format: PresentationFormat;
}): string {
  if (slot.status === "removed") return "removed";
  return `${Math.floor(slot.startsAt.getTime() / 1000)}-${slot.minutes}-${slot.format}`;
}

/** The job id of the notice of one slot state (BullMQ ids may not contain `:`). */
export function slotNoticeJobId(slotId: string, state: string): string {
  return `presentation-notice-${slotId}-${state}`;
}
