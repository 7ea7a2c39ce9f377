/**
 * Candidate generation for the batch: which (intern, assignment) pairs the matching considers.
 * Scoring all 120 M pairs of a 10,000 × 12,000 programme is what this avoids.
 *
 * Assignments are grouped by skill set, and groups are reached through a prefix-filtering
 * index (see `RarityIndex`), so skill and level points are worked out once per (intern, group).
 * A pair is only looked at if an upper bound on its score reaches a bar a little below the
 * intern's current K-th best; a few hundred pairs per intern pass, a few dozen are scored
 * exactly. Kept are:
 * - the intern's K best (ties broken by a hash of the pair, so similar interns spread out over
 *   equally good tasks instead of all queueing for the same one);
 * - their preferences, always;
 * - for each assignment, the interns it suits best among those for whom it came within the
 *   bar. In a tight library the optimum must use tasks that are nobody's favourite, placed with
 *   whoever loses least by taking them; measured on the synthetic library, these edges matter
 *   more than a longer list per intern, and the bar has to reach about 10 points below the K-th
 *   best (one level off, or one hours band off) before quality stops improving.
 * - interest-only and "background" tasks, for interns who overlap with little of the library.
 */
import { type CompiledInstance, PairScorer, packLists } from "./compiled.ts";
import {
  FIT_WEIGHTS,
  hoursPoints,
  interestPoints,
  levelForAssignment,
  levelPoints,
  MAX_PREFERENCES,
  skillPoints,
} from "./score.ts";

/** Candidate pairs as CSR by intern: `col`/`score` of intern `i` are `[rowStart[i], rowStart[i + 1])`. */
export interface CandidateEdges {
  readonly rowStart: Int32Array;
  readonly col: Int32Array;
  readonly score: Int32Array;
}

/** How many candidates to keep. */
export interface CandidateLimits {
  /** The intern's own best. */
  readonly perIntern: number;
  /** Best-suited interns kept per assignment. */
  readonly perAssignment: number;
  /** Background tasks per level for interns who overlap with little of the library. */
  readonly backgroundPerLevel: number;
  /** How far below an intern's K-th best a pair may score and still be offered to its assignment. */
  readonly slack: number;
}

const LEVELS = 5;
/** Scores are ≤ 100 and hashes < 2³², so `score × 2³² + hash` orders by score, then hash, exactly. */
const HASH_SPAN = 4294967296;
/** Column keys are `points × 2²⁴ + 24 hash bits`, so they fit a 32-bit int. */
const KEY_POINT = 16777216;

/**
 * Skill points and intern level from lookup tables for the common small counts: the walk needs
 * them for millions of (intern, group) pairs, and the divisions behind them add up. Built from
 * `skillPoints` and `levelForAssignment`, so the rules stay in `score.ts`.
 */
const TABLE_SIZE = 16;
const SKILL_POINTS_TABLE = Int8Array.from({ length: TABLE_SIZE * TABLE_SIZE }, (_, k) =>
  skillPoints(k % TABLE_SIZE, Math.floor(k / TABLE_SIZE)),
);
const LEVEL_TABLE = Int8Array.from({ length: TABLE_SIZE * 5 * TABLE_SIZE }, (_, k) =>
  levelForAssignment(k % (5 * TABLE_SIZE), Math.floor(k / (5 * TABLE_SIZE)), 0),
);

function skillPointsFast(matched: number, required: number): number {
  return required < TABLE_SIZE
    ? SKILL_POINTS_TABLE[required * TABLE_SIZE + matched]!
    : skillPoints(matched, required);
}

function levelForAssignmentFast(levelSum: number, matched: number, overall: number): number {
  if (matched === 0) return overall;
  return matched < TABLE_SIZE
    ? LEVEL_TABLE[matched * 5 * TABLE_SIZE + levelSum]!
    : levelForAssignment(levelSum, matched, overall);
}

