/** {@link TeamStore} over the repositories: each write and its audit entry in one transaction. */

import { isLocked, joinProblem } from "../../domain/team/rules.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import type { TeamStore, TeamWriteProblem } from "../../features/team/ports.ts";
import type { Database } from "../client.ts";
import { ConstraintViolation } from "../errors.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";
import { createTeamRepository } from "../repositories/teams.ts";

const NAME_TAKEN = "team_programmeId_name_key";
const ONE_TEAM_PER_MEMBER = "team_member_programmeId_memberId_key";

type Failed = { ok: false; problem: TeamWriteProblem };
const fail = (problem: TeamWriteProblem): Failed => ({ ok: false, problem });

/** A lost race on the one-team rule is an outcome, not an error; everything else is rethrown. */
async function oneTeamRule<T>(write: () => Promise<T>): Promise<T | Failed> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConstraintViolation && error.constraint === ONE_TEAM_PER_MEMBER) {
      return fail("alreadyInTeam");
    }
    throw error;
  }
}

export function createTeamStore(db: Database): TeamStore {
  const teams = createTeamRepository(db);
  const members = createMemberRepository(db);
  return {
    async state(programmeId) {
      const programme = await createProgrammeRepository(db).get(programmeId);
      const settings = programme && (await teams.settings(programmeId));
      return programme && settings ? { programme, ...settings } : null;
    },
    member: (programmeId, userId) => members.find(programmeId, userId),
    memberById: (memberId) => members.get(memberId),
    team: (teamId) => teams.get(teamId),
    teamOf: (programmeId, memberId) => teams.ofMember(programmeId, memberId),
    teamByName: (programmeId, name) => teams.byName(programmeId, name),
    teams: (programmeId) => teams.list(programmeId),
    withoutTeamCount: (programmeId) => teams.withoutTeamCount(programmeId),
    async staffUserIds(programmeId) {
      const staff = [
        ...(await members.list(programmeId, { role: "organiser" })),
        ...(await members.list(programmeId, { role: "mentor" })),
      ];
      return [...new Set(staff.map((m) => m.discordUserId))];
    },
    async projectsChannel(programmeId) {
      return (
        (await createProgrammeRepository(db).discordResource(programmeId, ResourceKeys.channels.projects))
          ?.discordId ?? null
      );
    },

    async create(input) {
      try {
        return await db.$transaction(async (tx) => {
          const repo = createTeamRepository(tx);
          const settings = await repo.settings(input.programmeId);
          if (isLocked(null, settings?.lockedAt ?? null, input.at)) {
            return { ok: false as const, problem: "locked" as const };
          }
          const team = await repo.create(input.programmeId, input.name, input.at);
          await repo.addMember(input.programmeId, team.id, input.memberId, input.at);
          await repo.closeInvites(input.memberId, input.at);
          await recordAudit(tx, input, "team.create", `team:${team.id}`, {
            name: team.name,
            memberId: input.memberId,
          });
          return { ok: true as const, team };
        });
      } catch (error) {
        if (error instanceof ConstraintViolation && error.constraint === NAME_TAKEN) {
          return { ok: false, problem: "nameTaken" };
        }
        if (error instanceof ConstraintViolation && error.constraint === ONE_TEAM_PER_MEMBER) {
          return { ok: false, problem: "alreadyInTeam" };
        }
        throw error;
      }
    },

    setThread: (teamId, threadId) => teams.setThread(teamId, threadId),

    async invite(input) {
      return db.$transaction(async (tx) => {
        const repo = createTeamRepository(tx);
        const existing = await repo.pendingInvite(input.teamId, input.inviteeMemberId);
        if (existing) return existing;
        const invite = await repo.addInvite(input);
        await recordAudit(tx, input, "team.invite", `team_invite:${invite.id}`, {
          teamId: input.teamId,
          inviteeMemberId: input.inviteeMemberId,
        });
        return invite;
      });
    },
    inviteById: (inviteId) => teams.invite(inviteId),
    pendingInvites: (memberId) => teams.pendingInvites(memberId),

    async join(input) {
      return oneTeamRule(() =>
        db.$transaction(async (tx) => {
          const repo = createTeamRepository(tx);
          if (!(await repo.claimRow(input.teamId, input.at))) return fail("gone");
          const settings = await repo.settings(input.programmeId);
          const team = await repo.get(input.teamId);
          if (settings === null || team === null) return fail("gone");
          if (input.inviteId !== null) {
            const invite = await repo.invite(input.inviteId);
            if (invite === null || invite.teamId !== team.id || invite.inviteeMemberId !== input.memberId)
              return fail("gone");
            if (invite.answeredAt !== null) return fail("answered");
          }
          const problem = joinProblem({
            size: team.members.length,
            limits: settings.limits,
            locked: isLocked(team, settings.lockedAt, input.at),
            alreadyInTeam: (await repo.ofMember(input.programmeId, input.memberId)) !== null,
          });
          if (problem !== null) return fail(problem);
          await repo.addMember(input.programmeId, team.id, input.memberId, input.at);
          if (input.inviteId !== null) await repo.answerInvite(input.inviteId, true, input.at);
          await repo.closeInvites(input.memberId, input.at);
          await recordAudit(tx, input, "team.join", `team:${team.id}`, {
            memberId: input.memberId,
            inviteId: input.inviteId,
          });
          return { ok: true as const };
        }),
      );
    },

    async leave(input) {
      return db.$transaction(async (tx) => {
        const repo = createTeamRepository(tx);
        if (!(await repo.claimRow(input.teamId, input.at))) return fail("gone");
        const settings = await repo.settings(input.programmeId);
        const team = await repo.get(input.teamId);
        if (settings === null || team === null) return fail("gone");
        if (isLocked(team, settings.lockedAt, input.at)) return fail("locked");
        if (!(await repo.removeMember(team.id, input.memberId))) return fail("notInTeam");
        const teamRemoved = (await repo.size(team.id)) === 0;
        if (teamRemoved) await repo.remove(team.id);
        await recordAudit(tx, input, "team.leave", `team:${team.id}`, {
          memberId: input.memberId,
          teamRemoved,
        });
        return { ok: true as const, teamRemoved };
      });
    },

    async move(input) {
      return oneTeamRule(() =>
        db.$transaction(async (tx) => {
          const repo = createTeamRepository(tx);
          if (!(await repo.claimRow(input.toTeamId, input.at))) return fail("gone");
          const settings = await repo.settings(input.programmeId);
          const to = await repo.get(input.toTeamId);
          if (settings === null || to === null) return fail("gone");
          const from = await repo.ofMember(input.programmeId, input.memberId);
          if (from?.id === to.id) return fail("alreadyInTeam");
          if (from !== null) await repo.claimRow(from.id, input.at);
          if (isLocked(from, settings.lockedAt, input.at)) return fail("locked");
          const problem = joinProblem({
            size: to.members.length,
            limits: settings.limits,
            locked: isLocked(to, settings.lockedAt, input.at),
            alreadyInTeam: false,
          });
          if (problem !== null) return fail(problem);
          let fromTeamRemoved = false;
          if (from !== null) {
            await repo.removeMember(from.id, input.memberId);
            fromTeamRemoved = (await repo.size(from.id)) === 0;
            if (fromTeamRemoved) await repo.remove(from.id);
          }
          await repo.addMember(input.programmeId, to.id, input.memberId, input.at);
          await repo.closeInvites(input.memberId, input.at);
          await recordAudit(tx, input, "team.move", `team:${to.id}`, {
            memberId: input.memberId,
            fromTeamId: from?.id ?? null,
            fromTeamRemoved,
          });
          return { ok: true as const, fromTeamRemoved };
        }),
      );
    },

    async lock(input) {
      await db.$transaction(async (tx) => {
        const repo = createTeamRepository(tx);
        if (input.teamId === null) await repo.setProgrammeLock(input.programmeId, input.lockedAt);
        else await repo.setTeamLock(input.teamId, input.lockedAt);
        await recordAudit(
          tx,
          input,
          input.lockedAt === null ? "team.unlock" : "team.lock",
          input.teamId === null ? `programme:${input.programmeId}` : `team:${input.teamId}`,
          { lockedAt: input.lockedAt?.toISOString() ?? null },
        );
      });
    },

    async setLimits(input) {
      await db.$transaction(async (tx) => {
        await createTeamRepository(tx).setLimits(input.programmeId, input.limits);
        await recordAudit(tx, input, "team.limits", `programme:${input.programmeId}`, {
          from: input.before,
          to: input.limits,
        });
      });
    },
  };
}
