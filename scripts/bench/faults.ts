/**
 * Fault cases with real processes. One case so far: Redis is killed (SIGKILL) during an
 * onboarding rush and started again on the same port a few seconds later.
 *
 * Layout as in `onboarding.ts` (each part in its own process): the fake Discord with Discord's
 * rate limits and a 60 s interaction window; taiken as `npm start` runs it (`node
 * dist/src/main.js`, SQLite, LOG_LEVEL=info); a redis-server of this suite's own on port 6391
 * (another free port when that one is taken; never the shared 6379), with its append-only file
 * as the local redis-server `npm start` starts keeps it; this process acts as the interns.
 *
 * N interns (60 by default, `BENCH_FAULTS_INTERNS`) go through onboarding at once (Join, form,
 * Next, Confirm). When a quarter of them have been answered their Confirm, Redis is killed; it is
 * started again `BENCH_FAULTS_DOWN_S` (3) seconds later. Reported:
 * - answered: interactions that got their callback, of 4 per intern;
 * - lost: interns without a completed onboarding by the bound (`BENCH_FAULTS_BOUND_S`, 150 s):
 *   a step never answered, not onboarded in the database, or onboarded without the intern role and
 *   the private project thread;
 * - duplicated: interactions acknowledged twice (40060), and project threads beyond one per intern;
 * - recovery: from Redis's restart until every onboarded intern has role and thread (polled every
 *   250 ms), and how many interns had them when Redis came back.
 */
import { createServer } from "node:net";
import { createDatabase } from "../../src/db/client.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { deployToFake } from "../harness/deploy.ts";
import { freeTcpPort, type RestartableRedis, startRestartableRedis } from "../harness/redis.ts";
import {
  type DiscordSide,
  followRequests,
  type InternRun,
  listenToBot,
  runIntern,
  STEP_NAMES,
  seed,
  waitForBot,
} from "./onboarding.ts";
import { type BenchFake, startBenchFake } from "./support/fake-host.ts";
import { note, progress } from "./support/notes.ts";
import { buildBot, type NodeChild, scratchDir, sleep } from "./support/processes.ts";
import { taikenContestant } from "./support/stage.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "faults";
const INTERNS = Number(process.env.BENCH_FAULTS_INTERNS ?? 60);
const DOWN_MS = Number(process.env.BENCH_FAULTS_DOWN_S ?? 3) * 1000;
const BOUND_MS = Number(process.env.BENCH_FAULTS_BOUND_S ?? 150) * 1000;
/** The port the brief names for this suite's own Redis. */
const PREFERRED_PORT = 6391;

