/**
 * The daily attention digest. One BullMQ job scheduler per open programme,
 * `attention-digest:<programmeId>`, on a cron pattern at the programme's digest time in its zone;
 * the reconciler re-creates them from the database and removes those of programmes that are no
 * longer open (closed or deleted). Each post goes through the delivery ledger under a key per
 * programme, local day (and organiser, for DMs), so restarts and two processes never send twice.
 */
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import type { DigestJobs, DigestPoster } from "../features/attention/ports.ts";
import { JOBS } from "./definitions.ts";
import { deliverOnce } from "./delivery.ts";
import { done, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** The scheduler id of a programme's digest. */
export const digestSchedulerId = (programmeId: string) => `attention-digest:${programmeId}`;

/** The delivery key of one digest post: per programme, local day and recipient. */
export const digestDeliveryKey = (programmeId: string, localDate: string, recipient: string) =>
  `attention-digest:${programmeId}:${localDate}:${recipient}`;

/** Interns a digest names (with a **Contacted** button each); the rest are counted. */
export const DIGEST_LIMIT = 10;

/** `HH:mm` as a daily cron pattern (`m h * * *`). */
export function dailyPattern(time: string): string {
  const [hours, minutes] = time.split(":");
  return `${Number(minutes ?? 0)} ${Number(hours ?? 9)} * * *`;
}

export function digestJobs(queues: Queues): DigestJobs {
  return {
    async schedule(programmeId, time, timeZone) {
      await queues.every(
        JOBS.attentionDigest,
        { programmeId },
        { pattern: dailyPattern(time), tz: timeZone },
        digestSchedulerId(programmeId),
      );
    },
    async remove(programmeId) {
      await queues.removeScheduler(JOBS.attentionDigest, digestSchedulerId(programmeId));
    },
  };
}

/**
 * Every open programme has its digest at its digest time; a scheduler whose programme is closed
 * or gone is removed. Returns how many schedulers it ensured.
 */
export async function reconcileDigests(deps: { db: Database; queues: Queues }): Promise<number> {
  const open = await deps.db.programme.findMany({
    where: { status: "open" },
    select: { id: true, timeZone: true, digestTime: true },
  });
  const jobs = digestJobs(deps.queues);
  for (const programme of open) await jobs.schedule(programme.id, programme.digestTime, programme.timeZone);
  const queue = deps.queues.byName.get(JOBS.attentionDigest.queue);
  const wanted = new Set(open.map((p) => digestSchedulerId(p.id)));
  const schedulers = queue ? await queue.getJobSchedulers(0, -1) : [];
  for (const scheduler of schedulers) {
    if (scheduler.key.startsWith("attention-digest:") && !wanted.has(scheduler.key)) {
      await deps.queues.removeScheduler(JOBS.attentionDigest, scheduler.key);
    }
  }
  return open.length;
}

/** Posts today's digest of one programme, once per recipient and day. */
export function attentionDigestHandler(ctx: AppContext, poster: DigestPoster) {
  return handleJob(JOBS.attentionDigest, async ({ programmeId }) => {
    const attention = ctx.features.attention;
    const targets = await attention.digestTargets(programmeId);
    if (targets === null || targets.programme.status !== "open") return done("the programme is not open");
    const overview = await attention.digest(programmeId, DIGEST_LIMIT);
    if (overview === null) return done("the programme is not open");
    const fallback = targets.programme.forcedLocale ?? ctx.config.defaults.locale;
    const recipients =
      targets.to === "staff"
        ? targets.channelId === null
          ? []
          : [{ key: "staff", destination: { channelId: targets.channelId }, locale: fallback }]
        : targets.organisers.map((o) => ({
            key: o.discordUserId,
            destination: { userId: o.discordUserId },
            locale: targets.programme.forcedLocale ?? o.locale ?? fallback,
          }));
    if (recipients.length === 0) return done("nobody to send the digest to");
    const ledger = createDeliveryRepository(ctx.db);
    let sent = 0;
    let waiting = 0;
    for (const recipient of recipients) {
      try {
        const outcome = await deliverOnce(
          ledger,
          digestDeliveryKey(programmeId, targets.today, recipient.key),
          ctx.now,
          () =>
            poster.post(recipient.destination, { overview, locale: recipient.locale, date: targets.today }),
        );
        if (outcome.status === "sent") sent += 1;
        if (outcome.status === "in_flight") waiting += 1;
      } catch (error) {
        // One organiser's closed DMs must not stop the others; the job retries the failed ones.
        ctx.logger.warn({ err: error, programmeId }, "attention digest not delivered");
        waiting += 1;
      }
    }
    if (waiting > 0) return retryLater(`${waiting} digest post(s) not delivered yet`);
    return done(`${sent} digest post(s) sent`);
  });
}
