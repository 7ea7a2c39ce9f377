/** {@link ExclusivePort} over the `lease` table: one holder per key across every bot process. */
import { randomUUID } from "node:crypto";
import type { ExclusivePort } from "../../features/ports.ts";
import type { Database } from "../client.ts";
import { createLeaseRepository } from "../repositories/leases.ts";

/**
 * How long a lease lasts without renewal: a holder that died (SIGKILL, lost host) blocks the key
 * this long at most. The holder renews it every third of that while its work runs.
 */
export const LEASE_TTL_MS = 60_000;

export function createExclusive(db: Database, now: () => Date, ttlMs = LEASE_TTL_MS): ExclusivePort {
  const leases = createLeaseRepository(db);
  return {
    async run(key, work) {
      const holder = randomUUID();
      if (!(await leases.acquire(key, holder, now(), ttlMs))) return { busy: true };
      // A failed renewal (the database briefly away) is tried again at the next tick; the
      // work itself is guarded by its own transactions and idempotent keys.
      const renewal = setInterval(() => {
        leases.renew(key, holder, now(), ttlMs).catch(() => undefined);
      }, ttlMs / 3);
      renewal.unref();
      try {
        return { busy: false, value: await work() };
      } finally {
        clearInterval(renewal);
        // Left to expire when the database is away: at most ttlMs more.
        await leases.release(key, holder).catch(() => undefined);
      }
    },
  };
}
