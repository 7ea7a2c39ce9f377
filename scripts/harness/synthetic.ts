/**
 * Seeded synthetic allocation instances for tests, the benchmark and sandbox demos. Shaped like
 * a real library: tasks cluster into tracks (frontend, data, writing …) with a few skills
 * everyone lists (Git, Japanese); popular tasks attract most preferences; some interns came
 * back from earlier programmes. Same seed, same instance.
 */
import type {
  AllocationAssignment,
  AllocationIntern,
  PastAllocation,
  ProgrammeWindow,
} from "../../src/domain/allocation/types.ts";
import { seededRandom } from "../../src/domain/random.ts";

export { seededRandom };

interface Track {
  readonly name: string;
  readonly weight: number;
  /** Most common first: sampling favours the front of the list. */
  readonly skills: readonly string[];
  readonly tags: readonly string[];
}

const TRACKS: readonly Track[] = [
  {
    name: "frontend",
    weight: 0.22,
    skills: ["JavaScript", "HTML", "CSS", "TypeScript", "React", "Vue", "Next.js", "Accessibility", "Figma"],
    tags: ["web", "ui", "accessibility", "e-commerce"],
  },
  {
    name: "backend",
    weight: 0.2,
    skills: [
      "TypeScript",
      "SQL",
      "Node.js",
      "Python",
      "REST API",
      "PostgreSQL",
      "Docker",
      "Go",
      "GraphQL",
      "Redis",
    ],
    tags: ["api", "web", "fintech", "automation"],
  },
  {
    name: "mobile",
    weight: 0.08,
    skills: ["Kotlin", "Swift", "Flutter", "Firebase", "React Native", "UI design"],
    tags: ["mobile", "ui", "health"],
  },
  {
    name: "data",
    weight: 0.14,
    skills: ["Python", "SQL", "Excel", "pandas", "Statistics", "Visualisation", "Machine learning"],
    tags: ["data", "ai", "research", "education"],
  },
  {
    name: "infra",
    weight: 0.08,
    skills: ["Linux", "Docker", "AWS", "CI/CD", "Terraform", "Kubernetes", "Networking", "Security"],
    tags: ["infra", "security", "automation"],
  },
  {
    name: "design",
    weight: 0.1,
    skills: ["Figma", "UI design", "UX research", "Illustration", "Accessibility", "Copywriting"],
    tags: ["ui", "accessibility", "education", "health"],
  },
  {
    name: "writing",
    weight: 0.1,
    skills: ["Technical writing", "Japanese", "English", "Markdown", "Translation", "Copywriting"],
    tags: ["docs", "education", "localisation"],
  },
  {
    name: "qa",
    weight: 0.08,
    skills: ["Testing", "JavaScript", "Bug reporting", "Python", "Playwright", "Excel"],
    tags: ["quality", "automation", "web"],
  },
];

const GENERIC_SKILLS = ["Git", "Japanese", "English", "Communication"] as const;

/** Options for `generateInstance`. */
export interface SyntheticOptions {
  readonly seed: number;
  readonly interns: number;
  readonly assignments: number;
  /** Programme length in weeks; default 6. */
  readonly weeks?: number;
  /** Share of assignments still in live recruitment; default 0.08. */
  readonly activeShare?: number;
  /** Share of assignments excluded / reserved by the organiser; default 0.02 each. */
  readonly excludedShare?: number;
  readonly reservedShare?: number;
  /** Share of interns who took part before (and so have history); default 0.15. */
  readonly returningShare?: number;
}

/** A generated programme: interns, the library, earlier allocations and the dates. */
export interface SyntheticInstance {
  readonly interns: AllocationIntern[];
  readonly assignments: AllocationAssignment[];
  readonly history: PastAllocation[];
  readonly programme: ProgrammeWindow;
}

type Random = () => number;

function pickWeighted<T>(random: Random, items: readonly T[], weights: readonly number[]): T {
  const total = weights.reduce((sum, w) => sum + w, 0);
  let r = random() * total;
  for (let k = 0; k < items.length; k += 1) {
    r -= weights[k] ?? 0;
    if (r < 0) return items[k]!;
  }
  return items[items.length - 1]!;
}

/** Picks an index in [0, n) with Zipf-like weights, favouring the front. */
function pickSkewed(random: Random, n: number, exponent = 0.9): number {
  // Inverse-transform on a continuous power law: cheap and good enough for test data.
  const u = random();
  const x = (n + 1) ** (1 - exponent);
  const index = Math.floor(((x - 1) * u + 1) ** (1 / (1 - exponent))) - 1;
  return Math.min(n - 1, Math.max(0, index));
}

function pickDistinct(random: Random, pool: readonly string[], count: number, into: string[]): void {
  for (let tries = 0; into.length < count && tries < count * 8; tries += 1) {
    const item = pool[pickSkewed(random, pool.length)]!;
    if (!into.includes(item)) into.push(item);
  }
}

function between(random: Random, low: number, high: number): number {
  return low + Math.floor(random() * (high - low + 1));
}

