/** Throwaway databases for authoring and checking migrations. */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { engineConnections } from "../../src/db/adapters.ts";
import type { DatabaseProvider } from "../../src/db/paths.ts";
import { createTemporaryDatabase } from "../../src/db/pg-admin.ts";
import type { EngineConnections } from "../../src/db/schema-engine.ts";
import { parseDatabaseUrl } from "../../src/db/url.ts";

/**
 * The PostgreSQL server to create scratch databases on: SHADOW_DATABASE_URL, else DATABASE_URL
 * if it is a PostgreSQL URL. Undefined when neither is.
 */
export function postgresServerUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const candidate of [env.SHADOW_DATABASE_URL, env.DATABASE_URL]) {
    if (candidate !== undefined && /^postgres(ql)?:\/\//.test(candidate)) return candidate;
  }
  return undefined;
}

/**
 * Runs `work` with engine connections to an empty scratch database of `provider` (a temp SQLite
 * file, or a temporary database on `pgServerUrl`), removed afterwards.
 */
export async function withScratchDatabase<T>(
  provider: DatabaseProvider,
  pgServerUrl: string | undefined,
  work: (connections: EngineConnections) => Promise<T>,
): Promise<T> {
  if (provider === "sqlite") {
    const dir = await mkdtemp(join(tmpdir(), "taiken-scratch-"));
    try {
      return await work(engineConnections(parseDatabaseUrl(`file:${join(dir, "scratch.db")}`)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  if (pgServerUrl === undefined) throw new Error("withScratchDatabase: PostgreSQL needs a server URL");
  const scratch = await createTemporaryDatabase(pgServerUrl, "taiken_scratch");
  try {
    return await work(engineConnections(parseDatabaseUrl(scratch.url), { shadowServerUrl: pgServerUrl }));
  } finally {
    await scratch.drop();
  }
}
