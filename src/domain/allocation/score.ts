import type {
  AllocationAssignment,
  AllocationIntern,
  Fit,
  FitReason,
  HoursVars,
  ProgrammeWindow,
} from "./types.ts";

/**
 * The most points each criterion can give; they add up to 100.
 *
 * Level and skills weigh most because a task that is far too hard is what made recruitment
 * interns drop out, sometimes at a cost to their health. Hours come next (the task has to fit
 * the life, not the other way round), then interests; a stated preference is a tie-breaker
 * strong enough to win between similar fits, never strong enough to hand someone a task
 * two levels too hard.
 */
export const FIT_WEIGHTS = {
  level: 30,
  skills: 30,
  interests: 15,
  hours: 15,
  preference: 10,
} as const;

/** The highest total a pair can score. */
export const MAX_FIT_SCORE =
  FIT_WEIGHTS.level + FIT_WEIGHTS.skills + FIT_WEIGHTS.interests + FIT_WEIGHTS.hours + FIT_WEIGHTS.preference;

/** Only this many preferences count; the intern ranks them 1, 2, 3. */
export const MAX_PREFERENCES = 3;

const MS_PER_WEEK = 7 * 24 * 60 * 60 * 1000;

/** Level points by `assignment level − intern level`, from −4 to +4. */
const LEVEL_POINTS_BY_GAP = [4, 4, 10, 20, 30, 24, 8, 0, 0] as const;
/** Points when one of several interests matches; all interests matching gives the maximum. */
const ONE_INTEREST_POINTS = 10;
/** Points when we know nothing (no interests stated, no weekly hours): the middle, no penalty. */
const UNKNOWN_INTERESTS_POINTS = 5;
const UNKNOWN_HOURS_POINTS = 8;
/** Preference points by rank 1, 2, 3. */
const PREFERENCE_POINTS_BY_RANK = [10, 7, 4] as const;

/**
 * Normalises a skill, tag or interest for comparison: NFKC (full-width "ＲＥＡＣＴ" → "REACT"),
 * trimmed, lower case, single spaces.
 */
export function normaliseTerm(term: string): string {
  return term.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ");
}

/** Clamps a level to an integer from 1 to 5. */
export function clampLevel(level: number): number {
  if (!Number.isFinite(level)) return 1;
  return Math.min(5, Math.max(1, Math.round(level)));
}

/**
 * Weeks an intern still has: from `now` (or the start, if later) to the end. Allocating in
 * the middle of a programme leaves fewer hours for the task.
 */
export function remainingWeeks(programme: ProgrammeWindow, now: Date = programme.startsAt): number {
  const from = Math.max(programme.startsAt.getTime(), now.getTime());
  return Math.max(0, (programme.endsAt.getTime() - from) / MS_PER_WEEK);
}

