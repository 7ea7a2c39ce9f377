/**
 * What agency staff may be shown about their clients (stage, journey phase, project title, counts
 * of active days and 日報: never report text, mood or accommodations), the digest settings, and the
 * record of the messages posted to agencies about each client (for revocation).
 */
import type { ClientSnapshot, DigestSetting } from "../../domain/agency/digest.ts";
import { type JourneyFacts, journeyPhase } from "../../domain/agency/funnel.ts";
import { titleIn } from "../../domain/assignment/title.ts";
import type { InternStage, Locale } from "../../domain/enums.ts";
import { localDateOf, localDayBounds } from "../../domain/operations/rules.ts";
import type { DatabaseTransaction } from "../client.ts";

/** One intern as the consent check needs them. */
export interface ClientRecord {
  memberId: string;
  discordUserId: string;
  agencyId: string | null;
  agencyConsent: boolean;
  consentChangedAt: Date | null;
}

/** A message posted to an agency about one client. */
export interface AgencyDeliveryRecord {
  id: string;
  agencyId: string;
  memberId: string;
  kind: string;
  channelId: string;
  messageId: string;
  section: number | null;
  at: Date;
}

export function createAgencyViewRepository(db: DatabaseTransaction) {
  async function facts(memberIds: readonly string[]): Promise<Map<string, JourneyFacts>> {
    const [members, allocated, transitions] = await Promise.all([
      db.member.findMany({ where: { id: { in: [...memberIds] } }, select: { id: true, stage: true } }),
      db.allocation.findMany({
        where: { memberId: { in: [...memberIds] } },
        select: { memberId: true },
        distinct: ["memberId"],
      }),
      db.stageTransition.findMany({
        where: { memberId: { in: [...memberIds] } },
        select: { memberId: true, toStage: true },
      }),
    ]);
    const allocatedIds = new Set(allocated.map((a) => a.memberId));
    const reached = new Map<string, Set<InternStage>>();
    for (const t of transitions) {
      const set = reached.get(t.memberId) ?? new Set<InternStage>();
      set.add(t.toStage);
      reached.set(t.memberId, set);
    }
    return new Map(
      members.map((m) => [
        m.id,
        {
          stage: m.stage,
          everAllocated: allocatedIds.has(m.id),
          reachedStages: reached.get(m.id) ?? new Set(),
        },
      ]),
    );
  }

  return {
    /** The intern `discordUserId` of the programme, or null. */
    async clientByUser(programmeId: string, discordUserId: string): Promise<ClientRecord | null> {
      const row = await db.member.findUnique({
        where: { programmeId_discordUserId: { programmeId, discordUserId } },
        select: {
          id: true,
          discordUserId: true,
          agencyId: true,
          agencyConsent: true,
          agencyConsentChangedAt: true,
          stage: true,
        },
      });
      if (row === null || row.stage === null) return null;
      return {
        memberId: row.id,
        discordUserId: row.discordUserId,
        agencyId: row.agencyId,
        agencyConsent: row.agencyConsent,
        consentChangedAt: row.agencyConsentChangedAt,
      };
    },

    /** The intern by member id (null when gone). */
    async client(memberId: string): Promise<ClientRecord | null> {
      const row = await db.member.findUnique({
        where: { id: memberId },
        select: {
          id: true,
          discordUserId: true,
          agencyId: true,
          agencyConsent: true,
          agencyConsentChangedAt: true,
        },
      });
      return row === null
        ? null
        : {
            memberId: row.id,
            discordUserId: row.discordUserId,
            agencyId: row.agencyId,
            agencyConsent: row.agencyConsent,
            consentChangedAt: row.agencyConsentChangedAt,
          };
    },

    /** The funnel facts of every intern of the programme (`memberIds`: only those). */
    async journeyFacts(programmeId: string, memberIds?: readonly string[]): Promise<JourneyFacts[]> {
      const ids =
        memberIds ??
        (
          await db.member.findMany({ where: { programmeId, stage: { not: null } }, select: { id: true } })
        ).map((m) => m.id);
      return [...(await facts(ids)).values()];
    },

    /**
     * The snapshot of each member in `memberIds` over the local days [from, to] of `timeZone`, in
     * the order given. Reads counts and titles only.
     */
    async snapshots(input: {
      memberIds: readonly string[];
      week: { from: string; to: string };
      timeZone: string;
      locale: Locale;
    }): Promise<ClientSnapshot[]> {
      const ids = [...input.memberIds];
      if (ids.length === 0) return [];
      const start = localDayBounds(input.week.from, input.timeZone).start;
      const end = localDayBounds(input.week.to, input.timeZone).end;
      const [members, checkIns, reports, versions, allocations, journey] = await Promise.all([
        db.member.findMany({
          where: { id: { in: ids } },
          select: { id: true, discordUserId: true, stage: true, profile: { select: { displayName: true } } },
        }),
        db.checkInSession.findMany({
          where: { memberId: { in: ids }, startedAt: { gte: start, lt: end } },
          select: { memberId: true, startedAt: true },
        }),
        db.dailyReport.findMany({
          where: { memberId: { in: ids }, localDate: { gte: input.week.from, lte: input.week.to } },
          select: { memberId: true, localDate: true },
        }),
        db.submissionVersion.findMany({
          where: { submission: { memberId: { in: ids } }, submittedAt: { gte: start, lt: end } },
          select: { submittedAt: true, submission: { select: { memberId: true } } },
        }),
        db.allocation.findMany({
          where: { memberId: { in: ids }, live: "active" },
          select: { memberId: true, assignmentVersion: { select: { titleJa: true, titleEn: true } } },
        }),
        facts(ids),
      ]);
      const days = new Map<string, Set<string>>();
      const addDay = (memberId: string, day: string) => {
        const set = days.get(memberId) ?? new Set<string>();
        set.add(day);
        days.set(memberId, set);
      };
      for (const c of checkIns) addDay(c.memberId, localDateOf(c.startedAt, input.timeZone));
      for (const r of reports) addDay(r.memberId, r.localDate);
      for (const v of versions) addDay(v.submission.memberId, localDateOf(v.submittedAt, input.timeZone));
      const reportCount = new Map<string, number>();
      for (const r of reports) reportCount.set(r.memberId, (reportCount.get(r.memberId) ?? 0) + 1);
      const titles = new Map(
        allocations.map((a) => [a.memberId, titleIn(input.locale, a.assignmentVersion)]),
      );
      const byId = new Map(members.map((m) => [m.id, m]));
      return ids.flatMap((id) => {
        const m = byId.get(id);
        if (!m) return [];
        const f = journey.get(id);
        return [
          {
            memberId: id,
            discordUserId: m.discordUserId,
            displayName: m.profile?.displayName ?? null,
            stage: m.stage,
            phase: f ? journeyPhase(f) : null,
            projectTitle: titles.get(id) ?? null,
            activeDays: days.get(id)?.size ?? 0,
            reports: reportCount.get(id) ?? 0,
          },
        ];
      });
    },

    async digestSetting(agencyId: string): Promise<DigestSetting | null> {
      const row = await db.agencyDigestSetting.findUnique({ where: { agencyId } });
      return row === null
        ? null
        : {
            agencyId: row.agencyId,
            delivery: row.delivery === "thread" ? "thread" : "dm",
            weekday: row.weekday,
            time: row.time,
            threadId: row.threadId,
          };
    },

    /** Every digest setting of the open (or draft) programmes, with the programme's zone. */
    async activeDigestSettings(): Promise<Array<DigestSetting & { timeZone: string }>> {
      const rows = await db.agencyDigestSetting.findMany({
        include: { agency: { select: { programmeId: true, guildId: true } } },
      });
      const programmes = await db.programme.findMany({
        where: {
          guildId: { in: [...new Set(rows.map((r) => r.agency.guildId))] },
          status: { in: ["draft", "open"] },
        },
        select: { id: true, guildId: true, timeZone: true },
      });
      return rows.flatMap((row) => {
        const programme = programmes.find((p) =>
          row.agency.programmeId === null
            ? p.guildId === row.agency.guildId
            : p.id === row.agency.programmeId,
        );
        if (!programme) return [];
        return [
          {
            agencyId: row.agencyId,
            delivery: row.delivery === "thread" ? ("thread" as const) : ("dm" as const),
            weekday: row.weekday,
            time: row.time,
            threadId: row.threadId,
            timeZone: programme.timeZone,
          },
        ];
      });
    },

    async saveDigestSetting(setting: Omit<DigestSetting, "threadId">): Promise<void> {
      const data = { delivery: setting.delivery, weekday: setting.weekday, time: setting.time };
      await db.agencyDigestSetting.upsert({
        where: { agencyId: setting.agencyId },
        create: { agencyId: setting.agencyId, ...data },
        update: data,
      });
    },

    async setDigestThread(agencyId: string, threadId: string): Promise<void> {
      await db.agencyDigestSetting.update({ where: { agencyId }, data: { threadId } });
    },

    async recordDeliveries(rows: ReadonlyArray<Omit<AgencyDeliveryRecord, "id">>): Promise<void> {
      if (rows.length > 0) await db.agencyDelivery.createMany({ data: [...rows] });
    },

    async deliveriesOf(memberId: string): Promise<AgencyDeliveryRecord[]> {
      return db.agencyDelivery.findMany({ where: { memberId }, orderBy: { at: "asc" } });
    },

    async deleteDelivery(id: string): Promise<void> {
      await db.agencyDelivery.deleteMany({ where: { id } });
    },

    /**
     * Members with messages posted to an agency that may no longer see them: consent withdrawn, or
     * the member now belongs to another agency (or none).
     */
    async revocationsPending(): Promise<Array<{ memberId: string; consentChangedAt: Date | null }>> {
      const rows = await db.agencyDelivery.findMany({
        select: {
          memberId: true,
          agencyId: true,
          member: { select: { agencyConsent: true, agencyId: true, agencyConsentChangedAt: true } },
        },
      });
      const pending = new Map<string, Date | null>();
      for (const r of rows) {
        if (!r.member.agencyConsent || r.member.agencyId !== r.agencyId) {
          pending.set(r.memberId, r.member.agencyConsentChangedAt);
        }
      }
      return [...pending].map(([memberId, consentChangedAt]) => ({ memberId, consentChangedAt }));
    },
  };
}
