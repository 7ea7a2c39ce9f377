/** {@link AttentionStore} over the repositories. */

import { localDateOf } from "../../domain/operations/rules.ts";
import type { AttentionSettings, AttentionStore, DigestTarget } from "../../features/attention/ports.ts";
import type { Database } from "../client.ts";
import { createAttentionRepository, WITHDRAW_KEPT_ACTION } from "../repositories/attention.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

const digestTarget = (value: string): DigestTarget => (value === "staff" ? "staff" : "dm");

export function createAttentionStore(db: Database): AttentionStore {
  const members = createMemberRepository(db);
  const programmes = createProgrammeRepository(db);
  const attention = createAttentionRepository(db);
  return {
    programme: (id) => programmes.get(id),
    member: (programmeId, userId) => members.find(programmeId, userId),

    async settings(programmeId) {
      const row = await db.programme.findUnique({
        where: { id: programmeId },
        select: { silentDays: true, digestTime: true, digestTo: true },
      });
      return row === null ? null : { ...row, digestTo: digestTarget(row.digestTo) };
    },

    saveSettings: (actor, changes, before) =>
      db.$transaction(async (tx) => {
        await tx.programme.update({ where: { id: actor.programmeId ?? "" }, data: changes });
        const from: Partial<AttentionSettings> = {};
        for (const key of Object.keys(changes) as (keyof AttentionSettings)[]) {
          Object.assign(from, { [key]: before[key] });
        }
        await recordAudit(tx, actor, "programme.settings", `programme:${actor.programmeId}`, {
          from,
          to: changes,
        });
      }),

    async internById(programmeId, memberId) {
      return db.member.findFirst({
        where: { id: memberId, programmeId, roles: { some: { role: "intern" } } },
        select: { discordUserId: true },
      });
    },

    async snapshot(programmeId, now) {
      const row = await db.programme.findUniqueOrThrow({
        where: { id: programmeId },
        select: {
          timeZone: true,
          startsAt: true,
          silentDays: true,
          helpEscalateHours: true,
          milestones: {
            where: { kind: { in: ["kickoff", "submission_deadline"] } },
            select: { kind: true, at: true },
          },
        },
      });
      const at = (kind: string) => row.milestones.find((m) => m.kind === kind)?.at ?? null;
      return {
        programme: {
          timeZone: row.timeZone,
          startsAt: row.startsAt,
          silentDays: row.silentDays,
          helpEscalateHours: row.helpEscalateHours,
          kickoffAt: at("kickoff"),
          deadlineAt: at("submission_deadline"),
        },
        interns: await attention.internFacts(programmeId, now, row.timeZone),
      };
    },

    addNote: (actor, note) =>
      db.$transaction(async (tx) => {
        const row = await tx.attentionNote.create({
          data: { ...note, createdAt: actor.at ?? new Date() },
          select: { id: true },
        });
        await recordAudit(tx, actor, "attention.note", `member:${note.memberId}`, {
          noteId: row.id,
          until: note.until,
        });
        return row;
      }),

    finishNotes: (actor, memberId, noteId) =>
      db.$transaction(async (tx) => {
        const done = await tx.attentionNote.updateMany({
          where: { memberId, doneAt: null, ...(noteId === null ? {} : { id: noteId }) },
          data: { doneAt: actor.at ?? new Date() },
        });
        if (done.count > 0)
          await recordAudit(tx, actor, "attention.note_done", `member:${memberId}`, { notes: done.count });
        return done.count;
      }),

    recordContact: (actor, contact) =>
      db.$transaction(async (tx) => {
        await tx.attentionContact.create({ data: { ...contact, at: actor.at ?? new Date() } });
        await recordAudit(tx, actor, "attention.contacted", `member:${contact.memberId}`, {
          reason: contact.reason,
        });
      }),

    recordWithdrawKept: (actor, memberId) =>
      db.$transaction(async (tx) => {
        await recordAudit(tx, actor, WITHDRAW_KEPT_ACTION, `member:${memberId}`);
      }),

    /**
     * Groups the events by server, person and local day, then one upsert per member and day. An
     * event from someone who is not a member of the server's open programme is dropped.
     */
    async recordActivity(events) {
      const guildIds = [...new Set(events.map((e) => e.guildId))];
      const open = await db.programme.findMany({
        where: { guildId: { in: guildIds }, status: "open" },
        select: { id: true, guildId: true, timeZone: true },
      });
      const byGuild = new Map(open.map((p) => [p.guildId, p]));
      const wanted = events.filter((e) => byGuild.has(e.guildId));
      if (wanted.length === 0) return 0;
      const known = await db.member.findMany({
        where: {
          programmeId: { in: open.map((p) => p.id) },
          discordUserId: { in: [...new Set(wanted.map((e) => e.userId))] },
        },
        select: { id: true, programmeId: true, discordUserId: true },
      });
      const memberOf = new Map(known.map((m) => [`${m.programmeId}:${m.discordUserId}`, m.id]));
      const days = new Map<
        string,
        { memberId: string; localDate: string; interactions: number; messages: number; lastAt: Date }
      >();
      for (const event of wanted) {
        const programme = byGuild.get(event.guildId);
        const memberId = programme && memberOf.get(`${programme.id}:${event.userId}`);
        if (!programme || !memberId) continue;
        const localDate = localDateOf(event.at, programme.timeZone);
        const key = `${memberId}:${localDate}`;
        const day = days.get(key) ?? { memberId, localDate, interactions: 0, messages: 0, lastAt: event.at };
        if (event.kind === "interaction") day.interactions += 1;
        else day.messages += 1;
        if (event.at > day.lastAt) day.lastAt = event.at;
        days.set(key, day);
      }
      for (const day of days.values()) {
        await attention.addActivity(
          day.memberId,
          day.localDate,
          { interactions: day.interactions, messages: day.messages },
          day.lastAt,
        );
      }
      return days.size;
    },

    async organisers(programmeId) {
      const rows = await db.member.findMany({
        where: { programmeId, roles: { some: { role: "organiser" } } },
        select: { discordUserId: true, profile: { select: { preferredLocale: true } } },
      });
      return rows.map((r) => ({
        discordUserId: r.discordUserId,
        locale: r.profile?.preferredLocale ?? null,
      }));
    },

    channel: async (programmeId, key) =>
      (await programmes.discordResource(programmeId, key))?.discordId ?? null,
  };
}
