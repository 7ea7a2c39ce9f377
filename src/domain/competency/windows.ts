/**
 * When each phase's sheet can be filled in, from the programme's milestones:
 * before = from joining to kick-off + 3 days; during = mid-point ± 5 days;
 * after = from the debrief to debrief + 14 days. A window closes at the end of that local day in
 * the programme's time zone, not at the milestone's hour. A phase whose milestone is not scheduled
 * has no window (and cannot be rated).
 */
import type { MilestoneKind } from "../enums.ts";
import { endOfLocalDayAfter } from "../programme/dates.ts";
import type { Phase } from "./elements.ts";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RatingWindow {
  phase: Phase;
  opensAt: Date;
  closesAt: Date;
}

/** The first milestone of each kind is the one that counts. */
export type MilestoneDates = Partial<Record<MilestoneKind, Date>>;

export function milestoneDates(milestones: readonly { kind: MilestoneKind; at: Date }[]): MilestoneDates {
  const dates: MilestoneDates = {};
  for (const m of [...milestones].sort((a, b) => a.at.getTime() - b.at.getTime())) {
    dates[m.kind] ??= m.at;
  }
  return dates;
}

const plus = (at: Date, days: number) => new Date(at.getTime() + days * DAY_MS);

export function ratingWindow(
  phase: Phase,
  dates: MilestoneDates,
  joinedAt: Date,
  timeZone: string,
): RatingWindow | null {
  const closing = (at: Date, days: number) => endOfLocalDayAfter(at, days, timeZone);
  switch (phase) {
    case "before": {
      if (dates.kickoff === undefined) return null;
      const closesAt = closing(dates.kickoff, 3);
      // Someone who joins late still gets the three days after kick-off, never an empty window.
      const opensAt = joinedAt < closesAt ? joinedAt : dates.kickoff;
      return { phase, opensAt, closesAt };
    }
    case "during":
      return dates.midpoint === undefined
        ? null
        : { phase, opensAt: plus(dates.midpoint, -5), closesAt: closing(dates.midpoint, 5) };
    case "after":
      return dates.debrief === undefined
        ? null
        : { phase, opensAt: dates.debrief, closesAt: closing(dates.debrief, 14) };
  }
}

export function isWithin(window: RatingWindow, at: Date): boolean {
  return at >= window.opensAt && at <= window.closesAt;
}
