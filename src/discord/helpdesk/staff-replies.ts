/**
 * Staff replies to help tickets, seen through the GuildMessages intent: only the author, the
 * channel and the time of a message are used. Message content is neither requested (no
 * MessageContent intent) nor read, and messages are not cached (see src/discord/client.ts).
 */
import { type Client, Events, type Message } from "discord.js";
import type { AppContext } from "../../app/context.ts";
import { helpdeskDiscord } from "./gateway.ts";

/** Listens for messages by people (not bots) in servers; a listener of its own. */
export function attachStaffReplies(client: Client, app: AppContext): () => void {
  const listener = (message: Message) => {
    if (message.author.bot || message.guildId === null) return;
    app.features.helpdesk
      .staffReply(
        {
          guildId: message.guildId,
          channelId: message.channelId,
          userId: message.author.id,
          at: message.createdAt,
        },
        helpdeskDiscord(client.rest),
      )
      .catch((error: unknown) => app.logger.warn({ err: error }, "staff reply not recorded"));
  };
  client.on(Events.MessageCreate, listener);
  return () => client.off(Events.MessageCreate, listener);
}
