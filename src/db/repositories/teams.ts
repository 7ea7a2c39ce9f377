/** Hackathon teams, their members and invitations (issue 16). */

import type { Team, TeamLimits, TeamWithMembers } from "../../domain/team/rules.ts";
import type { TeamInviteRecord } from "../../features/team/ports.ts";
import type { DatabaseTransaction } from "../client.ts";
import { mapConstraintViolations } from "../errors.ts";

const withMembers = {
  members: {
    select: { memberId: true, joinedAt: true, member: { select: { discordUserId: true } } },
    orderBy: [{ joinedAt: "asc" as const }, { memberId: "asc" as const }],
  },
};

type TeamRow = Team & {
  members: { memberId: string; joinedAt: Date; member: { discordUserId: string } }[];
};

function toTeam(row: TeamRow): TeamWithMembers {
  return {
    id: row.id,
    programmeId: row.programmeId,
    name: row.name,
    threadId: row.threadId,
    lockedAt: row.lockedAt,
    createdAt: row.createdAt,
    members: row.members.map((m) => ({ memberId: m.memberId, discordUserId: m.member.discordUserId })),
  };
}

const inviteSelect = {
  id: true,
  teamId: true,
  inviteeMemberId: true,
  invitedById: true,
  answeredAt: true,
  team: { select: { name: true } },
} as const;

function toInvite(row: {
  id: string;
  teamId: string;
  inviteeMemberId: string;
  invitedById: string;
  answeredAt: Date | null;
  team: { name: string };
}): TeamInviteRecord {
  const { team, ...rest } = row;
  return { ...rest, teamName: team.name };
}

/** Reads and writes teams. `db` may be the client or a transaction. */
export function createTeamRepository(db: DatabaseTransaction) {
  return {
    async settings(programmeId: string): Promise<{ limits: TeamLimits; lockedAt: Date | null } | null> {
      const row = await db.programme.findUnique({
        where: { id: programmeId },
        select: { teamMin: true, teamMax: true, teamsLockedAt: true },
      });
      return row && { limits: { min: row.teamMin, max: row.teamMax }, lockedAt: row.teamsLockedAt };
    },

    async setLimits(programmeId: string, limits: TeamLimits): Promise<void> {
      await db.programme.update({
        where: { id: programmeId },
        data: { teamMin: limits.min, teamMax: limits.max },
      });
    },

    async setProgrammeLock(programmeId: string, lockedAt: Date | null): Promise<void> {
      await db.programme.update({ where: { id: programmeId }, data: { teamsLockedAt: lockedAt } });
    },

    async setTeamLock(teamId: string, lockedAt: Date | null): Promise<void> {
      await db.team.update({ where: { id: teamId }, data: { lockedAt } });
    },

    async get(teamId: string): Promise<TeamWithMembers | null> {
      const row = await db.team.findUnique({ where: { id: teamId }, include: withMembers });
      return row && toTeam(row);
    },

    async byName(programmeId: string, name: string): Promise<TeamWithMembers | null> {
      const row = await db.team.findUnique({
        where: { programmeId_name: { programmeId, name } },
        include: withMembers,
      });
      return row && toTeam(row);
    },

    async ofMember(programmeId: string, memberId: string): Promise<TeamWithMembers | null> {
      const row = await db.teamMember.findUnique({
        where: { programmeId_memberId: { programmeId, memberId } },
        select: { team: { include: withMembers } },
      });
      return row && toTeam(row.team);
    },

    async list(programmeId: string): Promise<TeamWithMembers[]> {
      const rows = await db.team.findMany({
        where: { programmeId },
        include: withMembers,
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toTeam);
    },

    /** Interns still in the programme who are in no team. */
    async withoutTeamCount(programmeId: string): Promise<number> {
      return db.member.count({
        where: {
          programmeId,
          roles: { some: { role: "intern" } },
          NOT: { stage: "withdrawn" },
          teamMembership: { none: {} },
        },
      });
    },

    async size(teamId: string): Promise<number> {
      return db.teamMember.count({ where: { teamId } });
    },

    /**
     * Takes the team's row for the rest of the transaction (PostgreSQL holds the row lock until
     * commit; SQLite's writer lock holds the whole file). False when the team is gone.
     */
    async claimRow(teamId: string, at: Date): Promise<boolean> {
      const { count } = await db.team.updateMany({ where: { id: teamId }, data: { updatedAt: at } });
      return count === 1;
    },

    /** Throws ConstraintViolation `team_programmeId_name_key` on a name clash. */
    async create(programmeId: string, name: string, at: Date): Promise<Team> {
      const row = await mapConstraintViolations(() =>
        db.team.create({ data: { programmeId, name, createdAt: at } }),
      );
      return {
        id: row.id,
        programmeId: row.programmeId,
        name: row.name,
        threadId: row.threadId,
        lockedAt: row.lockedAt,
        createdAt: row.createdAt,
      };
    },

    async setThread(teamId: string, threadId: string): Promise<void> {
      await db.team.updateMany({ where: { id: teamId, threadId: null }, data: { threadId } });
    },

    async remove(teamId: string): Promise<void> {
      await db.team.delete({ where: { id: teamId } });
    },

    /** Throws ConstraintViolation `team_member_programmeId_memberId_key` when already in a team. */
    async addMember(programmeId: string, teamId: string, memberId: string, at: Date): Promise<void> {
      await mapConstraintViolations(() =>
        db.teamMember.create({ data: { programmeId, teamId, memberId, joinedAt: at } }),
      );
    },

    /** False when the member was not in that team. */
    async removeMember(teamId: string, memberId: string): Promise<boolean> {
      const { count } = await db.teamMember.deleteMany({ where: { teamId, memberId } });
      return count === 1;
    },

    async pendingInvite(teamId: string, inviteeMemberId: string): Promise<{ id: string } | null> {
      return db.teamInvite.findFirst({
        where: { teamId, inviteeMemberId, answeredAt: null },
        select: { id: true },
      });
    },

    async addInvite(input: {
      teamId: string;
      inviteeMemberId: string;
      invitedById: string;
      at: Date;
    }): Promise<{ id: string }> {
      return db.teamInvite.create({
        data: {
          teamId: input.teamId,
          inviteeMemberId: input.inviteeMemberId,
          invitedById: input.invitedById,
          createdAt: input.at,
        },
        select: { id: true },
      });
    },

    async invite(inviteId: string): Promise<TeamInviteRecord | null> {
      const row = await db.teamInvite.findUnique({ where: { id: inviteId }, select: inviteSelect });
      return row && toInvite(row);
    },

    async pendingInvites(memberId: string): Promise<TeamInviteRecord[]> {
      const rows = await db.teamInvite.findMany({
        where: { inviteeMemberId: memberId, answeredAt: null },
        select: inviteSelect,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      });
      return rows.map(toInvite);
    },

    /** Answers an unanswered invitation; false when it was already answered. */
    async answerInvite(inviteId: string, accepted: boolean, at: Date): Promise<boolean> {
      const { count } = await db.teamInvite.updateMany({
        where: { id: inviteId, answeredAt: null },
        data: { answeredAt: at, accepted },
      });
      return count === 1;
    },

    /** Declines every other unanswered invitation of a member who just joined a team. */
    async closeInvites(memberId: string, at: Date): Promise<void> {
      await db.teamInvite.updateMany({
        where: { inviteeMemberId: memberId, answeredAt: null },
        data: { answeredAt: at, accepted: false },
      });
    },
  };
}
