/**
 * The day itself: which slot is on, which is next, how late it runs, and what each button does.
 * Every step takes the position the clicker saw (`expected`): a second click on the same message,
 * or a click on a stale one, changes nothing, so a double click advances once.
 */
import type { PresentationSlotStatus, PresentationStatus } from "../enums.ts";

const MINUTE_MS = 60_000;

export interface LiveSlot {
  key: string;
  position: number;
  status: PresentationSlotStatus;
  plannedStartsAt: Date;
  startedAt: Date | null;
}

export interface LiveState {
  status: PresentationStatus;
  /** The position on now; 0 before the first, null before the start. */
  currentOrder: number | null;
  /** Minutes added on the day ("+2 min", breaks). */
  delayMinutes: number;
  /** By position; removed slots (gaps) included with status `removed`. */
  slots: LiveSlot[];
}

export type LiveRefusal = "not_live" | "not_scheduled" | "nothing_to_present";

/** The result of a step: `stale` when `expected` was not the current position (nothing changed). */
export type LiveStep =
  | { kind: "changed"; state: LiveState; finished: string | null; started: string | null }
  | { kind: "stale"; state: LiveState }
  | { kind: "refused"; reason: LiveRefusal };

const presentable = (s: LiveSlot) => s.status === "planned" || s.status === "confirmed";

function nextPresentable(slots: readonly LiveSlot[], after: number): LiveSlot | null {
  return slots.find((s) => s.position > after && presentable(s)) ?? null;
}

/** The slot on now, or null (before the first, or after the last). */
export function nowOn(state: LiveState): LiveSlot | null {
  if (state.currentOrder === null || state.currentOrder === 0) return null;
  return state.slots.find((s) => s.position === state.currentOrder && s.status === "live") ?? null;
}

/** The slot after the current one, and the one after that (who hears "you are on after X"). */
export function upNext(state: LiveState): { next: LiveSlot | null; afterNext: LiveSlot | null } {
  const next = nextPresentable(state.slots, state.currentOrder ?? 0);
  return { next, afterNext: next === null ? null : nextPresentable(state.slots, next.position) };
}

/** How many minutes behind the plan the current slot started, plus time added since; never negative. */
export function minutesLate(state: LiveState, now: Date): number {
  const current = nowOn(state);
  const reference = current ?? upNext(state).next;
  if (reference === null) return 0;
  const actual = current?.startedAt ?? now;
  const late = Math.floor((actual.getTime() - reference.plannedStartsAt.getTime()) / MINUTE_MS);
  return Math.max(0, late) + state.delayMinutes;
}

function withSlot(slots: readonly LiveSlot[], key: string, patch: Partial<LiveSlot>): LiveSlot[] {
  return slots.map((s) => (s.key === key ? { ...s, ...patch } : s));
}

/** `SCHEDULED → live`: the first presentable slot goes on. */
export function startSession(state: LiveState, now: Date): LiveStep {
  if (state.status !== "scheduled") return { kind: "refused", reason: "not_scheduled" };
  const first = nextPresentable(state.slots, 0);
  if (first === null) return { kind: "refused", reason: "nothing_to_present" };
  return {
    kind: "changed",
    finished: null,
    started: first.key,
    state: {
      ...state,
      status: "live",
      currentOrder: first.position,
      slots: withSlot(state.slots, first.key, { status: "live", startedAt: now }),
    },
  };
}

/**
 * Ends the current slot as `outcome` (`presented`, or `no_show`) and puts the next one on. After
 * the last, `currentOrder` is past every position and nothing is on.
 */
export function advance(
  state: LiveState,
  expected: number,
  now: Date,
  outcome: "presented" | "no_show" = "presented",
): LiveStep {
  if (state.status !== "live") return { kind: "refused", reason: "not_live" };
  if (state.currentOrder !== expected) return { kind: "stale", state };
  const current = nowOn(state);
  let slots = current === null ? state.slots : withSlot(state.slots, current.key, { status: outcome });
  const next = nextPresentable(slots, expected);
  if (next !== null) slots = withSlot(slots, next.key, { status: "live", startedAt: now });
  const last = state.slots.reduce((max, s) => Math.max(max, s.position), 0);
  return {
    kind: "changed",
    finished: current?.key ?? null,
    started: next?.key ?? null,
    state: { ...state, slots, currentOrder: next?.position ?? last + 1 },
  };
}

/** "+2 min" and "Break": time added to the day; the order stays. */
export function addDelay(state: LiveState, expected: number, minutes: number): LiveStep {
  if (state.status !== "live") return { kind: "refused", reason: "not_live" };
  if (state.currentOrder !== expected) return { kind: "stale", state };
  return {
    kind: "changed",
    finished: null,
    started: null,
    state: { ...state, delayMinutes: state.delayMinutes + minutes },
  };
}

/** The make-up list: no-shows, in their order, offered at the end. */
export function makeUps(state: LiveState): LiveSlot[] {
  return state.slots.filter((s) => s.status === "no_show");
}

/** Which status an ending gives: `live → completed`, `scheduled → cancelled`. */
export function endStatus(status: PresentationStatus, how: "end" | "cancel"): PresentationStatus | null {
  if (how === "end") return status === "live" ? "completed" : null;
  return status === "scheduled" || status === "draft" ? "cancelled" : null;
}
