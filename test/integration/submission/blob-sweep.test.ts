import { mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createWorkspaceRepository } from "../../../src/db/repositories/workspace.ts";
import { createProgrammeStore } from "../../../src/db/stores/programme.ts";
import { createBlobIndex, createSubmissionStore } from "../../../src/db/stores/submission.ts";
import { BLOB_GRACE_MS, blobUseCases } from "../../../src/features/submission/blobs.ts";
import { createLocalFileStore } from "../../../src/storage/local-file-store.ts";
import { seedProgramme } from "../../support/programme.ts";

const NOW = new Date("2026-03-20T12:00:00Z");
const LONG_AGO = new Date(NOW.getTime() - 2 * BLOB_GRACE_MS);

async function* bytes(text: string) {
  yield new TextEncoder().encode(text);
}

/** The sweep of unreferenced submitted files and a deleted programme's files, on the real database and disk. */
describe("submitted file sweep", () => {
  let database: TestDatabase;
  let root: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    root = await mkdtemp(path.join(tmpdir(), "taiken-blobs-"));
  });
  afterAll(async () => {
    await database?.cleanup();
    await rm(root, { recursive: true, force: true });
  });

  const files = () => createLocalFileStore(root);
  const blobs = () => blobUseCases({ files: files(), index: createBlobIndex(database.db), now: () => NOW });
  const put = (text: string) => files().put(bytes(text), { maxBytes: 1_000, accept: () => true });
  const age = (key: string, at: Date) => utimes(path.join(root, key), at, at);

  /** A programme whose intern handed in one version holding the blobs `keys`. */
  async function handedIn(name: string, keys: string[]) {
    const seeded = await seedProgramme(database.db, {
      guildId: `g-${name}`,
      name,
      interns: 1,
      assignments: 1,
      status: "open",
    });
    const intern = seeded.interns[0];
    if (!intern) throw new Error("seed");
    const allocation = await createAllocationRepository(database.db).allocate({
      programmeId: seeded.programme.id,
      memberId: intern.id,
      assignmentId: seeded.assignmentIds[0] ?? "",
      method: "manual",
    });
    await createSubmissionStore(database.db).addVersion({
      guildId: `g-${name}`,
      programmeId: seeded.programme.id,
      memberId: intern.id,
      allocationId: allocation.id,
      actorUserId: intern.discordUserId,
      submittedAt: NOW,
      links: [],
      note: null,
      files: keys.map((storageKey, i) => ({
        name: `f${i}.pdf`,
        size: 3,
        contentType: "application/pdf",
        sha256: storageKey.slice(-64),
        storageKey,
        url: "https://cdn/a",
      })),
      late: false,
      deadlineAt: null,
      manifestHash: (n) => `hash-${n}`,
    });
    return seeded.programme.id;
  }

  it("GIVEN old and new, referenced and unreferenced blobs and upload leftovers THEN only old unreferenced ones go, and a second sweep removes nothing more", async () => {
    const kept = await put("referenced");
    const orphan = await put("orphan");
    const fresh = await put("fresh orphan");
    await handedIn("sweep", [kept.storageKey]);
    await age(kept.storageKey, LONG_AGO);
    await age(orphan.storageKey, LONG_AGO);
    await writeFile(path.join(root, "tmp", "old.part"), "half");
    await utimes(path.join(root, "tmp", "old.part"), LONG_AGO, LONG_AGO);
    await writeFile(path.join(root, "tmp", "new.part"), "in flight");

    const swept = await blobs().sweepBlobs();
    expect(swept).toEqual({ scanned: 3, removed: 1, temporary: 1 });
    expect(await files().exists(orphan.storageKey)).toBe(false);
    expect(await files().exists(kept.storageKey)).toBe(true);
    expect(await files().exists(fresh.storageKey)).toBe(true);
    expect((await readdir(path.join(root, "tmp"))).sort()).toEqual(["new.part"]);

    expect(await blobs().sweepBlobs()).toEqual({ scanned: 2, removed: 0, temporary: 0 });
  });

  it("GIVEN an old orphan put again (the same content being submitted) THEN the sweep keeps it", async () => {
    const blob = await put("submitted twice");
    await age(blob.storageKey, LONG_AGO);
    const again = await put("submitted twice");
    expect(again.created).toBe(false);
    await blobs().sweepBlobs();
    expect(await files().exists(blob.storageKey)).toBe(true);
  });

  it("GIVEN a deleted programme THEN its files go at once, except one another programme's version also holds", async () => {
    const own = await put("only in the deleted programme");
    const shared = await put("in both programmes");
    const programmeId = await handedIn("deleted", [own.storageKey, shared.storageKey]);
    await handedIn("other", [shared.storageKey]);
    const startedAt = new Date();
    const keys = await createProgrammeStore(database.db).submittedBlobs(programmeId);
    expect(keys.sort()).toEqual([own.storageKey, shared.storageKey].sort());
    await createWorkspaceRepository(database.db).deleteProgramme(programmeId);

    expect(await blobs().releaseBlobs(keys, startedAt)).toBe(1);
    expect(await files().exists(own.storageKey)).toBe(false);
    expect(await files().exists(shared.storageKey)).toBe(true);
  });
});
