/**
 * `/team`: hackathon teams (issue 16 item 1). Participants create a team, invite, join from the
 * invitation, leave and look; organisers list, move, lock and set the size limits. Every rule is
 * checked here for a clear refusal and again inside the store's transaction, which decides races.
 */
import type { Member } from "../../domain/member/types.ts";
import {
  isLocked,
  joinProblem,
  limitsProblem,
  normaliseTeamName,
  TEAM_NAME_MAX,
  TEAM_SIZE_LIMIT,
  type TeamLimits,
  type TeamWithMembers,
} from "../../domain/team/rules.ts";
import { UserError } from "../errors.ts";
import type {
  TeamActor,
  TeamCaller,
  TeamInviteRecord,
  TeamState,
  TeamStore,
  TeamThreads,
  TeamWriteProblem,
} from "./ports.ts";

export interface TeamPorts {
  store: TeamStore;
  now: () => Date;
}

/** `/team show` and `/team list`: a team and whether it is locked. */
export interface TeamView {
  team: TeamWithMembers;
  locked: boolean;
  limits: TeamLimits;
}

const PROBLEM_KEYS = {
  locked: "team.error.locked",
  full: "team.error.full",
  alreadyInTeam: "team.error.alreadyInTeam",
  answered: "team.error.inviteAnswered",
  gone: "team.error.noSuchTeam",
  notInTeam: "team.error.notInTeam",
} as const satisfies Record<TeamWriteProblem, string>;

function refuse(problem: TeamWriteProblem, vars: { team: string; max: number }): never {
  if (problem === "full") throw new UserError("team.error.full", { team: vars.team, max: vars.max });
  if (problem === "gone") throw new UserError("team.error.noSuchTeam", { team: vars.team });
  throw new UserError(PROBLEM_KEYS[problem]);
}

function isParticipant(member: Member | null): member is Member {
  if (member === null) return false;
  return member.roles.includes("intern") && member.stage !== "withdrawn";
}

