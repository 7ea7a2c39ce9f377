import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { JobDefinition } from "../../../src/jobs/definitions.ts";
import { JOBS, QUEUE_NAMES } from "../../../src/jobs/definitions.ts";
import { done, giveUp, retryLater } from "../../../src/jobs/outcome.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers, handleJob, type Workers } from "../../../src/jobs/workers.ts";
import { createLogger } from "../../../src/observability/logger.ts";

const probe = {
  queue: QUEUE_NAMES.milestones,
  name: "probe",
  schema: z.object({ n: z.number().int(), mode: z.enum(["ok", "retry", "give-up"]) }),
} satisfies JobDefinition;

describe("BullMQ jobs through a real Redis", () => {
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  const seen: Array<{ n: number; attempt: number }> = [];

  beforeAll(async () => {
    redis = await createTestRedis();
    queues = createQueues(redis.redis, redis.prefix);
    workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: createLogger("silent"),
      handlers: [
        handleJob(probe, async (payload, job) => {
          seen.push({ n: payload.n, attempt: job.attemptsMade });
          if (payload.mode === "retry" && job.attemptsMade === 0) return retryLater("first attempt fails");
          if (payload.mode === "give-up") return giveUp("nothing to do");
          return done(`n=${payload.n}`);
        }),
      ],
    });
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    await redis?.cleanup();
  });

  async function settle(jobId: string) {
    const queue = queues.byName.get(QUEUE_NAMES.milestones)!;
    for (let i = 0; i < 200; i++) {
      const state = await (await queue.getJob(jobId))?.getState();
      // Read the job again once it has settled: a copy read before it completed has no result.
      if (state === "completed" || state === "failed") return { job: (await queue.getJob(jobId))!, state };
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`job ${jobId} did not settle`);
  }

  it("GIVEN a valid payload WHEN the job is added THEN the worker processes it and it completes", async () => {
    const id = await queues.add(probe, { n: 1, mode: "ok" }, { jobId: "probe-1" });
    const { job, state } = await settle(id);
    expect(state).toBe("completed");
    expect(job.returnvalue).toEqual({ status: "done", detail: "n=1" });
  });

  it("GIVEN a processor that asks to retry THEN the job is retried and completes on the second attempt", async () => {
    const id = await queues.add(
      probe,
      { n: 2, mode: "retry" },
      { jobId: "probe-2", backoff: { type: "fixed", delay: 10 } },
    );
    const { state, job } = await settle(id);
    expect(state).toBe("completed");
    expect(job.attemptsMade).toBe(2);
    expect(seen.filter((s) => s.n === 2).map((s) => s.attempt)).toEqual([0, 1]);
  });

  it("GIVEN a processor that gives up THEN the job fails at once without retries", async () => {
    const id = await queues.add(probe, { n: 3, mode: "give-up" }, { jobId: "probe-3" });
    const { state, job } = await settle(id);
    expect(state).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toBe("nothing to do");
  });

  it("GIVEN a malformed payload already in Redis THEN the worker fails it without retrying", async () => {
    const queue = queues.byName.get(QUEUE_NAMES.milestones)!;
    const job = await queue.add("probe", { n: "not a number" }, { jobId: "probe-4", attempts: 5 });
    const { state, job: settled } = await settle(job.id!);
    expect(state).toBe("failed");
    expect(settled.attemptsMade).toBe(1);
    expect(settled.failedReason).toMatch(/Invalid payload for probe/);
  });

  it("GIVEN the same job id added twice THEN only one job exists (idempotent scheduling)", async () => {
    await queues.add(
      JOBS.announceMilestone,
      { programmeId: "p", milestoneId: "m" },
      { jobId: "ms-1", delay: 60_000 },
    );
    await queues.add(
      JOBS.announceMilestone,
      { programmeId: "p", milestoneId: "m" },
      { jobId: "ms-1", delay: 60_000 },
    );
    const depths = await queues.depths();
    expect(depths.find((d) => d.state === "delayed")?.count).toBe(1);
  });

  it("GIVEN a payload that breaks the schema WHEN adding THEN it is refused before reaching Redis", async () => {
    await expect(queues.add(probe, { n: 1.5, mode: "ok" })).rejects.toThrow();
  });
});
