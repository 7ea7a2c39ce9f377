import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS } from "./permissions.ts";
import { snowflake } from "./snowflake.ts";
import {
  type ApiChannel,
  type ApiCommand,
  type ApiMember,
  type ApiMessage,
  type ApiRole,
  type ApiScheduledEvent,
  type ApiThreadMember,
  type ApiUser,
  ChannelType,
  isThreadType,
} from "./types.ts";

/** How to build a guild when the fake starts (every field optional). */
export interface GuildSeed {
  id?: string;
  name?: string;
  /** Guild locale sent as `preferred_locale` and as `guild_locale` in interactions. Default "en-US". */
  preferredLocale?: string;
  /**
   * Total member count to simulate. Members beyond the explicit ones (owner, bot,
   * `addMember`) are synthetic: generated on demand from their index, never stored,
   * served lazily through REQUEST_GUILD_MEMBERS like Discord does for large guilds.
   */
  memberCount?: number;
  /** Permissions of @everyone (default: those of a fresh Discord server). */
  everyonePermissions?: bigint | string;
  /** Permissions of the bot's managed role (default: a moderator-like set, no Administrator). */
  botPermissions?: bigint | string;
  /** Create the default channels (category, text, announcement, voice, forum, stage). Default true. */
  defaultChannels?: boolean;
}

export function now(): string {
  return new Date().toISOString();
}

export function makeUser(init: Partial<ApiUser> & { username: string }): ApiUser {
  return {
    id: init.id ?? snowflake(),
    username: init.username,
    global_name: init.global_name ?? null,
    discriminator: "0",
    avatar: init.avatar ?? null,
    public_flags: 0,
    flags: 0,
    primary_guild: null,
    ...(init.bot ? { bot: true } : {}),
  };
}

export function makeRole(init: Partial<ApiRole> & { id: string; name: string; position: number }): ApiRole {
  const color = typeof init.color === "number" ? init.color : 0;
  return {
    id: init.id,
    name: init.name,
    permissions: init.permissions ?? "0",
    position: init.position,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: init.hoist ?? false,
    managed: init.managed ?? false,
    mentionable: init.mentionable ?? false,
    icon: init.icon ?? null,
    unicode_emoji: init.unicode_emoji ?? null,
    flags: 0,
    ...(init.tags ? { tags: init.tags } : {}),
  };
}

