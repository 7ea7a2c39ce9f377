/**
 * Interaction handling on loopback with SQLite: time from the gateway dispatch of
 * INTERACTION_CREATE to the interaction callback request, for one user at a time and for bursts
 * of 50 and 500 simultaneous users, for taiken and for a bare discord.js client that replies at
 * once (the floor), in the same run, on identical fake Discord servers.
 *
 * Layout (every part in its own process, so none counts against another):
 * - one fake Discord per bot (scripts/harness/fake-discord via support/fake-host.ts): validators
 *   precompiled, no rate limits, a 60 s interaction window so a slow burst is still measured; it
 *   dispatches, and it timestamps dispatch and callback with its own clock;
 * - the floor: `node support/bare-bot.mjs reply` (default `Client`, Guilds intent, ephemeral
 *   "pong" at once);
 * - taiken: `node dist/src/main.js` — `startApp` exactly as `npm start` runs it (fresh SQLite file
 *   migrated at start, real Redis, real router and commands), `HTTP_PORT=-1`, `LOG_LEVEL=silent`;
 * - Redis: REDIS_URL, or one private redis-server.
 *
 * Both bots stay connected, each to its own fake, so the repeats of every level alternate between
 * them (floor, taiken, taiken, floor, …) and a busy machine weighs on both alike. Each is warmed
 * up before anything is measured.
 *
 * Why taiken is slower, piece by piece: `npx tsx scripts/bench/support/profile-interactions.ts`.
 */
import { readFileSync } from "node:fs";
import os from "node:os";
import type { MeasureResult } from "./support/fake-host.ts";
import { note, progress } from "./support/notes.ts";
import { buildBot, cpuMilliseconds, scratchDir, sleep, startBenchRedis } from "./support/processes.ts";
import {
  COMMAND_LABEL,
  closeStage,
  floorContestant,
  type Level,
  measureOnce,
  openStage,
  type Stage,
  taikenContestant,
  USERS,
} from "./support/stage.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "interactions";
const TARGET_RATIO = 1.5;

const LEVELS: readonly Level[] = [
  { label: "1 user at a time", mode: "sequential", count: 50, repeats: 6 },
  { label: "burst of 50", mode: "burst", count: 50, repeats: 8 },
  { label: "burst of 500", mode: "burst", count: 500, repeats: 4 },
];

const WARM_UP: readonly Level[] = [
  { label: "warm-up: sequential", mode: "sequential", count: 50, repeats: 2 },
  { label: "warm-up: burst of 50", mode: "burst", count: 50, repeats: 2 },
  { label: "warm-up: burst of 500", mode: "burst", count: 500, repeats: 1 },
];

/** What one bot did at one level, all repeats pooled. */
interface LevelRun {
  latencies: number[];
  /** CPU time the bot's process used while handling them (user + system, all threads), ms. */
  cpuMs: number;
  unanswered: number;
  callbackTypes: Record<string, number>;
  errors: string[];
}

function pool(into: LevelRun, result: MeasureResult): void {
  into.latencies.push(...result.latencies);
  into.unanswered += result.unanswered;
  into.errors.push(...result.errors);
  for (const [type, n] of Object.entries(result.callbackTypes)) {
    into.callbackTypes[type] = (into.callbackTypes[type] ?? 0) + n;
  }
}

/**
 * Runs a level's repeats on every stage, alternating who goes first (floor, taiken, taiken,
 * floor, …) so that whatever else the machine is doing at the time weighs on both alike.
 */
async function runLevel(stages: readonly Stage[], level: Level): Promise<LevelRun[]> {
  const runs = stages.map(
    (): LevelRun => ({ latencies: [], cpuMs: 0, unanswered: 0, callbackTypes: {}, errors: [] }),
  );
  for (let i = 0; i < level.repeats; i++) {
    const order = stages.map((_, index) => index);
    if (i % 2 === 1) order.reverse();
    for (const index of order) {
      const stage = stages[index] as Stage;
      const run = runs[index] as LevelRun;
      const cpuBefore = await cpuMilliseconds(stage.bot.pid);
      pool(run, await measureOnce(stage, level));
      run.cpuMs += (await cpuMilliseconds(stage.bot.pid)) - cpuBefore;
      await sleep(level.mode === "burst" ? 250 : 50);
    }
  }
  return runs;
}

function loadAverage(): string {
  try {
    return readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");
  } catch {
    // Not Linux: the note just says so.
    return "unknown";
  }
}

