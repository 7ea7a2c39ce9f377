import type { AllocationAssignment, AllocationIntern, PastAllocation } from "./types.ts";

/** How an allocation is being made; mirrors the schema's `AllocationMethod`. */
export type AllocationMethod = "batch" | "self_service" | "manual" | "swap";

/** Why an intern may not get an assignment, in the order the rules are checked. */
export type IneligibilityReason =
  /** Still used in live recruitment (or not yet retired): showing it would spoil a round. */
  | "not_retired"
  /** The organiser excluded it from this programme. */
  | "excluded"
  /** Held back for manual allocation. */
  | "reserved"
  /** This Discord user had it in an earlier programme. */
  | "previously_had"
  /** Another intern in this programme already has it. */
  | "taken";

/** Assignment ids each Discord user had before, keyed by Discord user id. */
export type HistoryIndex = ReadonlyMap<string, ReadonlySet<string>>;

/** What the rules need besides the intern and the assignment. */
export interface EligibilityContext {
  readonly history: HistoryIndex;
  /** Assignment ids already allocated (live) in this programme. */
  readonly taken: ReadonlySet<string>;
  readonly method: AllocationMethod;
}

const NOTHING: ReadonlySet<string> = new Set();

/** Indexes earlier programmes' allocations by Discord user. */
export function indexHistory(history: readonly PastAllocation[]): HistoryIndex {
  const index = new Map<string, Set<string>>();
  for (const entry of history) {
    let ids = index.get(entry.discordUserId);
    if (ids === undefined) {
      ids = new Set();
      index.set(entry.discordUserId, ids);
    }
    ids.add(entry.assignmentId);
  }
  return index;
}

/** The assignment ids `discordUserId` had in earlier programmes. */
export function previouslyHad(history: HistoryIndex, discordUserId: string): ReadonlySet<string> {
  return history.get(discordUserId) ?? NOTHING;
}

/**
 * Whether the assignment may be handed out in this programme at all, whoever the intern:
 * retired, not excluded, and not reserved unless an organiser is allocating by hand.
 */
export function programmeIneligibility(
  assignment: AllocationAssignment,
  method: AllocationMethod,
): IneligibilityReason | null {
  if (assignment.status !== "retired") return "not_retired";
  if (assignment.excluded === true) return "excluded";
  if (assignment.reserved === true && method !== "manual") return "reserved";
  return null;
}

/**
 * Why `intern` may not get `assignment`, or `null` when they may. A manual allocation may use
 * a reserved assignment; nothing may break the other rules.
 */
export function ineligibilityReason(
  intern: AllocationIntern,
  assignment: AllocationAssignment,
  context: EligibilityContext,
): IneligibilityReason | null {
  const programmeReason = programmeIneligibility(assignment, context.method);
  if (programmeReason !== null) return programmeReason;
  if (previouslyHad(context.history, intern.discordUserId).has(assignment.id)) return "previously_had";
  if (context.taken.has(assignment.id)) return "taken";
  return null;
}

/** The assignments `intern` may get, in input order. */
export function eligibleAssignments(
  intern: AllocationIntern,
  assignments: readonly AllocationAssignment[],
  context: EligibilityContext,
): AllocationAssignment[] {
  return assignments.filter((assignment) => ineligibilityReason(intern, assignment, context) === null);
}
