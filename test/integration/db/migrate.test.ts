import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { migrateDatabase } from "../../../src/db/migrate.ts";
import { migrationNames } from "../../../src/db/migrations.ts";
import { providerLayout } from "../../../src/db/paths.ts";

describe("migrateDatabase", () => {
  let testDb: TestDatabase | undefined;
  afterEach(async () => {
    await testDb?.cleanup();
    testDb = undefined;
  });

  it("GIVEN an empty database WHEN migrated twice THEN the first run applies every migration in order and the second none", async () => {
    testDb = await createTestDatabase({ migrated: false });
    const { migrationsDir } = providerLayout(testDb.provider);
    const expected = await migrationNames(migrationsDir);
    expect(expected.length).toBeGreaterThan(0);

    const first = await migrateDatabase(testDb.url);
    const started = performance.now();
    const second = await migrateDatabase(testDb.url);
    const secondMs = performance.now() - started;

    expect(first.applied).toEqual(expected);
    expect(second.applied).toEqual([]);
    expect(secondMs).toBeLessThan(2_000);
  });

  it("GIVEN a migrated database THEN _prisma_migrations has one finished row per migration with the CLI's checksum (sha256 of migration.sql)", async () => {
    testDb = await createTestDatabase({ migrated: false });
    await migrateDatabase(testDb.url);
    const { migrationsDir } = providerLayout(testDb.provider);
    const rows = await testDb.db.$queryRawUnsafe<
      {
        migration_name: string;
        checksum: string;
        finished_at: unknown;
        rolled_back_at: unknown;
        applied_steps_count: unknown;
      }[]
    >(
      'SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const names = await migrationNames(migrationsDir);
    expect(rows.map((row) => row.migration_name)).toEqual(names);
    for (const row of rows) {
      const sql = await readFile(join(migrationsDir, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).not.toBeNull();
      expect(row.rolled_back_at).toBeNull();
      expect(Number(row.applied_steps_count)).toBe(1);
    }
  });

  it("GIVEN a fresh SQLite file WHEN migrated THEN it takes well under a second once the engine is loaded", async ({
    skip,
  }) => {
    testDb = await createTestDatabase({ migrated: false });
    if (testDb.provider !== "sqlite") skip("SQLite timing");
    await migrateDatabase(testDb.url); // loads the wasm engine
    const other = await createTestDatabase({ migrated: false });
    try {
      const started = performance.now();
      await migrateDatabase(other.url);
      expect(performance.now() - started).toBeLessThan(1_000);
    } finally {
      await other.cleanup();
    }
  });
});
