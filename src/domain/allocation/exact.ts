/**
 * Exact maximum-weight assignment on the full score matrix, for instances small enough to
 * score densely. The preview uses it to say how close the batch came ("98.7 % of optimum");
 * the tests and the benchmark use it as the yardstick.
 *
 * The solving itself is the `munkres` package (Hungarian algorithm, O(M²N), typed-array rows):
 * well kept, typed, and fast enough for 1,000 × 1,200 in well under a second.
 */
import { munkres } from "munkres";
import { groupBySkills } from "./candidates.ts";
import { type CompiledInstance, PairScorer } from "./compiled.ts";
import { type AllocationInput, type AllocationResult, buildResult, prepareAllocation } from "./result.ts";
import { FIT_WEIGHTS, hoursPoints, levelForAssignment, levelPoints, skillPoints } from "./score.ts";

/**
 * Above this many intern × assignment cells the exact solver is not run: the dense matrix
 * (8 bytes a cell) and the Hungarian algorithm's time grow too large for an interactive preview.
 */
export const EXACT_CELL_LIMIT = 4_000_000;

/** Marks a pair that may not be matched in `maximumWeightAssignment`. */
export const FORBIDDEN = Number.NEGATIVE_INFINITY;

/** A solved assignment: the matched (row, column) pairs and the sum of their weights. */
export interface WeightedAssignment {
  readonly pairs: readonly (readonly [row: number, col: number])[];
  readonly total: number;
}

/**
 * Matches rows to columns, each used at most once, maximising first the number of allowed pairs
 * matched and then their total weight. Weights must be finite and non-negative, or `FORBIDDEN`.
 * Rows and columns may differ in number.
 */
