/**
 * The one swap an intern may make: within the organiser's window after they got their
 * assignment (default three days), and only once per programme. The skill-mismatch problem the
 * programme exists to solve shows up in the first days; later a mentor is the better help.
 */
import { endOfLocalDayAfter } from "../programme/dates.ts";

/** The default swap window, in days, when the programme does not set one. */
const _DEFAULT_SWAP_WINDOW_DAYS = 3;

/**
 * The last moment a swap is allowed for an allocation made at `allocatedAt`: the end of the local
 * day (in the programme's `timeZone`) `windowDays` days later, so a window never ends at an odd
 * minute; or null when the programme allows no swaps (a window of 0 days).
 */
export function swapDeadline(allocatedAt: Date, windowDays: number, timeZone: string): Date | null {
  if (windowDays <= 0) return null;
  return endOfLocalDayAfter(allocatedAt, windowDays, timeZone);
}

/** What the swap rule needs to know about the intern's allocations in this programme. */
export interface SwapSituation {
  /** When the live allocation was made, or null when there is none. */
  readonly liveAllocatedAt: Date | null;
  /** Methods of every allocation the intern had in this programme, released ones included. */
  readonly methods: readonly string[];
  readonly windowDays: number;
  /** The programme's time zone: the window ends at the end of a day there. */
  readonly timeZone: string;
  readonly now: Date;
}

/** Why a swap is refused, or null when it is allowed. */
export type SwapRefusal = "no_assignment" | "swaps_off" | "already_swapped" | "window_closed";

/**
 * Whether the intern may swap now. The window runs from the live allocation; an allocation made
 * by a swap means the swap was used.
 */
export function swapRefusal(situation: SwapSituation): SwapRefusal | null {
  if (situation.liveAllocatedAt === null) return "no_assignment";
  const deadline = swapDeadline(situation.liveAllocatedAt, situation.windowDays, situation.timeZone);
  if (deadline === null) return "swaps_off";
  if (situation.methods.includes("swap")) return "already_swapped";
  if (situation.now.getTime() > deadline.getTime()) return "window_closed";
  return null;
}
