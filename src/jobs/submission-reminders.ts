/**
 * Submission reminders: delayed `remind-submission` jobs before each person's effective deadline,
 * to interns who have handed in nothing, in their project thread. The database is the truth: the
 * processor re-reads everything before posting, and the reconciler re-derives every job.
 */
import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createMemberRepository } from "../db/repositories/members.ts";
import { createSubmissionRepository } from "../db/repositories/submissions.ts";
import { createSubmissionStore } from "../db/stores/submission.ts";
import { effectiveDeadline, planReminders, reminderJobId } from "../domain/submission/deadline.ts";
import { FEWER_NOTIFICATIONS_OFFSET_HOURS } from "../domain/submission/types.ts";
import type { ReminderJobs } from "../features/submission/ports.ts";
import { discordTimestamp } from "../i18n/time.ts";
import { t } from "../i18n/translate.ts";
import { postOnce } from "./channel-post.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import { DEFAULT_ADD_TIMEOUT_MS, JobsUnavailableError, type Queues, withinTimeout } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** {@link ReminderJobs} over the submissions queue. */
export function reminderJobs(queues: Queues): ReminderJobs {
  return {
    async add(jobId, payload, delayMs) {
      await queues.add(JOBS.remindSubmission, payload, { jobId, delay: Math.max(0, delayMs) });
    },
    async remove(jobId) {
      const queue = queues.byName.get(JOBS.remindSubmission.queue);
      if (!queue) throw new Error(`no queue ${JOBS.remindSubmission.queue}`);
      // Best effort while Redis is down: a stale job finds the deadline moved and ends.
      await withinTimeout(queue.remove(jobId), DEFAULT_ADD_TIMEOUT_MS).catch((error: unknown) => {
        if (!(error instanceof JobsUnavailableError)) throw error;
      });
    },
  };
}

/**
 * How long after it came due a reminder Redis lost is still sent by the reconciler. Longer than a
 * Redis outage or a redeploy; short enough that a deadline set days late does not fire old ones.
 */
export const MISSED_REMINDER_GRACE_MS = 6 * 3_600_000;

const epochS = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * Reminds one intern, once per (member, offset, deadline): the post goes through the delivery
 * ledger. Ends without posting when submissions closed, the intern handed something in, withdrew
 * or lost their project, or their deadline moved (the move queued its own reminders).
 */
export function remindSubmissionHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.remindSubmission, async ({ programmeId, memberId, offsetHours, deadlineEpochS }) => {
    const store = createSubmissionStore(ctx.db);
    const state = await store.state(programmeId);
    if (state === null) return giveUp("the programme no longer exists");
    if (
      state.closedAt !== null ||
      (state.programme.status !== "open" && state.programme.status !== "draft")
    ) {
      return done("submissions are closed");
    }
    const [owing] = await createSubmissionRepository(ctx.db).awaiting(programmeId, [memberId]);
    if (owing === undefined) return done("handed in, withdrawn or without a project");
    const deadline = effectiveDeadline({
      programmeDeadline: state.deadline,
      extension: owing.extension,
      extendedDeadlines: owing.extendedDeadlines,
      accommodationExtensionHours: state.settings.accommodationExtensionHours,
    });
    if (deadline === null || epochS(deadline.at) !== deadlineEpochS) return done("the deadline moved");
    if (owing.fewerNotifications && offsetHours !== FEWER_NOTIFICATIONS_OFFSET_HOURS) {
      return done("fewer notifications: the 24 h reminder only");
    }
    if (!owing.fewerNotifications && !state.settings.reminderOffsetsHours.includes(offsetHours)) {
      return done("no longer a reminder time (the settings changed)");
    }
    if (ctx.now().getTime() >= deadline.at.getTime()) return done("the deadline has passed");
    const member = await createMemberRepository(ctx.db).get(memberId);
    if (member?.projectChannelId == null) return giveUp("the intern has no project thread");

    const terms = await store.terms(memberId);
    const locale = state.programme.forcedLocale ?? terms.preferredLocale ?? ctx.config.defaults.locale;
    const content = t(locale, "submission.reminder", {
      user: `<@${member.discordUserId}>`,
      deadline: discordTimestamp(deadline.at, "F"),
      relative: discordTimestamp(deadline.at, "R"),
    });
    const posted = await postOnce(
      { db: ctx.db, rest, now: ctx.now },
      DeliveryKeys.submissionReminder(memberId, offsetHours, deadlineEpochS),
      member.projectChannelId,
      { content, allowed_mentions: { users: [member.discordUserId] } },
      "reminder",
    );
    if ("failed" in posted) return posted.failed;
    const { delivery } = posted;
    if (delivery.status === "in_flight") return retryLater("another run is posting this reminder");
    if (delivery.status === "already_sent") return done("already delivered");
    if (!delivery.recorded)
      ctx.logger.error({ programmeId, memberId, offsetHours }, "reminder sent, not recorded");
    ctx.logger.info({ programmeId, memberId, offsetHours }, "submission reminder sent");
    return done();
  });
}

/**
 * Re-creates every reminder job Redis should hold, under its idempotent id: for each intern who
 * still owes a hand-in in a programme taking submissions, the reminders still ahead, and the most
 * recent one that came due within {@link MISSED_REMINDER_GRACE_MS} if its delivery was never
 * claimed (Redis lost it). Returns how many jobs it added or confirmed.
 */
export async function reconcileSubmissionReminders(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const now = deps.now();
  const programmes = await deps.db.programme.findMany({
    where: { status: { in: ["draft", "open"] }, submissionsClosedAt: null },
    select: { id: true },
  });
  const submissions = createSubmissionRepository(deps.db);
  const deliveries = createDeliveryRepository(deps.db);
  const jobs = reminderJobs(deps.queues);
  let ensured = 0;
  for (const { id: programmeId } of programmes) {
    const terms = await submissions.programmeTerms(programmeId);
    if (terms === null || terms.closedAt !== null) continue;
    for (const owing of await submissions.awaiting(programmeId)) {
      const deadline = effectiveDeadline({
        programmeDeadline: terms.deadline,
        extension: owing.extension,
        extendedDeadlines: owing.extendedDeadlines,
        accommodationExtensionHours: terms.settings.accommodationExtensionHours,
      });
      if (deadline === null) continue;
      const plan = planReminders({
        deadline: deadline.at,
        offsetsHours: terms.settings.reminderOffsetsHours,
        fewerNotifications: owing.fewerNotifications,
        now,
        includeDueSince: new Date(now.getTime() - MISSED_REMINDER_GRACE_MS),
      });
      for (const reminder of plan) {
        const due = reminder.dueAt.getTime() <= now.getTime();
        const key = DeliveryKeys.submissionReminder(
          owing.memberId,
          reminder.offsetHours,
          epochS(deadline.at),
        );
        if (due && (await deliveries.find(key)) !== null) continue;
        await jobs.add(
          reminderJobId(owing.memberId, reminder.offsetHours, deadline.at),
          {
            programmeId,
            memberId: owing.memberId,
            offsetHours: reminder.offsetHours,
            deadlineEpochS: epochS(deadline.at),
          },
          reminder.dueAt.getTime() - now.getTime(),
        );
        ensured += 1;
      }
    }
  }
  return ensured;
}
