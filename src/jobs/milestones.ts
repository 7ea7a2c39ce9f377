import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import { SUPPORTED_LOCALES, type SupportedLocale } from "../config/env.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import type { Milestone } from "../domain/programme/types.ts";
import { ResourceKeys } from "../domain/workspace/keys.ts";
import { inEachLocale, type SharedLocales, sharedLocales } from "../i18n/shared.ts";
import { discordTimestamp } from "../i18n/time.ts";
import { t } from "../i18n/translate.ts";
import { postOnce } from "./channel-post.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
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
