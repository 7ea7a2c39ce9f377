/**
 * A fresh, migrated database per test file (or per test), on the provider CI selects:
 * DATABASE_URL=postgresql://… → a uniquely-named database on that server; otherwise a temp
 * SQLite file. So the suite runs on SQLite by default and on PostgreSQL when CI says so.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import type { DatabaseProvider } from "../../src/db/paths.ts";
import { createTemporaryDatabase } from "../../src/db/pg-admin.ts";

export interface TestDatabase {
  db: Database;
  url: string;
  provider: DatabaseProvider;
  /** Disconnects and deletes the database. */
  cleanup(): Promise<void>;
}

export interface TestDatabaseOptions {
  /** Apply the migrations (default true). With false the database is empty and `db` unmigrated. */
  migrated?: boolean;
}

/** The PostgreSQL server tests use, or undefined for SQLite. */
export function testPostgresUrl(): string | undefined {
  const url = process.env.DATABASE_URL;
  return url !== undefined && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

let sqliteTemplate: Promise<string> | undefined;

/**
 * One migrated SQLite file per test process; fresh databases are copies of it (a file copy
 * takes about a millisecond, migrating takes a few hundred).
 */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), "taiken-test-template-"));
    const file = join(dir, "template.db");
    await migrateDatabase(`file:${file}`);
    return file;
  })();
  return sqliteTemplate;
}

/** Creates a fresh database for a test. Call `cleanup()` in afterAll/afterEach. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const pgServer = testPostgresUrl();
  if (pgServer !== undefined) {
    const temporary = await createTemporaryDatabase(pgServer, "taiken_test");
    try {
      if (migrated) await migrateDatabase(temporary.url);
      const db = await createDatabase(temporary.url);
      return {
        db,
        url: temporary.url,
        provider: "postgresql",
        cleanup: async () => {
          await db.$disconnect();
          await temporary.drop();
        },
      };
    } catch (error) {
      await temporary.drop();
      throw error;
    }
  }
  const dir = await mkdtemp(join(tmpdir(), "taiken-test-"));
  const file = join(dir, "test.db");
  if (migrated) await copyFile(await migratedSqliteTemplate(), file);
  const url = `file:${file}`;
  const db = await createDatabase(url);
  return {
    db,
    url,
    provider: "sqlite",
    cleanup: async () => {
      await db.$disconnect();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
