import { type Job, UnrecoverableError, Worker } from "bullmq";
import type { Redis } from "ioredis";
import type { Logger } from "../observability/logger.ts";
import type { Metrics } from "../observability/metrics.ts";
import { type JobDefinition, type JobPayload, QUEUE_CONCURRENCY, type QueueName } from "./definitions.ts";
import type { JobOutcome } from "./outcome.ts";

/** Binds a job definition to the function that carries it out. */
export interface JobHandler<D extends JobDefinition = JobDefinition> {
  definition: D;
  process: (payload: JobPayload<D>, job: Job) => Promise<JobOutcome>;
}

/** Helps TypeScript infer the payload type of a handler from its definition. */
export function handleJob<D extends JobDefinition>(
  definition: D,
  process: (payload: JobPayload<D>, job: Job) => Promise<JobOutcome>,
): JobHandler<D> {
  return { definition, process };
}

/** The consumer side: one BullMQ `Worker` per queue that has handlers. */
export interface Workers {
  workers: Worker[];
  /**
   * Stops taking jobs and waits for running ones at most `timeoutMs`; returns whether they all
   * finished. A job still running then loses its lock and is redelivered (handlers are idempotent).
   */
  close(timeoutMs?: number): Promise<{ finished: boolean }>;
}

/**
 * Creates the workers. Each job's payload is parsed with its schema first: a payload that
 * does not parse can never succeed, so it fails at once without retries. This is also the
 * one place that logs failed, stalled and errored jobs.
 */
export function createWorkers(options: {
  connection: Redis;
  handlers: JobHandler[];
  logger: Logger;
  metrics?: Metrics;
  prefix?: string;
  /** Jobs at once per worker, for every queue (default: `QUEUE_CONCURRENCY`, else 5). */
  concurrency?: number;
}): Workers {
  const byQueue = new Map<QueueName, Map<string, JobHandler>>();
  for (const handler of options.handlers) {
    const forQueue = byQueue.get(handler.definition.queue) ?? new Map<string, JobHandler>();
    if (forQueue.has(handler.definition.name))
      throw new Error(`Two handlers for job ${handler.definition.name}`);
    forQueue.set(handler.definition.name, handler);
    byQueue.set(handler.definition.queue, forQueue);
  }

  const workers = [...byQueue].map(([queueName, handlers]) => {
    const log = options.logger.child({ queue: queueName });
    const worker = new Worker(
      queueName,
      async (job: Job) => {
        const handler = handlers.get(job.name);
        if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}"`);
        const parsed = handler.definition.schema.safeParse(job.data);
        if (!parsed.success) {
          throw new UnrecoverableError(
            `Invalid payload for ${job.name}: ${parsed.error.issues[0]?.message ?? ""}`,
          );
        }
        const outcome = await handler.process(parsed.data, job);
        switch (outcome.status) {
          case "done":
            log.debug({ jobId: job.id, job: job.name, detail: outcome.detail }, "job done");
            return outcome;
          case "retry":
            throw new Error(outcome.reason);
          case "give-up":
            throw new UnrecoverableError(outcome.reason);
        }
      },
      {
        connection: options.connection,
        prefix: options.prefix ?? "taiken",
        concurrency: options.concurrency ?? QUEUE_CONCURRENCY[queueName] ?? 5,
      },
    );
    worker.on("failed", (job, error) => {
      options.metrics?.errors.inc({ source: `job:${job?.name ?? "unknown"}` });
      log.warn(
        { jobId: job?.id, job: job?.name, attemptsMade: job?.attemptsMade, err: error },
        error instanceof UnrecoverableError
          ? "job failed for good"
          : "job failed; will retry if attempts remain",
      );
    });
    worker.on("stalled", (jobId) => log.warn({ jobId }, "job stalled: its worker stopped renewing the lock"));
    worker.on("error", (error) => log.error({ err: error }, "worker error"));
    return worker;
  });

  return {
    workers,
    async close(timeoutMs = Number.POSITIVE_INFINITY) {
      let finished = false;
      const closing = Promise.all(workers.map((worker) => worker.close())).then(() => {
        finished = true;
      });
      let timer: NodeJS.Timeout | undefined;
      const waited = Number.isFinite(timeoutMs)
        ? new Promise<void>((resolve) => {
            timer = setTimeout(resolve, timeoutMs);
          })
        : closing;
      await Promise.race([closing, waited]);
      clearTimeout(timer);
      return { finished };
    },
  };
}
