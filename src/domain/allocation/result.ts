/**
 * What batch and exact allocation share: the input, the compiled instance they both solve,
 * and the result they both report, so the preview can put them side by side.
 */
import { type CompiledInstance, compileInstance, PairScorer } from "./compiled.ts";
import { indexHistory } from "./eligibility.ts";
import { memoisedNormaliser, remainingWeeks, scoreFit } from "./score.ts";
import type {
  AllocationAssignment,
  AllocationIntern,
  ExistingAllocation,
  FitReason,
  PastAllocation,
  ProgrammeWindow,
  ScoreBreakdown,
} from "./types.ts";

/** Everything a programme-wide allocation needs. */
export interface AllocationInput {
  /** The interns to allocate (the caller picks them, e.g. onboarded and not withdrawn). */
  readonly interns: readonly AllocationIntern[];
  /** The library, with this programme's excluded / reserved flags. */
  readonly assignments: readonly AllocationAssignment[];
  /** Allocations from earlier programmes: nobody gets a task they had before. */
  readonly history: readonly PastAllocation[];
  readonly programme: ProgrammeWindow;
  /** When the allocation happens; hours are counted from here to the end. Default: the start. */
  readonly now?: Date;
  /**
   * Allocations already made in this programme (self-service claims, manual ones). Those
   * interns are left alone and those assignments count as taken.
   */
  readonly existing?: readonly ExistingAllocation[];
}

/** One intern's allocation, with why it scored what it did. */
export interface AllocatedPair {
  readonly internId: string;
  readonly assignmentId: string;
  readonly score: number;
  readonly breakdown: ScoreBreakdown;
  readonly reasons: readonly FitReason[];
}

/** Why an intern got nothing. */
export type UnallocatedReason =
  /** Every assignment is closed to them (not retired, excluded, reserved, taken, or had before). */
  | "no_eligible_assignment"
  /** There were assignments they could have had, but fewer than interns who could have them. */
  | "assignments_exhausted";

/** The outcome of allocating a programme. */
export interface AllocationResult {
  /** One per allocated intern, sorted by intern id. */
  readonly pairs: readonly AllocatedPair[];
  /** Sorted by intern id. */
  readonly unallocated: readonly { readonly internId: string; readonly reason: UnallocatedReason }[];
  /** The sum of the pairs' scores. */
  readonly totalScore: number;
}

/** The compiled instance plus what scoring the output needs. */
export interface PreparedAllocation {
  readonly instance: CompiledInstance;
  readonly weeks: number;
}

/** Compiles the input for the batch or exact solver (interns already allocated are left out). */
export function prepareAllocation(input: AllocationInput): PreparedAllocation {
  const existing = input.existing ?? [];
  const allocatedInterns = new Set(existing.map((allocation) => allocation.internId));
  const weeks = remainingWeeks(input.programme, input.now);
  const instance = compileInstance(
    input.interns.filter((intern) => !allocatedInterns.has(intern.id)),
    input.assignments,
    {
      weeks,
      history: indexHistory(input.history),
      taken: new Set(existing.map((allocation) => allocation.assignmentId)),
      method: "batch",
    },
  );
  return { instance, weeks };
}

/**
 * Turns "intern index → assignment index (or −1)" into the reported result, scoring each pair
 * with `scoreFit` so the breakdown and reasons are the ones the UI shows everywhere.
 */
export function buildResult(prepared: PreparedAllocation, assignmentOf: Int32Array): AllocationResult {
  const { instance, weeks } = prepared;
  const pairs: AllocatedPair[] = [];
  const unallocated: { internId: string; reason: UnallocatedReason }[] = [];
  let scorer: PairScorer | undefined;
  let totalScore = 0;
  const context = { weeks, normalise: memoisedNormaliser() };
  instance.interns.forEach((intern, i) => {
    const a = assignmentOf[i]!;
    const assignment = instance.assignments[a];
    if (a < 0 || assignment === undefined) {
      scorer ??= new PairScorer(instance);
      scorer.load(i);
      let any = false;
      for (let b = 0; b < instance.assignments.length && !any; b += 1) any = scorer.eligible(b);
      scorer.unload();
      unallocated.push({
        internId: intern.id,
        reason: any ? "assignments_exhausted" : "no_eligible_assignment",
      });
      return;
    }
    const fit = scoreFit(intern, assignment, context);
    totalScore += fit.total;
    pairs.push({
      internId: intern.id,
      assignmentId: assignment.id,
      score: fit.total,
      breakdown: fit.breakdown,
      reasons: fit.reasons,
    });
  });
  return { pairs, unallocated, totalScore };
}
