/**
 * The runtime Prisma client factory: SQLite for `file:` URLs, PostgreSQL for `postgres(ql)://`
 * URLs, chosen per call (both generated clients are always built, so switching needs no rebuild).
 */
import {
  type Prisma as PostgresPrisma,
  PrismaClient as PostgresPrismaClient,
} from "../../prisma/generated/postgresql/client.ts";
import {
  type Prisma as SqlitePrisma,
  PrismaClient as SqlitePrismaClient,
} from "../../prisma/generated/sqlite/client.ts";
import { postgresAdapterFactory, sqliteAdapterFactory } from "./adapters.ts";
import { withPgClient } from "./pg-admin.ts";
import { parseDatabaseUrl } from "./url.ts";

/**
 * The Prisma client type repositories use, whatever the provider: the SQLite client's type.
 * Both clients are generated from the same models; the PostgreSQL API is a superset (e.g.
 * `skipDuplicates`, case-insensitive `mode`, more isolation levels), so code typed against the
 * SQLite client runs unchanged on PostgreSQL. TypeScript cannot compare the two clients' generic
 * methods, so what it can compare is checked below (every model's row type), and
 * test/unit/db/generated-clients.test.ts checks that the generated APIs differ only in those
 * PostgreSQL extras.
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
 * Does not migrate: call `migrateDatabase` first.
 * @throws DatabaseConfigError when the URL is malformed or unsupported.
 * @throws DatabaseUnavailableError when PostgreSQL cannot be reached.
 */
export async function createDatabase(databaseUrl: string): Promise<Database> {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.provider === "sqlite") {
    const db = new SqlitePrismaClient({ adapter: sqliteAdapterFactory(target.filename) });
    await db.$connect();
    return db;
  }
  await withPgClient(target.url, (client) => client.query("SELECT 1"));
  const db = new PostgresPrismaClient({ adapter: postgresAdapterFactory(target.url) }) as unknown as Database;
  await db.$connect();
  return db;
}
