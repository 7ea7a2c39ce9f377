/** `/checkin`, `/checkout` and `/report`: flex-time check-ins and the 日報. */
import type { Locale } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import {
  checkPauseUntil,
  checkReportDate,
  localDateOf,
  parseClockTime,
  programmeDays,
  REMINDERS_OFF,
  REPORT_FIELD_MAX,
  reportDay,
} from "../../domain/operations/rules.ts";
import type { CheckIn, DailyReport, ReportContent } from "../../domain/operations/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { sharedLocales } from "../../i18n/shared.ts";
import { UserError } from "../errors.ts";
import type { OperationsCaller, OperationsStore, ReportPost, ReportPoster } from "./ports.ts";

export interface OperationsPorts {
  store: OperationsStore;
  now: () => Date;
  defaultLocale: Locale;
}

/** What the 日報 modal sends, as typed. */
export interface ReportAnswers {
  done: string;
  blockers: string;
  next: string;
  mood: string;
}

/** Where a saved report went: the daily-reports channel, the project thread, or nowhere. */
export type ReportPlace = "channel" | "thread" | "none";

export type SubmitReportOutcome = {
  report: DailyReport;
  created: boolean;
  place: ReportPlace;
  channelId: string | null;
  /** The mood typed was not 1–5 and was not saved; the rest was. */
  moodIgnored: boolean;
};

const optional = (text: string): string | null => (text.trim() === "" ? null : text.trim());

function readMood(text: string): { mood: number | null; ignored: boolean } {
  const trimmed = text.trim();
  if (trimmed === "") return { mood: null, ignored: false };
  const mood = Number(trimmed.normalize("NFKC"));
  return Number.isInteger(mood) && mood >= 1 && mood <= 5
    ? { mood, ignored: false }
    : { mood: null, ignored: true };
}