/** A 32-bit integer hash (a murmur-style finaliser) for deterministic, well-spread tie-breaks. */
function mix(x: number): number {
  let h = x | 0;
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

function pairHash(intern: number, assignment: number): number {
  return mix((Math.imul(intern + 1, 0x9e3779b1) + assignment) | 0);
}

/** CSR postings: the open assignments listed under each key. */
interface Postings {
  readonly start: Int32Array;
  readonly list: Int32Array;
}

/** Builds postings from parallel (key, assignment) arrays. */
function buildPostings(keyCount: number, keys: readonly number[], values: readonly number[]): Postings {
  const start = new Int32Array(keyCount + 1);
  for (const key of keys) start[key + 1]! += 1;
  for (let k = 0; k < keyCount; k += 1) start[k + 1]! += start[k]!;
  const fill = start.slice(0, keyCount);
  const list = new Int32Array(keys.length);
  keys.forEach((key, e) => {
    list[fill[key]!] = values[e]!;
    fill[key]! += 1;
  });
  return { start, list };
}

/**
 * Open assignments grouped by their exact skill set ("TypeScript + React"). Within a group the
 * skill and level points an intern gets depend only on the assignment's level, so they are
 * worked out once per group instead of once per assignment. Members are split by level and
 * sorted by estimated hours, so a walk jumps straight to the hours that can still pay.
 */
export interface SkillGroups {
  readonly skillStart: Int32Array;
  readonly skillTerm: Int32Array;
  /**
   * Group `g`'s non-empty levels are units `unitStart[g] .. unitStart[g + 1]`; unit `u` has level
   * `unitLevel[u]` and members `member[memberStart[u] .. memberStart[u + 1]]`.
   */
  readonly unitStart: Int32Array;
  readonly unitLevel: Uint8Array;
  readonly memberStart: Int32Array;
  readonly member: Int32Array;
  readonly memberHours: Float64Array;
}

/**
 * Prefix-filtering index over the groups, as in set-similarity joins. Each group's skills are
 * put in rarity order and the group is listed under each skill, keyed by the skill's position
 * `j` and the group's skill count `r`. An intern first reaching a group through position `j`
 * lacks the `j` rarer skills, so covers at most `r − j`: a whole (j, r) list can be skipped once
 * that cannot reach the bar. Common skills (Git, JavaScript) are seldom a group's rarest, so
 * interns mostly walk short lists.
 */
interface RarityIndex {
  readonly groups: SkillGroups;
  /** Keyed by `list × termCount + term`. */
  readonly postings: Postings;
  readonly termCount: number;
  /** The (j, r) lists that occur, best possible skill points first. */
  readonly lists: Int32Array;
  readonly listSkillBound: Int32Array;
}

/**
 * Groups the open assignments that need skills by skill set, each set's skills rarest first
 * (by how many open assignments need them). Shared by the candidate walk and the optimum bound.
 */
export function groupBySkills(instance: CompiledInstance): SkillGroups {
  const { termCount, assignmentSkillStart: start, assignmentSkillTerm: terms } = instance;
  const m = instance.assignments.length;
  const frequency = new Int32Array(termCount);
  for (let a = 0; a < m; a += 1) {
    if (instance.assignmentOpen[a] === 0) continue;
    for (let k = start[a]!; k < start[a + 1]!; k += 1) frequency[terms[k]!]! += 1;
  }
  const groupOf = new Map<string, number>();
  const groupSkills: number[][] = [];
  const groupMembers: number[][] = [];
  for (let a = 0; a < m; a += 1) {
    if (instance.assignmentOpen[a] === 0 || start[a] === start[a + 1]) continue;
    const skills = Array.from(terms.subarray(start[a]!, start[a + 1]!));
    skills.sort((x, y) => frequency[x]! - frequency[y]! || x - y);
    const signature = skills.join(",");
    let g = groupOf.get(signature);
    if (g === undefined) {
      g = groupSkills.length;
      groupOf.set(signature, g);
      groupSkills.push(skills);
      groupMembers.push([]);
    }
    groupMembers[g]?.push(a);
  }
  const unitStart = new Int32Array(groupSkills.length + 1);
  const unitLevel: number[] = [];
  const memberStart: number[] = [];
  const member: number[] = [];
  groupMembers.forEach((list, g) => {
    list.sort(
      (x, y) =>
        instance.assignmentLevel[x]! - instance.assignmentLevel[y]! ||
        instance.assignmentHours[x]! - instance.assignmentHours[y]! ||
        x - y,
    );
    list.forEach((a, k) => {
      const level = instance.assignmentLevel[a]!;
      if (k === 0 || level !== instance.assignmentLevel[list[k - 1]!]) {
        unitLevel.push(level);
        memberStart.push(member.length);
      }
      member.push(a);
    });
    unitStart[g + 1] = unitLevel.length;
  });
  memberStart.push(member.length);
  const groupSkillLists = packLists(groupSkills);
  return {
    skillStart: groupSkillLists.start,
    skillTerm: groupSkillLists.values,
    unitStart,
    unitLevel: Uint8Array.from(unitLevel),
    memberStart: Int32Array.from(memberStart),
    member: Int32Array.from(member),
    memberHours: Float64Array.from(member, (a) => instance.assignmentHours[a]!),
  };
}

function buildRarityIndex(instance: CompiledInstance): RarityIndex {
  const groups = groupBySkills(instance);
  const termCount = instance.termCount;
  const groupSkills: number[][] = [];
  for (let g = 0; g + 1 < groups.skillStart.length; g += 1) {
    groupSkills.push(Array.from(groups.skillTerm.subarray(groups.skillStart[g]!, groups.skillStart[g + 1]!)));
  }
  let maxRequired = 0;
  for (const skills of groupSkills) maxRequired = Math.max(maxRequired, skills.length);
  const stride = maxRequired + 1;
  const keys: number[] = [];
  const values: number[] = [];
  const present = new Set<number>();
  groupSkills.forEach((skills, g) => {
    skills.forEach((term, j) => {
      const list = j * stride + skills.length;
      present.add(list);
      keys.push(list * termCount + term);
      values.push(g);
    });
  });
  const bound = (list: number): number => {
    const r = list % stride;
    return skillPoints(r - Math.floor(list / stride), r);
  };
  const lists = [...present].sort((x, y) => bound(y) - bound(x) || x - y);
  return {
    groups,
    postings: buildPostings(stride * stride * termCount, keys, values),
    termCount,
    lists: Int32Array.from(lists),
    listSkillBound: Int32Array.from(lists, bound),
  };
}

/** Interest index: for each term, the open assignments whose skills or tags carry it. */
function buildTermIndex(instance: CompiledInstance): Postings {
  const keys: number[] = [];
  const values: number[] = [];
  instance.assignments.forEach((_, a) => {
    if (instance.assignmentOpen[a] === 0) return;
    for (let k = instance.assignmentTermStart[a]!; k < instance.assignmentTermStart[a + 1]!; k += 1) {
      keys.push(instance.assignmentTerm[k]!);
      values.push(a);
    }
  });
  return buildPostings(instance.termCount, keys, values);
}

/** Open assignments of one level, sorted by estimated hours. */
interface LevelGroup {
  readonly ids: Int32Array;
  readonly hours: Float64Array;
}

function byLevelAndHours(instance: CompiledInstance): LevelGroup[] {
  const groups: number[][] = Array.from({ length: LEVELS }, () => []);
  instance.assignments.forEach((_, a) => {
    if (instance.assignmentOpen[a] === 1) groups[instance.assignmentLevel[a]! - 1]?.push(a);
  });
  return groups.map((group) => {
    group.sort((x, y) => instance.assignmentHours[x]! - instance.assignmentHours[y]! || x - y);
    return {
      ids: Int32Array.from(group),
      hours: Float64Array.from(group, (a) => instance.assignmentHours[a]!),
    };
  });
}

/** First index in `[from, to)` of ascending `sorted` whose value is greater than `value`. */
function firstAbove(sorted: Float64Array, from: number, to: number, value: number): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** The best `capacity` offers of one intern, kept sorted ascending (weakest at 0). */
class TopCandidates {
  readonly keys: Float64Array;
  readonly ids: Int32Array;
  readonly scores: Int32Array;
  readonly capacity: number;
  count = 0;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.keys = new Float64Array(capacity);
    this.ids = new Int32Array(capacity);
    this.scores = new Int32Array(capacity);
  }

  /** Whether an offer with this key (or a better one) would be kept. */
  admits(key: number): boolean {
    return this.count < this.capacity || key > this.keys[0]!;
  }

  /** Offers an assignment; `key` orders offers (higher is better) and is unique per pair. */
  offer(id: number, score: number, key: number): void {
    const keys = this.keys;
    let at: number;
    if (this.count < this.capacity) {
      // A free slot at the end: move the new key down into order.
      at = this.count;
      this.count += 1;
      while (at > 0 && keys[at - 1]! > key) {
        keys[at] = keys[at - 1]!;
        this.ids[at] = this.ids[at - 1]!;
        this.scores[at] = this.scores[at - 1]!;
        at -= 1;
      }
    } else {
      if (key <= keys[0]!) return;
      // Evict the weakest at 0 and move the new key up into order.
      at = 0;
      while (at + 1 < this.count && keys[at + 1]! < key) {
        keys[at] = keys[at + 1]!;
        this.ids[at] = this.ids[at + 1]!;
        this.scores[at] = this.scores[at + 1]!;
        at += 1;
      }
    }
    keys[at] = key;
    this.ids[at] = id;
    this.scores[at] = score;
  }
}

