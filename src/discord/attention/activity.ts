/**
 * Counts each member's activity per day for the attention list: interactions, and messages seen
 * through the non-privileged GuildMessages intent (author, channel and time only; the content is
 * neither requested nor read, and messages are not cached). Events are buffered and written every
 * few seconds, one upsert per member and day.
 */
import { type Client, Events, type Interaction, type Message } from "discord.js";
import type { ActivityEvent } from "../../features/attention/ports.ts";
import type { Logger } from "../../observability/logger.ts";

/** How often buffered events are written. */
export const ACTIVITY_FLUSH_MS = 5_000;
/** A buffer this long is written at once. */
const FLUSH_AT = 500;

export interface AttachedActivity {
  /** Writes what is buffered now. */
  flush(): Promise<void>;
  /** Stops listening and writes the rest. */
  stop(): Promise<void>;
}

export function attachActivity(
  client: Client,
  record: (events: readonly ActivityEvent[]) => Promise<number>,
  logger: Logger,
  { flushMs = ACTIVITY_FLUSH_MS }: { flushMs?: number } = {},
): AttachedActivity {
  let buffer: ActivityEvent[] = [];
  let writing: Promise<void> = Promise.resolve();

  const flush = () => {
    const events = buffer;
    buffer = [];
    writing = writing.then(async () => {
      if (events.length === 0) return;
      try {
        await record(events);
      } catch (error) {
        logger.warn({ err: error, events: events.length }, "activity counts not written");
      }
    });
    return writing;
  };
  const push = (event: ActivityEvent) => {
    buffer.push(event);
    if (buffer.length >= FLUSH_AT) void flush();
  };
  const onMessage = (message: Message) => {
    if (!message.inGuild() || message.author.bot || message.webhookId) return;
    push({ guildId: message.guildId, userId: message.author.id, kind: "message", at: message.createdAt });
  };
  const onInteraction = (interaction: Interaction) => {
    if (!interaction.inGuild() || interaction.isAutocomplete()) return;
    push({
      guildId: interaction.guildId,
      userId: interaction.user.id,
      kind: "interaction",
      at: interaction.createdAt,
    });
  };
  client.on(Events.MessageCreate, onMessage);
  client.on(Events.InteractionCreate, onInteraction);
  const timer = setInterval(() => void flush(), flushMs);
  timer.unref();
  return {
    flush,
    async stop() {
      clearInterval(timer);
      client.off(Events.MessageCreate, onMessage);
      client.off(Events.InteractionCreate, onInteraction);
      await flush();
    },
  };
}
