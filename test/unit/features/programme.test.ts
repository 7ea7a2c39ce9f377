import { describe, expect, it, vi } from "vitest";
import type { Member } from "../../../src/domain/member/types.ts";
import type { MilestoneReminderPayload } from "../../../src/domain/programme/schedule.ts";
import type { DiscordResource, Milestone, Programme } from "../../../src/domain/programme/types.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { UserError } from "../../../src/features/errors.ts";
import type { AuditRecord } from "../../../src/features/ports.ts";
import { manageUseCases } from "../../../src/features/programme/manage.ts";
import { milestoneUseCases } from "../../../src/features/programme/milestones.ts";
import { type OpenCaller, openUseCases } from "../../../src/features/programme/open.ts";
import type {
  ProgrammePorts,
  ProgrammeStore,
  ProgrammeTransaction,
  WorkspaceDiscord,
} from "../../../src/features/programme/ports.ts";
import { type StaffDiscord, type StaffStore, staffUseCases } from "../../../src/features/programme/staff.ts";
import { aMember, memoryExclusive } from "../../support/records.ts";

/** The /program use-cases over in-memory ports: the rules, the writes and the Discord effects, without a server. */
const NOW = new Date("2030-03-01T00:00:00Z");

/** An in-memory store; a transaction works on a copy that replaces the state only if `work` succeeds. */
function memoryStore() {
  type State = {
    programmes: Map<string, Programme>;
    resources: Map<string, DiscordResource[]>;
    milestones: Milestone[];
    organisers: Array<{ programmeId: string; userId: string }>;
    templates: Map<string, unknown>;
    audit: AuditRecord[];
  };
  let state: State = {
    programmes: new Map(),
    resources: new Map(),
    milestones: [],
    organisers: [],
    templates: new Map(),
    audit: [],
  };
  const copy = (s: State): State => ({
    programmes: new Map(s.programmes),
    resources: new Map([...s.resources].map(([k, v]) => [k, [...v]])),
    milestones: s.milestones.map((m) => ({ ...m })),
    organisers: [...s.organisers],
    templates: new Map(s.templates),
    audit: [...s.audit],
  });
  let ids = 0;
  const update = (s: State, id: string, changes: Partial<Programme>) => {
    const found = s.programmes.get(id);
    if (!found) throw new Error(`no programme ${id}`);
    const updated = { ...found, ...changes, settings: found.settings };
    s.programmes.set(id, updated);
    return updated;
  };
  const writes = (s: State): ProgrammeTransaction => ({
    async create(input) {
      const clash = [...s.programmes.values()].some(
        (p) => p.guildId === input.guildId && p.name === input.name,
      );
      if (clash) throw new Error("programme_guildId_name_key");
      ids += 1;
      const programme: Programme = {
        id: `p${ids}`,
        guildId: input.guildId,
        name: input.name,
        mode: input.mode,
        status: "draft",
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        timeZone: input.timeZone ?? "Asia/Tokyo",
        forcedLocale: input.forcedLocale ?? null,
        settings: { selfServiceClaimEnabled: false, swapWindowDays: 3, helpEscalateHours: 4 },
        createdByUserId: input.createdByUserId,
        createdAt: NOW,
      };
      s.programmes.set(programme.id, programme);
      return programme;
    },
    update: async (id, changes) => update(s, id, changes as Partial<Programme>),
    async addOrganiser(programmeId, userId) {
      s.organisers.push({ programmeId, userId });
    },
    async saveTemplate(id, template) {
      s.templates.set(id, template);
    },
    async markMilestoneAnnounced(id, at) {
      const m = s.milestones.find((x) => x.id === id);
      if (m) m.announcedAt = at;
    },
    async deleteProgramme(id) {
      s.programmes.delete(id);
      s.resources.delete(id);
      s.milestones = s.milestones.filter((m) => m.programmeId !== id);
    },
    audit: {
      async record(entry) {
        s.audit.push(entry);
      },
    },
  });
  const store: ProgrammeStore = {
    programme: async (id) => state.programmes.get(id) ?? null,
    template: async (id) => state.templates.get(id) ?? null,
    saveTemplate: async (id, template) => {
      state.templates.set(id, template);
    },
    discordResources: async (id) => [...(state.resources.get(id) ?? [])],
    async saveDiscordResource(id, resource) {
      const list = (state.resources.get(id) ?? []).filter((r) => r.key !== resource.key);
      state.resources.set(id, [...list, resource]);
    },
    async forgetDiscordResource(id, key) {
      state.resources.set(
        id,
        (state.resources.get(id) ?? []).filter((r) => r.key !== key),
      );
    },
    update: async (id, changes) => update(state, id, changes as Partial<Programme>),
    milestones: async (id) =>
      state.milestones.filter((m) => m.programmeId === id).sort((a, b) => a.at.getTime() - b.at.getTime()),
    async addMilestone(programmeId, milestone) {
      ids += 1;
      const created: Milestone = { id: `m${ids}`, programmeId, ...milestone, announcedAt: null, jobId: null };
      state.milestones.push(created);
      return created;
    },
    async moveMilestone(id, at) {
      const m = state.milestones.find((x) => x.id === id);
      if (m) Object.assign(m, { at, announcedAt: null });
    },
    async setMilestoneJob(id, jobId) {
      const m = state.milestones.find((x) => x.id === id);
      if (!m) throw new Error(`no milestone ${id}`);
      m.jobId = jobId;
      return { ...m };
    },
    stageCounts: async () => new Map(),
    exportMembers: async () => [],
    exportAllocations: async () => [],
    exportVersions: async () => [],
    exportReviews: async () => [],
    submittedBlobs: async () => [],
    audit: {
      async record(entry) {
        state.audit.push(entry);
      },
    },
    async transaction(work) {
      const draft = copy(state);
      const result = await work(writes(draft));
      state = draft;
      return result;
    },
  };
  return { store, state: () => state };
}

