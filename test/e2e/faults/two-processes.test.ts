import "../../support/unhandled.ts";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { deployToFake } from "../../../scripts/harness/deploy.ts";
import {
  type ApiMessage,
  type ApiUser,
  type FakeDiscord,
  type InteractionHandle,
  type SlashCommandOptions,
  startFakeDiscord,
} from "../../../scripts/harness/fake-discord/index.ts";
import { type RestartableRedis, startRestartableRedis } from "../../../scripts/harness/redis.ts";
import { type RunningApp, startApp } from "../../../src/app/start.ts";
import { loadConfig } from "../../../src/config/env.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { reconcileJobs } from "../../../src/jobs/reconcile.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import type { InvalidationEvent } from "../../../src/redis/cache-invalidation.ts";
import { MANAGE_GUILD } from "../program/harness.ts";

/** One bot process: `startApp` as `npm start` runs it, with its own Discord client, Redis connections and logs. */
interface Replica {
  name: "A" | "B";
  app: RunningApp;
  /** Its gateway session in the fake: interactions sent with it go to this replica alone. */
  session: string;
  logs: Array<Record<string, unknown>>;
  /** Every invalidation this replica applied, with performance.now() when it did. */
  invalidations: Array<InvalidationEvent & { at: number }>;
}

const NAME = "2030 春インターン";
/** Polls `check` every 10 ms until it holds, or fails after `timeoutMs`. */
async function until(
  check: () => boolean | Promise<boolean>,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

describe("GIVEN two bot processes sharing one database and one Redis (cache invalidation over pub/sub)", () => {
  let fake: FakeDiscord;
  let redis: RestartableRedis;
  let database: TestDatabase;
  let dataDir: string;
  let a: Replica;
  let b: Replica;
  let organiser: ApiUser;
  let mentor: ApiUser;

  async function startReplica(name: "A" | "B"): Promise<Replica> {
    const logs: Array<Record<string, unknown>> = [];
    const logger = createLogger("debug", {
      write(line: string) {
        logs.push(JSON.parse(line) as Record<string, unknown>);
      },
    });
    const config = loadConfig({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
      DATA_DIR: path.join(dataDir, name),
      SUBMISSIONS_DIR: path.join(dataDir, "submissions"),
      HTTP_PORT: "-1",
      SHUTDOWN_TIMEOUT_MS: "3000",
    });
    const before = new Set(fake.gateway.sessionIds());
    const app = await startApp(config, logger);
    const session = fake.gateway.sessionIds().find((id) => !before.has(id));
    if (!session) throw new Error(`replica ${name} has no gateway session`);
    const invalidations: Replica["invalidations"] = [];
    app.invalidation.subscribe((event) => invalidations.push({ ...event, at: performance.now() }));
    return { name, app, session, logs, invalidations };
  }

  /** Sends a slash command to one replica and waits for the reply the user ends up seeing. */
  async function run(replica: Replica, options: SlashCommandOptions): Promise<ApiMessage> {
    const handle: InteractionHandle = fake.sendSlashCommand({ ...options, session: replica.session });
    await handle.finalReply();
    await fake.waitFor(() => !handle.original()?.content?.startsWith("⏳"), 15_000);
    return handle.original() as ApiMessage;
  }

  const status = (replica: Replica, user: ApiUser) =>
    run(replica, { name: "program", subcommand: "status", user, locale: "en-US" });
  const roster = (replica: Replica, user: ApiUser) =>
    run(replica, { name: "program", subcommand: "roster", user, locale: "en-US" });
  const staff = (replica: Replica, subcommand: "add" | "remove", user: ApiUser) =>
    run(replica, {
      name: "program",
      subcommandGroup: "staff",
      subcommand,
      options: { user, role: "mentor" } as unknown as Record<string, string>,
      user: organiser,
      locale: "en-US",
    });

  beforeAll(async () => {
    fake = await startFakeDiscord({ precompileValidators: true });
    redis = await startRestartableRedis();
    database = await createTestDatabase();
    dataDir = await mkdtemp(path.join(os.tmpdir(), "taiken-two-processes-"));
    await deployToFake({ apiUrl: fake.apiUrl, token: fake.token, guildId: fake.guild.id });
    a = await startReplica("A");
    b = await startReplica("B");
    organiser = fake.store.tester;
    mentor = fake.addMember({ username: "mentor" }).user;
  }, 90_000);

  afterEach(() => {
    expect(fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await b?.app.stop();
    await a?.app.stop();
    await database?.cleanup();
    await redis?.cleanup();
    await fake?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it("GIVEN B has cached that the server has no programme WHEN A opens one THEN B serves it at once", async () => {
    expect(fake.gateway.sessionIds()).toEqual(expect.arrayContaining([a.session, b.session]));
    // B reads (and caches) the server's standing: no programme, and the tester may not manage it.
    expect((await status(b, organiser)).content).toBe(t("en", "error.access.organiser"));

    const opened = await run(a, {
      name: "program",
      subcommand: "open",
      options: { name: NAME, start: "2030-04-01", end: "2030-06-30" },
      memberPermissions: MANAGE_GUILD,
      locale: "en-US",
    });
    expect(opened.content).toContain(NAME);
    await until(
      () => b.invalidations.some((e) => e.source === "remote" && e.scopes.includes("programme")),
      2_000,
      "B to hear of the programme",
    );

    // The same person, without Manage Server now: only their organiser role lets them in.
    const seen = await status(b, organiser);
    expect(seen.content).not.toBe(t("en", "error.access.organiser"));
    expect(JSON.stringify(seen)).toContain(NAME);
  }, 60_000);

  it("GIVEN B has refused a mentor-only command WHEN A adds them as mentor THEN B lets them in at once, and a removal through B is seen by A at once", async () => {
    expect((await roster(b, mentor)).content).toBe(t("en", "error.access.denied"));
    expect((await roster(a, mentor)).content).toBe(t("en", "error.access.denied"));

    const sent = performance.now();
    const added = await staff(a, "add", mentor);
    const answered = performance.now();
    expect(added.content).toBe(
      t("en", "program.staff.added", { user: `<@${mentor.id}>`, role: t("en", "program.staff.role.mentor") }),
    );
    const published = a.invalidations.find((e) => e.source === "local" && e.at >= sent)?.at;
    expect(published).toBeDefined();
    // The message travels over Redis, the reply over Discord: nothing orders the two, so the
    // reply may come first by a few milliseconds on a loaded machine.
    await until(() => b.invalidations.some((e) => e.source === "remote" && e.at >= sent), 2_000, "B");
    const applied = b.invalidations.find((e) => e.source === "remote" && e.at >= sent)?.at ?? Number.NaN;

    // Well inside the 30 s expiry: B was told, not timed out.
    expect((await roster(b, mentor)).content).toBe(t("en", "program.roster.empty"));
    const effectMs = performance.now() - answered;

    const removing = performance.now();
    const removed = await staff(b, "remove", mentor);
    expect(removed.content).not.toBe(t("en", "error.access.organiser"));
    await until(() => a.invalidations.some((e) => e.source === "remote" && e.at >= removing), 2_000, "A");
    expect((await roster(a, mentor)).content).toBe(t("en", "error.access.denied"));

    console.info(
      `two processes: staff add through A → B dropped its cache ${(applied - (published ?? 0)).toFixed(1)} ms ` +
        `after A published (${(applied - answered).toFixed(1)} ms after A's reply reached Discord); ` +
        `A's reply → B's next mentor command allowed in ${effectMs.toFixed(0)} ms`,
    );
  }, 60_000);

  it("WHEN 20 role changes are made through A THEN each reaches B within a few milliseconds (propagation measured)", async () => {
    const programme = await createProgrammeRepository(database.db).current(fake.guild.id);
    if (!programme) throw new Error("no programme");
    const member = await database.db.member.findFirstOrThrow({
      where: { programmeId: programme.id, discordUserId: mentor.id },
    });
    const delays: number[] = [];
    for (let i = 0; i < 20; i++) {
      const since = performance.now();
      // Through A's own client: its change feed announces the write, as a command's would.
      if (i % 2 === 0)
        await a.app.ctx.db.memberRole.create({ data: { memberId: member.id, role: "mentor" } });
      else await a.app.ctx.db.memberRole.deleteMany({ where: { memberId: member.id, role: "mentor" } });
      const local = a.invalidations.find((e) => e.source === "local" && e.at >= since);
      await until(() => b.invalidations.some((e) => e.source === "remote" && e.at >= since), 5_000, "B");
      const remote = b.invalidations.find((e) => e.source === "remote" && e.at >= since);
      delays.push((remote?.at ?? Number.NaN) - (local?.at ?? Number.NaN));
    }
    console.info(
      `two processes: write committed in A → cache dropped in B over 20 changes: p50 ${median(delays).toFixed(1)} ms, ` +
        `max ${Math.max(...delays).toFixed(1)} ms`,
    );
    expect(delays.every((d) => Number.isFinite(d) && d >= 0)).toBe(true);
    expect(Math.max(...delays)).toBeLessThan(1_000);
    // The last change (i = 19) removed the role: B refuses again.
    expect((await roster(b, mentor)).content).toBe(t("en", "error.access.denied"));
  }, 60_000);

  it("GIVEN milestones due now, reconciled by both processes and enqueued twice more WHEN both workers run THEN each milestone is posted once", async () => {
    const programme = await createProgrammeRepository(database.db).current(fake.guild.id);
    if (!programme) throw new Error("no programme");
    const announcements = await createProgrammeRepository(database.db).discordResource(
      programme.id,
      ResourceKeys.channels.announcements,
    );
    if (!announcements) throw new Error("no announcements channel");
    const milestones = await database.db.milestone.findMany({ where: { programmeId: programme.id } });
    expect(milestones.length).toBeGreaterThanOrEqual(4);
    // Due in 1.5 s: the jobs are delayed, so both workers are idle and waiting when they fire.
    const at = new Date(Date.now() + 1_500);
    for (const [i, m] of milestones.entries()) {
      await database.db.milestone.update({
        where: { id: m.id },
        data: { at, title: `Two-process milestone ${i}` },
      });
    }
    // Both processes reconcile (as each does at start-up and every 15 minutes): one job per milestone.
    const deps = (r: Replica) => ({
      db: r.app.ctx.db,
      queues: r.app.ctx.queues,
      now: () => new Date(),
      defaultLocale: "en" as const,
      milestoneReminderHours: r.app.ctx.config.milestones.reminderHours,
    });
    await Promise.all([reconcileJobs(deps(a)), reconcileJobs(deps(b))]);
    // And a redelivery's worth more, under other ids, from each process: handlers run concurrently.
    for (const r of [a, b]) {
      for (const m of milestones) {
        await r.app.ctx.queues.add(
          JOBS.announceMilestone,
          { programmeId: programme.id, milestoneId: m.id },
          { jobId: `duplicate-${r.name}-${m.id}`, delay: 1_500 },
        );
      }
    }

    const posted = () =>
      fake.messages(announcements.discordId).filter((msg) => msg.content.includes("Two-process milestone"));
    const ran = (r: Replica) =>
      r.logs.filter((l) => l.msg === "job done" && l.job === JOBS.announceMilestone.name).length;
    const jobs = 3 * milestones.length;
    // A run that finds another one posting retries after the backoff (5 s), then finds it announced.
    await until(() => ran(a) + ran(b) >= jobs, 30_000, "every milestone job to finish");
    await new Promise((resolve) => setTimeout(resolve, 300));

    for (const [i] of milestones.entries()) {
      expect(posted().filter((msg) => msg.content.includes(`Two-process milestone ${i}`))).toHaveLength(1);
    }
    const announced = await database.db.milestone.findMany({ where: { programmeId: programme.id } });
    expect(announced.every((m) => m.announcedAt !== null)).toBe(true);
    expect(ran(a) + ran(b)).toBe(jobs);
    console.info(
      `two processes: ${milestones.length} milestones × 3 jobs → ${posted().length} posts; ` +
        `jobs run by A ${ran(a)}, by B ${ran(b)}`,
    );
    expect(ran(a)).toBeGreaterThan(0);
    expect(ran(b)).toBeGreaterThan(0);
  }, 60_000);

  it("GIVEN Redis is killed WHEN A changes a role THEN the command is not held up, and when Redis is back B drops its whole cache once", async () => {
    expect((await roster(b, mentor)).content).toBe(t("en", "error.access.denied"));
    await redis.kill();
    const started = performance.now();
    const added = await staff(a, "add", mentor);
    const elapsed = performance.now() - started;
    expect(added.content).toBe(
      t("en", "program.staff.added", { user: `<@${mentor.id}>`, role: t("en", "program.staff.role.mentor") }),
    );
    expect(elapsed).toBeLessThan(3_000);
    // Nothing reached B: it serves what it cached until the expiry (or until Redis is back).
    expect((await roster(b, mentor)).content).toBe(t("en", "error.access.denied"));
    const since = performance.now();
    await redis.start();
    await until(
      () => b.invalidations.some((e) => e.source === "resync" && e.at >= since),
      15_000,
      "B's resync",
    );
    expect((await roster(b, mentor)).content).toBe(t("en", "program.roster.empty"));
    expect(
      a.logs.some((l) => l.msg === "cache invalidation not published; other processes rely on expiry"),
    ).toBe(true);
  }, 60_000);
});
