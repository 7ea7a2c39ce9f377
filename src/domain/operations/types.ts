/** Check-ins and daily reports (日報) as the product sees them. */

/** A flex-time check-in; open until `endedAt` is set. */
export interface CheckIn {
  id: string;
  memberId: string;
  startedAt: Date;
  endedAt: Date | null;
  plan: string | null;
}

/** What an intern writes in a 日報. */
export interface ReportContent {
  done: string;
  blockers: string | null;
  next: string | null;
  /** 1–5, never posted. */
  mood: number | null;
}

export interface DailyReport extends ReportContent {
  id: string;
  memberId: string;
  /** `YYYY-MM-DD` in the programme's zone. */
  localDate: string;
  private: boolean;
  /** Where it was posted, if it was. */
  channelId: string | null;
  messageId: string | null;
}

/** An intern's reminder settings (from their profile). */
export interface ReminderSettings {
  /** `HH:mm`, `"off"`, or null for the default. */
  reminderTime: string | null;
  pausedUntil: string | null;
  fewerNotifications: boolean;
}
