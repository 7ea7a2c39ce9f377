/**
 * Child processes for the benchmarks: the compiled bot (`node dist/src/main.js`, as `npm start`
 * runs it), plain-node helper scripts, a private redis-server, and reading a process's resident
 * memory. Every wait here is bounded, and every process started here is stopped by whoever
 * started it.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createLogger } from "../../../src/observability/logger.ts";
import { startLocalRedis } from "../../../src/redis/local-server.ts";

/** The repository root. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
/** The compiled entry point `npm start` runs. */
export const MAIN_JS = path.join(ROOT, "dist/src/main.js");

/**
 * The node flags `npm start` gives the bot (package.json's `start` script: `node <flags>
 * dist/src/main.js`), so that the benchmarks run it exactly as deployed.
 */
export const START_NODE_ARGS: readonly string[] = (() => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts?: { start?: string };
  };
  const start = manifest.scripts?.start ?? "";
  const match = /^node((?:\s+--[\w-]+(?:=\S+)?)*)\s+dist\/src\/main\.js$/.exec(start.trim());
  if (!match)
    throw new Error(`package.json's start script is not "node [--flags] dist/src/main.js": ${start}`);
  return (match[1] ?? "").split(/\s+/).filter(Boolean);
})();

/**
 * Every process the benchmarks started and have not yet seen exit. Should the bench die before
 * its `finally` blocks run (a crash, a signal), these are killed on the way out instead of being
 * left running.
 */
const live = new Set<{ pid: number | undefined; kill(signal: NodeJS.Signals): unknown }>();

/** Scratch directories not yet removed; removed on the way out like {@link live} processes. */
const scratchDirs = new Set<string>();

process.once("exit", () => {
  for (const child of live) child.kill("SIGKILL");
  for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
});

