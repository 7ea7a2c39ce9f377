/**
 * Presentation reminders: delayed `remind-presentation` jobs 24 h, 1 h and 10 min before each
 * presenter's slot (fewer notifications: 1 h only), posted in their project thread. The database
 * is the truth: the processor re-reads the slot before posting, and the reconciler re-derives
 * every job of every scheduled session.
 */
import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createPresentationRepository } from "../db/repositories/presentations.ts";
import {
  FEWER_NOTIFICATIONS_OFFSET_MIN,
  planSlotReminders,
  presentationReminderJobId,
} from "../domain/presentation/reminders.ts";
import type { PresentationReminderJobs } from "../features/presentation/ports.ts";
import { discordTimestamp } from "../i18n/time.ts";
import { t } from "../i18n/translate.ts";
import { postOnce } from "./channel-post.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import { DEFAULT_ADD_TIMEOUT_MS, JobsUnavailableError, type Queues, withinTimeout } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** {@link PresentationReminderJobs} over the presentations queue. */
export function presentationReminderJobs(queues: Queues): PresentationReminderJobs {
  return {
    async add(jobId, payload, delayMs) {
      await queues.add(JOBS.remindPresentation, payload, { jobId, delay: Math.max(0, delayMs) });
    },
    async remove(jobId) {
      const queue = queues.byName.get(JOBS.remindPresentation.queue);
      if (!queue) throw new Error(`no queue ${JOBS.remindPresentation.queue}`);
      // Best effort while Redis is down: a stale job finds the slot moved and ends.
      await withinTimeout(queue.remove(jobId), DEFAULT_ADD_TIMEOUT_MS).catch((error: unknown) => {
        if (!(error instanceof JobsUnavailableError)) throw error;
      });
    },
  };
}

const epochS = (at: Date) => Math.floor(at.getTime() / 1000);
const WAITING = new Set(["planned", "confirmed"]);

/**
 * Reminds one presenter, once per (slot, offset, start) through the delivery ledger. Ends without
 * posting when the session is no longer scheduled, the slot was removed or moved (the move queued
 * its own reminders), or the intern asked for fewer notifications and this is not the 1 h one.
 */
export function remindPresentationHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.remindPresentation, async ({ sessionId, slotId, offsetMin, startsAtEpochS }) => {
    const session = await createPresentationRepository(ctx.db).session(sessionId);
    if (session === null) return giveUp("the session no longer exists");
    if (session.status !== "scheduled") return done("the session is not scheduled");
    const slot = session.slots.find((s) => s.id === slotId);
    if (slot === undefined || !WAITING.has(slot.status) || slot.order <= 0)
      return done("the slot was removed");
    if (epochS(slot.startsAt) !== startsAtEpochS) return done("the slot moved");
    if (slot.fewerNotifications && offsetMin !== FEWER_NOTIFICATIONS_OFFSET_MIN) {
      return done("fewer notifications: the 1 h reminder only");
    }
    if (ctx.now().getTime() >= slot.startsAt.getTime()) return done("the slot has started");
    if (slot.projectChannelId === null) return giveUp("the intern has no project thread");
    const programme = await ctx.db.programme.findUnique({
      where: { id: session.programmeId },
      select: { forcedLocale: true },
    });
    const profile = await ctx.db.memberProfile.findUnique({
      where: { memberId: slot.memberId },
      select: { preferredLocale: true },
    });
    const locale = programme?.forcedLocale ?? profile?.preferredLocale ?? ctx.config.defaults.locale;
    const content = t(locale, "presentation.reminder", {
      user: `<@${slot.discordUserId}>`,
      at: discordTimestamp(slot.startsAt, "F"),
      relative: discordTimestamp(slot.startsAt, "R"),
      position: slot.order,
      format: t(locale, `presentation.format.${slot.format}`),
    });
    const posted = await postOnce(
      { db: ctx.db, rest, now: ctx.now },
      DeliveryKeys.presentationReminder(slotId, offsetMin, startsAtEpochS),
      slot.projectChannelId,
      { content, allowed_mentions: { users: [slot.discordUserId] } },
      "presentation reminder",
    );
    if ("failed" in posted) return posted.failed;
    const { delivery } = posted;
    if (delivery.status === "in_flight") return retryLater("another run is posting this reminder");
    if (delivery.status === "already_sent") return done("already delivered");
    if (!delivery.recorded) ctx.logger.error({ sessionId, slotId, offsetMin }, "reminder sent, not recorded");
    ctx.logger.info({ sessionId, slotId, offsetMin }, "presentation reminder sent");
    return done();
  });
}

/** The jobs of one slot still ahead, under their idempotent ids. */
function slotReminderJobs(
  slot: { id: string; startsAt: Date; fewerNotifications: boolean },
  sessionId: string,
  now: Date,
) {
  return planSlotReminders({ startsAt: slot.startsAt, fewerNotifications: slot.fewerNotifications, now }).map(
    (r) => ({
      jobId: presentationReminderJobId(slot.id, r.offsetMin, slot.startsAt),
      payload: { sessionId, slotId: slot.id, offsetMin: r.offsetMin, startsAtEpochS: epochS(slot.startsAt) },
      delayMs: r.dueAt.getTime() - now.getTime(),
    }),
  );
}

/** Re-creates every reminder still ahead of every slot of every scheduled session. */
export async function reconcilePresentationReminders(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const now = deps.now();
  const sessions = await deps.db.presentationSession.findMany({
    where: { status: "scheduled", startsAt: { gt: new Date(now.getTime() - 86_400_000) } },
    select: { id: true },
  });
  const repo = createPresentationRepository(deps.db);
  const jobs = presentationReminderJobs(deps.queues);
  let ensured = 0;
  for (const { id } of sessions) {
    const session = await repo.session(id);
    for (const slot of session?.slots ?? []) {
      if (slot.order <= 0 || !WAITING.has(slot.status)) continue;
      for (const job of slotReminderJobs(slot, id, now)) {
        await jobs.add(job.jobId, job.payload, job.delayMs);
        ensured += 1;
      }
    }
  }
  return ensured;
}
