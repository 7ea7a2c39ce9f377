import { createInteractionMessage, handleCallback } from "./callbacks.ts";
import { applyMessageEdit, buildMessage } from "./messages.ts";
import {
  type Handler,
  HttpError,
  postMessage,
  type RouteContext,
  type RouteResult,
  unknown,
} from "./route-kit.ts";
import type { FakeDiscord } from "./server.ts";
import { snowflake } from "./snowflake.ts";
import { type GuildState, makeRole, now } from "./state.ts";
import {
  type ApiChannel,
  type ApiCommand,
  type ApiMember,
  type ApiMessage,
  type ApiOverwrite,
  type ApiScheduledEvent,
  type ApiThreadMember,
  ChannelType,
  isThreadType,
} from "./types.ts";

export { type Handler, HttpError, postMessage, unknown };

/**
 * REST route handlers, keyed by "METHOD spec-template". A template the spec has but
 * this table lacks is answered 404 and listed in `fake.unhandled`.
 */

type Body = Record<string, unknown>;

const ok = (body: unknown, status = 200): RouteResult => ({ status, body });
const noContent = (): RouteResult => ({ status: 204 });

function body(ctx: RouteContext): Body {
  return (ctx.body && typeof ctx.body === "object" ? ctx.body : {}) as Body;
}

function guildOf(ctx: RouteContext): GuildState {
  const guild = ctx.fake.store.guilds.get(ctx.params.guild_id ?? "");
  if (!guild) throw unknown.guild();
  return guild;
}

function channelOf(ctx: RouteContext): ApiChannel {
  const channel = ctx.fake.store.channels.get(ctx.params.channel_id ?? "");
  if (!channel) throw unknown.channel();
  return channel;
}

export function normalizeOverwrite(o: Body): ApiOverwrite {
  return {
    id: String(o.id),
    type: Number(o.type ?? 0) === 1 ? 1 : 0,
    allow: String(o.allow ?? "0"),
    deny: String(o.deny ?? "0"),
  };
}

/** The member object of MESSAGE_CREATE/GUILD_MEMBER_UPDATE (member without user + guild_id). */
function memberEvent(guild: GuildState, member: ApiMember): Record<string, unknown> {
  return { ...member, guild_id: guild.id };
}

function channelEvent(channel: ApiChannel): string {
  return isThreadType(channel.type) ? "THREAD" : "CHANNEL";
}

// ---------------------------------------------------------------- messages

function messageOf(ctx: RouteContext, channel: ApiChannel): ApiMessage {
  const message = ctx.fake.store.messages.get(channel.id)?.get(ctx.params.message_id ?? "");
  if (!message) throw unknown.message();
  return message;
}

// ---------------------------------------------------------------- threads

function createThread(
  fake: FakeDiscord,
  parent: ApiChannel,
  b: Body,
  type: number,
  id: string = snowflake(),
): ApiChannel {
  const guild = fake.store.guildOf(parent);
  if (!guild) throw new HttpError(400, 50024, "Cannot execute action on this channel type");
  const timestamp = now();
  const thread = fake.store.addGuildChannel(guild, {
    id,
    type,
    name: b.name,
    parent_id: parent.id,
    rate_limit_per_user: b.rate_limit_per_user ?? 0,
  });
  delete thread.permission_overwrites;
  delete thread.position;
  Object.assign(thread, {
    owner_id: fake.store.bot.id,
    thread_metadata: {
      archived: false,
      auto_archive_duration: Number(b.auto_archive_duration ?? parent.default_auto_archive_duration ?? 4320),
      archive_timestamp: timestamp,
      locked: false,
      create_timestamp: timestamp,
      ...(type === ChannelType.PrivateThread ? { invitable: b.invitable !== false } : {}),
    },
    message_count: 0,
    member_count: 0,
    total_message_sent: 0,
    applied_tags: Array.isArray(b.applied_tags) ? b.applied_tags : [],
  });
  addThreadMember(fake, thread, fake.store.bot.id, false);
  return thread;
}

export function addThreadMember(fake: FakeDiscord, thread: ApiChannel, userId: string, dispatch = true) {
  const members = fake.store.threadMembers.get(thread.id) ?? new Map<string, ApiThreadMember>();
  fake.store.threadMembers.set(thread.id, members);
  if (members.has(userId)) return;
  const tm: ApiThreadMember = { id: thread.id, user_id: userId, join_timestamp: now(), flags: 0 };
  members.set(userId, tm);
  thread.member_count = Math.min(50, members.size);
  if (dispatch) {
    fake.gateway.dispatch("THREAD_MEMBERS_UPDATE", {
      id: thread.id,
      guild_id: thread.guild_id,
      member_count: members.size,
      added_members: [{ ...tm, member: fake.store.guildOf(thread)?.getMember(userId) }],
    });
  }
}

