import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../scripts/harness/db.ts";
import { createDatabase } from "../../../src/db/client.ts";
import {
  DatabaseConfigError,
  DatabaseStartupError,
  DatabaseUnavailableError,
} from "../../../src/db/errors.ts";
import { migrateDatabase } from "../../../src/db/migrate.ts";

describe("createDatabase", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("GIVEN a file: URL in a missing folder THEN the folder is created and WAL, foreign keys and a busy timeout are on", async () => {
    const dir = await mkdtemp(join(tmpdir(), "taiken-client-"));
    dirs.push(dir);
    const url = `file:${join(dir, "nested", "deeper", "taiken.db")}`;
    await migrateDatabase(url);
    const db = await createDatabase(url);
    try {
      expect((await stat(join(dir, "nested", "deeper"))).isDirectory()).toBe(true);
      const [journal] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [foreignKeys] =
        await db.$queryRawUnsafe<{ foreign_keys: bigint | number }[]>("PRAGMA foreign_keys");
      const [busy] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
      expect(journal?.journal_mode).toBe("wal");
      expect(Number(foreignKeys?.foreign_keys)).toBe(1);
      expect(Number(busy?.timeout)).toBeGreaterThan(0);
    } finally {
      await db.$disconnect();
    }
  });

  it.each([
    ["mysql://root@localhost/taiken", "must start with file:"],
    ["file:", "empty"],
    ["postgresql://", "no host"],
    ["postgresql://localhost:5432", "names no database"],
    ["", "must start with file:"],
  ])(
    "GIVEN the malformed DATABASE_URL %j THEN a DatabaseConfigError naming DATABASE_URL",
    async (url, problem) => {
      const error = await createDatabase(url).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseConfigError);
      expect(error).toBeInstanceOf(DatabaseStartupError);
      expect((error as Error).message).toContain("DATABASE_URL");
      expect((error as Error).message).toContain(problem);
      expect((error as Error).message).not.toContain("\n");
    },
  );

  it("GIVEN PostgreSQL that does not answer THEN a one-line DatabaseUnavailableError without the password", async () => {
    const url = "postgresql://taiken:s3cret@127.0.0.1:1/taiken";
    for (const attempt of [createDatabase(url), migrateDatabase(url)]) {
      const error = await attempt.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DatabaseUnavailableError);
      const message = (error as Error).message;
      expect(message).toContain("DATABASE_URL");
      expect(message).toContain("connection refused");
      expect(message).not.toContain("s3cret");
      expect(message).not.toContain("\n");
    }
  });

  it("GIVEN the test database THEN the same code path works on whichever provider it is", async () => {
    const testDb = await createTestDatabase();
    try {
      expect(await testDb.db.programme.count()).toBe(0);
    } finally {
      await testDb.cleanup();
    }
  });
});
