import type { DatabaseTransaction } from "../client.ts";
import { mapConstraintViolations, toConstraintViolation } from "../errors.ts";

/**
 * The `lease` table: one holder per key across processes. The claim is the insert; an expired
 * lease is taken over by a conditional update, so two takers of one expired lease cannot both win.
 */
export function createLeaseRepository(db: DatabaseTransaction) {
  return {
    /** True when `holder` now holds `key` until `now + ttlMs`; false when someone else does. */
    async acquire(key: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const expiresAt = new Date(now.getTime() + ttlMs);
      try {
        await mapConstraintViolations(() => db.lease.create({ data: { key, holder, expiresAt } }));
        return true;
      } catch (error) {
        if (toConstraintViolation(error) === undefined) throw error;
      }
      const { count } = await db.lease.updateMany({
        where: { key, expiresAt: { lte: now } },
        data: { holder, expiresAt },
      });
      return count === 1;
    },

    /** Extends the holder's lease; false when it was lost (expired and taken over). */
    async renew(key: string, holder: string, now: Date, ttlMs: number): Promise<boolean> {
      const { count } = await db.lease.updateMany({
        where: { key, holder },
        data: { expiresAt: new Date(now.getTime() + ttlMs) },
      });
      return count === 1;
    },

    /** Gives the lease up; a lease someone else took over is left alone. */
    async release(key: string, holder: string): Promise<void> {
      await db.lease.deleteMany({ where: { key, holder } });
    },
  };
}
