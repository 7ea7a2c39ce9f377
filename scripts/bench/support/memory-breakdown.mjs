/**
 * Where the compiled bot's resident memory comes from, one start-up step at a time:
 *
 *   npm run build && node --expose-gc scripts/bench/support/memory-breakdown.mjs
 *
 * Loads discord.js, the other libraries, both generated Prisma clients, runs the migration on a
 * fresh SQLite file, creates the client and runs the first queries — reading VmRSS after each
 * step (after a full GC when `--expose-gc` is given). Extra node flags (`--liftoff-only`) or
 * environment (`MALLOC_ARENA_MAX=1`) can be tried the same way. Plain JavaScript, plain node.
 */
import { readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const dist = new URL("../../../dist/src/", import.meta.url);
const file = path.join(os.tmpdir(), `taiken-memory-breakdown-${process.pid}.db`);

const resident = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync("/proc/self/status", "utf8"))?.[1]) / 1024;
const collect = () => {
  globalThis.gc?.();
  globalThis.gc?.();
};

let last = resident();
process.stdout.write(`${"step".padEnd(46)} ${"RSS".padStart(9)} ${"Δ".padStart(8)}  heap used\n`);

/** Runs `action`, lets things settle, and prints RSS and its change. */
async function step(name, action) {
  await action();
  collect();
  await new Promise((resolve) => setTimeout(resolve, 300));
  collect();
  const now = resident();
  const heap = process.memoryUsage().heapUsed / 1048576;
  const delta = `${now - last >= 0 ? "+" : ""}${(now - last).toFixed(1)}`;
  process.stdout.write(
    `${name.padEnd(46)} ${now.toFixed(1).padStart(6)} MB ${delta.padStart(8)}  ${heap.toFixed(1)} MB\n`,
  );
  last = now;
}

await step("node itself", () => undefined);
await step("import discord.js", () => import("discord.js"));
await step("import pino, prom-client, zod", () =>
  Promise.all([import("pino"), import("prom-client"), import("zod")]),
);
await step("import ioredis, bullmq", () => Promise.all([import("ioredis"), import("bullmq")]));
const { createDatabase } = await import(new URL("db/client.js", dist).href);
await step("import db/client (both generated clients)", () => undefined);
const { migrateInChildProcess } = await import(new URL("db/migrate-isolated.js", dist).href);
try {
  await step("migrate (schema engine in a child process, fresh file)", () =>
    migrateInChildProcess(`file:${file}`),
  );
  let db;
  await step("createDatabase (query compiler loaded)", async () => {
    db = await createDatabase(`file:${file}`);
  });
  await step("first raw query (SELECT 1)", () => db.$queryRawUnsafe("SELECT 1"));
  await step("1,000 access lookups (findFirst + include)", async () => {
    for (let i = 0; i < 1000; i++) {
      await db.programme.findFirst({
        where: { guildId: "1", status: { not: "archived" } },
        orderBy: { createdAt: "desc" },
        include: {
          members: { where: { discordUserId: "2" }, include: { roles: { select: { role: true } } } },
        },
      });
    }
  });
  await step("import app/start (the rest of the app)", () => import(new URL("app/start.js", dist).href));
  await db.$disconnect();
} finally {
  for (const suffix of ["", "-journal", "-wal", "-shm"]) rmSync(`${file}${suffix}`, { force: true });
}
