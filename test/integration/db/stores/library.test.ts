import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../../scripts/harness/db.ts";
import { createLibraryStore } from "../../../../src/db/stores/library.ts";
import { seedProgramme } from "../fixtures.ts";

/** The `/assignments` store against the real database: a write with its audit entry, races as outcomes. */
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.cleanup();
});

const AT = new Date("2026-04-02T09:00:00Z");

describe("the library store", () => {
  it("GIVEN a flag set THEN the flag and its audit entry are written together, at the given time", async () => {
    const { programme, assignmentIds } = await seedProgramme(testDb.db, { name: "flags", assignments: 1 });
    const store = createLibraryStore(testDb.db);
    const saved = await store.setFlags({
      guildId: programme.guildId,
      programmeId: programme.id,
      assignmentId: assignmentIds[0]!,
      flags: { excluded: true },
      actorUserId: "organiser",
      at: AT,
    });
    expect(saved).toMatchObject({ assignmentId: assignmentIds[0], excluded: true, reserved: false });
    expect(await store.programmeFlags(programme.id)).toMatchObject([{ excluded: true, reserved: false }]);
    const audit = await testDb.db.auditLogEntry.findMany({
      where: { programmeId: programme.id, action: "assignment.flags" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorUserId: "organiser",
      target: `assignment:${assignmentIds[0]}`,
      data: { excluded: true, reserved: false },
      at: AT,
    });
  });

  it("GIVEN a preview applied once THEN applying it again is the 'already applied' outcome AND nothing more is written", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "apply",
      interns: 1,
    });
    await testDb.db.member.update({ where: { id: interns[0]!.id }, data: { stage: "onboarded" } });
    const store = createLibraryStore(testDb.db);
    const state = await store.allocationState(programme.id);
    const versionId = state.assignments.find((a) => a.id === assignmentIds[0])!.versionId;
    const id = await store.savePreview({
      guildId: programme.guildId,
      programmeId: programme.id,
      actorUserId: "organiser",
      fingerprint: "f",
      pairs: [{ memberId: interns[0]!.id, assignmentId: assignmentIds[0]!, versionId }],
      view: {
        interns: 1,
        totalScore: 70,
        quality: null,
        pairs: [
          {
            discordUserId: interns[0]!.discordUserId,
            score: 70,
            reasons: [{ code: "skill_missing", vars: { skill: "Go" } }],
          },
        ],
        unallocated: [],
      },
      at: AT,
    });
    const preview = (await store.preview(id))!;
    expect(preview.view?.pairs[0]?.reasons).toEqual([{ code: "skill_missing", vars: { skill: "Go" } }]);
    const input = { guildId: programme.guildId, actorUserId: "organiser", at: AT };
    expect(await store.applyPreview(preview, input)).toBe("applied");
    expect(await store.applyPreview(preview, input)).toBe("already_applied");
    expect(await store.liveAllocations(programme.id)).toHaveLength(1);
    expect(await testDb.db.auditLogEntry.count({ where: { action: "allocation.apply" } })).toBe(1);
  });
});
