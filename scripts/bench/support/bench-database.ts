/**
 * The bot's database for a benchmark run, on the provider the environment selects, as the tests
 * pick theirs (scripts/harness/db.ts): `DATABASE_URL=postgresql://…` → a fresh database created on
 * that server and dropped afterwards; otherwise a SQLite file in the suite's scratch directory.
 * Migrated here, so the suite can seed it before the bot starts.
 */
import { migrateDatabase } from "../../../src/db/migrate.ts";
import { createTemporaryDatabase } from "../../../src/db/pg-admin.ts";

export interface BenchDatabase {
  /** The URL to give the bot (its DATABASE_URL) and the seeding client. */
  url: string;
  provider: "sqlite" | "postgresql";
  /** Deletes a PostgreSQL database (a SQLite file goes with the scratch directory). */
  drop(): Promise<void>;
}

export async function benchDatabase(scratch: string): Promise<BenchDatabase> {
  const server = process.env.DATABASE_URL;
  if (server !== undefined && /^postgres(ql)?:\/\//.test(server)) {
    const temporary = await createTemporaryDatabase(server, "taiken_bench");
    try {
      await migrateDatabase(temporary.url);
    } catch (error) {
      await temporary.drop();
      throw error;
    }
    return { url: temporary.url, provider: "postgresql", drop: () => temporary.drop() };
  }
  const url = `file:${scratch}/taiken.db`;
  await migrateDatabase(url);
  return { url, provider: "sqlite", drop: async () => undefined };
}
