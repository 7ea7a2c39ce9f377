/**
 * Batch allocation: every intern in the programme gets at most one assignment, no assignment
 * goes to two interns, and the total fit is (nearly) as high as it can be.
 *
 * Scoring every pair is 120 M pairs at 10,000 × 12,000, too slow for the one-second budget, so:
 *
 * 1. **Candidates** (`candidates.ts`): each intern's best few, their preferences, and each
 *    assignment's best-suited interns, found through an inverted index with bound pruning
 *    (about 20 pairs per intern instead of 12,000).
 * 2. **Matching** (`sparse-assignment.ts`): the maximum-cardinality, maximum-score matching on
 *    that sparse graph, exactly (Jonker–Volgenant style: auction-like row reduction, then
 *    shortest augmenting paths).
 * 3. **Fallback**: an intern the sparse graph could not place gets their best assignments and
 *    every free one they may have, and is re-augmented, so nobody is left out while a task
 *    they may have is free.
 *
 * Losses against the exact optimum come only from pairs cut in step 1; the tests and the
 * benchmark measure them against `exact.ts`.
 */
import { CandidateSearch } from "./candidates.ts";
import { type CompiledInstance, PairScorer } from "./compiled.ts";
import { type AllocationInput, type AllocationResult, buildResult, prepareAllocation } from "./result.ts";
import { MAX_FIT_SCORE } from "./score.ts";
import { SparseAssignment } from "./sparse-assignment.ts";

/**
 * Tuning for `allocateAssignments`; the defaults are what the benchmark measures (chosen on the
 * synthetic 10,000 × 12,000 library: more per assignment helped more than more per intern).
 */
export interface BatchOptions {
  /** How many of an intern's best-scoring assignments enter the matching. Default 4. */
  readonly candidatesPerIntern?: number;
  /** How many best-suited interns each assignment adds to the matching. Default 16. */
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

/** Solves the compiled instance (see `prepareAllocation`). */
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

/** How many of a parked intern's best assignments are added when widening (plus every free one). */
const WIDENED_EDGES = 64;

/**
 * Widens every intern parked on their dummy: adds their best assignments overall and every
 * assignment open to them that is still free, then augments again. A direct edge to a free
 * assignment is an augmenting path, so nobody stays unallocated while a task they may have is
 * free; the best ones give the matching room to do better than "whatever is left". Augmenting
 * one intern may displace another onto a dummy, so repeat until nobody new is parked; each is
 * widened at most once. (Widening to every open assignment would cost rows × assignments edges
 * when there are more interns than tasks.)
 */
function placeLeftOvers(instance: CompiledInstance, solver: SparseAssignment): void {
  const m = instance.assignments.length;
  const scorer = new PairScorer(instance);
  const widened = new Uint8Array(instance.interns.length);
  const cols = new Int32Array(m + WIDENED_EDGES);
  const costs = new Float64Array(m + WIDENED_EDGES);
  // The best taken assignments so far, worst first: lower key is better, so keys[0] is the
  // largest kept.
  const best = new Float64Array(WIDENED_EDGES);
  for (let changed = true; changed; ) {
    changed = false;
    // With every open assignment taken, no augmenting path exists: nothing left to place.
    let anyFree = false;
    for (let a = 0; a < m && !anyFree; a += 1)
      anyFree = instance.assignmentOpen[a] === 1 && !solver.isColumnTaken(a);
    if (!anyFree) return;
    for (let i = 0; i < instance.interns.length; i += 1) {
      if (solver.isMatched(i) || widened[i] === 1) continue;
      widened[i] = 1;
      scorer.load(i);
      let count = 0;
      let kept = 0;
      for (let a = 0; a < m; a += 1) {
        if (!scorer.eligible(a)) continue;
        const missing = MAX_FIT_SCORE - scorer.score(a);
        if (!solver.isColumnTaken(a)) {
          cols[count] = a;
          costs[count] = missing;
          count += 1;
          continue;
        }
        // Keep the WIDENED_EDGES best taken ones: missing points first, then assignment order.
        const key = missing * 4294967296 + a;
        if (kept === WIDENED_EDGES && key >= best[0]!) continue;
        let at = kept < WIDENED_EDGES ? kept++ : 0;
        if (at === 0 && kept === WIDENED_EDGES) {
          while (at + 1 < kept && best[at + 1]! > key) {
            best[at] = best[at + 1]!;
            at += 1;
          }
        } else {
          while (at > 0 && best[at - 1]! < key) {
            best[at] = best[at - 1]!;
            at -= 1;
          }
        }
        best[at] = key;
      }
      scorer.unload();
      for (let k = 0; k < kept; k += 1) {
        cols[count] = best[k]! % 4294967296;
        costs[count] = Math.floor(best[k]! / 4294967296);
        count += 1;
      }
      if (count === 0) continue;
      solver.release(i);
      solver.setRowEdges(i, cols, costs, count);
      solver.assignRow(i);
      changed = true;
    }
  }
}
