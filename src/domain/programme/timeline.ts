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

/** The local day a moment counts from: the first, the middle or the last day of the period. */
function anchorDay(period: ProgrammePeriod, from: TimelineMoment["from"]): DateTime {
  const start = DateTime.fromJSDate(period.startsAt, { zone: period.timeZone }).startOf("day");
  const end = DateTime.fromJSDate(period.endsAt, { zone: period.timeZone }).startOf("day");
  const span = Math.round(end.diff(start, "days").days);
  return from === "start" ? start : from === "end" ? end : start.plus({ days: Math.floor(span / 2) });
}

function momentIn(period: ProgrammePeriod, moment: TimelineMoment): DateTime {
  const [hour, minute] = moment.time.split(":").map(Number);
  return anchorDay(period, moment.from)
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

/** Why a milestone cannot go where an organiser asked. */
export type PlacementProblem =
  | { problem: "outside" }
  | { problem: "before"; other: TimelineKind; at: Date }
  | { problem: "after"; other: TimelineKind; at: Date };

/**
 * Puts one milestone at `at` by writing it into the template's `timeline`, so the programme's
 * timeline stays a function of its dates and template: re-running `/program open` keeps the move,
 * and new dates carry it along (it keeps counting from the same day — first, middle or last — as
 * before). The milestone must stay inside the period and in calendar order with the milestones
 * before and after it (a deadline after the presentation helps nobody).
 *
 * @returns the template to store and the timeline it plans, or why the move is refused.
 */
export function placeMilestone<T extends Pick<WorkspaceTemplate, "timeline">>(
  period: ProgrammePeriod,
  template: T,
  kind: TimelineKind,
  at: Date,
): { ok: true; template: T; planned: PlannedMilestone[] } | ({ ok: false } & PlacementProblem) {
  const time = at.getTime();
  if (time < period.startsAt.getTime() || time > period.endsAt.getTime())
    return { ok: false, problem: "outside" };
  const current = planTimeline(period, template);
  const index = current.findIndex((m) => m.kind === kind);
  const previous = current[index - 1];
  const next = current[index + 1];
  if (previous && time < previous.at.getTime())
    return { ok: false, problem: "before", other: previous.kind, at: previous.at };
  if (next && time > next.at.getTime()) return { ok: false, problem: "after", other: next.kind, at: next.at };

  const from = template.timeline?.[kind]?.from ?? DEFAULT_TIMELINE[kind].from;
  const local = DateTime.fromJSDate(at, { zone: period.timeZone });
  const moment: TimelineMoment = {
    from,
    days: Math.round(local.startOf("day").diff(anchorDay(period, from), "days").days),
    time: local.toFormat("HH:mm"),
  };
  const placed = { ...template, timeline: { ...template.timeline, [kind]: moment } };
  const planned = planTimeline(period, placed);
  // Seconds are not part of a moment: the milestone lands on the minute.
  if (planned[index]?.at.getTime() !== local.startOf("minute").toMillis()) {
    throw new Error(`placing ${kind} at ${at.toISOString()} planned ${planned[index]?.at.toISOString()}`);
  }
  return { ok: true, template: placed, planned };
}