/** Rounds a non-negative `numerator / denominator` half up, in integers, so no float drift. */
function roundedRatio(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/**
 * The intern's overall level: the mean of their three best skills, rounded, or 1 when they
 * list no skills. Used when they have none of the skills an assignment names.
 */
export function overallLevel(skillLevels: readonly number[]): number {
  if (skillLevels.length === 0) return 1;
  const top = [...skillLevels].sort((a, b) => b - a).slice(0, 3);
  return roundedRatio(
    top.reduce((sum, level) => sum + level, 0),
    top.length,
  );
}

/**
 * The intern's level for one assignment: the rounded mean of their levels in the skills it
 * needs that they have, else their overall level.
 */
export function levelForAssignment(matchedLevelSum: number, matchedCount: number, overall: number): number {
  return matchedCount > 0 ? roundedRatio(matchedLevelSum, matchedCount) : overall;
}

/** Level points for an assignment of `assignmentLevel` given an intern at `internLevel`. */
export function levelPoints(internLevel: number, assignmentLevel: number): number {
  const gap = assignmentLevel - internLevel;
  // Bounds-checked by hand: reading an array at −1 is a slow dictionary lookup in V8.
  return gap < -4 || gap > 4 ? 0 : LEVEL_POINTS_BY_GAP[gap + 4]!;
}

/** Skill points: the share of the required skills the intern has. No requirement is a full fit. */
export function skillPoints(matchedCount: number, requiredCount: number): number {
  if (requiredCount === 0) return FIT_WEIGHTS.skills;
  return roundedRatio(FIT_WEIGHTS.skills * matchedCount, requiredCount);
}

/** Interest points from how many of the intern's interests the assignment touches. */
export function interestPoints(matches: number, interestCount: number): number {
  if (interestCount === 0) return UNKNOWN_INTERESTS_POINTS;
  if (matches === 0) return 0;
  return matches >= Math.min(2, interestCount) ? FIT_WEIGHTS.interests : ONE_INTEREST_POINTS;
}

/** Which hours band an estimate falls in, given the hours available over the programme. */
export type HoursBand = "unknown" | "light" | "fit" | "tight" | "over" | "far_over";

/** Bands in `hoursBandIndex` order, with their points. */
const HOURS_BANDS: readonly HoursBand[] = ["unknown", "light", "fit", "tight", "over", "far_over"];
const HOURS_POINTS_BY_BAND = [UNKNOWN_HOURS_POINTS, 9, FIT_WEIGHTS.hours, 8, 3, 0] as const;

/**
 * Where the bands end, as multiples of the hours available: a quarter or less is light work (the
 * intern may be bored), up to all of it fits, up to a quarter more is tight, up to double is
 * over, beyond is far over.
 */
const HOURS_BAND_LIMITS = [0.25, 1, 1.25, 2] as const;

/**
 * Bands the estimate against what the intern can give (`NaN`: unknown). Numeric, and the
 * limits unrolled, because the batch scorer calls it tens of millions of times.
 */
export function hoursBandIndex(estimatedHours: number, availableHours: number): number {
  if (Number.isNaN(availableHours)) return 0;
  if (estimatedHours <= HOURS_BAND_LIMITS[0] * availableHours) return 1;
  if (estimatedHours <= HOURS_BAND_LIMITS[1] * availableHours) return 2;
  if (estimatedHours <= HOURS_BAND_LIMITS[2] * availableHours) return 3;
  return estimatedHours <= HOURS_BAND_LIMITS[3] * availableHours ? 4 : 5;
}

/** The named hours band, for reasons. */
export function hoursBand(estimatedHours: number, availableHours: number | null): HoursBand {
  return HOURS_BANDS[hoursBandIndex(estimatedHours, availableHours ?? Number.NaN)] ?? "unknown";
}

/** Hours points for an estimate against the hours available (`NaN`: unknown). */
export function hoursPoints(estimatedHours: number, availableHours: number): number {
  return HOURS_POINTS_BY_BAND[hoursBandIndex(estimatedHours, availableHours)] ?? 0;
}

/** Preference points for a 0-based rank in the intern's list, or −1 when not listed. */
export function preferencePoints(rankIndex: number): number {
  return rankIndex < 0 || rankIndex >= MAX_PREFERENCES ? 0 : PREFERENCE_POINTS_BY_RANK[rankIndex]!;
}

/** Hours an intern can give over `weeks`, or `null` when they have not said. */
export function availableHours(hoursPerWeek: number | null, weeks: number): number | null {
  return hoursPerWeek === null ? null : Math.max(0, hoursPerWeek) * weeks;
}

/** What scoring needs besides the pair itself. */
export interface ScoreContext {
  /** Weeks left in the programme (see `remainingWeeks`). */
  readonly weeks: number;
  /**
   * Normalises terms; defaults to `normaliseTerm`. Callers scoring many pairs pass
   * `memoisedNormaliser()`, as NFKC on every skill of every pair adds up.
   */
  readonly normalise?: (term: string) => string;
}

/**
 * A `normaliseTerm` that remembers what it has seen. For one batch of scoring only: kept for a
 * process's lifetime it would grow with every spelling ever seen.
 */
export function memoisedNormaliser(): (term: string) => string {
  const seen = new Map<string, string>();
  return (term) => {
    let normalised = seen.get(term);
    if (normalised === undefined) {
      normalised = normaliseTerm(term);
      seen.set(term, normalised);
    }
    return normalised;
  };
}

/** The intern's skills keyed by normalised name; a skill listed twice keeps its higher level. */
export function skillLevelsByTerm(
  intern: AllocationIntern,
  normalise: (term: string) => string = normaliseTerm,
): Map<string, number> {
  const levels = new Map<string, number>();
  for (const skill of intern.skills) {
    const term = normalise(skill.name);
    if (term === "") continue;
    levels.set(term, Math.max(levels.get(term) ?? 0, clampLevel(skill.level)));
  }
  return levels;
}

/** Distinct normalised terms, in first-seen order. */
export function distinctTerms(
  terms: readonly string[],
  normalise: (term: string) => string = normaliseTerm,
): string[] {
  const seen = new Set<string>();
  for (const term of terms) {
    const normalised = normalise(term);
    if (normalised !== "") seen.add(normalised);
  }
  return [...seen];
}

/**
 * Each normalised term with the spelling it was first written in (trimmed): reasons show a skill
 * as the library writes it ("TypeScript", not "typescript") and an interest as the intern typed it.
 */
function spellings(terms: readonly string[], normalise: (term: string) => string): Map<string, string> {
  const written = new Map<string, string>();
  for (const term of terms) {
    const normalised = normalise(term);
    if (normalised !== "" && !written.has(normalised)) written.set(normalised, term.trim());
  }
  return written;
}

/**
 * Scores how well `assignment` fits `intern`: an integer from 0 to 100 with its breakdown and
 * the reasons behind it. Deterministic; a missing skill lowers the score and never vetoes.
 * Whether the intern may get the assignment at all is `eligibility.ts`'s business.
 */
export function scoreFit(
  intern: AllocationIntern,
  assignment: AllocationAssignment,
  context: ScoreContext,
): Fit {
  const reasons: FitReason[] = [];
  const normalise = context.normalise ?? normaliseTerm;
  const internSkills = skillLevelsByTerm(intern, normalise);
  const required = distinctTerms(assignment.skills, normalise);
  const assignmentLevel = clampLevel(assignment.level);
  const skillNames = spellings(assignment.skills, normalise);

  let matchedCount = 0;
  let matchedLevelSum = 0;
  const skillReasons: FitReason[] = [];
  for (const skill of required) {
    const internLevel = internSkills.get(skill);
    const shown = skillNames.get(skill) ?? skill;
    if (internLevel === undefined) {
      skillReasons.push({ code: "skill_missing", vars: { skill: shown } });
    } else {
      matchedCount += 1;
      matchedLevelSum += internLevel;
      skillReasons.push({ code: "skill_match", vars: { skill: shown, internLevel } });
    }
  }
  if (required.length === 0) skillReasons.push({ code: "skills_none_required" });

  const internLevel = levelForAssignment(
    matchedLevelSum,
    matchedCount,
    overallLevel([...internSkills.values()]),
  );
  const level = levelPoints(internLevel, assignmentLevel);
  reasons.push({
    code: levelReasonCode(assignmentLevel - internLevel),
    vars: { internLevel, level: assignmentLevel },
  });
  reasons.push(...skillReasons);
  const skills = skillPoints(matchedCount, required.length);

  const interests = distinctTerms(intern.interests, normalise);
  const assignmentTerms = new Set([...required, ...distinctTerms(assignment.tags ?? [], normalise)]);
  const matchedInterests = interests.filter((interest) => assignmentTerms.has(interest));
  if (interests.length === 0) reasons.push({ code: "interests_unknown" });
  else if (matchedInterests.length === 0) reasons.push({ code: "interest_none" });
  const interestNames = spellings(intern.interests, normalise);
  for (const interest of matchedInterests)
    reasons.push({ code: "interest_match", vars: { interest: interestNames.get(interest) ?? interest } });
  const interestScore = interestPoints(matchedInterests.length, interests.length);

  const available = availableHours(intern.hoursPerWeek, context.weeks);
  const band = hoursBand(assignment.estimatedHours, available);
  reasons.push(
    hoursReason(band, { estimated: assignment.estimatedHours, available: Math.round(available ?? 0) }),
  );
  const hours = hoursPoints(assignment.estimatedHours, available ?? Number.NaN);

  const rankIndex = intern.preferences.slice(0, MAX_PREFERENCES).indexOf(assignment.id);
  const preference = preferencePoints(rankIndex);
  if (rankIndex >= 0) reasons.push({ code: "preferred", vars: { rank: rankIndex + 1 } });

  return {
    total: level + skills + interestScore + hours + preference,
    breakdown: { level, skills, interests: interestScore, hours, preference },
    reasons,
  };
}

type LevelReasonCode = "level_match" | "level_stretch" | "level_too_hard" | "level_easy" | "level_too_easy";

function levelReasonCode(gap: number): LevelReasonCode {
  if (gap === 0) return "level_match";
  if (gap === 1) return "level_stretch";
  if (gap > 1) return "level_too_hard";
  return gap === -1 ? "level_easy" : "level_too_easy";
}

function hoursReason(band: HoursBand, vars: HoursVars): FitReason {
  switch (band) {
    case "unknown":
      return { code: "hours_unknown" };
    case "light":
      return { code: "hours_light", vars };
    case "fit":
      return { code: "hours_fit", vars };
    case "tight":
      return { code: "hours_tight", vars };
    case "over":
    case "far_over":
      return { code: "hours_over", vars };
  }
}
