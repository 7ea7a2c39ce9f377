/** Hackathon teams (issue 16): names, size limits and the lock, as pure rules. */

/** The largest team size organisers may set; a team's private thread stays a conversation. */
export const TEAM_SIZE_LIMIT = 10;
/** The longest team name (it is also the thread's name). */
export const TEAM_NAME_MAX = 40;

/** A programme's team size limits. `min` 1 lets a person work alone. */
export interface TeamLimits {
  min: number;
  max: number;
}

/** A team as stored. */
export interface Team {
  id: string;
  programmeId: string;
  name: string;
  threadId: string | null;
  /** This team's own lock instant, if any. */
  lockedAt: Date | null;
  createdAt: Date;
}

/** A team with the people in it, oldest member first. */
export interface TeamWithMembers extends Team {
  members: { memberId: string; discordUserId: string }[];
}

/**
 * The name as stored: NFKC (full-width letters become plain), trimmed, inner whitespace collapsed.
 * Null when empty, too long, or it could ping someone (`@`, `<`, `>` and `#` are kept out).
 */
export function normaliseTeamName(raw: string): string | null {
  const name = raw.normalize("NFKC").trim().replace(/\s+/gu, " ");
  if (name === "" || [...name].length > TEAM_NAME_MAX) return null;
  if (/[@<>#`]/u.test(name)) return null;
  return name;
}

/** Why a pair of limits cannot be set, or null when it can. */
export function limitsProblem(limits: TeamLimits): "range" | "order" | null {
  const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= TEAM_SIZE_LIMIT;
  if (!inRange(limits.min) || !inRange(limits.max)) return "range";
  if (limits.min > limits.max) return "order";
  return null;
}

/** Whether a team is locked at `now`: its own lock or the programme's, once the instant has come. */
export function isLocked(
  team: Pick<Team, "lockedAt"> | null,
  programmeLockedAt: Date | null,
  now: Date,
): boolean {
  const due = (at: Date | null) => at !== null && at.getTime() <= now.getTime();
  return due(programmeLockedAt) || due(team?.lockedAt ?? null);
}

/** What stops a person from joining a team of `size` people, or null when they may. */
export function joinProblem(input: {
  size: number;
  limits: TeamLimits;
  locked: boolean;
  alreadyInTeam: boolean;
}): "locked" | "full" | "alreadyInTeam" | null {
  if (input.locked) return "locked";
  if (input.alreadyInTeam) return "alreadyInTeam";
  if (input.size >= input.limits.max) return "full";
  return null;
}
