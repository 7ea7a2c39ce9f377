/**
 * Resident memory of the idle bot connected to a guild of 5,000 and of 50,000 members, beside
 * bare discord.js clients on the same guilds.
 *
 * Every measured client runs in its own plain `node` process (no TypeScript loader):
 * - taiken: `node dist/src/main.js` (`npm start`'s build; SQLite file migrated at start, Redis,
 *   queues, workers, the tuned discord.js caches; `HTTP_PORT=-1`);
 * - bare clients: `node support/bare-bot.mjs idle …` with discord.js defaults except as named.
 * The fake Discord runs in a process of its own (`startFakeDiscordProcess({ memberCount })`):
 * above 50 members GUILD_CREATE carries only the bot's member, as Discord does, and a member
 * fetch gets GUILD_MEMBERS_CHUNKs of 1,000.
 *
 * Each client: start, wait until ready (bare clients that fetch: until the fetch is done), let it
 * sit idle for a few seconds, then read VmRSS from /proc/<pid>/status five times and take the
 * median; every client is started RUNS times (default 3, alternating) and the median of those is
 * reported. No client is made to collect garbage. A "bare + fixed stack" client adds what the
 * design fixes (Prisma, BullMQ, ioredis, pino) to a bare client: the floor under taiken.
 */
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { migrateInChildProcess } from "../../src/db/migrate-isolated.ts";
import { type RemoteFakeDiscord, startFakeDiscordProcess } from "../harness/fake-discord/index.ts";
import { note, progress } from "./support/notes.ts";
import {
  buildBot,
  childEnv,
  MAIN_JS,
  type NodeChild,
  ROOT,
  residentMegabytes,
  START_NODE_ARGS,
  scratchDir,
  sleep,
  startBenchRedis,
  startNode,
} from "./support/processes.ts";
import { median, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "memory";
const SIZES = [5_000, 50_000] as const;
const TARGET_RATIO = 1.3;
/** Growth 5k → 50k we still call "none": run-to-run noise of an idle process's RSS. */
const GROWTH_NOISE_MB = 5;
const IDLE_MS = 4_000;
const SAMPLES = 5;
const SAMPLE_EVERY_MS = 400;
/**
 * Each variant is started this many times per guild size and its median taken: a process's
 * resident memory after start-up varies by 10–20 MB from one start to the next (malloc arenas of
 * V8's worker threads), more than the differences measured. `BENCH_MEMORY_RUNS` overrides it.
 */
const RUNS = Number(process.env.BENCH_MEMORY_RUNS ?? 3);
/** After its idle reading, taiken answers this many `/taiken about` and is read again. */
const EXERCISE = 200;

interface Variant {
  key: string;
  label: string;
  describe: string;
  start(fake: { apiUrl: string; token: string }, dataDir: string, redisUrl: string): Promise<NodeChild>;
}

const BARE = `${ROOT}/scripts/bench/support/bare-bot.mjs`;

function bare(key: string, label: string, describe: string, flags: string[]): Variant {
  return {
    key,
    label,
    describe,
    async start(fake, dataDir, redisUrl) {
      if (flags.includes("--stack")) await migrateInChildProcess(`file:${path.join(dataDir, "stack.db")}`);
      const bot = startNode(BARE, {
        args: ["idle", ...flags],
        // The stack runs with taiken's node flags, so that the difference is taiken's own code.
        nodeArgs: flags.includes("--stack") ? [...START_NODE_ARGS] : [],
        env: childEnv({
          BENCH_API_URL: fake.apiUrl,
          BENCH_TOKEN: fake.token,
          BENCH_DATABASE_URL: `file:${path.join(dataDir, "stack.db")}`,
          BENCH_REDIS_URL: redisUrl,
        }),
        ipc: true,
      });
      await bot.waitForMessage("ready", 180_000);
      return bot;
    },
  };
}

const VARIANTS: readonly Variant[] = [
  {
    key: "taiken",
    label: "taiken",
    describe:
      "taiken: node dist/src/main.js (Guilds intent, member/user caches off except itself, messages etc. not cached) " +
      "with SQLite, Redis, queues and workers",
    async start(fake, dataDir, redisUrl) {
      const bot = startNode(MAIN_JS, {
        cwd: dataDir,
        nodeArgs: [...START_NODE_ARGS],
        env: childEnv({
          DISCORD_TOKEN: fake.token,
          DISCORD_API_URL: fake.apiUrl,
          DATABASE_URL: `file:${path.join(dataDir, "taiken.db")}`,
          DATA_DIR: dataDir,
          REDIS_URL: redisUrl,
          HTTP_PORT: "-1",
          LOG_LEVEL: "info",
        }),
      });
      await bot.waitForLine(/"msg":"ready"/, 60_000);
      return bot;
    },
  },
  bare(
    "bare",
    "bare discord.js",
    "bare discord.js (the typical bot): default caches, Guilds + GuildMembers intents, fetches every member once after ready",
    ["--members", "--fetch"],
  ),
  bare(
    "bare-member-cache-off",
    "bare, member cache off",
    "bare, member cache off: as above but GuildMemberManager cache size 0 (users are still cached by default)",
    ["--members", "--fetch", "--member-cache-off"],
  ),
  bare(
    "bare-stack",
    "bare + fixed stack",
    "bare + fixed stack: bare discord.js as taiken connects (Guilds intent only) plus what the design fixes and taiken cannot shed — Prisma's generated client over better-sqlite3 with one query run, a BullMQ queue and worker on ioredis, pino — and none of taiken's code",
    ["--stack"],
  ),
  bare(
    "bare-guilds-only",
    "bare, Guilds intent only",
    "bare, Guilds intent only: default caches, no member intent, no fetch (taiken's intents, discord.js's caches)",
    [],
  ),
];

/** Lets the process idle, then returns the median of a few VmRSS readings (MB). */
async function idleResident(bot: NodeChild): Promise<number> {
  await sleep(IDLE_MS);
  const samples: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    samples.push(await residentMegabytes(bot.pid));
    await sleep(SAMPLE_EVERY_MS);
  }
  return median(samples);
}

