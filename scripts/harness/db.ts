/**
 * A fresh, migrated database per test file (or per test), on the provider CI selects:
 * DATABASE_URL=postgresql://… → a uniquely-named database on that server; otherwise a temp
 * SQLite file. So the suite runs on SQLite by default and on PostgreSQL when CI says so.
 */
import { createHash } from "node:crypto";
import { access, copyFile, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { migrationNames } from "../../src/db/migrations.ts";
import { type DatabaseProvider, providerLayout } from "../../src/db/paths.ts";
import { createTemporaryDatabase, quoteIdent, withServer } from "../../src/db/pg-admin.ts";

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

/** A hash of one provider's migrations: names the template databases built from them. */
async function migrationsDigest(provider: DatabaseProvider): Promise<string> {
  const { migrationsDir } = providerLayout(provider);
  const hash = createHash("sha256");
  for (const name of await migrationNames(migrationsDir)) {
    hash.update(name).update(await readFile(join(migrationsDir, name, "migration.sql")));
  }
  return hash.digest("hex");
}

let sqliteTemplate: Promise<string> | undefined;

/**
 * A migrated SQLite file in the temp folder, named after the migrations' hash and shared by
 * all test processes and runs (built under a unique name, then renamed into place, which is
 * atomic). Fresh databases are copies of it: a file copy takes about a millisecond.
 */
function migratedSqliteTemplate(): Promise<string> {
  sqliteTemplate ??= (async () => {
    const file = join(tmpdir(), `taiken-template-${(await migrationsDigest("sqlite")).slice(0, 16)}.db`);
    if (
      await access(file).then(
        () => true,
        () => false,
      )
    )
      return file;
    const dir = await mkdtemp(join(tmpdir(), "taiken-template-build-"));
    try {
      const build = join(dir, "template.db");
      await migrateDatabase(`file:${build}`);
      await rename(build, file);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return file;
  })();
  return sqliteTemplate;
}

let postgresTemplate: Promise<string> | undefined;

/**
 * A migrated template database on the test server, named after a hash of the migrations, built
 * once (under an advisory lock, so parallel workers and later runs share it) and then copied
 * by `CREATE DATABASE … TEMPLATE`, which is much faster than migrating.
 */
function migratedPostgresTemplate(server: string): Promise<string> {
  postgresTemplate ??= (async () => {
    const digest = await migrationsDigest("postgresql");
    const template = `taiken_template_${digest.slice(0, 16)}`;
    const lockKey = Number.parseInt(digest.slice(0, 12), 16);
    await withServer(server, async (client) => {
      await client.query("SELECT pg_advisory_lock($1)", [lockKey]);
      try {
        const existing = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [template]);
        if (existing.rowCount === 0) {
          const build = await createTemporaryDatabase(server, "taiken_template_build");
          try {
            await migrateDatabase(build.url);
            await client.query(`ALTER DATABASE ${quoteIdent(build.name)} RENAME TO ${quoteIdent(template)}`);
          } catch (error) {
            await build.drop();
            throw error;
          }
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [lockKey]);
      }
    });
    return template;
  })();
  return postgresTemplate;
}

/** Creates a fresh database for a test. Call `cleanup()` in afterAll/afterEach. */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const migrated = options.migrated ?? true;
  const pgServer = testPostgresUrl();
  if (pgServer !== undefined) {
    const temporary = await createTemporaryDatabase(
      pgServer,
      "taiken_test",
      migrated ? { template: await migratedPostgresTemplate(pgServer) } : {},
    );
    try {
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
