import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { Constraints, ConstraintViolation } from "../../../src/db/errors.ts";
import {
  createAllocationRunRepository,
  PreviewAlreadyApplied,
} from "../../../src/db/repositories/allocation-runs.ts";
import { createAllocationRepository, SwapRefused } from "../../../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../../../src/db/repositories/assignments.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { content, GUILD, seedProgramme } from "../db/fixtures.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe("claims, previews and releases against the real database", () => {
  it("GIVEN two interns claiming the same assignment at the same instant THEN exactly one wins AND the other gets the constraint", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "race",
      interns: 2,
      assignments: 1,
    });
    const runs = createAllocationRunRepository(testDb.db);
    const results = await Promise.allSettled(
      interns.map((intern) =>
        runs.claim({
          programmeId: programme.id,
          memberId: intern.id,
          assignmentId: assignmentIds[0]!,
          actorUserId: intern.discordUserId,
        }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const reason = (lost[0] as PromiseRejectedResult).reason;
    expect(reason).toBeInstanceOf(ConstraintViolation);
    expect((reason as ConstraintViolation).constraint).toBe(Constraints.allocationOneLivePerAssignment);
    expect(await createAllocationRepository(testDb.db).live(programme.id)).toHaveLength(1);
  });

  it("GIVEN 20 interns racing for 5 assignments THEN 5 claims win, no assignment is doubled AND losers changed nothing", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "crowd",
      interns: 20,
      assignments: 5,
    });
    const runs = createAllocationRunRepository(testDb.db);
    const results = await Promise.allSettled(
      interns.map((intern, i) =>
        runs.claim({
          programmeId: programme.id,
          memberId: intern.id,
          assignmentId: assignmentIds[i % 5]!,
          actorUserId: intern.discordUserId,
        }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    const live = await createAllocationRepository(testDb.db).live(programme.id);
    expect(new Set(live.map((a) => a.assignmentId)).size).toBe(5);
    const working = await testDb.db.member.count({ where: { programmeId: programme.id, stage: "working" } });
    expect(working).toBe(5);
  });

  it("GIVEN a claim AND a release THEN the history keeps both AND the assignment can be claimed again", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "release",
      interns: 2,
      assignments: 1,
    });
    const runs = createAllocationRunRepository(testDb.db);
    const [first, second] = interns;
    await runs.claim({
      programmeId: programme.id,
      memberId: first!.id,
      assignmentId: assignmentIds[0]!,
      actorUserId: "x",
    });
    const released = await runs.release({
      guildId: programme.guildId,
      programmeId: programme.id,
      memberId: first!.id,
      reason: "released_by_organiser",
      stage: "onboarded",
      actorUserId: "organiser",
    });
    expect(released).toMatchObject({ active: false, releaseReason: "released_by_organiser" });
    await runs.claim({
      programmeId: programme.id,
      memberId: second!.id,
      assignmentId: assignmentIds[0]!,
      actorUserId: "y",
    });
    expect(await createAllocationRepository(testDb.db).history(first!.id)).toHaveLength(1);
    const usage = (await runs.usage(assignmentIds[0]!)).filter((u) => u.programmeName === "release");
    expect(usage.map((u) => u.releaseReason)).toEqual([null, "released_by_organiser"]);
    const transitions = await createMemberRepository(testDb.db).stageHistory(first!.id);
    expect(transitions.map((s) => s.to)).toEqual(["applied", "working", "onboarded"]);
  });

  it("GIVEN a saved preview applied twice concurrently THEN it is applied once", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "preview",
      interns: 2,
      assignments: 2,
    });
    const members = createMemberRepository(testDb.db);
    for (const intern of interns) await members.moveStage(intern.id, "onboarded", { actorUserId: null });
    const runs = createAllocationRunRepository(testDb.db);
    const state = await runs.state(programme.id);
    const versions = new Map(state.assignments.map((a) => [a.id, a.versionId]));
    const id = await runs.savePreview({
      guildId: programme.guildId,
      programmeId: programme.id,
      actorUserId: "organiser",
      fingerprint: "f",
      pairs: interns.map((intern, i) => ({
        memberId: intern.id,
        assignmentId: assignmentIds[i]!,
        versionId: versions.get(assignmentIds[i]!)!,
      })),
    });
    const preview = (await runs.preview(id))!;
    const results = await Promise.allSettled([
      runs.applyPreview(preview, { guildId: programme.guildId, actorUserId: "organiser" }),
      runs.applyPreview(preview, { guildId: programme.guildId, actorUserId: "organiser" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const failure = (results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason;
    expect(failure instanceof ConstraintViolation || failure instanceof PreviewAlreadyApplied).toBe(true);
    expect(await createAllocationRepository(testDb.db).live(programme.id)).toHaveLength(2);
    expect((await runs.preview(id))?.applied).toBe(true);
  });
});

describe("the one swap, settled inside the transaction", () => {
  it("GIVEN an intern firing two swaps at the same instant THEN exactly one happens AND the other is refused as 'already swapped'", async () => {
    // Several interns, each racing their own two swaps, so both interleavings get a chance.
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "double-swap",
      interns: 4,
      assignments: 12,
    });
    const allocations = createAllocationRepository(testDb.db);
    const runs = createAllocationRunRepository(testDb.db);
    for (const [i, intern] of interns.entries()) {
      await allocations.allocate({
        programmeId: programme.id,
        memberId: intern.id,
        assignmentId: assignmentIds[i * 3]!,
        method: "self_service",
      });
    }
    const results = await Promise.all(
      interns.map((intern, i) =>
        Promise.allSettled(
          [1, 2].map((offset) =>
            runs.swap({
              programmeId: programme.id,
              memberId: intern.id,
              assignmentId: assignmentIds[i * 3 + offset]!,
              actorUserId: intern.discordUserId,
            }),
          ),
        ),
      ),
    );
    for (const [i, intern] of interns.entries()) {
      const settled = results[i]!;
      const won = settled.filter((r) => r.status === "fulfilled");
      const lost = settled.filter((r) => r.status === "rejected");
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      const reason = (lost[0] as PromiseRejectedResult).reason;
      expect(reason).toBeInstanceOf(SwapRefused);
      expect((reason as SwapRefused).reason).toBe("already_swapped");

      const history = await allocations.history(intern.id);
      expect(history.filter((a) => a.method === "swap")).toHaveLength(1);
      expect(history).toHaveLength(2);
      expect(history.filter((a) => a.active)).toHaveLength(1);
      const winner = (won[0] as PromiseFulfilledResult<{ allocated: { assignmentId: string } }>).value;
      expect((await allocations.liveForMember(programme.id, intern.id))?.assignmentId).toBe(
        winner.allocated.assignmentId,
      );
    }
  });

  it("GIVEN an intern who already swapped THEN a later swap is refused AND changes nothing", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "swap-twice",
      interns: 1,
      assignments: 3,
    });
    const intern = interns[0]!;
    const allocations = createAllocationRepository(testDb.db);
    await allocations.allocate({
      programmeId: programme.id,
      memberId: intern.id,
      assignmentId: assignmentIds[0]!,
      method: "batch",
    });
    await allocations.swap({
      programmeId: programme.id,
      memberId: intern.id,
      assignmentId: assignmentIds[1]!,
    });
    const refused = await allocations
      .swap({ programmeId: programme.id, memberId: intern.id, assignmentId: assignmentIds[2]! })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SwapRefused);
    expect((refused as SwapRefused).reason).toBe("already_swapped");
    expect((await allocations.history(intern.id)).map((a) => [a.assignmentId, a.active])).toEqual([
      [assignmentIds[0], false],
      [assignmentIds[1], true],
    ]);
  });

  it("GIVEN a swap from an allocation that is no longer the live one THEN it is refused AND changes nothing", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "swap-stale",
      interns: 1,
      assignments: 3,
    });
    const intern = interns[0]!;
    const allocations = createAllocationRepository(testDb.db);
    const first = await allocations.allocate({
      programmeId: programme.id,
      memberId: intern.id,
      assignmentId: assignmentIds[0]!,
      method: "batch",
    });
    await allocations.release(first.id, "released_by_organiser");
    await allocations.allocate({
      programmeId: programme.id,
      memberId: intern.id,
      assignmentId: assignmentIds[1]!,
      method: "manual",
    });
    const refused = await allocations
      .swap({
        programmeId: programme.id,
        memberId: intern.id,
        assignmentId: assignmentIds[2]!,
        fromAllocationId: first.id,
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SwapRefused);
    expect((refused as SwapRefused).reason).toBe("allocation_changed");
    expect((await allocations.liveForMember(programme.id, intern.id))?.assignmentId).toBe(assignmentIds[1]);
  });
});

