/**
 * The journey funnel: Meet (joined) → Match (allocated) → Trial work (working … presented) →
 * Follow-up (completed). Derived from an intern's stage, whether they ever had an allocation, and
 * the stages their transitions reached. A withdrawn intern counts at the phase they left. Pure.
 */
import type { InternStage } from "../enums.ts";

export const JOURNEY_PHASES = ["meet", "match", "trial", "followup"] as const;
export type JourneyPhase = (typeof JOURNEY_PHASES)[number];

/** What the funnel needs to know about one intern. */
export interface JourneyFacts {
  stage: InternStage | null;
  /** Whether an allocation (live or released) was ever made for them. */
  everAllocated: boolean;
  /** Every `toStage` of their stage transitions. */
  reachedStages: ReadonlySet<InternStage>;
}

const TRIAL_STAGES: readonly InternStage[] = ["working", "submitted", "presented"];

/** The furthest phase an intern reached, or null when they never joined (still `applied`). */
export function journeyPhase(facts: JourneyFacts): JourneyPhase | null {
  const reached = new Set(facts.reachedStages);
  if (facts.stage !== null) reached.add(facts.stage);
  if (reached.has("completed")) return "followup";
  if (TRIAL_STAGES.some((s) => reached.has(s))) return "trial";
  if (facts.everAllocated) return "match";
  if (reached.has("onboarded")) return "meet";
  // Withdrawn before onboarding finished: they met the programme, so they count in Meet.
  if (facts.stage === "withdrawn") return "meet";
  return null;
}

/** One row of the funnel. */
export interface FunnelRow {
  phase: JourneyPhase;
  /** Interns who reached this phase or a later one. */
  reached: number;
  /** Interns in this phase now (not withdrawn). */
  current: number;
  /** Interns who withdrew while in this phase. */
  withdrawn: number;
}

/** The funnel over a set of interns, one row per phase in journey order. */
export function deriveFunnel(interns: readonly JourneyFacts[]): FunnelRow[] {
  const rows = JOURNEY_PHASES.map((phase) => ({ phase, reached: 0, current: 0, withdrawn: 0 }));
  for (const facts of interns) {
    const phase = journeyPhase(facts);
    if (phase === null) continue;
    const index = JOURNEY_PHASES.indexOf(phase);
    for (let i = 0; i <= index; i += 1) {
      const row = rows[i];
      if (row) row.reached += 1;
    }
    const row = rows[index];
    if (!row) continue;
    if (facts.stage === "withdrawn") row.withdrawn += 1;
    else row.current += 1;
  }
  return rows;
}
