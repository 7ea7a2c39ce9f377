import { describe, expect, it } from "vitest";
import { generateInstance, seededRandom } from "../../../../scripts/harness/synthetic.ts";
import { allocateAssignments } from "../../../../src/domain/allocation/batch.ts";
import { indexHistory, previouslyHad } from "../../../../src/domain/allocation/eligibility.ts";
import { exactAllocation } from "../../../../src/domain/allocation/exact.ts";
import type { AllocationInput, AllocationResult } from "../../../../src/domain/allocation/result.ts";
import { remainingWeeks, scoreFit } from "../../../../src/domain/allocation/score.ts";
import { assignment, intern, programme } from "./fixtures.ts";

/** Checks every fairness rule and returns nothing; fails the test on the first breach. */
function expectFair(input: AllocationInput, result: AllocationResult): void {
  const byId = new Map(input.assignments.map((a) => [a.id, a]));
  const interns = new Map(input.interns.map((i) => [i.id, i]));
  const history = indexHistory(input.history);
  const taken = new Set((input.existing ?? []).map((e) => e.assignmentId));
  const alreadyAllocated = new Set((input.existing ?? []).map((e) => e.internId));
  for (const pair of result.pairs) {
    const given = byId.get(pair.assignmentId)!;
    const who = interns.get(pair.internId)!;
    expect(given.status).toBe("retired");
    expect(given.excluded).not.toBe(true);
    expect(given.reserved).not.toBe(true);
    expect(taken.has(given.id)).toBe(false);
    expect(previouslyHad(history, who.discordUserId).has(given.id)).toBe(false);
    expect(alreadyAllocated.has(who.id)).toBe(false);
  }
  const assignmentIds = result.pairs.map((p) => p.assignmentId);
  expect(new Set(assignmentIds).size).toBe(assignmentIds.length);
  const internIds = [...result.pairs.map((p) => p.internId), ...result.unallocated.map((u) => u.internId)];
  expect(new Set(internIds).size).toBe(internIds.length);
  expect(internIds.length).toBe(input.interns.length - alreadyAllocated.size);
  expect(result.totalScore).toBe(result.pairs.reduce((sum, p) => sum + p.score, 0));
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let k = copy.length - 1; k > 0; k -= 1) {
    const j = Math.floor(random() * (k + 1));
    [copy[k], copy[j]] = [copy[j]!, copy[k]!];
  }
  return copy;
}

