/** Check-ins, daily reports, reminder settings and nudges (tables check_in_session, daily_report, nudge). */
import type { CheckIn, DailyReport, ReminderSettings, ReportContent } from "../../domain/operations/types.ts";
import type { DatabaseTransaction } from "../client.ts";
import { Constraints, toConstraintViolation } from "../errors.ts";

interface CheckInRow {
  id: string;
  memberId: string;
  startedAt: Date;
  endedAt: Date | null;
  plan: string | null;
}

const toCheckIn = (row: CheckInRow): CheckIn => ({
  id: row.id,
  memberId: row.memberId,
  startedAt: row.startedAt,
  endedAt: row.endedAt,
  plan: row.plan,
});

interface ReportRow {
  id: string;
  memberId: string;
  localDate: string;
  text: string;
  mood: number | null;
  blockers: string | null;
  next: string | null;
  private: boolean;
  channelId: string | null;
  messageId: string | null;
}

const toReport = (row: ReportRow): DailyReport => ({
  id: row.id,
  memberId: row.memberId,
  localDate: row.localDate,
  done: row.text,
  mood: row.mood,
  blockers: row.blockers,
  next: row.next,
  private: row.private,
  channelId: row.channelId,
  messageId: row.messageId,
});

export function createOperationsRepository(db: DatabaseTransaction) {
  async function openCheckIn(memberId: string): Promise<CheckIn | null> {
    const row = await db.checkInSession.findUnique({
      where: { memberId_open: { memberId, open: "active" } },
    });
    return row === null ? null : toCheckIn(row);
  }

  return {
    openCheckIn,

    /** The insert is the claim: a second open check-in breaks the unique index and finds the first. */
    async startCheckIn(
      memberId: string,
      plan: string | null,
      at: Date,
    ): Promise<{ status: "started" | "already_open"; checkIn: CheckIn }> {
      try {
        const row = await db.checkInSession.create({
          data: { memberId, plan, startedAt: at, open: "active" },
        });
        return { status: "started", checkIn: toCheckIn(row) };
      } catch (error) {
        if (toConstraintViolation(error)?.constraint !== Constraints.checkInOnePerMember) throw error;
      }
      const open = await openCheckIn(memberId);
      if (open === null) throw new Error("check-in closed between the conflict and the read");
      return { status: "already_open", checkIn: open };
    },

    async endCheckIn(memberId: string, at: Date): Promise<CheckIn | null> {
      const open = await openCheckIn(memberId);
      if (open === null) return null;
      const ended = await db.checkInSession.updateMany({
        where: { id: open.id, open: "active" },
        data: { open: null, endedAt: at },
      });
      // Another /checkout closed it first: that one answers for it.
      return ended.count === 1 ? { ...open, endedAt: at } : null;
    },

    /** Whether the member started a check-in within [start, end). */
    async checkedInBetween(memberId: string, start: Date, end: Date): Promise<boolean> {
      return (await db.checkInSession.count({ where: { memberId, startedAt: { gte: start, lt: end } } })) > 0;
    },

    async report(memberId: string, localDate: string): Promise<DailyReport | null> {
      const row = await db.dailyReport.findUnique({ where: { memberId_localDate: { memberId, localDate } } });
      return row === null ? null : toReport(row);
    },

    async saveReport(input: {
      memberId: string;
      localDate: string;
      content: ReportContent;
      private: boolean;
    }): Promise<{ report: DailyReport; created: boolean }> {
      const fields = {
        text: input.content.done,
        blockers: input.content.blockers,
        next: input.content.next,
        mood: input.content.mood,
        private: input.private,
      };
      const key = { memberId_localDate: { memberId: input.memberId, localDate: input.localDate } };
      const existing = await db.dailyReport.findUnique({ where: key, select: { id: true } });
      const row = await db.dailyReport.upsert({
        where: key,
        create: { memberId: input.memberId, localDate: input.localDate, ...fields },
        update: fields,
      });
      return { report: toReport(row), created: existing === null };
    },

    async setReportPost(reportId: string, post: { channelId: string; messageId: string } | null) {
      await db.dailyReport.update({
        where: { id: reportId },
        data: { channelId: post?.channelId ?? null, messageId: post?.messageId ?? null },
      });
    },

    async reminderSettings(memberId: string): Promise<ReminderSettings | null> {
      const row = await db.memberProfile.findUnique({
        where: { memberId },
        select: { reportReminderTime: true, remindersPausedUntil: true, fewerNotifications: true },
      });
      return row === null
        ? null
        : {
            reminderTime: row.reportReminderTime,
            pausedUntil: row.remindersPausedUntil,
            fewerNotifications: row.fewerNotifications,
          };
    },

    async saveReminderSettings(
      memberId: string,
      changes: Partial<Pick<ReminderSettings, "reminderTime" | "pausedUntil">>,
    ): Promise<boolean> {
      const updated = await db.memberProfile.updateMany({
        where: { memberId },
        data: {
          ...(changes.reminderTime === undefined ? {} : { reportReminderTime: changes.reminderTime }),
          ...(changes.pausedUntil === undefined ? {} : { remindersPausedUntil: changes.pausedUntil }),
        },
      });
      return updated.count === 1;
    },

    /** Local days (from `since` on) on which a nudge of `kind` went out. */
    async nudgeDays(memberId: string, kind: string, since: string): Promise<string[]> {
      const rows = await db.nudge.findMany({
        where: { memberId, kind, localDate: { gte: since } },
        select: { localDate: true },
      });
      return rows.map((r) => r.localDate);
    },

    /** Records that a nudge went out; false when it was already recorded. */
    async recordNudge(memberId: string, kind: string, localDate: string, at: Date): Promise<boolean> {
      try {
        await db.nudge.create({ data: { memberId, kind, localDate, createdAt: at } });
        return true;
      } catch (error) {
        if (toConstraintViolation(error) === undefined) throw error;
        return false;
      }
    },
  };
}
