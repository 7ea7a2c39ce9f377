/**
 * Keeps a programme's stored milestones and their delayed announcement jobs in step with its
 * planned timeline. Idempotent: running it twice changes nothing; a moved milestone gets a new job
 * and its old job is removed.
 */
import type { MilestoneKind } from "../enums.ts";
import { milestoneReminderJobId, planMilestoneReminders } from "./reminders.ts";
import { milestoneJobId, type PlannedMilestone } from "./timeline.ts";
import type { Milestone } from "./types.ts";

/** Where announcement jobs live (BullMQ in production: see src/jobs/milestone-jobs.ts). */
export interface MilestoneJobs {
  /** Adds a delayed job under `jobId`; adding an id that exists does nothing. */
  add(jobId: string, payload: { programmeId: string; milestoneId: string }, delayMs: number): Promise<void>;
  /** Adds a delayed reminder job under `jobId` (see ./reminders.ts); adding an id that exists does nothing. */
  addReminder(jobId: string, payload: MilestoneReminderPayload, delayMs: number): Promise<void>;
  /** Removes a job if it is still waiting; no error if it is gone. */
  remove(jobId: string): Promise<void>;
}

/** What a reminder job carries: the milestone, the lead, and the time it was planned for. */
export interface MilestoneReminderPayload {
  programmeId: string;
  milestoneId: string;
  leadHours: number;
  atEpochS: number;
}

/** The storage `syncTimeline` needs (the programme and workspace repositories provide it). */
export interface TimelineStore {
  milestones(programmeId: string): Promise<Milestone[]>;
  addMilestone(
    programmeId: string,
    milestone: { kind: MilestoneKind; title: string; at: Date },
  ): Promise<Milestone>;
  moveMilestone(milestoneId: string, at: Date): Promise<void>;
  setMilestoneJob(milestoneId: string, jobId: string | null): Promise<Milestone>;
}

/** What changed, for the reply and the audit log. */
export interface TimelineSync {
  added: number;
  moved: number;
  scheduled: number;
  /** Reminder jobs queued (or confirmed) ahead of the milestones. */
  reminders: number;
  /**
   * Milestones never announced whose time had already come: no job is queued for them, so nobody
   * hears of them. The reply names them, so "4 of 5 scheduled" is not a riddle.
   */
  past: Array<Pick<Milestone, "kind" | "at">>;
}

/**
 * Where a milestone's announcement stands: posted; queued (or due and left to the reconciler);
 * or `skipped`: it was already past when it was set (at opening or by a move), so no job was
 * ever queued and it will not be announced.
 */
export type AnnouncementState = "announced" | "scheduled" | "skipped";

/** {@link AnnouncementState} of one milestone at `now`. */
export function announcementState(
  milestone: Pick<Milestone, "at" | "announcedAt" | "jobId">,
  now: Date,
): AnnouncementState {
  if (milestone.announcedAt) return "announced";
  if (!milestone.jobId && milestone.at.getTime() <= now.getTime()) return "skipped";
  return "scheduled";
}

/** The deps of {@link syncTimeline}; `reminderHours` are the leads of MILESTONE_REMINDER_HOURS. */
export interface TimelineDeps {
  store: TimelineStore;
  jobs: MilestoneJobs;
  now: () => Date;
  reminderHours: readonly number[];
}

/**
 * Stores the planned milestones (one per kind: existing ones are moved, never duplicated) and
 * schedules a job for every future milestone not yet announced, and one per reminder still ahead
 * of it. A moved milestone's old reminder jobs are removed.
 */
export async function syncTimeline(
  deps: TimelineDeps,
  programmeId: string,
  planned: readonly PlannedMilestone[],
  titleOf: (kind: MilestoneKind) => string,
): Promise<TimelineSync> {
  const { store, jobs } = deps;
  const result: TimelineSync = { added: 0, moved: 0, scheduled: 0, reminders: 0, past: [] };
  const existing = await store.milestones(programmeId);
  /** Where each moved milestone was: its reminder jobs there are removed once Redis took a job. */
  const movedFrom = new Map<string, Date>();
  for (const plan of planned) {
    const current = existing.find((m) => m.kind === plan.kind);
    if (!current) {
      await store.addMilestone(programmeId, { kind: plan.kind, title: titleOf(plan.kind), at: plan.at });
      result.added += 1;
    } else if (current.at.getTime() !== plan.at.getTime()) {
      await store.moveMilestone(current.id, plan.at);
      movedFrom.set(current.id, current.at);
      result.moved += 1;
    }
  }
  const now = deps.now().getTime();
  for (const milestone of await store.milestones(programmeId)) {
    if (milestone.announcedAt) continue;
    const jobId = milestoneJobId(milestone.id, milestone.at);
    if (milestone.jobId && milestone.jobId !== jobId) await jobs.remove(milestone.jobId);
    if (milestone.at.getTime() <= now) {
      // One that had a job may still be announced by it (the handler does not look at `jobId`).
      if (milestone.jobId) await store.setMilestoneJob(milestone.id, null);
      else result.past.push({ kind: milestone.kind, at: milestone.at });
      continue;
    }
    await jobs.add(jobId, { programmeId, milestoneId: milestone.id }, milestone.at.getTime() - now);
    if (milestone.jobId !== jobId) await store.setMilestoneJob(milestone.id, jobId);
    result.scheduled += 1;
    // Only after Redis took the add: with Redis down each removal would wait out its timeout.
    // A reminder left behind (Redis down, or a milestone moved into the past) finds the
    // milestone moved and ends without posting.
    const from = movedFrom.get(milestone.id);
    if (from) {
      for (const leadHours of deps.reminderHours)
        await jobs.remove(milestoneReminderJobId(milestone.id, leadHours, from));
    }
    for (const reminder of planMilestoneReminders({
      kind: milestone.kind,
      at: milestone.at,
      leadHours: deps.reminderHours,
      now: new Date(now),
    })) {
      await jobs.addReminder(
        milestoneReminderJobId(milestone.id, reminder.leadHours, milestone.at),
        {
          programmeId,
          milestoneId: milestone.id,
          leadHours: reminder.leadHours,
          atEpochS: Math.floor(milestone.at.getTime() / 1000),
        },
        reminder.dueAt.getTime() - now,
      );
      result.reminders += 1;
    }
  }
  return result;
}

/** Removes every pending announcement and reminder job of a programme (before it is deleted). */
export async function cancelTimeline(
  deps: { store: Pick<TimelineStore, "milestones">; jobs: MilestoneJobs; reminderHours: readonly number[] },
  programmeId: string,
): Promise<void> {
  for (const milestone of await deps.store.milestones(programmeId)) {
    if (milestone.jobId) await deps.jobs.remove(milestone.jobId);
    for (const leadHours of deps.reminderHours)
      await deps.jobs.remove(milestoneReminderJobId(milestone.id, leadHours, milestone.at));
  }
}
