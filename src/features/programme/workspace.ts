/** The workspace as the `/program` flows see it: the template, the guild, and the plan. */
import { DEFAULT_TEMPLATE } from "../../domain/workspace/default-template.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import {
  planWorkspace,
  type WorkspaceItem,
  type WorkspacePlan,
  workspaceItems,
} from "../../domain/workspace/plan.ts";
import { validateTemplate, type WorkspaceTemplate } from "../../domain/workspace/template.ts";
import type { SharedLocales } from "../../i18n/shared.ts";
import type { GuildSnapshot, ProgrammeStore, WorkspaceDiscord } from "./ports.ts";

/** The template a programme was opened with (the default when it stored none). */
export async function programmeTemplate(
  store: ProgrammeStore,
  programmeId: string,
): Promise<WorkspaceTemplate> {
  const stored = await store.template(programmeId);
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
export async function workspaceState(
  ports: { store: ProgrammeStore; discord: WorkspaceDiscord },
  options: {
    programmeId: string | null;
    template: WorkspaceTemplate;
    /** The languages of what everyone reads (see `sharedLocales`); names are in the first. */
    locales: SharedLocales;
    snapshot: GuildSnapshot;
  },
): Promise<WorkspaceState> {
  const { snapshot } = options;
  const items = workspaceItems(options.template, { locales: options.locales, community: snapshot.community });
  const resources = options.programmeId ? await ports.store.discordResources(options.programmeId) : [];
  const stored = new Map(resources.map((r) => [r.key, r.discordId]));
  const welcome = items.find((i) => i.kind === "welcome");
  const welcomeChannel = welcome?.kind === "welcome" ? stored.get(welcome.channelKey) : undefined;
  const welcomeId = stored.get(ResourceKeys.welcomeMessage);
  const welcomeAlive =
    welcomeChannel !== undefined &&
    welcomeId !== undefined &&
    snapshot.channelIds.has(welcomeChannel) &&
    (await ports.discord.messageExists(welcomeChannel, welcomeId));
  const plan = planWorkspace(items, stored, (id, item) => {
    if (item.kind === "role") return snapshot.roleIds.has(id);
    if (item.kind === "welcome") return welcomeAlive;
    return snapshot.channelIds.has(id);
  });
  return { items, stored, plan };
}
