/**
 * Copies a programme's submitted files out of SUBMISSIONS_DIR into a folder, checking each against
 * the sha256 the database recorded, and writes manifest.csv beside them.
 *
 *   npm run submissions:export -- --guild <server id> --out <folder> [--program <programme id>]
 *   npm run submissions:export -- --help
 *
 * Exit codes: 0 every file copied and intact, 1 some file missing or damaged (the rest copied;
 * manifest.csv says which), 2 usage or configuration.
 */
import { existsSync } from "node:fs";
import { mkdir, readdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { createDatabase } from "../src/db/client.ts";
import { createProgrammeRepository } from "../src/db/repositories/programmes.ts";
import { createSubmissionRepository } from "../src/db/repositories/submissions.ts";
import { toCsv } from "../src/domain/export/csv.ts";
import { exportSubmissionFiles } from "../src/features/submission/export-files.ts";
import { translator } from "../src/i18n/translate.ts";
import { createExportFolder } from "../src/storage/export-folder.ts";
import { createLocalFileStore } from "../src/storage/local-file-store.ts";

const USAGE =
  "usage: npm run submissions:export -- --guild <server id> --out <folder> [--program <programme id>] [--locale ja|en]";

const HELP = `Copies a programme's submitted files into a folder, checked against the database.

${USAGE}

--guild <id>       the server (17–20 digits) whose programme is exported.
--out <folder>     where the copies go: <discord user id>/v<N>/<file name>, plus manifest.csv
                   (one row per file: intern, assignment, version, time, late, size, sha256,
                   path and status copied | missing | sha256_mismatch). It must be empty or new.
--locale ja|en     the language of the summary (default en).
--program <id>     which of the server's programmes (default: its current one, else its newest).
--help             show this help.

Reads DATABASE_URL and SUBMISSIONS_DIR (the bot's settings, from the environment or .env).
Exit codes: 0 every file copied and intact, 1 some file missing or damaged (the others are
copied; manifest.csv says which), 2 usage or configuration.`;

function fail(message: string, code = 2): number {
  process.stderr.write(`submissions:export: ${message}\n`);
  return code;
}

async function main(): Promise<number> {
  let values: { guild?: string; out?: string; program?: string; locale?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      options: {
        guild: { type: "string" },
        out: { type: "string" },
        program: { type: "string" },
        locale: { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    return fail(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (values.guild === undefined || !/^\d{17,20}$/.test(values.guild))
    return fail(`--guild must be a server id (17–20 digits)\n${USAGE}`);
  if (values.locale !== undefined && values.locale !== "ja" && values.locale !== "en")
    return fail(`--locale must be ja or en, not ${values.locale}\n${USAGE}`);
  const t = translator(values.locale ?? "en");
  if (values.out === undefined || values.out === "") return fail(`--out is required\n${USAGE}`);
  const out = path.resolve(values.out);
  if (existsSync(out) && (await readdir(out)).length > 0)
    return fail(`${out} is not empty: choose a new or empty folder`);

  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig({ DISCORD_TOKEN: "unused-by-the-export", ...process.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`submissions:export: ${problem}\n`);
    return 2;
  }
  const db = await createDatabase(config.database.url);
  try {
    const programmes = createProgrammeRepository(db);
    const programme =
      values.program !== undefined
        ? (await programmes.list(values.guild)).find((p) => p.id === values.program)
        : ((await programmes.current(values.guild)) ?? (await programmes.list(values.guild))[0]);
    if (programme === undefined || programme === null)
      return fail(
        values.program !== undefined
          ? `server ${values.guild} has no programme ${values.program}`
          : `server ${values.guild} has no programme`,
      );
    const entries = await createSubmissionRepository(db).exportFiles(programme.id);
    await mkdir(out, { recursive: true });
    const outcome = await exportSubmissionFiles(
      { files: createLocalFileStore(config.submissionsDir), sink: createExportFolder(out) },
      entries,
    );
    await writeFile(
      path.join(out, "manifest.csv"),
      toCsv(
        outcome.rows.map((r) => ({
          discord_user_id: r.discordUserId,
          assignment_key: r.assignmentKey,
          version: r.version,
          submitted_at: r.submittedAt.toISOString(),
          late: r.late,
          name: r.name,
          size: r.size,
          sha256: r.sha256,
          path: r.path,
          status: r.status,
          read_sha256: r.readSha256 ?? "",
        })),
        [
          "discord_user_id",
          "assignment_key",
          "version",
          "submitted_at",
          "late",
          "name",
          "size",
          "sha256",
          "path",
          "status",
          "read_sha256",
        ],
      ),
    );
    const summary = t("submission.export.done", {
      name: programme.name,
      count: outcome.copied,
      size: Math.round((outcome.bytes / 1_048_576) * 10) / 10,
      folder: out,
      absent: outcome.missing,
      damaged: outcome.mismatched,
    });
    (outcome.missing + outcome.mismatched > 0 ? process.stderr : process.stdout).write(`${summary}\n`);
    return outcome.missing + outcome.mismatched > 0 ? 1 : 0;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
