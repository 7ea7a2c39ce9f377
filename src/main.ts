import { existsSync } from "node:fs";
import type { RunningApp } from "./app/start.ts";
import { describeStartupError } from "./app/startup-errors.ts";
import { ConfigError, loadConfig } from "./config/env.ts";
import { createLogger } from "./observability/logger.ts";

/** How long shutdown may take before the process exits anyway. */
const SHUTDOWN_TIMEOUT_MS = 15_000;

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
    setTimeout(() => {
      logger.error({ timeoutMs: SHUTDOWN_TIMEOUT_MS }, "shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    void (app?.stop() ?? Promise.resolve()).then(() => {
      logger.info("stopped");
      logger.flush();
      process.exitCode = 0;
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
