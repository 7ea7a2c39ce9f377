/** The Discord side of submissions: posting a receipt in the intern's project thread. */
import { ActionRowBuilder, ButtonBuilder, ButtonStyle, type REST, Routes } from "discord.js";
import type { ExtensionRequestPoster, ReceiptPoster } from "../../features/submission/ports.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import { extensionDecisionId } from "./ids.ts";
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

/** Posts extension requests in the staff room and answers in the intern's thread through `rest`. */
export function extensionRequestPoster(rest: REST, logger: Logger): ExtensionRequestPoster {
  async function post(channelId: string, body: Record<string, unknown>, what: string): Promise<boolean> {
    try {
      await rest.post(Routes.channelMessages(channelId), { body });
      return true;
    } catch (error) {
      logger.warn({ err: error, channelId }, `could not post the ${what}`);
      return false;
    }
  }
  return {
    postRequest(channelId, request, locale) {
      const t = translator(locale);
      const button = (decision: "approved" | "declined", style: ButtonStyle) =>
        new ButtonBuilder()
          .setCustomId(extensionDecisionId.encode({ requestId: request.requestId, decision }))
          .setLabel(t(decision === "approved" ? "submission.request.approve" : "submission.request.decline"))
          .setStyle(style);
      return post(
        channelId,
        {
          content: t("submission.request.post", {
            user: `<@${request.userId}>`,
            until: discordTimestamp(request.until, "f"),
            reason: request.reason,
          }).slice(0, 2000),
          components: [
            new ActionRowBuilder<ButtonBuilder>()
              .addComponents(button("approved", ButtonStyle.Success), button("declined", ButtonStyle.Danger))
              .toJSON(),
          ],
          allowed_mentions: { parse: [] },
        },
        "extension request",
      );
    },
    async tellIntern(target, answer) {
      if (target.channelId === null) return false;
      const t = translator(target.locale);
      return post(
        target.channelId,
        {
          content: t(`submission.request.toIntern.${answer.decision}`, {
            user: `<@${target.userId}>`,
            until: discordTimestamp(answer.until, "f"),
          }),
          allowed_mentions: { users: [target.userId] },
        },
        "extension answer",
      );
    },
  };
}
