/**
 * Applies pending migrations at start-up (`npm start`) and from `npm run db:deploy`, through the
 * WebAssembly schema engine. Equivalent to `prisma migrate deploy`: same `_prisma_migrations`
 * table, same checksums (sha256 of migration.sql), never creates new migrations.
 */
import { engineConnections } from "./adapters.ts";
import { DatabaseMigrationError, DatabaseStartupError, DatabaseUnavailableError } from "./errors.ts";
import { readMigrationList } from "./migrations.ts";
import { findProjectRoot, providerLayout } from "./paths.ts";
import { unreachableReason, withPgClient } from "./pg-admin.ts";
import { withSchemaEngine } from "./schema-engine.ts";
import { parseDatabaseUrl } from "./url.ts";

/** Options for {@link migrateDatabase}. */
export interface MigrateOptions {
  /** Project root holding prisma/migrations (found automatically by default). */
  root?: string;
  /** Migrations folder to apply instead of the provider's default one. */
  migrationsDir?: string;
  /** Receives the engine's log lines. */
  log?: (line: string) => void;
}

/** What a migration run did. */
export interface MigrateResult {
  /** Names of the migrations applied by this run, oldest first; empty when up to date. */
  applied: string[];
}

/** Extracts the engine's user-facing message from whatever it threw. */
function engineMessage(error: unknown): string {
  if (error instanceof Error) return error.message.split("\n")[0] ?? error.message;
  if (typeof error === "object" && error !== null && "message" in error) return String(error.message);
  return String(error);
}

/**
 * Applies every pending migration for the provider DATABASE_URL selects.
 * @throws DatabaseConfigError, DatabaseUnavailableError, DatabaseMigrationError (all DatabaseStartupError).
 */
export async function migrateDatabase(
  databaseUrl: string,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const target = parseDatabaseUrl(databaseUrl);
  const migrationsDir =
    options.migrationsDir ?? providerLayout(target.provider, options.root ?? findProjectRoot()).migrationsDir;
  const migrationsList = await readMigrationList(migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new DatabaseMigrationError(`No migrations found in ${migrationsDir}; the checkout is incomplete.`);
  }
  // Fail with DatabaseUnavailableError (one clear line) before the engine wraps it in its own words.
  if (target.provider === "postgresql") await withPgClient(target.url, (client) => client.query("SELECT 1"));
  try {
    const { appliedMigrationNames } = await withSchemaEngine(
      engineConnections(target),
      (engine) =>
        engine.applyMigrations({ migrationsList, filters: { externalTables: [], externalEnums: [] } }),
      options.log === undefined ? {} : { log: options.log },
    );
    return { applied: appliedMigrationNames };
  } catch (error) {
    if (error instanceof DatabaseStartupError) throw error;
    const reason = target.provider === "postgresql" ? unreachableReason(error) : undefined;
    if (reason !== undefined) throw new DatabaseUnavailableError(databaseUrl, reason, { cause: error });
    throw new DatabaseMigrationError(
      `Applying migrations from ${migrationsDir} failed: ${engineMessage(error)}`,
      {
        cause: error,
      },
    );
  }
}
