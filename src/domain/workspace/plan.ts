/**
 * What a programme's workspace consists of, and what is missing from it: a pure function of the
 * template, the programme's locale, the resources already recorded for the programme and which of
 * them still exist in the guild. The builder in src/discord/workspace executes the plan.
 */
import { categoryKey, ResourceKeys } from "./keys.ts";
import { ROLE_PERMISSIONS } from "./permissions.ts";
import {
  type AccessPreset,
  GUILD_CHANNEL_LIMIT,
  GUILD_ROLE_LIMIT,
  pick,
  pickTopic,
  type TemplateChannelType,
  WORKSPACE_ROLES,
  type WorkspaceRole,
  type WorkspaceTemplate,
} from "./template.ts";

/** A channel type after the Community fallback: what is actually created. */
export type CreatedChannelType = "text" | "announcement" | "forum" | "voice" | "stage";

/** One Discord object of the workspace, in creation order (roles, then each category and its channels, then the welcome message). */
export type WorkspaceItem =
  | { kind: "role"; key: string; role: WorkspaceRole; name: string; color: number; permissions: bigint }
  | { kind: "category"; key: string; name: string; access: AccessPreset }
  | {
      kind: "channel";
      key: string;
      parentKey: string;
      type: CreatedChannelType;
      name: string;
      topic: string | undefined;
      access: AccessPreset;
    }
  | { kind: "welcome"; key: string; channelKey: string };

/** Key of a template channel: `channel:<id>`, the same strings as `ResourceKeys.channels`. */
export function channelKey(id: string): string {
  return `channel:${id}`;
}

/** Roles in the order they are created (and listed). */
const ROLE_KEYS: Record<WorkspaceRole, string> = ResourceKeys.roles;

function resolveType(type: TemplateChannelType, community: boolean): CreatedChannelType {
  if (community) return type;
  // Announcement and stage channels exist only in Community servers.
  if (type === "announcement") return "text";
  if (type === "stage") return "voice";
  return type;
}

/**
 * Every object the template describes, in creation order: names in the first of `locales` (the
 * workspace's language), topics in each of them (everyone reads a topic: a programme that pins no
 * language shows it in both). `community`: whether the guild has the COMMUNITY feature
 * (announcement and stage channels).
 */
export function workspaceItems(
  template: WorkspaceTemplate,
  options: { locales: readonly ["ja" | "en", ...("ja" | "en")[]]; community: boolean },
): WorkspaceItem[] {
  const { locales, community } = options;
  const [locale] = locales;
  const items: WorkspaceItem[] = WORKSPACE_ROLES.map((role) => ({
    kind: "role",
    key: ROLE_KEYS[role],
    role,
    name: pick(template.roles[role].name, locale),
    color: template.roles[role].color,
    permissions: ROLE_PERMISSIONS[role],
  }));
  for (const category of template.categories) {
    const parentKey = categoryKey(category.id);
    items.push({
      kind: "category",
      key: parentKey,
      name: pick(category.name, locale),
      access: category.access,
    });
    for (const channel of category.channels) {
      items.push({
        kind: "channel",
        key: channelKey(channel.id),
        parentKey,
        type: resolveType(channel.type, community),
        name: pick(channel.name, locale),
        topic: channel.topic === undefined ? undefined : pickTopic(channel.topic, locales),
        access: channel.access,
      });
    }
  }
  items.push({ kind: "welcome", key: ResourceKeys.welcomeMessage, channelKey: channelKey(template.welcome) });
  return items;
}

/** What the workspace has and lacks. */
export interface WorkspacePlan {
  /** Items recorded and still in the guild, with their Discord id. */
  present: Array<{ item: WorkspaceItem; discordId: string }>;
  /** Items to create, in order. */
  missing: WorkspaceItem[];
}

/**
 * Splits the workspace into what exists and what must be created. An item exists when the
 * programme recorded a Discord id under its key and `exists(id)` says the guild still has it.
 * A welcome message whose channel is missing is missing too (it went with its channel).
 */
export function planWorkspace(
  items: readonly WorkspaceItem[],
  stored: ReadonlyMap<string, string>,
  exists: (discordId: string, item: WorkspaceItem) => boolean,
): WorkspacePlan {
  const plan: WorkspacePlan = { present: [], missing: [] };
  const missingKeys = new Set<string>();
  for (const item of items) {
    const discordId = stored.get(item.key);
    const dependsOnMissing = item.kind === "welcome" && missingKeys.has(item.channelKey);
    if (discordId !== undefined && !dependsOnMissing && exists(discordId, item)) {
      plan.present.push({ item, discordId });
    } else {
      plan.missing.push(item);
      missingKeys.add(item.key);
    }
  }
  return plan;
}

/** Which Discord limit creating the missing items would break, if any. */
export type LimitProblem = { limit: "channels" | "roles"; existing: number; adding: number; max: number };

/** Checks Discord's per-guild limits before anything is created. */
export function checkLimits(
  missing: readonly WorkspaceItem[],
  guild: { channelCount: number; roleCount: number },
): LimitProblem | null {
  const channels = missing.filter((i) => i.kind === "channel" || i.kind === "category").length;
  const roles = missing.filter((i) => i.kind === "role").length;
  if (guild.channelCount + channels > GUILD_CHANNEL_LIMIT) {
    return { limit: "channels", existing: guild.channelCount, adding: channels, max: GUILD_CHANNEL_LIMIT };
  }
  if (guild.roleCount + roles > GUILD_ROLE_LIMIT) {
    return { limit: "roles", existing: guild.roleCount, adding: roles, max: GUILD_ROLE_LIMIT };
  }
  return null;
}
