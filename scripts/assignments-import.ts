/**
 * Imports an assignment library into the database, all or nothing.
 *
 *   npm run assignments:import -- <path> --guild <server id> [--locale ja|en] [--actor <user id>]
 *   npm run assignments:import -- <path> --dry-run [--locale ja|en]
 *   npm run assignments:import -- --help
 *
 * <path> is a folder (read recursively: .md, .yaml/.yml, .json, .csv, and archives in it), one such
 * file, or an archive (.zip, .tar, .tar.gz, .tgz).
 * Writes into DATABASE_URL (default: the bot's SQLite file), applying pending migrations first.
 * Exit codes: 0 imported (or nothing to change), 1 problems in the files (nothing imported), 2 usage.
 */
import { existsSync } from "node:fs";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { createDatabase } from "../src/db/client.ts";
import { migrateDatabase } from "../src/db/migrate.ts";
import { createLibraryRepository } from "../src/db/repositories/library.ts";
import { formatImportFailure } from "../src/discord/assignments/import-report.ts";
import { parseLibrary } from "../src/domain/library/parse.ts";
import { filesFromUpload, MAX_IMPORT_BYTES } from "../src/domain/library/sources.ts";
import type { ImportFile, ImportIssue } from "../src/domain/library/types.ts";
import { translator } from "../src/i18n/translate.ts";

const USAGE = `usage: npm run assignments:import -- <path> --guild <server id> [--locale ja|en] [--actor <user id>]
       npm run assignments:import -- <path> --dry-run [--locale ja|en]`;

const HELP = `Imports an assignment library into the database, all or nothing.

${USAGE}

<path>            a folder (read recursively: .md, .yaml/.yml, .json, .csv and archives in it),
                  one such file, or an archive (.zip, .tar, .tar.gz, .tgz). Text may be UTF-8
                  (with or without BOM), Shift_JIS/CP932 or UTF-16; a CSV may be delimited by
                  commas, semicolons or tabs.
--guild <id>      the server (17–20 digits) whose library is written; not needed with --dry-run.
--locale ja|en    the language of the report (default en).
--actor <id>      the Discord user id recorded in the audit log (default "cli").
--dry-run         check the files and report problems; nothing is written, no database needed.
--help            show this help.

Writes into DATABASE_URL (default: the bot's SQLite file), applying pending migrations first.
Exit codes: 0 imported (or valid, with --dry-run), 1 problems in the files (nothing imported), 2 usage.`;

async function walk(root: string, dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith(".")) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) await walk(root, full, out);
    else if (entry.isFile()) out.push(full);
  }
}

/** The files at `path`: a folder's readable files (sorted), one file, or an archive's entries. */
async function collect(path: string): Promise<{ files: ImportFile[]; issues: ImportIssue[] }> {
  const info = await stat(path);
  const paths: string[] = [];
  if (info.isDirectory()) await walk(path, path, paths);
  else paths.push(path);
  paths.sort();
  const files: ImportFile[] = [];
  const issues: ImportIssue[] = [];
  for (const file of paths) {
    const name = info.isDirectory() ? relative(path, file) : file;
    const size = (await stat(file)).size;
    if (size > MAX_IMPORT_BYTES) {
      issues.push({ code: "archive_too_large", file: name, line: null, field: null, detail: null });
      continue;
    }
    const read = filesFromUpload(name, await readFile(file));
    // In a folder, files the import does not read (README.txt, images) are skipped quietly.
    if (info.isDirectory()) issues.push(...read.issues.filter((i) => i.code !== "unsupported_file"));
    else issues.push(...read.issues);
    files.push(...read.files);
  }
  return { files, issues };
}

async function main(): Promise<number> {
  let parsed: ReturnType<
    typeof parseArgs<{
      options: {
        guild: { type: "string" };
        locale: { type: "string" };
        actor: { type: "string" };
        "dry-run": { type: "boolean" };
        help: { type: "boolean" };
      };
      allowPositionals: true;
    }>
  >;
  try {
    parsed = parseArgs({
      options: {
        guild: { type: "string" },
        locale: { type: "string" },
        actor: { type: "string" },
        "dry-run": { type: "boolean" },
        help: { type: "boolean" },
      },
      allowPositionals: true,
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const path = positionals[0];
  if (path === undefined || positionals.length > 1) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const guild = values.guild;
  if (guild !== undefined ? !/^\d{17,20}$/.test(guild) : !values["dry-run"]) {
    process.stderr.write(`--guild must be a server id (17–20 digits)\n${USAGE}\n`);
    return 2;
  }
  if (values.locale !== undefined && values.locale !== "ja" && values.locale !== "en") {
    process.stderr.write(`--locale must be ja or en, not ${values.locale}\n${USAGE}\n`);
    return 2;
  }
  const locale = values.locale ?? "en";
  const t = translator(locale);
  if (!existsSync(path)) {
    process.stderr.write(`assignments:import: ${path} does not exist\n`);
    return 2;
  }

  const collected = await collect(path);
  const library = parseLibrary(collected.files);
  const issues = [...collected.issues, ...library.issues];
  if (issues.length > 0) {
    process.stderr.write(`${formatImportFailure(t, issues, 200)}\n`);
    return 1;
  }
  if (values["dry-run"]) {
    process.stdout.write(`${t("library.import.dryRun", { count: library.entries.length })}\n`);
    return 0;
  }

  if (existsSync(".env")) process.loadEnvFile(".env");
  let databaseUrl: string;
  try {
    databaseUrl = loadConfig({ DISCORD_TOKEN: "unused-by-the-import", ...process.env }).database.url;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`assignments:import: ${problem}\n`);
    return 2;
  }
  if (guild === undefined) return 2; // unreachable: checked above unless --dry-run
  await migrateDatabase(databaseUrl);
  const db = await createDatabase(databaseUrl);
  try {
    const summary = await createLibraryRepository(db).importEntries(guild, library.entries, {
      actorUserId: values.actor ?? "cli",
      source: path,
    });
    process.stdout.write(
      `${t("library.import.done", {
        created: summary.created.length,
        updated: summary.updated.length,
        unchanged: summary.unchanged.length,
      })}\n`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
