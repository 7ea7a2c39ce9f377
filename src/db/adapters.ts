/** Driver-adapter factories for both providers: for the runtime client and for the schema engine. */
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import pg from "pg";
import { CatalogCharAsTextClient, createTemporaryDatabase } from "./pg-admin.ts";
import type { EngineConnections } from "./schema-engine.ts";
import type { DatabaseTarget } from "./url.ts";

/** How long a SQLite write waits for another connection's lock before failing (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

function ensureParentFolder(filename: string): void {
  if (filename !== ":memory:") mkdirSync(dirname(filename), { recursive: true });
}

/**
 * The runtime SQLite adapter: creates the file's folder, and sets WAL (readers do not block the
 * writer) with synchronous=NORMAL (safe in WAL: a power cut may lose the last commits, never
 * corrupt the file), foreign keys and a busy timeout on every connection.
 */
export function sqliteAdapterFactory(filename: string): SqlDriverAdapterFactory {
  ensureParentFolder(filename);
  const inner = new PrismaBetterSqlite3({ url: filename, timeout: SQLITE_BUSY_TIMEOUT_MS });
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    connect: async (): Promise<SqlDriverAdapter> => {
      const adapter = await inner.connect();
      const journal =
        filename === ":memory:" ? "" : "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;";
      await adapter.executeScript(`${journal} PRAGMA foreign_keys = ON;`);
      return adapter;
    },
  };
}

/** The runtime PostgreSQL adapter. */
export function postgresAdapterFactory(url: string): SqlDriverAdapterFactory {
  return new PrismaPg({ connectionString: url, connectionTimeoutMillis: 10_000 });
}

/** Options for {@link engineConnections}. */
export interface EngineConnectionOptions {
  /**
   * PostgreSQL only: a URL on the server where temporary shadow databases may be created
   * (defaults to the target's own server).
   */
  shadowServerUrl?: string;
}

/**
 * The connections the schema engine needs for `target`. The shadow database is `:memory:` for
 * SQLite, and a temporary database (created on demand, dropped on dispose) for PostgreSQL.
 */
export function engineConnections(
  target: DatabaseTarget,
  options: EngineConnectionOptions = {},
): EngineConnections {
  if (target.provider === "sqlite") {
    const factory = (filename: string) =>
      new PrismaBetterSqlite3({ url: filename, timeout: SQLITE_BUSY_TIMEOUT_MS });
    return {
      provider: "sqlite",
      adapterName: "@prisma/adapter-better-sqlite3",
      connect: async () => {
        ensureParentFolder(target.filename);
        const adapter = await factory(target.filename).connect();
        // WAL (what the runtime uses anyway; it is stored in the file) with synchronous=NORMAL
        // cannot corrupt the database and saves an fsync per statement of a migration.
        if (target.filename !== ":memory:") {
          await adapter.executeScript("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;");
        }
        return adapter;
      },
      connectToShadowDb: () => factory(":memory:").connect(),
    };
  }
  const pgFactory = (url: string) =>
    new PrismaPg(new pg.Pool({ connectionString: url, Client: CatalogCharAsTextClient }), {
      disposeExternalPool: true,
    });
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => pgFactory(target.url).connect(),
    connectToShadowDb: async () => {
      const shadow = await createTemporaryDatabase(options.shadowServerUrl ?? target.url, "prisma_shadow");
      const adapter = await pgFactory(shadow.url).connect();
      return {
        provider: adapter.provider,
        adapterName: adapter.adapterName,
        queryRaw: (query) => adapter.queryRaw(query),
        executeRaw: (query) => adapter.executeRaw(query),
        executeScript: (script) => adapter.executeScript(script),
        startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
        getConnectionInfo: () => adapter.getConnectionInfo(),
        // WORKAROUND: close the pool first, then drop (adapter-pg does it the other way round).
        dispose: async () => {
          await adapter.dispose();
          await shadow.drop();
        },
      };
    },
  };
}
