/**
 * An allocation instance compiled into typed arrays, and a scorer that gives the same totals
 * as `scoreFit` without building reasons or strings. Batch, exact and ranking all score
 * through here: at 10,000 × 12,000 the object-based `scoreFit` would be far too slow, and one
 * compiled form keeps the three in step. Tests check that both scorers agree.
 */
import { type AllocationMethod, type HistoryIndex, programmeIneligibility } from "./eligibility.ts";
import {
  clampLevel,
  hoursPoints,
  interestPoints,
  levelForAssignment,
  levelPoints,
  MAX_PREFERENCES,
  memoisedNormaliser,
  overallLevel,
  preferencePoints,
  skillPoints,
} from "./score.ts";
import type { AllocationAssignment, AllocationIntern } from "./types.ts";

/** What compiling needs besides interns and assignments. */
export interface CompileOptions {
  readonly weeks: number;
  readonly history: HistoryIndex;
  /** Assignment ids already allocated in the programme. */
  readonly taken: ReadonlySet<string>;
  readonly method: AllocationMethod;
}

/** Interns and assignments, sorted by id so results do not depend on input order. */
export interface CompiledInstance {
  readonly interns: readonly AllocationIntern[];
  readonly assignments: readonly AllocationAssignment[];
  readonly termCount: number;
  readonly assignmentLevel: Uint8Array;
  readonly assignmentHours: Float64Array;
  /** CSR: skills of assignment `a` are `skillTerm[skillStart[a] .. skillStart[a + 1])`. */
  readonly assignmentSkillStart: Int32Array;
  readonly assignmentSkillTerm: Int32Array;
  /** CSR: skills and tags together, the terms interests are matched against. */
  readonly assignmentTermStart: Int32Array;
  readonly assignmentTerm: Int32Array;
  /**
   * A 64-bit signature of each assignment's terms (bit `term mod 64`, in two 32-bit halves).
   * Intersected with an intern's interest signature it bounds their interest matches from
   * above (two terms may share a bit, never the other way round) without reading the terms.
   */
  readonly assignmentTermMaskLow: Int32Array;
  readonly assignmentTermMaskHigh: Int32Array;
  /** 1 when the programme may hand the assignment out (status, flags, not taken). */
  readonly assignmentOpen: Uint8Array;
  readonly internSkillStart: Int32Array;
  readonly internSkillTerm: Int32Array;
  readonly internSkillLevel: Uint8Array;
  readonly internInterestStart: Int32Array;
  readonly internInterestTerm: Int32Array;
  /** Hours available over the programme, `NaN` when unknown. */
  readonly internAvailable: Float64Array;
  readonly internOverallLevel: Uint8Array;
  /** `MAX_PREFERENCES` assignment indices per intern, −1 where none. */
  readonly internPreference: Int32Array;
  /** CSR: assignment indices the intern's Discord user had before. */
  readonly internHadStart: Int32Array;
  readonly internHad: Int32Array;
}

function byId<T extends { readonly id: string }>(items: readonly T[], what: string): T[] {
  const sorted = [...items].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  for (let k = 1; k < sorted.length; k += 1) {
    if (sorted[k]?.id === sorted[k - 1]?.id) throw new Error(`duplicate ${what} id ${sorted[k]?.id}`);
  }
  return sorted;
}

/** Packs lists of numbers into CSR arrays (`values[start[k] .. start[k + 1]]` is list `k`). */
export function packLists(lists: readonly (readonly number[])[]): { start: Int32Array; values: Int32Array } {
  const start = new Int32Array(lists.length + 1);
  let total = 0;
  for (let k = 0; k < lists.length; k += 1) {
    start[k] = total;
    total += lists[k]?.length ?? 0;
  }
  start[lists.length] = total;
  const values = new Int32Array(total);
  let at = 0;
  for (const list of lists) {
    values.set(list, at);
    at += list.length;
  }
  return { start, values };
}

