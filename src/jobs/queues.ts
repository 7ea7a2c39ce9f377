import { type JobsOptions, Queue } from "bullmq";
import type { Redis } from "ioredis";
import type { JobDefinition, JobPayload, QueueName } from "./definitions.ts";
import { QUEUE_NAMES } from "./definitions.ts";

/**
 * Retry policy for every job: 5 attempts with exponential backoff from 5 s, and bounded
 * history so Redis never fills with old jobs.
 */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: "exponential", delay: 5_000 },
  removeOnComplete: { count: 1_000, age: 7 * 24 * 3600 },
  removeOnFail: { count: 5_000, age: 30 * 24 * 3600 },
};

/** How long a producer waits for Redis before telling the caller it is unavailable. */
export const DEFAULT_ADD_TIMEOUT_MS = 1_500;

/** Redis did not take a job in time (down, restarting, unreachable); the cause is for logs only. */
export class JobsUnavailableError extends Error {
  override name = "JobsUnavailableError";
}

/** Runs a Redis call for a producer, rejecting with {@link JobsUnavailableError} after `timeoutMs`. */
export async function withinTimeout<T>(work: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  // A late failure after the timeout must not become an unhandled rejection.
  work.catch(() => undefined);
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer from Redis within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
  } catch (error) {
    throw new JobsUnavailableError("Redis did not take the job", { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

/** The producer side of every queue. */
export interface Queues {
  byName: ReadonlyMap<QueueName, Queue>;
  /**
   * Validates the payload against the job's schema and adds the job. A `jobId` makes the
   * add idempotent: adding the same id again while the job exists does nothing. Rejects with
   * {@link JobsUnavailableError} when Redis does not take it within the add timeout.
   */
  add<D extends JobDefinition>(definition: D, payload: JobPayload<D>, options?: JobsOptions): Promise<string>;
  /**
   * Runs the job every `everyMs` from now on, or on a cron `pattern` in the time zone `tz` (a
   * BullMQ job scheduler: re-registering the same id, as every start does, replaces it instead of
   * adding a second one). The scheduler's id is `schedulerId`, by default the job's name; give one
   * per programme or agency for theirs.
   */
  every<D extends JobDefinition>(
    definition: D,
    payload: JobPayload<D>,
    repeat: number | { pattern: string; tz: string },
    schedulerId?: string,
  ): Promise<void>;
  /** Removes a job scheduler added by {@link every}; false when there was none. */
  removeScheduler(definition: JobDefinition, schedulerId: string): Promise<boolean>;
  /** Job counts per queue and state, for metrics and health. */
  depths(): Promise<Array<{ queue: string; state: string; count: number }>>;
  close(): Promise<void>;
}

/**
 * Creates one BullMQ `Queue` per queue name on a shared connection. `prefix` isolates tests.
 * Give it a connection with `PRODUCER_REDIS_OPTIONS` (src/redis/connection.ts) so adds fail fast while Redis is down.
 */
export function createQueues(
  connection: Redis,
  prefix = "taiken",
  { addTimeoutMs = DEFAULT_ADD_TIMEOUT_MS }: { addTimeoutMs?: number } = {},
): Queues {
  const byName = new Map<QueueName, Queue>(
    Object.values(QUEUE_NAMES).map((name) => [
      name,
      new Queue(name, { connection, prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
    ]),
  );
  return {
    byName,
    async add(definition, payload, options) {
      const data = definition.schema.parse(payload);
      const queue = byName.get(definition.queue);
      if (!queue) throw new Error(`No queue named ${definition.queue}`);
      const job = await withinTimeout(queue.add(definition.name, data, options), addTimeoutMs);
      return job.id ?? "";
    },
    async every(definition, payload, repeat, schedulerId) {
      const data = definition.schema.parse(payload);
      const queue = byName.get(definition.queue);
      if (!queue) throw new Error(`No queue named ${definition.queue}`);
      const options =
        typeof repeat === "number" ? { every: repeat } : { pattern: repeat.pattern, tz: repeat.tz };
      await withinTimeout(
        queue.upsertJobScheduler(schedulerId ?? definition.name, options, { name: definition.name, data }),
        addTimeoutMs,
      );
    },
    async removeScheduler(definition, schedulerId) {
      const queue = byName.get(definition.queue);
      if (!queue) throw new Error(`No queue named ${definition.queue}`);
      return withinTimeout(queue.removeJobScheduler(schedulerId), addTimeoutMs);
    },
    async depths() {
      const states = ["waiting", "active", "delayed", "failed"] as const;
      const rows = await Promise.all(
        [...byName].map(async ([name, queue]) => {
          const counts = await queue.getJobCounts(...states);
          return states.map((state) => ({ queue: name, state, count: counts[state] ?? 0 }));
        }),
      );
      return rows.flat();
    },
    async close() {
      await Promise.all([...byName.values()].map((queue) => queue.close()));
    },
  };
}
