import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { AppContext } from "../../../src/app/context.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createWorkspaceRepository } from "../../../src/db/repositories/workspace.ts";
import { milestoneReminderJobId } from "../../../src/domain/programme/reminders.ts";
import { syncTimeline, type TimelineDeps } from "../../../src/domain/programme/schedule.ts";
import type { PlannedMilestone } from "../../../src/domain/programme/timeline.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { milestoneJobs } from "../../../src/jobs/milestone-jobs.ts";
import { reconcileMilestoneReminders, remindMilestoneHandler } from "../../../src/jobs/milestones.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { reconcileJobs } from "../../../src/jobs/reconcile.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import { jobTestContext } from "../../support/context.ts";
import { runJob } from "../../support/jobs.ts";
import { seedProgramme } from "../../support/programme.ts";

/** Milestone reminders on real Redis and the real database, posting to the local Discord. */
const H = 3_600_000;
const PLANNED: PlannedMilestone[] = [
  { kind: "kickoff", at: new Date("2030-04-01T01:00:00Z") },
  { kind: "midpoint", at: new Date("2030-05-15T07:00:00Z") },
  { kind: "submission_deadline", at: new Date("2030-06-28T09:00:00Z") },
  { kind: "presentation", at: new Date("2030-06-30T05:00:00Z") },
  { kind: "debrief", at: new Date("2030-06-30T08:00:00Z") },
];
const at = (kind: PlannedMilestone["kind"]) => PLANNED.find((m) => m.kind === kind)?.at as Date;
const epoch = (date: Date) => Math.floor(date.getTime() / 1000);

