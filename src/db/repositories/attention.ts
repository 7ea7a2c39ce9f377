/** Activity counts, attention contacts and follow-up notes (tables member_activity, attention_contact, attention_note). */

import { CONTACT_HIDE_HOURS, RHYTHM_WINDOW_DAYS, WITHDRAW_KEPT_DAYS } from "../../domain/attention/rules.ts";
import { localDateOf, shiftLocalDate } from "../../domain/operations/rules.ts";
import type { InternRecord } from "../../features/attention/ports.ts";
import type { DatabaseTransaction } from "../client.ts";

/** The audit action of an intern's "I'll stay" answer to `/withdraw`. */
export const WITHDRAW_KEPT_ACTION = "attention.withdraw_kept";
/** How far back moods are read for the intern's own mean. */
const MOOD_WINDOW_DAYS = 30;

export function createAttentionRepository(db: DatabaseTransaction) {
  return {
    /**
     * Every fact the attention rules read about a programme's interns, set-wise: a fixed number of
     * queries whatever the number of interns.
     */
    async internFacts(programmeId: string, now: Date, timeZone: string): Promise<InternRecord[]> {
      const today = localDateOf(now, timeZone);
      const inProgramme = { member: { programmeId } };
      const [
        members,
        allocations,
        submissions,
        recent,
        latest,
        checkIns,
        moods,
        tickets,
        contacts,
        notes,
        kept,
      ] = await Promise.all([
        db.member.findMany({
          where: { programmeId, roles: { some: { role: "intern" } }, stage: { not: "withdrawn" } },
          select: {
            id: true,
            discordUserId: true,
            joinedAt: true,
            profile: {
              select: { displayName: true, weeklyHoursAvailable: true, remindersPausedUntil: true },
            },
          },
        }),
        db.allocation.findMany({ where: { programmeId, live: "active" }, select: { memberId: true } }),
        db.submission.findMany({ where: { programmeId }, select: { memberId: true } }),
        db.memberActivity.findMany({
          where: { ...inProgramme, localDate: { gte: shiftLocalDate(today, -RHYTHM_WINDOW_DAYS) } },
          select: { memberId: true, localDate: true },
        }),
        db.memberActivity.groupBy({ by: ["memberId"], where: inProgramme, _max: { localDate: true } }),
        db.checkInSession.groupBy({ by: ["memberId"], where: inProgramme, _count: { _all: true } }),
        db.dailyReport.findMany({
          where: {
            ...inProgramme,
            mood: { not: null },
            localDate: { gte: shiftLocalDate(today, -MOOD_WINDOW_DAYS) },
          },
          select: { memberId: true, localDate: true, mood: true },
        }),
        db.helpTicket.groupBy({
          by: ["askerId"],
          where: { programmeId, answeredAt: null, status: { not: "closed" } },
          _min: { createdAt: true },
        }),
        db.attentionContact.findMany({
          where: { ...inProgramme, at: { gte: new Date(now.getTime() - CONTACT_HIDE_HOURS * 3_600_000) } },
          select: { memberId: true, reason: true, at: true },
        }),
        db.attentionNote.findMany({
          where: { ...inProgramme, doneAt: null },
          select: { id: true, memberId: true, text: true, until: true, createdAt: true },
          orderBy: { createdAt: "asc" },
        }),
        db.auditLogEntry.findMany({
          where: {
            programmeId,
            action: WITHDRAW_KEPT_ACTION,
            at: { gte: new Date(now.getTime() - WITHDRAW_KEPT_DAYS * 86_400_000) },
          },
          select: { target: true, at: true },
        }),
      ]);
      const group = <T extends { memberId: string }>(rows: readonly T[]) => {
        const map = new Map<string, T[]>();
        for (const row of rows) {
          const list = map.get(row.memberId);
          if (list) list.push(row);
          else map.set(row.memberId, [row]);
        }
        return map;
      };
      const projects = new Set(allocations.map((a) => a.memberId));
      const handedIn = new Set(submissions.map((s) => s.memberId));
      const recentBy = group(recent);
      const lastBy = new Map(latest.map((row) => [row.memberId, row._max.localDate ?? null]));
      const checkInsBy = new Map(checkIns.map((row) => [row.memberId, row._count._all]));
      const moodsBy = group(moods);
      const ticketsBy = new Map(tickets.map((row) => [row.askerId, row._min.createdAt ?? null]));
      const contactsBy = group(contacts);
      const notesBy = group(notes);
      const keptBy = new Map<string, Date>();
      for (const entry of kept) {
        const memberId = entry.target?.replace(/^member:/, "") ?? "";
        const seen = keptBy.get(memberId);
        if (!seen || seen < entry.at) keptBy.set(memberId, entry.at);
      }
      return members.map((member) => ({
        memberId: member.id,
        discordUserId: member.discordUserId,
        displayName: member.profile?.displayName ?? member.discordUserId,
        joinedAt: member.joinedAt,
        weeklyHours: member.profile?.weeklyHoursAvailable ?? null,
        pausedUntil: member.profile?.remindersPausedUntil ?? null,
        activeDays: (recentBy.get(member.id) ?? []).map((row) => row.localDate),
        lastActiveDay: lastBy.get(member.id) ?? null,
        checkIns: checkInsBy.get(member.id) ?? 0,
        hasProject: projects.has(member.id),
        hasSubmission: handedIn.has(member.id),
        moods: (moodsBy.get(member.id) ?? []).map((row) => ({
          localDate: row.localDate,
          mood: row.mood ?? 0,
        })),
        oldestUnansweredAt: ticketsBy.get(member.id) ?? null,
        withdrawKeptAt: keptBy.get(member.id) ?? null,
        contacts: (contactsBy.get(member.id) ?? []).map((row) => ({ reason: row.reason, at: row.at })),
        notes: (notesBy.get(member.id) ?? []).map((row) => ({
          id: row.id,
          text: row.text,
          until: row.until,
          createdAt: row.createdAt,
        })),
      }));
    },

    /** Adds counts to a member's day: one upsert. */
    async addActivity(
      memberId: string,
      localDate: string,
      counts: { interactions: number; messages: number },
      lastAt: Date,
    ): Promise<void> {
      await db.memberActivity.upsert({
        where: { memberId_localDate: { memberId, localDate } },
        create: { memberId, localDate, ...counts, lastAt },
        update: {
          interactions: { increment: counts.interactions },
          messages: { increment: counts.messages },
          lastAt,
        },
      });
    },
  };
}
