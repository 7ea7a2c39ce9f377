/**
 * The Discord side of a presentation ({@link PresentationDiscord}) over REST: the guild scheduled
 * event, the agenda and live messages, the interns' notices. Built per interaction.
 */
import { ChannelType, DiscordAPIError, type REST, Routes } from "discord.js";
import type { Locale } from "../../domain/enums.ts";
import type { PresentationDiscord, SlotRecord } from "../../features/presentation/ports.ts";
import { sharedLocales } from "../../i18n/shared.ts";
import { translator } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import { agendaMessage, liveMessage } from "./render.ts";

/** Discord's "Unknown Guild Scheduled Event". */
const UNKNOWN_EVENT = 10070;
const EVENT_STATUS = { active: 2, completed: 3, cancelled: 4 } as const;
const ENTITY_TYPE = { stage: 1, voice: 2 } as const;

export function presentationGateway(input: {
  rest: REST;
  guildId: string;
  logger: Logger;
  /** The programme's pinned language, if any. */
  forcedLocale: Locale | null;
  defaultLocale: Locale;
}): PresentationDiscord {
  const { rest, guildId, logger } = input;
  // The agenda and the live view are read by everyone: in the pinned language, or in both.
  const locales = sharedLocales(input, input.defaultLocale);
  const translators = locales.map(translator);
  // A notice in an intern's own thread: the pinned language, else the intern's.
  const tFor = (slot: SlotRecord) => translator(input.forcedLocale ?? slot.locale ?? input.defaultLocale);

  async function post(channelId: string, body: unknown): Promise<string> {
    const message = (await rest.post(Routes.channelMessages(channelId), { body })) as { id: string };
    return message.id;
  }

  async function postOrEdit(channelId: string, messageId: string | null, body: unknown) {
    if (messageId !== null) {
      try {
        await rest.patch(Routes.channelMessage(channelId, messageId), { body });
        return { channelId, messageId };
      } catch (error) {
        // Deleted by someone: post it again.
        if (!(error instanceof DiscordAPIError) || error.status !== 404) throw error;
      }
    }
    return { channelId, messageId: await post(channelId, body) };
  }

  async function quietly(what: string, effect: () => Promise<unknown>): Promise<boolean> {
    try {
      await effect();
      return true;
    } catch (error) {
      logger.warn({ err: error }, `could not post the ${what}`);
      return false;
    }
  }

  return {
    async channelKind(channelId) {
      try {
        const channel = (await rest.get(Routes.channel(channelId))) as { type: number; guild_id?: string };
        if (channel.guild_id !== undefined && channel.guild_id !== guildId) return "other";
        if (channel.type === ChannelType.GuildStageVoice) return "stage";
        if (channel.type === ChannelType.GuildVoice) return "voice";
        return "other";
      } catch (error) {
        if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404))
          return "forbidden";
        throw error;
      }
    },
    async createEvent(event) {
      const created = (await rest.post(Routes.guildScheduledEvents(guildId), {
        body: {
          channel_id: event.channelId,
          entity_type: ENTITY_TYPE[event.kind],
          privacy_level: 2,
          name: event.name.slice(0, 100),
          scheduled_start_time: event.startsAt.toISOString(),
          scheduled_end_time: event.endsAt.toISOString(),
        },
      })) as { id: string };
      return created.id;
    },
    async moveEvent(eventId, startsAt, endsAt) {
      try {
        await rest.patch(Routes.guildScheduledEvent(guildId, eventId), {
          body: { scheduled_start_time: startsAt.toISOString(), scheduled_end_time: endsAt.toISOString() },
        });
        return "moved";
      } catch (error) {
        if (error instanceof DiscordAPIError && error.code === UNKNOWN_EVENT) return "gone";
        throw error;
      }
    },
    async setEventStatus(eventId, status) {
      try {
        await rest.patch(Routes.guildScheduledEvent(guildId, eventId), {
          body: { status: EVENT_STATUS[status] },
        });
      } catch (error) {
        // The running order is the record; an event someone deleted or ended by hand is logged.
        logger.warn({ err: error, eventId, status }, "could not change the scheduled event's status");
      }
    },
    async setStage(session, topic) {
      const channelId = session.channelId;
      if (channelId === null) return;
      try {
        const channel = (await rest.get(Routes.channel(channelId))) as { type: number };
        if (channel.type !== ChannelType.GuildStageVoice) return;
        if (topic === null) {
          await rest.delete(Routes.stageInstance(channelId));
        } else {
          await rest.post(Routes.stageInstances(), {
            body: {
              channel_id: channelId,
              topic: topic.slice(0, 120),
              privacy_level: 2,
              ...(session.scheduledEventId === null
                ? {}
                : { guild_scheduled_event_id: session.scheduledEventId }),
            },
          });
        }
      } catch (error) {
        logger.warn({ err: error, channelId }, "could not open or close the stage instance");
      }
    },
    async publishAgenda(session, at) {
      if (at.channelId === null) return null;
      return postOrEdit(at.channelId, at.messageId, agendaMessage(translators, session));
    },
    async publishLive(session, now) {
      const channelId = session.liveChannelId ?? session.channelId;
      if (channelId === null) return null;
      return postOrEdit(channelId, session.liveMessageId, liveMessage(translators, session, now));
    },
    notifyNoShow(_session, slot) {
      const channelId = slot.projectChannelId;
      if (channelId === null) return Promise.resolve(false);
      return quietly("no-show note", () =>
        post(channelId, {
          content: tFor(slot)("presentation.notice.noShow", { user: `<@${slot.discordUserId}>` }),
          allowed_mentions: { users: [slot.discordUserId] },
        }),
      );
    },
  };
}
