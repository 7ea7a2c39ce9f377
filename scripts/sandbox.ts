/**
 * `npm run sandbox`: the real bot against a local Discord, playing a scripted programme and
 * printing what the organiser, two interns, a mentor and an agency observer each see.
 *
 *   npm run sandbox
 *   npm run sandbox -- --only about          # some scenes (by id)
 *   npm run sandbox -- --keep                # keep the SQLite file and Redis data, print where
 *   npm run sandbox -- --log-level info      # the bot's logs on stderr
 *
 * Uses REDIS_URL when set, otherwise the app starts a local redis-server as `npm start` does.
 * Exits 0 only if every scene ran to the end and every request matched Discord's API spec.
 */
import { parseArgs } from "node:util";
import { runSandbox } from "./sandbox/runner.ts";

const USAGE = "usage: npm run sandbox -- [--only <scene,...>] [--keep] [--log-level <level>] [--no-color]";
const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

async function main(): Promise<number> {
  let values: { only?: string; keep?: boolean; "log-level"?: string; "no-color"?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: "string" },
        keep: { type: "boolean" },
        "log-level": { type: "string" },
        "no-color": { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const level = values["log-level"] ?? "silent";
  if (!(LEVELS as readonly string[]).includes(level)) {
    process.stderr.write(`--log-level must be one of ${LEVELS.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  const result = await runSandbox({
    ...(values.only ? { only: values.only.split(",").map((id) => id.trim()) } : {}),
    keep: values.keep ?? false,
    logLevel: level as (typeof LEVELS)[number],
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ...(values["no-color"] ? { color: false } : {}),
  });
  return result.ok ? 0 : 1;
}

process.exitCode = await main();