/** A guild that answers like Discord: objects get ids, deletions of unknown ids report "gone". */
function memoryDiscord() {
  const channels = new Set<string>();
  const roles = new Set<string>();
  const calls: string[] = [];
  let ids = 0;
  const discord: WorkspaceDiscord & StaffDiscord = {
    snapshot: async () => ({ channelIds: new Set(channels), roleIds: new Set(roles), community: false }),
    messageExists: async (channelId) => channels.has(channelId),
    download: async () => "",
    async ensureForumTags(forumId, topics) {
      calls.push(`tags ${forumId} ${topics.length}`);
      return 0;
    },
    async build({ plan, save, onProgress }) {
      const built = new Map(plan.present.map((p) => [p.item.key, p.discordId]));
      const created = [];
      for (const item of plan.missing) {
        ids += 1;
        const discordId = `d${ids}`;
        if (item.kind === "role") roles.add(discordId);
        else if (item.kind !== "welcome") channels.add(discordId);
        const kind =
          item.kind === "welcome" ? "message" : item.kind === "channel" ? "text_channel" : item.kind;
        await save({ key: item.key, discordId, kind });
        built.set(item.key, discordId);
        created.push(item);
        await onProgress(created.length);
      }
      return { ids: built, created };
    },
    async addMemberRole(userId, roleId) {
      calls.push(`grant ${userId} ${roleId}`);
    },
    async setOverwrites(channelId) {
      calls.push(`overwrites ${channelId}`);
    },
    async deleteResource(resource) {
      calls.push(`delete ${resource.kind}`);
      return channels.delete(resource.discordId) || roles.delete(resource.discordId);
    },
    roleExists: async (roleId) => roles.has(roleId),
    async grantRole(userId, roleId) {
      calls.push(`grant ${userId} ${roleId}`);
      return roles.has(roleId);
    },
    async revokeRole(userId, roleId) {
      calls.push(`revoke ${userId} ${roleId}`);
    },
  };
  return { discord, calls, channels };
}

function setup() {
  const memory = memoryStore();
  const guild = memoryDiscord();
  const jobs = new Map<string, { programmeId: string; milestoneId: string }>();
  const reminders = new Map<string, MilestoneReminderPayload>();
  const ended: string[] = [];
  const exclusive = memoryExclusive();
  const ports: ProgrammePorts = {
    store: memory.store,
    exclusive,
    jobs: {
      add: async (id, payload) => {
        jobs.set(id, payload);
      },
      addReminder: async (id, payload) => {
        reminders.set(id, payload);
      },
      remove: async (id) => {
        jobs.delete(id);
        reminders.delete(id);
      },
    },
    releaseBlobs: async () => 0,
    endSchedules: async (programmeId) => {
      ended.push(programmeId);
    },
    now: () => NOW,
    defaults: { locale: "ja", timeZone: "Asia/Tokyo" },
    milestoneReminderHours: [24],
  };
  const useCases = { ...openUseCases(ports), ...manageUseCases(ports), milestones: milestoneUseCases(ports) };
  return { ...memory, ...guild, jobs, reminders, ended, exclusive, useCases };
}

