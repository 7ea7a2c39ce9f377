/**
 * Reminder hour: 10,000 submission reminders come due within 60 s, and the bot is killed
 * (SIGKILL) and restarted half-way through, with taiken running exactly as `npm start` runs it.
 *
 * Layout (each part in its own process):
 * - the fake Discord (support/fake-host.ts): validators precompiled, Discord's rate limits on; it
 *   records every post and gives each message a snowflake from its own clock;
 * - taiken: `node dist/src/main.js` (a fresh SQLite file migrated at start, Redis, the real
 *   workers), `LOG_LEVEL=info`; started, killed with SIGKILL once half the reminders are out,
 *   started again on the same database and Redis;
 * - this process: seeds the database in bulk before the bot starts (support/cohort.ts) — interns
 *   with live projects and threads, one intern in eleven with a version handed in already — and
 *   gives everyone an organiser's extension so that their 3 h reminder comes due at their own
 *   moment of a 60 s window. It queues every intern's `remind-submission` job on
 *   `taiken-submissions` the way the submission feature does (src/jobs/submission-reminders.ts,
 *   same ids and payloads), submitters' too: the jobs were queued before they handed in, so the
 *   processor must re-read the state and send them nothing. The bot's own start-up reconciler
 *   then confirms the jobs of those who still owe a hand-in.
 *
 * Reported: reminders delivered (distinct owing interns reminded), duplicates (posts beyond the
 * first in a thread), posts to submitters, lateness (the post's snowflake time − the reminder's
 * due time) p50/p95/p99/max, the restart gap, 429s, spec violations.
 *
 * `BENCH_REMINDERS_COUNT` overrides how many owing interns are reminded (default 10,000; the
 * submitters are a tenth on top); `BENCH_REMINDERS_WINDOW_S` the window they come due in
 * (default 60).
 */
import { createDatabase, type Database } from "../../src/db/client.ts";
import { createProgrammeRepository } from "../../src/db/repositories/programmes.ts";
import { reminderJobId } from "../../src/domain/submission/deadline.ts";
import { createQueues } from "../../src/jobs/queues.ts";
import { reminderJobs } from "../../src/jobs/submission-reminders.ts";
import { connectRedis } from "../../src/redis/connection.ts";
import { deployToFake } from "../harness/deploy.ts";
import type { RemoteFakeDiscord } from "../harness/fake-discord/index.ts";
import { type BenchDatabase, benchDatabase } from "./support/bench-database.ts";
import { type CohortIntern, pooled, projectThreads, seedCohort } from "./support/cohort.ts";
import { type BenchFake, startBenchFake } from "./support/fake-host.ts";
import { note, progress } from "./support/notes.ts";
import { buildBot, type NodeChild, scratchDir, sleep, startBenchRedis } from "./support/processes.ts";
import { taikenContestant } from "./support/stage.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "reminders";
const OWING = Number(process.env.BENCH_REMINDERS_COUNT ?? 10_000);
const SUBMITTERS = Math.round(OWING / 10);
const WINDOW_MS = Number(process.env.BENCH_REMINDERS_WINDOW_S ?? 60) * 1000;
/** Time from the jobs being queued to the first reminder coming due: the bot starts meanwhile. */
const LEAD_MS = 30_000;
/** The reminder offset every job is for (one of the default 72, 24, 3 h). */
const OFFSET_HOURS = 3;
const HOUR_MS = 3_600_000;
const LATENESS_TARGET_MS = 2_000;
/** discord.js's default `globalRequestsPerSecond`, Discord's global limit for a bot. */
const GLOBAL_PER_SECOND = 50;
/** After the last reminder, how long to keep watching for late posts and duplicates. */
const SETTLE_MS = 20_000;
/**
 * How long after the kill to keep watching at least: a reminder claimed but not confirmed when
 * the bot died is retried once its delivery claim's lease (120 s) has run out.
 */
const AFTER_KILL_MS = 150_000;
/** Past {@link AFTER_KILL_MS}, stop once no reminder has been posted for this long. */
const QUIET_MS = 45_000;
/** Give up waiting after this long past the window's end. */
const OVERALL_TIMEOUT_MS = 420_000;

/** Milliseconds since the Unix epoch at which Discord made a snowflake. */
const snowflakeMs = (id: string) => Number((BigInt(id) >> 22n) + 1_420_070_400_000n);

