/**
 * Self-service: the assignments an intern may claim, best fit first, and why a claim is refused.
 * The database decides races (one live allocation per assignment); these rules decide what to
 * offer and what to say.
 */
import { indexHistory, ineligibilityReason } from "../allocation/eligibility.ts";
import { remainingWeeks, scoreFit } from "../allocation/score.ts";
import type {
  AllocationAssignment,
  AllocationIntern,
  Fit,
  PastAllocation,
  ProgrammeWindow,
} from "../allocation/types.ts";

/** How many options `/project claim` and `/project swap` show. */
export const CLAIM_OPTIONS = 3;

/** One option offered to an intern. */
export interface ClaimCandidate {
  readonly assignmentId: string;
  readonly fit: Fit;
}

/** What ranking needs besides the intern and the library. */
export interface ClaimContext {
  /** Assignment ids allocated (live) in this programme. */
  readonly taken: ReadonlySet<string>;
  /** What this Discord user had in earlier programmes. */
  readonly history: readonly PastAllocation[];
  readonly programme: ProgrammeWindow;
  readonly now: Date;
  /** Claiming (self-service) or swapping. */
  readonly method: "self_service" | "swap";
}

/**
 * The assignments `intern` may claim now, best fit first (ties by id, so the order is stable),
 * at most `limit`. Closed ones (in recruitment, excluded, reserved, taken, had before) are left out.
 */
export function rankClaimCandidates(
  intern: AllocationIntern,
  assignments: readonly AllocationAssignment[],
  context: ClaimContext,
  limit = CLAIM_OPTIONS,
): ClaimCandidate[] {
  const eligibility = {
    history: indexHistory(context.history),
    taken: context.taken,
    method: context.method,
  };
  const weeks = remainingWeeks(context.programme, context.now);
  return assignments
    .filter((assignment) => ineligibilityReason(intern, assignment, eligibility) === null)
    .map((assignment) => ({ assignmentId: assignment.id, fit: scoreFit(intern, assignment, { weeks }) }))
    .sort((a, b) => b.fit.total - a.fit.total || (a.assignmentId < b.assignmentId ? -1 : 1))
    .slice(0, limit);
}

/** Why an intern may not claim at all, or null. */
export type ClaimRefusal = "not_intern" | "withdrawn" | "disabled" | "already_allocated";

/** Checks the intern's standing before any candidate is looked at. */
export function claimRefusal(input: {
  readonly stage: string | null;
  readonly selfServiceEnabled: boolean;
  readonly hasLiveAllocation: boolean;
}): ClaimRefusal | null {
  if (input.stage === null) return "not_intern";
  if (input.stage === "withdrawn") return "withdrawn";
  if (input.hasLiveAllocation) return "already_allocated";
  if (!input.selfServiceEnabled) return "disabled";
  return null;
}
