import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import { SUPPORTED_LOCALES, type SupportedLocale } from "../config/env.ts";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import {
  milestoneReminderJobId,
  planMilestoneReminders,
  REMINDED_KINDS,
} from "../domain/programme/reminders.ts";
import type { Milestone } from "../domain/programme/types.ts";
import { ResourceKeys } from "../domain/workspace/keys.ts";
import { inEachLocale, type SharedLocales, sharedLocales } from "../i18n/shared.ts";
import { discordTimestamp } from "../i18n/time.ts";
import { t } from "../i18n/translate.ts";
import { postOnce } from "./channel-post.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys } from "./delivery.ts";
import { milestoneJobs } from "./milestone-jobs.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** Logical key of the announcements channel in a programme's Discord resources. */
export const ANNOUNCEMENTS_CHANNEL_KEY = ResourceKeys.channels.announcements;

/** A milestone whose time moved later than this past the job's firing is left to its newer job. */
const RESCHEDULED_SLACK_MS = 60_000;

/**
 * The announcement everyone reads, once per language. A milestone's stored title is its kind's
 * name in the language it was created in, so that name is said in each language; a title of the
 * organisers' own is kept as written.
 */
function milestoneAnnouncement(
  milestone: Pick<Milestone, "kind" | "title" | "at">,
  locales: SharedLocales,
): string {
  const kindName = (locale: SupportedLocale) => t(locale, `milestone.kind.${milestone.kind}`);
  const ownTitle = !SUPPORTED_LOCALES.some((locale) => kindName(locale) === milestone.title);
  return inEachLocale(
    locales,
    (locale) =>
      t(locale, "milestone.announcement", {
        title: ownTitle ? milestone.title : kindName(locale),
        kind: kindName(locale),
        at: discordTimestamp(milestone.at, "F"),
        relative: discordTimestamp(milestone.at, "R"),
      }),
    "\n\n",
  );
}

/**
 * Announces a programme milestone (kick-off, mid-point review, deadline, presentation, debrief)
 * in the programme's announcements channel, in its pinned language or else in both. Idempotent: the post
 * goes through the delivery ledger, so redelivered or concurrent runs post it once; a job that
 * fires for a milestone since moved later does nothing (the reschedule added a new job).
 */
export function announceMilestoneHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.announceMilestone, async ({ programmeId, milestoneId }) => {
    const programmes = createProgrammeRepository(ctx.db);
    const programme = await programmes.get(programmeId);
    const milestone =
      programme && (await programmes.milestones(programmeId)).find((m) => m.id === milestoneId);
    if (!programme || !milestone) return giveUp("the programme or milestone no longer exists");
    if (milestone.announcedAt) return done("already announced");
    if (milestone.at.getTime() > ctx.now().getTime() + RESCHEDULED_SLACK_MS) {
      return done("the milestone moved later; its newer job will announce it");
    }
    const channel = await programmes.discordResource(programmeId, ANNOUNCEMENTS_CHANNEL_KEY);
    if (!channel) return giveUp("the programme has no announcements channel");

    const content = milestoneAnnouncement(milestone, sharedLocales(programme, ctx.config.defaults.locale));
    // The ledger makes the post at most once even when BullMQ redelivers or two runs overlap.
    const posted = await postOnce(
      { db: ctx.db, rest, now: ctx.now },
      DeliveryKeys.milestone(milestoneId, milestone.at),
      channel.discordId,
      { content, allowed_mentions: { parse: [] } },
      "announcement",
    );
    if ("failed" in posted) return posted.failed;
    const { delivery } = posted;
    if (delivery.status === "in_flight") return retryLater("another run is posting this announcement");
    if (delivery.status === "sent" && !delivery.recorded) {
      ctx.logger.error({ programmeId, milestoneId }, "milestone announced but its delivery not recorded");
    }
    // Posted (now or by an earlier run): from here on a failure to record it is logged and the job
    // still ends (a lost record costs a status line; the ledger already stops a second post).
    try {
      await programmes.markMilestoneAnnounced(milestoneId, ctx.now());
    } catch (error) {
      ctx.logger.error({ err: error, programmeId, milestoneId }, "milestone announced but not recorded");
      return done("announced; recording it failed");
    }
    if (delivery.status === "already_sent") return done("already delivered");
    ctx.logger.info({ programmeId, milestoneId, kind: milestone.kind }, "milestone announced");
    return done();
  });
}

/** Logical key of the role pinged by milestone reminders. */
const INTERN_ROLE_KEY = ResourceKeys.roles.intern;

/**
 * Reminds the interns of a milestone `leadHours` ahead: one post in the announcements channel,
 * pinging the intern role (and nobody else), in the language the announcement uses. Idempotent
 * through the delivery ledger, once per (milestone, lead, time). Ends without posting when the
 * programme stopped running, the milestone moved (its move queued new reminders) or was
 * announced, this lead is no longer configured, or the milestone's time has come.
 */
