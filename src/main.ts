import { existsSync } from "node:fs";
import type { RunningApp } from "./app/start.ts";
import { describeStartupError } from "./app/startup-errors.ts";
import { ConfigError, loadConfig } from "./config/env.ts";
import { createLogger } from "./observability/logger.ts";

/** Time for closing connections after the wait for running work (SHUTDOWN_TIMEOUT_MS) ends. */
const CLOSE_GRACE_MS = 5_000;

async function main(): Promise<void> {
  // .env is optional; variables already in the environment win (Node's loader never overwrites).
  if (existsSync(".env")) process.loadEnvFile(".env");

  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`taiken: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }

  const logger = createLogger(config.logLevel);
  let app: RunningApp | undefined;
  let shuttingDown = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      logger.warn({ signal }, "second signal: exiting at once");
      process.exit(1);
    }
    shuttingDown = true;
    logger.info({ signal }, "shutting down");
    const limitMs = config.shutdownTimeoutMs + CLOSE_GRACE_MS;
    setTimeout(() => {
      logger.error({ timeoutMs: limitMs }, "shutdown took too long; exiting");
      process.exit(1);
    }, limitMs).unref();
    void (app?.stop() ?? Promise.resolve()).then(() => {
      logger.info("stopped");
      logger.flush();
      // A handler abandoned at the deadline may still hold timers or sockets: exit regardless.
      process.exit(0);
    });
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);

  try {
    // Loaded only once the configuration is valid: a bad .env is reported before discord.js,
    // Prisma and BullMQ are even loaded.
    const { startApp } = await import("./app/start.ts");
    app = await startApp(config, logger);
  } catch (error) {
    const line = describeStartupError(error);
    logger.debug({ err: error }, "start-up failed");
    process.stderr.write(`taiken: ${line}\n`);
    process.exit(1);
  }
  if (shuttingDown) await app.stop();
}

await main();