const progress: number[] = [];
const opener = (current: OpenCaller["current"]): OpenCaller => ({
  guildId: "g1",
  userId: "u1",
  locale: "en",
  current,
  botPermissions: 0n,
  botIsAdministrator: true,
  callerRoleIds: new Set(),
  progress: async (done) => {
    progress.push(done);
  },
});
const spring = { name: "Spring 2030", start: "2030-04-01", end: "2030-06-30" };

describe("programme use-cases over in-memory ports", () => {
  it("GIVEN no programme WHEN one is opened THEN the programme, its organiser and the audit entry are written, the workspace is built, the opener gets the organiser role and five milestones are scheduled, three with a reminder 24 h ahead", async () => {
    const { useCases, discord, state, calls, jobs, reminders } = setup();
    progress.length = 0;
    const opened = await useCases.open(opener(null), spring, discord);

    expect(opened.programme).toMatchObject({ name: "Spring 2030", status: "open", guildId: "g1" });
    expect(opened.created).toBeGreaterThan(0);
    expect(opened.existing).toBe(0);
    expect(opened.milestones).toBe(5);
    expect(jobs.size).toBe(5);
    const milestones = state().milestones;
    const reminded = milestones.filter((m) =>
      ["midpoint", "submission_deadline", "presentation"].includes(m.kind),
    );
    expect([...reminders.values()].sort((a, b) => a.atEpochS - b.atEpochS)).toEqual(
      reminded.map((m) => ({
        programmeId: opened.programme.id,
        milestoneId: m.id,
        leadHours: 24,
        atEpochS: m.at.getTime() / 1000,
      })),
    );
    expect(opened.pastMilestones).toEqual([]);
    expect(state().organisers).toEqual([{ programmeId: opened.programme.id, userId: "u1" }]);
    expect(state().audit.map((a) => a.action)).toEqual(["programme.open"]);
    expect(progress[0]).toBe(0);
    const organiserRole = state()
      .resources.get(opened.programme.id)
      ?.find((r) => r.key === ResourceKeys.roles.organiser)?.discordId;
    expect(calls).toContain(`grant u1 ${organiserRole}`);
  });

  it("GIVEN /program open still building WHEN a second open or a delete overlaps THEN each is told the work is under way and nothing is written or built twice", async () => {
    const { useCases, discord, state, calls, exclusive } = setup();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    // The first open waits inside its build until the overlapping calls have been refused.
    const slowDiscord = {
      ...discord,
      build: async (...a: Parameters<typeof discord.build>) => {
        await gate;
        return discord.build(...a);
      },
    };
    const first = useCases.open(opener(null), spring, slowDiscord);
    await vi.waitFor(() => expect(exclusive.held.has("workspace:g1")).toBe(true));
    const second = useCases.open(opener(null), spring, discord);
    await expect(second).rejects.toMatchObject({ key: "error.busy" });
    const programmeId = [...state().programmes.keys()][0] ?? "";
    const deletion = useCases.delete(
      { guildId: "g1", userId: "u1", locale: "en", programmeId },
      programmeId,
      discord,
    );
    await expect(deletion).rejects.toMatchObject({ key: "error.busy" });
    release();
    const opened = await first;
    expect(state().programmes.size).toBe(1);
    expect(state().audit.map((a) => a.action)).toEqual(["programme.open"]);
    const alone = setup();
    expect(opened.created).toBe((await alone.useCases.open(opener(null), spring, alone.discord)).created);
    expect(calls.filter((c) => c.startsWith("grant u1"))).toHaveLength(1);
    expect(exclusive.held.size).toBe(0);
  });

  it("GIVEN an open programme WHEN another one is opened in the guild THEN it is refused and nothing is written or built", async () => {
    const { useCases, discord, state } = setup();
    const first = await useCases.open(opener(null), spring, discord);
    const before = state().audit.length;
    const second = useCases.open(
      opener({ id: first.programme.id, name: first.programme.name, status: "open" }),
      { ...spring, name: "Autumn 2030" },
      discord,
    );
    await expect(second).rejects.toBeInstanceOf(UserError);
    await expect(second).rejects.toMatchObject({ key: "program.open.otherProgramme" });
    expect(state().programmes.size).toBe(1);
    expect(state().audit).toHaveLength(before);
  });

  it("GIVEN a closed programme WHEN a new one reuses a taken name THEN the closed one is not archived (the transaction rolled back)", async () => {
    const { useCases, discord, state } = setup();
    const first = await useCases.open(opener(null), spring, discord);
    await useCases.close(
      { guildId: "g1", userId: "u1", locale: "en", programmeId: first.programme.id },
      discord,
    );
    // A programme of the same guild already holds the name the new one asks for.
    state().programmes.set("other", { ...first.programme, id: "other", name: "Taken", status: "archived" });
    const clash = useCases.open(
      opener({ id: first.programme.id, name: first.programme.name, status: "closed" }),
      { ...spring, name: "Taken" },
      discord,
    );
    await expect(clash).rejects.toThrow("programme_guildId_name_key");
    expect(state().programmes.get(first.programme.id)?.status).toBe("closed");
  });

  it("GIVEN an open programme WHEN it is closed THEN every channel gets read-only overwrites, the status and the audit entry are written; closing again is refused", async () => {
    const { useCases, discord, state, calls, ended } = setup();
    const { programme } = await useCases.open(opener(null), spring, discord);
    const caller = { guildId: "g1", userId: "u1", locale: "en" as const, programmeId: programme.id };
    const closed = await useCases.close(caller, discord);
    expect(ended).toEqual([programme.id]);

    const channelKinds = new Set(["category", "text_channel"]);
    const channels = (state().resources.get(programme.id) ?? []).filter((r) => channelKinds.has(r.kind));
    expect(closed.channels).toBe(channels.length);
    expect(calls.filter((c) => c.startsWith("overwrites"))).toHaveLength(channels.length);
    expect(state().programmes.get(programme.id)?.status).toBe("closed");
    expect(state().audit.at(-1)).toMatchObject({
      action: "programme.close",
      data: { channels: channels.length },
    });
    await expect(useCases.close(caller, discord)).rejects.toMatchObject({ key: "program.close.notOpen" });
  });

  it("GIVEN a confirmed delete THEN the jobs, the Discord objects (messages with their channel, roles last) and the programme go, audited; a stale confirmation changes nothing", async () => {
    const { useCases, discord, state, calls, jobs, reminders, channels, ended } = setup();
    const { programme } = await useCases.open(opener(null), spring, discord);
    const caller = { guildId: "g1", userId: "u1", locale: "en" as const, programmeId: programme.id };
    expect(await useCases.delete(caller, "someone-else", discord)).toEqual({ kind: "gone" });
    expect(state().programmes.has(programme.id)).toBe(true);

    const recorded = state().resources.get(programme.id) ?? [];
    const oneGone = recorded.find((r) => r.kind === "text_channel");
    if (oneGone) channels.delete(oneGone.discordId);
    const outcome = await useCases.delete(caller, programme.id, discord);

    const objects = recorded.filter((r) => r.kind !== "message").length;
    expect(outcome).toEqual({ kind: "deleted", name: "Spring 2030", deleted: objects - 1 });
    const deletes = calls.filter((c) => c.startsWith("delete"));
    expect(deletes).not.toContain("delete message");
    expect(deletes.at(-1)).toBe("delete role");
    expect(jobs.size).toBe(0);
    expect(reminders.size).toBe(0);
    expect(ended).toEqual([programme.id]);
    expect(state().programmes.has(programme.id)).toBe(false);
    expect(state().audit.at(-1)).toMatchObject({
      action: "programme.delete",
      data: { deleted: objects - 1 },
    });
  });

  it("GIVEN a closed programme THEN a milestone cannot move; GIVEN the time it already has THEN nothing is written", async () => {
    const { useCases, discord, state } = setup();
    const { programme } = await useCases.open(opener(null), spring, discord);
    const summary = { id: programme.id, status: programme.status, timeZone: programme.timeZone };
    const caller = { guildId: "g1", userId: "u1", locale: "en" as const, programme: summary };
    const kickoff = state().milestones.find((m) => m.kind === "kickoff");
    if (!kickoff) throw new Error("no kickoff");
    const local = new Intl.DateTimeFormat("sv-SE", {
      timeZone: "Asia/Tokyo",
      dateStyle: "short",
      timeStyle: "short",
    }).format(kickoff.at);
    const audited = state().audit.length;
    expect(await useCases.milestones.set(caller, { kind: "kickoff", at: local })).toEqual({
      kind: "unchanged",
      at: kickoff.at,
    });
    expect(state().audit).toHaveLength(audited);
    await expect(
      useCases.milestones.set(
        { ...caller, programme: { ...summary, status: "closed" } },
        { kind: "kickoff", at: local },
      ),
    ).rejects.toMatchObject({ key: "program.milestone.error.closed" });
  });
});

