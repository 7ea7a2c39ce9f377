import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writePostgresSchema } from "../../../scripts/db/derive-postgres.ts";
import { checkDrift } from "../../../scripts/db/drift.ts";
import { testPostgresUrl } from "../../../scripts/harness/db.ts";
import { findProjectRoot } from "../../../src/db/paths.ts";

/** A copy of the project's prisma folder (without generated clients) to break on purpose. */
async function copyProject(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), "taiken-drift-"));
  await cp(join(findProjectRoot(), "prisma"), join(root, "prisma"), {
    recursive: true,
    filter: (source) => !source.includes(`${join("prisma", "generated")}`),
  });
  return root;
}

describe("drift check", () => {
  const pgServerUrl = testPostgresUrl();
  let root: string;
  beforeAll(async () => {
    root = await copyProject();
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("GIVEN the committed schema and migrations THEN no drift", async () => {
    const report = await checkDrift({ pgServerUrl });
    expect(report.problems).toEqual([]);
    expect(report.skipped).toHaveLength(pgServerUrl === undefined ? 1 : 0);
  });

  it("GIVEN a schema change without a migration THEN drift, for every provider that is checked, with the missing SQL", async () => {
    const schemaPath = join(root, "prisma", "schema.prisma");
    const schema = await readFile(schemaPath, "utf8");
    const changed = schema.replace(/^(model Milestone \{\n)/m, "$1  colour String?\n");
    expect(changed).not.toBe(schema);
    await writeFile(schemaPath, changed);

    const stale = await checkDrift({ root, pgServerUrl });
    expect(stale.problems.some((p) => p.includes("prisma/postgresql/schema.prisma is stale"))).toBe(true);

    await writePostgresSchema(root);
    const report = await checkDrift({ root, pgServerUrl });
    const sqlite = report.problems.find((p) => p.startsWith("SQLite:"));
    expect(sqlite).toContain('ALTER TABLE "milestone" ADD COLUMN "colour" TEXT');
    if (pgServerUrl !== undefined) {
      expect(report.problems.find((p) => p.startsWith("PostgreSQL:"))).toMatch(
        /ALTER TABLE "milestone" ADD COLUMN\s+"colour" TEXT/,
      );
    }
  });

  it("GIVEN a migration that exists for only one provider THEN drift", async () => {
    const other = await copyProject();
    try {
      const dir = join(other, "prisma", "migrations", "sqlite", "29991231000000_only_here");
      await cp(join(other, "prisma", "migrations", "sqlite", "20261122003758_init"), dir, {
        recursive: true,
      });
      await writeFile(join(dir, "migration.sql"), "-- nothing\n");
      const report = await checkDrift({ root: other });
      expect(report.problems.some((p) => p.includes("only in sqlite [29991231000000_only_here]"))).toBe(true);
      // A comment-only (draft) migration replays fine, so that is the only problem.
      expect(report.problems).toHaveLength(1);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it("GIVEN a migration that does not apply THEN the check reports it instead of crashing", async () => {
    const other = await copyProject();
    try {
      for (const provider of ["sqlite", "postgresql"]) {
        const dir = join(other, "prisma", "migrations", provider, "29991231000000_broken");
        await cp(join(other, "prisma", "migrations", provider, "20261122003758_init"), dir, {
          recursive: true,
        });
        await writeFile(join(dir, "migration.sql"), 'ALTER TABLE "no_such_table" ADD COLUMN "x" TEXT;\n');
      }
      const report = await checkDrift({ root: other });
      expect(report.problems.some((p) => p.startsWith("sqlite: replaying the migrations failed"))).toBe(true);
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });
});
