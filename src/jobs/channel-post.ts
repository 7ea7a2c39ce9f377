/** A job's post in a channel, through the delivery ledger: what milestones and reminders share. */
import { DiscordAPIError, HTTPError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { type DeliveryOutcome, deliverOnce, EffectNotDone } from "./delivery.ts";
import { giveUp, type JobOutcome, retryLater } from "./outcome.ts";

/** Discord errors that no retry can fix: the channel is gone or the bot may not post there. */
const PERMANENT_DISCORD_ERRORS = new Set<number | string>([
  RESTJSONErrorCodes.UnknownChannel,
  RESTJSONErrorCodes.MissingAccess,
  RESTJSONErrorCodes.MissingPermissions,
]);

/**
 * Posts `body` in `channelId` at most once per `key`. Resolves with the delivery, or with the job
 * outcome a failure calls for (give up on a permanent Discord refusal, else retry later).
 */
export async function postOnce(
  deps: { db: Database; rest: REST; now: () => Date },
  key: string,
  channelId: string,
  body: Record<string, unknown>,
  /** What the post is, for the give-up reason ("announcement", "reminder"). */
  what: string,
): Promise<{ delivery: DeliveryOutcome } | { failed: JobOutcome }> {
  try {
    const delivery = await deliverOnce(createDeliveryRepository(deps.db), key, deps.now, async () => {
      try {
        const message = (await deps.rest.post(Routes.channelMessages(channelId), { body })) as {
          id?: string;
        };
        return { messageId: message.id ?? null };
      } catch (error) {
        // Discord answered with an error (4xx, or a 5xx that as a rule saved nothing): release the
        // claim so a retry can post. Timeouts keep it: the post may have gone out.
        if (error instanceof DiscordAPIError || error instanceof HTTPError) {
          throw new EffectNotDone(error.message, { cause: error });
        }
        throw error;
      }
    });
    return { delivery };
  } catch (error) {
    const cause = error instanceof EffectNotDone ? error.cause : error;
    if (cause instanceof DiscordAPIError && PERMANENT_DISCORD_ERRORS.has(cause.code)) {
      return { failed: giveUp(`Discord refused the ${what} (${cause.code})`) };
    }
    return { failed: retryLater(cause instanceof Error ? cause.message : String(cause)) };
  }
}
