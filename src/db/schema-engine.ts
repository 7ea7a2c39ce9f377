/**
 * Prisma's WebAssembly schema engine, driven through driver adapters. This is what applies and
 * creates migrations here, because the `prisma` CLI cannot download its native engine on our
 * machines (see /work/shared/notes/prisma-offline.md). The engine keeps Prisma's own
 * `_prisma_migrations` table, so databases stay compatible with `prisma migrate deploy`.
 *
 * Three engine/adapter bugs are worked around here (each marked "WORKAROUND"):
 * 1. SQLite adapters run only one statement per `executeRaw`, but the engine replays whole
 *    migration scripts through it: parameterless multi-statement SQL goes to `executeScript`.
 * 2. `@prisma/adapter-pg` rejects the catalog type `"char"` (OID 18) that the engine's
 *    introspection queries return: our pg clients report it as `text` (OID 25).
 * 3. `@prisma/adapter-pg` drops its built-in shadow database while its pool still holds
 *    connections: we create and drop our own temporary databases (see `pg-admin.ts`).
 * (The fourth known issue, `devDiagnostic` failing with P1014 on an empty database, is avoided
 * by never calling `devDiagnostic`.)
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";

export type { MigrationList, SchemaEngine };

const require = createRequire(import.meta.url);

/** The wasm-bindgen glue of @prisma/schema-engine-wasm; the members we rely on are checked on load. */
interface SchemaEngineRuntime {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: {
    new: (
      options: { datamodels: [string, string][] | undefined },
      log: (message: string) => void,
      adapter: object,
    ) => Promise<SchemaEngine>;
  };
  version(): string;
}

/** The slice of the WebAssembly global we use (our tsconfig's libs do not declare it). */
interface WebAssemblyApi {
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(
    module: object,
    imports: Record<string, unknown>,
  ): Promise<{ exports: Record<string, unknown> }>;
}

const wasmApi = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly;

let runtimePromise: Promise<SchemaEngineRuntime> | undefined;

async function instantiateRuntime(): Promise<SchemaEngineRuntime> {
  const runtime = (await import(
    "@prisma/schema-engine-wasm/schema_engine_bg"
  )) as unknown as SchemaEngineRuntime;
  if (typeof runtime.__wbg_set_wasm !== "function" || typeof runtime.SchemaEngine?.new !== "function") {
    throw new Error(
      "@prisma/schema-engine-wasm changed shape (no __wbg_set_wasm or SchemaEngine.new): pin it back to " +
        "7.10.0-4.0edf323efd1d98336f3f0a68684b56f689b900d3 or adapt src/db/schema-engine.ts",
    );
  }
  const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bytes = await readFile(join(packageDir, "schema_engine_bg.wasm"));
  const module = await wasmApi.compile(bytes);
  const instance = await wasmApi.instantiate(module, { "./schema_engine_bg.js": runtime });
  runtime.__wbg_set_wasm(instance.exports);
  const start = instance.exports.__wbindgen_start;
  if (typeof start !== "function") throw new Error("@prisma/schema-engine-wasm: no __wbindgen_start export");
  start();
  return runtime;
}

/**
 * Loads the wasm engine once per process (compiling the 5 MB module is the slow part) and
 * returns its glue module.
 */
export function loadSchemaEngineRuntime(): Promise<SchemaEngineRuntime> {
  runtimePromise ??= instantiateRuntime().catch((error: unknown) => {
    runtimePromise = undefined;
    throw error;
  });
  return runtimePromise;
}

/** better-sqlite3's refusals of SQL that is not exactly one statement (several, or only comments). */
const NOT_ONE_STATEMENT = /more than one statement|contains no statements/i;

/**
 * A plain-object view of `adapter` for the engine, closing it at most once.
 * WORKAROUND 1: on SQLite, parameterless SQL that `executeRaw` refuses because it is not exactly
 * one statement (a whole migration, or a comment-only draft migration) goes to `executeScript`.
 */
function forEngine(adapter: SqlDriverAdapter): SqlDriverAdapter {
  const sqlite = adapter.provider === "sqlite";
  let disposed: Promise<void> | undefined;
  return {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (query) => adapter.queryRaw(query),
    executeRaw: async (query) => {
      try {
        return await adapter.executeRaw(query);
      } catch (error) {
        if (
          sqlite &&
          query.args.length === 0 &&
          error instanceof Error &&
          NOT_ONE_STATEMENT.test(error.message)
        ) {
          await adapter.executeScript(query.sql);
          return 0;
        }
        throw error;
      }
    },
    executeScript: (script) => adapter.executeScript(script),
    startTransaction: (isolationLevel) => adapter.startTransaction(isolationLevel),
    ...(adapter.getConnectionInfo ? { getConnectionInfo: () => adapter.getConnectionInfo!() } : {}),
    dispose: () => {
      disposed ??= adapter.dispose();
      return disposed;
    },
  };
}

/** Connections the engine may open: the target database and a scratch ("shadow") database. */
export interface EngineConnections {
  provider: "sqlite" | "postgres";
  adapterName: string;
  connect(): Promise<SqlDriverAdapter>;
  connectToShadowDb(): Promise<SqlDriverAdapter>;
}

function ignoreLogLine(_line: string): void {
  // The engine logs at info level on every start; silence unless a caller asks for it.
}

/** Options for one engine session. */
export interface EngineSessionOptions {
  /** Schema files the engine should know (path, content); only needed by schema-aware commands. */
  datamodels?: [string, string][];
  /** Receives the engine's log lines (JSON strings); silent by default. */
  log?: (line: string) => void;
}

/**
 * Runs `work` with a fresh engine bound to `connections`, and frees the engine afterwards.
 * Connections opened by the engine are disposed by the engine itself.
 */
export async function withSchemaEngine<T>(
  connections: EngineConnections,
  work: (engine: SchemaEngine) => Promise<T>,
  options: EngineSessionOptions = {},
): Promise<T> {
  const runtime = await loadSchemaEngineRuntime();
  // The engine does not reliably dispose what it opened, so every connection is tracked and
  // closed (once) when the session ends.
  const opened: SqlDriverAdapter[] = [];
  const track = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const tracked = forEngine(adapter);
    opened.push(tracked);
    return tracked;
  };
  const factory: SqlMigrationAwareDriverAdapterFactory = {
    provider: connections.provider,
    adapterName: connections.adapterName,
    connect: async () => track(await connections.connect()),
    connectToShadowDb: async () => track(await connections.connectToShadowDb()),
  };
  const engine = await runtime.SchemaEngine.new(
    { datamodels: options.datamodels },
    options.log ?? ignoreLogLine,
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  try {
    return await work(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}

/** Returns the engine's version string, e.g. for diagnostics. */
async function _schemaEngineVersion(): Promise<string> {
  return (await loadSchemaEngineRuntime()).version();
}
