/**
 * Gentle 日報 reminders. Everything is derived from the database: the sweep (every few minutes,
 * and from the reconciler) adds a job for each intern whose reminder is due, under an id per
 * member and day; the job re-checks, posts through the delivery ledger and records a `Nudge`.
 */
import { DiscordAPIError, HTTPError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createOperationsRepository } from "../db/repositories/operations.ts";
import {
  localDateOf,
  localDayBounds,
  programmeDays,
  REPORT_REMINDER_NUDGE,
  reminderDue,
  shiftLocalDate,
} from "../domain/operations/rules.ts";
import { t } from "../i18n/translate.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys, type DeliveryOutcome, deliverOnce, EffectNotDone } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** How often the sweep looks for due reminders: the most a reminder is late. */
export const REPORT_REMINDER_SWEEP_EVERY_MS = 5 * 60 * 1000;

/** The BullMQ job id of one member's reminder on one day (BullMQ ids may not hold ":"). */
export function reportReminderJobId(memberId: string, localDate: string): string {
  return `report-reminder-${memberId}-${localDate}`;
}

const PERMANENT_DISCORD_ERRORS = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/**
 * Adds a reminder job for every intern of an open programme whose reminder is due now (see
 * `reminderDue`). The query keeps only those who checked in today without a report or a nudge;
 * the rule decides the rest. Adding an existing job id does nothing, so running it often is cheap.
 * Returns how many jobs it added or confirmed.
 */
export async function reconcileReportReminders(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const now = deps.now();
  const programmes = await deps.db.programme.findMany({
    where: { status: "open" },
    select: { id: true, startsAt: true, endsAt: true, timeZone: true },
  });
  let ensured = 0;
  for (const programme of programmes) {
    const days = programmeDays(programme);
    const today = localDateOf(now, programme.timeZone);
    if (today < days.firstDay || today > days.lastDay) continue;
    const { start, end } = localDayBounds(today, programme.timeZone);
    const interns = await deps.db.member.findMany({
      where: {
        programmeId: programme.id,
        roles: { some: { role: "intern" } },
        stage: { not: "withdrawn" },
        checkIns: { some: { startedAt: { gte: start, lt: end } } },
        dailyReports: { none: { localDate: today } },
        nudges: { none: { kind: REPORT_REMINDER_NUDGE, localDate: today } },
      },
      select: {
        id: true,
        profile: {
          select: { reportReminderTime: true, remindersPausedUntil: true, fewerNotifications: true },
        },
        nudges: {
          where: { kind: REPORT_REMINDER_NUDGE, localDate: { gte: shiftLocalDate(today, -6) } },
          select: { localDate: true },
        },
      },
    });
    for (const intern of interns) {
      const due = reminderDue({
        now,
        programme: days,
        reminderTime: intern.profile?.reportReminderTime ?? null,
        pausedUntil: intern.profile?.remindersPausedUntil ?? null,
        fewerNotifications: intern.profile?.fewerNotifications ?? false,
        checkedInToday: true,
        reportedToday: false,
        nudgeDays: intern.nudges.map((n) => n.localDate),
      });
      if (!due.due) continue;
      await deps.queues.add(
        JOBS.sendReportReminder,
        { memberId: intern.id, localDate: due.localDate },
        { jobId: reportReminderJobId(intern.id, due.localDate) },
      );
      ensured += 1;
    }
  }
  return ensured;
}

/** The scheduled sweep; a failure (Redis or the database down) is retried later. */
export function reportReminderSweepHandler(deps: { db: Database; queues: Queues; now: () => Date }) {
  return handleJob(JOBS.reportReminderSweep, async () => {
    try {
      return done(`${await reconcileReportReminders(deps)} reminder jobs ensured`);
    } catch (error) {
      return retryLater(error instanceof Error ? error.message : String(error));
    }
  });
}

/**
 * Sends one reminder in the intern's project thread, if it is still due for that day: a report
 * written or a pause set since the sweep stops it. The ledger makes the post once; the `Nudge`
 * row is what the rules read afterwards. The wording never counts misses.
 */
export function sendReportReminderHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.sendReportReminder, async ({ memberId, localDate }) => {
    const member = await ctx.db.member.findUnique({
      where: { id: memberId },
      select: {
        discordUserId: true,
        projectChannelId: true,
        programme: {
          select: { status: true, startsAt: true, endsAt: true, timeZone: true, forcedLocale: true },
        },
        profile: { select: { preferredLocale: true } },
      },
    });
    if (!member) return giveUp("the member no longer exists");
    const { programme } = member;
    if (programme.status !== "open") return done("the programme is not open");
    const operations = createOperationsRepository(ctx.db);
    const now = ctx.now();
    const { start, end } = localDayBounds(localDate, programme.timeZone);
    const settings = await operations.reminderSettings(memberId);
    const due = reminderDue({
      now,
      programme: programmeDays(programme),
      reminderTime: settings?.reminderTime ?? null,
      pausedUntil: settings?.pausedUntil ?? null,
      fewerNotifications: settings?.fewerNotifications ?? false,
      checkedInToday: await operations.checkedInBetween(memberId, start, end),
      reportedToday: (await operations.report(memberId, localDate)) !== null,
      nudgeDays: await operations.nudgeDays(memberId, REPORT_REMINDER_NUDGE, shiftLocalDate(localDate, -6)),
    });
    if (!due.due) return done(`not due: ${due.reason}`);
    if (due.localDate !== localDate) return done("the day has passed");
    const channelId = member.projectChannelId;
    if (!channelId) return giveUp("the intern has no project thread");

    const locale = programme.forcedLocale ?? member.profile?.preferredLocale ?? ctx.config.defaults.locale;
    let delivery: DeliveryOutcome;
    try {
      delivery = await deliverOnce(
        createDeliveryRepository(ctx.db),
        DeliveryKeys.reportReminder(memberId, localDate),
        ctx.now,
        async () => {
          try {
            const message = (await rest.post(Routes.channelMessages(channelId), {
              body: {
                content: t(locale, "report.reminderMessage", { user: `<@${member.discordUserId}>` }),
                allowed_mentions: { users: [member.discordUserId] },
              },
            })) as { id?: string };
            return { messageId: message.id ?? null };
          } catch (error) {
            if (error instanceof DiscordAPIError || error instanceof HTTPError) {
              throw new EffectNotDone(error.message, { cause: error });
            }
            throw error;
          }
        },
      );
    } catch (error) {
      const cause = error instanceof EffectNotDone ? error.cause : error;
      if (cause instanceof DiscordAPIError && PERMANENT_DISCORD_ERRORS.has(cause.code)) {
        return giveUp(`Discord refused the reminder (${cause.code})`);
      }
      return retryLater(cause instanceof Error ? cause.message : String(cause));
    }
    if (delivery.status === "in_flight") return retryLater("another run is posting this reminder");
    await operations.recordNudge(memberId, REPORT_REMINDER_NUDGE, localDate, ctx.now());
    return done(delivery.status === "already_sent" ? "already delivered" : undefined);
  });
}
