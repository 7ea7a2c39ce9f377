import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { AppContext } from "../../../src/app/context.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { presentationReminderJobId } from "../../../src/domain/presentation/reminders.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import {
  reconcilePresentationReminders,
  remindPresentationHandler,
} from "../../../src/jobs/presentation-reminders.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import { jobTestContext } from "../../support/context.ts";
import { runJob } from "../../support/jobs.ts";
import { seedProgramme } from "../../support/programme.ts";

/** Presentation reminder jobs on real Redis and the real database, posting to the local Discord. */
const M = 60_000;
const START = new Date("2030-06-28T05:00:00Z");

describe("presentation reminders: derived from the database, posted once, none for removed slots", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  let rest: REST;
  let ctx: AppContext;
  let clock = new Date(START.getTime() - 48 * 60 * M);
  let sessionId: string;
  const slots: Record<"normal" | "fewer" | "removed", { id: string; startsAt: Date }> = {} as never;
  let threadId: string;

  beforeAll(async () => {
    [fake, database, redis] = await Promise.all([
      startFakeDiscord(),
      createTestDatabase(),
      createTestRedis(),
    ]);
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    queues = createQueues(redis.redis, redis.prefix);
    ctx = jobTestContext({ db: database.db, redis, queues, now: clock, token: fake.token });
    ctx.now = () => clock;
    workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: ctx.logger,
      handlers: [remindPresentationHandler(ctx, rest)],
    });
    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: fake.guild.id,
      name: "Presented",
      status: "open",
      startsAt: new Date("2030-04-01T00:00:00Z"),
      endsAt: new Date("2030-06-30T09:00:00Z"),
      forcedLocale: "en",
      interns: 3,
      assignments: 3,
    });
    threadId = fake.channel("general")?.id ?? "";
    const members = createMemberRepository(db);
    const session = await db.presentationSession.create({
      data: {
        programmeId: seeded.programme.id,
        title: "Day",
        status: "scheduled",
        startsAt: START,
        slotMinutes: 10,
      },
    });
    sessionId = session.id;
    const names = ["normal", "fewer", "removed"] as const;
    for (const [i, name] of names.entries()) {
      const intern = seeded.interns[i]!;
      await members.setProjectChannel(intern.id, threadId);
      await members.saveProfile(intern.id, {
        displayName: name,
        skills: [],
        interests: [],
        weeklyHoursAvailable: 10,
        preferredLocale: null,
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: name === "fewer",
        },
      });
      const startsAt = new Date(START.getTime() + i * 12 * M);
      const slot = await db.presentationSlot.create({
        data: {
          sessionId,
          memberId: intern.id,
          order: i + 1,
          startsAt,
          minutes: 10,
          status: name === "removed" ? "removed" : "planned",
        },
      });
      slots[name] = { id: slot.id, startsAt };
    }
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await Promise.all([redis?.cleanup(), database?.cleanup(), fake?.close()]);
  });

  const queue = () => queues.byName.get(JOBS.remindPresentation.queue)!;
  const reminders = () => fake.messages(threadId).filter((m) => m.content.startsWith("⏰"));
  const epoch = (at: Date) => at.getTime() / 1000;

  const run = (slot: { id: string; startsAt: Date }, offsetMin: number, startsAt = slot.startsAt) =>
    runJob(queues, JOBS.remindPresentation, {
      sessionId,
      slotId: slot.id,
      offsetMin,
      startsAtEpochS: epoch(startsAt),
    });

  it("GIVEN three slots two days ahead THEN the reconciler queues 24 h, 1 h, 10 min for one, 1 h for fewer notifications, none for the removed; again adds nothing", async () => {
    expect(await reconcilePresentationReminders({ db: database.db, queues, now: () => clock })).toBe(4);
    const jobs = await queue().getJobs(["delayed"]);
    expect(jobs.map((j) => j.id).sort()).toEqual(
      [
        presentationReminderJobId(slots.normal.id, 1440, slots.normal.startsAt),
        presentationReminderJobId(slots.normal.id, 60, slots.normal.startsAt),
        presentationReminderJobId(slots.normal.id, 10, slots.normal.startsAt),
        presentationReminderJobId(slots.fewer.id, 60, slots.fewer.startsAt),
      ].sort(),
    );
    expect(
      (await queue().getJob(presentationReminderJobId(slots.normal.id, 1440, slots.normal.startsAt)))?.delay,
    ).toBe(24 * 60 * M);
    await reconcilePresentationReminders({ db: database.db, queues, now: () => clock });
    expect(await queue().getJobCountByTypes("delayed")).toBe(4);
  });

  it("GIVEN the 1 h reminder runs twice (a redelivery) THEN it is posted once, mentioning only the intern", async () => {
    clock = new Date(START.getTime() - 60 * M);
    expect((await run(slots.normal, 60)).status).toBe("done");
    const again = await run(slots.normal, 60);
    expect(again).toMatchObject({ status: "done", detail: "already delivered" });
    expect(reminders()).toHaveLength(1);
    expect(reminders()[0]?.content).toContain("you present at");
  });

  it("GIVEN a moved slot, a removed one, fewer notifications' 10-min one THEN nothing is posted", async () => {
    expect(await run(slots.normal, 10, new Date(START.getTime() + 5 * M))).toMatchObject({
      detail: "the slot moved",
    });
    expect(await run(slots.removed, 60)).toMatchObject({ detail: "the slot was removed" });
    expect(await run(slots.fewer, 10)).toMatchObject({
      detail: "fewer notifications: the 1 h reminder only",
    });
    expect(reminders()).toHaveLength(1);
  });
});
