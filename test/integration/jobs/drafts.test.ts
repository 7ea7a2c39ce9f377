import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import { createProfileRepository } from "../../../src/db/repositories/profiles.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { JOBS, ONBOARDING_DRAFT_RETENTION_DAYS } from "../../../src/jobs/definitions.ts";
import { expireOnboardingDraftsHandler } from "../../../src/jobs/onboarding.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import { jobTestContext } from "../../support/context.ts";

const GUILD = "920000000000000001";
const DAY = 24 * 3600 * 1000;

describe("abandoned onboarding drafts are deleted by a scheduled job", () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  const now = new Date("2026-05-01T00:00:00Z");

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    queues = createQueues(redis.redis, redis.prefix);
    const ctx = jobTestContext({ db: database.db, redis, queues, now });
    workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: ctx.logger,
      handlers: [expireOnboardingDraftsHandler(ctx)],
    });
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    await Promise.all([redis?.cleanup(), database?.cleanup()]);
  });

  async function programme(name: string) {
    return createProgrammeRepository(database.db).create({
      guildId: GUILD,
      name,
      mode: "internship",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-07-01T00:00:00Z"),
      createdByUserId: "1",
    });
  }

  async function draft(programmeId: string, user: string, updatedAt: Date) {
    await createProfileRepository(database.db).saveDraft(programmeId, user, { skills: "TypeScript:3" });
    await database.db.onboardingDraft.update({
      where: { programmeId_discordUserId: { programmeId, discordUserId: user } },
      data: { updatedAt },
    });
  }

  it("GIVEN old, recent and closed-programme drafts WHEN the sweep runs twice (as every start registers it) THEN only the old and the closed programme's drafts are gone", async () => {
    const open = await programme("open cohort");
    const closed = await programme("closed cohort");
    const limit = now.getTime() - ONBOARDING_DRAFT_RETENTION_DAYS * DAY;
    await draft(open.id, "2001", new Date(limit - DAY)); // abandoned
    await draft(open.id, "2002", new Date(limit + DAY)); // still within the retention
    await draft(open.id, "2003", now); // today
    await draft(closed.id, "2004", now); // its programme has closed
    await createProgrammeRepository(database.db).update(closed.id, { status: "closed" });

    const queue = queues.byName.get(JOBS.expireOnboardingDrafts.queue);
    if (!queue) throw new Error("no onboarding queue");
    await queues.every(JOBS.expireOnboardingDrafts, {}, 3_600_000);
    await queues.every(JOBS.expireOnboardingDrafts, {}, 3_600_000);
    expect(await queue.getJobSchedulersCount()).toBe(1);

    const remaining = async () =>
      (await database.db.onboardingDraft.findMany({ orderBy: { discordUserId: "asc" } })).map(
        (row) => row.discordUserId,
      );
    for (let i = 0; i < 400 && (await remaining()).length !== 2; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(await remaining()).toEqual(["2002", "2003"]);
    const completed = await queue.getCompleted();
    expect(completed.some((job) => job.name === JOBS.expireOnboardingDrafts.name)).toBe(true);
  });
});
