/** What the team flows need from the outside world (issue 16, hackathon mode). */
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import type { Team, TeamLimits, TeamWithMembers } from "../../domain/team/rules.ts";

/** A programme's team settings, as stored. */
export interface TeamState {
  programme: Programme;
  limits: TeamLimits;
  /** `/team lock` for every team; in the future until then. */
  lockedAt: Date | null;
}

/** An invitation as stored. */
export interface TeamInviteRecord {
  id: string;
  teamId: string;
  teamName: string;
  inviteeMemberId: string;
  invitedById: string;
  answeredAt: Date | null;
}

/** Who acted, where and when: what every write carries for its audit entry. */
export interface TeamActor {
  guildId: string;
  programmeId: string;
  actorUserId: string;
  at: Date;
}

/** Why a membership change was not written; the transaction re-checks every rule it names. */
export type TeamWriteProblem = "locked" | "full" | "alreadyInTeam" | "answered" | "gone" | "notInTeam";

/** The store behind the team flows (src/db/stores/team.ts). */
export interface TeamStore {
  state(programmeId: string): Promise<TeamState | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  memberById(memberId: string): Promise<Member | null>;
  team(teamId: string): Promise<TeamWithMembers | null>;
  teamOf(programmeId: string, memberId: string): Promise<TeamWithMembers | null>;
  teamByName(programmeId: string, name: string): Promise<TeamWithMembers | null>;
  /** Every team, oldest first. */
  teams(programmeId: string): Promise<TeamWithMembers[]>;
  /** How many participants (interns still in the programme) have no team. */
  withoutTeamCount(programmeId: string): Promise<number>;
  /** Discord ids of the programme's organisers and mentors: they are added to every team thread. */
  staffUserIds(programmeId: string): Promise<string[]>;
  /** The projects channel, where team threads are made; null when the workspace has none. */
  projectsChannel(programmeId: string): Promise<string | null>;
  /** The team and its first member in one transaction with the audit entry; the lock is re-checked. */
  create(
    input: TeamActor & { memberId: string; name: string },
  ): Promise<{ ok: true; team: Team } | { ok: false; problem: "nameTaken" | "alreadyInTeam" | "locked" }>;
  setThread(teamId: string, threadId: string): Promise<void>;
  /** Records an invitation (audited); an unanswered one for the same person and team is reused. */
  invite(input: TeamActor & { teamId: string; inviteeMemberId: string; invitedById: string }): Promise<{
    id: string;
  }>;
  inviteById(inviteId: string): Promise<TeamInviteRecord | null>;
  /** Unanswered invitations to the member, newest first. */
  pendingInvites(memberId: string): Promise<TeamInviteRecord[]>;
  /**
   * Adds the member to the team in one transaction that first takes the team's row (so two joins
   * for the last place run one after the other), then checks the lock, the size against the
   * programme's `teamMax` and the one-team rule, and answers the invitation when one is given.
   */
  join(
    input: TeamActor & { teamId: string; memberId: string; inviteId: string | null },
  ): Promise<{ ok: true } | { ok: false; problem: TeamWriteProblem }>;
  /** Removes the member (the lock re-checked in the transaction); the last one out removes the team. */
  leave(
    input: TeamActor & { teamId: string; memberId: string },
  ): Promise<{ ok: true; teamRemoved: boolean } | { ok: false; problem: TeamWriteProblem }>;
  /** An organiser's move: out of the member's team (if any) into `toTeamId`, one transaction. */
  move(
    input: TeamActor & { memberId: string; toTeamId: string },
  ): Promise<{ ok: true; fromTeamRemoved: boolean } | { ok: false; problem: TeamWriteProblem }>;
  /** Sets (or with null lifts) the programme's lock, or one team's, audited. */
  lock(input: TeamActor & { teamId: string | null; lockedAt: Date | null }): Promise<void>;
  /** Saves the size limits, audited with what they were. */
  setLimits(input: TeamActor & { before: TeamLimits; limits: TeamLimits }): Promise<void>;
}

/** The Discord side of a team: its private thread (src/discord/team/threads.ts). */
export interface TeamThreads {
  /** Creates a private thread in `channelId`; null when the channel is gone. */
  create(channelId: string, name: string): Promise<string | null>;
  add(threadId: string, userId: string): Promise<void>;
  remove(threadId: string, userId: string): Promise<void>;
  /** Archives and locks the thread of a team that no longer exists. */
  archive(threadId: string): Promise<void>;
}

/** Who is asking, in the server's current programme. */
export interface TeamCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
}
