import { DiscordAPIError, HTTPError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { AppContext } from "../app/context.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import { ResourceKeys } from "../domain/workspace/keys.ts";
import { discordTimestamp } from "../i18n/time.ts";
import { t } from "../i18n/translate.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys, type DeliveryOutcome, deliverOnce, EffectNotDone } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import { handleJob } from "./workers.ts";

/** Logical key of the announcements channel in a programme's Discord resources. */
export const ANNOUNCEMENTS_CHANNEL_KEY = ResourceKeys.channels.announcements;

/** A milestone whose time moved later than this past the job's firing is left to its newer job. */
const RESCHEDULED_SLACK_MS = 60_000;

/** Discord errors that no retry can fix: the channel is gone or the bot may not post there. */
const PERMANENT_DISCORD_ERRORS = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/**
 * Announces a programme milestone (kick-off, mid-point review, deadline, presentation, debrief)
 * in the programme's announcements channel, in the programme's language. Idempotent: the post
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

    const locale = programme.forcedLocale ?? ctx.config.defaults.locale;
    const content = t(locale, "milestone.announcement", {
      title: milestone.title,
      kind: t(locale, `milestone.kind.${milestone.kind}`),
      at: discordTimestamp(milestone.at, "F"),
      relative: discordTimestamp(milestone.at, "R"),
    });
    // The ledger makes the post at most once even when BullMQ redelivers or two runs overlap.
    let delivery: DeliveryOutcome;
    try {
      delivery = await deliverOnce(
        createDeliveryRepository(ctx.db),
        DeliveryKeys.milestone(milestoneId, milestone.at),
        ctx.now,
        async () => {
          try {
            const message = (await rest.post(Routes.channelMessages(channel.discordId), {
              body: { content, allowed_mentions: { parse: [] } },
            })) as { id?: string };
            return { messageId: message.id ?? null };
          } catch (error) {
            // Discord answered with an error (4xx, or a 5xx that as a rule saved nothing): release the
            // claim so a retry can post. Timeouts keep it: the post may have gone out.
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
        return giveUp(`Discord refused the announcement (${cause.code})`);
      }
      return retryLater(cause instanceof Error ? cause.message : String(cause));
    }
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
