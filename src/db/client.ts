/**
 * The runtime Prisma client factory: SQLite for `file:` URLs, PostgreSQL for `postgres(ql)://`
 * URLs, chosen per call (both generated clients are always built, so switching needs no rebuild).
 */
import type { Prisma as PostgresPrisma } from "../../prisma/generated/postgresql/client.ts";
import type {
  Prisma as SqlitePrisma,
  PrismaClient as SqlitePrismaClient,
} from "../../prisma/generated/sqlite/client.ts";
import { postgresAdapterFactory, sqliteAdapterFactory } from "./adapters.ts";
import { withChangeFeed } from "./changes.ts";
import { withPgClient } from "./pg-admin.ts";
import { parseDatabaseUrl } from "./url.ts";

/**
 * The Prisma client type repositories use, whatever the provider: the SQLite client's type.
 * Both clients are generated from the same data model (test/unit/db/generated-clients.test.ts
 * compares their DMMF) and read and write identical rows (checked by tsc below). Their query
 * APIs differ only where PostgreSQL offers more (`skipDuplicates`, `mode: "insensitive"`, more
 * isolation levels, field references in `in`) and in Json path filters (a string on SQLite, an
 * array on PostgreSQL): code typed against this type runs on both as long as it avoids Json
 * path filters. TypeScript cannot compare the clients' generic methods, hence the cast in
 * {@link createDatabase}.
 */
export type Database = SqlitePrismaClient;

/** A transaction client (`db.$transaction(async (tx) => …)`), for functions that work in both. */
export type DatabaseTransaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];

type RowTypes<Map extends { model: Record<string, { payload: { scalars: unknown } }> }> = {
  [Model in keyof Map["model"]]: Map["model"][Model]["payload"]["scalars"];
};
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time proof that both clients read and write identical rows: tsc fails here otherwise.
const rowTypesMatch: Same<RowTypes<SqlitePrisma.TypeMap>, RowTypes<PostgresPrisma.TypeMap>> = true;
void rowTypesMatch;

/**
 * Creates a connected client for `databaseUrl`. For PostgreSQL the server is contacted first,
 * so a wrong URL fails here with one clear line instead of at the first query.
 * Writes to the programme and member tables are announced to `databaseChanges(db)` (see
 * changes.ts). Does not migrate: call `migrateDatabase` first.
 * @throws DatabaseConfigError when the URL is malformed or unsupported.
 * @throws DatabaseUnavailableError when PostgreSQL cannot be reached.
 */
/**
 * How long a transaction may wait to start (for a pooled connection, or SQLite's one writer) and
 * run. Prisma's 2 s default start wait refused a third of 500 hand-ins at a deadline on
 * PostgreSQL (10 pooled connections): the commands behind them are deferred and can wait longer.
 */
const TRANSACTIONS = { maxWait: 15_000, timeout: 15_000 } as const;

export async function createDatabase(databaseUrl: string): Promise<Database> {
  const target = parseDatabaseUrl(databaseUrl);
  // Only the configured provider's client is loaded: each costs about 5 MB of resident memory.
  if (target.provider === "sqlite") {
    const { PrismaClient } = await import("../../prisma/generated/sqlite/client.ts");
    const db = new PrismaClient({
      adapter: sqliteAdapterFactory(target.filename),
      transactionOptions: TRANSACTIONS,
    });
    await db.$connect();
    return withChangeFeed(db);
  }
  await withPgClient(target.url, (client) => client.query("SELECT 1"));
  const { PrismaClient } = await import("../../prisma/generated/postgresql/client.ts");
  const db = new PrismaClient({
    adapter: postgresAdapterFactory(target.url),
    transactionOptions: TRANSACTIONS,
  }) as unknown as Database;
  await db.$connect();
  return withChangeFeed(db);
}
