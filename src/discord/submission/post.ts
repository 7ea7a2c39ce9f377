/** The Discord side of submissions: posting a receipt in the intern's project thread. */
import { type REST, Routes } from "discord.js";
import type { ReceiptPoster } from "../../features/submission/ports.ts";
import { translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import { receiptEmbed } from "./render.ts";

/** Posts receipts through `rest`; a failure is logged and reported as false (the version stands). */
export function receiptPoster(rest: REST, logger: Logger): ReceiptPoster {
  return {
    async postReceipt(target, receipt) {
      if (target.channelId === null) return false;
      try {
        await rest.post(Routes.channelMessages(target.channelId), {
          body: {
            content: `<@${target.userId}>`,
            embeds: [receiptEmbed(translator(target.locale), receipt)],
            allowed_mentions: { users: [target.userId] },
          },
        });
        return true;
      } catch (error) {
        logger.warn(
          { err: error, channelId: target.channelId },
          "could not post the receipt in the project thread",
        );
        return false;
      }
    },
  };
}
