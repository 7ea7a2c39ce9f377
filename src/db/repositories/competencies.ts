/** Competency sheets (with their `CompetencyScore` rows) and certificates. `db` may be a transaction. */
import type { Assessor, CompetencyElementKey, Phase, Ratings } from "../../domain/competency/elements.ts";
import type { Locale } from "../../domain/enums.ts";
import type {
  CertificateRecord,
  ParticipationFacts,
  SheetKey,
  SheetRecord,
} from "../../features/competency/ports.ts";
import type { DatabaseTransaction } from "../client.ts";

const sheetInclude = { assessedBy: { select: { discordUserId: true } } } as const;

export function createCompetencyRepository(db: DatabaseTransaction) {
  async function ratingsOf(memberId: string, phase: Phase, assessor: Assessor): Promise<Ratings> {
    const rows = await db.competencyScore.findMany({ where: { memberId, phase, assessor } });
    return Object.fromEntries(rows.map((r) => [r.element, r.score])) as Ratings;
  }

  type SheetRow = NonNullable<Awaited<ReturnType<typeof findRow>>>;
  function findRow(key: SheetKey) {
    return db.competencySheet.findUnique({
      where: { memberId_phase_assessor: key },
      include: sheetInclude,
    });
  }
  async function toRecord(row: SheetRow): Promise<SheetRecord> {
    return {
      id: row.id,
      memberId: row.memberId,
      phase: row.phase,
      assessor: row.assessor,
      ratings: await ratingsOf(row.memberId, row.phase, row.assessor),
      comment: row.comment,
      submittedAt: row.submittedAt,
      assessedByUserId: row.assessedBy?.discordUserId ?? null,
    };
  }

  return {
    async sheet(key: SheetKey): Promise<SheetRecord | null> {
      const row = await findRow(key);
      return row === null ? null : toRecord(row);
    },

    async sheets(memberId: string): Promise<SheetRecord[]> {
      const rows = await db.competencySheet.findMany({
        where: { memberId },
        include: sheetInclude,
        orderBy: { createdAt: "asc" },
      });
      return Promise.all(rows.map(toRecord));
    },

    /** Creates or updates the sheet and, when given, one element's score (the key stays `CompetencyScore`'s). */
    async save(
      input: SheetKey & {
        assessedById: string | null;
        score?: { element: CompetencyElementKey; value: number };
        comment?: string | null;
      },
    ): Promise<SheetRecord> {
      const key = { memberId: input.memberId, phase: input.phase, assessor: input.assessor };
      const row = await db.competencySheet.upsert({
        where: { memberId_phase_assessor: key },
        create: {
          ...key,
          assessedById: input.assessedById,
          ...(input.comment === undefined ? {} : { comment: input.comment }),
        },
        update: {
          assessedById: input.assessedById,
          ...(input.comment === undefined ? {} : { comment: input.comment }),
        },
        include: sheetInclude,
      });
      if (input.score !== undefined) {
        await db.competencyScore.upsert({
          where: {
            memberId_phase_assessor_element: { ...key, element: input.score.element },
          },
          create: {
            ...key,
            element: input.score.element,
            score: input.score.value,
            assessedById: input.assessedById,
          },
          update: { score: input.score.value, assessedById: input.assessedById },
        });
      }
      return toRecord(row);
    },

    async submit(sheetId: string, at: Date): Promise<SheetRecord> {
      const row = await db.competencySheet.update({
        where: { id: sheetId },
        data: { submittedAt: at },
        include: sheetInclude,
      });
      return toRecord(row);
    },

    async participation(memberId: string): Promise<ParticipationFacts> {
      const allocation = await db.allocation.findFirst({
        where: { memberId },
        orderBy: [{ releasedAt: { sort: "desc", nulls: "first" } }, { allocatedAt: "desc" }],
        include: { assignmentVersion: { select: { titleJa: true, titleEn: true } } },
      });
      const checkIns = await db.checkInSession.findMany({ where: { memberId }, select: { startedAt: true } });
      const reports = await db.dailyReport.findMany({ where: { memberId }, select: { localDate: true } });
      const submissions = await db.submissionVersion.count({ where: { submission: { memberId } } });
      const slot = await db.presentationSlot.findFirst({
        where: { memberId, status: { notIn: ["removed", "no_show"] } },
        orderBy: { startsAt: "desc" },
        select: { startsAt: true, startedAt: true },
      });
      // An active day: a day with a check-in or a daily report (UTC days for check-ins, local dates for reports).
      const days = new Set([
        ...checkIns.map((c) => c.startedAt.toISOString().slice(0, 10)),
        ...reports.map((r) => r.localDate),
      ]);
      const profile = await db.memberProfile.findUnique({
        where: { memberId },
        select: { displayName: true },
      });
      return {
        displayName: profile?.displayName ?? null,
        projectTitle:
          allocation === null
            ? null
            : { ja: allocation.assignmentVersion.titleJa, en: allocation.assignmentVersion.titleEn },
        activeDays: days.size,
        reports: reports.length,
        submissions,
        presentedAt: slot === null ? null : (slot.startedAt ?? slot.startsAt),
      };
    },

    /** False when the serial is already taken. */
    async issue(input: {
      memberId: string;
      serial: string;
      locale: Locale;
      contentHash: string;
      issuedAt: Date;
    }): Promise<{ id: string } | null> {
      const taken = await db.certificate.findUnique({
        where: { serial: input.serial },
        select: { id: true },
      });
      if (taken !== null) return null;
      return db.certificate.create({ data: input, select: { id: true } });
    },

    async bySerial(serial: string, guildId: string): Promise<CertificateRecord | null> {
      const row = await db.certificate.findUnique({
        where: { serial },
        include: {
          member: { select: { discordUserId: true, programme: { select: { name: true, guildId: true } } } },
        },
      });
      if (row === null || row.member.programme.guildId !== guildId) return null;
      return {
        serial: row.serial,
        locale: row.locale === "en" ? "en" : "ja",
        contentHash: row.contentHash,
        issuedAt: row.issuedAt,
        revokedAt: row.revokedAt,
        internUserId: row.member.discordUserId,
        programmeName: row.member.programme.name,
      };
    },
  };
}
