/**
 * The workspace builder: creates what a {@link WorkspacePlan} lacks, through `@discordjs/rest`
 * (which queues under Discord's rate limits), one request per object, each with its permission
 * overwrites in the create request. Every object is recorded under its key as soon as Discord
 * answers, so a crash half-way leaves a record and the next run carries on. A welcome message that
 * already exists is edited instead, so it always shows the programme's current dates.
 */
import {
  type APIChannel,
  type APIMessage,
  type APIRole,
  ChannelType,
  DiscordAPIError,
  OverwriteType,
  type REST,
  RESTJSONErrorCodes,
  type RESTPatchAPIChannelMessageJSONBody,
  type RESTPostAPIChannelMessageJSONBody,
  type RESTPostAPIGuildChannelJSONBody,
  Routes,
} from "discord.js";
import type { DiscordResource } from "../../db/repositories/programmes.ts";
import type { DiscordResourceKind } from "../../domain/enums.ts";
import { type AbstractOverwrite, overwritesFor } from "../../domain/workspace/permissions.ts";
import type { CreatedChannelType, WorkspaceItem, WorkspacePlan } from "../../domain/workspace/plan.ts";
import type { WorkspaceRole } from "../../domain/workspace/template.ts";

const CHANNEL_TYPES: Record<CreatedChannelType, ChannelType> = {
  text: ChannelType.GuildText,
  announcement: ChannelType.GuildAnnouncement,
  forum: ChannelType.GuildForum,
  voice: ChannelType.GuildVoice,
  stage: ChannelType.GuildStageVoice,
};

const RESOURCE_KINDS: Record<CreatedChannelType, DiscordResourceKind> = {
  text: "text_channel",
  announcement: "announcement_channel",
  forum: "forum_channel",
  voice: "voice_channel",
  stage: "stage_channel",
};

/** The ids overwrites point at. */
export interface OverwriteIds {
  guildId: string;
  botUserId: string;
  roles: Partial<Record<WorkspaceRole, string>>;
}

/** Discord's overwrite objects for abstract ones; overwrites of roles not (yet) known are left out. */
export function resolveOverwrites(overwrites: readonly AbstractOverwrite[], ids: OverwriteIds) {
  return overwrites.flatMap((o) => {
    const id =
      o.target === "everyone" ? ids.guildId : o.target === "bot" ? ids.botUserId : ids.roles[o.target];
    if (id === undefined) return [];
    return [
      {
        id,
        type: o.target === "bot" ? OverwriteType.Member : OverwriteType.Role,
        allow: o.allow.toString(),
        deny: o.deny.toString(),
      },
    ];
  });
}

/** What the builder needs besides the plan. */
export interface BuildOptions {
  rest: REST;
  guildId: string;
  botUserId: string;
  plan: WorkspacePlan;
  /** Records a created object (the programme repository's `saveDiscordResource`). */
  save(resource: DiscordResource): Promise<void>;
  /**
   * The welcome message's body, built once the roles and channels exist. Used to create it, or to
   * edit the existing one so that it matches the programme as it is now (new dates, language).
   */
  welcome(): RESTPostAPIChannelMessageJSONBody;
  /** Called after each created object, e.g. to edit the progress reply. */
  onProgress?(created: number, total: number, item: WorkspaceItem): Promise<void> | void;
}

/** The outcome: every key's Discord id, what was created this time, and whether the existing welcome message was edited. */
export interface BuildResult {
  ids: Map<string, string>;
  created: WorkspaceItem[];
  welcomeEdited: boolean;
}

/**
 * Creates the plan's missing objects in order, then re-renders the welcome message if it already
 * existed (one PATCH: re-running `/program open` with new dates or another language must not leave
 * the old ones on the message people join from). Discord errors propagate; what was created stays
 * recorded.
 */
