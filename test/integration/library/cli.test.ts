import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Encoding from "encoding-japanese";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type TarEntrySpec, tarGzOf, tarOf } from "../../support/tar.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = promisify(execFile);
const GUILD = "123456789012345678";

const LIBRARY: TarEntrySpec[] = [
  { path: "lib/", type: "Directory" },
  {
    path: "lib/list.yaml",
    content:
      "assignments:\n  - id: cli-a\n    title_ja: 一\n    brief: b\n    level: 1\n    estimated_hours: 2\n  - id: cli-b\n    title_ja: 二\n    brief: b\n    level: 2\n    estimated_hours: 3\n",
  },
  {
    path: "lib/c.md",
    content: "---\nid: cli-c\ntitle_ja: 三\nlevel: 3\nestimated_hours: 4\n---\nThe brief.\n",
  },
];

let testDb: TestDatabase;
let dir: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  dir = await mkdtemp(path.join(tmpdir(), "taiken-import-cli-"));
});

afterAll(async () => {
  await testDb?.cleanup();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function importFile(name: string, bytes: Uint8Array, { guild = GUILD, extra = [] as string[] } = {}) {
  const file = path.join(dir, name);
  await writeFile(file, bytes);
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts/assignments-import.ts"), file, "--guild", guild, ...extra],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: testDb.url },
      },
    );
    return { code: 0, stdout, stderr, file };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr, file };
  }
}

describe("npm run assignments:import with a tar archive", () => {
  it("GIVEN a truncated .tar.gz THEN exit code 1, the problem is named AND nothing is imported", async () => {
    const gz = tarGzOf(LIBRARY);
    const result = await importFile("cut.tar.gz", gz.subarray(0, gz.length - 30));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${result.file}: The archive is incomplete`);
    expect(await testDb.db.assignment.count({ where: { guildId: GUILD } })).toBe(0);
  });

  // The one run that writes: the script migrates the database first, which takes a while on PostgreSQL.
  it("GIVEN a .tar.gz of a YAML list and a Markdown file THEN every assignment is imported", {
    timeout: 120_000,
  }, async () => {
    const result = await importFile("library.tar.gz", tarGzOf(LIBRARY));
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("3 new, 0 new versions, 0 unchanged");
    const stored = await testDb.db.assignment.findMany({
      where: { guildId: GUILD },
      orderBy: { key: "asc" },
    });
    expect(stored.map((row) => row.key)).toEqual(["cli-a", "cli-b", "cli-c"]);
  });

  it("GIVEN the same library as a plain .tar with --dry-run THEN all three are valid AND nothing is written", async () => {
    const guild = "876543210987654321";
    const result = await importFile("dry.tar", tarOf(LIBRARY), { guild, extra: ["--dry-run"] });
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("3 assignments are valid (dry run: nothing was written)");
    expect(await testDb.db.assignment.count({ where: { guildId: guild } })).toBe(0);
  });
});

async function runImport(args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts/assignments-import.ts"), ...args],
      {
        cwd: root,
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", DATABASE_URL: testDb.url },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run assignments:import arguments and encodings", () => {
  const sjisCsv = () =>
    Uint8Array.from(
      Encoding.convert(
        Encoding.stringToCode("id;title_ja;brief;level;estimated_hours\nsj-1;髙橋さんの課題;説明;2;8\n"),
        { to: "SJIS", from: "UNICODE" },
      ),
    );

  it("GIVEN --help THEN it prints the usage and every option, exit code 0", async () => {
    const result = await runImport(["--help"]);
    expect(result.code).toBe(0);
    for (const option of ["--guild", "--locale ja|en", "--actor", "--dry-run", "--help", "Shift_JIS"]) {
      expect(result.stdout).toContain(option);
    }
  });

  it("GIVEN --locale fr THEN it is refused with one line and the usage, exit code 2", async () => {
    const file = path.join(dir, "fr.csv");
    await writeFile(file, sjisCsv());
    const result = await runImport([file, "--dry-run", "--locale", "fr"]);
    expect(result.code).toBe(2);
    expect(result.stderr.split("\n")[0]).toBe("--locale must be ja or en, not fr");
  });

  it("GIVEN a semicolon-delimited Shift_JIS CSV with --dry-run and no --guild THEN it is valid", async () => {
    const file = path.join(dir, "excel.csv");
    await writeFile(file, sjisCsv());
    const result = await runImport([file, "--dry-run", "--locale", "ja"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("1 件の課題に問題はありません");
  });

  it("GIVEN a Shift_JIS CSV cut inside a character THEN it is refused naming Shift_JIS, exit code 1", async () => {
    const file = path.join(dir, "cut.csv");
    await writeFile(file, Uint8Array.from([...sjisCsv(), 0x82]));
    const result = await runImport([file, "--dry-run"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("aren't valid Shift_JIS");
  });

  it("GIVEN no --guild without --dry-run THEN it is refused, exit code 2", async () => {
    const file = path.join(dir, "noguild.csv");
    await writeFile(file, sjisCsv());
    const result = await runImport([file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--guild must be a server id");
  });
});
