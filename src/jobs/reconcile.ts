import type { Database } from "../db/client.ts";
import { milestoneJobId } from "../domain/programme/timeline.ts";
import { JOBS } from "./definitions.ts";
import { done, retryLater } from "./outcome.ts";
import { reconcilePresentationReminders } from "./presentation-reminders.ts";
import type { Queues } from "./queues.ts";
import { reconcileReportReminders } from "./report-reminders.ts";
import { reconcileSubmissionReminders } from "./submission-reminders.ts";
import { handleJob } from "./workers.ts";

/** How often the reconciler runs besides start-up (a BullMQ job scheduler). */
export const RECONCILE_EVERY_MS = 15 * 60 * 1000;

/**
 * Re-creates from the database every milestone job Redis should hold, under the idempotent id
 * `milestoneJobId(id, at)`: adding an id that exists does nothing, so running it often is cheap.
 * Future unannounced milestones get their delayed job; one that came due while it had a job but
 * was never announced (Redis lost it) gets one now, and the delivery ledger stops a second post.
 * Returns how many jobs it added or confirmed.
 */
export async function reconcileMilestoneJobs(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const now = deps.now().getTime();
  const milestones = await deps.db.milestone.findMany({
    where: { announcedAt: null, programme: { status: { in: ["draft", "open"] } } },
    select: { id: true, programmeId: true, at: true, jobId: true },
  });
  let ensured = 0;
  for (const milestone of milestones) {
    const due = milestone.at.getTime() <= now;
    // A past milestone that was never given a job was past when it was set: nothing to announce.
    if (due && !milestone.jobId) continue;
    const jobId = milestoneJobId(milestone.id, milestone.at);
    await deps.queues.add(
      JOBS.announceMilestone,
      { programmeId: milestone.programmeId, milestoneId: milestone.id },
      { jobId, delay: Math.max(0, milestone.at.getTime() - now) },
    );
    // A move saved while Redis was down kept the old job id.
    if (milestone.jobId !== jobId) {
      await deps.db.milestone.update({ where: { id: milestone.id }, data: { jobId } });
    }
    ensured += 1;
  }
  return ensured;
}

/**
 * Every job the database says Redis should hold: milestone announcements, submission reminders,
 * and the 日報 reminders due now (the same work as the reminder sweep).
 */
export async function reconcileJobs(deps: { db: Database; queues: Queues; now: () => Date }): Promise<{
  milestoneJobs: number;
  submissionReminderJobs: number;
  reportReminderJobs: number;
  presentationReminderJobs: number;
}> {
  return {
    milestoneJobs: await reconcileMilestoneJobs(deps),
    submissionReminderJobs: await reconcileSubmissionReminders(deps),
    reportReminderJobs: await reconcileReportReminders(deps),
    presentationReminderJobs: await reconcilePresentationReminders(deps),
  };
}

/** The scheduled reconcile job; a failure (Redis or the database down) is retried later. */
export function reconcileHandler(deps: { db: Database; queues: Queues; now: () => Date }) {
  return handleJob(JOBS.reconcile, async () => {
    try {
      const ensured = await reconcileJobs(deps);
      return done(
        `${ensured.milestoneJobs} milestone, ${ensured.submissionReminderJobs} submission reminder and ${ensured.reportReminderJobs} 日報 reminder and ${ensured.presentationReminderJobs} presentation reminder jobs ensured`,
      );
    } catch (error) {
      return retryLater(error instanceof Error ? error.message : String(error));
    }
  });
}