describe("milestone reminders: queued 24 h ahead, posted once pinging the intern role, derived from the database", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  let rest: REST;
  let ctx: AppContext;
  let clock = new Date("2030-03-31T00:00:00Z");
  let programmeId: string;
  let channelId: string;
  let roleId: string;
  let deps: TimelineDeps;
  const ids = new Map<string, string>();

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
      handlers: [remindMilestoneHandler(ctx, rest)],
    });
    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: fake.guild.id,
      name: "Reminded",
      status: "open",
      startsAt: new Date("2030-03-31T15:00:00Z"),
      endsAt: new Date("2030-06-30T14:59:59Z"),
      forcedLocale: "en",
    });
    programmeId = seeded.programme.id;
    const programmes = createProgrammeRepository(db);
    channelId = fake.channel("general")?.id ?? "";
    roleId = fake.createRole({ name: "Interns" }).id;
    await programmes.saveDiscordResource(programmeId, {
      key: ResourceKeys.channels.announcements,
      discordId: channelId,
      kind: "announcement_channel",
    });
    await programmes.saveDiscordResource(programmeId, {
      key: ResourceKeys.roles.intern,
      discordId: roleId,
      kind: "role",
    });
    deps = {
      store: { ...programmes, moveMilestone: createWorkspaceRepository(db).moveMilestone },
      jobs: milestoneJobs(queues),
      now: () => clock,
      reminderHours: ctx.config.milestones.reminderHours,
    };
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await Promise.all([redis?.cleanup(), database?.cleanup(), fake?.close()]);
  });

  const queue = () => queues.byName.get(JOBS.remindMilestone.queue)!;
  const reminderJobs = async () =>
    (await queue().getJobs(["delayed", "waiting"])).filter((j) => j.name === JOBS.remindMilestone.name);
  const posted = () => fake.messages(channelId).filter((m) => m.content.includes("⏰"));

  const run = (kind: PlannedMilestone["kind"], leadHours: number, when = at(kind)) =>
    runJob(queues, JOBS.remindMilestone, {
      programmeId,
      milestoneId: ids.get(kind) ?? "",
      leadHours,
      atEpochS: epoch(when),
    });

  it("GIVEN the timeline is scheduled (MILESTONE_REMINDER_HOURS unset: 24) THEN the review, the deadline and the presentation each get one reminder job due 24 h before; the kick-off and the debrief none; again adds nothing", async () => {
    expect(ctx.config.milestones.reminderHours).toEqual([24]);
    const result = await syncTimeline(deps, programmeId, PLANNED, (kind) => `Title of ${kind}`);
    expect(result).toMatchObject({ added: 5, scheduled: 5, reminders: 3, past: [] });
    for (const m of await createProgrammeRepository(database.db).milestones(programmeId))
      ids.set(m.kind, m.id);
    const reminded = ["midpoint", "submission_deadline", "presentation"] as const;
    const jobs = await reminderJobs();
    expect(jobs.map((j) => j.id).sort()).toEqual(
      reminded.map((kind) => milestoneReminderJobId(ids.get(kind) ?? "", 24, at(kind))).sort(),
    );
    for (const kind of reminded) {
      const job = await queue().getJob(milestoneReminderJobId(ids.get(kind) ?? "", 24, at(kind)));
      expect(job?.delay).toBe(at(kind).getTime() - 24 * H - clock.getTime());
      expect(job?.data).toEqual({
        programmeId,
        milestoneId: ids.get(kind),
        leadHours: 24,
        atEpochS: epoch(at(kind)),
      });
    }
    await syncTimeline(deps, programmeId, PLANNED, (kind) => `Title of ${kind}`);
    expect(await reminderJobs()).toHaveLength(3);
  });

  it("GIVEN the deadline's 24 h reminder runs twice (a redelivery) THEN it is posted once in the announcements channel, pinging only the intern role", async () => {
    clock = new Date(at("submission_deadline").getTime() - 24 * H);
    expect((await run("submission_deadline", 24)).status).toBe("done");
    expect((await run("submission_deadline", 24)).detail).toBe("already delivered");
    expect(posted()).toHaveLength(1);
    const stamp = epoch(at("submission_deadline"));
    expect(posted()[0]?.content).toBe(
      `<@&${roleId}> ⏰ Coming up: **Title of submission_deadline** (Submission deadline)\n<t:${stamp}:F> (<t:${stamp}:R>)`,
    );
    const posts = fake.requests.filter((r) => r.route === "POST /channels/{channel_id}/messages");
    expect(posts).toHaveLength(1);
    expect((posts[0]?.body as { allowed_mentions?: unknown } | undefined)?.allowed_mentions).toEqual({
      roles: [roleId],
    });
    expect(fake.violations).toEqual([]);
  });

  it("GIVEN the presentation moves 2 h later THEN its old reminder job is gone, a new one is queued, and a run for the old time posts nothing", async () => {
    clock = new Date("2030-06-01T00:00:00Z");
    const moved = PLANNED.map((m) =>
      m.kind === "presentation" ? { ...m, at: new Date(m.at.getTime() + 2 * H) } : m,
    );
    const oldId = milestoneReminderJobId(ids.get("presentation") ?? "", 24, at("presentation"));
    expect(await queue().getJob(oldId)).toBeDefined();
    const result = await syncTimeline(deps, programmeId, moved, (kind) => `Title of ${kind}`);
    expect(result.moved).toBe(1);
    expect(await queue().getJob(oldId)).toBeUndefined();
    const newAt = new Date(at("presentation").getTime() + 2 * H);
    const fresh = await queue().getJob(milestoneReminderJobId(ids.get("presentation") ?? "", 24, newAt));
    expect(fresh?.data.atEpochS).toBe(epoch(newAt));

    clock = new Date(at("presentation").getTime() - 24 * H);
    expect((await run("presentation", 24)).detail).toBe("the milestone moved");
    expect((await run("presentation", 72, newAt)).detail).toBe(
      "no longer a reminder time (MILESTONE_REMINDER_HOURS changed)",
    );
    expect(posted()).toHaveLength(1);
    PLANNED.splice(
      PLANNED.findIndex((m) => m.kind === "presentation"),
      1,
      {
        kind: "presentation",
        at: newAt,
      },
    );
  });

  it("GIVEN Redis lost its keys THEN the reconciler re-creates the reminders still ahead, sends a lost one that came due an hour ago, and not the one already delivered", async () => {
    const keys = await redis.redis.keys(`${redis.prefix}:*`);
    if (keys.length > 0) await redis.redis.del(...keys);
    expect(await reminderJobs()).toHaveLength(0);

    // The clock back at a day and an hour before the review: all three reminders are ahead.
    clock = new Date(at("midpoint").getTime() - 25 * H);
    const reconcile = () =>
      reconcileMilestoneReminders({ db: database.db, queues, now: () => clock, reminderHours: [24] });
    expect(await reconcile()).toBe(3);
    expect((await reminderJobs()).map((j) => j.id).sort()).toEqual(
      (["midpoint", "submission_deadline", "presentation"] as const)
        .map((kind) => milestoneReminderJobId(ids.get(kind) ?? "", 24, at(kind)))
        .sort(),
    );
    expect(await reconcile()).toBe(3);
    expect(await reminderJobs()).toHaveLength(3);

    // Redis lost everything again, an hour after the deadline's reminder came due (delivered) and
    // the presentation's is far ahead: the deadline's is not queued again.
    const again = await redis.redis.keys(`${redis.prefix}:*`);
    if (again.length > 0) await redis.redis.del(...again);
    clock = new Date(at("submission_deadline").getTime() - 23 * H);
    expect(await reconcile()).toBe(1);
    expect((await reminderJobs()).map((j) => j.id)).toEqual([
      milestoneReminderJobId(ids.get("presentation") ?? "", 24, at("presentation")),
    ]);

    // An hour after the presentation's came due, its job lost before it ran: queued to run now.
    const lost = await redis.redis.keys(`${redis.prefix}:*`);
    if (lost.length > 0) await redis.redis.del(...lost);
    clock = new Date(at("presentation").getTime() - 23 * H);
    const { milestoneReminderJobs } = await reconcileJobs({
      db: database.db,
      queues,
      now: () => clock,
      defaultLocale: "ja",
      milestoneReminderHours: [24],
    });
    expect(milestoneReminderJobs).toBe(1);
    for (let i = 0; i < 200 && posted().length < 2; i++) await new Promise((r) => setTimeout(r, 25));
    expect(posted()).toHaveLength(2);
    expect(posted()[1]?.content).toContain("**Title of presentation** (Results presentation)");
  });

  it("GIVEN MILESTONE_REMINDER_HOURS is off THEN the reconciler queues none", async () => {
    expect(
      await reconcileMilestoneReminders({ db: database.db, queues, now: () => clock, reminderHours: [] }),
    ).toBe(0);
  });
});
