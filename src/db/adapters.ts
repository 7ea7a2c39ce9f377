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
      return yieldingAdapter(adapter);
    },
  };
}

/** Resolves in the next turn of the event loop, after pending I/O has been handled. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Wraps a query or statement method so that it starts in a turn of the event loop of its own. */
function inOwnTurn<T extends object>(target: T, methods: ReadonlySet<PropertyKey>): T {
  return new Proxy(target, {
    get(object, property) {
      const value = Reflect.get(object, property, object) as unknown;
      if (typeof value !== "function") return value;
      if (!methods.has(property)) return value.bind(object);
      return async (...args: unknown[]) => {
        await nextTurn();
        return (value as (...a: unknown[]) => unknown).apply(object, args);
      };
    },
  });
}

const STATEMENTS: ReadonlySet<PropertyKey> = new Set(["queryRaw", "executeRaw"]);

/**
 * better-sqlite3 answers synchronously, so a Prisma query over it resolves without ever handing
 * the event loop back: in a rush (hundreds of clicks at once) every handler's queries run as
 * one long chain of microtasks, and no gateway frame is read and no acknowledgement leaves until
 * all are done (measured: a 500-intern onboarding rush past Discord's 3 s window). Each
 * statement here starts in a turn of its own, so I/O is handled between two statements; it costs
 * one turn of the loop per statement.
 */
function yieldingAdapter(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const wrapped = inOwnTurn(adapter, new Set([...STATEMENTS, "startTransaction"]));
  return new Proxy(wrapped, {
    get(object, property) {
      if (property !== "startTransaction") return Reflect.get(object, property, object);
      return async (...args: unknown[]) => {
        const start = Reflect.get(object, property, object) as (...a: unknown[]) => Promise<object>;
        return inOwnTurn(await start(...args), STATEMENTS);
      };
    },
  });
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