export function teamUseCases(ports: TeamPorts) {
  const { store } = ports;

  /** The programme, in hackathon mode, or the refusal. */
  async function hackathon(caller: TeamCaller): Promise<TeamState> {
    const state = caller.programmeId === null ? null : await store.state(caller.programmeId);
    if (state === null) throw new UserError("error.access.noProgramme");
    if (state.programme.mode !== "hackathon") throw new UserError("team.error.notHackathon");
    return state;
  }

  async function participant(caller: TeamCaller) {
    const state = await hackathon(caller);
    const member = await store.member(state.programme.id, caller.userId);
    if (!isParticipant(member)) throw new UserError("team.error.notParticipant");
    return { state, member };
  }

  const actor = (caller: TeamCaller, state: TeamState): TeamActor => ({
    guildId: caller.guildId,
    programmeId: state.programme.id,
    actorUserId: caller.userId,
    at: ports.now(),
  });

  const locked = (state: TeamState, team: TeamWithMembers | null) =>
    isLocked(team, state.lockedAt, ports.now());

  async function namedTeam(state: TeamState, raw: string): Promise<TeamWithMembers> {
    const name = normaliseTeamName(raw);
    const team = name === null ? null : await store.teamByName(state.programme.id, name);
    if (team === null) throw new UserError("team.error.noSuchTeam", { team: raw.slice(0, TEAM_NAME_MAX) });
    return team;
  }

  /** Adds the user to the thread; a thread Discord lost does not undo the membership. */
  async function intoThread(threads: TeamThreads, team: TeamWithMembers | null, userId: string) {
    if (team?.threadId) await threads.add(team.threadId, userId);
  }

  async function outOfThread(
    threads: TeamThreads,
    team: TeamWithMembers | null,
    userId: string,
    removed: boolean,
  ) {
    if (!team?.threadId) return;
    await threads.remove(team.threadId, userId);
    if (removed) await threads.archive(team.threadId);
  }

  /** Accepts `invite` for `member`: the checks, the write, the thread. */
  async function accept(
    caller: TeamCaller,
    state: TeamState,
    member: Member,
    invite: TeamInviteRecord,
    threads: TeamThreads,
  ): Promise<{ team: TeamWithMembers }> {
    if (invite.inviteeMemberId !== member.id) throw new UserError("team.error.notYourInvite");
    if (invite.answeredAt !== null) throw new UserError("team.error.inviteAnswered");
    const current = await store.teamOf(state.programme.id, member.id);
    const team = await store.team(invite.teamId);
    if (team === null) throw new UserError("team.error.noSuchTeam", { team: invite.teamName });
    const problem = joinProblem({
      size: team.members.length,
      limits: state.limits,
      locked: locked(state, team),
      alreadyInTeam: current !== null,
    });
    if (problem !== null) refuse(problem, { team: team.name, max: state.limits.max });
    const written = await store.join({
      ...actor(caller, state),
      teamId: team.id,
      memberId: member.id,
      inviteId: invite.id,
    });
    if (!written.ok) refuse(written.problem, { team: team.name, max: state.limits.max });
    await intoThread(threads, team, caller.userId);
    return { team: (await store.teamOf(state.programme.id, member.id)) ?? team };
  }

  return {
    /** `/team create name:`: a new team with the caller in it, and its private thread. */
    async create(caller: TeamCaller, rawName: string, threads: TeamThreads) {
      const { state, member } = await participant(caller);
      const name = normaliseTeamName(rawName);
      if (name === null) throw new UserError("team.error.badName", { max: TEAM_NAME_MAX });
      if (locked(state, null)) throw new UserError("team.error.locked");
      if ((await store.teamOf(state.programme.id, member.id)) !== null)
        throw new UserError("team.error.alreadyInTeam");
      const created = await store.create({ ...actor(caller, state), memberId: member.id, name });
      if (!created.ok) {
        if (created.problem === "nameTaken") throw new UserError("team.error.nameTaken", { team: name });
        throw new UserError(PROBLEM_KEYS[created.problem]);
      }
      let threadId: string | null = null;
      const channel = await store.projectsChannel(state.programme.id);
      if (channel !== null) threadId = await threads.create(channel, name);
      if (threadId !== null) {
        await store.setThread(created.team.id, threadId);
        for (const userId of new Set([caller.userId, ...(await store.staffUserIds(state.programme.id))])) {
          await threads.add(threadId, userId);
        }
      }
      return { team: { ...created.team, threadId }, limits: state.limits };
    },

    /** `/team invite user:`: an invitation the invitee accepts with its button or `/team join`. */
    async invite(caller: TeamCaller, inviteeUserId: string) {
      const { state, member } = await participant(caller);
      const team = await store.teamOf(state.programme.id, member.id);
      if (team === null) throw new UserError("team.error.notInTeam");
      if (inviteeUserId === caller.userId) throw new UserError("team.error.inviteSelf");
      if (locked(state, team)) throw new UserError("team.error.locked");
      const invitee = await store.member(state.programme.id, inviteeUserId);
      if (!isParticipant(invitee))
        throw new UserError("team.error.outsider", { user: `<@${inviteeUserId}>` });
      if ((await store.teamOf(state.programme.id, invitee.id)) !== null)
        throw new UserError("team.error.inviteeHasTeam", { user: `<@${inviteeUserId}>` });
      if (team.members.length >= state.limits.max)
        throw new UserError("team.error.full", { team: team.name, max: state.limits.max });
      const { id } = await store.invite({
        ...actor(caller, state),
        teamId: team.id,
        inviteeMemberId: invitee.id,
        invitedById: member.id,
      });
      return { inviteId: id, team };
    },

    /** The Join button: accepts that invitation, for its invitee only. */
    async joinByInvite(caller: TeamCaller, inviteId: string, threads: TeamThreads) {
      const { state, member } = await participant(caller);
      const invite = await store.inviteById(inviteId);
      if (invite === null) throw new UserError("team.error.noInvite");
      return accept(caller, state, member, invite, threads);
    },

    /** `/team join [team:]`: accepts the caller's invitation (to the named team when several). */
    async join(caller: TeamCaller, teamName: string | null, threads: TeamThreads) {
      const { state, member } = await participant(caller);
      const pending = await store.pendingInvites(member.id);
      const wanted = teamName === null ? null : normaliseTeamName(teamName);
      const matching = wanted === null ? pending : pending.filter((i) => i.teamName === wanted);
      const [invite, ...others] = matching;
      if (invite === undefined) throw new UserError("team.error.noInvite");
      if (others.length > 0 && wanted === null) {
        const teams = [...new Set(matching.map((i) => i.teamName))];
        if (teams.length > 1) throw new UserError("team.error.whichInvite", { teams: teams.join(", ") });
      }
      return accept(caller, state, member, invite, threads);
    },

    /** `/team leave`: out of the team (not once locked); the last one out removes it. */
    async leave(caller: TeamCaller, threads: TeamThreads) {
      const { state, member } = await participant(caller);
      const team = await store.teamOf(state.programme.id, member.id);
      if (team === null) throw new UserError("team.error.notInTeam");
      if (locked(state, team)) throw new UserError("team.error.locked");
      const written = await store.leave({ ...actor(caller, state), teamId: team.id, memberId: member.id });
      if (!written.ok) refuse(written.problem, { team: team.name, max: state.limits.max });
      await outOfThread(threads, team, caller.userId, written.teamRemoved);
      return { team, teamRemoved: written.teamRemoved };
    },

    /** `/team show [team:]`: the caller's team, or (for staff) the named one. */
    async show(caller: TeamCaller, teamName: string | null, staff: boolean): Promise<TeamView> {
      const state = await hackathon(caller);
      let team: TeamWithMembers | null;
      if (teamName !== null) {
        if (!staff) throw new UserError("error.access.organiser");
        team = await namedTeam(state, teamName);
      } else {
        const member = await store.member(state.programme.id, caller.userId);
        team = member === null ? null : await store.teamOf(state.programme.id, member.id);
        if (team === null) throw new UserError("team.error.notInTeam");
      }
      return { team, locked: locked(state, team), limits: state.limits };
    },

    /** `/team list` (staff): every team, and how many participants still have none. */
    async list(caller: TeamCaller) {
      const state = await hackathon(caller);
      const teams = await store.teams(state.programme.id);
      return {
        teams: teams.map((team) => ({ team, locked: locked(state, team) })),
        limits: state.limits,
        lockedAt: state.lockedAt,
        withoutTeam: await store.withoutTeamCount(state.programme.id),
      };
    },

    /** `/team move user: team:` (organiser): into the team, out of any other, threads alike. */
    async move(caller: TeamCaller, userId: string, teamName: string, threads: TeamThreads) {
      const state = await hackathon(caller);
      const member = await store.member(state.programme.id, userId);
      if (!isParticipant(member)) throw new UserError("team.error.outsider", { user: `<@${userId}>` });
      const to = await namedTeam(state, teamName);
      const from = await store.teamOf(state.programme.id, member.id);
      if (from?.id === to.id) throw new UserError("team.error.alreadyThere", { team: to.name });
      if (locked(state, to) || locked(state, from)) throw new UserError("team.error.locked");
      if (to.members.length >= state.limits.max)
        throw new UserError("team.error.full", { team: to.name, max: state.limits.max });
      const written = await store.move({ ...actor(caller, state), memberId: member.id, toTeamId: to.id });
      if (!written.ok) refuse(written.problem, { team: to.name, max: state.limits.max });
      await outOfThread(threads, from, userId, written.fromTeamRemoved);
      await intoThread(threads, to, userId);
      return { from, to, fromTeamRemoved: written.fromTeamRemoved };
    },

    /**
     * `/team lock [team:] [at:] [unlock:]` (organiser): locks every team (or one) now or from `at`;
     * `unlock` lifts it.
     */
    async lock(caller: TeamCaller, input: { teamName: string | null; at: Date | null; unlock: boolean }) {
      const state = await hackathon(caller);
      const team = input.teamName === null ? null : await namedTeam(state, input.teamName);
      const lockedAt = input.unlock ? null : (input.at ?? ports.now());
      if (lockedAt !== null && lockedAt.getTime() > state.programme.endsAt.getTime())
        throw new UserError("team.error.lockAfterEnd");
      await store.lock({ ...actor(caller, state), teamId: team?.id ?? null, lockedAt });
      return { team, lockedAt };
    },

    /** The team size limits (`/program settings team-min: team-max:`); null: not a hackathon. */
    async limits(programmeId: string | null): Promise<TeamLimits | null> {
      const state = programmeId === null ? null : await store.state(programmeId);
      return state?.programme.mode === "hackathon" ? state.limits : null;
    },

    /** Changes the limits (organiser): checked together, audited with the old values. */
    async setLimits(caller: TeamCaller, wanted: Partial<TeamLimits>) {
      const state = await hackathon(caller);
      const limits = { ...state.limits, ...wanted };
      const problem = limitsProblem(limits);
      if (problem === "range") throw new UserError("team.error.limitsRange", { max: TEAM_SIZE_LIMIT });
      if (problem === "order") throw new UserError("team.error.limitsOrder", limits);
      const changed = limits.min !== state.limits.min || limits.max !== state.limits.max;
      if (changed) await store.setLimits({ ...actor(caller, state), before: state.limits, limits });
      return { before: state.limits, limits, changed };
    },
  };
}

export type TeamUseCases = ReturnType<typeof teamUseCases>;
