/**
 * Shapes of the Discord API objects the fake stores and serves. They follow the
 * Discord v10 JSON (snake_case) exactly, so a test can compare them with what the
 * bot sent or received. Only the fields the fake fills are typed; the rest pass
 * through as sent.
 */

export type Snowflake = string;

export interface ApiUser {
  id: Snowflake;
  username: string;
  global_name: string | null;
  discriminator: string;
  avatar: string | null;
  public_flags: number;
  flags: number;
  primary_guild: null;
  bot?: boolean;
  [extra: string]: unknown;
}

export interface ApiRole {
  id: Snowflake;
  name: string;
  permissions: string;
  position: number;
  color: number;
  colors: { primary_color: number; secondary_color: number | null; tertiary_color: number | null };
  hoist: boolean;
  managed: boolean;
  mentionable: boolean;
  icon: string | null;
  unicode_emoji: string | null;
  flags: number;
  tags?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ApiMember {
  user: ApiUser;
  nick: string | null;
  avatar: string | null;
  banner: string | null;
  roles: Snowflake[];
  joined_at: string;
  premium_since: string | null;
  deaf: boolean;
  mute: boolean;
  flags: number;
  pending: boolean;
  communication_disabled_until: string | null;
  [extra: string]: unknown;
}

/** A permission overwrite as Discord returns it (allow/deny as strings). */
export interface ApiOverwrite {
  id: Snowflake;
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface ApiChannel {
  id: Snowflake;
  type: number;
  guild_id?: Snowflake;
  name?: string;
  position?: number;
  parent_id?: Snowflake | null;
  permission_overwrites?: ApiOverwrite[];
  flags: number;
  last_message_id?: Snowflake | null;
  /** Threads only. */
  owner_id?: Snowflake;
  thread_metadata?: {
    archived: boolean;
    auto_archive_duration: number;
    archive_timestamp: string;
    locked: boolean;
    invitable?: boolean;
    create_timestamp?: string;
  };
  recipients?: ApiUser[];
  [extra: string]: unknown;
}

export interface ApiAttachment {
  id: Snowflake;
  filename: string;
  size: number;
  url: string;
  proxy_url: string;
  content_type?: string;
  description?: string;
  [extra: string]: unknown;
}

export interface ApiMessage {
  id: Snowflake;
  channel_id: Snowflake;
  guild_id?: Snowflake;
  type: number;
  author: ApiUser;
  content: string;
  embeds: Record<string, unknown>[];
  components: Record<string, unknown>[];
  attachments: ApiAttachment[];
  flags: number;
  timestamp: string;
  edited_timestamp: string | null;
  mentions: ApiUser[];
  mention_roles: Snowflake[];
  mention_everyone: boolean;
  pinned: boolean;
  tts: boolean;
  webhook_id?: Snowflake;
  application_id?: Snowflake;
  interaction_metadata?: Record<string, unknown>;
  [extra: string]: unknown;
}

export interface ApiScheduledEvent {
  id: Snowflake;
  guild_id: Snowflake;
  name: string;
  description: string | null;
  channel_id: Snowflake | null;
  creator_id: Snowflake | null;
  scheduled_start_time: string;
  scheduled_end_time: string | null;
  status: number;
  entity_type: number;
  entity_id: Snowflake | null;
  entity_metadata: Record<string, unknown> | null;
  privacy_level: number;
  [extra: string]: unknown;
}

export interface ApiThreadMember {
  id: Snowflake;
  user_id: Snowflake;
  join_timestamp: string;
  flags: number;
}

export interface ApiCommand {
  id: Snowflake;
  application_id: Snowflake;
  version: Snowflake;
  guild_id?: Snowflake;
  type: number;
  name: string;
  description: string;
  options?: Record<string, unknown>[];
  default_member_permissions: string | null;
  [extra: string]: unknown;
}

/** Discord channel types used by the fake. */
export const ChannelType = {
  GuildText: 0,
  DM: 1,
  GuildVoice: 2,
  GuildCategory: 4,
  GuildAnnouncement: 5,
  AnnouncementThread: 10,
  PublicThread: 11,
  PrivateThread: 12,
  GuildStageVoice: 13,
  GuildForum: 15,
  GuildMedia: 16,
} as const;

export function isThreadType(type: number): boolean {
  return type === 10 || type === 11 || type === 12;
}

/** Gateway intents (bit values). */
export const Intent = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
  GuildScheduledEvents: 1 << 16,
} as const;