describe("what a claim or swap click checks and writes", () => {
  /** A programme of the fixtures' guild with interns of their own Discord users and fresh assignments. */
  async function cohort(name: string, discordUserIds: readonly string[], keys: readonly string[]) {
    const { programme } = await seedProgramme(testDb.db, { name, interns: 0, assignments: 0 });
    const members = createMemberRepository(testDb.db);
    const interns = [];
    for (const discordUserId of discordUserIds) {
      interns.push(await members.join({ programmeId: programme.id, discordUserId, roles: ["intern"] }));
    }
    const library = createAssignmentRepository(testDb.db);
    const assignments = [];
    for (const key of keys) assignments.push(await library.importVersion(GUILD, key, content(key)));
    return { programme, interns, assignments };
  }

  it("GIVEN assignments in every situation THEN claimability tells open, taken, the caller's own, excluded, reserved AND had before, writing nothing", async () => {
    const keys = ["check-free", "check-taken", "check-excluded", "check-reserved", "check-earlier"];
    const before = await cohort("claimability-earlier", ["400000000000000001"], keys);
    await createAllocationRepository(testDb.db).allocate({
      programmeId: before.programme.id,
      memberId: before.interns[0]!.id,
      assignmentId: before.assignments[4]!.assignment.id,
      method: "batch",
    });
    const { programme, interns, assignments } = await cohort(
      "claimability",
      ["400000000000000001", "400000000000000002"],
      keys,
    );
    const [free, taken, excluded, reserved, earlier] = assignments.map((a) => a.assignment.id);
    const [asker, holder] = interns;
    const runs = createAllocationRunRepository(testDb.db);
    await runs.claim({
      programmeId: programme.id,
      memberId: holder!.id,
      assignmentId: taken!,
      actorUserId: holder!.discordUserId,
    });
    const flags = createAssignmentRepository(testDb.db);
    await flags.setProgrammeFlags(programme.id, excluded!, { excluded: true });
    await flags.setProgrammeFlags(programme.id, reserved!, { reserved: true });

    const ask = (intern: typeof asker, assignmentId: string, swapping = false) =>
      runs.claimability({
        programmeId: programme.id,
        memberId: intern!.id,
        discordUserId: intern!.discordUserId,
        assignmentId,
        swapping,
      });
    const allocationsBefore = await testDb.db.allocation.count();
    expect(await ask(asker, free!)).toBe("open");
    expect(await ask(asker, taken!)).toBe("taken");
    expect(await ask(asker, excluded!)).toBe("closed");
    expect(await ask(asker, reserved!)).toBe("closed");
    // The asker's Discord user had it in the earlier programme; the holder's never did.
    expect(await ask(asker, earlier!)).toBe("closed");
    expect(await ask(holder, earlier!)).toBe("caller_has_one");
    expect(await ask(holder, earlier!, true)).toBe("open");
    expect(await ask(holder, taken!, true)).toBe("taken");
    expect(await testDb.db.allocation.count()).toBe(allocationsBefore);
  });

  it("GIVEN a claim of the version the intern was shown THEN that version is pinned even though a newer one exists", async () => {
    const { programme, interns, assignments } = await cohort(
      "claim-version",
      ["400000000000000003"],
      ["pinned"],
    );
    const shown = assignments[0]!;
    const newer = await createAssignmentRepository(testDb.db).importVersion(
      GUILD,
      "pinned",
      content("pinned", { brief: "A newer brief." }),
    );
    expect(newer.version.id).not.toBe(shown.version.id);
    const allocation = await createAllocationRunRepository(testDb.db).claim({
      programmeId: programme.id,
      memberId: interns[0]!.id,
      assignmentId: shown.assignment.id,
      assignmentVersionId: shown.version.id,
      actorUserId: interns[0]!.discordUserId,
    });
    expect(allocation.assignmentVersionId).toBe(shown.version.id);
    const member = await testDb.db.member.findUniqueOrThrow({ where: { id: interns[0]!.id } });
    expect(member.stage).toBe("working");
  });

  it("GIVEN swap options computed from an allocation THEN the allocation runs swap from it, AND refuse (changing nothing) once it is no longer the live one", async () => {
    const { programme, interns, assignments } = await cohort(
      "swap-from",
      ["400000000000000004", "400000000000000005"],
      ["from-a", "from-b", "from-c", "from-d"],
    );
    const [a, b, c, d] = assignments.map((x) => x.assignment.id);
    const [stays, moved] = interns;
    const allocations = createAllocationRepository(testDb.db);
    const runs = createAllocationRunRepository(testDb.db);

    // Offered from their live allocation: the swap goes through.
    const first = await allocations.allocate({
      programmeId: programme.id,
      memberId: stays!.id,
      assignmentId: a!,
      method: "batch",
    });
    const { released, allocated } = await runs.swap({
      programmeId: programme.id,
      memberId: stays!.id,
      assignmentId: b!,
      fromAllocationId: first.id,
      actorUserId: stays!.discordUserId,
    });
    expect(released).toMatchObject({ id: first.id, releaseReason: "swapped" });
    expect(allocated).toMatchObject({ assignmentId: b, method: "swap", active: true });

    // Offered from an allocation an organiser has since replaced: refused, nothing changes.
    const offeredFrom = await allocations.allocate({
      programmeId: programme.id,
      memberId: moved!.id,
      assignmentId: c!,
      method: "self_service",
    });
    await allocations.release(offeredFrom.id, "released_by_organiser");
    const replacement = await allocations.allocate({
      programmeId: programme.id,
      memberId: moved!.id,
      assignmentId: a!,
      method: "batch",
    });
    const refused = await runs
      .swap({
        programmeId: programme.id,
        memberId: moved!.id,
        assignmentId: d!,
        fromAllocationId: offeredFrom.id,
        actorUserId: moved!.discordUserId,
      })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SwapRefused);
    expect((refused as SwapRefused).reason).toBe("allocation_changed");
    expect((await allocations.liveForMember(programme.id, moved!.id))?.id).toBe(replacement.id);
    expect((await allocations.history(moved!.id)).filter((x) => x.method === "swap")).toHaveLength(0);
    expect(await testDb.db.allocation.count({ where: { assignmentId: d } })).toBe(0);
  });
});
