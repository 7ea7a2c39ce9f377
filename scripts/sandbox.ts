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
import { scenes } from "./sandbox/scenes.ts";

const USAGE = "usage: npm run sandbox -- [--only <scene,...>] [--keep] [--log-level <level>] [--no-color]";
const HELP = `Plays a scripted programme with the real bot against a local Discord and prints what
the organiser, the interns, a mentor and an agency observer each see.

${USAGE}

--only <ids>         only these scenes (comma-separated ids; the list is printed on a bad id).
--keep               keep the SQLite file and the Redis data, and print where they are.
--log-level <level>  the bot's logs on stderr (fatal, error, warn, info, debug, trace; default silent).
--no-color           plain text, no ANSI colours.
--help               show this help.

Uses REDIS_URL when set, otherwise starts a local redis-server as \`npm start\` does.
Exit codes: 0 every scene ran to the end and every request matched Discord's API spec, 1 otherwise, 2 usage.`;
const LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** How long an interrupted run may take to stop before the process exits anyway. */
const STOP_TIMEOUT_MS = 15_000;

async function main(): Promise<number> {
  let values: { only?: string; keep?: boolean; "log-level"?: string; "no-color"?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        only: { type: "string" },
        keep: { type: "boolean" },
        "log-level": { type: "string" },
        "no-color": { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const only = values.only?.split(",").map((id) => id.trim());
  const unknown = only?.filter((id) => !scenes.some((scene) => scene.id === id)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(
      `no scene ${unknown.join(", ")}; the scenes are: ${scenes.map((scene) => scene.id).join(", ")}\n`,
    );
    return 2;
  }
  const level = values["log-level"] ?? "silent";
  if (!(LEVELS as readonly string[]).includes(level)) {
    process.stderr.write(`--log-level must be one of ${LEVELS.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  // Ctrl-C stops after the current step, so the bot, its Redis and the temporary files are
  // cleaned up. In a terminal Ctrl-C also reaches the local redis-server, and the bot then cannot
  // close cleanly: the stop is bounded. (tsx relays a signal again when this process does not
  // acknowledge it within 30 ms, so a repeated signal cannot mean "quit at once" here.)
  const interrupt = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (interrupt.signal.aborted) return;
      process.stderr.write("sandbox: stopping after this step\n");
      interrupt.abort();
      setTimeout(() => {
        process.stderr.write(`sandbox: still stopping after ${STOP_TIMEOUT_MS / 1000} s; exiting\n`);
        process.exit(130);
      }, STOP_TIMEOUT_MS).unref();
    });
  }
  // A reader that goes away (`npm run sandbox | head`) must not crash the run before it cleans up.
  let readerGone = false;
  process.stdout.on("error", () => {
    readerGone = true;
    interrupt.abort();
  });
  const result = await runSandbox({
    signal: interrupt.signal,
    write: (text) => {
      if (!readerGone) process.stdout.write(text);
    },
    ...(only ? { only } : {}),
    keep: values.keep ?? false,
    logLevel: level as (typeof LEVELS)[number],
    ...(process.env.REDIS_URL ? { redisUrl: process.env.REDIS_URL } : {}),
    ...(values["no-color"] ? { color: false } : {}),
  });
  return result.ok ? 0 : 1;
}

process.exitCode = await main();
