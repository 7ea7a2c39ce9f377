/** Presentation sessions and their slots (rows ↔ the presentation feature's records). */

import type { Locale } from "../../domain/enums.ts";
import type {
  PresenterRecord,
  SessionRecord,
  SlotRecord,
  SlotWrite,
} from "../../features/presentation/ports.ts";
import type { DatabaseTransaction } from "../client.ts";

const SLOT_INCLUDE = {
  member: {
    select: {
      discordUserId: true,
      projectChannelId: true,
      profile: { select: { fewerNotifications: true, preferredLocale: true } },
    },
  },
} as const;

type SessionRow = NonNullable<Awaited<ReturnType<DatabaseTransaction["presentationSession"]["findUnique"]>>>;
type SlotRow = NonNullable<Awaited<ReturnType<DatabaseTransaction["presentationSlot"]["findUnique"]>>> & {
  member: {
    discordUserId: string;
    projectChannelId: string | null;
    profile: { fewerNotifications: boolean; preferredLocale: Locale | null } | null;
  };
};

function toSlot(row: SlotRow): SlotRecord {
  return {
    id: row.id,
    memberId: row.memberId,
    allocationId: row.allocationId,
    discordUserId: row.member.discordUserId,
    projectChannelId: row.member.projectChannelId,
    order: row.order,
    startsAt: row.startsAt,
    minutes: row.minutes,
    format: row.format,
    status: row.status,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    fewerNotifications: row.member.profile?.fewerNotifications ?? false,
    locale: row.member.profile?.preferredLocale ?? null,
  };
}

function toSession(row: SessionRow & { slots: SlotRow[] }): SessionRecord {
  const slots = row.slots.map(toSlot).sort((a, b) => {
    if (a.order > 0 !== b.order > 0) return a.order > 0 ? -1 : 1;
    return Math.abs(a.order) - Math.abs(b.order);
  });
  return {
    id: row.id,
    programmeId: row.programmeId,
    title: row.title,
    status: row.status,
    channelId: row.channelId,
    scheduledEventId: row.scheduledEventId,
    agendaChannelId: row.agendaChannelId,
    agendaMessageId: row.agendaMessageId,
    liveChannelId: row.liveChannelId,
    liveMessageId: row.liveMessageId,
    timing: {
      startsAt: row.startsAt,
      slotMinutes: row.slotMinutes,
      qaMinutes: row.qaMinutes,
      bufferMinutes: row.bufferMinutes,
      breakEvery: row.breakEvery,
      breakMinutes: row.breakMinutes,
    },
    orderMethod: row.orderMethod,
    seed: row.seed,
    includeAll: row.includeAll,
    currentOrder: row.currentOrder,
    delayMinutes: row.delayMinutes,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    slots,
  };
}

/** Orders are unique per session: park every slot on a free order first, then write the new ones. */
const PARK_OFFSET = 1_000_000;

