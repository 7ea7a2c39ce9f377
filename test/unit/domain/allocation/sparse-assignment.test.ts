import { describe, expect, it } from "vitest";
import { SparseAssignment } from "../../../../src/domain/allocation/sparse-assignment.ts";
import { bruteForce, randomWeights } from "./brute-force.ts";

const MAX = 100;

/** Solves a weight matrix (FORBIDDEN = no edge) with the sparse solver; weights become costs. */
function solve(
  weights: readonly (readonly number[])[],
  reduceFirst: boolean,
): { matched: number; total: number } {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  const solver = new SparseAssignment(rows, cols, MAX);
  weights.forEach((row, r) => {
    const edgeCols: number[] = [];
    const costs: number[] = [];
    row.forEach((w, c) => {
      if (w === Number.NEGATIVE_INFINITY) return;
      edgeCols.push(c);
      costs.push(MAX - w);
    });
    solver.setRowEdges(r, edgeCols, costs);
  });
  if (reduceFirst) solver.reduceRows();
  for (let r = 0; r < rows; r += 1) if (solver.rowCol[r] === -1) solver.assignRow(r);
  let matched = 0;
  let total = 0;
  const seen = new Set<number>();
  for (let r = 0; r < rows; r += 1) {
    if (!solver.isMatched(r)) continue;
    const col = solver.rowCol[r]!;
    expect(seen.has(col)).toBe(false);
    seen.add(col);
    expect(weights[r]![col]).not.toBe(Number.NEGATIVE_INFINITY);
    matched += 1;
    total += weights[r]![col]!;
  }
  return { matched, total };
}

describe("SparseAssignment", () => {
  it("GIVEN small random sparse graphs THEN it finds brute force's optimum, with or without row reduction", () => {
    let seed = 100;
    for (const [rows, cols] of [
      [4, 4],
      [5, 7],
      [6, 4],
      [6, 6],
    ] as const) {
      for (const forbiddenShare of [0.2, 0.5, 0.8]) {
        for (let trial = 0; trial < 10; trial += 1) {
          const weights = randomWeights(seed, rows, cols, forbiddenShare);
          seed += 1;
          const expected = bruteForce(weights);
          expect(solve(weights, false)).toEqual(expected);
          expect(solve(weights, true)).toEqual(expected);
        }
      }
    }
  });

  it("GIVEN many rows wanting the same few columns with equal scores THEN it still ends optimal", () => {
    const weights = Array.from({ length: 7 }, (_, r) =>
      Array.from({ length: 8 }, (_, c) => (c < 3 ? 90 : c === r ? 40 : Number.NEGATIVE_INFINITY)),
    );
    expect(solve(weights, true)).toEqual(bruteForce(weights));
  });

  it("GIVEN a row parked on its dummy THEN it can be given new edges and placed", () => {
    const solver = new SparseAssignment(2, 2, MAX);
    solver.setRowEdges(0, [0], [0]);
    solver.setRowEdges(1, [0], [10]);
    solver.assignRow(0);
    solver.assignRow(1);
    expect(solver.isMatched(0)).toBe(true);
    expect(solver.isMatched(1)).toBe(false);
    solver.release(1);
    solver.setRowEdges(1, [0, 1], [10, 20]);
    solver.assignRow(1);
    expect([solver.rowCol[0], solver.rowCol[1]]).toEqual([0, 1]);
  });

  it("GIVEN misuse THEN it refuses loudly", () => {
    const solver = new SparseAssignment(1, 1, MAX);
    solver.setRowEdges(0, [0], [5]);
    solver.assignRow(0);
    expect(() => solver.assignRow(0)).toThrow();
    expect(() => solver.setRowEdges(0, [0], [1])).toThrow();
    expect(() => solver.release(0)).toThrow();
  });
});
