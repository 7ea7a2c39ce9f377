import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Client } from "discord.js";
import { commands } from "../../commands/index.ts";
import type { Config } from "../config/env.ts";
import { createDatabase } from "../db/client.ts";
import { migrateInChildProcess } from "../db/migrate-isolated.ts";
import { claimLane } from "../discord/assignments/lane.ts";
import { attachActivity } from "../discord/attention/activity.ts";
import { attachRouter, createDiscordClient, loginDiscord } from "../discord/client.ts";
import { createDatabaseAccessPolicy } from "../discord/database-access.ts";
import { attachStaffReplies } from "../discord/helpdesk/staff-replies.ts";
import { createRouter } from "../discord/router.ts";
import { BLOB_SWEEP_EVERY_MS, JOBS, ONBOARDING_DRAFT_SWEEP_EVERY_MS } from "../jobs/definitions.ts";
import { jobHandlers } from "../jobs/handlers.ts";
import { createQueues } from "../jobs/queues.ts";
import { RECONCILE_EVERY_MS, reconcileJobs } from "../jobs/reconcile.ts";
import { REPORT_REMINDER_SWEEP_EVERY_MS } from "../jobs/report-reminders.ts";
import { createWorkers } from "../jobs/workers.ts";
import { type OpsServer, startOpsServer } from "../observability/http.ts";
import type { Logger } from "../observability/logger.ts";
import { createMetrics } from "../observability/metrics.ts";
import { type CacheInvalidation, startCacheInvalidation } from "../redis/cache-invalidation.ts";
import { connectRedis, PRODUCER_REDIS_OPTIONS } from "../redis/connection.ts";
import { startLocalRedis } from "../redis/local-server.ts";
import type { AppContext } from "./context.ts";
import { createDependencyProbe } from "./dependency-probe.ts";
import { createFeatures } from "./features.ts";
import { jobEffects } from "./job-effects.ts";
import { VERSION } from "./version.ts";

/** A started bot. `stop()` closes everything in order and is safe to call twice. */
export interface RunningApp {
  ctx: AppContext;
  client: Client;
  ops: OpsServer | undefined;
  /** Drops cached standings in every process of the deployment (Redis pub/sub). */
  invalidation: CacheInvalidation;
  stop(): Promise<void>;
}

/**
 * Shutdown order: stop serving operators and taking interactions, let jobs finish, then close
 * the queues, Redis, the database, and last the Discord connection (jobs and in-flight
 * interactions may still post to Discord until then).
 */
const CLOSE_ORDER = [
  "ops endpoint",
  "interactions",
  "activity counts",
  "workers",
  "queues",
  "cache invalidation",
  "redis",
  "local redis-server",
  "database",
  "discord",
] as const;

interface Closer {
  name: (typeof CLOSE_ORDER)[number];
  /** `remainingMs` is what is left of the shutdown budget; only the waiting parts use it. */
  close: (remainingMs: number) => Promise<unknown>;
}

/**
 * The composition root: config → data dir → database (migrated) → Redis → queues and workers →
 * metrics endpoint → Discord client → login. Each started part registers how to close it;
 * if a later step fails, what was started is closed again before the error propagates.
 */
