/** The ports of the daily-operations use-cases (check-in, 日報, reminder settings). */
import type { Locale } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { CheckIn, DailyReport, ReminderSettings, ReportContent } from "../../domain/operations/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import type { SharedLocales } from "../../i18n/shared.ts";

/** The store behind check-ins and reports (src/db/stores/operations.ts). */
export interface OperationsStore {
  programme(programmeId: string): Promise<Programme | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  displayName(memberId: string): Promise<string | null>;
  preferredLocale(memberId: string): Promise<Locale | null>;
  openCheckIn(memberId: string): Promise<CheckIn | null>;
  /** Opens a check-in; one open per member (the schema's unique index decides a race). */
  startCheckIn(
    memberId: string,
    plan: string | null,
    at: Date,
  ): Promise<{ status: "started" | "already_open"; checkIn: CheckIn }>;
  /** Closes the open check-in; null when there was none. */
  endCheckIn(memberId: string, at: Date): Promise<CheckIn | null>;
  report(memberId: string, localDate: string): Promise<DailyReport | null>;
  /** Creates or replaces the member's report for the day. */
  saveReport(input: {
    memberId: string;
    localDate: string;
    content: ReportContent;
    private: boolean;
  }): Promise<{ report: DailyReport; created: boolean }>;
  setReportPost(reportId: string, post: { channelId: string; messageId: string } | null): Promise<void>;
  /** Null when the member has no profile yet. */
  reminderSettings(memberId: string): Promise<ReminderSettings | null>;
  /** False when the member has no profile yet. */
  saveReminderSettings(
    memberId: string,
    changes: Partial<Pick<ReminderSettings, "reminderTime" | "pausedUntil">>,
  ): Promise<boolean>;
  /** The Discord id of a programme channel recorded under `key`, or null. */
  channel(programmeId: string, key: string): Promise<string | null>;
}

/** A 日報 as posted: no mood, ever. */
export interface ReportPost {
  /**
   * The languages of its labels: in the daily-reports channel everyone reads, the programme's
   * pinned one or both; in the intern's own thread, the intern's.
   */
  locales: SharedLocales;
  discordUserId: string;
  displayName: string;
  localDate: string;
  done: string;
  blockers: string | null;
  next: string | null;
  edited: boolean;
}

/** Posts reports to Discord (src/discord/operations/report-poster.ts). */
export interface ReportPoster {
  post(channelId: string, post: ReportPost): Promise<{ messageId: string }>;
  /** Edits a posted report; false when the message is gone. */
  edit(channelId: string, messageId: string, post: ReportPost): Promise<boolean>;
  /** Deletes a posted report (it moved elsewhere); a missing message is fine. */
  remove(channelId: string, messageId: string): Promise<void>;
}

/** Who is asking, in the server's current programme. */
export interface OperationsCaller {
  programmeId: string | null;
  userId: string;
}
