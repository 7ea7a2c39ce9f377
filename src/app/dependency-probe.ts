import type { DependencyStatus } from "./context.ts";

/** How long a probe result is reused. Health is a few seconds old at most, never a query per request. */
export const PROBE_TTL_MS = 5_000;
/** A dependency that does not answer within this is reported down. */
export const PROBE_TIMEOUT_MS = 2_000;

export interface DependencyChecks {
  database: () => Promise<unknown>;
  redis: () => Promise<unknown>;
}

export type DependencyReport = { database: DependencyStatus; redis: DependencyStatus };

/**
 * Probes the database and Redis, reusing the last result for `ttlMs` and sharing one probe
 * between concurrent callers: `/taiken about` and `/healthz` may be called by hundreds of
 * people at once without each costing a round trip to both servers. Never throws.
 */
export function createDependencyProbe(
  checks: DependencyChecks,
  { ttlMs = PROBE_TTL_MS, timeoutMs = PROBE_TIMEOUT_MS, now = () => performance.now() } = {},
): () => Promise<DependencyReport> {
  let last: { at: number; report: DependencyReport } | undefined;
  let inFlight: Promise<DependencyReport> | undefined;

  const probe = async (check: () => Promise<unknown>): Promise<DependencyStatus> => {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        check(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("timed out")), timeoutMs);
        }),
      ]);
      return "ok";
    } catch {
      // A failed or slow probe is the answer itself: the dependency is down.
      return "down";
    } finally {
      clearTimeout(timer);
    }
  };

  return async () => {
    if (last && now() - last.at < ttlMs) return last.report;
    inFlight ??= Promise.all([probe(checks.database), probe(checks.redis)])
      .then(([database, redis]) => {
        last = { at: now(), report: { database, redis } };
        return last.report;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };
}
