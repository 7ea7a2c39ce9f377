import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { milestoneJobId } from "../../../src/domain/programme/timeline.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import {
  ONBOARDING_GRACE_MS,
  reconcileMilestoneJobs,
  reconcileOnboardings,
} from "../../../src/jobs/reconcile.ts";
import { seedProgramme } from "../../support/programme.ts";

describe("GIVEN Redis lost every job (flushed) while the database kept the programme", () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  const now = new Date("2030-04-10T00:00:00Z");

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    queues = createQueues(redis.redis, redis.prefix);
  });

  afterAll(async () => {
    await queues?.close();
    await Promise.all([redis?.cleanup(), database?.cleanup()]);
  });

  it("THEN the reconciler re-creates the milestone jobs under their idempotent ids, and a second run adds none", async () => {
    const programmes = createProgrammeRepository(database.db);
    const programme = await programmes.create({
      guildId: "100",
      name: "Reconciled",
      mode: "internship",
      startsAt: new Date("2030-04-01T00:00:00Z"),
      endsAt: new Date("2030-06-30T00:00:00Z"),
      createdByUserId: "1",
      forcedLocale: null,
    });
    await database.db.programme.update({ where: { id: programme.id }, data: { status: "open" } });
    const future = await programmes.addMilestone(programme.id, {
      kind: "submission_deadline",
      title: "Deadline",
      at: new Date("2030-06-20T03:00:00Z"),
    });
    // Moved while Redis was down: the row still names the job of its old time.
    await database.db.milestone.update({ where: { id: future.id }, data: { jobId: "milestone-old-1" } });
    const missed = await programmes.addMilestone(programme.id, {
      kind: "midpoint",
      title: "Missed review",
      at: new Date("2030-04-09T00:00:00Z"),
    });
    await database.db.milestone.update({ where: { id: missed.id }, data: { jobId: "milestone-x" } });
    const announced = await programmes.addMilestone(programme.id, {
      kind: "kickoff",
      title: "Kick-off",
      at: new Date("2030-04-01T00:00:00Z"),
    });
    await programmes.markMilestoneAnnounced(announced.id, announced.at);

    // Only this file's keys: CI may share one Redis between test files.
    const keys = await redis.redis.keys(`${redis.prefix}:*`);
    if (keys.length > 0) await redis.redis.del(...keys);
    const queue = queues.byName.get(JOBS.announceMilestone.queue);
    expect(await queue?.getJobCountByTypes("delayed", "waiting")).toBe(0);

    expect(await reconcileMilestoneJobs({ db: database.db, queues, now: () => now })).toBe(2);
    const delayed = await queue?.getJob(milestoneJobId(future.id, future.at));
    expect(delayed?.data).toEqual({ programmeId: programme.id, milestoneId: future.id });
    expect(await delayed?.getState()).toBe("delayed");
    const dueNow = await queue?.getJob(milestoneJobId(missed.id, missed.at));
    expect(await dueNow?.getState()).toBe("waiting");
    expect((await database.db.milestone.findUniqueOrThrow({ where: { id: future.id } })).jobId).toBe(
      milestoneJobId(future.id, future.at),
    );

    await reconcileMilestoneJobs({ db: database.db, queues, now: () => now });
    expect(await queue?.getJobCountByTypes("delayed", "waiting")).toBe(2);
  });
});

describe("GIVEN onboarded interns whose onboarding job Redis lost", () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    queues = createQueues(redis.redis, redis.prefix);
  });

  afterAll(async () => {
    await queues?.close();
    await Promise.all([redis?.cleanup(), database?.cleanup()]);
  });

  it("THEN each one still without a thread after the grace gets one finish-onboarding job in their language, once; those with a thread, withdrawn, not interns or within the grace get none", async () => {
    const { programme } = await seedProgramme(database.db, { guildId: "200", status: "open" });
    const members = createMemberRepository(database.db);
    const join = async (userId: string, stage: "onboarded" | "working" | "withdrawn" | null) => {
      const member = await members.join({
        programmeId: programme.id,
        discordUserId: userId,
        roles: stage === null ? ["mentor"] : ["intern"],
      });
      await database.db.member.update({ where: { id: member.id }, data: { stage } });
      return member.id;
    };
    const lost = await join("11", "onboarded");
    const lostWorking = await join("12", "working");
    await database.db.memberProfile.create({
      data: { memberId: lostWorking, displayName: "Aoi", interests: [], preferredLocale: "en" },
    });
    const withThread = await join("13", "onboarded");
    await database.db.member.update({ where: { id: withThread }, data: { projectChannelId: "900" } });
    await join("14", "withdrawn");
    await join("15", null);

    const queue = queues.byName.get(JOBS.finishOnboarding.queue);
    const deps = { db: database.db, queues, defaultLocale: "ja" as const };
    // Just onboarded: their job may only be queued behind a rush.
    const soon = new Date(Date.now() + ONBOARDING_GRACE_MS / 2);
    expect(await reconcileOnboardings({ ...deps, now: () => soon })).toBe(0);

    const later = new Date(Date.now() + ONBOARDING_GRACE_MS + 60_000);
    expect(await reconcileOnboardings({ ...deps, now: () => later })).toBe(2);
    expect((await queue?.getJob(`onboard-reconcile-${lost}`))?.data).toEqual({
      guildId: "200",
      programmeId: programme.id,
      memberId: lost,
      locale: "ja",
    });
    expect((await queue?.getJob(`onboard-reconcile-${lostWorking}`))?.data.locale).toBe("en");
    await reconcileOnboardings({ ...deps, now: () => later });
    expect(await queue?.getJobCountByTypes("waiting", "delayed", "active")).toBe(2);
  });
});
