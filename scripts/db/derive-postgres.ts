import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { pathToFileURL } from "node:url";
import { providerLayout } from "../../src/db/paths.ts";

const HEADER = [
  "// GENERATED from prisma/schema.prisma by scripts/db/derive-postgres.ts — do not edit.",
  "// Edit the SQLite schema and run `npm run db:generate`.",
  "",
].join("\n");

/** Replaces exactly one match of `pattern` inside the named block, or throws. */
function replaceInBlock(schema: string, blockStart: RegExp, pattern: RegExp, replacement: string): string {
  const start = schema.search(blockStart);
  if (start < 0) throw new Error(`derive-postgres: no block matching ${blockStart} in the SQLite schema`);
  const end = schema.indexOf("}", start);
  const block = schema.slice(start, end);
  const matches = block.match(new RegExp(pattern.source, "g"));
  if (matches?.length !== 1) {
    throw new Error(
      `derive-postgres: expected one ${pattern} in ${blockStart}, found ${matches?.length ?? 0}`,
    );
  }
  return schema.slice(0, start) + block.replace(pattern, replacement) + schema.slice(end);
}

/**
 * Derives the PostgreSQL schema from the SQLite source of truth: same models, the datasource
 * provider swapped and the generator writing to `prisma/generated/postgresql`. The derived file
 * lives one folder deeper (`prisma/postgresql/`), hence the `../` in its output path.
 */
export function derivePostgresSchema(sqliteSchema: string): string {
  let schema = replaceInBlock(
    sqliteSchema,
    /^datasource\s+db\s*\{/m,
    /provider\s*=\s*"sqlite"/,
    'provider = "postgresql"',
  );
  schema = replaceInBlock(
    schema,
    /^generator\s+client\s*\{/m,
    /output(\s*)=(\s*)"\.\/generated\/sqlite"/,
    'output$1=$2"../generated/postgresql"',
  );
  return HEADER + schema;
}

/** Reads the SQLite schema under `root` and returns the derived PostgreSQL schema text. */
export async function renderPostgresSchema(root?: string): Promise<string> {
  const source = await readFile(providerLayout("sqlite", root).schemaPath, "utf8");
  return derivePostgresSchema(source);
}

/** Writes the derived PostgreSQL schema if it changed. Returns whether it was rewritten. */
export async function writePostgresSchema(root?: string): Promise<boolean> {
  const target = providerLayout("postgresql", root).schemaPath;
  const next = await renderPostgresSchema(root);
  const current = await readFile(target, "utf8").catch(() => null);
  if (current === next) return false;
  await mkdir(dirname(target), { recursive: true });
  await writeFile(target, next);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const changed = await writePostgresSchema();
  console.log(
    changed ? "prisma/postgresql/schema.prisma updated" : "prisma/postgresql/schema.prisma up to date",
  );
}