export function remindMilestoneHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.remindMilestone, async ({ programmeId, milestoneId, leadHours, atEpochS }) => {
    const programmes = createProgrammeRepository(ctx.db);
    const programme = await programmes.get(programmeId);
    const milestone =
      programme && (await programmes.milestones(programmeId)).find((m) => m.id === milestoneId);
    if (!programme || !milestone) return giveUp("the programme or milestone no longer exists");
    if (programme.status !== "open" && programme.status !== "draft")
      return done("the programme is not running");
    if (Math.floor(milestone.at.getTime() / 1000) !== atEpochS) return done("the milestone moved");
    if (milestone.announcedAt) return done("already announced");
    if (!REMINDED_KINDS.has(milestone.kind)) return done("this kind is not reminded");
    if (!ctx.config.milestones.reminderHours.includes(leadHours)) {
      return done("no longer a reminder time (MILESTONE_REMINDER_HOURS changed)");
    }
    if (ctx.now().getTime() >= milestone.at.getTime()) return done("the milestone's time has come");
    const channel = await programmes.discordResource(programmeId, ANNOUNCEMENTS_CHANNEL_KEY);
    if (!channel) return giveUp("the programme has no announcements channel");
    const role = await programmes.discordResource(programmeId, INTERN_ROLE_KEY);

    const locale = programme.forcedLocale ?? ctx.config.defaults.locale;
    const text = t(locale, "milestone.reminder", {
      title: milestone.title,
      kind: t(locale, `milestone.kind.${milestone.kind}`),
      at: discordTimestamp(milestone.at, "F"),
      relative: discordTimestamp(milestone.at, "R"),
    });
    // A mention is the same in every language; without the role (deleted by hand) the reminder
    // still goes out, unpinged, and /program status shows the role missing.
    const content = role ? `<@&${role.discordId}> ${text}` : text;
    const posted = await postOnce(
      { db: ctx.db, rest, now: ctx.now },
      DeliveryKeys.milestoneReminder(milestoneId, leadHours, atEpochS),
      channel.discordId,
      { content, allowed_mentions: { roles: role ? [role.discordId] : [] } },
      "reminder",
    );
    if ("failed" in posted) return posted.failed;
    const { delivery } = posted;
    if (delivery.status === "in_flight") return retryLater("another run is posting this reminder");
    if (delivery.status === "already_sent") return done("already delivered");
    if (!delivery.recorded) {
      ctx.logger.error({ programmeId, milestoneId, leadHours }, "milestone reminder sent, not recorded");
    }
    ctx.logger.info({ programmeId, milestoneId, kind: milestone.kind, leadHours }, "milestone reminder sent");
    return done();
  });
}

/**
 * How long after it came due a reminder Redis lost is still sent by the reconciler: longer than a
 * Redis outage or a redeploy. Its text gives the milestone's time relative to when it is read, so
 * a late one is still right.
 */
export const MISSED_MILESTONE_REMINDER_GRACE_MS = 6 * 3_600_000;

/**
 * Re-creates every milestone reminder job Redis should hold, under its idempotent id: for each
 * unannounced milestone still ahead in a running programme, the reminders still to come, and those
 * that came due within {@link MISSED_MILESTONE_REMINDER_GRACE_MS} whose delivery was never claimed
 * (Redis lost them), but only if they came due after the milestone was last set: one that was
 * already due when the milestone was set (opened or moved late) was never queued, and stays so.
 * Returns how many jobs it added or confirmed.
 */
export async function reconcileMilestoneReminders(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
  reminderHours: readonly number[];
}): Promise<number> {
  if (deps.reminderHours.length === 0) return 0;
  const now = deps.now();
  const milestones = await deps.db.milestone.findMany({
    where: {
      announcedAt: null,
      at: { gt: now },
      kind: { in: [...REMINDED_KINDS] },
      programme: { status: { in: ["draft", "open"] } },
    },
    select: { id: true, programmeId: true, kind: true, at: true, updatedAt: true },
  });
  const deliveries = createDeliveryRepository(deps.db);
  const jobs = milestoneJobs(deps.queues);
  let ensured = 0;
  for (const milestone of milestones) {
    const atEpochS = Math.floor(milestone.at.getTime() / 1000);
    const since = Math.max(now.getTime() - MISSED_MILESTONE_REMINDER_GRACE_MS, milestone.updatedAt.getTime());
    const plan = planMilestoneReminders({
      kind: milestone.kind,
      at: milestone.at,
      leadHours: deps.reminderHours,
      now,
      includeDueSince: new Date(since),
    });
    for (const reminder of plan) {
      const key = DeliveryKeys.milestoneReminder(milestone.id, reminder.leadHours, atEpochS);
      if (reminder.dueAt.getTime() <= now.getTime() && (await deliveries.find(key)) !== null) continue;
      await jobs.addReminder(
        milestoneReminderJobId(milestone.id, reminder.leadHours, milestone.at),
        {
          programmeId: milestone.programmeId,
          milestoneId: milestone.id,
          leadHours: reminder.leadHours,
          atEpochS,
        },
        reminder.dueAt.getTime() - now.getTime(),
      );
      ensured += 1;
    }
  }
  return ensured;
}
