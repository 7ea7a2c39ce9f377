/**
 * `npm run db:deploy`: applies pending migrations to DATABASE_URL (default
 * file:./data/taiken.db), like `prisma migrate deploy`. `npm start` does the same on boot.
 */
import { DatabaseStartupError } from "../../src/db/errors.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { DEFAULT_DATABASE_URL, redactDatabaseUrl } from "../../src/db/url.ts";
import { answerHelp } from "../help.ts";

answerHelp(`usage: npm run db:deploy

Applies the pending migrations to DATABASE_URL (default file:./data/taiken.db), SQLite or
PostgreSQL, like \`prisma migrate deploy\`. \`npm start\` does the same on boot.
Exit codes: 0 applied or up to date, 1 the database could not be reached or a migration failed.`);

const url = process.env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
try {
  const started = performance.now();
  const { applied } = await migrateDatabase(url);
  const took = `${Math.round(performance.now() - started)} ms`;
  console.log(
    applied.length === 0
      ? `db:deploy: ${redactDatabaseUrl(url)} is up to date (${took})`
      : `db:deploy: applied ${applied.join(", ")} to ${redactDatabaseUrl(url)} (${took})`,
  );
} catch (error) {
  if (!(error instanceof DatabaseStartupError)) throw error;
  console.error(`db:deploy: ${error.message}`);
  process.exitCode = 1;
}