/**
 * For each assignment, the `perColumn` interns with the best offers. Offers rank by an upper
 * bound on the score (cheap to have for many pairs; the kept pairs are scored exactly at the
 * end), then by pair hash, packed into one int: `bound × 2²⁴ + 24 hash bits`. Each assignment's
 * offers are a small min-heap, and the weakest kept offer of a full heap is copied into a
 * compact array: millions of offers are turned away by one read of it.
 */
class ColumnCandidates {
  readonly perColumn: number;
  readonly keys: Int32Array;
  readonly interns: Int32Array;
  readonly #count: Int32Array;
  /** The weakest kept key of a full column, else −1. */
  readonly #floor: Int32Array;

  constructor(columns: number, perColumn: number) {
    this.perColumn = perColumn;
    this.keys = new Int32Array(columns * perColumn);
    this.interns = new Int32Array(columns * perColumn).fill(-1);
    this.#count = new Int32Array(columns);
    this.#floor = new Int32Array(columns).fill(perColumn === 0 ? 0x7fffffff : -1);
  }

  /** Offers intern `intern` for assignment `a` at `bound` points. */
  offer(a: number, intern: number, bound: number): void {
    // Most offers lose on points alone: turn them away before hashing.
    if ((bound + 1) * KEY_POINT <= this.#floor[a]!) return;
    const key = bound * KEY_POINT + (pairHash(intern, a) >>> 8);
    if (key <= this.#floor[a]!) return;
    const base = a * this.perColumn;
    const keys = this.keys;
    const interns = this.interns;
    const count = this.#count[a]!;
    if (count < this.perColumn) {
      // Sift up from the new leaf.
      let at = count;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (keys[base + parent]! <= key) break;
        keys[base + at] = keys[base + parent]!;
        interns[base + at] = interns[base + parent]!;
        at = parent;
      }
      keys[base + at] = key;
      interns[base + at] = intern;
      this.#count[a] = count + 1;
      if (count + 1 === this.perColumn) this.#floor[a] = keys[base]!;
      return;
    }
    // Replace the weakest (the root) and sift down.
    let at = 0;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= count) break;
      if (child + 1 < count && keys[base + child + 1]! < keys[base + child]!) child += 1;
      if (key <= keys[base + child]!) break;
      keys[base + at] = keys[base + child]!;
      interns[base + at] = interns[base + child]!;
      at = child;
    }
    keys[base + at] = key;
    interns[base + at] = intern;
    this.#floor[a] = keys[base]!;
  }
}

