import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createSubmissionStore } from "../../../src/db/stores/submission.ts";
import type { StoredBlob } from "../../../src/features/submission/ports.ts";
import { createLocalFileStore } from "../../../src/storage/local-file-store.ts";
import { seedProgramme } from "../../support/programme.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = promisify(execFile);
const GUILD = "223456789012345678";

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

/** `npm run submissions:export` as an operator runs it: a child process on the real database and disk. */
describe("npm run submissions:export", () => {
  let database: TestDatabase;
  let dir: string;
  let store: string;
  let intern = "";
  let blobs: StoredBlob[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dir = await mkdtemp(path.join(tmpdir(), "taiken-export-cli-"));
    store = path.join(dir, "store");
    const files = createLocalFileStore(store);
    blobs = [];
    for (const text of ["first report", "second report", "the slides"])
      blobs.push(await files.put(bytes(text), { maxBytes: 1_000, accept: () => true }));
    const seeded = await seedProgramme(database.db, {
      guildId: GUILD,
      name: "Spring",
      interns: 1,
      assignments: 1,
      status: "open",
    });
    const member = seeded.interns[0];
    if (!member) throw new Error("seed");
    intern = member.discordUserId;
    const allocation = await createAllocationRepository(database.db).allocate({
      programmeId: seeded.programme.id,
      memberId: member.id,
      assignmentId: seeded.assignmentIds[0] ?? "",
      method: "manual",
    });
    const version = (submittedAt: Date, files: { name: string; blob: StoredBlob }[]) =>
      createSubmissionStore(database.db).addVersion({
        guildId: GUILD,
        programmeId: seeded.programme.id,
        memberId: member.id,
        allocationId: allocation.id,
        actorUserId: intern,
        submittedAt,
        links: [],
        note: null,
        files: files.map(({ name, blob }) => ({
          name,
          size: blob.size,
          contentType: "application/pdf",
          sha256: blob.sha256,
          storageKey: blob.storageKey,
          url: "https://cdn.example/a",
        })),
        late: false,
        deadlineAt: null,
        manifestHash: (n) => `hash-${n}`,
      });
    const [first, second, slides] = blobs as [StoredBlob, StoredBlob, StoredBlob];
    await version(new Date("2026-03-20T10:00:00Z"), [
      { name: "report.pdf", blob: first },
      { name: "../../report.pdf", blob: second },
    ]);
    await version(new Date("2026-03-21T10:00:00Z"), [{ name: "slides.pdf", blob: slides }]);
  });
  afterAll(async () => {
    await database?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function exportTo(out: string, extra: string[] = []) {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [
          "--import",
          "tsx",
          path.join(root, "scripts/submissions-export.ts"),
          "--guild",
          GUILD,
          "--out",
          out,
          ...extra,
        ],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? "",
            DATABASE_URL: database.url,
            SUBMISSIONS_DIR: store,
          },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }
  const manifest = async (out: string) =>
    parse(await readFile(path.join(out, "manifest.csv")), { columns: true }) as Record<string, string>[];

  it("GIVEN two versions THEN each file is copied under <user>/v<N>/, names made safe and unique, checked AND listed in manifest.csv", async () => {
    const out = path.join(dir, "out-ok");
    const result = await exportTo(out, ["--locale", "ja"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toContain("3 件のファイル");
    expect((await readdir(path.join(out, intern, "v1"))).sort()).toEqual(["report (2).pdf", "report.pdf"]);
    expect(await readFile(path.join(out, intern, "v1", "report.pdf"), "utf8")).toBe("first report");
    expect(await readFile(path.join(out, intern, "v1", "report (2).pdf"), "utf8")).toBe("second report");
    expect(await readFile(path.join(out, intern, "v2", "slides.pdf"), "utf8")).toBe("the slides");
    const rows = await manifest(out);
    expect(rows.map((r) => [r.version, r.name, r.path, r.status])).toEqual([
      ["1", "report.pdf", `${intern}/v1/report.pdf`, "copied"],
      ["1", "../../report.pdf", `${intern}/v1/report (2).pdf`, "copied"],
      ["2", "slides.pdf", `${intern}/v2/slides.pdf`, "copied"],
    ]);
    expect(rows[0]?.sha256).toBe(blobs[0]?.sha256);
  }, 60_000);

  it("GIVEN a missing blob and a damaged one THEN exit 1, the intact file is still copied AND no damaged copy is left", async () => {
    const [first, second] = blobs as [StoredBlob, StoredBlob];
    const blobPath = (key: string) => path.join(store, ...key.split("/"));
    await unlink(blobPath(first.storageKey));
    await writeFile(blobPath(second.storageKey), "tampered");
    const out = path.join(dir, "out-bad");
    const result = await exportTo(out);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("1 file copied");
    expect(result.stderr).toContain("1 missing, 1 damaged");
    expect(await readdir(path.join(out, intern, "v2"))).toEqual(["slides.pdf"]);
    expect(await readdir(path.join(out, intern, "v1")).catch(() => [])).toEqual([]);
    expect((await manifest(out)).map((r) => r.status)).toEqual(["missing", "sha256_mismatch", "copied"]);
  }, 60_000);

  it("GIVEN bad arguments THEN exit 2 with a one-line reason, and --help explains the options", async () => {
    const notEmpty = path.join(dir, "out-ok");
    expect(await exportTo(notEmpty)).toMatchObject({ code: 2 });
    expect((await exportTo(notEmpty)).stderr).toContain("is not empty");
    expect((await exportTo(path.join(dir, "x"), ["--guild", "nope"])).stderr).toContain("--guild must be");
    expect((await exportTo(path.join(dir, "y"), ["--program", "missing"])).stderr).toContain(
      "has no programme missing",
    );
    const help = await exportTo(path.join(dir, "z"), ["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("manifest.csv");
  }, 60_000);
});