describe("allocateAssignments", () => {
  it("GIVEN a seeded programme with live, excluded, reserved and previously had tasks THEN every fairness rule holds", () => {
    for (const seed of [1, 2, 3]) {
      const input = generateInstance({
        seed,
        interns: 300,
        assignments: 330,
        activeShare: 0.1,
        excludedShare: 0.05,
        reservedShare: 0.05,
        returningShare: 0.5,
      });
      const result = allocateAssignments(input);
      expectFair(input, result);
      expect(result.pairs.length).toBeGreaterThan(250);
    }
  });

  it("GIVEN each pair THEN its score, breakdown and reasons are scoreFit's", () => {
    const input = generateInstance({ seed: 4, interns: 80, assignments: 100 });
    const weeks = remainingWeeks(input.programme);
    const interns = new Map(input.interns.map((i) => [i.id, i]));
    const assignments = new Map(input.assignments.map((a) => [a.id, a]));
    for (const pair of allocateAssignments(input).pairs) {
      const fit = scoreFit(interns.get(pair.internId)!, assignments.get(pair.assignmentId)!, { weeks });
      expect({ score: pair.score, breakdown: pair.breakdown, reasons: pair.reasons }).toEqual({
        score: fit.total,
        breakdown: fit.breakdown,
        reasons: fit.reasons,
      });
    }
  });

  it("GIVEN the only task needs skills the intern lacks THEN they still get it, with the missing skills as reasons", () => {
    const result = allocateAssignments({
      interns: [intern({ id: "i1", skills: [{ name: "Figma", level: 2 }] })],
      assignments: [assignment({ id: "a1", skills: ["Go", "SQL"], level: 2 })],
      history: [],
      programme,
    });
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]!.breakdown.skills).toBe(0);
    expect(result.pairs[0]!.reasons).toContainEqual({ code: "skill_missing", vars: { skill: "Go" } });
  });

  it("GIVEN two identical interns and two identical tasks THEN each gets the one they wished for", () => {
    const result = allocateAssignments({
      interns: [intern({ id: "i1", preferences: ["a2"] }), intern({ id: "i2", preferences: ["a1"] })],
      assignments: [assignment({ id: "a1" }), assignment({ id: "a2" })],
      history: [],
      programme,
    });
    expect(result.pairs.map((p) => [p.internId, p.assignmentId, p.breakdown.preference])).toEqual([
      ["i1", "a2", 10],
      ["i2", "a1", 10],
    ]);
  });

  it("GIVEN a seeded programme THEN stating preferences gets more wishes granted than keeping them secret", () => {
    const input = generateInstance({ seed: 6, interns: 200, assignments: 240 });
    const wishes = new Map(input.interns.map((i) => [i.id, new Set(i.preferences)]));
    const granted = (result: AllocationResult): number =>
      result.pairs.filter((p) => wishes.get(p.internId)?.has(p.assignmentId)).length;
    const stated = allocateAssignments(input);
    const secret = allocateAssignments({
      ...input,
      interns: input.interns.map((i) => ({ ...i, preferences: [] })),
    });
    expect(granted(stated)).toBeGreaterThan(2 * granted(secret));
  });

  it("GIVEN several seeded 200 × 240 programmes THEN the batch reaches at least 99 % of the exact optimum", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const input = generateInstance({ seed, interns: 200, assignments: 240 });
      const batch = allocateAssignments(input);
      const optimum = exactAllocation(input);
      expect(batch.pairs.length).toBe(optimum.pairs.length);
      expect(batch.totalScore / optimum.totalScore).toBeGreaterThanOrEqual(0.99);
    }
  });

  it("GIVEN a task whose best taker would leave another intern without one THEN everyone is placed", () => {
    const result = allocateAssignments({
      interns: [
        intern({ id: "i1", skills: [{ name: "Go", level: 3 }] }),
        intern({ id: "i2", discordUserId: "u2", skills: [{ name: "Go", level: 3 }] }),
      ],
      assignments: [
        assignment({ id: "a1", skills: ["Go"] }),
        assignment({ id: "a2", skills: ["Figma"], level: 5 }),
      ],
      // i2 had a2 before, so only a1 is left for them.
      history: [{ discordUserId: "u2", assignmentId: "a2" }],
      programme,
    });
    expect(result.pairs.map((p) => [p.internId, p.assignmentId])).toEqual([
      ["i1", "a2"],
      ["i2", "a1"],
    ]);
  });

  it("GIVEN the same input twice, or in another order THEN the result is identical", () => {
    const input = generateInstance({ seed: 9, interns: 150, assignments: 170 });
    const first = allocateAssignments(input);
    expect(allocateAssignments(input)).toEqual(first);
    const reordered = {
      ...input,
      interns: shuffled(input.interns, 1),
      assignments: shuffled(input.assignments, 2),
      history: shuffled(input.history, 3),
    };
    expect(allocateAssignments(reordered)).toEqual(first);
  });

  it("GIVEN no interns and no assignments THEN the result is empty", () => {
    expect(allocateAssignments({ interns: [], assignments: [], history: [], programme })).toEqual({
      pairs: [],
      unallocated: [],
      totalScore: 0,
    });
  });

  it("GIVEN no assignment at all THEN every intern is unallocated for lack of an eligible one", () => {
    const result = allocateAssignments({
      interns: [intern({ id: "i1" }), intern({ id: "i2" })],
      assignments: [assignment({ id: "a1", status: "active_in_recruitment" })],
      history: [],
      programme,
    });
    expect(result.pairs).toEqual([]);
    expect(result.unallocated).toEqual([
      { internId: "i1", reason: "no_eligible_assignment" },
      { internId: "i2", reason: "no_eligible_assignment" },
    ]);
  });

  it("GIVEN more interns than assignments THEN the rest are unallocated because the tasks ran out", () => {
    const input = generateInstance({ seed: 12, interns: 60, assignments: 40, activeShare: 0 });
    const result = allocateAssignments(input);
    expectFair(input, result);
    const open = input.assignments.filter((a) => !a.excluded && !a.reserved).length;
    expect(result.pairs.length).toBe(open);
    expect(result.unallocated.length).toBe(60 - open);
    for (const { reason } of result.unallocated) expect(reason).toBe("assignments_exhausted");
    expect(result.totalScore / exactAllocation(input).totalScore).toBeGreaterThanOrEqual(0.99);
  });

  it("GIVEN allocations already made in the programme THEN those interns and tasks are left alone", () => {
    const input = generateInstance({ seed: 13, interns: 50, assignments: 60 });
    const existing = [
      { internId: input.interns[0]!.id, assignmentId: input.assignments[0]!.id },
      { internId: input.interns[1]!.id, assignmentId: input.assignments[1]!.id },
    ];
    const result = allocateAssignments({ ...input, existing });
    expectFair({ ...input, existing }, result);
    expect(result.pairs.some((p) => p.internId === input.interns[0]!.id)).toBe(false);
  });

  it("GIVEN an intern who had every open task before THEN they are unallocated for lack of an eligible one", () => {
    const result = allocateAssignments({
      interns: [intern({ id: "i1", discordUserId: "u1" }), intern({ id: "i2", discordUserId: "u2" })],
      assignments: [assignment({ id: "a1" }), assignment({ id: "a2", reserved: true })],
      history: [{ discordUserId: "u1", assignmentId: "a1" }],
      programme,
    });
    expect(result.pairs.map((p) => p.internId)).toEqual(["i2"]);
    expect(result.unallocated).toEqual([{ internId: "i1", reason: "no_eligible_assignment" }]);
  });

  it("GIVEN a duplicate id THEN it refuses rather than guess", () => {
    expect(() =>
      allocateAssignments({
        interns: [intern({ id: "i1" }), intern({ id: "i1" })],
        assignments: [assignment({ id: "a1" })],
        history: [],
        programme,
      }),
    ).toThrow(/duplicate/);
  });
});
