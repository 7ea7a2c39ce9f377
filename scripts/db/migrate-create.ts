/**
 * `npm run db:migrate -- <name> [--draft]`: creates a migration named <name> for BOTH providers
 * from the difference between their migration history and the current schema, like
 * `prisma migrate dev --create-only`, but through the wasm schema engine and scratch databases
 * (a temp SQLite file; a temporary PostgreSQL database on SHADOW_DATABASE_URL / DATABASE_URL).
 * Without a PostgreSQL server the PostgreSQL migration is skipped with instructions; re-running
 * later with a server creates just the missing one under the same name.
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { migrationNames, readMigrationList, writeMigration } from "../../src/db/migrations.ts";
import { type DatabaseProvider, findProjectRoot, providerLayout } from "../../src/db/paths.ts";
import { withSchemaEngine } from "../../src/db/schema-engine.ts";
import { answerHelp } from "../help.ts";
import { writePostgresSchema } from "./derive-postgres.ts";
import { generateClients } from "./generate.ts";
import { postgresServerUrl, withScratchDatabase } from "./scratch.ts";

export interface CreateMigrationsOptions {
  name: string;
  /** Always write a migration, even an empty one (for hand-written data migrations). */
  draft?: boolean;
  root?: string;
  /** PostgreSQL server for scratch databases; PostgreSQL is skipped when undefined. */
  pgServerUrl?: string | undefined;
}

export type ProviderOutcome =
  | { provider: DatabaseProvider; status: "created"; migration: string }
  | { provider: DatabaseProvider; status: "unchanged" }
  | { provider: DatabaseProvider; status: "skipped"; reason: string };

/** Asks the engine for the next migration script of one provider; null when there is nothing to do. */
async function nextMigration(
  provider: DatabaseProvider,
  root: string,
  name: string,
  draft: boolean,
  pgServerUrl: string | undefined,
): Promise<{ generatedName: string; script: string } | null> {
  const layout = providerLayout(provider, root);
  const schema = { files: [{ path: layout.schemaPath, content: await readFile(layout.schemaPath, "utf8") }] };
  const migrationsList = await readMigrationList(layout.migrationsDir);
  const filters = { externalTables: [], externalEnums: [] };
  const output = await withScratchDatabase(provider, pgServerUrl, (connections) =>
    withSchemaEngine(
      connections,
      async (engine) => {
        // createMigration cannot open a shadow database itself; it reads the schema of the
        // migration history from a cache that devDiagnostic fills (through the shadow database).
        // devDiagnostic fails with P1014 on an empty database, so applyMigrations runs first
        // (the scratch database then holds the history, which is what devDiagnostic expects).
        await engine.applyMigrations({ migrationsList, filters });
        const diagnostic = await engine.devDiagnostic({ migrationsList, filters });
        if (diagnostic.action.tag === "reset") {
          throw new Error(`${provider}: the migration history is inconsistent: ${diagnostic.action.reason}`);
        }
        return engine.createMigration({ draft, migrationName: name, migrationsList, schema, filters });
      },
      { datamodels: schema.files.map((file) => [file.path, file.content]) },
    ),
  );
  return output.migrationScript === null
    ? null
    : { generatedName: output.generatedMigrationName, script: output.migrationScript };
}

/**
 * Creates the migration for both providers under ONE folder name (the first provider's
 * timestamped name), so both histories list the same migrations.
 */
export async function createMigrations(options: CreateMigrationsOptions): Promise<ProviderOutcome[]> {
  const root = options.root ?? findProjectRoot();
  const draft = options.draft ?? false;
  await writePostgresSchema(root);
  const outcomes: ProviderOutcome[] = [];

  const sqlite = await nextMigration("sqlite", root, options.name, draft, undefined);
  let folderName: string | undefined;
  if (sqlite !== null) {
    folderName = sqlite.generatedName;
    await writeMigration(providerLayout("sqlite", root).migrationsDir, folderName, sqlite.script, "sqlite");
    outcomes.push({ provider: "sqlite", status: "created", migration: folderName });
  } else {
    outcomes.push({ provider: "sqlite", status: "unchanged" });
  }

  if (options.pgServerUrl === undefined) {
    outcomes.push({
      provider: "postgresql",
      status: "skipped",
      reason:
        folderName === undefined
          ? "not checked: no PostgreSQL server (set SHADOW_DATABASE_URL or DATABASE_URL to a postgresql:// URL)"
          : "no PostgreSQL server: set SHADOW_DATABASE_URL (or DATABASE_URL) to a postgresql:// URL and run this " +
            "command again to create the PostgreSQL migration; `npm run db:check` fails until you do",
    });
    return outcomes;
  }
  const postgres = await nextMigration("postgresql", root, options.name, draft, options.pgServerUrl);
  if (postgres === null) {
    outcomes.push({ provider: "postgresql", status: "unchanged" });
    return outcomes;
  }
  if (folderName === undefined) {
    // Catching up after an earlier run without PostgreSQL: reuse the SQLite folder name it lacks.
    const pgNames = new Set(await migrationNames(providerLayout("postgresql", root).migrationsDir));
    const missing = (await migrationNames(providerLayout("sqlite", root).migrationsDir)).filter(
      (name) => !pgNames.has(name),
    );
    folderName = missing.length === 1 ? missing[0] : postgres.generatedName;
  }
  await writeMigration(
    providerLayout("postgresql", root).migrationsDir,
    folderName ?? postgres.generatedName,
    postgres.script,
    "postgresql",
  );
  outcomes.push({
    provider: "postgresql",
    status: "created",
    migration: folderName ?? postgres.generatedName,
  });
  return outcomes;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  answerHelp(`usage: npm run db:migrate -- <name> [--draft]

Creates a migration named <name> (letters, digits, underscores) for both SQLite and PostgreSQL
from the difference between each migration history and prisma/schema.prisma, then regenerates
the clients. The PostgreSQL one needs a server: SHADOW_DATABASE_URL or a postgresql://
DATABASE_URL (a scratch database is created and dropped); without one it is skipped.
--draft   write a migration even when the schema has not changed (for a hand-written data change).
Exit codes: 0 created or nothing to do, 1 only one provider got its migration, 2 usage.`);
  const args = process.argv.slice(2);
  const name = args.find((arg) => !arg.startsWith("--"));
  if (name === undefined || !/^[a-z0-9_]+$/i.test(name)) {
    console.error("Usage: npm run db:migrate -- <name> [--draft]   (name: letters, digits, underscores)");
    process.exit(2);
  }
  const outcomes = await createMigrations({
    name,
    draft: args.includes("--draft"),
    pgServerUrl: postgresServerUrl(),
  });
  for (const outcome of outcomes) {
    if (outcome.status === "created") console.log(`${outcome.provider}: created ${outcome.migration}`);
    if (outcome.status === "unchanged") console.log(`${outcome.provider}: schema unchanged, no migration`);
    if (outcome.status === "skipped") console.warn(`${outcome.provider}: SKIPPED — ${outcome.reason}`);
  }
  await generateClients();
  // Exit 1 when the two histories now disagree (SQLite got a migration PostgreSQL lacks).
  const created = outcomes.filter((outcome) => outcome.status === "created").length;
  if (created === 1 && outcomes.some((outcome) => outcome.status === "skipped")) process.exitCode = 1;
}