export function operationsUseCases(ports: OperationsPorts) {
  const { store } = ports;

  async function internOrRefuse(caller: OperationsCaller, payloadProgrammeId?: string) {
    if (payloadProgrammeId !== undefined && caller.programmeId !== payloadProgrammeId) {
      throw new UserError("error.customId.stale");
    }
    const programme = caller.programmeId === null ? null : await store.programme(caller.programmeId);
    if (programme === null) throw new UserError("error.access.noProgramme");
    const member = await store.member(programme.id, caller.userId);
    if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
    if (member.stage === "withdrawn") throw new UserError("project.withdrawn");
    return { programme, member };
  }

  function dayOrRefuse(programme: Programme, day: string) {
    const checked = checkReportDate(day, ports.now(), programmeDays(programme));
    if (!checked.ok) throw new UserError(`report.error.${checked.problem}`, { date: day });
  }

  async function placeFor(programme: Programme, member: Member, private_: boolean) {
    const channel = private_ ? null : await store.channel(programme.id, ResourceKeys.channels.dailyReports);
    if (channel) return { place: "channel" as const, channelId: channel };
    // Without a daily-reports channel (an older or custom workspace) the thread is the fallback.
    if (member.projectChannelId) return { place: "thread" as const, channelId: member.projectChannelId };
    return { place: "none" as const, channelId: null };
  }

  return {
    /** Starts a check-in, or shows the open one. */
    async checkIn(
      caller: OperationsCaller,
      plan: string | null,
    ): Promise<{ status: "started" | "already_open"; checkIn: CheckIn; programmeId: string }> {
      const { programme, member } = await internOrRefuse(caller);
      const started = await store.startCheckIn(member.id, optional(plan ?? ""), ports.now());
      return { ...started, programmeId: programme.id };
    },

    /** Ends the open check-in; says whether today's 日報 is already written. */
    async checkOut(caller: OperationsCaller) {
      const { programme, member } = await internOrRefuse(caller);
      const ended = await store.endCheckIn(member.id, ports.now());
      if (ended === null) throw new UserError("checkout.none");
      const today = localDateOf(ports.now(), programme.timeZone);
      return {
        checkIn: ended,
        programmeId: programme.id,
        reported: (await store.report(member.id, today)) !== null,
      };
    },

    /** What the 日報 modal opens with: the day, and the report already written for it. */
    async reportForm(caller: OperationsCaller, choice: "today" | "yesterday", payloadProgrammeId?: string) {
      const { programme, member } = await internOrRefuse(caller, payloadProgrammeId);
      const localDate = reportDay(choice, ports.now(), programme.timeZone);
      dayOrRefuse(programme, localDate);
      return { programmeId: programme.id, localDate, existing: await store.report(member.id, localDate) };
    },

    /** Saves the 日報 for `localDate` (a re-run replaces it) and posts or edits it, never with the mood. */
    async submitReport(
      caller: OperationsCaller,
      input: { programmeId: string; localDate: string; private: boolean; answers: ReportAnswers },
      poster: ReportPoster,
    ): Promise<SubmitReportOutcome> {
      const { programme, member } = await internOrRefuse(caller, input.programmeId);
      dayOrRefuse(programme, input.localDate);
      const { answers } = input;
      const done = answers.done.trim();
      if (done === "") throw new UserError("report.error.emptyDone");
      for (const text of [answers.done, answers.blockers, answers.next]) {
        if (text.length > REPORT_FIELD_MAX)
          throw new UserError("report.error.tooLong", { max: REPORT_FIELD_MAX });
      }
      const mood = readMood(answers.mood);
      const content: ReportContent = {
        done,
        blockers: optional(answers.blockers),
        next: optional(answers.next),
        mood: mood.mood,
      };
      const { report, created } = await store.saveReport({
        memberId: member.id,
        localDate: input.localDate,
        content,
        private: input.private,
      });
      const target = await placeFor(programme, member, input.private);
      const post: ReportPost = {
        locales:
          target.place === "channel"
            ? sharedLocales(programme, ports.defaultLocale)
            : [programme.forcedLocale ?? (await store.preferredLocale(member.id)) ?? ports.defaultLocale],
        discordUserId: member.discordUserId,
        displayName: (await store.displayName(member.id)) ?? member.discordUserId,
        localDate: input.localDate,
        done: content.done,
        blockers: content.blockers,
        next: content.next,
        edited: !created,
      };
      let posted =
        report.channelId && report.messageId
          ? { channelId: report.channelId, messageId: report.messageId }
          : null;
      if (posted && posted.channelId !== target.channelId) {
        // Moved (e.g. made private): the old copy must not stay where others can read it.
        await poster.remove(posted.channelId, posted.messageId);
        posted = null;
      }
      if (posted && !(await poster.edit(posted.channelId, posted.messageId, post))) posted = null;
      if (!posted && target.channelId) {
        const { messageId } = await poster.post(target.channelId, post);
        posted = { channelId: target.channelId, messageId };
      }
      if (
        (posted?.channelId ?? null) !== report.channelId ||
        (posted?.messageId ?? null) !== report.messageId
      ) {
        await store.setReportPost(report.id, posted);
      }
      return {
        report: { ...report, channelId: posted?.channelId ?? null, messageId: posted?.messageId ?? null },
        created,
        place: target.place,
        channelId: target.channelId,
        moodIgnored: mood.ignored,
      };
    },

    /** Silences reminders up to and including `until` (YYYY-MM-DD, within the programme). */
    async pause(caller: OperationsCaller, untilText: string): Promise<{ until: string }> {
      const { programme, member } = await internOrRefuse(caller);
      const checked = checkPauseUntil(untilText, ports.now(), programmeDays(programme));
      if (!checked.ok) {
        throw new UserError(`report.error.pause.${checked.problem}`, {
          value: untilText,
          end: programmeDays(programme).lastDay,
        });
      }
      if (!(await store.saveReminderSettings(member.id, { pausedUntil: checked.until }))) {
        throw new UserError("report.error.noProfile");
      }
      return { until: checked.until };
    },

    /** Sets the reminder time (`HH:mm` in the programme's zone) or turns reminders off. */
    async reminder(caller: OperationsCaller, timeText: string): Promise<{ time: string; timeZone: string }> {
      const { programme, member } = await internOrRefuse(caller);
      const off = timeText.trim().toLowerCase() === REMINDERS_OFF;
      const time = off ? REMINDERS_OFF : parseClockTime(timeText);
      if (time === null) throw new UserError("report.error.time", { value: timeText });
      if (!(await store.saveReminderSettings(member.id, { reminderTime: time }))) {
        throw new UserError("report.error.noProfile");
      }
      return { time, timeZone: programme.timeZone };
    },
  };
}

export type OperationsUseCases = ReturnType<typeof operationsUseCases>;