function describeRun(level: Level, who: string, run: LevelRun): string {
  const total = run.latencies.length + run.unanswered;
  const types = Object.entries(run.callbackTypes)
    .map(([type, n]) => `${n}× type ${type}`)
    .join(", ");
  const errors = run.errors.length ? `, errors: ${[...new Set(run.errors)].join("; ")}` : "";
  return (
    `${level.label}, ${who}: ${total} interactions (${level.repeats}× ${level.count}), ${run.unanswered} unanswered, ` +
    `callbacks ${types || "none"}, max ${round(quantiles(run.latencies).max)} ms${errors}`
  );
}

function rows(level: Level, floor: LevelRun, taiken: LevelRun): BenchResult[] {
  const out: BenchResult[] = [];
  const fq = quantiles(floor.latencies);
  const tq = quantiles(taiken.latencies);
  for (const [who, q] of [
    ["floor", fq],
    ["taiken", tq],
  ] as const) {
    for (const p of ["p50", "p95", "p99"] as const) {
      out.push({ suite: SUITE, metric: `${level.label}: ${who} ${p}`, value: round(q[p]), unit: "ms" });
    }
  }
  for (const [who, run] of [
    ["floor", floor],
    ["taiken", taiken],
  ] as const) {
    const handled = run.latencies.length + run.unanswered;
    out.push({
      suite: SUITE,
      metric: `${level.label}: ${who} CPU per interaction`,
      value: round(run.cpuMs / Math.max(1, handled)),
      unit: "ms",
    });
  }
  const ratio = tq.p99 / fq.p99;
  out.push({
    suite: SUITE,
    metric: `${level.label}: taiken p99 / floor p99`,
    value: round(ratio),
    unit: "×",
    target: `≤ ${TARGET_RATIO}×`,
    ok: ratio <= TARGET_RATIO && taiken.unanswered === 0,
  });
  return out;
}

/** The interaction benchmark (see the module comment). */
const suite: BenchSuite = async () => {
  for (const warning of await buildBot()) note(SUITE, warning);
  const redis = await startBenchRedis();
  const scratch = await scratchDir("interactions");
  const contestants = [floorContestant(), taikenContestant({ redisUrl: redis.url, dataDir: scratch.dir })];
  const stages: Stage[] = [];
  const loadBefore = loadAverage();
  try {
    for (const contestant of contestants) {
      progress(SUITE, `${contestant.name}: starting its fake Discord and the bot`);
      stages.push(await openStage(contestant));
    }
    for (const level of WARM_UP) {
      progress(SUITE, level.label);
      await runLevel(stages, level);
    }
    const results: BenchResult[] = [];
    const descriptions: string[] = [];
    for (const level of LEVELS) {
      progress(SUITE, `${level.label}, ${level.repeats}× ${level.count} each`);
      const [floor, taiken] = (await runLevel(stages, level)) as [LevelRun, LevelRun];
      results.push(...rows(level, floor, taiken));
      descriptions.push(describeRun(level, "floor", floor), describeRun(level, "taiken", taiken));
    }

    note(SUITE, `measured command: ${COMMAND_LABEL}, in a guild with ${USERS} members and no programme`);
    for (const stage of stages) note(SUITE, `${stage.contestant.name} = ${stage.contestant.describe}`);
    note(SUITE, `Redis: ${redis.source}`);
    note(
      SUITE,
      "latency = callback request received − INTERACTION_CREATE written, both timed by the fake in its own process; " +
        "each bot has its own fake (same options: precompiled validators, no rate limits, 60 s interaction window) " +
        "so the repeats alternate floor/taiken; warm-up first: 100 sequential, 2 bursts of 50, 1 of 500. " +
        "The fakes keep idle HTTP connections 60 s (their default 1 s makes undici reconnect for every request). " +
        "CPU per interaction = the bot process's user+system time (/proc/<pid>/stat) over the level ÷ interactions: " +
        "unlike latency, it hardly depends on what else the machine runs",
    );
    for (const line of descriptions) note(SUITE, line);
    for (const stage of stages) {
      const violations = await stage.fake.remote.violations();
      if (violations.length > 0) {
        note(
          SUITE,
          `${stage.contestant.name}: ${violations.length} spec violation(s), first: ${violations[0]?.route}`,
        );
      }
    }
    note(SUITE, `load average before / after: ${loadBefore} / ${loadAverage()} (${os.cpus().length} cores)`);
    if (results.some((row) => row.ok === false)) {
      note(
        SUITE,
        "a target was missed: `npx tsx scripts/bench/support/profile-interactions.ts` breaks taiken's time down",
      );
    }
    return results;
  } finally {
    for (const stage of stages) await closeStage(stage);
    await redis.stop();
    await scratch.remove();
  }
};

export default suite;
