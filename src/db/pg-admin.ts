/** PostgreSQL helpers outside Prisma: temporary databases and connection checks. */
import { randomUUID } from "node:crypto";
import pg from "pg";
import { DatabaseUnavailableError } from "./errors.ts";

/** pg error codes and Node socket codes that mean "cannot use this server/database". */
const UNREACHABLE_REASONS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "connection timed out",
  EHOSTUNREACH: "host unreachable",
  ECONNRESET: "connection reset",
  "28P01": "password authentication failed",
  "28000": "authentication rejected",
  "3D000": "the database does not exist (create it first, e.g. with createdb)",
};

/** Returns a one-line reason if `error` means the server or database is unusable. */
export function unreachableReason(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const record = error as { code?: unknown; message?: unknown; errors?: unknown; cause?: unknown };
  if (typeof record.code === "string" && record.code in UNREACHABLE_REASONS)
    return UNREACHABLE_REASONS[record.code];
  // Node's AggregateError (IPv4 + IPv6 attempts) hides the code in `errors`.
  if (Array.isArray(record.errors)) {
    for (const inner of record.errors) {
      const reason = unreachableReason(inner);
      if (reason !== undefined) return reason;
    }
  }
  if (record.cause !== undefined && record.cause !== error) return unreachableReason(record.cause);
  if (typeof record.message === "string" && /connection terminated|timeout expired/i.test(record.message)) {
    return record.message;
  }
  return undefined;
}

/** Runs `work` on a single connection to `url`, mapping connection failures to DatabaseUnavailableError. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    const reason = unreachableReason(error);
    if (reason !== undefined) throw new DatabaseUnavailableError(url, reason, { cause: error });
    throw error;
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** Quotes a PostgreSQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Runs `work` connected to the server of `url`: its own database, else the `postgres` maintenance database. */
export async function withServer<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  try {
    return await withPgClient(url, work);
  } catch (error) {
    if (
      error instanceof DatabaseUnavailableError &&
      (error.cause as { code?: string } | undefined)?.code === "3D000"
    ) {
      return await withPgClient(withDatabase(url, "postgres"), work);
    }
    throw error;
  }
}

/** A database created for one run (tests, shadow database, migration authoring). */
export interface TemporaryDatabase {
  url: string;
  name: string;
  /** Drops the database, closing any connection still open to it. */
  drop(): Promise<void>;
}

/**
 * Creates a fresh, uniquely-named database on the server of `serverUrl` (any database URL on
 * that server), optionally as a copy of `template`. The name starts with `prefix` so leftovers
 * are easy to spot.
 */
export async function createTemporaryDatabase(
  serverUrl: string,
  prefix = "taiken_tmp",
  options: { template?: string } = {},
): Promise<TemporaryDatabase> {
  const name = `${prefix}_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
  const template = options.template === undefined ? "" : ` TEMPLATE ${quoteIdent(options.template)}`;
  await withServer(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}${template}`));
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => {
      dropped ??= withServer(serverUrl, async (client) => {
        // WITH (FORCE) (PostgreSQL 13+) ends sessions a pool may still hold.
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      });
      return dropped;
    },
  };
}

/**
 * WORKAROUND for `@prisma/adapter-pg`, which cannot map the catalog type `"char"` (OID 18)
 * returned by the schema engine's introspection queries: a pg Client that reports such
 * columns as `text` (OID 25). Only the schema engine's connections use it.
 */
export class CatalogCharAsTextClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = this.query.bind(this) as (...args: unknown[]) => unknown;
    (this as { query: unknown }).query = (...args: unknown[]): unknown => {
      const last = args.at(-1);
      if (typeof last === "function") {
        args[args.length - 1] = (error: unknown, result: pg.QueryResult | undefined) =>
          (last as (e: unknown, r: unknown) => void)(
            error,
            result === undefined ? result : charAsText(result),
          );
        return query(...args);
      }
      const pending = query(...args);
      return pending instanceof Promise ? pending.then(charAsText) : pending;
    };
  }
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

function charAsText<R>(result: R): R {
  for (const one of Array.isArray(result) ? result : [result]) {
    for (const field of (one as pg.QueryResult | undefined)?.fields ?? []) {
      if (field.dataTypeID === PG_CHAR_OID) field.dataTypeID = PG_TEXT_OID;
    }
  }
  return result;
}