/** Registers a process started elsewhere (e.g. redis-server, known by pid) for the exit cleanup. */
function track(pid: number): () => void {
  const entry = {
    pid,
    kill: (signal: NodeJS.Signals) => {
      try {
        process.kill(pid, signal);
      } catch {
        // Already gone: nothing to clean up.
      }
    },
  };
  live.add(entry);
  return () => live.delete(entry);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

let skipBuild = false;
let building: Promise<string[]> | undefined;

/** `--no-build`: use the dist/ already there (for repeated runs while nothing in src/ changed). */
export function configureBuild(options: { skip: boolean }): void {
  skipBuild = options.skip;
}

/**
 * Compiles the bot once per bench run, exactly as `npm run build` does
 * (`tsc -p tsconfig.build.json` into dist/). tsc still emits when another part of the tree has
 * type errors; those are returned as warnings, and only a missing output is an error.
 */
export function buildBot(): Promise<string[]> {
  building ??= (async () => {
    if (skipBuild) {
      if (!existsSync(MAIN_JS)) throw new Error(`--no-build given but ${MAIN_JS} does not exist`);
      return [];
    }
    const started = Date.now();
    const tsc = path.join(ROOT, "node_modules/typescript/bin/tsc");
    const { code, output } = await run(process.execPath, [tsc, "-p", "tsconfig.build.json"], 180_000);
    if (!existsSync(MAIN_JS) || statSync(MAIN_JS).mtimeMs < started - 1_000) {
      throw new Error(`the build did not produce ${MAIN_JS} (tsc exit ${code}):\n${output.slice(0, 2_000)}`);
    }
    if (code === 0) return [];
    const errors = output.split("\n").filter((line) => line.includes("error TS"));
    return [`tsc reported ${errors.length} type error(s) elsewhere in the tree; dist/ was emitted anyway`];
  })();
  return building;
}

/** Runs a command to completion (killed after `timeoutMs`), returning its exit code and output. */
export function run(
  command: string,
  args: string[],
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/**
 * Environment for a measured child: only what it needs, and never the parent's NODE_OPTIONS
 * (the bench itself runs under tsx; the measured processes must run plain node).
 */
export function childEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" };
  for (const key of ["TMPDIR", "LANG"]) {
    const value = process.env[key];
    if (value) env[key] = value;
  }
  return { ...env, ...extra };
}

/** A plain-node child process with captured output. */
export interface NodeChild {
  child: ChildProcess;
  pid: number;
  /** stdout and stderr so far (the last 64 kB). */
  output(): string;
  /** Resolves with the first stdout/stderr line matching, or rejects after `timeoutMs` or on exit. */
  waitForLine(match: RegExp, timeoutMs: number): Promise<string>;
  /** Resolves with the first IPC message of `type` (children started with `ipc: true`). */
  waitForMessage<T extends { type: string }>(type: string, timeoutMs: number): Promise<T>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. */
  stop(graceMs?: number): Promise<void>;
}

/** Starts `node [nodeArgs] script [args]` with exactly `env` (see {@link childEnv}). */
export function startNode(
  script: string,
  options: { args?: string[]; nodeArgs?: string[]; env: Record<string, string>; cwd?: string; ipc?: boolean },
): NodeChild {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
    cwd: options.cwd ?? ROOT,
    env: options.env,
    stdio: options.ipc ? ["ignore", "pipe", "pipe", "ipc"] : ["ignore", "pipe", "pipe"],
  });
  if (child.pid === undefined) {
    child.on("error", () => undefined);
    throw new Error(`could not start node ${script} (does ${options.cwd ?? ROOT} exist?)`);
  }
  const pid = child.pid;
  const untrack = track(pid);
  child.once("exit", untrack);
  let output = "";
  const wakers = new Set<() => void>();
  const onChunk = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-65_536);
    for (const wake of wakers) wake();
  };
  child.stdout?.on("data", onChunk);
  child.stderr?.on("data", onChunk);
  const messages: Array<{ type: string }> = [];
  child.on("message", (message: { type: string }) => {
    messages.push(message);
    for (const wake of wakers) wake();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.once("exit", () => {
    for (const wake of wakers) wake();
  });

  function waitUntil<T>(find: () => T | undefined, what: string, timeoutMs: number): Promise<T> {
    return new Promise((resolve, reject) => {
      const finish = (error?: Error, value?: T) => {
        clearTimeout(timer);
        wakers.delete(check);
        if (error) reject(error);
        else resolve(value as T);
      };
      const check = () => {
        const found = find();
        if (found !== undefined) finish(undefined, found);
        else if (child.exitCode !== null || child.signalCode !== null)
          finish(new Error(`${path.basename(script)} exited before ${what}:\n${output.slice(-3_000)}`));
      };
      const timer = setTimeout(
        () => finish(new Error(`${path.basename(script)}: no ${what} within ${timeoutMs} ms:\n${output}`)),
        timeoutMs,
      );
      wakers.add(check);
      check();
    });
  }

  return {
    child,
    pid,
    output: () => output,
    waitForLine: (match, timeoutMs) =>
      waitUntil(() => output.split("\n").find((line) => match.test(line)), `line ${match}`, timeoutMs),
    waitForMessage: <T extends { type: string }>(type: string, timeoutMs: number) =>
      waitUntil(() => messages.find((m) => m.type === type) as T | undefined, `message "${type}"`, timeoutMs),
    async stop(graceMs = 20_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      child.kill("SIGTERM");
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Resident set size of a process in MB, from /proc/<pid>/status (VmRSS). */
export async function residentMegabytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

/** Linux's USER_HZ: /proc reports CPU time in these ticks (100 on every mainstream architecture). */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * CPU time (user + system, every thread) a process has used so far, in ms, from
 * /proc/<pid>/stat. Unlike latency, it barely depends on what else the machine is doing.
 */
export async function cpuMilliseconds(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, "utf8");
  // Fields after the command name, which is in parentheses and may itself contain spaces.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** A scratch directory removed by `remove()`. */
export async function scratchDir(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `taiken-bench-${prefix}-`));
  scratchDirs.add(dir);
  return {
    dir,
    async remove() {
      await rm(dir, { recursive: true, force: true });
      scratchDirs.delete(dir);
    },
  };
}

/** The Redis the bots use: REDIS_URL if set, else one private redis-server for the whole bench run. */
export interface BenchRedis {
  url: string;
  /** Where it came from, for the notes. */
  source: string;
  stop(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis> {
  const url = process.env.REDIS_URL;
  if (url) return { url, source: "REDIS_URL", stop: async () => undefined };
  const scratch = await scratchDir("redis");
  // The server's pid only appears in the start-up log line; it is read from there for the exit cleanup.
  let pid: number | undefined;
  const logger = createLogger("info", {
    write(line: string) {
      const logged = (JSON.parse(line) as { pid?: unknown }).pid;
      if (typeof logged === "number") pid = logged;
    },
  });
  const local = await startLocalRedis({
    bin: process.env.REDIS_SERVER_BIN ?? "redis-server",
    dataDir: scratch.dir,
    logger,
  });
  const untrack = pid === undefined ? () => undefined : track(pid);
  return {
    url: local.url,
    source: "a private redis-server (src/redis/local-server.ts)",
    async stop() {
      await local.stop();
      untrack();
      await scratch.remove();
    },
  };
}
