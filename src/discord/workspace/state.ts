/**
 * The workspace as the `/program` subcommands see it: the programme's template, the guild as the bot sees it,
 * and the plan of its workspace.
 */
import type { Guild, REST } from "discord.js";
import { type APIChannel, type APIGuild, type APIRole, Routes } from "discord.js";
import type { Database } from "../../db/client.ts";
import { createProgrammeRepository } from "../../db/repositories/programmes.ts";
import { createWorkspaceRepository } from "../../db/repositories/workspace.ts";
import { DEFAULT_TEMPLATE } from "../../domain/workspace/default-template.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import {
  planWorkspace,
  type WorkspaceItem,
  type WorkspacePlan,
  workspaceItems,
} from "../../domain/workspace/plan.ts";
import { validateTemplate, type WorkspaceTemplate } from "../../domain/workspace/template.ts";
import { messageExists } from "./builder.ts";

/** What the bot knows about the guild: which channels and roles exist, and its features. */
export interface GuildSnapshot {
  channelIds: ReadonlySet<string>;
  roleIds: ReadonlySet<string>;
  community: boolean;
}

/**
 * The guild from the gateway cache (kept current by CHANNEL_ and GUILD_ROLE_ events, so no request
 * is needed), or from two REST requests when the guild is not cached.
 */
export async function guildSnapshot(
  guild: Guild | null,
  rest: REST,
  guildId: string,
): Promise<GuildSnapshot> {
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

/** The template a programme was opened with (the default when it stored none). */
export async function programmeTemplate(db: Database, programmeId: string): Promise<WorkspaceTemplate> {
  const stored = await createWorkspaceRepository(db).template(programmeId);
  return stored === null ? DEFAULT_TEMPLATE : validateTemplate(stored);
}

/** The workspace's items, the stored ids and what of it still exists. */
export interface WorkspaceState {
  items: WorkspaceItem[];
  stored: Map<string, string>;
  plan: WorkspacePlan;
}

/**
 * Plans a programme's workspace against the guild: channels and roles are checked against the
 * snapshot, the welcome message with one request (only when its channel exists).
 */
export async function workspaceState(options: {
  db: Database;
  rest: REST;
  programmeId: string | null;
  template: WorkspaceTemplate;
  locale: "ja" | "en";
  snapshot: GuildSnapshot;
}): Promise<WorkspaceState> {
  const { snapshot } = options;
  const items = workspaceItems(options.template, { locale: options.locale, community: snapshot.community });
  const resources = options.programmeId
    ? await createProgrammeRepository(options.db).discordResources(options.programmeId)
    : [];
  const stored = new Map(resources.map((r) => [r.key, r.discordId]));
  const welcome = items.find((i) => i.kind === "welcome");
  const welcomeChannel = welcome?.kind === "welcome" ? stored.get(welcome.channelKey) : undefined;
  const welcomeId = stored.get(ResourceKeys.welcomeMessage);
  const welcomeAlive =
    welcomeChannel !== undefined &&
    welcomeId !== undefined &&
    snapshot.channelIds.has(welcomeChannel) &&
    (await messageExists(options.rest, welcomeChannel, welcomeId));
  const plan = planWorkspace(items, stored, (id, item) => {
    if (item.kind === "role") return snapshot.roleIds.has(id);
    if (item.kind === "welcome") return welcomeAlive;
    return snapshot.channelIds.has(id);
  });
  return { items, stored, plan };
}