export async function startApp(config: Config, logger: Logger): Promise<RunningApp> {
  const closers: Closer[] = [];
  const closeAll = async () => {
    const deadline = performance.now() + config.shutdownTimeoutMs;
    const ordered = closers
      .splice(0)
      .sort((a, b) => CLOSE_ORDER.indexOf(a.name) - CLOSE_ORDER.indexOf(b.name));
    for (const closer of ordered) {
      try {
        await closer.close(Math.max(0, deadline - performance.now()));
        logger.debug({ part: closer.name }, "closed");
      } catch (error) {
        logger.warn({ err: error, part: closer.name }, "error while closing");
      }
    }
  };

  try {
    await mkdir(path.resolve(config.dataDir), { recursive: true });

    // In a child process: the schema engine's memory leaves with it.
    const migrated = await migrateInChildProcess(config.database.url, {
      log: (line) => logger.debug({ engine: line }, "schema engine"),
    });
    logger.info({ provider: config.database.provider, applied: migrated.applied }, "database migrated");
    const db = await createDatabase(config.database.url);
    closers.push({ name: "database", close: () => db.$disconnect() });

    let redisUrl = config.redis.url;
    if (!redisUrl) {
      const local = await startLocalRedis({ bin: config.redis.serverBin, dataDir: config.dataDir, logger });
      closers.push({ name: "local redis-server", close: () => local.stop() });
      redisUrl = local.url;
    }
    const redis = await connectRedis(redisUrl);
    redis.on("error", (error) => logger.warn({ err: error }, "redis connection error"));
    closers.push({ name: "redis", close: () => redis.quit() });

    // Producers get their own fail-fast connection; workers keep the blocking one above.
    const producer = await connectRedis(redisUrl, 5_000, PRODUCER_REDIS_OPTIONS);
    producer.on("error", (error) => logger.warn({ err: error }, "redis producer connection error"));
    closers.push({ name: "redis", close: () => producer.quit() });
    const queues = createQueues(producer);
    // Their connection is the producer's, whose errors are logged above; without a listener
    // BullMQ writes each one raw to stderr while Redis is down.
    for (const queue of queues.byName.values()) {
      queue.on("error", (error) => logger.debug({ err: error, queue: queue.name }, "queue connection error"));
    }
    // Other processes' role, staff and programme changes reach this one's caches at once.
    const invalidation = await startCacheInvalidation({ url: redisUrl, publisher: producer, logger });
    closers.push({ name: "cache invalidation", close: () => invalidation.close() });
    closers.push({ name: "queues", close: () => queues.close() });
    const metrics = createMetrics(() => queues.depths());

    const ctx: AppContext = {
      get features() {
        return features;
      },
      config,
      logger,
      db,
      redis,
      queues,
      metrics,
      now: () => new Date(),
      startedAt: new Date(),
      version: VERSION,
      checkDependencies: createDependencyProbe({
        database: () => db.$queryRawUnsafe("SELECT 1"),
        redis: () => producer.ping(),
      }),
    };
    const features = createFeatures({
      db: ctx.db,
      queues: () => ctx.queues,
      now: () => ctx.now(),
      defaults: config.defaults,
      milestoneReminderHours: config.milestones.reminderHours,
      submissionsDir: config.submissionsDir,
    });

    const client = createDiscordClient(config);
    closers.push({ name: "discord", close: () => client.destroy() });
    // The workers start before the gateway login and post through this client's REST at once:
    // without the token those posts fail before reaching Discord ("Expected token to be set"), and
    // a reminder due during a restart would wait out its delivery lease (measured: 1,416 of 10,000
    // lost to it). `login` sets the same token again.
    client.rest.setToken(config.discord.token);

    const workers = createWorkers({
      connection: redis,
      handlers: jobHandlers(ctx, jobEffects(ctx, client.rest)),
      logger,
      metrics,
    });
    closers.push({
      name: "workers",
      close: async (remainingMs) => {
        const { finished } = await workers.close(remainingMs);
        if (!finished)
          logger.warn(
            { remainingMs },
            "jobs still running at the shutdown deadline; they will be redelivered",
          );
      },
    });
    await queues.every(JOBS.expireOnboardingDrafts, {}, ONBOARDING_DRAFT_SWEEP_EVERY_MS);
    // Redis may have lost its data (no persistence, a new server): the database is the truth.
    await queues.every(JOBS.reconcile, {}, RECONCILE_EVERY_MS);
    await queues.every(JOBS.reportReminderSweep, {}, REPORT_REMINDER_SWEEP_EVERY_MS);
    await queues.every(JOBS.sweepSubmissionBlobs, {}, BLOB_SWEEP_EVERY_MS);
    const reconciled = await reconcileJobs({
      db,
      queues,
      now: () => ctx.now(),
      defaultLocale: config.defaults.locale,
      milestoneReminderHours: config.milestones.reminderHours,
    });
    logger.info(reconciled, "jobs reconciled with the database");
    const router = createRouter({
      app: ctx,
      commands,
      access: createDatabaseAccessPolicy(db, invalidation, claimLane(ctx)),
    });
    const interactions = attachRouter(client, router, logger);
    const activity = attachActivity(client, (events) => features.attention.recordActivity(events), logger);
    closers.push({ name: "activity counts", close: () => activity.stop() });
    attachStaffReplies(client, ctx);
    closers.push({
      name: "interactions",
      close: async (remainingMs) => {
        const { unfinished } = await interactions.drain(remainingMs);
        if (unfinished > 0)
          logger.warn({ unfinished }, "interactions still running at the shutdown deadline");
      },
    });

    let ops: OpsServer | undefined;
    if (config.http.port >= 0) {
      ops = await startOpsServer({
        host: config.http.host,
        port: config.http.port,
        metrics,
        logger,
        health: async () => {
          const deps = await ctx.checkDependencies();
          const discord = client.isReady() ? "ok" : "down";
          return { ok: deps.database === "ok" && deps.redis === "ok" && discord === "ok", ...deps, discord };
        },
      });
      const server = ops;
      closers.push({ name: "ops endpoint", close: () => server.close() });
    }

    await loginDiscord(client, config.discord.token, { apiUrl: config.discord.apiUrl });
    logger.info({ user: client.user?.tag, guilds: client.guilds.cache.size, version: VERSION }, "ready");

    let stopping: Promise<void> | undefined;
    return {
      ctx,
      client,
      ops,
      invalidation,
      stop: () => {
        stopping ??= closeAll();
        return stopping;
      },
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