function threadResponse(fake: FakeDiscord, thread: ApiChannel): Record<string, unknown> {
  const own = fake.store.threadMembers.get(thread.id)?.get(fake.store.bot.id);
  return own ? { ...thread, member: own } : { ...thread };
}

// ---------------------------------------------------------------- interactions

function interactionByToken(ctx: RouteContext) {
  const record = ctx.fake.interactionsByToken.get(ctx.params.webhook_token ?? "");
  if (!record || ctx.params.webhook_id !== ctx.fake.store.applicationId) throw unknown.webhook();
  return record;
}

function interactionMessage(ctx: RouteContext, messageId: string | undefined): ApiMessage {
  const record = interactionByToken(ctx);
  const id = messageId === "@original" ? record.originalMessageId : messageId;
  // @original may also be a plain message: the one a component sat on (callbacks 6/7).
  const message = id ? ctx.fake.findInteractionMessage(id) : undefined;
  if (!message || (messageId === "@original" && record.originalDeleted)) throw unknown.message();
  if (
    messageId !== "@original" &&
    !record.followUpIds.includes(message.id) &&
    record.originalMessageId !== id
  ) {
    throw unknown.message();
  }
  return message;
}

function editInteractionMessage(ctx: RouteContext, messageId: string): RouteResult {
  const record = interactionByToken(ctx);
  const message = interactionMessage(ctx, messageId);
  applyMessageEdit(ctx.fake.store, ctx.fake.baseUrl, message, body(ctx), ctx.files);
  if (message.id === record.originalMessageId) record.originalEdits += 1;
  if (!(message.flags & 64)) ctx.fake.gateway.dispatch("MESSAGE_UPDATE", { ...message });
  return ok(message);
}

// ---------------------------------------------------------------- commands

function upsertCommand(
  ctx: RouteContext,
  map: Map<string, ApiCommand>,
  input: Body,
  guildId: string | undefined,
): ApiCommand {
  const type = Number(input.type ?? 1);
  const existing = [...map.values()].find((c) => c.name === input.name && c.type === type);
  const command: ApiCommand = {
    ...input,
    id: existing?.id ?? snowflake(),
    application_id: ctx.fake.store.applicationId,
    version: snowflake(),
    type,
    name: String(input.name),
    description: String(input.description ?? ""),
    default_member_permissions:
      input.default_member_permissions === undefined || input.default_member_permissions === null
        ? null
        : String(input.default_member_permissions),
    ...(guildId ? { guild_id: guildId } : {}),
  };
  if (!("nsfw" in command)) command.nsfw = false;
  if (!guildId && !("contexts" in command)) command.contexts = null;
  if (!("integration_types" in command)) command.integration_types = [0];
  map.set(command.id, command);
  return command;
}

function commandRoutes(scope: "global" | "guild"): Record<string, Handler> {
  const base =
    scope === "global"
      ? "/applications/{application_id}/commands"
      : "/applications/{application_id}/guilds/{guild_id}/commands";
  const mapOf = (ctx: RouteContext) => {
    if (ctx.params.application_id !== ctx.fake.store.applicationId)
      throw new HttpError(403, 50001, "Missing Access");
    return scope === "global" ? ctx.fake.store.globalCommands : guildOf(ctx).commands;
  };
  const guildId = (ctx: RouteContext) => (scope === "guild" ? ctx.params.guild_id : undefined);
  return {
    [`GET ${base}`]: (ctx) => ok([...mapOf(ctx).values()]),
    [`PUT ${base}`]: (ctx) => {
      const map = mapOf(ctx);
      const list = Array.isArray(ctx.body) ? (ctx.body as Body[]) : [];
      const previous = new Map(map);
      map.clear();
      const out = list.map((c) => {
        const old = [...previous.values()].find((p) => p.name === c.name && p.type === Number(c.type ?? 1));
        if (old) map.set(old.id, old);
        return upsertCommand(ctx, map, c, guildId(ctx));
      });
      return ok(out);
    },
    [`POST ${base}`]: (ctx) => {
      const map = mapOf(ctx);
      const existed = [...map.values()].some((c) => c.name === body(ctx).name);
      return ok(upsertCommand(ctx, map, body(ctx), guildId(ctx)), existed ? 200 : 201);
    },
    [`GET ${base}/{command_id}`]: (ctx) => {
      const command = mapOf(ctx).get(ctx.params.command_id ?? "");
      if (!command) throw unknown.command();
      return ok(command);
    },
    [`PATCH ${base}/{command_id}`]: (ctx) => {
      const map = mapOf(ctx);
      const command = map.get(ctx.params.command_id ?? "");
      if (!command) throw unknown.command();
      Object.assign(command, body(ctx), { version: snowflake() });
      return ok(command);
    },
    [`DELETE ${base}/{command_id}`]: (ctx) => {
      if (!mapOf(ctx).delete(ctx.params.command_id ?? "")) throw unknown.command();
      return noContent();
    },
  };
}

