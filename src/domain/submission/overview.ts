/** The organisers' overview of who has handed in what: counts and the interns behind each. */

/** What `/submission status` can narrow the list to. */
export const STATUS_FILTERS = ["missing", "late", "unreviewed", "extended"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

/** One intern with a live project, as the overview needs them. */
export interface InternStanding {
  discordUserId: string;
  /** Their latest version, or null when they have handed in nothing. */
  latest: { number: number; late: boolean; reviewed: boolean } | null;
  /** Their effective deadline (extension, accommodation or the programme's); null without one. */
  deadline: Date | null;
  /** An organiser's or an approved extension, or the automatic accommodation hours. */
  extended: boolean;
}

export type StatusCounts = Record<StatusFilter | "interns" | "submitted", number>;

/**
 * Whether the intern belongs under `filter`. `late`: the latest version came late, or nothing
 * has come and the deadline has passed. `unreviewed`: the latest version has no published review.
 */
export function standsIn(filter: StatusFilter, standing: InternStanding, now: Date): boolean {
  const { latest, deadline } = standing;
  switch (filter) {
    case "missing":
      return latest === null;
    case "late":
      return latest === null ? deadline !== null && deadline.getTime() < now.getTime() : latest.late;
    case "unreviewed":
      return latest !== null && !latest.reviewed;
    case "extended":
      return standing.extended;
  }
}

export function statusCounts(standings: readonly InternStanding[], now: Date): StatusCounts {
  const count = (filter: StatusFilter) => standings.filter((s) => standsIn(filter, s, now)).length;
  return {
    interns: standings.length,
    submitted: standings.filter((s) => s.latest !== null).length,
    missing: count("missing"),
    late: count("late"),
    unreviewed: count("unreviewed"),
    extended: count("extended"),
  };
}