async function waitForGuild(remote: RemoteFakeDiscord, bot: NodeChild): Promise<void> {
  const deadline = performance.now() + 60_000;
  while ((await remote.gatewayFrames("GUILD_CREATE")).length === 0) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited before connecting:\n${bot.output()}`);
    if (performance.now() > deadline)
      throw new Error(`the bot did not connect within 60 s:\n${bot.output()}`);
    await sleep(100);
  }
}

/** Counts what the bot logged at warn and above (JSON lines on stdout), by message. */
function listenToBot(bot: NodeChild, into: Map<string, number>): void {
  let partial = "";
  bot.child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      let entry: { level?: number; msg?: string; err?: { message?: string } };
      try {
        entry = JSON.parse(line);
      } catch {
        // A line cut by the pipe: not a log entry worth counting.
        continue;
      }
      if ((entry.level ?? 0) >= 40) {
        const key = `${entry.msg}${entry.err?.message ? `: ${entry.err.message.slice(0, 100)}` : ""}`;
        into.set(key, (into.get(key) ?? 0) + 1);
      }
    }
  });
}

/** A post the fake accepted in a thread: where, and when by its message's snowflake. */
interface Post {
  channelId: string;
  at: number;
}

const suite: BenchSuite = async () => {
  // The fake's child and IPC channel are unref'd: keep this process alive while it waits on them.
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    return await reminderHour();
  } finally {
    clearInterval(keepAlive);
  }
};

async function reminderHour(): Promise<BenchResult[]> {
  for (const warning of await buildBot()) note(SUITE, warning);
  const total = OWING + SUBMITTERS;
  const redis = await startBenchRedis();
  const scratch = await scratchDir("reminders");
  let fake: BenchFake | undefined;
  let bot: NodeChild | undefined;
  let db: Database | undefined;
  let database: BenchDatabase | undefined;
  let producer: Awaited<ReturnType<typeof connectRedis>> | undefined;
  let queues: ReturnType<typeof createQueues> | undefined;
  try {
    fake = await startBenchFake({
      precompileValidators: true,
      rateLimits: true,
      interactionTimeoutMs: 60_000,
    });
    const remote = fake.remote;
    await deployToFake(remote);
    progress(SUITE, `seeding: ${total} interns (${SUBMITTERS} handed in) with threads, rows in bulk`);
    const seedStarted = performance.now();
    const users = await fake.addMembers(total);
    await remote.setRateLimits(false);
    const threads = await projectThreads(remote, total);
    await remote.setRateLimits(true);
    const threadsSeconds = (performance.now() - seedStarted) / 1000;

    database = await benchDatabase(scratch.dir);
    db = await createDatabase(database.url);
    // One in eleven has handed in; they are spread through the window like everyone else.
    const submitted = (i: number) => i % 11 === 10;
    const interns: CohortIntern[] = users.map((discordUserId, i) => ({
      discordUserId,
      threadId: threads[i] as string,
      locale: i % 5 < 3 ? "ja" : "en",
    }));
    const cohort = await seedCohort(db, { guildId: remote.guildId, name: "reminder hour", interns });
    await createProgrammeRepository(db).addMilestone(cohort.programmeId, {
      kind: "submission_deadline",
      title: "Deadline",
      at: new Date(Date.now() + 20 * 24 * HOUR_MS),
    });
    const firstDue = Date.now() + LEAD_MS;
    const dueAt = users.map((_, i) => firstDue + Math.floor((WINDOW_MS * i) / Math.max(1, total - 1)));
    const until = dueAt.map((at) => new Date(at + OFFSET_HOURS * HOUR_MS));
    const indexes = users.map((_, i) => i);
    for (let start = 0; start < total; start += 500) {
      const part = indexes.slice(start, start + 500);
      const handedIn = part.filter(submitted);
      await db.$transaction([
        db.submissionExtension.createMany({
          data: part.map((i) => ({
            memberId: cohort.memberIds[i] as string,
            until: until[i] as Date,
            reason: "bench",
            source: "organiser" as const,
          })),
        }),
        db.submission.createMany({
          data: handedIn.map((i) => ({
            id: `bs${i}`,
            programmeId: cohort.programmeId,
            memberId: cohort.memberIds[i] as string,
            allocationId: cohort.allocationIds[i] as string,
            versionCount: 1,
          })),
        }),
        db.submissionVersion.createMany({
          data: handedIn.map((i) => ({
            submissionId: `bs${i}`,
            number: 1,
            links: [{ label: "repository", url: `https://example.test/${i}` }],
            submittedAt: new Date(),
            manifestHash: `bench-${i}`,
          })),
        }),
      ]);
    }
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    progress(SUITE, `queueing ${total} remind-submission jobs, the first due in ${LEAD_MS / 1000} s`);
    producer = await connectRedis(redis.url);
    queues = createQueues(producer);
    const jobs = reminderJobs(queues);
    const queueStarted = Date.now();
    await pooled(indexes, 32, async (i) => {
      const deadline = until[i] as Date;
      await jobs.add(
        reminderJobId(cohort.memberIds[i] as string, OFFSET_HOURS, deadline),
        {
          programmeId: cohort.programmeId,
          memberId: cohort.memberIds[i] as string,
          offsetHours: OFFSET_HOURS,
          deadlineEpochS: Math.floor(deadline.getTime() / 1000),
        },
        (dueAt[i] as number) - Date.now(),
      );
    });
    const queueSeconds = (Date.now() - queueStarted) / 1000;
    if (Date.now() > firstDue) note(SUITE, "queueing ran past the first due time: the lead is too short");

    const byChannel = new Map<string, number>(threads.map((t, i) => [t, i]));
    const warnings = new Map<string, number>();
    const contestant = taikenContestant({
      redisUrl: redis.url,
      dataDir: scratch.dir,
      logLevel: "info",
      env: { DATABASE_URL: database.url },
    });
    const startBot = async () => {
      const startedAt = Date.now();
      const running = await contestant.start(fake as BenchFake);
      listenToBot(running, warnings);
      return { running, startedAt };
    };
    progress(SUITE, "starting the bot");
    const first = await startBot();
    bot = first.running;
    await first.running.waitForLine(/"msg":"ready"/, 120_000);
    const readyAt = Date.now();
    await waitForGuild(remote, first.running);

    const posts: Post[] = [];
    let cursor = 0;
    let tooMany = 0;
    const poll = async () => {
      for (const r of await remote.requests(cursor)) {
        cursor = Math.max(cursor, r.id);
        if (r.status === 429) tooMany += 1;
        if (r.route !== "POST /channels/{channel_id}/messages" || r.status >= 300) continue;
        const id = (r.response as { id?: string } | null)?.id;
        posts.push({ channelId: r.path.split("/")[2] as string, at: id ? snowflakeMs(id) : Date.now() });
      }
    };
    const owingReminded = () => {
      const seen = new Set<number>();
      for (const p of posts) {
        const i = byChannel.get(p.channelId);
        if (i !== undefined && !submitted(i)) seen.add(i);
      }
      return seen.size;
    };

    progress(SUITE, `reminders come due from ${new Date(firstDue).toISOString()} over ${WINDOW_MS / 1000} s`);
    let killedAt: number | undefined;
    let restartedAt: number | undefined;
    let restartReadyAt: number | undefined;
    const windowEnd = firstDue + WINDOW_MS;
    const giveUpAt = windowEnd + OVERALL_TIMEOUT_MS;
    let allSince: number | undefined;
    for (;;) {
      await poll();
      const reminded = owingReminded();
      if (killedAt === undefined && reminded >= OWING / 2) {
        progress(SUITE, `${reminded} reminded: SIGKILL, then start again`);
        killedAt = Date.now();
        const exited = new Promise<void>((resolve) => first.running.child.once("exit", () => resolve()));
        first.running.child.kill("SIGKILL");
        await exited;
        const second = await startBot();
        bot = second.running;
        restartedAt = second.startedAt;
        await second.running.waitForLine(/"msg":"ready"/, 120_000);
        restartReadyAt = Date.now();
      }
      const now = Date.now();
      if (reminded >= OWING && allSince === undefined) allSince = now;
      const afterKill = killedAt !== undefined && now - killedAt >= AFTER_KILL_MS;
      const settled = allSince !== undefined && now - allSince >= SETTLE_MS && afterKill;
      const lastAt = posts.at(-1)?.at ?? 0;
      const quiet = afterKill && now > windowEnd && now - lastAt >= QUIET_MS;
      if (settled || quiet || now > giveUpAt) break;
      await sleep(500);
    }
    await poll();

    const firstPost = new Map<number, number>();
    const count = new Map<number, number>();
    let toSubmitters = 0;
    let elsewhere = 0;
    for (const p of posts) {
      const i = byChannel.get(p.channelId);
      if (i === undefined) {
        elsewhere += 1;
        continue;
      }
      if (submitted(i)) {
        toSubmitters += 1;
        continue;
      }
      count.set(i, (count.get(i) ?? 0) + 1);
      if (!firstPost.has(i) || p.at < (firstPost.get(i) as number)) firstPost.set(i, p.at);
    }
    const delivered = firstPost.size;
    const duplicates = [...count.values()].reduce((n, c) => n + c - 1, 0);
    const lateness = [...firstPost].map(([i, at]) => at - (dueAt[i] as number));
    const q = quantiles(lateness);
    const dbSent = await db.delivery.count({ where: { status: "sent" } });
    const dbClaimed = await db.delivery.count({ where: { status: "claimed" } });
    const violations = await remote.violations();
    const afterRestart = posts.filter((p) => restartedAt !== undefined && p.at >= restartedAt);
    const firstAfterRestart = afterRestart.length ? Math.min(...afterRestart.map((p) => p.at)) : Number.NaN;

    const rows: BenchResult[] = [
      {
        suite: SUITE,
        metric: `${OWING} due within ${WINDOW_MS / 1000} s, SIGKILL half-way: delivered`,
        value: delivered,
        unit: "count",
        target: `= ${OWING}`,
        ok: delivered === OWING,
      },
      {
        suite: SUITE,
        metric: "duplicates",
        value: duplicates,
        unit: "count",
        target: "0",
        ok: duplicates === 0,
      },
      {
        suite: SUITE,
        metric: `to submitters (${SUBMITTERS} had handed in)`,
        value: toSubmitters,
        unit: "count",
        target: "0",
        ok: toSubmitters === 0,
      },
      { suite: SUITE, metric: "lateness p50", value: round(q.p50, 0), unit: "ms" },
      { suite: SUITE, metric: "lateness p95", value: round(q.p95, 0), unit: "ms" },
      {
        suite: SUITE,
        metric: "lateness p99",
        value: round(q.p99, 0),
        unit: "ms",
        target: `< ${LATENESS_TARGET_MS} ms`,
        ok: q.p99 < LATENESS_TARGET_MS,
      },
      { suite: SUITE, metric: "lateness max", value: round(q.max, 0), unit: "ms" },
      {
        suite: SUITE,
        metric: "SIGKILL → first post after the restart",
        value: killedAt === undefined ? Number.NaN : round((firstAfterRestart - killedAt) / 1000, 1),
        unit: "s",
      },
      {
        suite: SUITE,
        metric: "429 responses",
        value: tooMany,
        unit: "count",
        target: "0",
        ok: tooMany === 0,
      },
      {
        suite: SUITE,
        metric: "spec violations",
        value: violations.length,
        unit: "count",
        target: "0",
        ok: violations.length === 0,
      },
    ];

    const lastPost = posts.length ? Math.max(...posts.map((p) => p.at)) : Number.NaN;
    note(
      SUITE,
      `taiken = node dist/src/main.js (startApp, ${database.provider === "sqlite" ? "SQLite file" : "PostgreSQL"}, Redis: ${redis.source}, LOG_LEVEL=info) on a fake ` +
        "Discord in its own process with Discord's rate limits. Due time = the extension's deadline − 3 h; " +
        "lateness = the post's snowflake time (the fake's clock, same machine) − due time, first post per intern. " +
        `discord.js holds every bot to Discord's global ${GLOBAL_PER_SECOND} requests/s: ${OWING} posts in ` +
        `${WINDOW_MS / 1000} s would need ${round(OWING / (WINDOW_MS / 1000), 0)}/s, so at least ` +
        `${round(OWING / GLOBAL_PER_SECOND, 0)} s for them whatever the bot does` +
        (OWING / (WINDOW_MS / 1000) > GLOBAL_PER_SECOND
          ? " (the lateness target cannot be met at this rate)"
          : ""),
    );
    note(
      SUITE,
      `seeding: ${total} threads through the fake's REST ${round(threadsSeconds, 1)} s, all rows ` +
        `${round(seedSeconds, 1)} s in total; queueing ${total} jobs ${round(queueSeconds, 1)} s; the bot was ready ` +
        `${round((readyAt - first.startedAt) / 1000, 1)} s after its start, ${round((firstDue - readyAt) / 1000, 1)} s ` +
        "before the first reminder came due",
    );
    if (killedAt !== undefined && restartedAt !== undefined && restartReadyAt !== undefined)
      note(
        SUITE,
        `killed ${round((killedAt - firstDue) / 1000, 1)} s into the window; started again at once, ready ` +
          `${round((restartReadyAt - restartedAt) / 1000, 1)} s later; last post ${round((lastPost - windowEnd) / 1000, 1)} s ` +
          "after the window ended",
      );
    if (delivered < OWING)
      note(
        SUITE,
        `lateness is over the ${delivered} reminders delivered; the ${OWING - delivered} never delivered are not in it`,
      );
    note(
      SUITE,
      `delivery ledger at the end: ${dbSent} sent, ${dbClaimed} claimed and never confirmed; posts outside the ` +
        `interns' threads: ${elsewhere}`,
    );
    for (const [warning, n] of [...warnings].slice(0, 6)) note(SUITE, `bot logged ${n}× ${warning}`);
    if (violations.length > 0) note(SUITE, `first spec violation: ${violations[0]?.route}`);
    return rows;
  } finally {
    await queues?.close();
    producer?.disconnect();
    await db?.$disconnect();
    await bot?.stop();
    await database?.drop();
    await fake?.close();
    await redis.stop();
    await scratch.remove();
  }
}

export default suite;