export function createPresentationRepository(db: DatabaseTransaction) {
  async function session(id: string): Promise<SessionRecord | null> {
    const row = await db.presentationSession.findUnique({
      where: { id },
      include: { slots: { include: SLOT_INCLUDE } },
    });
    return row === null ? null : toSession(row);
  }

  return {
    session,
    async openSession(programmeId: string): Promise<SessionRecord | null> {
      const row = await db.presentationSession.findFirst({
        where: { programmeId, status: { in: ["draft", "scheduled", "live"] } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      return row === null ? null : session(row.id);
    },
    async latestSession(programmeId: string): Promise<SessionRecord | null> {
      const row = await db.presentationSession.findFirst({
        where: { programmeId, status: { not: "draft" } },
        orderBy: { createdAt: "desc" },
        select: { id: true },
      });
      return row === null ? null : session(row.id);
    },
    async presenters(programmeId: string, includeAll: boolean): Promise<PresenterRecord[]> {
      const rows = await db.allocation.findMany({
        where: {
          programmeId,
          live: "active",
          member: {
            roles: { some: { role: "intern" } },
            stage: { not: "withdrawn" },
            ...(includeAll ? {} : { submissions: { some: { versionCount: { gt: 0 } } } }),
          },
        },
        select: {
          id: true,
          allocatedAt: true,
          member: {
            select: {
              id: true,
              discordUserId: true,
              projectChannelId: true,
              profile: {
                select: { textOnlyPresentation: true, fewerNotifications: true, preferredLocale: true },
              },
            },
          },
          submissions: {
            select: { versions: { select: { submittedAt: true }, orderBy: { number: "asc" }, take: 1 } },
          },
        },
      });
      return rows.map((row) => ({
        memberId: row.member.id,
        allocationId: row.id,
        allocatedAt: row.allocatedAt,
        firstSubmittedAt: row.submissions[0]?.versions[0]?.submittedAt ?? null,
        textOnlyPresentation: row.member.profile?.textOnlyPresentation ?? false,
        discordUserId: row.member.discordUserId,
        projectChannelId: row.member.projectChannelId,
        locale: row.member.profile?.preferredLocale ?? null,
        fewerNotifications: row.member.profile?.fewerNotifications ?? false,
      }));
    },
    async createDraft(
      draft: Pick<
        SessionRecord,
        "programmeId" | "title" | "channelId" | "timing" | "orderMethod" | "seed" | "includeAll"
      >,
      slots: SlotWrite[],
    ): Promise<string> {
      await db.presentationSession.deleteMany({ where: { programmeId: draft.programmeId, status: "draft" } });
      const row = await db.presentationSession.create({
        data: {
          programmeId: draft.programmeId,
          title: draft.title,
          status: "draft",
          channelId: draft.channelId,
          startsAt: draft.timing.startsAt,
          slotMinutes: draft.timing.slotMinutes,
          qaMinutes: draft.timing.qaMinutes,
          bufferMinutes: draft.timing.bufferMinutes,
          breakEvery: draft.timing.breakEvery,
          breakMinutes: draft.timing.breakMinutes,
          orderMethod: draft.orderMethod,
          seed: draft.seed,
          includeAll: draft.includeAll,
          slots: { create: slots.map((s) => ({ ...s })) },
        },
        select: { id: true },
      });
      return row.id;
    },
    /** Moves the session out of `from` if it is still there; false when another write got there first. */
    async transition(
      sessionId: string,
      from: { status: SessionRecord["status"]; currentOrder?: number | null },
      data: Partial<{
        status: SessionRecord["status"];
        currentOrder: number | null;
        delayMinutes: number;
        startedAt: Date;
        endedAt: Date;
      }>,
    ): Promise<boolean> {
      const { count } = await db.presentationSession.updateMany({
        where: {
          id: sessionId,
          status: from.status,
          ...(from.currentOrder === undefined ? {} : { currentOrder: from.currentOrder }),
        },
        data,
      });
      return count === 1;
    },
    /** Writes every slot of the session as given (created when new), keeping orders unique. */
    async writeSlots(sessionId: string, slots: SlotWrite[]): Promise<void> {
      const existing = await db.presentationSlot.findMany({
        where: { sessionId },
        select: { id: true, memberId: true, order: true },
      });
      for (const [index, row] of existing.entries()) {
        await db.presentationSlot.update({ where: { id: row.id }, data: { order: PARK_OFFSET + index } });
      }
      const byMember = new Map(existing.map((r) => [r.memberId, r.id]));
      for (const slot of slots) {
        const id = byMember.get(slot.memberId);
        if (id === undefined) await db.presentationSlot.create({ data: { sessionId, ...slot } });
        else await db.presentationSlot.update({ where: { id }, data: slot });
      }
      const kept = new Set(slots.map((s) => s.memberId));
      const dropped = existing.filter((r) => !kept.has(r.memberId)).map((r) => r.id);
      if (dropped.length > 0) await db.presentationSlot.deleteMany({ where: { id: { in: dropped } } });
    },
    async setSlotState(
      id: string,
      data: { status: SlotRecord["status"]; startedAt: Date | null; endedAt: Date | null },
    ): Promise<void> {
      await db.presentationSlot.update({ where: { id }, data });
    },
    async setDiscordIds(sessionId: string, ids: Partial<Record<string, string | null>>): Promise<void> {
      await db.presentationSession.update({ where: { id: sessionId }, data: ids });
    },
  };
}