/** Users run `/taiken about` one after another; every one must be answered. */
async function exercise(fake: RemoteFakeDiscord, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const run = await fake.sendSlashCommand({ name: "taiken", subcommand: "about" });
    await run.response(10_000);
  }
}

/**
 * Starts the variant and reads its idle RSS; for taiken, also after it has answered
 * {@link EXERCISE} interactions (code paths compiled, Prisma's query compiler warmed up).
 */
async function measure(
  variant: Variant,
  fake: RemoteFakeDiscord,
  dataDir: string,
  redisUrl: string,
): Promise<{ idle: number; afterTraffic?: number }> {
  const bot = await variant.start(fake, dataDir, redisUrl);
  try {
    const idle = await idleResident(bot);
    if (variant.key !== "taiken") return { idle };
    await exercise(fake, EXERCISE);
    return { idle, afterTraffic: await idleResident(bot) };
  } finally {
    await bot.stop();
  }
}

function sizeLabel(members: number): string {
  return `${members / 1000}k`;
}

/** The memory benchmark (see the module comment). */
const suite: BenchSuite = async () => {
  for (const warning of await buildBot()) note(SUITE, warning);
  const redis = await startBenchRedis();
  const scratch = await scratchDir("memory");
  const rss = new Map<string, number>();
  const afterTraffic = new Map<number, number>();
  try {
    for (const members of SIZES) {
      progress(SUITE, `guild of ${members.toLocaleString("en-US")} members: starting the fake`);
      const fake = await startFakeDiscordProcess({ memberCount: members });
      try {
        const idle = new Map<string, number[]>();
        const traffic: number[] = [];
        // Runs alternate between the variants, so a busy moment weighs on all of them alike.
        for (let run = 1; run <= RUNS; run++) {
          for (const variant of VARIANTS) {
            progress(
              SUITE,
              `guild of ${members.toLocaleString("en-US")} members: ${variant.label} (run ${run}/${RUNS})`,
            );
            const dataDir = path.join(scratch.dir, `${variant.key}-${members}-${run}`);
            await mkdir(dataDir, { recursive: true });
            const result = await measure(variant, fake, dataDir, redis.url);
            idle.set(variant.key, [...(idle.get(variant.key) ?? []), result.idle]);
            if (result.afterTraffic !== undefined) traffic.push(result.afterTraffic);
          }
        }
        for (const [key, values] of idle) rss.set(`${key}@${members}`, median(values));
        afterTraffic.set(members, median(traffic));
      } finally {
        await fake.close();
      }
    }
  } finally {
    await redis.stop();
    await scratch.remove();
  }

  const rows: BenchResult[] = [];
  const mb = (key: string, members: number) => rss.get(`${key}@${members}`) as number;
  for (const members of SIZES) {
    for (const variant of VARIANTS) {
      rows.push({
        suite: SUITE,
        metric: `${sizeLabel(members)} members: ${variant.label} RSS`,
        value: round(mb(variant.key, members), 1),
        unit: "MB",
      });
    }
    rows.push({
      suite: SUITE,
      metric: `${sizeLabel(members)} members: taiken RSS after ${EXERCISE} × /taiken about`,
      value: round(afterTraffic.get(members) as number, 1),
      unit: "MB",
    });
    const ratio = mb("taiken", members) / mb("bare", members);
    rows.push({
      suite: SUITE,
      metric: `${sizeLabel(members)} members: taiken / bare discord.js`,
      value: round(ratio),
      unit: "×",
      target: `≤ ${TARGET_RATIO}×`,
      ok: ratio <= TARGET_RATIO,
    });
    rows.push({
      suite: SUITE,
      metric: `${sizeLabel(members)} members: bare + fixed stack / bare discord.js (the design's floor)`,
      value: round(mb("bare-stack", members) / mb("bare", members)),
      unit: "×",
    });
    rows.push({
      suite: SUITE,
      metric: `${sizeLabel(members)} members: taiken − (bare + fixed stack): taiken's own code and data`,
      value: round(mb("taiken", members) - mb("bare-stack", members), 1),
      unit: "MB",
    });
  }
  const [small, large] = SIZES;
  for (const variant of VARIANTS) {
    const growth = mb(variant.key, large) - mb(variant.key, small);
    const own = variant.key === "taiken";
    rows.push({
      suite: SUITE,
      metric: `growth ${sizeLabel(small)} → ${sizeLabel(large)}: ${variant.label}`,
      value: round(growth, 1),
      unit: "MB",
      ...(own
        ? { target: `≤ ${GROWTH_NOISE_MB} MB (nothing per member)`, ok: growth <= GROWTH_NOISE_MB }
        : {}),
    });
  }

  for (const variant of VARIANTS) note(SUITE, variant.describe);
  note(
    SUITE,
    `RSS = median over ${RUNS} starts of each client of the median of ${SAMPLES} VmRSS readings (/proc/<pid>/status) ${SAMPLE_EVERY_MS} ms apart, taken after ready ` +
      `(and the member fetch) + ${IDLE_MS / 1000} s idle; no forced GC; each client in its own plain node process; ` +
      `the fake in another (startFakeDiscordProcess); Redis from ${redis.source} (not counted)`,
  );
  note(
    SUITE,
    "where taiken's memory goes, step by step (imports, migration, Prisma client): " +
      "`npm run build && node --expose-gc scripts/bench/support/memory-breakdown.mjs`",
  );
  return rows;
};

export default suite;