/** Runs the candidate search over every intern of a compiled instance. */
export class CandidateSearch {
  readonly #instance: CompiledInstance;
  readonly #limits: CandidateLimits;
  readonly #scorer: PairScorer;
  readonly #rarity: RarityIndex;
  readonly #terms: Postings;
  readonly #levels: readonly LevelGroup[];
  readonly #noSkill: Int32Array;
  readonly #stamp: Int32Array;
  /** Groups already walked in the current walk (each walk of each intern has its own mark). */
  readonly #groupStamp: Int32Array;
  #groupMark = 0;
  readonly #top: TopCandidates;
  readonly #columns: ColumnCandidates;
  #intern = -1;
  /** The K-th best score once K are held, else −1 (see `#bar`). */
  #threshold = -1;

  constructor(instance: CompiledInstance, limits: CandidateLimits) {
    this.#instance = instance;
    this.#limits = limits;
    this.#scorer = new PairScorer(instance);
    this.#rarity = buildRarityIndex(instance);
    this.#terms = buildTermIndex(instance);
    this.#levels = byLevelAndHours(instance);
    const noSkill: number[] = [];
    for (let a = 0; a < instance.assignments.length; a += 1) {
      const skills = instance.assignmentSkillStart[a + 1]! - instance.assignmentSkillStart[a]!;
      if (instance.assignmentOpen[a] === 1 && skills === 0) noSkill.push(a);
    }
    this.#noSkill = Int32Array.from(noSkill);
    this.#stamp = new Int32Array(instance.assignments.length);
    this.#groupStamp = new Int32Array(this.#rarity.groups.skillStart.length);
    this.#top = new TopCandidates(Math.max(1, limits.perIntern));
    this.#columns = new ColumnCandidates(instance.assignments.length, limits.perAssignment);
  }

