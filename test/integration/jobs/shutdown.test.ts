import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { JobDefinition } from "../../../src/jobs/definitions.ts";
import { QUEUE_NAMES } from "../../../src/jobs/definitions.ts";
import { done } from "../../../src/jobs/outcome.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers, handleJob } from "../../../src/jobs/workers.ts";
import { createLogger } from "../../../src/observability/logger.ts";

const slow = {
  queue: QUEUE_NAMES.milestones,
  name: "slow-probe",
  schema: z.object({ ms: z.number().int() }),
} satisfies JobDefinition;

describe("closing workers with a bound (graceful shutdown)", () => {
  let redis: TestRedis;
  let queues: Queues;

  beforeAll(async () => {
    redis = await createTestRedis();
    queues = createQueues(redis.redis, redis.prefix);
  });

  afterAll(async () => {
    await queues?.close();
    await redis?.cleanup();
  });

  async function runUntilStarted(ms: number) {
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: createLogger("silent"),
      handlers: [
        handleJob(slow, async (payload) => {
          started();
          await new Promise((resolve) => setTimeout(resolve, payload.ms));
          return done();
        }),
      ],
    });
    await queues.add(slow, { ms });
    await running;
    return workers;
  }

  it("GIVEN a job running for 30 s THEN close(300) returns after about 300 ms, unfinished", async () => {
    const workers = await runUntilStarted(30_000);
    const started = performance.now();
    expect(await workers.close(300)).toEqual({ finished: false });
    const elapsed = performance.now() - started;
    expect(elapsed).toBeLessThan(1_500);
    process.stdout.write(`workers closed ${Math.round(elapsed)} ms after the request (bound 300 ms)\n`);
  });

  it("GIVEN a job finishing in 200 ms THEN close waits for it and reports it finished", async () => {
    const workers = await runUntilStarted(200);
    expect(await workers.close(10_000)).toEqual({ finished: true });
  });
});
