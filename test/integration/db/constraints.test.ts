import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { Constraints, ConstraintViolation, mapConstraintViolations } from "../../../src/db/errors.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { seedProgramme } from "./fixtures.ts";

let testDb: TestDatabase;
let seeded: Awaited<ReturnType<typeof seedProgramme>>;
let counter = 0;

/** Runs a write through the one error mapper and returns the ConstraintViolation it must raise. */
async function rejection(write: Promise<unknown> | (() => Promise<unknown>)): Promise<ConstraintViolation> {
  const error = await mapConstraintViolations(typeof write === "function" ? write : () => write).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConstraintViolation);
  return error as ConstraintViolation;
}

describe("constraints enforced by the database", () => {
  beforeEach(async () => {
    testDb ??= await createTestDatabase();
    seeded = await seedProgramme(testDb.db, { name: `cohort ${counter++}`, interns: 2, assignments: 2 });
  });
  afterAll(async () => {
    await testDb?.cleanup();
  });

  it("GIVEN an assignment allocated to one intern WHEN it is allocated to a second intern THEN the database refuses it", async () => {
    const allocations = createAllocationRepository(testDb.db);
    const [a, b] = seeded.interns;
    const [task] = seeded.assignmentIds;
    const programmeId = seeded.programme.id;
    await allocations.allocate({ programmeId, memberId: a!.id, assignmentId: task!, method: "batch" });

    const violation = await rejection(
      allocations.allocate({ programmeId, memberId: b!.id, assignmentId: task!, method: "manual" }),
    );
    expect(violation.constraint).toBe(Constraints.allocationOneLivePerAssignment);
    expect(violation.table).toBe("allocation");
    expect(violation.fields).toEqual(["programmeId", "assignmentId", "live"]);
  });

  it("GIVEN an intern with a live allocation WHEN given a second assignment THEN the database refuses it", async () => {
    const allocations = createAllocationRepository(testDb.db);
    const [a] = seeded.interns;
    const [first, second] = seeded.assignmentIds;
    const programmeId = seeded.programme.id;
    await allocations.allocate({ programmeId, memberId: a!.id, assignmentId: first!, method: "batch" });

    const violation = await rejection(
      allocations.allocate({ programmeId, memberId: a!.id, assignmentId: second!, method: "self_service" }),
    );
    expect(violation.constraint).toBe(Constraints.allocationOneLivePerMember);
  });

  it("GIVEN the constraint is bypassed (raw Prisma write) THEN the database still refuses it", async () => {
    const [a, b] = seeded.interns;
    const [task] = seeded.assignmentIds;
    const version = await testDb.db.assignmentVersion.findFirstOrThrow({ where: { assignmentId: task! } });
    const row = (memberId: string) => ({
      programmeId: seeded.programme.id,
      memberId,
      assignmentId: task!,
      assignmentVersionId: version.id,
      method: "manual" as const,
    });
    await testDb.db.allocation.create({ data: row(a!.id) });
    await expect(testDb.db.allocation.create({ data: row(b!.id) })).rejects.toMatchObject({ code: "P2002" });
  });

  it("GIVEN a released allocation THEN the assignment can be allocated again and the history keeps both", async () => {
    const allocations = createAllocationRepository(testDb.db);
    const [a, b] = seeded.interns;
    const [task] = seeded.assignmentIds;
    const programmeId = seeded.programme.id;
    const first = await allocations.allocate({
      programmeId,
      memberId: a!.id,
      assignmentId: task!,
      method: "batch",
    });
    const released = await allocations.release(first.id, "withdrawn", new Date("2026-02-01T00:00:00Z"));
    expect(released).toMatchObject({ active: false, releaseReason: "withdrawn" });
    expect(released?.releasedAt?.toISOString()).toBe("2026-02-01T00:00:00.000Z");

    const second = await allocations.allocate({
      programmeId,
      memberId: b!.id,
      assignmentId: task!,
      method: "manual",
    });
    // …and the first intern may be allocated again too: two released rows may coexist.
    const again = await allocations.allocate({
      programmeId,
      memberId: a!.id,
      assignmentId: seeded.assignmentIds[1]!,
      method: "manual",
    });
    await allocations.release(again.id, "released_by_organiser");
    await allocations.allocate({
      programmeId,
      memberId: a!.id,
      assignmentId: seeded.assignmentIds[1]!,
      method: "manual",
    });

    expect(second.active).toBe(true);
    expect((await allocations.history(a!.id)).map((x) => x.active)).toEqual([false, false, true]);
    expect((await allocations.live(programmeId)).map((x) => x.memberId).sort()).toEqual(
      [a!.id, b!.id].sort(),
    );
    expect(await allocations.release(first.id, "withdrawn")).toBeNull();
  });

  it("GIVEN a member of another programme WHEN allocated in this one THEN the composite foreign key refuses it", async () => {
    const other = await seedProgramme(testDb.db, { name: `other ${counter++}`, interns: 1, assignments: 0 });
    const allocations = createAllocationRepository(testDb.db);
    await expect(
      allocations.allocate({
        programmeId: seeded.programme.id,
        memberId: other.interns[0]!.id,
        assignmentId: seeded.assignmentIds[0]!,
        method: "manual",
      }),
    ).rejects.toThrow();
  });

  it("GIVEN a presentation session WHEN an intern gets two slots or two interns one position THEN the database refuses both", async () => {
    const [a, b] = seeded.interns;
    const session = await testDb.db.presentationSession.create({
      data: { programmeId: seeded.programme.id, title: "成果発表会", startsAt: new Date(), slotMinutes: 10 },
    });
    await testDb.db.presentationSlot.create({
      data: { sessionId: session.id, memberId: a!.id, order: 1, startsAt: new Date(), minutes: 10 },
    });

    const sameMember = await rejection(() =>
      testDb.db.presentationSlot.create({
        data: { sessionId: session.id, memberId: a!.id, order: 2, startsAt: new Date(), minutes: 10 },
      }),
    );
    expect(sameMember.constraint).toBe(Constraints.presentationSlotMember);
    const sameOrder = await rejection(() =>
      testDb.db.presentationSlot.create({
        data: { sessionId: session.id, memberId: b!.id, order: 1, startsAt: new Date(), minutes: 10 },
      }),
    );
    expect(sameOrder.constraint).toBe(Constraints.presentationSlotOrder);
  });

  it("GIVEN a competency score WHEN the same element is scored again for the same phase and assessor THEN the database refuses it", async () => {
    const [a] = seeded.interns;
    const score = {
      memberId: a!.id,
      phase: "before",
      assessor: "self",
      element: "initiative",
      score: 3,
    } as const;
    await testDb.db.competencyScore.create({ data: score });
    await testDb.db.competencyScore.create({ data: { ...score, assessor: "mentor" } });
    await testDb.db.competencyScore.create({ data: { ...score, phase: "after" } });

    const violation = await rejection(() =>
      testDb.db.competencyScore.create({ data: { ...score, score: 4 } }),
    );
    expect(violation.constraint).toBe(Constraints.competencyScore);
  });

  it("GIVEN an open check-in WHEN a second one opens THEN refused; once ended THEN a new one may open", async () => {
    const [a] = seeded.interns;
    const first = await testDb.db.checkInSession.create({ data: { memberId: a!.id } });
    const violation = await rejection(() => testDb.db.checkInSession.create({ data: { memberId: a!.id } }));
    expect(violation.constraint).toBe(Constraints.checkInOnePerMember);
    await testDb.db.checkInSession.update({
      where: { id: first.id },
      data: { open: null, endedAt: new Date() },
    });
    await testDb.db.checkInSession.create({ data: { memberId: a!.id } });
  });

  it("GIVEN a daily report for a day WHEN a second one is written for that day THEN refused", async () => {
    const [a] = seeded.interns;
    await testDb.db.dailyReport.create({ data: { memberId: a!.id, localDate: "2026-01-06", text: "進捗" } });
    const violation = await rejection(() =>
      testDb.db.dailyReport.create({ data: { memberId: a!.id, localDate: "2026-01-06", text: "again" } }),
    );
    expect(violation.constraint).toBe(Constraints.dailyReportPerDay);
  });

  it("GIVEN preferences WHEN an intern ranks the same assignment twice THEN refused and the old wishes are kept", async () => {
    const allocations = createAllocationRepository(testDb.db);
    const [a] = seeded.interns;
    const [x, y] = seeded.assignmentIds;
    await allocations.setPreferences(a!.id, [x!, y!]);
    const violation = await rejection(allocations.setPreferences(a!.id, [y!, y!]));
    expect(violation.constraint).toBe(Constraints.preferenceAssignment);
    expect(await allocations.preferences(a!.id)).toEqual([x, y]);
  });
});
