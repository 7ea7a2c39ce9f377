/**
 * {@link WorkspaceDiscord} and {@link StaffDiscord} for one interaction's guild, over the bot's REST
 * client: the guild as the bot sees it, the workspace builder, role grants, overwrites, deletions.
 */
import {
  type APIChannel,
  type APIEmbed,
  type APIGuild,
  type APIGuildForumTag,
  type APIRole,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  DiscordAPIError,
  type Guild,
  type REST,
  RESTJSONErrorCodes,
  type RESTPatchAPIChannelJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import type { DiscordResourceKind } from "../../domain/enums.ts";
import { forumTagsWith } from "../../domain/helpdesk/rules.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { UserError } from "../../features/errors.ts";
import type { GuildSnapshot, WorkspaceDiscord } from "../../features/programme/ports.ts";
import type { StaffDiscord } from "../../features/programme/staff.ts";
import { inEachLocale, type SharedLocales } from "../../i18n/shared.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { t as translate } from "../../i18n/translate.ts";
import type { Logger } from "../../observability/logger.ts";
import type { Scope } from "../route.ts";
import { joinButtonId } from "../shared-ids.ts";
import { buildWorkspace, isGone, messageExists, resolveOverwrites } from "./builder.ts";

/**
 * The guild from the gateway cache (kept current by CHANNEL_ and GUILD_ROLE_ events, so no request
 * is needed), or from two REST requests when the guild is not cached.
 */
async function guildSnapshot(guild: Guild | null, rest: REST, guildId: string): Promise<GuildSnapshot> {
  if (guild) {
    return {
      channelIds: new Set(guild.channels.cache.keys()),
      roleIds: new Set(guild.roles.cache.keys()),
      community: guild.features.includes("COMMUNITY"),
    };
  }
  const [channels, roles, info] = (await Promise.all([
    rest.get(Routes.guildChannels(guildId)),
    rest.get(Routes.guildRoles(guildId)),
    rest.get(Routes.guild(guildId)),
  ])) as [APIChannel[], APIRole[], APIGuild];
  return {
    channelIds: new Set(channels.map((c) => c.id)),
    roleIds: new Set(roles.map((r) => r.id)),
    community: info.features.includes("COMMUNITY" as APIGuild["features"][number]),
  };
}

/**
 * The welcome message with the programme's dates and the Join button. Everyone joins from it, so
 * a programme that pins no language says it in both: each text in each of `locales`.
 */
function welcomeMessage(programme: Programme, locales: SharedLocales): RESTPostAPIChannelMessageJSONBody {
  const embed: APIEmbed = {
    title: inEachLocale(
      locales,
      (l) => translate(l, "program.welcome.title", { name: programme.name }),
      " / ",
    ),
    description: inEachLocale(
      locales,
      (l) =>
        translate(l, "program.welcome.body", {
          mode: translate(l, `programme.mode.${programme.mode}`),
          starts: discordTimestamp(programme.startsAt, "D"),
          ends: discordTimestamp(programme.endsAt, "D"),
        }),
      "\n\n",
    ),
    color: 0x2ecc71,
  };
  return {
    embeds: [embed],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: inEachLocale(locales, (l) => translate(l, "program.welcome.join"), " / "),
            custom_id: joinButtonId.encode({ programmeId: programme.id }),
          },
        ],
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** Unknown Role: the role was deleted in Discord after `/program open` recorded it. */
function isUnknownRole(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownRole;
}

function deleteRoute(guildId: string, kind: DiscordResourceKind, id: string): `/${string}` {
  if (kind === "role") return Routes.guildRole(guildId, id);
  if (kind === "scheduled_event") return Routes.guildScheduledEvent(guildId, id);
  if (kind === "webhook") return Routes.webhook(id);
  return Routes.channel(id);
}

/** What the adapter needs from the interaction. */
interface WorkspaceDiscordOptions {
  rest: REST;
  /** The cached guild, or null (then it is read over REST). */
  guild: Guild | null;
  guildId: string;
  botUserId: string;
  logger: Logger;
}

function workspaceDiscord(options: WorkspaceDiscordOptions): WorkspaceDiscord & StaffDiscord {
  const { rest, guildId, botUserId } = options;
  return {
    snapshot: () => guildSnapshot(options.guild, rest, guildId),
    messageExists: (channelId, messageId) => messageExists(rest, channelId, messageId),
    async download(url) {
      try {
        const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return await response.text();
      } catch (error) {
        options.logger.warn({ err: error }, "template download failed");
        throw new UserError("program.error.templateDownload");
      }
    },
    build: (input) =>
      buildWorkspace({
        rest,
        guildId,
        botUserId,
        plan: input.plan,
        save: input.save,
        welcome: () => welcomeMessage(input.welcome.programme, input.welcome.locales),
        onProgress: (done) => input.onProgress(done),
      }),
    async ensureForumTags(forumId, topics) {
      const forum = (await rest.get(Routes.channel(forumId))) as { available_tags?: APIGuildForumTag[] };
      const existing = (forum.available_tags ?? []).map((tag) => ({
        id: tag.id,
        name: tag.name,
        moderated: tag.moderated,
      }));
      const { tags, changed } = forumTagsWith(existing, topics);
      if (!changed) return 0;
      await rest.patch(Routes.channel(forumId), { body: { available_tags: tags } });
      return tags.length - existing.length;
    },
    async addMemberRole(userId, roleId) {
      await rest.put(Routes.guildMemberRole(guildId, userId, roleId));
    },
    async setOverwrites(channelId, overwrites, roles) {
      const body: RESTPatchAPIChannelJSONBody = {
        permission_overwrites: resolveOverwrites(overwrites, { guildId, botUserId, roles }),
      };
      await rest.patch(Routes.channel(channelId), { body });
    },
    async deleteResource(resource) {
      try {
        await rest.delete(deleteRoute(guildId, resource.kind, resource.discordId));
        return true;
      } catch (error) {
        if (isGone(error)) return false;
        throw error;
      }
    },
    async roleExists(roleId) {
      try {
        await rest.get(Routes.guildRole(guildId, roleId));
        return true;
      } catch (error) {
        if (isUnknownRole(error)) return false;
        throw error;
      }
    },
    async grantRole(userId, roleId, reason) {
      try {
        await rest.put(Routes.guildMemberRole(guildId, userId, roleId), { reason });
        return true;
      } catch (error) {
        if (isUnknownRole(error)) return false;
        throw error;
      }
    },
    async revokeRole(userId, roleId, reason) {
      try {
        await rest.delete(Routes.guildMemberRole(guildId, userId, roleId), { reason });
      } catch (error) {
        if (!isUnknownRole(error)) throw error;
      }
    },
  };
}

/** The adapter for the guild an interaction came from. */
export function interactionWorkspace(
  ctx: Scope & { interaction: ChatInputCommandInteraction | ButtonInteraction },
): WorkspaceDiscord & StaffDiscord {
  return workspaceDiscord({
    rest: ctx.interaction.client.rest,
    guild: ctx.interaction.guild,
    guildId: ctx.guildId,
    botUserId: ctx.interaction.client.user.id,
    logger: ctx.logger,
  });
}
