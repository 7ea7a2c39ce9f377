import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { ConstraintViolation } from "../../../src/db/errors.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../../../src/db/repositories/assignments.ts";
import { createLibraryRepository } from "../../../src/db/repositories/library.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { parseLibrary } from "../../../src/domain/library/parse.ts";
import type { LibraryEntry } from "../../../src/domain/library/types.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.cleanup();
});

function yamlLibrary(items: Array<{ id: string; brief?: string; level?: number }>): string {
  return items
    .map(
      (i) =>
        `- id: ${i.id}\n  title_ja: 課題 ${i.id}\n  brief: ${i.brief ?? "説明"}\n  level: ${i.level ?? 2}\n  estimated_hours: 10\n  skills: [typescript]\n`,
    )
    .join("");
}

function entries(content: string): readonly LibraryEntry[] {
  const parsed = parseLibrary([{ path: "lib.yaml", content }]);
  expect(parsed.issues).toEqual([]);
  return parsed.entries;
}

const actor = { actorUserId: "organiser", source: "test" };

describe("library import (repository)", () => {
  it("GIVEN a library imported twice unchanged THEN the second import is a no-op", async () => {
    const guild = "guild-idempotent";
    const library = createLibraryRepository(testDb.db);
    const lib = entries(yamlLibrary([{ id: "a" }, { id: "b" }]));
    expect(await library.importEntries(guild, lib, actor)).toEqual({
      created: ["a", "b"],
      updated: [],
      unchanged: [],
    });
    expect(await library.importEntries(guild, lib, actor)).toEqual({
      created: [],
      updated: [],
      unchanged: ["a", "b"],
    });
    const stored = await createAssignmentRepository(testDb.db).library(guild);
    expect(stored.map((a) => [a.key, a.latest.version])).toEqual([
      ["a", 1],
      ["b", 1],
    ]);
  });

  it("GIVEN an edited assignment THEN it becomes version 2 AND the intern keeps version 1", async () => {
    const guild = "guild-versions";
    const db = testDb.db;
    const library = createLibraryRepository(db);
    await library.importEntries(guild, entries(yamlLibrary([{ id: "t", brief: "old" }])), actor);
    const programme = await createProgrammeRepository(db).create({
      guildId: guild,
      name: "P",
      mode: "internship",
      startsAt: new Date("2026-01-05T00:00:00Z"),
      endsAt: new Date("2026-03-27T00:00:00Z"),
      createdByUserId: "organiser",
    });
    const intern = await createMemberRepository(db).join({
      programmeId: programme.id,
      discordUserId: "300000000000000001",
      roles: ["intern"],
    });
    const assignments = createAssignmentRepository(db);
    const original = await assignments.findByKey(guild, "t");
    const allocation = await createAllocationRepository(db).allocate({
      programmeId: programme.id,
      memberId: intern.id,
      assignmentId: original!.id,
      method: "manual",
    });

    const summary = await library.importEntries(
      guild,
      entries(yamlLibrary([{ id: "t", brief: "new" }])),
      actor,
    );
    expect(summary.updated).toEqual([{ key: "t", version: 2 }]);
    expect((await assignments.findByKey(guild, "t"))?.latest).toMatchObject({ version: 2, brief: "new" });
    const kept = await assignments.version(allocation.assignmentVersionId);
    expect(kept).toMatchObject({ version: 1, brief: "old" });
  });

  it("GIVEN a database failure late in a large import THEN nothing at all is imported", async () => {
    const guild = "guild-atomic";
    const many = entries(yamlLibrary(Array.from({ length: 450 }, (_, i) => ({ id: `k${i}` }))));
    // Bypassing the parser's duplicate check: the second chunk hits the unique key in the database.
    const broken = [...many, { ...many[0]! }];
    await expect(
      createLibraryRepository(testDb.db).importEntries(guild, broken, actor),
    ).rejects.toBeInstanceOf(ConstraintViolation);
    expect(await createAssignmentRepository(testDb.db).library(guild)).toEqual([]);
    expect(await testDb.db.auditLogEntry.count({ where: { guildId: guild } })).toBe(0);
  });

  it("GIVEN a successful import THEN one audit entry records the counts", async () => {
    const guild = "guild-audit";
    await createLibraryRepository(testDb.db).importEntries(guild, entries(yamlLibrary([{ id: "x" }])), actor);
    const rows = await testDb.db.auditLogEntry.findMany({ where: { guildId: guild } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      action: "library.import",
      data: { created: 1, updated: 0, unchanged: 0 },
    });
  });
});
