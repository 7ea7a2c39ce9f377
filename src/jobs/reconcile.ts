import type { Database } from "../db/client.ts";
import type { Locale } from "../domain/enums.ts";
import { milestoneJobId } from "../domain/programme/timeline.ts";
import { reconcileAgencyDigests } from "./agency-digest.ts";
import { reconcileRevocations } from "./agency-revocation.ts";
import { reconcileDigests } from "./attention-digest.ts";
import { JOBS } from "./definitions.ts";
import { reconcileHelpEscalations } from "./help-escalation.ts";
import { reconcileMilestoneReminders } from "./milestones.ts";
import { done, retryLater } from "./outcome.ts";
import { reconcilePresentationNotices } from "./presentation-notices.ts";
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
 * How long after onboarding an intern may still wait for their role and thread before the
 * reconciler decides their job was lost: longer than a 1,000-intern rush takes under Discord's
 * thread limits, so it never races a job that is only queued.
 */
export const ONBOARDING_GRACE_MS = 30 * 60 * 1000;

/**
 * Onboarded interns without a project thread whose onboarding job Redis lost (or that the bot
 * was killed in): a finish-onboarding job each, under one id per member, so running this again
 * adds nothing while that job is kept. The job re-checks everything and creates only what is
 * missing. Returns how many jobs it added or confirmed.
 */
export async function reconcileOnboardings(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
  defaultLocale: Locale;
}): Promise<number> {
  const settledBefore = new Date(deps.now().getTime() - ONBOARDING_GRACE_MS);
  const waiting = await deps.db.member.findMany({
    where: {
      stage: { notIn: ["applied", "withdrawn"] },
      projectChannelId: null,
      updatedAt: { lte: settledBefore },
      programme: { status: "open" },
    },
    select: {
      id: true,
      programmeId: true,
      programme: { select: { guildId: true, forcedLocale: true } },
      profile: { select: { preferredLocale: true } },
    },
  });
  for (const member of waiting) {
    await deps.queues.add(
      JOBS.finishOnboarding,
      {
        guildId: member.programme.guildId,
        programmeId: member.programmeId,
        memberId: member.id,
        locale: member.programme.forcedLocale ?? member.profile?.preferredLocale ?? deps.defaultLocale,
      },
      { jobId: `onboard-reconcile-${member.id}` },
    );
  }
  return waiting.length;
}

/**
 * Every job the database says Redis should hold: milestone announcements and reminders, submission reminders,
 * lost onboardings, and the 日報 reminders due now (the same work as the reminder sweep).
 */
export async function reconcileJobs(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
  defaultLocale: Locale;
  /** MILESTONE_REMINDER_HOURS. */
  milestoneReminderHours: readonly number[];
}): Promise<{
  milestoneJobs: number;
  milestoneReminderJobs: number;
  submissionReminderJobs: number;
  reportReminderJobs: number;
  onboardingJobs: number;
  presentationReminderJobs: number;
  presentationNoticeJobs: number;
  digestSchedulers: number;
  agencyDigestSchedulers: number;
  revocationJobs: number;
  helpEscalationJobs: number;
}> {
  return {
    onboardingJobs: await reconcileOnboardings(deps),
    milestoneJobs: await reconcileMilestoneJobs(deps),
    milestoneReminderJobs: await reconcileMilestoneReminders({
      ...deps,
      reminderHours: deps.milestoneReminderHours,
    }),
    submissionReminderJobs: await reconcileSubmissionReminders(deps),
    reportReminderJobs: await reconcileReportReminders(deps),
    presentationReminderJobs: await reconcilePresentationReminders(deps),
    presentationNoticeJobs: await reconcilePresentationNotices(deps),
    digestSchedulers: await reconcileDigests(deps),
    agencyDigestSchedulers: await reconcileAgencyDigests(deps),
    revocationJobs: await reconcileRevocations(deps),
    helpEscalationJobs: await reconcileHelpEscalations(deps),
  };
}

/** The scheduled reconcile job; a failure (Redis or the database down) is retried later. */
export function reconcileHandler(deps: Parameters<typeof reconcileJobs>[0]) {
  return handleJob(JOBS.reconcile, async () => {
    try {
      const ensured = await reconcileJobs(deps);
      return done(
        `${ensured.milestoneJobs} milestone, ${ensured.milestoneReminderJobs} milestone reminder, ${ensured.submissionReminderJobs} submission reminder, ${ensured.reportReminderJobs} 日報 reminder, ${ensured.presentationReminderJobs} presentation reminder, ${ensured.presentationNoticeJobs} slot notice, ${ensured.onboardingJobs} onboarding, ${ensured.helpEscalationJobs} help escalation, ${ensured.agencyDigestSchedulers} agency digest and ${ensured.revocationJobs} revocation jobs ensured`,
      );
    } catch (error) {
      return retryLater(error instanceof Error ? error.message : String(error));
    }
  });
}