  /** Searches every intern and returns the union of all kept pairs, deduplicated per intern. */
  run(): CandidateEdges {
    const n = this.#instance.interns.length;
    const width = this.#top.capacity + MAX_PREFERENCES;
    const ownCol = new Int32Array(n * width);
    const ownScore = new Int32Array(n * width);
    const ownCount = new Int32Array(n);
    for (let i = 0; i < n; i += 1) {
      ownCount[i] = this.#searchIntern(i, ownCol, ownScore, i * width);
    }
    return this.#merge(ownCol, ownScore, ownCount, width);
  }

  /** Fills the intern's own candidates at `at` and returns how many. */
  #searchIntern(i: number, cols: Int32Array, scores: Int32Array, at: number): number {
    const instance = this.#instance;
    const scorer = this.#scorer;
    scorer.load(i);
    this.#intern = i;
    this.#threshold = -1;
    this.#top.count = 0;
    const mark = i + 1;
    // Tasks the intern had before are stamped so that no walk looks at them.
    scorer.forEachHad((a) => {
      this.#stamp[a] = mark;
    });
    // Preferences first: they are kept whatever they score, and may set a high bar early.
    const preferences: number[] = [];
    for (let rank = 0; rank < MAX_PREFERENCES; rank += 1) {
      const a = instance.internPreference[i * MAX_PREFERENCES + rank]!;
      if (a >= 0 && this.#stamp[a] !== mark) {
        this.#offer(a, mark);
        if (scorer.eligible(a)) preferences.push(a);
      }
    }
    for (const a of this.#noSkill) if (this.#stamp[a] !== mark) this.#offer(a, mark);
    this.#walkRarityLists(i, mark);
    // What a task with no skill overlap can score: level, hours, interests (no preference, as
    // preferences were offered already). Only then can interest-only or background tasks matter.
    const noOverlapBound = FIT_WEIGHTS.level + FIT_WEIGHTS.hours + scorer.interestBound();
    if (this.#threshold <= noOverlapBound) {
      this.#walkInterests(i, mark);
      this.#offerBackground(i, mark);
    }

    const top = this.#top;
    let count = 0;
    for (let k = top.count - 1; k >= 0; k -= 1) {
      cols[at + count] = top.ids[k]!;
      scores[at + count] = top.scores[k]!;
      count += 1;
    }
    for (const a of preferences) {
      if (cols.subarray(at, at + count).includes(a)) continue;
      cols[at + count] = a;
      scores[at + count] = scorer.score(a);
      count += 1;
    }
    scorer.unload();
    return count;
  }

