/**
 * Self-service claiming: an intern's best-fitting assignments among those they may claim.
 */
import { compileInstance, PairScorer } from "./compiled.ts";
import type { HistoryIndex } from "./eligibility.ts";
import { memoisedNormaliser, scoreFit } from "./score.ts";
import type { AllocationAssignment, AllocationIntern, FitReason, ScoreBreakdown } from "./types.ts";

/** What ranking needs besides the intern and the library. */
export interface RankContext {
  /** Weeks left in the programme (see `remainingWeeks`). */
  readonly weeks: number;
  /** Earlier programmes' allocations by Discord user (see `indexHistory`). */
  readonly history: HistoryIndex;
  /** Assignment ids already allocated in this programme. */
  readonly taken: ReadonlySet<string>;
}

/** One assignment the intern may claim, with how well it fits. */
export interface RankedAssignment {
  readonly assignmentId: string;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
  readonly reasons: readonly FitReason[];
}

/**
 * The `limit` assignments that fit `intern` best among those they may claim themselves
 * (retired, not excluded, not reserved, not taken, not had before), best first; equal scores
 * in assignment id order, so the list is stable between calls.
 */
export function rankCandidates(
  intern: AllocationIntern,
  assignments: readonly AllocationAssignment[],
  context: RankContext,
  limit: number,
): RankedAssignment[] {
  if (limit <= 0) return [];
  const instance = compileInstance([intern], assignments, {
    weeks: context.weeks,
    history: context.history,
    taken: context.taken,
    method: "self_service",
  });
  const scorer = new PairScorer(instance);
  scorer.load(0);
  // One key per eligible assignment: lower is better, score first, then id order (the compiled
  // assignments are sorted by id). A typed-array sort of numbers beats comparing objects.
  const keys = new Float64Array(instance.assignments.length);
  let count = 0;
  for (let a = 0; a < instance.assignments.length; a += 1) {
    if (!scorer.eligible(a)) continue;
    keys[count] = (1000 - scorer.score(a)) * 4294967296 + a;
    count += 1;
  }
  const best = keys.subarray(0, count).sort().subarray(0, limit);
  const scoreContext = { weeks: context.weeks, normalise: memoisedNormaliser() };
  return Array.from(best, (key) => {
    const assignment = instance.assignments[key % 4294967296]!;
    const fit = scoreFit(intern, assignment, scoreContext);
    return { assignmentId: assignment.id, score: fit.total, breakdown: fit.breakdown, reasons: fit.reasons };
  });
}