const pad = (n: number): string => n.toString().padStart(6, "0");

/** Generates a seeded instance. Ids are `i000001`, `a000001`, users `u000001`. */
export function generateInstance(options: SyntheticOptions): SyntheticInstance {
  const random = seededRandom(options.seed);
  const weeks = options.weeks ?? 6;
  const activeShare = options.activeShare ?? 0.08;
  const excludedShare = options.excludedShare ?? 0.02;
  const reservedShare = options.reservedShare ?? 0.02;
  const returningShare = options.returningShare ?? 0.15;
  const trackWeights = TRACKS.map((track) => track.weight);

  const assignments: AllocationAssignment[] = [];
  // Open tasks by track and level: interns wish for tasks in their track near their level.
  const openByTrackLevel = new Map<string, string[]>();
  const retiredIds: string[] = [];
  for (let a = 0; a < options.assignments; a += 1) {
    const track = pickWeighted(random, TRACKS, trackWeights);
    const skills: string[] = [];
    const skillCount = pickWeighted(random, [1, 2, 3, 4], [0.2, 0.35, 0.3, 0.15]);
    if (random() < 0.15) skills.push(GENERIC_SKILLS[pickSkewed(random, GENERIC_SKILLS.length)]!);
    pickDistinct(random, track.skills, skillCount, skills);
    const tags: string[] = [];
    pickDistinct(random, track.tags, between(random, 0, 2), tags);
    const level = pickWeighted(random, [1, 2, 3, 4, 5], [0.15, 0.3, 0.3, 0.17, 0.08]);
    const estimatedHours = Math.min(
      120,
      Math.max(10, 5 * Math.round((level * 18 + (random() - 0.5) * 40) / 5)),
    );
    const active = random() < activeShare;
    const flag = random();
    const assignment: AllocationAssignment = {
      id: `a${pad(a + 1)}`,
      status: active ? "active_in_recruitment" : "retired",
      level,
      skills,
      tags,
      estimatedHours,
      excluded: flag < excludedShare,
      reserved: flag >= excludedShare && flag < excludedShare + reservedShare,
    };
    assignments.push(assignment);
    if (!active) retiredIds.push(assignment.id);
    if (!active && !assignment.excluded && !assignment.reserved) {
      const key = `${track.name}/${level}`;
      const open = openByTrackLevel.get(key);
      if (open === undefined) openByTrackLevel.set(key, [assignment.id]);
      else open.push(assignment.id);
    }
  }

  const interns: AllocationIntern[] = [];
  const history: PastAllocation[] = [];
  for (let i = 0; i < options.interns; i += 1) {
    const primary = pickWeighted(random, TRACKS, trackWeights);
    const secondary = random() < 0.25 ? pickWeighted(random, TRACKS, trackWeights) : undefined;
    const baseLevel = pickWeighted(random, [1, 2, 3, 4, 5], [0.25, 0.3, 0.25, 0.13, 0.07]);
    const names: string[] = [];
    pickDistinct(random, primary.skills, between(random, 2, 5), names);
    if (secondary !== undefined)
      pickDistinct(random, secondary.skills, names.length + between(random, 1, 2), names);
    if (random() < 0.6) pickDistinct(random, GENERIC_SKILLS, names.length + between(random, 1, 2), names);
    const skills = names.map((name) => ({
      name,
      level: Math.min(5, Math.max(1, baseLevel + between(random, -1, 1))),
    }));
    const interests: string[] = [];
    if (random() >= 0.1) {
      const pool = secondary === undefined ? primary.tags : [...primary.tags, ...secondary.tags];
      pickDistinct(random, pool, between(random, 1, 3), interests);
    }
    const preferences: string[] = [];
    const wanted = pickWeighted(random, [0, 1, 2, 3], [0.3, 0.2, 0.2, 0.3]);
    for (let tries = 0; preferences.length < wanted && tries < 8; tries += 1) {
      const level = Math.min(5, Math.max(1, baseLevel + pickWeighted(random, [-1, 0, 1], [0.2, 0.5, 0.3])));
      const open = openByTrackLevel.get(`${primary.name}/${level}`) ?? [];
      if (open.length > 0) pickDistinct(random, open, preferences.length + 1, preferences);
    }
    const discordUserId = `u${pad(i + 1)}`;
    interns.push({
      id: `i${pad(i + 1)}`,
      discordUserId,
      skills,
      interests,
      hoursPerWeek: random() < 0.05 ? null : between(random, 5, 40),
      preferences,
    });
    if (retiredIds.length > 0 && random() < returningShare) {
      for (let k = between(random, 1, 2); k > 0; k -= 1) {
        history.push({ discordUserId, assignmentId: retiredIds[between(random, 0, retiredIds.length - 1)]! });
      }
    }
  }

  const startsAt = new Date(Date.UTC(2025, 3, 1));
  const endsAt = new Date(startsAt.getTime() + weeks * 7 * 24 * 60 * 60 * 1000);
  return { interns, assignments, history, programme: { startsAt, endsAt } };
}
