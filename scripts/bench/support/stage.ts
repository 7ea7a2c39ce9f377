/**
 * A stage for the interaction benchmark: a fake Discord of its own (in its own process) with one
 * bot connected to it — the floor (a bare discord.js client) or taiken (the compiled bot, as
 * `npm start` runs it) — and the measurement of a level of traffic on it.
 */
import { deployToFake } from "../../harness/deploy.ts";
import { type BenchCommand, type BenchFake, type MeasureResult, startBenchFake } from "./fake-host.ts";
import { childEnv, MAIN_JS, type NodeChild, ROOT, START_NODE_ARGS, sleep, startNode } from "./processes.ts";

/** The taiken command measured end to end (pings the database and Redis, reads the programme). */
export const COMMAND: BenchCommand = { name: "taiken", subcommand: "about" };
export const COMMAND_LABEL = "/taiken about";
/** Guild members created before the bot connects: a burst of N comes from N different users. */
export const USERS = 500;

/** One level of traffic: `count` interactions one at a time or all at once, `repeats` times. */
export interface Level {
  label: string;
  mode: "sequential" | "burst";
  count: number;
  repeats: number;
}

/** A bot to measure. */
export interface Contestant {
  name: string;
  describe: string;
  start(fake: BenchFake): Promise<NodeChild>;
}

/** A fake Discord of its own with one bot connected to it. */
export interface Stage {
  contestant: Contestant;
  fake: BenchFake;
  bot: NodeChild;
  users: string[];
}

/** The floor: a default discord.js `Client` (Guilds intent) replying an ephemeral "pong" at once. */
export function floorContestant(
  options: { nodeArgs?: string[]; env?: Record<string, string> } = {},
): Contestant {
  return {
    name: "floor",
    describe: "bare discord.js (default Client, Guilds intent) replying an ephemeral 'pong' at once",
    start: async (fake) =>
      startNode(`${ROOT}/scripts/bench/support/bare-bot.mjs`, {
        args: ["reply"],
        nodeArgs: options.nodeArgs ?? [],
        env: childEnv({ BENCH_API_URL: fake.remote.apiUrl, BENCH_TOKEN: fake.remote.token, ...options.env }),
        ipc: true,
      }),
  };
}

/**
 * taiken as `npm start` runs it: `node <npm start's flags> dist/src/main.js` → `startApp` (a fresh SQLite file under
 * `dataDir`, migrated at start; Redis at `redisUrl`; the real router and commands), with
 * `HTTP_PORT=-1` and `LOG_LEVEL` silent unless told.
 */
export function taikenContestant(options: {
  redisUrl: string;
  dataDir: string;
  logLevel?: string;
  nodeArgs?: string[];
  env?: Record<string, string>;
}): Contestant {
  const logLevel = options.logLevel ?? "silent";
  return {
    name: "taiken",
    describe: `taiken (node dist/src/main.js: startApp with SQLite, Redis, router, commands; LOG_LEVEL=${logLevel}) answering ${COMMAND_LABEL}`,
    start: async (fake) =>
      startNode(MAIN_JS, {
        cwd: options.dataDir,
        nodeArgs: [...START_NODE_ARGS, ...(options.nodeArgs ?? [])],
        env: childEnv({
          DISCORD_TOKEN: fake.remote.token,
          DISCORD_API_URL: fake.remote.apiUrl,
          DATABASE_URL: `file:${options.dataDir}/taiken.db`,
          DATA_DIR: options.dataDir,
          REDIS_URL: options.redisUrl,
          HTTP_PORT: "-1",
          LOG_LEVEL: logLevel,
          ...options.env,
        }),
      }),
  };
}

/** Runs one repeat of a level on a stage; latencies are measured by the fake. */
export function measureOnce(stage: Stage, level: Level, timeoutMs = 60_000): Promise<MeasureResult> {
  return stage.fake.measure({
    mode: level.mode,
    count: level.count,
    users: level.mode === "burst" ? stage.users : stage.users.slice(0, 20),
    command: COMMAND,
    gapMs: 5,
    timeoutMs,
  });
}

/** Waits for the bot's gateway session to reach GUILD_CREATE, then until an interaction is answered. */
async function waitUntilAnswering(stage: Stage): Promise<void> {
  const { fake, bot } = stage;
  const deadline = performance.now() + 60_000;
  while ((await fake.remote.gatewayFrames("GUILD_CREATE")).length === 0) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited before connecting:\n${bot.output()}`);
    if (performance.now() > deadline)
      throw new Error(`the bot did not connect within 60 s:\n${bot.output()}`);
    await sleep(50);
  }
  const probe: Level = { label: "probe", mode: "sequential", count: 1, repeats: 1 };
  while (performance.now() < deadline) {
    if ((await measureOnce(stage, probe, 2_000)).latencies.length === 1) return;
    await sleep(100);
  }
  throw new Error(`the bot never answered ${COMMAND_LABEL}:\n${bot.output()}`);
}

/**
 * Starts a fake for the contestant (validators precompiled, no rate limits, a 60 s interaction
 * window so a slow burst is still measured; commands deployed as `npm run deploy-commands` does;
 * {@link USERS} members added before the bot connects), then the bot, and waits until it answers.
 */
export async function openStage(contestant: Contestant): Promise<Stage> {
  const fake = await startBenchFake({
    precompileValidators: true,
    rateLimits: false,
    interactionTimeoutMs: 60_000,
  });
  let bot: NodeChild | undefined;
  try {
    await deployToFake(fake.remote);
    const users = await fake.addMembers(USERS);
    bot = await contestant.start(fake);
    const stage = { contestant, fake, bot, users };
    await waitUntilAnswering(stage);
    return stage;
  } catch (error) {
    await bot?.stop();
    await fake.close();
    throw error;
  }
}

/** Stops the bot, then its fake. */
export async function closeStage(stage: Stage): Promise<void> {
  await stage.bot.stop();
  await stage.fake.close();
}
