import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../scripts/harness/synthetic.ts";
import { allocateAssignments, solveBatch } from "../../../../src/domain/allocation/batch.ts";
import {
  allocationQuality,
  canSolveExactly,
  EXACT_CELL_LIMIT,
  exactAllocation,
  FORBIDDEN,
  maximumWeightAssignment,
  optimumUpperBound,
} from "../../../../src/domain/allocation/exact.ts";
import { prepareAllocation } from "../../../../src/domain/allocation/result.ts";
import { bruteForce, randomWeights } from "./brute-force.ts";

describe("maximumWeightAssignment", () => {
  it("GIVEN tiny random matrices (square, wide, tall, with forbidden cells) THEN it matches brute force", () => {
    const shapes = [
      [3, 3],
      [4, 6],
      [6, 4],
      [5, 5],
      [1, 4],
      [4, 1],
    ] as const;
    let seed = 1;
    for (const [rows, cols] of shapes) {
      for (const forbiddenShare of [0, 0.3, 0.7]) {
        for (let trial = 0; trial < 8; trial += 1) {
          const weights = randomWeights(seed, rows, cols, forbiddenShare);
          seed += 1;
          const solved = maximumWeightAssignment(weights);
          const expected = bruteForce(weights);
          expect({ matched: solved.pairs.length, total: solved.total }).toEqual(expected);
          const used = solved.pairs.map(([, col]) => col);
          expect(new Set(used).size).toBe(used.length);
          for (const [row, col] of solved.pairs) expect(weights[row]![col]).not.toBe(FORBIDDEN);
        }
      }
    }
  });

  it("GIVEN a high-weight pair that would leave another row unmatched THEN more pairs win over more weight", () => {
    // Row 0 alone would take column 0 (100), but then row 1 (which can only use column 0) gets nothing.
    const solved = maximumWeightAssignment([
      [100, 1],
      [50, FORBIDDEN],
    ]);
    expect(solved.pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(solved.total).toBe(51);
  });

  it("GIVEN an empty matrix THEN nothing is matched", () => {
    expect(maximumWeightAssignment([])).toEqual({ pairs: [], total: 0 });
  });

  it("GIVEN a negative or infinite weight THEN it refuses", () => {
    expect(() => maximumWeightAssignment([[-1]])).toThrow();
    expect(() => maximumWeightAssignment([[Number.POSITIVE_INFINITY]])).toThrow();
  });
});

describe("exactAllocation", () => {
  it("GIVEN a 1,000 × 1,200 instance THEN it solves within seconds", () => {
    const instance = generateInstance({ seed: 5, interns: 1000, assignments: 1200 });
    const started = performance.now();
    const optimum = exactAllocation(instance);
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(optimum.pairs.length).toBe(1000);
  });

  it("GIVEN an instance past the cell limit THEN it says so instead of trying", () => {
    const interns = Array.from({ length: 2001 }, (_, k) => ({
      id: `i${k}`,
      discordUserId: `u${k}`,
      skills: [],
      interests: [],
      hoursPerWeek: 10,
      preferences: [],
    }));
    const assignments = Array.from({ length: Math.ceil(EXACT_CELL_LIMIT / 2000) }, (_, k) => ({
      id: `a${k}`,
      status: "retired" as const,
      level: 1,
      skills: [],
      estimatedHours: 10,
    }));
    const input = {
      interns,
      assignments,
      history: [],
      programme: { startsAt: new Date(0), endsAt: new Date(7 * 86_400_000) },
    };
    expect(canSolveExactly(input)).toBe(false);
    expect(() => exactAllocation(input)).toThrow();
    expect(allocationQuality(input, { pairs: [], unallocated: [], totalScore: 0 })).toBeUndefined();
  });

  it("GIVEN a batch result THEN the quality report compares it with the optimum", () => {
    const instance = generateInstance({ seed: 8, interns: 120, assignments: 150 });
    const batch = allocateAssignments(instance);
    const quality = allocationQuality(instance, batch);
    expect(quality).toBeDefined();
    expect(quality!.optimumScore).toBeGreaterThanOrEqual(batch.totalScore);
    expect(quality!.ratio).toBeCloseTo(batch.totalScore / quality!.optimumScore, 10);
    expect(quality!.optimumAllocated).toBe(batch.pairs.length);
  });
});

describe("optimumUpperBound", () => {
  it("GIVEN the batch's dual prices THEN the bound is at least the exact optimum, and close to it", () => {
    for (const seed of [1, 2, 3]) {
      const input = generateInstance({ seed, interns: 150, assignments: 180 });
      const prepared = prepareAllocation(input);
      const { prices } = solveBatch(prepared.instance);
      for (const price of prices) expect(price).toBeGreaterThanOrEqual(0);
      const bound = optimumUpperBound(prepared.instance, prices);
      const optimum = exactAllocation(input).totalScore;
      expect(bound).toBeGreaterThanOrEqual(optimum);
      expect(optimum / bound).toBeGreaterThan(0.97);
    }
  });

  it("GIVEN zero prices THEN the bound is every intern's best score added up", () => {
    const input = generateInstance({ seed: 4, interns: 30, assignments: 40 });
    const prepared = prepareAllocation(input);
    const bound = optimumUpperBound(
      prepared.instance,
      new Float64Array(prepared.instance.assignments.length),
    );
    expect(bound).toBeGreaterThanOrEqual(exactAllocation(input).totalScore);
  });
});