/** Compiles interns and assignments for fast scoring. */
export function compileInstance(
  interns: readonly AllocationIntern[],
  assignments: readonly AllocationAssignment[],
  options: CompileOptions,
): CompiledInstance {
  const sortedInterns = byId(interns, "intern");
  const sortedAssignments = byId(assignments, "assignment");
  const termIds = new Map<string, number>();
  // Skill names repeat across thousands of rows; NFKC once per distinct spelling.
  const normalise = memoisedNormaliser();
  const termOf = (raw: string): number => {
    const term = normalise(raw);
    if (term === "") return -1;
    let id = termIds.get(term);
    if (id === undefined) {
      id = termIds.size;
      termIds.set(term, id);
    }
    return id;
  };
  const distinctIds = (raws: readonly string[]): number[] => {
    const ids: number[] = [];
    for (const raw of raws) {
      const id = termOf(raw);
      if (id >= 0 && !ids.includes(id)) ids.push(id);
    }
    return ids;
  };

  const assignmentCount = sortedAssignments.length;
  const assignmentIndex = new Map<string, number>();
  const assignmentLevel = new Uint8Array(assignmentCount);
  const assignmentHours = new Float64Array(assignmentCount);
  const assignmentOpen = new Uint8Array(assignmentCount);
  const skillLists: number[][] = [];
  const termLists: number[][] = [];
  sortedAssignments.forEach((assignment, a) => {
    assignmentIndex.set(assignment.id, a);
    assignmentLevel[a] = clampLevel(assignment.level);
    assignmentHours[a] = assignment.estimatedHours;
    assignmentOpen[a] =
      programmeIneligibility(assignment, options.method) === null && !options.taken.has(assignment.id)
        ? 1
        : 0;
    const skills = distinctIds(assignment.skills);
    skillLists.push(skills);
    const terms = [...skills];
    for (const id of distinctIds(assignment.tags ?? [])) if (!terms.includes(id)) terms.push(id);
    termLists.push(terms);
  });
  const assignmentSkills = packLists(skillLists);
  const assignmentTerms = packLists(termLists);
  const assignmentTermMaskLow = new Int32Array(assignmentCount);
  const assignmentTermMaskHigh = new Int32Array(assignmentCount);
  termLists.forEach((terms, a) => {
    for (const term of terms) {
      if ((term & 63) < 32) assignmentTermMaskLow[a]! |= 1 << (term & 31);
      else assignmentTermMaskHigh[a]! |= 1 << (term & 31);
    }
  });

  const internCount = sortedInterns.length;
  const internAvailable = new Float64Array(internCount);
  const internOverallLevel = new Uint8Array(internCount);
  const internPreference = new Int32Array(internCount * MAX_PREFERENCES).fill(-1);
  const internSkillLists: number[][] = [];
  const internSkillLevels: number[] = [];
  const interestLists: number[][] = [];
  const hadLists: number[][] = [];
  sortedInterns.forEach((intern, i) => {
    const levels = new Map<number, number>();
    for (const skill of intern.skills) {
      const id = termOf(skill.name);
      if (id >= 0) levels.set(id, Math.max(levels.get(id) ?? 0, clampLevel(skill.level)));
    }
    internSkillLists.push([...levels.keys()]);
    internSkillLevels.push(...levels.values());
    internOverallLevel[i] = overallLevel([...levels.values()]);
    interestLists.push(distinctIds(intern.interests));
    internAvailable[i] =
      intern.hoursPerWeek === null ? Number.NaN : Math.max(0, intern.hoursPerWeek) * options.weeks;
    intern.preferences.slice(0, MAX_PREFERENCES).forEach((id, rank) => {
      internPreference[i * MAX_PREFERENCES + rank] = assignmentIndex.get(id) ?? -1;
    });
    const had: number[] = [];
    for (const id of options.history.get(intern.discordUserId) ?? []) {
      const a = assignmentIndex.get(id);
      if (a !== undefined) had.push(a);
    }
    hadLists.push(had);
  });
  const internSkills = packLists(internSkillLists);
  const interests = packLists(interestLists);
  const had = packLists(hadLists);

  return {
    interns: sortedInterns,
    assignments: sortedAssignments,
    termCount: termIds.size,
    assignmentLevel,
    assignmentHours,
    assignmentSkillStart: assignmentSkills.start,
    assignmentSkillTerm: assignmentSkills.values,
    assignmentTermStart: assignmentTerms.start,
    assignmentTerm: assignmentTerms.values,
    assignmentTermMaskLow,
    assignmentTermMaskHigh,
    assignmentOpen,
    internSkillStart: internSkills.start,
    internSkillTerm: internSkills.values,
    internSkillLevel: Uint8Array.from(internSkillLevels),
    internInterestStart: interests.start,
    internInterestTerm: interests.values,
    internAvailable,
    internOverallLevel,
    internPreference,
    internHadStart: had.start,
    internHad: had.values,
  };
}