/** A staff store over a list of members with their roles. */
function memoryStaff(members: Member[]) {
  const audit: AuditRecord[] = [];
  const store: StaffStore = {
    member: async (programmeId, userId) =>
      members.find((m) => m.programmeId === programmeId && m.discordUserId === userId) ?? null,
    discordResource: async (_p, key) =>
      key === ResourceKeys.roles.mentor ? { key, discordId: "role-mentor", kind: "role" } : null,
    holders: async (programmeId, role) =>
      members
        .filter((m) => m.programmeId === programmeId && m.roles.includes(role))
        .map((m) => m.discordUserId),
    agencyStaff: async () => [],
    async revoke(programmeId, memberId, role, entry) {
      const member = members.find((m) => m.id === memberId);
      if (!member) throw new Error(`no member ${memberId}`);
      const organisers = members.filter(
        (m) => m.programmeId === programmeId && m.roles.includes("organiser"),
      );
      if (role === "organiser" && organisers.length === 1) return "last_organiser";
      member.roles = member.roles.filter((r) => r !== role);
      audit.push(entry);
      return "revoked";
    },
    async transaction(work) {
      return work({
        async grant(input) {
          let member = members.find(
            (m) => m.programmeId === input.programmeId && m.discordUserId === input.userId,
          );
          if (!member) {
            member = {
              id: `member-${input.userId}`,
              programmeId: input.programmeId,
              discordUserId: input.userId,
              roles: [],
              stage: null,
              agencyId: null,
              agencyConsent: false,
              agencyConsentChangedAt: null,
              projectChannelId: null,
              joinedAt: input.at,
            };
            members.push(member);
          }
          if (!member.roles.includes(input.role)) member.roles.push(input.role);
        },
        audit: {
          async record(entry) {
            audit.push(entry);
          },
        },
      });
    },
  };
  return { store, audit };
}

