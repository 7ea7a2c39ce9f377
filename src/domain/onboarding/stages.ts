import type { InternStage } from "../enums.ts";

/** The intern journey in order, as organisers read the funnel; withdrawn last. */
export const STAGE_ORDER = [
  "applied",
  "onboarded",
  "working",
  "submitted",
  "presented",
  "completed",
  "withdrawn",
] as const satisfies readonly InternStage[];

/**
 * The intern journey and which moves are allowed: forward one step at a time, withdrawal from
 * anywhere before completion, and back to `applied` after a withdrawal (an organiser re-admits).
 */
const NEXT: Record<InternStage, readonly InternStage[]> = {
  applied: ["onboarded", "withdrawn"],
  onboarded: ["working", "withdrawn"],
  working: ["submitted", "withdrawn"],
  submitted: ["presented", "withdrawn"],
  presented: ["completed", "withdrawn"],
  completed: [],
  withdrawn: ["applied"],
};

/** Whether an intern may move from `from` (null: not an intern yet) to `to`. */
export function canMoveStage(from: InternStage | null, to: InternStage): boolean {
  if (from === null) return to === "applied";
  return NEXT[from].includes(to);
}

/** The stages an intern passes through to reach `to` from `from`, in order (empty if already there). */
export function stagePath(from: InternStage | null, to: "onboarded"): InternStage[] {
  if (from === to) return [];
  if (from === null) return ["applied", "onboarded"];
  if (from === "applied") return ["onboarded"];
  throw new Error(`cannot onboard an intern in stage ${from}`);
}

/** What a click on Join (or `/join`) should do for this person. */
export type JoinDecision =
  /** Start (or resume) the onboarding form. */
  | "start"
  /** Already onboarded or further: show the profile, repair missing Discord steps. */
  | "onboarded"
  /** Withdrew earlier: explain how to come back. */
  | "withdrawn"
  /** An organiser, mentor or agency staff member: Join is for interns. */
  | "staff";

/** Decides what Join does, from the person's membership (null: not a member yet). */
export function decideJoin(
  member: { roles: readonly string[]; stage: InternStage | null } | null,
): JoinDecision {
  if (member === null) return "start";
  if (member.stage === "withdrawn") return "withdrawn";
  if (member.stage !== null && member.stage !== "applied") return "onboarded";
  if (member.stage === null && member.roles.some((role) => role !== "intern")) return "staff";
  return "start";
}
