/**
 * Slot notices: `notify-presentation-slot` jobs tell an intern, in their project thread and their
 * own language, their slot's current state (new, changed, or removed). Confirming a schedule and
 * every change queue one per affected slot; the processor re-reads the slot and posts the state it
 * finds, once per state through the delivery ledger, so a redelivered, re-queued or stale job never
 * posts twice, and a crash half-way through a confirm loses no notice: the reconciler re-queues
 * every state not yet told.
 */
import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createPresentationRepository } from "../db/repositories/presentations.ts";
import type { Locale } from "../domain/enums.ts";
import { type SlotNoticeKind, slotNoticeJobId, slotNoticeState } from "../domain/presentation/notices.ts";
import type { PresentationNoticeJobs, SessionRecord, SlotRecord } from "../features/presentation/ports.ts";
import { discordTimestamp } from "../i18n/time.ts";
import { type Translator, translator } from "../i18n/translate.ts";
import { postOnce } from "./channel-post.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** {@link PresentationNoticeJobs} over the presentations queue. */
export function presentationNoticeJobs(queues: Queues): PresentationNoticeJobs {
  return {
    async add(jobId, payload) {
      await queues.add(JOBS.notifyPresentationSlot, payload, { jobId });
    },
  };
}

/** The sessions whose slots may still owe a notice: scheduled or running. */
const ACTIVE = new Set(["scheduled", "live"]);
const WAITING = new Set(["planned", "confirmed"]);

/** The notice text of a slot in `kind`. */
function noticeText(t: Translator, session: SessionRecord, slot: SlotRecord, kind: SlotNoticeKind): string {
  const user = `<@${slot.discordUserId}>`;
  if (kind === "removed") return t("presentation.notice.removed", { user });
  const values = {
    user,
    at: discordTimestamp(slot.startsAt, "F"),
    relative: discordTimestamp(slot.startsAt, "R"),
    position: slot.order,
    minutes: slot.minutes,
    format: t(`presentation.format.${slot.format}`),
  };
  return kind === "scheduled"
    ? t("presentation.notice.scheduled", { ...values, qa: session.timing.qaMinutes })
    : t("presentation.notice.changed", values);
}

/**
 * What the intern is owed for the slot's current state: a notice of the kind to post (a change
 * when some earlier state was told), or null when it was told already, the slot is past, or a
 * removal would be news to nobody (no slot was ever told).
 */
async function owedNotice(db: Database, slot: SlotRecord): Promise<SlotNoticeKind | null> {
  if (slot.projectChannelId === null) return null;
  if (slot.status !== "removed" && !(slot.order > 0 && WAITING.has(slot.status))) return null;
  const deliveries = createDeliveryRepository(db);
  const sent = await deliveries.find(DeliveryKeys.presentationNotice(slot.id, slotNoticeState(slot)));
  if (sent?.status === "sent") return null;
  const toldBefore = await deliveries.anySent(DeliveryKeys.presentationNotice(slot.id, ""));
  if (slot.status === "removed") return toldBefore ? "removed" : null;
  return toldBefore ? "changed" : "scheduled";
}

export function notifyPresentationSlotHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.notifyPresentationSlot, async ({ sessionId, slotId }) => {
    const session = await createPresentationRepository(ctx.db).session(sessionId);
    if (session === null) return giveUp("the session no longer exists");
    if (!ACTIVE.has(session.status)) return done("the session is not scheduled");
    const slot = session.slots.find((s) => s.id === slotId);
    if (slot === undefined) return giveUp("the slot no longer exists");
    if (slot.projectChannelId === null) return giveUp("the intern has no project thread");
    const kind = await owedNotice(ctx.db, slot);
    if (kind === null) return done("nothing to tell: told already, or the slot is past");
    const programme = await ctx.db.programme.findUnique({
      where: { id: session.programmeId },
      select: { forcedLocale: true },
    });
    const locale: Locale = programme?.forcedLocale ?? slot.locale ?? ctx.config.defaults.locale;
    const posted = await postOnce(
      { db: ctx.db, rest, now: ctx.now },
      DeliveryKeys.presentationNotice(slot.id, slotNoticeState(slot)),
      slot.projectChannelId,
      {
        content: noticeText(translator(locale), session, slot, kind),
        allowed_mentions: { users: [slot.discordUserId] },
      },
      "slot notice",
    );
    if ("failed" in posted) return posted.failed;
    const { delivery } = posted;
    if (delivery.status === "in_flight") return retryLater("another run is posting this notice");
    if (delivery.status === "already_sent") return done("already delivered");
    if (!delivery.recorded) ctx.logger.error({ sessionId, slotId }, "slot notice sent, not recorded");
    ctx.logger.info({ sessionId, slotId, kind }, "slot notice sent");
    return done();
  });
}

/** Queues the notice of every slot state of a scheduled or running session not yet told. */
export async function reconcilePresentationNotices(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const sessions = await deps.db.presentationSession.findMany({
    where: {
      status: { in: ["scheduled", "live"] },
      startsAt: { gt: new Date(deps.now().getTime() - 86_400_000) },
    },
    select: { id: true },
  });
  const repo = createPresentationRepository(deps.db);
  const jobs = presentationNoticeJobs(deps.queues);
  let queued = 0;
  for (const { id } of sessions) {
    const session = await repo.session(id);
    for (const slot of session?.slots ?? []) {
      if ((await owedNotice(deps.db, slot)) === null) continue;
      await jobs.add(slotNoticeJobId(slot.id, slotNoticeState(slot)), { sessionId: id, slotId: slot.id });
      queued += 1;
    }
  }
  return queued;
}
