/** {@link ReportPoster} over the bot's REST client. */
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { ReportPost, ReportPoster } from "../../features/operations/ports.ts";
import { reportEmbed } from "./render.ts";

const GONE = new Set<number | string>([RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel]);

function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && GONE.has(error.code);
}

function body(post: ReportPost) {
  // The author is named, never pinged.
  return {
    content: `<@${post.discordUserId}>`,
    embeds: [reportEmbed(post)],
    allowed_mentions: { parse: [] },
  };
}

export function reportPoster(rest: REST): ReportPoster {
  return {
    async post(channelId, post) {
      const message = (await rest.post(Routes.channelMessages(channelId), { body: body(post) })) as {
        id: string;
      };
      return { messageId: message.id };
    },
    async edit(channelId, messageId, post) {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body: body(post) });
        return true;
      } catch (error) {
        if (isGone(error)) return false;
        throw error;
      }
    },
    async remove(channelId, messageId) {
      try {
        await rest.delete(Routes.channelMessage(channelId, messageId));
      } catch (error) {
        if (!isGone(error)) throw error;
      }
    },
  };
}