async function portIsFree(port: number): Promise<boolean> {
  const server = createServer();
  return new Promise((resolve) => {
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

const THREAD_ROUTE = "POST /channels/{channel_id}/threads";
const THREAD_MEMBER_ROUTE = "PUT /channels/{channel_id}/thread-members/{user_id}";

/** Threads created, and the threads each user was added to, from the fake's request log. */
interface ThreadLedger {
  since: number;
  created: number;
  byUser: Map<string, Set<string>>;
}

async function followThreads(fake: BenchFake["remote"], ledger: ThreadLedger): Promise<void> {
  for (const r of await fake.requests(ledger.since)) {
    ledger.since = Math.max(ledger.since, r.id);
    if (r.status >= 300) continue;
    if (r.route === THREAD_ROUTE) ledger.created += 1;
    const user = r.params.user_id;
    const channel = r.params.channel_id;
    if (r.route === THREAD_MEMBER_ROUTE && user && channel) {
      const threads = ledger.byUser.get(user) ?? new Set<string>();
      threads.add(channel);
      ledger.byUser.set(user, threads);
    }
  }
}

const suite: BenchSuite = async () => {
  for (const warning of await buildBot()) note(SUITE, warning);
  const port = (await portIsFree(PREFERRED_PORT)) ? PREFERRED_PORT : await freeTcpPort();
  let redis: RestartableRedis | undefined;
  const scratch = await scratchDir("faults");
  let fake: BenchFake | undefined;
  let bot: NodeChild | undefined;
  const suiteStarted = performance.now();
  try {
    redis = await startRestartableRedis({ port, persistent: true });
    fake = await startBenchFake({
      precompileValidators: true,
      rateLimits: true,
      interactionTimeoutMs: 60_000,
    });
    const remote = fake.remote;
    await deployToFake(remote);
    const users = await fake.addMembers(INTERNS + 1);
    const running = await taikenContestant({
      redisUrl: redis.url,
      dataDir: scratch.dir,
      logLevel: "info",
    }).start(fake);
    bot = running;
    await waitForBot(remote, running);
    const ws = await seed(remote, `file:${scratch.dir}/taiken.db`);

    progress(SUITE, "warm-up: one intern through the whole flow");
    const warm = await runIntern(remote, ws, users[INTERNS] as string, 0);
    if (warm.error)
      throw new Error(`the warm-up intern failed: ${warm.error}\n${running.output().slice(-2_000)}`);
    await sleep(2_000);
    await remote.clearLog();
    const log = listenToBot(running);

    progress(SUITE, `${INTERNS} interns at once; Redis (port ${port}) is killed after a quarter of them`);
    const follow = { since: 0, sides: new Map<string, DiscordSide>(), statuses: new Map<string, number>() };
    const threads: ThreadLedger = { since: 0, created: 0, byUser: new Map() };
    const interns = users.slice(0, INTERNS);
    let finished = 0;
    let killedAt: number | undefined;
    let confirmedAtKill = 0;
    let restartedAt: number | undefined;
    let readyAtRestart = 0;
    const ready = () =>
      interns.filter((id) => {
        const side = follow.sides.get(id);
        return side?.roleAt !== undefined && side.threadMemberAt !== undefined;
      }).length;

    const fault = (async () => {
      const deadline = performance.now() + 60_000;
      while (finished < Math.ceil(INTERNS / 4) && performance.now() < deadline) await sleep(20);
      await redis.kill();
      killedAt = performance.now();
      confirmedAtKill = finished;
      progress(SUITE, `Redis killed after ${finished} interns were answered their Confirm`);
      await sleep(DOWN_MS);
      await redis.start();
      restartedAt = performance.now();
      await followRequests(remote, follow, ws.internRoleId);
      readyAtRestart = ready();
      progress(SUITE, `Redis started again after ${round((restartedAt - killedAt) / 1000, 1)} s`);
    })();
    const runs: InternRun[] = await Promise.all(
      interns.map(async (id, i) => {
        const run = await runIntern(remote, ws, id, i);
        finished += 1;
        return run;
      }),
    );
    await fault;

    progress(SUITE, "waiting for every intern's role and project thread");
    let recoveredAt: number | undefined;
    while (performance.now() - suiteStarted < BOUND_MS) {
      await followRequests(remote, follow, ws.internRoleId);
      if (ready() === INTERNS) {
        recoveredAt = performance.now();
        break;
      }
      await sleep(250);
    }
    await followRequests(remote, follow, ws.internRoleId);
    await followThreads(remote, threads);

    const db = await createDatabase(`file:${scratch.dir}/taiken.db`);
    let onboarded: Set<string>;
    try {
      const members = await createMemberRepository(db).list(ws.programmeId, { stage: "onboarded" });
      const ours = new Set(interns);
      onboarded = new Set(members.filter((m) => ours.has(m.discordUserId)).map((m) => m.discordUserId));
    } finally {
      await db.$disconnect();
    }

    const snaps = runs.flatMap((r) => r.snaps);
    const latencies = snaps.flatMap((s) => (s.latencyMs === undefined ? [] : [s.latencyMs]));
    const expected = INTERNS * STEP_NAMES.length;
    const errors = snaps.flatMap((s) => s.errors);
    const twice = errors.filter((e) => e.code === 40060).length;
    const lostInterns = runs.filter((r) => {
      const side = follow.sides.get(r.userId);
      const complete = side?.roleAt !== undefined && side.threadMemberAt !== undefined;
      return r.error !== undefined || !onboarded.has(r.userId) || !complete;
    });
    const withThread = interns.filter((id) => (threads.byUser.get(id)?.size ?? 0) > 0).length;
    const extraThreads =
      Math.max(0, threads.created - withThread) +
      interns.reduce((n, id) => n + Math.max(0, (threads.byUser.get(id)?.size ?? 0) - 1), 0);
    const recoverySeconds =
      recoveredAt !== undefined && restartedAt !== undefined
        ? (recoveredAt - restartedAt) / 1000
        : Number.NaN;
    const q = quantiles(latencies);

    const rows: BenchResult[] = [
      {
        suite: SUITE,
        metric: `redis killed mid-rush (${INTERNS} onboardings): interactions answered`,
        value: latencies.length,
        unit: "count",
        target: `= ${expected}`,
        ok: latencies.length === expected,
      },
      {
        suite: SUITE,
        metric: "redis killed mid-rush: interns lost",
        value: lostInterns.length,
        unit: "interns",
        target: "0",
        ok: lostInterns.length === 0,
      },
      {
        suite: SUITE,
        metric: "redis killed mid-rush: effects duplicated (40060 + extra threads)",
        value: twice + extraThreads,
        unit: "count",
        target: "0",
        ok: twice + extraThreads === 0,
      },
      {
        suite: SUITE,
        metric: "redis killed mid-rush: restart → every intern has role + thread",
        value: round(recoverySeconds, 1),
        unit: "s",
      },
      {
        suite: SUITE,
        metric: "redis killed mid-rush: callbacks after 3 s",
        value: latencies.filter((ms) => ms > 3_000).length,
        unit: "count",
        target: "0",
        ok: latencies.every((ms) => ms <= 3_000),
      },
      {
        suite: SUITE,
        metric: "redis killed mid-rush: dispatch → callback p99",
        value: round(q.p99, 1),
        unit: "ms",
      },
    ];

    note(
      SUITE,
      `Redis on port ${port} (appendonly yes, fsync every second) killed with SIGKILL after ${confirmedAtKill} ` +
        `interns were answered their Confirm, started again ${round(DOWN_MS / 1000, 1)} s later; ` +
        `${readyAtRestart} of ${INTERNS} interns had role + thread when it came back`,
    );
    note(
      SUITE,
      `database: ${onboarded.size} of ${INTERNS} onboarded; ${threads.created} project threads created`,
    );
    if (recoveredAt === undefined)
      note(
        SUITE,
        `${INTERNS - ready()} interns still without role + thread at the ${round(BOUND_MS / 1000, 0)} s bound`,
      );
    const reasons = new Map<string, number>();
    for (const r of runs) if (r.error) reasons.set(r.error, (reasons.get(r.error) ?? 0) + 1);
    for (const [reason, count] of reasons) note(SUITE, `${count} interns stopped: ${reason}`);
    for (const [key, count] of follow.statuses) note(SUITE, `fake answered ${count}× ${key}`);
    for (const [key, count] of log.warnings) note(SUITE, `bot logged ${count}× (warn/error) ${key}`);
    if (killedAt === undefined) note(SUITE, "Redis was never killed: the rush ended first");
    note(
      SUITE,
      "recovery is bounded below by Discord's thread limit (5 per 5 s per channel): one project thread per intern " +
        `takes ~${INTERNS} s for ${INTERNS} interns with no fault at all`,
    );
    return rows;
  } finally {
    await bot?.stop();
    await fake?.close();
    await redis?.cleanup();
    await scratch.remove();
  }
};

export default suite;
