/**
 * Where taiken's interaction time goes, compared with the bare discord.js floor:
 *
 *   npx tsx scripts/bench/support/profile-interactions.ts [--no-build] [--keep]
 *
 * 1. CPU: both bots run as in `npm run bench` (each with its own fake Discord in its own process),
 *    with a V8 sampling profiler switched on around the measured traffic only
 *    (support/cpu-profiler.mjs, loaded with `node --import`; the bot itself is unchanged).
 *    Printed: CPU time per interaction and self time by package / taiken folder, and the
 *    costliest functions.
 * 2. Wall time inside taiken per level (support/trace-hook.mjs, loaded the same way): the time
 *    from `interactionCreate` to `reply()`, the reply's own HTTP round trip, and the Redis and
 *    SQLite calls the handler waits for.
 * 3. Wall time of each step `/taiken about` takes, measured in this process on the real objects
 *    `startApp` builds (SQLite file, Redis, Prisma, pino, prom-client): the caller lookup
 *    (`standing`), the dependency check (`SELECT 1` + `PING`), and the logger/metrics work.
 *
 * Everything it starts it stops; the run takes about a minute. `--keep` keeps the .cpuprofile files.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { startApp } from "../../../src/app/start.ts";
import { loadConfig } from "../../../src/config/env.ts";
import { createDatabaseAccessPolicy } from "../../../src/discord/database-access.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { startFakeDiscord } from "../../harness/fake-discord/index.ts";
import { summariseProfile } from "./cpu-profile.ts";
import { buildBot, configureBuild, ROOT, scratchDir, sleep, startBenchRedis } from "./processes.ts";
import {
  type Contestant,
  closeStage,
  floorContestant,
  type Level,
  measureOnce,
  openStage,
  type Stage,
  taikenContestant,
} from "./stage.ts";
import { quantiles } from "./stats.ts";

const PROFILER = path.join(ROOT, "scripts/bench/support/cpu-profiler.mjs");
const TRACER = path.join(ROOT, "scripts/bench/support/trace-hook.mjs");

const TRACED: readonly Level[] = [
  { label: "1 user at a time", mode: "sequential", count: 50, repeats: 6 },
  { label: "burst of 50", mode: "burst", count: 50, repeats: 4 },
  { label: "burst of 500", mode: "burst", count: 500, repeats: 2 },
];

const PROFILED: readonly Level[] = [
  { label: "1 user at a time", mode: "sequential", count: 50, repeats: 6 },
  { label: "burst of 500", mode: "burst", count: 500, repeats: 2 },
];

const out = (line = "") => process.stdout.write(`${line}\n`);
const ms = (value: number) => `${value.toFixed(value < 10 ? 2 : 1)} ms`;

async function waitForFile(file: string, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!existsSync(file)) {
    if (performance.now() > deadline) throw new Error(`no profile written at ${file}`);
    await sleep(50);
  }
}

/** Profiles `level` on each stage; prints CPU per interaction and where it went. */
async function profileLevel(
  stages: Stage[],
  level: Level,
  dirs: Map<Stage, string>,
  counter: Map<Stage, number>,
) {
  out(`\n== CPU while handling "${level.label}" (${level.repeats}× ${level.count}) ==`);
  for (const stage of stages) {
    await measureOnce(stage, { ...level, repeats: 1 });
    stage.bot.child.kill("SIGUSR2");
    await sleep(100);
    const latencies: number[] = [];
    for (let i = 0; i < level.repeats; i++) {
      latencies.push(...(await measureOnce(stage, level)).latencies);
      await sleep(100);
    }
    stage.bot.child.kill("SIGUSR2");
    const n = (counter.get(stage) ?? 0) + 1;
    counter.set(stage, n);
    const file = path.join(dirs.get(stage) as string, `profile-${n}.cpuprofile`);
    await waitForFile(file, 20_000);
    const summary = await summariseProfile(file, 12);
    const interactions = level.count * level.repeats;
    const q = quantiles(latencies);
    out(
      `\n${stage.contestant.name}: ${interactions} interactions, latency p50 ${ms(q.p50)} p99 ${ms(q.p99)}; ` +
        `CPU busy ${ms(summary.busyMs)} of ${ms(summary.wallMs)} = ${ms(summary.busyMs / interactions)} per interaction`,
    );
    out("  self time by package / folder:");
    for (const g of summary.groups) {
      out(
        `    ${g.name.padEnd(40)} ${ms(g.ms / interactions).padStart(9)}/interaction  ${g.percent.toFixed(1)}%`,
      );
    }
    out("  costliest functions (self time):");
    for (const f of summary.functions.slice(0, 10)) {
      out(`    ${f.percent.toFixed(1).padStart(5)}%  ${f.name}`);
    }
  }
}