const organiser = aMember({ id: "member-u1", roles: ["organiser"], stage: null });

describe("staff use-cases over in-memory ports", () => {
  const caller = {
    guildId: "g1",
    userId: "u1",
    locale: "en" as const,
    programme: { id: "p1", name: "Spring" },
  };

  it("GIVEN a new mentor WHEN added twice THEN the record and the Discord role are given both times and the grant is audited once", async () => {
    const { store, audit } = memoryStaff([{ ...organiser }]);
    const { discord: guild } = memoryDiscord();
    const discord = { ...guild, roleExists: async () => true, grantRole: async () => true };
    const staff = staffUseCases({ store, exclusive: memoryExclusive(), now: () => NOW });
    const target = { id: "u2", bot: false, inGuild: true };

    expect(await staff.add(caller, { user: target, role: "mentor" }, discord)).toEqual({ already: false });
    expect(await staff.add(caller, { user: target, role: "mentor" }, discord)).toEqual({ already: true });
    expect(audit).toEqual([
      {
        guildId: "g1",
        programmeId: "p1",
        actorUserId: "u1",
        action: "program.staff.add",
        target: "user:u2",
        data: { role: "mentor" },
        at: NOW,
      },
    ]);
    expect((await staff.list(caller)).mentors).toEqual(["u2"]);
  });

  it("GIVEN a bot, an intern or a deleted role THEN the grant is refused before anything is written", async () => {
    const intern = { ...organiser, id: "member-u3", discordUserId: "u3", roles: ["intern" as const] };
    const { store, audit } = memoryStaff([{ ...organiser }, intern]);
    const { discord } = memoryDiscord();
    const staff = staffUseCases({ store, exclusive: memoryExclusive(), now: () => NOW });
    await expect(
      staff.add(caller, { user: { id: "b1", bot: true, inGuild: true }, role: "mentor" }, discord),
    ).rejects.toMatchObject({ key: "program.staff.error.bot" });
    await expect(
      staff.add(caller, { user: { id: "u3", bot: false, inGuild: true }, role: "mentor" }, discord),
    ).rejects.toMatchObject({ key: "program.staff.error.intern" });
    await expect(
      staff.add(caller, { user: { id: "u4", bot: false, inGuild: true }, role: "mentor" }, discord),
    ).rejects.toMatchObject({ key: "program.staff.error.noRole" });
    expect(audit).toEqual([]);
  });

  it("GIVEN the only organiser WHEN they remove themselves THEN it is refused and their role stays", async () => {
    const members = [{ ...organiser }];
    const { store, audit } = memoryStaff(members);
    const { discord, calls } = memoryDiscord();
    const staff = staffUseCases({ store, exclusive: memoryExclusive(), now: () => NOW });
    await expect(
      staff.remove(caller, { user: { id: "u1", inGuild: true }, role: "organiser" }, discord),
    ).rejects.toMatchObject({ key: "program.staff.error.lastOrganiser" });
    expect(members[0]?.roles).toEqual(["organiser"]);
    expect(audit).toEqual([]);
    expect(calls).toEqual([]);
  });
});