export function makeMember(
  user: ApiUser,
  init: {
    nick?: string | null;
    roles?: string[];
    joined_at?: string;
    communication_disabled_until?: string | null;
  } = {},
): ApiMember {
  return {
    user,
    nick: init.nick ?? null,
    avatar: null,
    banner: null,
    roles: init.roles ? [...init.roles] : [],
    joined_at: init.joined_at ?? now(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: init.communication_disabled_until ?? null,
  };
}

/** A channel object with the fields Discord returns for its type. */
export function makeChannel(init: Record<string, unknown> & { type: number; guild_id?: string }): ApiChannel {
  const type = init.type;
  const base: ApiChannel = {
    id: (init.id as string | undefined) ?? snowflake(),
    type,
    flags: 0,
  };
  if (init.guild_id) {
    base.guild_id = init.guild_id;
    base.name = String(init.name ?? "channel");
    base.position = typeof init.position === "number" ? init.position : 0;
    base.permission_overwrites = [];
    base.parent_id = (init.parent_id as string | null | undefined) ?? null;
  }
  if (type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement || isThreadType(type)) {
    base.last_message_id = null;
    base.rate_limit_per_user = (init.rate_limit_per_user as number | undefined) ?? 0;
  }
  if (type === ChannelType.GuildText || type === ChannelType.GuildAnnouncement) {
    base.topic = (init.topic as string | null | undefined) ?? null;
    base.nsfw = Boolean(init.nsfw);
  }
  if (type === ChannelType.GuildVoice || type === ChannelType.GuildStageVoice) {
    base.bitrate = (init.bitrate as number | undefined) ?? 64000;
    base.user_limit = (init.user_limit as number | undefined) ?? 0;
    base.rtc_region = (init.rtc_region as string | null | undefined) ?? null;
    base.nsfw = Boolean(init.nsfw);
    base.rate_limit_per_user = 0;
    base.last_message_id = null;
  }
  if (type === ChannelType.GuildForum || type === ChannelType.GuildMedia) {
    base.topic = (init.topic as string | null | undefined) ?? null;
    base.nsfw = Boolean(init.nsfw);
    base.rate_limit_per_user = (init.rate_limit_per_user as number | undefined) ?? 0;
    base.last_message_id = null;
    base.available_tags = ((init.available_tags as Record<string, unknown>[] | null | undefined) ?? []).map(
      (tag) => ({
        id: (tag.id as string | undefined) ?? snowflake(),
        name: tag.name,
        moderated: Boolean(tag.moderated),
        emoji_id: tag.emoji_id ?? null,
        emoji_name: tag.emoji_name ?? null,
      }),
    );
    base.default_reaction_emoji = init.default_reaction_emoji ?? null;
    base.default_sort_order = init.default_sort_order ?? null;
    base.default_forum_layout = init.default_forum_layout ?? 0;
    base.default_thread_rate_limit_per_user = init.default_thread_rate_limit_per_user ?? 0;
  }
  if (init.default_auto_archive_duration)
    base.default_auto_archive_duration = init.default_auto_archive_duration;
  return base;
}

/**
 * One guild: roles, channels, threads, members, scheduled events and guild
 * commands, all as Discord API objects.
 */
export class GuildState {
  readonly id: string;
  name: string;
  ownerId: string;
  preferredLocale: string;
  readonly createdAt = now();
  readonly roles = new Map<string, ApiRole>();
  /** Guild channels (not threads), by id. */
  readonly channels = new Map<string, ApiChannel>();
  /** Threads (public, private, announcement), by id. */
  readonly threads = new Map<string, ApiChannel>();
  /** Explicit members by user id (owner, bot, `addMember`). Synthetic members are not stored. */
  readonly members = new Map<string, ApiMember>();
  readonly scheduledEvents = new Map<string, ApiScheduledEvent>();
  /** Live stage instances, by stage channel id. */
  readonly stageInstances = new Map<string, Record<string, unknown>>();
  readonly commands = new Map<string, ApiCommand>();
  /** Number of synthetic members (see {@link GuildSeed.memberCount}). */
  syntheticCount = 0;
  /** Synthetic members removed or replaced by explicit ones. */
  readonly syntheticGone = new Set<number>();
  readonly syntheticBase: bigint;
  botRoleId = "";

  constructor(id: string, name: string, ownerId: string, preferredLocale: string, syntheticBase: bigint) {
    this.id = id;
    this.name = name;
    this.ownerId = ownerId;
    this.preferredLocale = preferredLocale;
    this.syntheticBase = syntheticBase;
  }

  /** Total members, explicit and synthetic. */
  get memberCount(): number {
    return this.members.size + this.syntheticCount - this.syntheticGone.size;
  }

  syntheticIndex(userId: string): number | undefined {
    let n: bigint;
    try {
      n = BigInt(userId) - this.syntheticBase;
    } catch {
      return undefined;
    }
    if (n < 0n || n >= BigInt(this.syntheticCount)) return undefined;
    const i = Number(n);
    return this.syntheticGone.has(i) ? undefined : i;
  }

  syntheticMember(i: number): ApiMember {
    const id = (this.syntheticBase + BigInt(i)).toString();
    const user = makeUser({ id, username: `member${String(i).padStart(6, "0")}` });
    return makeMember(user, { joined_at: this.createdAt });
  }

  /** A member, explicit or synthetic (synthetic ones are built on the fly and not stored). */
  getMember(userId: string): ApiMember | undefined {
    const explicit = this.members.get(userId);
    if (explicit) return explicit;
    const i = this.syntheticIndex(userId);
    return i === undefined ? undefined : this.syntheticMember(i);
  }

  /**
   * A member that can be changed: a synthetic member becomes explicit (stored) first.
   */
  materializeMember(userId: string): ApiMember | undefined {
    const explicit = this.members.get(userId);
    if (explicit) return explicit;
    const i = this.syntheticIndex(userId);
    if (i === undefined) return undefined;
    const member = this.syntheticMember(i);
    this.syntheticGone.add(i);
    this.members.set(userId, member);
    return member;
  }

  removeMember(userId: string): boolean {
    if (this.members.delete(userId)) return true;
    const i = this.syntheticIndex(userId);
    if (i === undefined) return false;
    this.syntheticGone.add(i);
    return true;
  }

  /** Every member, explicit then synthetic, generated lazily. */
  *allMembers(): Generator<ApiMember> {
    yield* this.members.values();
    for (let i = 0; i < this.syntheticCount; i++) {
      if (!this.syntheticGone.has(i)) yield this.syntheticMember(i);
    }
  }

  /** Any channel or thread of this guild. */
  channel(id: string): ApiChannel | undefined {
    return this.channels.get(id) ?? this.threads.get(id);
  }

  /**
   * The guild object of GUILD_CREATE. Like Discord, a guild with more members than
   * `largeThreshold` is `large` and carries only the bot's member (the others come
   * through REQUEST_GUILD_MEMBERS); a small one carries every member.
   */
  toGatewayGuild(largeThreshold: number, botId: string): Record<string, unknown> {
    const memberCount = this.memberCount;
    const large = memberCount > largeThreshold;
    const members: ApiMember[] = [];
    if (large) {
      const bot = this.getMember(botId);
      if (bot) members.push(bot);
    } else {
      for (const m of this.allMembers()) members.push(m);
    }
    return {
      ...this.toRestGuild(),
      joined_at: this.getMember(botId)?.joined_at ?? this.createdAt,
      large,
      unavailable: false,
      member_count: memberCount,
      voice_states: [],
      members,
      channels: [...this.channels.values()],
      threads: [...this.threads.values()].filter((t) => !t.thread_metadata?.archived),
      presences: [],
      stage_instances: [...this.stageInstances.values()],
      guild_scheduled_events: [...this.scheduledEvents.values()],
      soundboard_sounds: [],
      embedded_activities: [],
      lazy: true,
    };
  }

  /** The guild object of GET /guilds/{id}. */
  toRestGuild(): Record<string, unknown> {
    const firstText = [...this.channels.values()].find((c) => c.type === ChannelType.GuildText);
    return {
      id: this.id,
      name: this.name,
      icon: null,
      description: null,
      home_header: null,
      splash: null,
      discovery_splash: null,
      features: [],
      banner: null,
      owner_id: this.ownerId,
      application_id: null,
      region: "deprecated",
      afk_channel_id: null,
      afk_timeout: 300,
      system_channel_id: firstText?.id ?? null,
      system_channel_flags: 0,
      widget_enabled: false,
      widget_channel_id: null,
      verification_level: 0,
      roles: [...this.roles.values()],
      default_message_notifications: 0,
      mfa_level: 0,
      explicit_content_filter: 0,
      max_presences: null,
      max_members: 500000,
      max_stage_video_channel_users: 50,
      max_video_channel_users: 25,
      vanity_url_code: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: this.preferredLocale,
      rules_channel_id: null,
      safety_alerts_channel_id: null,
      public_updates_channel_id: null,
      premium_progress_bar_enabled: false,
      nsfw: false,
      nsfw_level: 0,
      emojis: [],
      stickers: [],
      incidents_data: null,
    };
  }
}

/**
 * Everything the fake Discord knows: users, guilds, channels (guild channels,
 * threads, DMs), messages, thread members, commands and uploaded files.
 */
export class Store {
  readonly applicationId: string;
  readonly bot: ApiUser;
  /** The default acting user: a plain member (no roles) of every guild, named "tester". */
  readonly tester: ApiUser;
  readonly users = new Map<string, ApiUser>();
  readonly guilds = new Map<string, GuildState>();
  /** Every channel the fake knows (guild channels, threads and DMs), by id. */
  readonly channels = new Map<string, ApiChannel>();
  /** Messages per channel id, in creation order. */
  readonly messages = new Map<string, Map<string, ApiMessage>>();
  /** Thread members per thread id. */
  readonly threadMembers = new Map<string, Map<string, ApiThreadMember>>();
  readonly globalCommands = new Map<string, ApiCommand>();
  /** Uploaded files (message attachments and interaction attachments) by attachment id. */
  readonly files = new Map<
    string,
    { data: Buffer; contentType: string; filename: string; expiresAt?: number; servedBytes?: number }
  >();
  private guildCounter = 0;

  constructor(botName = "Taiken") {
    this.bot = makeUser({ username: botName, bot: true });
    this.applicationId = this.bot.id;
    this.users.set(this.bot.id, this.bot);
    this.tester = this.addUser({ username: "tester", global_name: "Test User" });
  }

  addUser(init: Partial<ApiUser> & { username: string }): ApiUser {
    const existing = init.id ? this.users.get(init.id) : undefined;
    if (existing) return existing;
    const user = makeUser(init);
    this.users.set(user.id, user);
    return user;
  }

  /** A user by id, including the synthetic members of large guilds. */
  getUser(id: string): ApiUser | undefined {
    const user = this.users.get(id);
    if (user) return user;
    for (const guild of this.guilds.values()) {
      const m = guild.getMember(id);
      if (m) return m.user;
    }
    return undefined;
  }

  createGuild(seed: GuildSeed = {}): GuildState {
    const owner = this.addUser({ username: `owner${this.guildCounter || ""}`, global_name: "Guild Owner" });
    const id = seed.id ?? snowflake();
    this.guildCounter += 1;
    const syntheticBase = 400_000_000_000_000_000n + BigInt(this.guildCounter) * 10_000_000_000n;
    const guild = new GuildState(
      id,
      seed.name ?? "Taiken Test Guild",
      owner.id,
      seed.preferredLocale ?? "en-US",
      syntheticBase,
    );
    const everyone = makeRole({
      id,
      name: "@everyone",
      position: 0,
      permissions: String(seed.everyonePermissions ?? DEFAULT_EVERYONE_PERMISSIONS),
    });
    guild.roles.set(everyone.id, everyone);
    const botRole = makeRole({
      id: snowflake(),
      name: this.bot.username,
      position: 1,
      managed: true,
      permissions: String(seed.botPermissions ?? DEFAULT_BOT_PERMISSIONS),
      tags: { bot_id: this.bot.id },
    });
    guild.roles.set(botRole.id, botRole);
    guild.botRoleId = botRole.id;
    guild.members.set(owner.id, makeMember(owner));
    guild.members.set(this.bot.id, makeMember(this.bot, { roles: [botRole.id] }));
    guild.members.set(this.tester.id, makeMember(this.tester));
    this.guilds.set(id, guild);
    if (seed.defaultChannels !== false) {
      const category = this.addGuildChannel(guild, {
        type: ChannelType.GuildCategory,
        name: "Text Channels",
      });
      const defaults: Array<[number, string]> = [
        [ChannelType.GuildText, "general"],
        [ChannelType.GuildAnnouncement, "announcements"],
        [ChannelType.GuildVoice, "Lounge"],
        [ChannelType.GuildForum, "questions"],
        [ChannelType.GuildStageVoice, "Stage"],
      ];
      for (const [type, name] of defaults) {
        this.addGuildChannel(guild, { type, name, parent_id: category.id });
      }
    }
    const total = seed.memberCount ?? 0;
    guild.syntheticCount = Math.max(0, total - guild.members.size);
    return guild;
  }

  addGuildChannel(guild: GuildState, init: Record<string, unknown> & { type: number }): ApiChannel {
    const siblings = [...guild.channels.values()].filter((c) => c.type === init.type).length;
    const channel = makeChannel({ position: siblings, ...init, guild_id: guild.id });
    if (isThreadType(channel.type)) guild.threads.set(channel.id, channel);
    else guild.channels.set(channel.id, channel);
    this.channels.set(channel.id, channel);
    return channel;
  }

  guildOf(channel: ApiChannel | undefined): GuildState | undefined {
    return channel?.guild_id ? this.guilds.get(channel.guild_id) : undefined;
  }

  removeChannel(id: string): ApiChannel | undefined {
    const channel = this.channels.get(id);
    if (!channel) return undefined;
    this.channels.delete(id);
    const guild = this.guildOf(channel);
    guild?.channels.delete(id);
    guild?.threads.delete(id);
    this.messages.delete(id);
    this.threadMembers.delete(id);
    return channel;
  }

  channelMessages(channelId: string): Map<string, ApiMessage> {
    let map = this.messages.get(channelId);
    if (!map) {
      map = new Map();
      this.messages.set(channelId, map);
    }
    return map;
  }

  /** Finds a message in any channel. */
  findMessage(messageId: string): ApiMessage | undefined {
    for (const map of this.messages.values()) {
      const m = map.get(messageId);
      if (m) return m;
    }
    return undefined;
  }

  /** The DM channel between the bot and a user, created when missing. */
  dmChannel(user: ApiUser): ApiChannel {
    for (const c of this.channels.values()) {
      if (c.type === ChannelType.DM && c.recipients?.[0]?.id === user.id) return c;
    }
    const channel: ApiChannel = {
      id: snowflake(),
      type: ChannelType.DM,
      flags: 0,
      last_message_id: null,
      recipients: [user],
    };
    this.channels.set(channel.id, channel);
    return channel;
  }
}