export function maximumWeightAssignment(weights: readonly ArrayLike<number>[]): WeightedAssignment {
  const rows = weights.length;
  const cols = weights[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return { pairs: [], total: 0 };
  let maxWeight = 0;
  for (const row of weights) {
    if (row.length !== cols) throw new Error("every row needs the same number of columns");
    for (let c = 0; c < cols; c += 1) {
      const w = row[c]!;
      if (w === FORBIDDEN) continue;
      if (!Number.isFinite(w) || w < 0) throw new Error(`weight ${w} is not finite and non-negative`);
      if (w > maxWeight) maxWeight = w;
    }
  }
  // Minimising (maxWeight − w) maximises weight; a forbidden cell costs more than any set of
  // allowed ones could save, so the solver matches as many allowed pairs as possible first.
  const forbiddenCost = maxWeight * (Math.min(rows, cols) + 1) + 1;
  const costs = weights.map((row) => {
    const cost = new Float64Array(cols);
    for (let c = 0; c < cols; c += 1) cost[c] = row[c] === FORBIDDEN ? forbiddenCost : maxWeight - row[c]!;
    return cost;
  });
  const pairs: (readonly [number, number])[] = [];
  let total = 0;
  for (const [row, col] of munkres(costs)) {
    const w = weights[row]![col]!;
    if (w === FORBIDDEN) continue;
    pairs.push([row, col]);
    total += w;
  }
  pairs.sort((x, y) => x[0] - y[0]);
  return { pairs, total };
}

/** Solves the compiled instance exactly; returns each intern's assignment index, or −1. */
export function solveExact(instance: CompiledInstance): Int32Array {
  const n = instance.interns.length;
  const assignmentOf = new Int32Array(n).fill(-1);
  // Closed assignments (not retired, excluded, reserved, taken) can never be matched: leave
  // them out of the matrix rather than fill columns with FORBIDDEN.
  const open: number[] = [];
  instance.assignmentOpen.forEach((isOpen, a) => {
    if (isOpen === 1) open.push(a);
  });
  if (n === 0 || open.length === 0) return assignmentOf;
  const scorer = new PairScorer(instance);
  const weights: Float64Array[] = [];
  for (let i = 0; i < n; i += 1) {
    scorer.load(i);
    const row = new Float64Array(open.length);
    open.forEach((a, c) => {
      row[c] = scorer.eligible(a) ? scorer.score(a) : FORBIDDEN;
    });
    scorer.unload();
    weights.push(row);
  }
  for (const [i, c] of maximumWeightAssignment(weights).pairs) assignmentOf[i] = open[c]!;
  return assignmentOf;
}

/**
 * The optimal allocation under the same rules and scores as `allocateAssignments`. Throws when
 * the instance exceeds `EXACT_CELL_LIMIT` cells; check with `canSolveExactly` first.
 */
export function exactAllocation(input: AllocationInput): AllocationResult {
  const prepared = prepareAllocation(input);
  const cells = prepared.instance.interns.length * prepared.instance.assignments.length;
  if (cells > EXACT_CELL_LIMIT) throw new Error(`${cells} cells exceed the exact solver's limit`);
  return buildResult(prepared, solveExact(prepared.instance));
}

/** Whether `exactAllocation` will run on this input. */
export function canSolveExactly(input: Pick<AllocationInput, "interns" | "assignments">): boolean {
  return input.interns.length * input.assignments.length <= EXACT_CELL_LIMIT;
}

/**
 * An upper bound on the optimum total score, by weak LP duality: for any non-negative prices
 * per assignment, `Σ prices + Σ over interns of max(0, best score − price)` is at least the
 * total of any matching. With the batch's own dual prices (`solveBatch(...).prices`) the bound
 * is close, which certifies the batch's quality on instances too large for `exactAllocation`.
 * Looks at every pair once (linear in interns × assignments, no matrix kept), scoring exactly
 * only those that could raise an intern's best.
 */
export function optimumUpperBound(instance: CompiledInstance, prices: Float64Array): number {
  const scorer = new PairScorer(instance);
  const groups = groupBySkills(instance);
  const { skillStart, skillTerm, unitStart, unitLevel, memberStart, member, memberHours } = groups;
  const groupCount = skillStart.length - 1;
  const noSkill: number[] = [];
  let bound = 0;
  for (let a = 0; a < instance.assignments.length; a += 1) {
    if (instance.assignmentOpen[a] === 0) continue;
    bound += prices[a]!;
    if (instance.assignmentSkillStart[a] === instance.assignmentSkillStart[a + 1]) noSkill.push(a);
  }
  for (let i = 0; i < instance.interns.length; i += 1) {
    scorer.load(i);
    const skillLevels = scorer.skillLevels;
    const available = scorer.available;
    // Interest and preference points are added exactly only for pairs that could beat `best`.
    const restBound = scorer.interestBound() + FIT_WEIGHTS.preference;
    let best = 0;
    for (const a of noSkill) if (scorer.eligible(a)) best = Math.max(best, scorer.score(a) - prices[a]!);
    // Skill and level points are the same for every member of a skill-set group at one level.
    for (let g = 0; g < groupCount; g += 1) {
      let matched = 0;
      let levelSum = 0;
      for (let k = skillStart[g]!; k < skillStart[g + 1]!; k += 1) {
        const level = skillLevels[skillTerm[k]!]!;
        if (level > 0) {
          matched += 1;
          levelSum += level;
        }
      }
      const skills = skillPoints(matched, skillStart[g + 1]! - skillStart[g]!);
      const internLevel = levelForAssignment(levelSum, matched, scorer.overallLevel);
      for (let u = unitStart[g]!; u < unitStart[g + 1]!; u += 1) {
        const base = skills + levelPoints(internLevel, unitLevel[u]!);
        for (let q = memberStart[u]!; q < memberStart[u + 1]!; q += 1) {
          const a = member[q]!;
          const partial = base + hoursPoints(memberHours[q]!, available) - prices[a]!;
          if (partial + restBound <= best || !scorer.eligible(a)) continue;
          best = Math.max(
            best,
            scorer.scoreFromCounts(a, matched, levelSum, scorer.interestMatches(a)) - prices[a]!,
          );
        }
      }
    }
    scorer.unload();
    bound += best;
  }
  return bound;
}

/** How a result compares with the optimum, for the preview. */
export interface AllocationQuality {
  readonly optimumScore: number;
  /** `totalScore / optimumScore`, 1 when both are 0. */
  readonly ratio: number;
  /** How many interns the optimum allocates (the batch should allocate as many). */
  readonly optimumAllocated: number;
}

/**
 * Compares `result` (usually the batch's) with the exact optimum on the same input, or returns
 * `undefined` when the instance is too large to solve exactly.
 */
export function allocationQuality(
  input: AllocationInput,
  result: AllocationResult,
): AllocationQuality | undefined {
  if (!canSolveExactly(input)) return undefined;
  const optimum = exactAllocation(input);
  return {
    optimumScore: optimum.totalScore,
    ratio: optimum.totalScore === 0 ? 1 : result.totalScore / optimum.totalScore,
    optimumAllocated: optimum.pairs.length,
  };
}
