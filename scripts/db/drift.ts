/**
 * Drift detection, shared by `npm run db:check` and its tests: is the derived PostgreSQL schema
 * current, do both migration folders list the same migrations, and does each provider's
 * migration history produce exactly the current schema?
 */
import { readFile } from "node:fs/promises";
import { lockfileContent, migrationNames, readMigrationList } from "../../src/db/migrations.ts";
import { type DatabaseProvider, findProjectRoot, providerLayout } from "../../src/db/paths.ts";
import { withSchemaEngine } from "../../src/db/schema-engine.ts";
import { renderPostgresSchema } from "./derive-postgres.ts";
import { withScratchDatabase } from "./scratch.ts";

export interface DriftReport {
  /** Each problem is one actionable line; empty means no drift. */
  problems: string[];
  /** Checks that could not run (e.g. no PostgreSQL server). */
  skipped: string[];
}

export interface DriftOptions {
  root?: string;
  /** PostgreSQL server for scratch databases; the PostgreSQL history check is skipped without one. */
  pgServerUrl?: string | undefined;
}

const FIX_MIGRATION = "run `npm run db:migrate -- <name>` to create the missing migration";

/** The SQL that would take `provider`'s migration history to the current schema; "" when none. */
export async function unmigratedChanges(
  provider: DatabaseProvider,
  root: string,
  pgServerUrl: string | undefined,
): Promise<string> {
  const layout = providerLayout(provider, root);
  const files = [{ path: layout.schemaPath, content: await readFile(layout.schemaPath, "utf8") }];
  const migrationsList = await readMigrationList(layout.migrationsDir);
  const result = await withScratchDatabase(provider, pgServerUrl, (connections) =>
    withSchemaEngine(connections, (engine) =>
      engine.diff({
        from: { tag: "migrations", ...migrationsList },
        to: { tag: "schemaDatamodel", files },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      }),
    ),
  );
  // exitCode 2 = the two sides differ (like `prisma migrate diff --exit-code`).
  return result.exitCode === 2 ? (result.stdout ?? "").trim() : "";
}

/** Runs every drift check. Never throws for drift itself; only for broken tooling. */
export async function checkDrift(options: DriftOptions = {}): Promise<DriftReport> {
  const root = options.root ?? findProjectRoot();
  const problems: string[] = [];
  const skipped: string[] = [];

  const pgLayout = providerLayout("postgresql", root);
  const derived = await readFile(pgLayout.schemaPath, "utf8").catch(() => null);
  if (derived !== (await renderPostgresSchema(root))) {
    problems.push(
      "prisma/postgresql/schema.prisma is stale (derived from prisma/schema.prisma): run `npm run db:generate` and commit it",
    );
  }

  for (const provider of ["sqlite", "postgresql"] as const) {
    const lock = await readFile(
      `${providerLayout(provider, root).migrationsDir}/migration_lock.toml`,
      "utf8",
    ).catch(() => null);
    if (lock !== lockfileContent(provider)) {
      problems.push(`prisma/migrations/${provider}/migration_lock.toml is missing or not for ${provider}`);
    }
  }

  /** The diff; a replay failure (a migration that does not apply) is reported as a problem. */
  const replay = async (
    provider: DatabaseProvider,
    at: string,
    server: string | undefined,
  ): Promise<string> => {
    try {
      return await unmigratedChanges(provider, at, server);
    } catch (error) {
      const message =
        error instanceof Error ? (error.message.split("\n")[0] ?? error.message) : String(error);
      problems.push(`${provider}: replaying the migrations failed: ${message.trim()}`);
      return "";
    }
  };

  const sqliteNames = await migrationNames(providerLayout("sqlite", root).migrationsDir);
  const pgNames = await migrationNames(pgLayout.migrationsDir);
  const onlySqlite = sqliteNames.filter((name) => !pgNames.includes(name));
  const onlyPg = pgNames.filter((name) => !sqliteNames.includes(name));
  if (onlySqlite.length > 0 || onlyPg.length > 0) {
    problems.push(
      `the migration folders differ: only in sqlite [${onlySqlite.join(", ")}], only in postgresql [${onlyPg.join(", ")}]; ` +
        "every migration must exist for both providers (re-run `npm run db:migrate -- <name>` with a PostgreSQL server)",
    );
  }

  const sqliteDiff = await replay("sqlite", root, undefined);
  if (sqliteDiff !== "") {
    problems.push(
      `SQLite: the migrations do not produce prisma/schema.prisma; ${FIX_MIGRATION}. Missing:\n${sqliteDiff}`,
    );
  }
  if (options.pgServerUrl === undefined) {
    skipped.push(
      "PostgreSQL migration history not replayed: set SHADOW_DATABASE_URL (or DATABASE_URL) to a postgresql:// URL",
    );
  } else {
    const pgDiff = await replay("postgresql", root, options.pgServerUrl);
    if (pgDiff !== "") {
      problems.push(
        `PostgreSQL: the migrations do not produce prisma/postgresql/schema.prisma; ${FIX_MIGRATION}. Missing:\n${pgDiff}`,
      );
    }
  }
  return { problems, skipped };
}