/**
 * Part 2: wall time inside the real bot while it handles each level (support/trace-hook.mjs):
 * how long the handler takes to reply, and the round trips it waits for.
 */
async function traceLevels(stage: Stage, dir: string): Promise<void> {
  out("\n== Wall time inside taiken (trace hook; per interaction or per call) ==");
  out(`  ${"level / span".padEnd(44)} ${"calls".padStart(7)} ${"p50".padStart(9)} ${"p99".padStart(9)}`);
  let n = 0;
  for (const level of TRACED) {
    await measureOnce(stage, { ...level, repeats: 1 });
    stage.bot.child.kill("SIGUSR2");
    await sleep(100);
    const latencies: number[] = [];
    for (let i = 0; i < level.repeats; i++) {
      latencies.push(...(await measureOnce(stage, level)).latencies);
      await sleep(250);
    }
    stage.bot.child.kill("SIGUSR2");
    n += 1;
    const file = path.join(dir, `trace-${n}.json`);
    await waitForFile(file, 20_000);
    const spans = JSON.parse(await readFile(file, "utf8")) as Record<string, number[]>;
    const interactions = level.count * level.repeats;
    const line = (name: string, samples: number[]) => {
      const q = quantiles(samples);
      const calls = (samples.length / interactions).toFixed(2);
      out(`  ${name.padEnd(44)} ${calls.padStart(7)} ${ms(q.p50).padStart(9)} ${ms(q.p99).padStart(9)}`);
    };
    out(`  ${level.label} (${level.repeats}× ${level.count})`);
    line("  dispatch → callback received (the fake)", latencies);
    const labels: Record<string, string> = {
      handler: "  interactionCreate → reply() called",
      reply: "  reply() → callback answered",
      deferReply: "  deferReply() → callback answered",
      "redis.ping": "  redis PING round trip",
      "sqlite.prepare": "  SQLite prepare (per statement)",
      "sqlite.exec": "  SQLite step/all (per statement)",
    };
    for (const [span, name] of Object.entries(labels)) if (spans[span]) line(name, spans[span]);
  }
}

/** Times `step` `n` times one after another (after 50 warm-up calls): p50 and p99 in ms. */
async function time(step: () => Promise<unknown> | unknown, n = 500): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 50; i++) await step();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const started = performance.now();
    await step();
    samples.push(performance.now() - started);
  }
  const q = quantiles(samples);
  return { p50: q.p50, p99: q.p99 };
}

/** Times 500 concurrent calls of `step`: how long until all are done. */
async function timeConcurrent(step: () => Promise<unknown>, n = 500): Promise<number> {
  await Promise.all(Array.from({ length: n }, step));
  const started = performance.now();
  await Promise.all(Array.from({ length: n }, step));
  return performance.now() - started;
}

