/** The Discord side of reviews: posting published feedback in the intern's thread, once. */
import { type REST, Routes } from "discord.js";
import type { Database } from "../../db/client.ts";
import { createDeliveryRepository } from "../../db/repositories/deliveries.ts";
import type { FeedbackPoster } from "../../features/review/ports.ts";
import { translator } from "../../i18n/translate.ts";
import { deliverOnce, EffectNotDone } from "../../jobs/delivery.ts";
import type { Logger } from "../../observability/logger.ts";
import { feedbackEmbed } from "./render.ts";

/**
 * Posts through the delivery ledger (`deliverOnce`), keyed by the review: two clicks of Publish,
 * or a retry, post one message. A failure is logged and reported as false.
 */
export function feedbackPoster(
  rest: REST,
  deps: { db: Database; now: () => Date; logger: Logger },
): FeedbackPoster {
  return {
    async postFeedback(target, feedback, key) {
      try {
        const outcome = await deliverOnce(createDeliveryRepository(deps.db), key, deps.now, async () => {
          try {
            const message = (await rest.post(Routes.channelMessages(target.channelId), {
              body: {
                content: `<@${target.userId}>`,
                embeds: [feedbackEmbed(translator(target.locale), target.locale, feedback)],
                allowed_mentions: { users: [target.userId] },
              },
            })) as { id?: string };
            return { messageId: message.id ?? null };
          } catch (error) {
            throw new EffectNotDone(error instanceof Error ? error.message : String(error), { cause: error });
          }
        });
        return outcome.status !== "in_flight";
      } catch (error) {
        deps.logger.warn({ err: error, channelId: target.channelId }, "could not post the review feedback");
        return false;
      }
    },
  };
}