/**
 * Scores one intern against many assignments. `load` an intern, score, then `unload` before the
 * next: the per-term and per-assignment scratch arrays are reset by what was set, not cleared
 * whole, so switching interns costs only their own skills and history.
 */
export class PairScorer {
  readonly #instance: CompiledInstance;
  readonly #skillLevel: Uint8Array;
  readonly #interest: Uint8Array;
  readonly #preferenceRank: Int8Array;
  readonly #had: Uint8Array;
  #intern = -1;
  #interestCount = 0;
  #interestMaskLow = 0;
  #interestMaskHigh = 0;
  #overall = 1;
  #available = Number.NaN;

  constructor(instance: CompiledInstance) {
    this.#instance = instance;
    this.#skillLevel = new Uint8Array(instance.termCount);
    this.#interest = new Uint8Array(instance.termCount);
    this.#preferenceRank = new Int8Array(instance.assignments.length).fill(-1);
    this.#had = new Uint8Array(instance.assignments.length);
  }

  /** Prepares scratch for intern `i`. */
  load(i: number): void {
    if (this.#intern >= 0) this.unload();
    const inst = this.#instance;
    this.#intern = i;
    for (let k = inst.internSkillStart[i]!; k < inst.internSkillStart[i + 1]!; k += 1) {
      this.#skillLevel[inst.internSkillTerm[k]!] = inst.internSkillLevel[k]!;
    }
    this.#interestMaskLow = 0;
    this.#interestMaskHigh = 0;
    for (let k = inst.internInterestStart[i]!; k < inst.internInterestStart[i + 1]!; k += 1) {
      const term = inst.internInterestTerm[k]!;
      this.#interest[term] = 1;
      if ((term & 63) < 32) this.#interestMaskLow |= 1 << (term & 31);
      else this.#interestMaskHigh |= 1 << (term & 31);
    }
    for (let rank = 0; rank < MAX_PREFERENCES; rank += 1) {
      const a = inst.internPreference[i * MAX_PREFERENCES + rank]!;
      // A repeated preference keeps its best rank.
      if (a >= 0 && this.#preferenceRank[a] === -1) this.#preferenceRank[a] = rank;
    }
    for (let k = inst.internHadStart[i]!; k < inst.internHadStart[i + 1]!; k += 1)
      this.#had[inst.internHad[k]!] = 1;
    this.#interestCount = inst.internInterestStart[i + 1]! - inst.internInterestStart[i]!;
    this.#overall = inst.internOverallLevel[i]!;
    this.#available = inst.internAvailable[i]!;
  }

  /** Resets the scratch set by `load`. */
  unload(): void {
    const inst = this.#instance;
    const i = this.#intern;
    if (i < 0) return;
    for (let k = inst.internSkillStart[i]!; k < inst.internSkillStart[i + 1]!; k += 1) {
      this.#skillLevel[inst.internSkillTerm[k]!] = 0;
    }
    for (let k = inst.internInterestStart[i]!; k < inst.internInterestStart[i + 1]!; k += 1) {
      this.#interest[inst.internInterestTerm[k]!] = 0;
    }
    for (let rank = 0; rank < MAX_PREFERENCES; rank += 1) {
      const a = inst.internPreference[i * MAX_PREFERENCES + rank]!;
      if (a >= 0) this.#preferenceRank[a] = -1;
    }
    for (let k = inst.internHadStart[i]!; k < inst.internHadStart[i + 1]!; k += 1)
      this.#had[inst.internHad[k]!] = 0;
    this.#intern = -1;
  }

  /** Whether the loaded intern may get assignment `a` (open in the programme, not had before). */
  eligible(a: number): boolean {
    return this.#instance.assignmentOpen[a] === 1 && this.#had[a] === 0;
  }

  /** The most interest points any assignment can give the loaded intern. */
  interestBound(): number {
    return interestPoints(this.#interestCount, this.#interestCount);
  }

  /** The loaded intern's interest signature, low and high 32 bits (see `assignmentTermMaskLow`). */
  get interestMaskLow(): number {
    return this.#interestMaskLow;
  }

  get interestMaskHigh(): number {
    return this.#interestMaskHigh;
  }

  /** Calls `visit` for each assignment the loaded intern's Discord user had before. */
  forEachHad(visit: (a: number) => void): void {
    const inst = this.#instance;
    const i = this.#intern;
    for (let k = inst.internHadStart[i]!; k < inst.internHadStart[i + 1]!; k += 1) visit(inst.internHad[k]!);
  }

  /** The loaded intern's level per skill term, 0 where they lack it. */
  get skillLevels(): Uint8Array {
    return this.#skillLevel;
  }

  /** The loaded intern's overall level (for assignments none of whose skills they have). */
  get overallLevel(): number {
    return this.#overall;
  }

  /** The loaded intern's hours over the programme, `NaN` when unknown. */
  get available(): number {
    return this.#available;
  }

  /** The loaded intern's total for assignment `a`; equals `scoreFit(...).total`. */
  score(a: number): number {
    const inst = this.#instance;
    let matched = 0;
    let levelSum = 0;
    for (let k = inst.assignmentSkillStart[a]!; k < inst.assignmentSkillStart[a + 1]!; k += 1) {
      const level = this.#skillLevel[inst.assignmentSkillTerm[k]!]!;
      if (level > 0) {
        matched += 1;
        levelSum += level;
      }
    }
    return this.scoreFromCounts(a, matched, levelSum, this.interestMatches(a));
  }

  /** How many of the loaded intern's interests assignment `a`'s skills and tags touch. */
  interestMatches(a: number): number {
    if (this.#interestCount === 0) return 0;
    const inst = this.#instance;
    let matches = 0;
    for (let k = inst.assignmentTermStart[a]!; k < inst.assignmentTermStart[a + 1]!; k += 1) {
      matches += this.#interest[inst.assignmentTerm[k]!]!;
    }
    return matches;
  }

  /**
   * The total from counts gathered elsewhere (the batch accumulates them through an inverted
   * index instead of walking each assignment's skills).
   */
  scoreFromCounts(
    a: number,
    matchedSkills: number,
    matchedLevelSum: number,
    interestMatches: number,
  ): number {
    const inst = this.#instance;
    const required = inst.assignmentSkillStart[a + 1]! - inst.assignmentSkillStart[a]!;
    const internLevel = levelForAssignment(matchedLevelSum, matchedSkills, this.#overall);
    return (
      levelPoints(internLevel, inst.assignmentLevel[a]!) +
      skillPoints(matchedSkills, required) +
      interestPoints(interestMatches, this.#interestCount) +
      hoursPoints(inst.assignmentHours[a]!, this.#available) +
      preferencePoints(this.#preferenceRank[a]!)
    );
  }
}
