import { type ChildProcess, spawn } from "node:child_process";
import { mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import type { Logger } from "../observability/logger.ts";

/** Raised when no redis-server can be started; the message says how to install one or set REDIS_URL. */
export class LocalRedisUnavailableError extends Error {
  constructor(bin: string, detail: string) {
    super(
      `REDIS_URL is not set and taiken could not start a local Redis with "${bin}" (${detail}). ` +
        "Install Redis (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) " +
        "or set REDIS_URL=redis://host:6379 to use an existing server.",
    );
    this.name = "LocalRedisUnavailableError";
  }
}

/** A redis-server child process that lives as long as the bot. */
export interface LocalRedis {
  url: string;
  /** Asks the server to save and exit, and waits for it (killing it after `timeoutMs`). */
  stop(timeoutMs?: number): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

/**
 * Starts `redis-server` from PATH (or `bin`) bound to 127.0.0.1 on a free port, keeping its
 * append-only file under `dataDir/redis` so delayed jobs (milestone announcements) survive a restart.
 * Resolves once the server accepts connections.
 */
export async function startLocalRedis(options: {
  bin: string;
  dataDir: string;
  logger: Logger;
  startTimeoutMs?: number;
}): Promise<LocalRedis> {
  const dir = path.resolve(options.dataDir, "redis");
  await mkdir(dir, { recursive: true });
  const port = await freePort();
  const args = [
    "--bind",
    "127.0.0.1",
    "--port",
    String(port),
    "--dir",
    dir,
    "--appendonly",
    "yes",
    "--save",
    "",
    // BullMQ requires that Redis never evicts its keys.
    "--maxmemory-policy",
    "noeviction",
    "--daemonize",
    "no",
    "--protected-mode",
    "yes",
  ];
  const child = spawn(options.bin, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4_000);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new LocalRedisUnavailableError(options.bin, "it did not become ready in time"));
    }, options.startTimeoutMs ?? 10_000);
    const onData = () => {
      if (output.includes("Ready to accept connections")) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.once("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        new LocalRedisUnavailableError(
          options.bin,
          error.code === "ENOENT" ? "not found on PATH" : (error.code ?? error.message),
        ),
      );
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      const lastLine = output.trim().split("\n").at(-1) ?? "";
      reject(new LocalRedisUnavailableError(options.bin, `it exited with code ${code}: ${lastLine}`));
    });
  });
  child.removeAllListeners("exit");
  child.stdout?.removeAllListeners("data");
  child.stderr?.removeAllListeners("data");
  // Drain its output so the pipe never fills; redis logs go to our log only on exit problems.
  child.stdout?.resume();
  child.stderr?.resume();

  const url = `redis://127.0.0.1:${port}`;
  options.logger.info(
    { url, dir, pid: child.pid },
    "started a local redis-server because REDIS_URL is not set",
  );
  return { url, stop: (timeoutMs = 5_000) => stopChild(child, timeoutMs) };
}

async function stopChild(child: ChildProcess, timeoutMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