  /**
   * The score a pair must be able to reach to be worth scoring: a little below the intern's K-th
   * best, because the pairs just below it are what each assignment's own list is chosen from,
   * and an assignment nobody ranks highly still needs interns who would take it.
   */
  #bar(): number {
    return this.#threshold < 0 ? -1 : this.#threshold - this.#limits.slack;
  }

  /** Scores `a` for the loaded intern and offers it to both the intern's and the task's lists. */
  #offer(a: number, mark: number): void {
    this.#stamp[a] = mark;
    const scorer = this.#scorer;
    if (!scorer.eligible(a)) return;
    const score = scorer.score(a);
    this.#offerToIntern(a, score);
    this.#columns.offer(a, this.#intern, score);
  }

  /** Offers `a` to the loaded intern's own list at a known score. */
  #offerToIntern(a: number, score: number): void {
    const top = this.#top;
    top.offer(a, score, score * HASH_SPAN + pairHash(this.#intern, a));
    if (top.count === top.capacity) this.#threshold = top.scores[0]!;
  }

  #walkRarityLists(i: number, mark: number): void {
    const instance = this.#instance;
    const scorer = this.#scorer;
    const { postings, lists, listSkillBound, termCount, groups } = this.#rarity;
    const { skillStart: groupSkillStart, skillTerm: groupSkillTerm, unitStart, unitLevel } = groups;
    const { memberStart, member, memberHours } = groups;
    const stamp = this.#stamp;
    const groupStamp = this.#groupStamp;
    const skillLevels = scorer.skillLevels;
    const overall = scorer.overallLevel;
    const available = scorer.available;
    const interestBound = scorer.interestBound();
    const noInterestPoints = interestPoints(
      0,
      instance.internInterestStart[i + 1]! - instance.internInterestStart[i]!,
    );
    const termMaskLow = instance.assignmentTermMaskLow;
    const termMaskHigh = instance.assignmentTermMaskHigh;
    const interestMaskLow = scorer.interestMaskLow;
    const interestMaskHigh = scorer.interestMaskHigh;
    const internSkillStart = instance.internSkillStart[i]!;
    const internSkillEnd = instance.internSkillStart[i + 1]!;
    // Preferences were offered first, so no pair visited here earns preference points.
    const restBound = FIT_WEIGHTS.level + FIT_WEIGHTS.hours + interestBound;
    const groupMark = this.#groupMark + 1;
    this.#groupMark = groupMark;
    let bar = this.#bar();
    for (let l = 0; l < lists.length; l += 1) {
      if (listSkillBound[l]! + restBound < bar) break;
      for (let k = internSkillStart; k < internSkillEnd; k += 1) {
        const key = lists[l]! * termCount + instance.internSkillTerm[k]!;
        for (let p = postings.start[key]!; p < postings.start[key + 1]!; p += 1) {
          const g = postings.list[p]!;
          if (groupStamp[g] === groupMark) continue;
          groupStamp[g] = groupMark;
          let matched = 0;
          let levelSum = 0;
          const skillsFrom = groupSkillStart[g]!;
          const skillsTo = groupSkillStart[g + 1]!;
          for (let q = skillsFrom; q < skillsTo; q += 1) {
            const internLevel = skillLevels[groupSkillTerm[q]!]!;
            if (internLevel > 0) {
              matched += 1;
              levelSum += internLevel;
            }
          }
          const skills = skillPointsFast(matched, skillsTo - skillsFrom);
          const internLevel = levelForAssignmentFast(levelSum, matched, overall);
          for (let u = unitStart[g]!; u < unitStart[g + 1]!; u += 1) {
            const level = unitLevel[u]!;
            const from = memberStart[u]!;
            const to = memberStart[u + 1]!;
            // Most pairs cannot reach the bar even at best and are never looked at.
            const base = skills + levelPoints(internLevel, level);
            if (base + FIT_WEIGHTS.hours + interestBound < bar) continue;
            // Groups are small (a few tasks a level), so a plain scan beats searching by hours.
            for (let q = from; q < to; q += 1) {
              const partial = base + hoursPoints(memberHours[q]!, available);
              if (partial + interestBound < bar) continue;
              const a = member[q]!;
              // Stamped: already offered, or had before (stamped up front).
              if (stamp[a] === mark) continue;
              const overlap = (termMaskLow[a]! & interestMaskLow) | (termMaskHigh[a]! & interestMaskHigh);
              const bound = partial + (overlap === 0 ? noInterestPoints : interestBound);
              if (bound < bar) continue;
              // Close enough for the assignment's own list, ranked by the bound; scored later.
              this.#columns.offer(a, i, bound);
              // The exact score is at most the bound: skip unless it could still enter the K best.
              if (bound < this.#threshold || !this.#top.admits(bound * HASH_SPAN + pairHash(i, a))) continue;
              stamp[a] = mark;
              this.#offerToIntern(a, scorer.scoreFromCounts(a, matched, levelSum, scorer.interestMatches(a)));
              bar = this.#bar();
            }
          }
        }
      }
    }
  }

  #walkInterests(i: number, mark: number): void {
    const instance = this.#instance;
    const { start, list } = this.#terms;
    for (let k = instance.internInterestStart[i]!; k < instance.internInterestStart[i + 1]!; k += 1) {
      const term = instance.internInterestTerm[k]!;
      for (let p = start[term]!; p < start[term + 1]!; p += 1) {
        const a = list[p]!;
        if (this.#stamp[a] !== mark) this.#offer(a, mark);
      }
    }
  }

  /**
   * Offers a few tasks of each level from the hours band that suits the intern, from a
   * per-intern offset so interns with similar hours spread out.
   */
  #offerBackground(i: number, mark: number): void {
    const perLevel = this.#limits.backgroundPerLevel;
    if (perLevel === 0) return;
    const available = this.#instance.internAvailable[i]!;
    this.#levels.forEach((group, level) => {
      let low = 0;
      let high = group.ids.length;
      if (!Number.isNaN(available)) {
        // The "fits" band, else "tight", else the heaviest of the "light" ones.
        low = firstAbove(group.hours, 0, group.hours.length, 0.25 * available);
        high = firstAbove(group.hours, 0, group.hours.length, available);
        if (low === high) high = firstAbove(group.hours, 0, group.hours.length, 1.25 * available);
        if (low === high) {
          high = low;
          low = 0;
        }
      }
      const span = high - low;
      if (span === 0) return;
      const offset = mix(Math.imul(i + 1, 0x85ebca6b) + level) % span;
      let offered = 0;
      for (let probe = 0; probe < span && probe < 4 * perLevel && offered < perLevel; probe += 1) {
        const a = group.ids[low + ((offset + probe) % span)]!;
        if (this.#stamp[a] === mark) continue;
        this.#offer(a, mark);
        offered += 1;
      }
    });
  }

  /**
   * Adds each assignment's best-suited interns to those interns' own lists (scoring those pairs
   * exactly, one intern at a time) and packs everything as CSR.
   */
  #merge(ownCol: Int32Array, ownScore: Int32Array, ownCount: Int32Array, width: number): CandidateEdges {
    const n = ownCount.length;
    const columns = this.#columns;
    const extraStart = new Int32Array(n + 1);
    for (const intern of columns.interns) if (intern >= 0) extraStart[intern + 1]! += 1;
    for (let i = 0; i < n; i += 1) extraStart[i + 1]! += extraStart[i]!;
    const extra = new Int32Array(extraStart[n]!);
    const fillExtra = extraStart.slice(0, n);
    columns.interns.forEach((intern, slot) => {
      if (intern < 0) return;
      extra[fillExtra[intern]!] = Math.floor(slot / columns.perColumn);
      fillExtra[intern]! += 1;
    });

    const rowStart = new Int32Array(n + 1);
    const col = new Int32Array(n * width + extra.length);
    const score = new Int32Array(n * width + extra.length);
    let write = 0;
    for (let i = 0; i < n; i += 1) {
      rowStart[i] = write;
      const from = i * width;
      col.set(ownCol.subarray(from, from + ownCount[i]!), write);
      score.set(ownScore.subarray(from, from + ownCount[i]!), write);
      write += ownCount[i]!;
      if (extraStart[i] === extraStart[i + 1]) continue;
      this.#scorer.load(i);
      for (let k = extraStart[i]!; k < extraStart[i + 1]!; k += 1) {
        const a = extra[k]!;
        let duplicate = false;
        for (let e = rowStart[i]!; e < write && !duplicate; e += 1) duplicate = col[e] === a;
        if (duplicate) continue;
        col[write] = a;
        score[write] = this.#scorer.score(a);
        write += 1;
      }
      this.#scorer.unload();
    }
    rowStart[n] = write;
    return { rowStart, col: col.subarray(0, write), score: score.subarray(0, write) };
  }
}
