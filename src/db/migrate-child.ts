/**
 * The child process `migrateInChildProcess` starts: receives the database URL over IPC, applies
 * the pending migrations, reports the result (or the error's name and message) and exits, so
 * that the schema engine's WebAssembly memory leaves with it.
 */
import { z } from "zod";
import { migrateDatabase } from "./migrate.ts";
import type { MigrationChildMessage } from "./migrate-isolated.ts";

const Request = z.object({ url: z.string().min(1) });

function send(message: MigrationChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      resolve();
      return;
    }
    process.send(message, undefined, {}, () => resolve());
  });
}

process.once("message", async (raw: unknown) => {
  const request = Request.safeParse(raw);
  if (!request.success) {
    await send({
      type: "failed",
      name: "DatabaseMigrationError",
      message: "bad request to the migration process",
    });
    process.exit(2);
  }
  try {
    const result = await migrateDatabase(request.data.url, {
      log: (line) => void send({ type: "log", line }),
    });
    await send({ type: "done", applied: result.applied });
    process.exit(0);
  } catch (error) {
    const failure =
      error instanceof Error
        ? { name: error.name, message: error.message }
        : { name: "Error", message: String(error) };
    await send({ type: "failed", ...failure });
    process.exit(1);
  }
});
