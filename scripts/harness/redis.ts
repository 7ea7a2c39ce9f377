import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { createLogger } from "../../src/observability/logger.ts";
import { connectRedis } from "../../src/redis/connection.ts";
import { startLocalRedis } from "../../src/redis/local-server.ts";

/** A Redis for one test file: `REDIS_URL` when CI gives one, else a private redis-server. */
export interface TestRedis {
  url: string;
  redis: Redis;
  /** A key prefix unique to this test file, so files can share one server. */
  prefix: string;
  cleanup(): Promise<void>;
}

export async function createTestRedis(): Promise<TestRedis> {
  const prefix = `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  let url = process.env.REDIS_URL;
  let stopServer: (() => Promise<void>) | undefined;
  let dir: string | undefined;
  if (!url) {
    dir = await mkdtemp(path.join(os.tmpdir(), "taiken-redis-"));
    const local = await startLocalRedis({
      bin: "redis-server",
      dataDir: dir,
      logger: createLogger("silent"),
    });
    url = local.url;
    stopServer = () => local.stop();
  }
  const redis = await connectRedis(url);
  return {
    url,
    redis,
    prefix,
    async cleanup() {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
      redis.disconnect();
      await stopServer?.();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A redis-server of its own on a fixed port that a test or a benchmark may kill and start again
 * (the same port, so clients reconnect to it). Never use the shared server's port (6379).
 */
export interface RestartableRedis {
  url: string;
  port: number;
  /** Whether the server is running. */
  readonly running: boolean;
  /** Kills it at once (SIGKILL), as a crash would. */
  kill(): Promise<void>;
  /** Starts it again on the same port; resolves once it accepts connections. */
  start(): Promise<void>;
  /** Stops it and removes its folder. */
  cleanup(): Promise<void>;
}

/** A free TCP port on 127.0.0.1, picked by the system. */
export async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", resolve);
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/**
 * Starts `redis-server` on `port` (default: a free one), without persistence unless `persistent`
 * (then an append-only file under its folder, which a restart reads back).
 */
export async function startRestartableRedis(
  options: { port?: number; persistent?: boolean } = {},
): Promise<RestartableRedis> {
  const port = options.port ?? (await freeTcpPort());
  // As the app does: REDIS_SERVER_BIN, else redis-server from PATH.
  const bin = process.env.REDIS_SERVER_BIN || "redis-server";
  const dir = await mkdtemp(path.join(os.tmpdir(), "taiken-redis-restartable-"));
  let child: ChildProcess | undefined;

  async function start(): Promise<void> {
    if (child) return;
    const args = ["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--save", ""];
    args.push("--appendonly", options.persistent ? "yes" : "no", "--maxmemory-policy", "noeviction");
    const started = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        started.kill("SIGKILL");
        reject(new Error(`redis-server on port ${port} did not start:\n${output}`));
      }, 10_000);
      started.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      started.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString();
      });
      started.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server on port ${port} exited with ${code}:\n${output}`));
      });
    });
    started.removeAllListeners("exit");
    started.stdout?.removeAllListeners("data");
    started.stderr?.removeAllListeners("data");
    started.stdout?.resume();
    started.stderr?.resume();
    started.once("exit", () => {
      if (child === started) child = undefined;
    });
    child = started;
  }

  async function kill(): Promise<void> {
    const running = child;
    if (!running) return;
    child = undefined;
    if (running.exitCode !== null || running.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once("exit", () => resolve());
      running.kill("SIGKILL");
    });
  }

  // Whatever ends this process (Ctrl-C in a benchmark) must not leave the server running.
  const onExit = () => child?.kill("SIGKILL");
  process.on("exit", onExit);
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    get running() {
      return child !== undefined;
    },
    kill,
    start,
    async cleanup() {
      await kill();
      process.off("exit", onExit);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