// ---------------------------------------------------------------- the table

export const routes: Record<string, Handler> = {
  "GET /gateway": (ctx) => ok({ url: ctx.fake.gatewayUrl }),
  "GET /gateway/bot": (ctx) =>
    ok({
      url: ctx.fake.gatewayUrl,
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),

  "GET /users/@me": (ctx) =>
    ok({
      ...ctx.fake.store.bot,
      mfa_enabled: false,
      locale: "en-US",
      verified: true,
      email: null,
      bot: true,
    }),
  "GET /users/{user_id}": (ctx) => {
    const user = ctx.fake.store.getUser(ctx.params.user_id ?? "");
    if (!user) throw unknown.user();
    return ok(user);
  },
  "GET /users/@me/guilds": (ctx) =>
    ok(
      [...ctx.fake.store.guilds.values()].map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        banner: null,
        owner: false,
        permissions: "0",
        features: [],
      })),
    ),
  "POST /users/@me/channels": (ctx) => {
    const user = ctx.fake.store.getUser(String(body(ctx).recipient_id));
    if (!user) throw unknown.user();
    return ok(ctx.fake.store.dmChannel(user));
  },
  "GET /applications/@me": (ctx) => ok(ctx.fake.applicationObject()),
  "PATCH /applications/@me": (ctx) => ok(ctx.fake.applicationObject()),

  ...commandRoutes("global"),
  ...commandRoutes("guild"),

  // ------------------------------------------------------------ guilds
  "GET /guilds/{guild_id}": (ctx) => {
    const guild = guildOf(ctx);
    const withCounts = ctx.query.get("with_counts") === "true";
    return ok({
      ...guild.toRestGuild(),
      ...(withCounts ? { approximate_member_count: guild.memberCount, approximate_presence_count: 0 } : {}),
    });
  },
  "GET /guilds/{guild_id}/channels": (ctx) => ok([...guildOf(ctx).channels.values()]),
  "POST /guilds/{guild_id}/channels": (ctx) => {
    const guild = guildOf(ctx);
    const b = body(ctx);
    const type = Number(b.type ?? ChannelType.GuildText);
    if (b.parent_id && !guild.channels.has(String(b.parent_id))) {
      throw new HttpError(400, 50035, "Invalid Form Body");
    }
    const channel = ctx.fake.store.addGuildChannel(guild, { ...b, type });
    channel.permission_overwrites = Array.isArray(b.permission_overwrites)
      ? (b.permission_overwrites as Body[]).map(normalizeOverwrite)
      : [];
    ctx.fake.gateway.dispatch("CHANNEL_CREATE", { ...channel });
    return ok(channel, 201);
  },
  "PATCH /guilds/{guild_id}/channels": (ctx) => {
    const guild = guildOf(ctx);
    for (const entry of Array.isArray(ctx.body) ? (ctx.body as Body[]) : []) {
      const channel = guild.channels.get(String(entry.id));
      if (!channel) continue;
      if (typeof entry.position === "number") channel.position = entry.position;
      if ("parent_id" in entry) channel.parent_id = (entry.parent_id as string | null) ?? null;
      ctx.fake.gateway.dispatch("CHANNEL_UPDATE", { ...channel });
    }
    return noContent();
  },
  "GET /guilds/{guild_id}/threads/active": (ctx) => {
    const guild = guildOf(ctx);
    const threads = [...guild.threads.values()].filter((t) => !t.thread_metadata?.archived);
    const members = threads
      .map((t) => ctx.fake.store.threadMembers.get(t.id)?.get(ctx.fake.store.bot.id))
      .filter((m) => m !== undefined);
    return ok({ threads, members, has_more: false });
  },

  // ------------------------------------------------------------ roles
  "GET /guilds/{guild_id}/roles": (ctx) => ok([...guildOf(ctx).roles.values()]),
  "GET /guilds/{guild_id}/roles/{role_id}": (ctx) => {
    const role = guildOf(ctx).roles.get(ctx.params.role_id ?? "");
    if (!role) throw unknown.role();
    return ok(role);
  },
  "POST /guilds/{guild_id}/roles": (ctx) => {
    const guild = guildOf(ctx);
    const b = body(ctx);
    for (const r of guild.roles.values()) if (r.position >= 1) r.position += 1;
    const role = makeRole({
      id: snowflake(),
      name: typeof b.name === "string" ? b.name : "new role",
      position: 1,
      permissions:
        b.permissions === undefined || b.permissions === null
          ? guild.roles.get(guild.id)?.permissions
          : String(b.permissions),
      color: typeof b.color === "number" ? b.color : 0,
      hoist: Boolean(b.hoist),
      mentionable: Boolean(b.mentionable),
      unicode_emoji: (b.unicode_emoji as string | null | undefined) ?? null,
    });
    guild.roles.set(role.id, role);
    ctx.fake.gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: guild.id, role });
    return ok(role);
  },
  "PATCH /guilds/{guild_id}/roles": (ctx) => {
    const guild = guildOf(ctx);
    for (const entry of Array.isArray(ctx.body) ? (ctx.body as Body[]) : []) {
      const role = guild.roles.get(String(entry.id));
      if (role && typeof entry.position === "number") {
        role.position = entry.position;
        ctx.fake.gateway.dispatch("GUILD_ROLE_UPDATE", { guild_id: guild.id, role });
      }
    }
    return ok([...guild.roles.values()]);
  },
  "PATCH /guilds/{guild_id}/roles/{role_id}": (ctx) => {
    const guild = guildOf(ctx);
    const role = guild.roles.get(ctx.params.role_id ?? "");
    if (!role) throw unknown.role();
    const b = body(ctx);
    for (const key of ["name", "hoist", "mentionable", "icon", "unicode_emoji"] as const) {
      if (key in b) (role as Record<string, unknown>)[key] = b[key];
    }
    if ("permissions" in b && b.permissions !== null) role.permissions = String(b.permissions);
    if (typeof b.color === "number") {
      role.color = b.color;
      role.colors = { primary_color: b.color, secondary_color: null, tertiary_color: null };
    }
    ctx.fake.gateway.dispatch("GUILD_ROLE_UPDATE", { guild_id: guild.id, role });
    return ok(role);
  },
  "DELETE /guilds/{guild_id}/roles/{role_id}": (ctx) => {
    const guild = guildOf(ctx);
    const id = ctx.params.role_id ?? "";
    if (!guild.roles.delete(id)) throw unknown.role();
    for (const m of guild.members.values()) m.roles = m.roles.filter((r) => r !== id);
    ctx.fake.gateway.dispatch("GUILD_ROLE_DELETE", { guild_id: guild.id, role_id: id });
    return noContent();
  },

  // ------------------------------------------------------------ members
  "GET /guilds/{guild_id}/members": (ctx) => {
    const guild = guildOf(ctx);
    const limit = Math.min(1000, Math.max(1, Number(ctx.query.get("limit") ?? 1)));
    const after = BigInt(ctx.query.get("after") ?? "0");
    const all = [...guild.allMembers()]
      .filter((m) => BigInt(m.user.id) > after)
      .sort((a, b) => (BigInt(a.user.id) < BigInt(b.user.id) ? -1 : 1));
    return ok(all.slice(0, limit));
  },
  "GET /guilds/{guild_id}/members/search": (ctx) => {
    const guild = guildOf(ctx);
    const q = (ctx.query.get("query") ?? "").toLowerCase();
    const limit = Math.min(1000, Math.max(1, Number(ctx.query.get("limit") ?? 1)));
    const out: ApiMember[] = [];
    for (const m of guild.allMembers()) {
      if (out.length >= limit) break;
      if (m.user.username.toLowerCase().startsWith(q) || m.nick?.toLowerCase().startsWith(q)) out.push(m);
    }
    return ok(out);
  },
  "GET /guilds/{guild_id}/members/{user_id}": (ctx) => {
    const member = guildOf(ctx).getMember(ctx.params.user_id ?? "");
    if (!member) throw unknown.member();
    return ok(member);
  },
  "PATCH /guilds/{guild_id}/members/{user_id}": (ctx) => {
    const guild = guildOf(ctx);
    const member = guild.materializeMember(ctx.params.user_id ?? "");
    if (!member) throw unknown.member();
    const b = body(ctx);
    if ("nick" in b) member.nick = (b.nick as string | null) || null;
    if (Array.isArray(b.roles))
      member.roles = (b.roles as string[]).filter((r) => guild.roles.has(r) && r !== guild.id);
    if ("communication_disabled_until" in b) {
      member.communication_disabled_until = (b.communication_disabled_until as string | null) ?? null;
    }
    if (typeof b.mute === "boolean") member.mute = b.mute;
    if (typeof b.deaf === "boolean") member.deaf = b.deaf;
    ctx.fake.gateway.dispatch("GUILD_MEMBER_UPDATE", memberEvent(guild, member));
    return ok(member);
  },
  "PATCH /guilds/{guild_id}/members/@me": (ctx) => {
    const guild = guildOf(ctx);
    const member = guild.getMember(ctx.fake.store.bot.id) as ApiMember;
    if ("nick" in body(ctx)) member.nick = (body(ctx).nick as string | null) || null;
    ctx.fake.gateway.dispatch("GUILD_MEMBER_UPDATE", memberEvent(guild, member));
    return ok(member);
  },
  "DELETE /guilds/{guild_id}/members/{user_id}": (ctx) => {
    const guild = guildOf(ctx);
    const user = guild.getMember(ctx.params.user_id ?? "")?.user;
    if (!user || !guild.removeMember(user.id)) throw unknown.member();
    ctx.fake.gateway.dispatch("GUILD_MEMBER_REMOVE", { guild_id: guild.id, user });
    return noContent();
  },
  "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}": (ctx) => {
    const guild = guildOf(ctx);
    const roleId = ctx.params.role_id ?? "";
    if (!guild.roles.has(roleId)) throw unknown.role();
    const member = guild.materializeMember(ctx.params.user_id ?? "");
    if (!member) throw unknown.member();
    if (!member.roles.includes(roleId)) {
      member.roles.push(roleId);
      ctx.fake.gateway.dispatch("GUILD_MEMBER_UPDATE", memberEvent(guild, member));
    }
    return noContent();
  },
  "DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}": (ctx) => {
    const guild = guildOf(ctx);
    const roleId = ctx.params.role_id ?? "";
    if (!guild.roles.has(roleId)) throw unknown.role();
    const member = guild.materializeMember(ctx.params.user_id ?? "");
    if (!member) throw unknown.member();
    if (member.roles.includes(roleId)) {
      member.roles = member.roles.filter((r) => r !== roleId);
      ctx.fake.gateway.dispatch("GUILD_MEMBER_UPDATE", memberEvent(guild, member));
    }
    return noContent();
  },

  // ------------------------------------------------------------ scheduled events
  "GET /guilds/{guild_id}/scheduled-events": (ctx) => ok([...guildOf(ctx).scheduledEvents.values()]),
  "POST /guilds/{guild_id}/scheduled-events": (ctx) => {
    const guild = guildOf(ctx);
    const b = body(ctx);
    const event: ApiScheduledEvent = {
      id: snowflake(),
      guild_id: guild.id,
      name: String(b.name),
      description: (b.description as string | null | undefined) ?? null,
      channel_id: (b.channel_id as string | null | undefined) ?? null,
      creator_id: ctx.fake.store.bot.id,
      creator: ctx.fake.store.bot,
      image: null,
      scheduled_start_time: String(b.scheduled_start_time),
      scheduled_end_time: (b.scheduled_end_time as string | null | undefined) ?? null,
      status: 1,
      entity_type: Number(b.entity_type),
      entity_id: null,
      entity_metadata: (b.entity_metadata as Record<string, unknown> | null | undefined) ?? null,
      privacy_level: Number(b.privacy_level ?? 2),
      user_count: 0,
      recurrence_rule: b.recurrence_rule ?? null,
      guild_scheduled_event_exceptions: [],
    };
    guild.scheduledEvents.set(event.id, event);
    ctx.fake.gateway.dispatch("GUILD_SCHEDULED_EVENT_CREATE", { ...event });
    return ok(event);
  },
  "GET /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}": (ctx) => {
    const event = guildOf(ctx).scheduledEvents.get(ctx.params.guild_scheduled_event_id ?? "");
    if (!event) throw unknown.event();
    return ok(event);
  },
  "PATCH /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}": (ctx) => {
    const event = guildOf(ctx).scheduledEvents.get(ctx.params.guild_scheduled_event_id ?? "");
    if (!event) throw unknown.event();
    const patch = body(ctx);
    if (patch.status !== undefined && patch.status !== event.status) {
      // Discord's lifecycle: SCHEDULED(1) → ACTIVE(2) | CANCELED(4); ACTIVE(2) → COMPLETED(3).
      const allowed: Record<number, number[]> = { 1: [2, 4], 2: [3] };
      if (!(allowed[event.status] ?? []).includes(Number(patch.status))) {
        throw new HttpError(400, 50035, "Invalid Form Body");
      }
    }
    Object.assign(event, patch);
    ctx.fake.gateway.dispatch("GUILD_SCHEDULED_EVENT_UPDATE", { ...event });
    return ok(event);
  },
  "DELETE /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}": (ctx) => {
    const guild = guildOf(ctx);
    const event = guild.scheduledEvents.get(ctx.params.guild_scheduled_event_id ?? "");
    if (!event) throw unknown.event();
    guild.scheduledEvents.delete(event.id);
    ctx.fake.gateway.dispatch("GUILD_SCHEDULED_EVENT_DELETE", { ...event });
    return noContent();
  },

  // ------------------------------------------------------------ stage instances
  "POST /stage-instances": (ctx) => {
    const b = body(ctx);
    const channel = ctx.fake.store.channels.get(String(b.channel_id ?? ""));
    if (!channel?.guild_id) throw unknown.channel();
    if (channel.type !== 13) throw new HttpError(400, 50024, "Cannot execute action on this channel type");
    const guild = ctx.fake.store.guilds.get(channel.guild_id);
    if (!guild) throw unknown.guild();
    if (guild.stageInstances.has(channel.id))
      throw new HttpError(400, 150006, "Stage already has an instance");
    const instance = {
      id: snowflake(),
      guild_id: guild.id,
      channel_id: channel.id,
      topic: String(b.topic),
      privacy_level: Number(b.privacy_level ?? 2),
      discoverable_disabled: true,
      guild_scheduled_event_id: (b.guild_scheduled_event_id as string | null | undefined) ?? null,
    };
    guild.stageInstances.set(channel.id, instance);
    ctx.fake.gateway.dispatch("STAGE_INSTANCE_CREATE", { ...instance });
    return ok(instance);
  },
  "GET /stage-instances/{channel_id}": (ctx) => {
    const channel = channelOf(ctx);
    const instance = ctx.fake.store.guilds.get(channel.guild_id ?? "")?.stageInstances.get(channel.id);
    if (!instance) throw new HttpError(404, 10067, "Unknown Stage Instance");
    return ok(instance);
  },
  "PATCH /stage-instances/{channel_id}": (ctx) => {
    const channel = channelOf(ctx);
    const instance = ctx.fake.store.guilds.get(channel.guild_id ?? "")?.stageInstances.get(channel.id);
    if (!instance) throw new HttpError(404, 10067, "Unknown Stage Instance");
    Object.assign(instance, body(ctx));
    ctx.fake.gateway.dispatch("STAGE_INSTANCE_UPDATE", { ...instance });
    return ok(instance);
  },
  "DELETE /stage-instances/{channel_id}": (ctx) => {
    const channel = channelOf(ctx);
    const guild = ctx.fake.store.guilds.get(channel.guild_id ?? "");
    const instance = guild?.stageInstances.get(channel.id);
    if (!guild || !instance) throw new HttpError(404, 10067, "Unknown Stage Instance");
    guild.stageInstances.delete(channel.id);
    ctx.fake.gateway.dispatch("STAGE_INSTANCE_DELETE", { ...instance });
    return noContent();
  },

  // ------------------------------------------------------------ channels
  "GET /channels/{channel_id}": (ctx) => ok(channelOf(ctx)),
  "PATCH /channels/{channel_id}": (ctx) => {
    const channel = channelOf(ctx);
    const b = body(ctx);
    for (const [key, value] of Object.entries(b)) {
      if (key === "permission_overwrites") {
        channel.permission_overwrites = Array.isArray(value) ? (value as Body[]).map(normalizeOverwrite) : [];
      } else if (key === "available_tags" && channel.available_tags) {
        // As Discord does: a tag without an id is new and gets one.
        channel.available_tags = (Array.isArray(value) ? (value as Body[]) : []).map((tag) => ({
          id: (tag.id as string | undefined) ?? snowflake(),
          name: tag.name,
          moderated: Boolean(tag.moderated),
          emoji_id: tag.emoji_id ?? null,
          emoji_name: tag.emoji_name ?? null,
        }));
      } else if (
        ["archived", "locked", "auto_archive_duration", "invitable"].includes(key) &&
        channel.thread_metadata
      ) {
        (channel.thread_metadata as Record<string, unknown>)[key] = value;
        if (key === "archived") channel.thread_metadata.archive_timestamp = now();
      } else if (key !== "id" && key !== "type" && key !== "guild_id") {
        channel[key] = value;
      }
    }
    ctx.fake.gateway.dispatch(`${channelEvent(channel)}_UPDATE`, { ...channel });
    return ok(isThreadType(channel.type) ? threadResponse(ctx.fake, channel) : channel);
  },
  "DELETE /channels/{channel_id}": (ctx) => {
    const channel = channelOf(ctx);
    ctx.fake.store.removeChannel(channel.id);
    const event = isThreadType(channel.type)
      ? { id: channel.id, guild_id: channel.guild_id, parent_id: channel.parent_id, type: channel.type }
      : { ...channel };
    ctx.fake.gateway.dispatch(`${channelEvent(channel)}_DELETE`, event);
    return ok(channel);
  },
  "PUT /channels/{channel_id}/permissions/{overwrite_id}": (ctx) => {
    const channel = channelOf(ctx);
    if (!channel.permission_overwrites)
      throw new HttpError(400, 50024, "Cannot execute action on this channel type");
    const overwrite = normalizeOverwrite({ ...body(ctx), id: ctx.params.overwrite_id });
    const list = channel.permission_overwrites.filter((o) => o.id !== overwrite.id);
    list.push(overwrite);
    channel.permission_overwrites = list;
    ctx.fake.gateway.dispatch("CHANNEL_UPDATE", { ...channel });
    return noContent();
  },
  "DELETE /channels/{channel_id}/permissions/{overwrite_id}": (ctx) => {
    const channel = channelOf(ctx);
    channel.permission_overwrites = (channel.permission_overwrites ?? []).filter(
      (o) => o.id !== ctx.params.overwrite_id,
    );
    ctx.fake.gateway.dispatch("CHANNEL_UPDATE", { ...channel });
    return noContent();
  },
  "POST /channels/{channel_id}/typing": (ctx) => {
    channelOf(ctx);
    return noContent();
  },

  // ------------------------------------------------------------ messages
  "GET /channels/{channel_id}/messages": (ctx) => {
    const channel = channelOf(ctx);
    const limit = Math.min(100, Math.max(1, Number(ctx.query.get("limit") ?? 50)));
    const before = ctx.query.get("before");
    const after = ctx.query.get("after");
    let list = [...(ctx.fake.store.messages.get(channel.id)?.values() ?? [])].filter((m) => !(m.flags & 64));
    if (before) list = list.filter((m) => BigInt(m.id) < BigInt(before));
    if (after) list = list.filter((m) => BigInt(m.id) > BigInt(after));
    list.reverse();
    return ok(after ? list.slice(-limit) : list.slice(0, limit));
  },
  "POST /channels/{channel_id}/messages": (ctx) => {
    const channel = channelOf(ctx);
    if (channel.type === ChannelType.GuildCategory || channel.type === ChannelType.GuildForum) {
      throw new HttpError(400, 50008, "Cannot send messages in a non-text channel");
    }
    const b = body(ctx);
    if (
      !b.content &&
      !(b.embeds as unknown[] | undefined)?.length &&
      !ctx.files.length &&
      !b.components &&
      !b.sticker_ids &&
      !b.poll
    ) {
      throw new HttpError(400, 50006, "Cannot send an empty message");
    }
    const message = buildMessage(ctx.fake.store, {
      channelId: channel.id,
      guildId: channel.guild_id,
      author: ctx.fake.store.bot,
      body: b,
      files: ctx.files,
      baseUrl: ctx.fake.baseUrl,
    });
    return ok(postMessage(ctx.fake, message));
  },
  "GET /channels/{channel_id}/messages/{message_id}": (ctx) => ok(messageOf(ctx, channelOf(ctx))),
  "PATCH /channels/{channel_id}/messages/{message_id}": (ctx) => {
    const message = messageOf(ctx, channelOf(ctx));
    if (message.author.id !== ctx.fake.store.bot.id && Object.keys(body(ctx)).some((k) => k !== "flags")) {
      throw new HttpError(403, 50005, "Cannot edit a message authored by another user");
    }
    applyMessageEdit(ctx.fake.store, ctx.fake.baseUrl, message, body(ctx), ctx.files);
    ctx.fake.gateway.dispatch("MESSAGE_UPDATE", { ...message });
    return ok(message);
  },
  "DELETE /channels/{channel_id}/messages/{message_id}": (ctx) => {
    const channel = channelOf(ctx);
    const message = messageOf(ctx, channel);
    ctx.fake.store.messages.get(channel.id)?.delete(message.id);
    ctx.fake.gateway.dispatch("MESSAGE_DELETE", {
      id: message.id,
      channel_id: channel.id,
      guild_id: channel.guild_id,
    });
    return noContent();
  },
  "POST /channels/{channel_id}/messages/bulk-delete": (ctx) => {
    const channel = channelOf(ctx);
    const ids = (body(ctx).messages as string[] | undefined) ?? [];
    for (const id of ids) ctx.fake.store.messages.get(channel.id)?.delete(id);
    ctx.fake.gateway.dispatch("MESSAGE_DELETE_BULK", {
      ids,
      channel_id: channel.id,
      guild_id: channel.guild_id,
    });
    return noContent();
  },
  "PUT /channels/{channel_id}/messages/{message_id}/reactions/{emoji_name}/@me": (ctx) => {
    messageOf(ctx, channelOf(ctx));
    return noContent();
  },

  // ------------------------------------------------------------ threads
  "POST /channels/{channel_id}/threads": (ctx) => {
    const parent = channelOf(ctx);
    const b = body(ctx);
    if (parent.type === ChannelType.GuildForum || parent.type === ChannelType.GuildMedia) {
      if (!b.message || typeof b.message !== "object") throw new HttpError(400, 50035, "Invalid Form Body");
      const thread = createThread(ctx.fake, parent, b, ChannelType.PublicThread);
      ctx.fake.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
      const starter = buildMessage(ctx.fake.store, {
        channelId: thread.id,
        guildId: thread.guild_id,
        author: ctx.fake.store.bot,
        body: b.message as Body,
        files: ctx.files,
        baseUrl: ctx.fake.baseUrl,
      });
      starter.id = thread.id;
      postMessage(ctx.fake, starter);
      return ok({ ...threadResponse(ctx.fake, thread), message: starter }, 201);
    }
    if (parent.type !== ChannelType.GuildText && parent.type !== ChannelType.GuildAnnouncement) {
      throw new HttpError(400, 50024, "Cannot execute action on this channel type");
    }
    const type = Number(b.type ?? ChannelType.PrivateThread);
    const thread = createThread(ctx.fake, parent, b, type);
    ctx.fake.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return ok(threadResponse(ctx.fake, thread), 201);
  },
  "POST /channels/{channel_id}/messages/{message_id}/threads": (ctx) => {
    const parent = channelOf(ctx);
    const message = messageOf(ctx, parent);
    const type =
      parent.type === ChannelType.GuildAnnouncement
        ? ChannelType.AnnouncementThread
        : ChannelType.PublicThread;
    const thread = createThread(ctx.fake, parent, body(ctx), type, message.id);
    message.thread = thread;
    ctx.fake.gateway.dispatch("THREAD_CREATE", { ...thread, newly_created: true });
    return ok(threadResponse(ctx.fake, thread), 201);
  },
  "GET /channels/{channel_id}/thread-members": (ctx) => {
    const thread = channelOf(ctx);
    const withMember = ctx.query.get("with_member") === "true";
    const guild = ctx.fake.store.guildOf(thread);
    const members = [...(ctx.fake.store.threadMembers.get(thread.id)?.values() ?? [])];
    return ok(withMember ? members.map((m) => ({ ...m, member: guild?.getMember(m.user_id) })) : members);
  },
  "GET /channels/{channel_id}/thread-members/{user_id}": (ctx) => {
    const tm = ctx.fake.store.threadMembers.get(channelOf(ctx).id)?.get(ctx.params.user_id ?? "");
    if (!tm) throw new HttpError(404, 10007, "Unknown Member");
    return ok(tm);
  },
  "PUT /channels/{channel_id}/thread-members/{user_id}": (ctx) => {
    const thread = channelOf(ctx);
    if (!isThreadType(thread.type))
      throw new HttpError(400, 50024, "Cannot execute action on this channel type");
    const userId = ctx.params.user_id ?? "";
    if (!ctx.fake.store.guildOf(thread)?.getMember(userId)) throw unknown.member();
    addThreadMember(ctx.fake, thread, userId);
    return noContent();
  },
  "PUT /channels/{channel_id}/thread-members/@me": (ctx) => {
    const thread = channelOf(ctx);
    if (!isThreadType(thread.type))
      throw new HttpError(400, 50024, "Cannot execute action on this channel type");
    addThreadMember(ctx.fake, thread, ctx.fake.store.bot.id);
    return noContent();
  },
  "DELETE /channels/{channel_id}/thread-members/{user_id}": (ctx) => {
    const thread = channelOf(ctx);
    const userId = ctx.params.user_id ?? "";
    const members = ctx.fake.store.threadMembers.get(thread.id);
    if (!members?.delete(userId)) throw unknown.member();
    thread.member_count = members.size;
    ctx.fake.gateway.dispatch("THREAD_MEMBERS_UPDATE", {
      id: thread.id,
      guild_id: thread.guild_id,
      member_count: members.size,
      removed_member_ids: [userId],
    });
    return noContent();
  },
  "GET /channels/{channel_id}/threads/archived/public": () =>
    ok({ threads: [], members: [], has_more: false }),
  "GET /channels/{channel_id}/threads/archived/private": () =>
    ok({ threads: [], members: [], has_more: false }),

  // ------------------------------------------------------------ interactions
  "POST /interactions/{interaction_id}/{interaction_token}/callback": (ctx) => handleCallback(ctx),
  "POST /webhooks/{webhook_id}/{webhook_token}": (ctx) => {
    const record = interactionByToken(ctx);
    if (!record.callback) throw unknown.webhook();
    const message = createInteractionMessage(ctx.fake, record, body(ctx), ctx.files, false);
    record.followUpIds.push(message.id);
    return ctx.query.get("wait") === "false" ? noContent() : ok(message);
  },
  "GET /webhooks/{webhook_id}/{webhook_token}/messages/@original": (ctx) =>
    ok(interactionMessage(ctx, "@original")),
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original": (ctx) =>
    editInteractionMessage(ctx, "@original"),
  "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/@original": (ctx) => {
    const record = interactionByToken(ctx);
    const message = interactionMessage(ctx, "@original");
    record.originalDeleted = true;
    ctx.fake.store.messages.get(message.channel_id)?.delete(message.id);
    if (!(message.flags & 64)) {
      ctx.fake.gateway.dispatch("MESSAGE_DELETE", {
        id: message.id,
        channel_id: message.channel_id,
        guild_id: message.guild_id,
      });
    }
    return noContent();
  },
  "GET /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}": (ctx) =>
    ok(interactionMessage(ctx, ctx.params.message_id)),
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}": (ctx) =>
    editInteractionMessage(ctx, ctx.params.message_id ?? ""),
  "DELETE /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}": (ctx) => {
    const message = interactionMessage(ctx, ctx.params.message_id);
    ctx.fake.store.messages.get(message.channel_id)?.delete(message.id);
    if (!(message.flags & 64)) {
      ctx.fake.gateway.dispatch("MESSAGE_DELETE", {
        id: message.id,
        channel_id: message.channel_id,
        guild_id: message.guild_id,
      });
    }
    return noContent();
  },
};
