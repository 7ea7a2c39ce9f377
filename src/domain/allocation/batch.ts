/**
 * Batch allocation: every intern in the programme gets at most one assignment, no assignment
 * goes to two interns, and the total fit is (nearly) as high as it can be.
 *
 * Scoring every pair is 120 M pairs at 10,000 × 12,000, too slow for the one-second budget, so:
 *
 * 1. **Candidates** (`candidates.ts`): each intern's best few, their preferences, and each
 *    assignment's best-suited interns, found through an inverted index with bound pruning.
 * 2. **Matching** (`sparse-assignment.ts`): the maximum-cardinality, maximum-score matching on
 *    that sparse graph, exactly.
 * 3. **Fallback**: an intern the sparse graph could not place is given every assignment open to
 *    them and re-augmented, so nobody is left out while a task they may have is free.
 *
 * Losses against the exact optimum come only from pairs cut in step 1; the tests and the
 * benchmark measure them against `exact.ts`.
 */
import { CandidateSearch } from "./candidates.ts";
import { type CompiledInstance, PairScorer } from "./compiled.ts";
import { type AllocationInput, type AllocationResult, buildResult, prepareAllocation } from "./result.ts";
import { MAX_FIT_SCORE } from "./score.ts";
import { SparseAssignment } from "./sparse-assignment.ts";

/** Tuning for `allocateAssignments`; the defaults are what the benchmark measures. */
export interface BatchOptions {
  /** How many of an intern's best-scoring assignments enter the matching. Default 16. */
  readonly candidatesPerIntern?: number;
  /** How many best-suited interns each assignment adds to the matching. Default 4. */
  readonly candidatesPerAssignment?: number;
  /** Background tasks per level for interns who overlap with little of the library. Default 2. */
  readonly backgroundPerLevel?: number;
  /** How far below an intern's K-th best a pair may score and still reach its assignment's list. Default 10. */
  readonly slack?: number;
}

/**
 * Allocates assignments to every intern in `input` at once. Deterministic: the same input
 * (in any order) gives the same result.
 */
export function allocateAssignments(input: AllocationInput, options: BatchOptions = {}): AllocationResult {
  const prepared = prepareAllocation(input);
  return buildResult(prepared, solveBatch(prepared.instance, options).assignmentOf);
}

/** What `solveBatch` found. */
export interface BatchSolution {
  /** Each intern's assignment index, or −1. */
  readonly assignmentOf: Int32Array;
  /**
   * The matching's dual prices per assignment (see `SparseAssignment.prices`): with them,
   * `optimumUpperBound` bounds the optimum of instances too large to solve exactly.
   */
  readonly prices: Float64Array;
}

/** Solves the compiled instance. */
export function solveBatch(instance: CompiledInstance, options: BatchOptions = {}): BatchSolution {
  const n = instance.interns.length;
  const edges = new CandidateSearch(instance, {
    perIntern: options.candidatesPerIntern ?? 4,
    perAssignment: options.candidatesPerAssignment ?? 16,
    backgroundPerLevel: options.backgroundPerLevel ?? 2,
    slack: options.slack ?? 10,
  }).run();

  const solver = new SparseAssignment(n, instance.assignments.length, MAX_FIT_SCORE, edges.col.length);
  const costs = new Float64Array(edges.score.length);
  for (let e = 0; e < costs.length; e += 1) costs[e] = MAX_FIT_SCORE - edges.score[e]!;
  for (let i = 0; i < n; i += 1) {
    const from = edges.rowStart[i]!;
    const to = edges.rowStart[i + 1]!;
    solver.setRowEdges(i, edges.col.subarray(from, to), costs.subarray(from, to));
  }
  solver.reduceRows();
  for (let i = 0; i < n; i += 1) if (solver.rowCol[i] === -1) solver.assignRow(i);
  placeLeftOvers(instance, solver);

  const assignmentOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i += 1) if (solver.isMatched(i)) assignmentOf[i] = solver.rowCol[i]!;
  return { assignmentOf, prices: solver.prices() };
}

/**
 * Gives every intern parked on their dummy all the assignments open to them and augments again.
 * Augmenting one may displace another onto a dummy, so repeat until nobody new is parked; each
 * intern is widened at most once.
 */
function placeLeftOvers(instance: CompiledInstance, solver: SparseAssignment): void {
  const m = instance.assignments.length;
  const scorer = new PairScorer(instance);
  const widened = new Uint8Array(instance.interns.length);
  const cols = new Int32Array(m);
  const costs = new Float64Array(m);
  for (let changed = true; changed; ) {
    changed = false;
    for (let i = 0; i < instance.interns.length; i += 1) {
      if (solver.isMatched(i) || widened[i] === 1) continue;
      widened[i] = 1;
      scorer.load(i);
      let count = 0;
      for (let a = 0; a < m; a += 1) {
        if (!scorer.eligible(a)) continue;
        cols[count] = a;
        costs[count] = MAX_FIT_SCORE - scorer.score(a);
        count += 1;
      }
      scorer.unload();
      if (count === 0) continue;
      solver.release(i);
      solver.setRowEdges(i, cols, costs, count);
      solver.assignRow(i);
      changed = true;
    }
  }
}
