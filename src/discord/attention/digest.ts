/** Posts the daily attention digest: in the staff channel (with **Contacted**), or by DM. */
import { DiscordAPIError, HTTPError, type REST, Routes } from "discord.js";
import type { DigestPoster } from "../../features/attention/ports.ts";
import { translator } from "../../i18n/translate.ts";
import { EffectNotDone } from "../../jobs/delivery.ts";
import { attentionEmbed, contactedRows } from "./render.ts";

export function digestPoster(rest: REST): DigestPoster {
  return {
    async post(destination, { overview, locale, date }) {
      const t = translator(locale);
      const more = overview.total - overview.entries.length;
      const embed = attentionEmbed(
        t,
        overview,
        t("attention.digest.title", { name: overview.programmeName, date }),
      );
      const content = [
        overview.total === 0 ? t("attention.digest.none") : null,
        more > 0 ? t("attention.digest.more", { count: more }) : null,
      ]
        .filter((line) => line !== null)
        .join("\n");
      try {
        let channelId: string;
        if ("channelId" in destination) channelId = destination.channelId;
        else {
          const dm = (await rest.post(Routes.userChannels(), {
            body: { recipient_id: destination.userId },
          })) as { id: string };
          channelId = dm.id;
        }
        const message = (await rest.post(Routes.channelMessages(channelId), {
          body: {
            ...(content === "" ? {} : { content }),
            embeds: [embed],
            // Buttons only where the router can answer them: a server channel (DMs are refused).
            components: "channelId" in destination ? contactedRows(t, overview) : [],
            allowed_mentions: { parse: [] },
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
  };
}
