import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createWorkspaceRepository } from "../../../src/db/repositories/workspace.ts";
import { syncTimeline } from "../../../src/domain/programme/schedule.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { milestoneJobs } from "../../../src/jobs/milestone-jobs.ts";
import { done } from "../../../src/jobs/outcome.ts";
import { createQueues } from "../../../src/jobs/queues.ts";
import { createWorkers, handleJob } from "../../../src/jobs/workers.ts";
import { createLogger } from "../../../src/observability/logger.ts";

describe("programme timeline jobs in Redis", () => {
  let database: TestDatabase;
  let redis: TestRedis;

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
  });

  afterAll(async () => {
    await Promise.all([database?.cleanup(), redis?.cleanup()]);
  });

  it("GIVEN milestones scheduled by one process THEN a freshly started worker set announces them, once each", async () => {
    const programmes = createProgrammeRepository(database.db);
    const programme = await programmes.create({
      guildId: "1",
      name: "restart",
      mode: "hackathon",
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 86_400_000),
      createdByUserId: "2",
    });
    const store = { ...programmes, moveMilestone: createWorkspaceRepository(database.db).moveMilestone };
    const soon = (ms: number) => new Date(Date.now() + ms);
    const planned = [
      // Far enough ahead that a slow database (PostgreSQL under a full test run) cannot make it
      // past before it is scheduled, near enough that the test stays short.
      { kind: "kickoff" as const, at: soon(2_500) },
      { kind: "debrief" as const, at: soon(3_600_000) },
    ];

    // The first "process": schedules, twice (idempotent), then goes away without a worker.
    const first = createQueues(redis.redis, redis.prefix);
    const deps = { store, jobs: milestoneJobs(first), now: () => new Date(), reminderHours: [] };
    await syncTimeline(deps, programme.id, planned, (kind) => kind);
    await syncTimeline(deps, programme.id, planned, (kind) => kind);
    const queue = first.byName.get(JOBS.announceMilestone.queue);
    expect(await queue?.getDelayedCount()).toBe(2);
    await first.close();

    // A new process: its workers pick up what the old one left in Redis.
    const seen: string[] = [];
    const workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: createLogger("silent"),
      handlers: [
        handleJob(JOBS.announceMilestone, async ({ milestoneId }) => {
          seen.push(milestoneId);
          return done();
        }),
      ],
    });
    try {
      const kickoff = (await programmes.milestones(programme.id)).find((m) => m.kind === "kickoff");
      await expect.poll(() => seen, { timeout: 15_000 }).toEqual([kickoff?.id]);
    } finally {
      await workers.close();
    }
  });

  it("GIVEN a milestone moved later THEN its old job is removed and one new job replaces it", async () => {
    const programmes = createProgrammeRepository(database.db);
    const programme = await programmes.create({
      guildId: "1",
      name: "moved",
      mode: "internship",
      startsAt: new Date(),
      endsAt: new Date(Date.now() + 86_400_000),
      createdByUserId: "2",
    });
    const queues = createQueues(redis.redis, redis.prefix);
    const deps = {
      store: { ...programmes, moveMilestone: createWorkspaceRepository(database.db).moveMilestone },
      jobs: milestoneJobs(queues),
      now: () => new Date(),
      reminderHours: [],
    };
    try {
      const at = new Date(Date.now() + 7_200_000);
      await syncTimeline(deps, programme.id, [{ kind: "midpoint", at }], () => "mid");
      const [before] = await programmes.milestones(programme.id);
      const result = await syncTimeline(
        deps,
        programme.id,
        [{ kind: "midpoint", at: new Date(at.getTime() + 60_000) }],
        () => "mid",
      );
      const [after] = await programmes.milestones(programme.id);
      expect(result).toMatchObject({ added: 0, moved: 1, scheduled: 1 });
      const queue = queues.byName.get(JOBS.announceMilestone.queue);
      expect(await queue?.getJob(before?.jobId ?? "")).toBeUndefined();
      expect(await queue?.getJob(after?.jobId ?? "")).toBeDefined();
    } finally {
      await queues.close();
    }
  });
});