export async function buildWorkspace(options: BuildOptions): Promise<BuildResult> {
  const { rest, guildId, plan } = options;
  const ids = new Map(plan.present.map(({ item, discordId }) => [item.key, discordId]));
  const roleIds = (): OverwriteIds["roles"] => {
    const roles: OverwriteIds["roles"] = {};
    for (const item of [...plan.present.map((p) => p.item), ...plan.missing]) {
      const id = ids.get(item.key);
      if (item.kind === "role" && id) roles[item.role] = id;
    }
    return roles;
  };
  const created: WorkspaceItem[] = [];
  for (const item of plan.missing) {
    const overwriteIds = (): OverwriteIds => ({ guildId, botUserId: options.botUserId, roles: roleIds() });
    let resource: DiscordResource;
    switch (item.kind) {
      case "role": {
        const role = (await rest.post(Routes.guildRoles(guildId), {
          body: {
            name: item.name,
            color: item.color,
            permissions: item.permissions.toString(),
            hoist: item.role === "organiser" || item.role === "mentor",
            mentionable: item.role !== "intern",
          },
        })) as APIRole;
        resource = { key: item.key, discordId: role.id, kind: "role" };
        break;
      }
      case "category": {
        const body: RESTPostAPIGuildChannelJSONBody = {
          name: item.name,
          type: ChannelType.GuildCategory,
          permission_overwrites: resolveOverwrites(overwritesFor(item.access), overwriteIds()),
        };
        const channel = (await rest.post(Routes.guildChannels(guildId), { body })) as APIChannel;
        resource = { key: item.key, discordId: channel.id, kind: "category" };
        break;
      }
      case "channel": {
        const parent = ids.get(item.parentKey);
        const textual = item.type === "text" || item.type === "announcement" || item.type === "forum";
        const body: RESTPostAPIGuildChannelJSONBody = {
          name: item.name,
          type: CHANNEL_TYPES[item.type] as RESTPostAPIGuildChannelJSONBody["type"],
          ...(parent ? { parent_id: parent } : {}),
          ...(textual && item.topic ? { topic: item.topic } : {}),
          permission_overwrites: resolveOverwrites(overwritesFor(item.access), overwriteIds()),
        };
        const channel = (await rest.post(Routes.guildChannels(guildId), { body })) as APIChannel;
        resource = { key: item.key, discordId: channel.id, kind: RESOURCE_KINDS[item.type] };
        break;
      }
      case "welcome": {
        const channelId = ids.get(item.channelKey);
        if (!channelId) throw new Error(`welcome channel ${item.channelKey} was not created`);
        resource = await postWelcome(options, item.key, channelId);
        break;
      }
    }
    ids.set(item.key, resource.discordId);
    await options.save(resource);
    created.push(item);
    await options.onProgress?.(created.length, plan.missing.length, item);
  }
  const welcomeEdited = await editWelcome(options, ids);
  return { ids, created, welcomeEdited };
}

async function postWelcome(options: BuildOptions, key: string, channelId: string): Promise<DiscordResource> {
  const message = (await options.rest.post(Routes.channelMessages(channelId), {
    body: options.welcome(),
  })) as APIMessage;
  return { key, discordId: message.id, kind: "message" };
}

/**
 * Edits the welcome message the plan found in place. If it was deleted since the plan was made,
 * a new one is posted and recorded instead.
 */
async function editWelcome(options: BuildOptions, ids: Map<string, string>): Promise<boolean> {
  const present = options.plan.present.find((p) => p.item.kind === "welcome");
  if (present?.item.kind !== "welcome") return false;
  const channelId = ids.get(present.item.channelKey);
  if (!channelId) return false;
  const { embeds, components, allowed_mentions } = options.welcome();
  const body: RESTPatchAPIChannelMessageJSONBody = {
    ...(embeds ? { embeds } : {}),
    ...(components ? { components } : {}),
    ...(allowed_mentions ? { allowed_mentions } : {}),
  };
  try {
    await options.rest.patch(Routes.channelMessage(channelId, present.discordId), { body });
  } catch (error) {
    if (!isGone(error)) throw error;
    const resource = await postWelcome(options, present.item.key, channelId);
    ids.set(resource.key, resource.discordId);
    await options.save(resource);
  }
  return true;
}

/** Whether Discord still has the message. */
export async function messageExists(rest: REST, channelId: string, messageId: string): Promise<boolean> {
  try {
    await rest.get(Routes.channelMessage(channelId, messageId));
    return true;
  } catch (error) {
    if (isGone(error)) return false;
    throw error;
  }
}

/** Discord says the object is already gone. */
export function isGone(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError &&
    [
      RESTJSONErrorCodes.UnknownChannel,
      RESTJSONErrorCodes.UnknownMessage,
      RESTJSONErrorCodes.UnknownRole,
    ].includes(error.code as number)
  );
}
