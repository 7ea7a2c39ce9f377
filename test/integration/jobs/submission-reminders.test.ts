import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { AppContext } from "../../../src/app/context.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createDeliveryRepository } from "../../../src/db/repositories/deliveries.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createSubmissionStore } from "../../../src/db/stores/submission.ts";
import { reminderJobId } from "../../../src/domain/submission/deadline.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { DELIVERY_LEASE_MS, DeliveryKeys } from "../../../src/jobs/delivery.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import {
  reconcileSubmissionReminders,
  remindSubmissionHandler,
} from "../../../src/jobs/submission-reminders.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import { jobTestContext } from "../../support/context.ts";
import { runJob } from "../../support/jobs.ts";
import { seedProgramme } from "../../support/programme.ts";

/** Reminder jobs on real Redis and the real database, posting to the local Discord. */
const H = 3_600_000;
const DEADLINE = new Date("2030-06-28T09:00:00Z");

describe("submission reminders: derived from the database, posted once, only to interns with nothing handed in", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  let rest: REST;
  let ctx: AppContext;
  let clock = new Date(DEADLINE.getTime() - 96 * H);
  let programmeId: string;
  const ids: Record<"owing" | "handedIn" | "withdrawn" | "fewer", string> = {
    owing: "",
    handedIn: "",
    withdrawn: "",
    fewer: "",
  };
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
      handlers: [remindSubmissionHandler(ctx, rest)],
    });

    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: fake.guild.id,
      name: "Reminded",
      status: "open",
      startsAt: new Date("2030-04-01T00:00:00Z"),
      endsAt: new Date("2030-06-30T09:00:00Z"),
      forcedLocale: "en",
      interns: 4,
      assignments: 4,
    });
    programmeId = seeded.programme.id;
    await createProgrammeRepository(db).addMilestone(programmeId, {
      kind: "submission_deadline",
      title: "Deadline",
      at: DEADLINE,
    });
    threadId = fake.channel("general")?.id ?? "";
    const members = createMemberRepository(db);
    const names = ["owing", "handedIn", "withdrawn", "fewer"] as const;
    for (const [i, name] of names.entries()) {
      const intern = seeded.interns[i];
      if (!intern) throw new Error("seed");
      ids[name] = intern.id;
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
      const allocation = await createAllocationRepository(db).allocate({
        programmeId,
        memberId: intern.id,
        assignmentId: seeded.assignmentIds[i] ?? "",
        method: "manual",
      });
      if (name === "withdrawn") await members.moveStage(intern.id, "withdrawn", { actorUserId: null });
      if (name === "handedIn") {
        await createSubmissionStore(db).addVersion({
          guildId: fake.guild.id,
          programmeId,
          memberId: intern.id,
          allocationId: allocation.id,
          actorUserId: intern.discordUserId,
          submittedAt: clock,
          links: [{ label: "link", url: "https://x.test" }],
          note: null,
          files: [],
          late: false,
          deadlineAt: DEADLINE,
          manifestHash: () => "h",
        });
      }
    }
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await Promise.all([redis?.cleanup(), database?.cleanup(), fake?.close()]);
  });

  const queue = () => queues.byName.get(JOBS.remindSubmission.queue)!;
  const reminders = () => fake.messages(threadId).filter((m) => m.content.startsWith("⏰"));
  const epoch = (at: Date) => at.getTime() / 1000;
  const payload = (memberId: string, offsetHours: number, deadline = DEADLINE) => ({
    programmeId,
    memberId,
    offsetHours,
    deadlineEpochS: epoch(deadline),
  });

  const run = (memberId: string, offsetHours: number, deadline = DEADLINE) =>
    runJob(queues, JOBS.remindSubmission, payload(memberId, offsetHours, deadline));

  it("GIVEN four interns 4 days before the deadline THEN the reconciler queues 72/24/3 h for the one owing, 24 h only for fewer notifications, none for the others; again adds nothing new", async () => {
    expect(await reconcileSubmissionReminders({ db: database.db, queues, now: () => clock })).toBe(4);
    const jobs = await queue().getJobs(["delayed"]);
    expect(jobs.map((j) => j.id).sort()).toEqual(
      [
        reminderJobId(ids.owing, 72, DEADLINE),
        reminderJobId(ids.owing, 24, DEADLINE),
        reminderJobId(ids.owing, 3, DEADLINE),
        reminderJobId(ids.fewer, 24, DEADLINE),
      ].sort(),
    );
    const first = await queue().getJob(reminderJobId(ids.owing, 72, DEADLINE));
    expect(first?.delay).toBe(24 * H);
    await reconcileSubmissionReminders({ db: database.db, queues, now: () => clock });
    expect(await queue().getJobCountByTypes("delayed")).toBe(4);
  });

  it("GIVEN the 72 h reminder runs twice (a redelivery) THEN it is posted once, in the thread, mentioning only the intern", async () => {
    clock = new Date(DEADLINE.getTime() - 72 * H);
    expect((await run(ids.owing, 72)).status).toBe("done");
    expect((await run(ids.owing, 72)).detail).toBe("already delivered");
    const posted = reminders();
    expect(posted).toHaveLength(1);
    expect(posted[0]?.content).toBe(
      `⏰ <@${(await createMemberRepository(database.db).get(ids.owing))?.discordUserId}> Your submission deadline is <t:${epoch(DEADLINE)}:F> (<t:${epoch(DEADLINE)}:R>) and nothing has been submitted yet. Use \`/submit\` with a link or a file.`,
    );
    expect(fake.violations).toEqual([]);
  });

  it("GIVEN interns who handed in or withdrew, fewer notifications, or a moved deadline THEN nothing is posted", async () => {
    expect((await run(ids.handedIn, 72)).detail).toBe("handed in, withdrawn or without a project");
    expect((await run(ids.withdrawn, 72)).detail).toBe("handed in, withdrawn or without a project");
    expect((await run(ids.fewer, 72)).detail).toBe("fewer notifications: the 24 h reminder only");
    expect((await run(ids.owing, 24, new Date(DEADLINE.getTime() - H))).detail).toBe("the deadline moved");
    expect(reminders()).toHaveLength(1);
  });

  it("GIVEN Redis lost its jobs an hour after the 24 h reminder came due THEN the reconciler sends it now, not the 72 h one already delivered", async () => {
    const keys = await redis.redis.keys(`${redis.prefix}:*`);
    if (keys.length > 0) await redis.redis.del(...keys);
    clock = new Date(DEADLINE.getTime() - 23 * H);
    expect(await reconcileSubmissionReminders({ db: database.db, queues, now: () => clock })).toBe(3);
    const owing24 = await queue().getJob(reminderJobId(ids.owing, 24, DEADLINE));
    expect(owing24?.delay).toBe(0);
    expect(await queue().getJob(reminderJobId(ids.owing, 72, DEADLINE))).toBeUndefined();
    expect(await queue().getJob(reminderJobId(ids.fewer, 24, DEADLINE))).toBeDefined();
    expect(await queue().getJob(reminderJobId(ids.owing, 3, DEADLINE))).toBeDefined();
    for (let i = 0; i < 200 && reminders().length < 3; i++) await new Promise((r) => setTimeout(r, 25));
    expect(reminders()).toHaveLength(3);
  });

  it("GIVEN the bot restarts before the 3 h reminder, an earlier run killed after claiming it THEN the new process posts it once, taking over the dead claim", async () => {
    // The old process: its workers stop; one of its runs had claimed the post and died before
    // recording it (a SIGKILL mid-job), longer ago than a claim's lease.
    await workers.close();
    clock = new Date(DEADLINE.getTime() - 3 * H);
    const key = DeliveryKeys.submissionReminder(ids.owing, 3, epoch(DEADLINE));
    const deadAt = new Date(clock.getTime() - DELIVERY_LEASE_MS - 1_000);
    expect((await createDeliveryRepository(database.db).claim(key, deadAt, DELIVERY_LEASE_MS)).status).toBe(
      "claimed",
    );
    // The new process: new workers on the same Redis and database.
    workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: ctx.logger,
      handlers: [remindSubmissionHandler(ctx, rest)],
    });
    expect((await run(ids.owing, 3)).status).toBe("done");
    expect((await run(ids.owing, 3)).detail).toBe("already delivered");
    expect(reminders()).toHaveLength(4);
    expect(reminders().at(-1)?.content).toContain(`<t:${epoch(DEADLINE)}:F>`);
  });

  it("GIVEN submissions closed THEN a due reminder ends without posting, and the reconciler queues none", async () => {
    await createSubmissionStore(database.db).setClosed({
      guildId: fake.guild.id,
      programmeId,
      actorUserId: "org",
      at: clock,
      closedAt: clock,
    });
    clock = new Date(DEADLINE.getTime() - 3 * H);
    expect((await run(ids.owing, 3)).detail).toBe("submissions are closed");
    const keys = await redis.redis.keys(`${redis.prefix}:*`);
    if (keys.length > 0) await redis.redis.del(...keys);
    expect(await reconcileSubmissionReminders({ db: database.db, queues, now: () => clock })).toBe(0);
    expect(reminders()).toHaveLength(4);
  });
});
