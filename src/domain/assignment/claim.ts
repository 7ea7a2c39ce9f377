/**
 * Self-service: the assignments an intern may claim, best fit first, and why a claim is refused.
 * The database decides races (one live allocation per assignment); these rules decide what to
 * offer and what to say.
 */
import { indexHistory } from "../allocation/eligibility.ts";
import { type RankedAssignment, rankCandidates } from "../allocation/rank.ts";
import { remainingWeeks } from "../allocation/score.ts";
import type {
  AllocationAssignment,
  AllocationIntern,
  PastAllocation,
  ProgrammeWindow,
} from "../allocation/types.ts";

/** How many options `/project claim` and `/project swap` show. */
export const CLAIM_OPTIONS = 3;

/** One option offered to an intern: the allocation domain's ranking, as is. */
export type ClaimCandidate = RankedAssignment;

/** What ranking needs besides the intern and the library. */
export interface ClaimContext {
  /** Assignment ids allocated (live) in this programme, as far as the caller knows them. */
  readonly taken: ReadonlySet<string>;
  /** What this Discord user had in earlier programmes. */
  readonly history: readonly PastAllocation[];
  readonly programme: ProgrammeWindow;
  readonly now: Date;
}

/**
 * The assignments `intern` may claim (or swap to) now, best fit first, at most `limit`: the
 * allocation domain's {@link rankCandidates} over the hours left in the programme. Swapping
 * follows the same rules as claiming (retired, not excluded, not reserved, not taken, not had
 * before), so one ranking serves both.
 */
export function claimCandidates(
  intern: AllocationIntern,
  assignments: readonly AllocationAssignment[],
  context: ClaimContext,
  limit = CLAIM_OPTIONS,
): ClaimCandidate[] {
  return rankCandidates(
    intern,
    assignments,
    {
      weeks: remainingWeeks(context.programme, context.now),
      history: indexHistory(context.history),
      taken: context.taken,
    },
    limit,
  );
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
