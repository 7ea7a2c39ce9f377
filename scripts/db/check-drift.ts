/**
 * `npm run db:check`: exits 1 if the derived PostgreSQL schema is stale, the two migration
 * folders disagree, or either provider's migrations do not produce the current schema.
 * The PostgreSQL replay needs SHADOW_DATABASE_URL or a postgresql:// DATABASE_URL; without one it
 * is reported as skipped (pass --require-postgres, as CI does, to make that a failure).
 */

import { answerHelp } from "../help.ts";
import { checkDrift } from "./drift.ts";
import { postgresServerUrl } from "./scratch.ts";

answerHelp(`usage: npm run db:check [-- --require-postgres]

Checks that prisma/postgresql/schema.prisma is derived from prisma/schema.prisma, that the SQLite
and PostgreSQL migration folders list the same migrations, and that each provider's migrations
replayed on a scratch database give the current schema. The PostgreSQL replay needs
SHADOW_DATABASE_URL or a postgresql:// DATABASE_URL; without one it is skipped.
--require-postgres   make a skipped PostgreSQL replay a failure (as CI does).
Exit codes: 0 everything agrees, 1 drift (each problem on its own line).`);

const requirePostgres = process.argv.includes("--require-postgres");
const report = await checkDrift({ pgServerUrl: postgresServerUrl() });
for (const line of report.skipped) console.warn(`db:check: skipped — ${line}`);
for (const line of report.problems) console.error(`db:check: DRIFT — ${line}`);
if (report.problems.length > 0 || (requirePostgres && report.skipped.length > 0)) {
  process.exitCode = 1;
} else {
  console.log("db:check: schema, derived schema and migrations agree");
}
