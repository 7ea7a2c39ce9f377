/**
 * Applies the migrations in a short-lived child process instead of the bot's own: Prisma's
 * WebAssembly schema engine takes 15–20 MB of resident memory that a process never gives back
 * once loaded, and the bot needs it for a few hundred milliseconds at start-up. The child runs
 * `migrate-child` with the parent's node flags (see {@link childFlags} for the sources),
 * and its errors come back with the same name and message, so start-up failures read the same.
 */
import { fork } from "node:child_process";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrateResult } from "./migrate.ts";

/** What the child tells the parent. */
export type MigrationChildMessage =
  | { type: "log"; line: string }
  | { type: "done"; applied: string[] }
  | { type: "failed"; name: string; message: string };

const CHILD = fileURLToPath(
  new URL(`./migrate-child${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
);

/**
 * The child's node flags: the parent's, plus tsx's loader when running from the TypeScript
 * sources under a runner that transforms them itself (vitest), so the child can load `.ts` too.
 */
function childFlags(): string[] {
  const flags = [...process.execArgv];
  if (CHILD.endsWith(".ts") && !flags.some((flag) => flag.includes("tsx"))) flags.push("--import", "tsx");
  return flags;
}

/** An error carrying the child's error name and message (start-up reporting goes by name). */
function rebuilt(name: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

/** `migrateDatabase` in a child process; resolves or rejects as it would. */
export function migrateInChildProcess(
  databaseUrl: string,
  options: { log?: (line: string) => void } = {},
): Promise<MigrateResult> {
  return new Promise((resolve, reject) => {
    let settled = false;
    const child = fork(CHILD, [], { stdio: ["ignore", "inherit", "inherit", "ipc"], execArgv: childFlags() });
    child.on("message", (message: MigrationChildMessage) => {
      if (message.type === "log") options.log?.(message.line);
      else if (!settled) {
        settled = true;
        if (message.type === "done") resolve({ applied: message.applied });
        else reject(rebuilt(message.name, message.message));
      }
    });
    child.once("error", (error) => {
      if (settled) return;
      settled = true;
      reject(rebuilt("DatabaseMigrationError", `could not start the migration process: ${error.message}`));
    });
    child.once("exit", (code, signal) => {
      if (settled) return;
      settled = true;
      reject(
        rebuilt(
          "DatabaseMigrationError",
          `the migration process ended (${signal ?? `exit code ${code}`}) before reporting; run \`npm run db:deploy\` to see why`,
        ),
      );
    });
    child.send({ url: databaseUrl });
  });
}
