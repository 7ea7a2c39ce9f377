/**
 * Wall-clock tracing of the compiled bot's interaction path, without touching the bot:
 * `node --import ./trace-hook.mjs dist/src/main.js`. It wraps library entry points the bot goes
 * through and, between two SIGUSR2, records per interaction:
 * - `handler`: discord.js emits `interactionCreate` → the handler calls `reply()`/`deferReply()`;
 * - `reply`: `reply()` called → discord.js has the callback's HTTP answer;
 * and per call: `redis.ping` (ioredis, a round trip to redis-server), `sqlite.prepare` and
 * `sqlite.exec` (better-sqlite3, synchronous, under Prisma's driver adapter).
 * The second SIGUSR2 writes `<BENCH_TRACE_DIR>/trace-<n>.json` with every duration in ms.
 */
import { renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(path.join(process.cwd(), "noop.js"));
const root = process.env.BENCH_TRACE_ROOT ?? process.cwd();
const load = (name) => require(require.resolve(name, { paths: [root] }));

const dir = process.env.BENCH_TRACE_DIR ?? ".";
let recording = false;
let count = 0;
let spans = {};
const started = new Map();

const record = (name, ms) => {
  if (!recording) return;
  spans[name] ??= [];
  spans[name].push(ms);
};

const discord = load("discord.js");
const emit = discord.Client.prototype.emit;
discord.Client.prototype.emit = function traced(event, ...args) {
  if (event === "interactionCreate" && recording) started.set(args[0].id, performance.now());
  return emit.call(this, event, ...args);
};
for (const method of ["reply", "deferReply"]) {
  const original = discord.ChatInputCommandInteraction.prototype[method];
  discord.ChatInputCommandInteraction.prototype[method] = function traced(...args) {
    const at = performance.now();
    const begun = started.get(this.id);
    if (begun !== undefined) {
      record("handler", at - begun);
      started.delete(this.id);
    }
    const result = original.apply(this, args);
    return Promise.resolve(result).finally(() => record(method, performance.now() - at));
  };
}

const Redis = load("ioredis").default ?? load("ioredis");
const ping = Redis.prototype.ping;
Redis.prototype.ping = function traced(...args) {
  const at = performance.now();
  return ping.apply(this, args).finally(() => record("redis.ping", performance.now() - at));
};

const Sqlite = load("better-sqlite3");
const prepare = Sqlite.prototype.prepare;
Sqlite.prototype.prepare = function traced(...args) {
  const at = performance.now();
  const statement = prepare.apply(this, args);
  record("sqlite.prepare", performance.now() - at);
  return statement;
};
const probe = new Sqlite(":memory:");
const Statement = Object.getPrototypeOf(prepare.call(probe, "SELECT 1"));
probe.close();
for (const method of ["all", "run", "get"]) {
  const original = Statement[method];
  Statement[method] = function traced(...args) {
    const at = performance.now();
    const result = original.apply(this, args);
    record("sqlite.exec", performance.now() - at);
    return result;
  };
}

process.on("SIGUSR2", () => {
  if (!recording) {
    spans = {};
    started.clear();
    recording = true;
    return;
  }
  recording = false;
  count += 1;
  const file = path.join(dir, `trace-${count}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(spans));
  renameSync(`${file}.tmp`, file);
});