/** Part 3: the steps of `/taiken about`, on the objects startApp builds, in this process. */
async function stepTimings(redisUrl: string): Promise<void> {
  out("\n== Wall time of the steps /taiken about takes (this process, the objects startApp builds) ==");
  const scratch = await scratchDir("profile-steps");
  const fake = await startFakeDiscord();
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DATABASE_URL: `file:${scratch.dir}/taiken.db`,
    DATA_DIR: scratch.dir,
    REDIS_URL: redisUrl,
    HTTP_PORT: "-1",
    LOG_LEVEL: "silent",
  });
  const app = await startApp(config, createLogger("silent"));
  try {
    const { ctx } = app;
    const access = createDatabaseAccessPolicy(ctx.db);
    const guildId = fake.guild.id;
    const userId = fake.store.tester.id;
    const steps: Array<[string, () => Promise<unknown> | unknown]> = [
      ["access.standing(guild, user) — Prisma findFirst + include", () => access.standing(guildId, userId)],
      ["ctx.checkDependencies() — SELECT 1 and PING in parallel", () => ctx.checkDependencies()],
      ['  db.$queryRawUnsafe("SELECT 1") alone', () => ctx.db.$queryRawUnsafe("SELECT 1")],
      ["  redis.ping() alone", () => ctx.redis.ping()],
      [
        "logger.child ×2 + log.info (LOG_LEVEL=silent)",
        () => {
          const log = ctx.logger.child({
            interactionId: "1",
            kind: "command",
            name: "taiken about",
            guildId,
            userId,
          });
          log.child({ programmeId: "p" }).info({ outcome: "ok", ms: 1, locale: "en" }, "interaction handled");
        },
      ],
      [
        "metrics: counter inc + histogram observe",
        () => {
          ctx.metrics.interactions.inc({ kind: "command", name: "taiken about", outcome: "ok" });
          ctx.metrics.interactionSeconds.observe({ kind: "command", name: "taiken about" }, 0.003);
        },
      ],
    ];
    out(`  ${"step".padEnd(62)} ${"p50".padStart(9)} ${"p99".padStart(9)}`);
    for (const [name, step] of steps) {
      const t = await time(step);
      out(`  ${name.padEnd(62)} ${ms(t.p50).padStart(9)} ${ms(t.p99).padStart(9)}`);
    }
    const burst = await timeConcurrent(async () => {
      await access.standing(guildId, userId);
      await ctx.checkDependencies();
    });
    out(`  500 callers at once, standing + checkDependencies each: all done after ${ms(burst)}`);
  } finally {
    await app.stop();
    await fake.close();
    await scratch.remove();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "no-build": { type: "boolean" }, keep: { type: "boolean" } } });
  configureBuild({ skip: values["no-build"] ?? false });
  await buildBot();
  const redis = await startBenchRedis();
  const scratch = await scratchDir("profile");
  const dirs = new Map<Stage, string>();
  const stages: Stage[] = [];
  try {
    const profiled = (name: string, make: (args: string[], env: Record<string, string>) => Contestant) => {
      const dir = path.join(scratch.dir, name);
      return { dir, contestant: make(["--import", PROFILER], { BENCH_PROFILE_DIR: dir }) };
    };
    const entries = [
      profiled("floor", (nodeArgs, env) => floorContestant({ nodeArgs, env })),
      profiled("taiken", (nodeArgs, env) =>
        taikenContestant({ redisUrl: redis.url, dataDir: path.join(scratch.dir, "data"), nodeArgs, env }),
      ),
    ];
    for (const { dir, contestant } of entries) {
      await mkdir(dir, { recursive: true });
      await mkdir(path.join(scratch.dir, "data"), { recursive: true });
      const stage = await openStage(contestant);
      stages.push(stage);
      dirs.set(stage, dir);
      for (const level of PROFILED) await measureOnce(stage, level);
    }
    const counter = new Map<Stage, number>();
    for (const level of PROFILED) await profileLevel(stages, level, dirs, counter);
    for (const stage of stages.splice(0)) await closeStage(stage);

    const traceDir = path.join(scratch.dir, "trace");
    await mkdir(path.join(traceDir, "data"), { recursive: true });
    const traced = await openStage(
      taikenContestant({
        redisUrl: redis.url,
        dataDir: path.join(traceDir, "data"),
        nodeArgs: ["--import", TRACER],
        env: { BENCH_TRACE_DIR: traceDir, BENCH_TRACE_ROOT: ROOT },
      }),
    );
    stages.push(traced);
    await traceLevels(traced, traceDir);
    await stepTimings(redis.url);
  } finally {
    for (const stage of stages) await closeStage(stage);
    await redis.stop();
    if (values.keep) out(`\nprofiles kept in ${scratch.dir}`);
    else await scratch.remove();
  }
}

await main();
