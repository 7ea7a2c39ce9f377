import type { TestRedis } from "../../scripts/harness/redis.ts";
import type { AppContext } from "../../src/app/context.ts";
import { createFeatures } from "../../src/app/features.ts";
import { loadConfig } from "../../src/config/env.ts";
import type { Database } from "../../src/db/client.ts";
import type { Queues } from "../../src/jobs/queues.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";

/**
 * The AppContext a job handler runs with in integration tests: a real database, Redis and
 * queues, a silent logger, the clock pinned at `now`, default configuration (ja).
 */
export function jobTestContext(options: {
  db: Database;
  redis: TestRedis;
  queues: Queues;
  now: Date;
  token?: string;
}): AppContext {
  const ctx: AppContext = {
    get features() {
      return features;
    },
    config: loadConfig({ DISCORD_TOKEN: options.token ?? "test-token", DEFAULT_LOCALE: "ja" }),
    logger: createLogger("silent"),
    db: options.db,
    redis: options.redis.redis,
    queues: options.queues,
    metrics: createMetrics(),
    now: () => options.now,
    startedAt: options.now,
    version: "test",
    checkDependencies: async () => ({ database: "ok", redis: "ok" }),
  };
  const features = createFeatures({
    db: options.db,
    queues: () => ctx.queues,
    now: () => ctx.now(),
    defaults: ctx.config.defaults,
    milestoneReminderHours: ctx.config.milestones.reminderHours,
    submissionsDir: ctx.config.submissionsDir,
  });
  return ctx;
}
