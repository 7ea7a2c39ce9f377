/** The delivery ledger (table `delivery`): at-most-once effects such as a job's Discord post. */
import type { DatabaseTransaction } from "../client.ts";

/** What a claim found: `claimed` means the caller now owns the key and may post. */
export type ClaimResult =
  | { status: "claimed"; token: Date }
  | { status: "sent"; messageId: string | null }
  | { status: "in_flight"; claimedAt: Date };

function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}

/** Claims, confirms and releases delivery keys. `db` may be the client or a transaction. */
export function createDeliveryRepository(db: DatabaseTransaction) {
  return {
    /**
     * Claims `key`: the insert is the claim, so of any number of concurrent callers one wins.
     * A claim older than `leaseMs` that was never confirmed is taken over (its holder crashed).
     * The returned `token` (the claim time) identifies this claim to `release`.
     */
    async claim(key: string, now: Date, leaseMs: number): Promise<ClaimResult> {
      try {
        await db.delivery.create({ data: { key, status: "claimed", claimedAt: now } });
        return { status: "claimed", token: now };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      const takenOver = await db.delivery.updateMany({
        where: { key, status: "claimed", claimedAt: { lt: new Date(now.getTime() - leaseMs) } },
        data: { claimedAt: now },
      });
      if (takenOver.count === 1) return { status: "claimed", token: now };
      const row = await db.delivery.findUnique({ where: { key } });
      // Released between our insert and read: report it in flight, the caller retries later.
      if (!row) return { status: "in_flight", claimedAt: now };
      if (row.status === "sent") return { status: "sent", messageId: row.messageId };
      return { status: "in_flight", claimedAt: row.claimedAt };
    },

    /** Records that the effect happened. */
    async markSent(key: string, messageId: string | null, now: Date): Promise<void> {
      await db.delivery.update({ where: { key }, data: { status: "sent", messageId, sentAt: now } });
    },

    /** Gives up this claim (the effect certainly did not happen), so a retry may claim again. */
    async release(key: string, token: Date): Promise<void> {
      await db.delivery.deleteMany({ where: { key, status: "claimed", claimedAt: token } });
    },

    async find(key: string) {
      return db.delivery.findUnique({ where: { key } });
    },

    /** Whether any key starting with `prefix` is recorded as sent. */
    async anySent(prefix: string): Promise<boolean> {
      const row = await db.delivery.findFirst({
        where: { key: { startsWith: prefix }, status: "sent" },
        select: { key: true },
      });
      return row !== null;
    },
  };
}
