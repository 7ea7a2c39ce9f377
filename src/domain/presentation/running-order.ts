/**
 * The running order of a presentation session: when each slot starts, where the breaks fall, how
 * long the whole takes and by how much it overruns the time it must end by. Pure: the same input
 * gives the same plan, so a preview and its confirmation can be compared by {@link planHash}.
 */
import { createHash } from "node:crypto";
import type { PresentationFormat } from "../enums.ts";

const MINUTE_MS = 60_000;

/** The timing settings of a session. A slot's minutes include its Q&A. */
export interface SessionTiming {
  startsAt: Date;
  /** The default slot length (talk + Q&A), in minutes. */
  slotMinutes: number;
  qaMinutes: number;
  /** Between two slots (a break replaces it). */
  bufferMinutes: number;
  /** A break after every N positions; 0: none. */
  breakEvery: number;
  breakMinutes: number;
}

/**
 * One position in the sequence: a slot (`gap` false), or a removed slot whose time is kept free
 * (`gap` true: removed without closing the gap; nobody presents, the times after it stay).
 */
export interface SequenceItem {
  key: string;
  /** Null: the session's {@link SessionTiming.slotMinutes}. */
  minutes: number | null;
  format: PresentationFormat;
  gap: boolean;
}

export interface PlannedSlot {
  key: string;
  /** 1-based position in the sequence (gaps included, so the numbers stay put). */
  position: number;
  startsAt: Date;
  qaStartsAt: Date;
  endsAt: Date;
  minutes: number;
  format: PresentationFormat;
  gap: boolean;
}

export interface PlannedBreak {
  afterPosition: number;
  startsAt: Date;
  endsAt: Date;
}

export interface RunningOrder {
  slots: PlannedSlot[];
  breaks: PlannedBreak[];
  startsAt: Date;
  endsAt: Date;
  totalMinutes: number;
  /** Minutes past `endBy`; 0 when it fits or no end was given. */
  overrunMinutes: number;
}

/** Why a timing cannot make a running order. */
export type TimingProblem = "slot_shorter_than_qa" | "no_slots";

export class TimingRefused extends Error {
  override name = "TimingRefused";
  constructor(
    readonly problem: TimingProblem,
    readonly key: string | null = null,
  ) {
    super(`timing refused: ${problem}${key === null ? "" : ` (${key})`}`);
  }
}

const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE_MS);

/**
 * Lays the sequence out from `timing.startsAt`: slot, buffer, slot, …, with a break instead of the
 * buffer after every `breakEvery` positions (never after the last). Throws {@link TimingRefused}.
 */
export function computeRunningOrder(
  timing: SessionTiming,
  sequence: readonly SequenceItem[],
  endBy: Date | null = null,
): RunningOrder {
  if (sequence.length === 0) throw new TimingRefused("no_slots");
  const slots: PlannedSlot[] = [];
  const breaks: PlannedBreak[] = [];
  let offset = 0;
  sequence.forEach((item, index) => {
    const minutes = item.minutes ?? timing.slotMinutes;
    if (!item.gap && minutes <= timing.qaMinutes) throw new TimingRefused("slot_shorter_than_qa", item.key);
    const position = index + 1;
    slots.push({
      key: item.key,
      position,
      startsAt: at(timing.startsAt, offset),
      qaStartsAt: at(timing.startsAt, offset + minutes - timing.qaMinutes),
      endsAt: at(timing.startsAt, offset + minutes),
      minutes,
      format: item.format,
      gap: item.gap,
    });
    offset += minutes;
    if (position === sequence.length) return;
    if (timing.breakEvery > 0 && position % timing.breakEvery === 0) {
      breaks.push({
        afterPosition: position,
        startsAt: at(timing.startsAt, offset),
        endsAt: at(timing.startsAt, offset + timing.breakMinutes),
      });
      offset += timing.breakMinutes;
    } else {
      offset += timing.bufferMinutes;
    }
  });
  const endsAt = at(timing.startsAt, offset);
  const overrun = endBy === null ? 0 : Math.ceil((endsAt.getTime() - endBy.getTime()) / MINUTE_MS);
  return {
    slots,
    breaks,
    startsAt: timing.startsAt,
    endsAt,
    totalMinutes: offset,
    overrunMinutes: Math.max(0, overrun),
  };
}

/** A short fingerprint of a plan: the confirmation refuses when the plan it would apply differs. */
export function planHash(plan: RunningOrder): string {
  const canonical = plan.slots.map((s) => [s.key, s.startsAt.getTime(), s.minutes, s.format, s.gap]);
  return createHash("sha256")
    .update(JSON.stringify([plan.startsAt.getTime(), plan.endsAt.getTime(), canonical]))
    .digest("hex")
    .slice(0, 16);
}
