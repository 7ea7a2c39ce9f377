/**
 * The programme timeline: kick-off, mid-point review, submission deadline, results presentation
 * and debrief, derived from the programme's dates and the template's `timeline` (local times in the
 * programme's time zone), and the ids of the delayed jobs that announce them.
 */
import { DateTime } from "luxon";
import type { TimelineKind, TimelineMoment, WorkspaceTemplate } from "../workspace/template.ts";
import { TIMELINE_KINDS } from "../workspace/template.ts";
import type { ProgrammePeriod } from "./dates.ts";

/** When each milestone falls unless the template says otherwise. */
export const DEFAULT_TIMELINE: Record<TimelineKind, TimelineMoment> = {
  kickoff: { from: "start", days: 0, time: "10:00" },
  midpoint: { from: "middle", days: 0, time: "16:00" },
  submission_deadline: { from: "end", days: -2, time: "18:00" },
  presentation: { from: "end", days: 0, time: "14:00" },
  debrief: { from: "end", days: 0, time: "17:00" },
};

/** A milestone as planned: kind and instant. */
export interface PlannedMilestone {
  kind: TimelineKind;
  at: Date;
}

function momentIn(period: ProgrammePeriod, moment: TimelineMoment): DateTime {
  const start = DateTime.fromJSDate(period.startsAt, { zone: period.timeZone }).startOf("day");
  const end = DateTime.fromJSDate(period.endsAt, { zone: period.timeZone }).startOf("day");
  const span = Math.round(end.diff(start, "days").days);
  const base =
    moment.from === "start"
      ? start
      : moment.from === "end"
        ? end
        : start.plus({ days: Math.floor(span / 2) });
  const [hour, minute] = moment.time.split(":").map(Number);
  return base
    .plus({ days: moment.days })
    .set({ hour: hour ?? 0, minute: minute ?? 0, second: 0, millisecond: 0 });
}

/**
 * The five milestones of a programme, in calendar order. Each stays inside the programme's period
 * and never before the one listed before it, so a one-day hackathon still gets a sensible day
 * (its deadline cannot fall two days before its kick-off).
 */
export function planTimeline(
  period: ProgrammePeriod,
  template?: Pick<WorkspaceTemplate, "timeline">,
): PlannedMilestone[] {
  const first = period.startsAt.getTime();
  const last = period.endsAt.getTime();
  let previous = first;
  return TIMELINE_KINDS.map((kind) => {
    const moment = template?.timeline?.[kind] ?? DEFAULT_TIMELINE[kind];
    const wanted = momentIn(period, moment).toMillis();
    const at = Math.min(last, Math.max(previous, first, wanted));
    previous = at;
    return { kind, at: new Date(at) };
  });
}

/**
 * The id of the delayed job announcing a milestone at a given time. Deterministic, so adding it
 * twice is a no-op; a new time gives a new id, so a reschedule replaces rather than duplicates.
 */
export function milestoneJobId(milestoneId: string, at: Date): string {
  return `milestone-${milestoneId}-${Math.floor(at.getTime() / 1000)}`;
}
