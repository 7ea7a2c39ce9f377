/**
 * The allocation domain's inputs and outputs. Plain data, no Prisma or discord.js types: the
 * repositories map their rows onto these, so the rules stay testable without a database.
 */

/** Mirrors the library's `AssignmentVersionStatus`: only `retired` tasks may be recycled. */
export type AssignmentStatus = "retired" | "active_in_recruitment";

/** A skill an intern claims, with a self-rated level from 1 (beginner) to 5 (expert). */
export interface InternSkill {
  readonly name: string;
  readonly level: number;
}

/** An intern as the allocation rules see them (one programme membership). */
export interface AllocationIntern {
  /** The programme membership id; unique within one allocation run. */
  readonly id: string;
  /** The Discord user behind the membership, used to look up earlier programmes. */
  readonly discordUserId: string;
  readonly skills: readonly InternSkill[];
  /** Free-form interests; matched against an assignment's skills and tags. */
  readonly interests: readonly string[];
  /** Hours a week the intern can give, or `null` when they have not said. */
  readonly hoursPerWeek: number | null;
  /** Assignment ids the intern wishes for, most wanted first. Only the first three count. */
  readonly preferences: readonly string[];
}

/** A library assignment, with this programme's organiser flags folded in. */
export interface AllocationAssignment {
  readonly id: string;
  readonly status: AssignmentStatus;
  /** Difficulty from 1 to 5. */
  readonly level: number;
  /** Skills the task needs. An intern missing one scores lower but may still get it. */
  readonly skills: readonly string[];
  /** Extra themes ("education", "accessibility") that interests can match. */
  readonly tags?: readonly string[];
  readonly estimatedHours: number;
  /** The organiser never wants it handed out in this programme. */
  readonly excluded?: boolean;
  /** Held back for manual allocation: neither batch nor self-service may hand it out. */
  readonly reserved?: boolean;
}

/** An assignment a Discord user was given in an earlier programme. */
export interface PastAllocation {
  readonly discordUserId: string;
  readonly assignmentId: string;
}

/** An allocation that already exists in the programme being allocated. */
export interface ExistingAllocation {
  readonly internId: string;
  readonly assignmentId: string;
}

/** The time the programme runs; the hours an intern can give are counted over it. */
export interface ProgrammeWindow {
  readonly startsAt: Date;
  readonly endsAt: Date;
}

/** Points per criterion; they add up to the total. See `FIT_WEIGHTS` for each maximum. */
export interface ScoreBreakdown {
  readonly level: number;
  readonly skills: number;
  readonly interests: number;
  readonly hours: number;
  readonly preference: number;
}

/**
 * Why a pair scored what it did, as codes with variables: the UI localises them, so no
 * English sentence is built here.
 */
export type FitReason =
  | { readonly code: "level_match"; readonly vars: { readonly internLevel: number; readonly level: number } }
  | {
      readonly code: "level_stretch";
      readonly vars: { readonly internLevel: number; readonly level: number };
    }
  | {
      readonly code: "level_too_hard";
      readonly vars: { readonly internLevel: number; readonly level: number };
    }
  | { readonly code: "level_easy"; readonly vars: { readonly internLevel: number; readonly level: number } }
  | {
      readonly code: "level_too_easy";
      readonly vars: { readonly internLevel: number; readonly level: number };
    }
  | { readonly code: "skills_none_required" }
  | { readonly code: "skill_match"; readonly vars: { readonly skill: string; readonly internLevel: number } }
  | { readonly code: "skill_missing"; readonly vars: { readonly skill: string } }
  | { readonly code: "interests_unknown" }
  | { readonly code: "interest_match"; readonly vars: { readonly interest: string } }
  | { readonly code: "interest_none" }
  | { readonly code: "hours_unknown" }
  | { readonly code: "hours_light"; readonly vars: HoursVars }
  | { readonly code: "hours_fit"; readonly vars: HoursVars }
  | { readonly code: "hours_tight"; readonly vars: HoursVars }
  | { readonly code: "hours_over"; readonly vars: HoursVars }
  | { readonly code: "preferred"; readonly vars: { readonly rank: number } };

/** Hours vars: the task's estimate and the hours the intern can give over the programme. */
export interface HoursVars {
  readonly estimated: number;
  readonly available: number;
}

/** How well one assignment fits one intern. */
export interface Fit {
  /** Integer points in [0, 100]; integers keep optimum comparisons exact. */
  readonly total: number;
  readonly breakdown: ScoreBreakdown;
  readonly reasons: readonly FitReason[];
}
