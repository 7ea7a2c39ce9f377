import type { ClaimResult } from "../db/repositories/deliveries.ts";

/**
 * The store {@link deliverOnce} needs (src/db/repositories/deliveries.ts implements it over the
 * `delivery` table).
 */
export interface DeliveryLedger {
  claim(key: string, now: Date, leaseMs: number): Promise<ClaimResult>;
  markSent(key: string, messageId: string | null, now: Date): Promise<void>;
  release(key: string, token: Date): Promise<void>;
}

/**
 * How long a claim without a confirmation blocks others. Longer than a post can take with
 * @discordjs/rest's timeouts and retries, shorter than a job's retries (5 + 10 + … + 80 s).
 */
export const DELIVERY_LEASE_MS = 120_000;

/** Delivery keys, one function per kind of effect, so two kinds never collide. */
export const DeliveryKeys = {
  /** Per scheduled time: a milestone moved after its announcement is announced again. */
  milestone: (milestoneId: string, at: Date) => `milestone:${milestoneId}:${at.getTime()}`,
  /** Per lead and scheduled time: a moved milestone is reminded of again at its new time. */
  milestoneReminder: (milestoneId: string, leadHours: number, atEpochS: number) =>
    `milestone-reminder:${milestoneId}:${leadHours}:${atEpochS}`,
  /** One 日報 reminder per member and local day. */
  reportReminder: (memberId: string, localDate: string) => `report-reminder:${memberId}:${localDate}`,
  /** Per member, offset and deadline: an extension gives new keys, so its reminders go out too. */
  submissionReminder: (memberId: string, offsetHours: number, deadlineEpochS: number) =>
    `submission-reminder:${memberId}:${offsetHours}:${deadlineEpochS}`,
  /** Per slot, offset and start: a moved slot gets new keys. */
  presentationReminder: (slotId: string, offsetMin: number, startsAtEpochS: number) =>
    `presentation-reminder:${slotId}:${offsetMin}:${startsAtEpochS}`,
  /** Per slot and the state told (`slotNoticeState`): each start, length or format, or the removal. */
  presentationNotice: (slotId: string, state: string) => `presentation-notice:${slotId}:${state}`,
  /** Per ticket and level; level 2 goes to each organiser, so the organiser's member id is added. */
  helpEscalation: (ticketId: string, level: number, recipientMemberId?: string) =>
    `help-escalate:${ticketId}:${level}${recipientMemberId ? `:${recipientMemberId}` : ""}`,
} as const;

/** What {@link deliverOnce} did. `in_flight`: another run holds a fresh claim; try again later. */
export type DeliveryOutcome =
  /** `recorded` false: posted, but marking it sent failed (logged by the caller; no retry). */
  | { status: "sent"; messageId: string | null; recorded: boolean }
  | { status: "already_sent"; messageId: string | null }
  | { status: "in_flight" };

/** Thrown by `effect` when the effect certainly did not happen (Discord answered with an error). */
export class EffectNotDone extends Error {
  override name = "EffectNotDone";
}

/**
 * Runs `effect` at most once per `key` across redeliveries, retries and concurrent runs: claim a
 * row, post, mark it sent. An {@link EffectNotDone} releases the claim for a retry; any other
 * failure keeps it until the lease ends. Crash window: a crash after Discord accepted the post but
 * before `markSent` is retried after the lease and posts again; we accept that rare duplicate
 * rather than lose an announcement for good.
 */
export async function deliverOnce(
  ledger: DeliveryLedger,
  key: string,
  now: () => Date,
  effect: () => Promise<{ messageId: string | null }>,
  leaseMs = DELIVERY_LEASE_MS,
): Promise<DeliveryOutcome> {
  const claim = await ledger.claim(key, now(), leaseMs);
  if (claim.status === "sent") return { status: "already_sent", messageId: claim.messageId };
  if (claim.status === "in_flight") return { status: "in_flight" };
  let messageId: string | null;
  try {
    ({ messageId } = await effect());
  } catch (error) {
    if (error instanceof EffectNotDone) await ledger.release(key, claim.token);
    throw error;
  }
  try {
    await ledger.markSent(key, messageId, now());
  } catch {
    // Posted: retrying now would post twice; the claim stays until its lease ends.
    return { status: "sent", messageId, recorded: false };
  }
  return { status: "sent", messageId, recorded: true };
}
