import type { ApiChannel, ApiMember, ApiRole } from "./types.ts";

/** Discord permission bits used by the fake (a subset; any bigint works). */
export const Perm = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  MoveMembers: 1n << 24n,
  ChangeNickname: 1n << 26n,
  ManageNicknames: 1n << 27n,
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  UseApplicationCommands: 1n << 31n,
  ManageEvents: 1n << 33n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
  ModerateMembers: 1n << 40n,
  CreateEvents: 1n << 44n,
} as const;

/** Every permission bit Discord defines today (used for owners and administrators). */
export const ALL_PERMISSIONS = (1n << 53n) - 1n;

/** What @everyone may do in the default fake guild (close to a fresh Discord server). */
export const DEFAULT_EVERYONE_PERMISSIONS =
  Perm.CreateInstantInvite |
  Perm.AddReactions |
  Perm.ViewChannel |
  Perm.SendMessages |
  Perm.EmbedLinks |
  Perm.AttachFiles |
  Perm.ReadMessageHistory |
  Perm.UseExternalEmojis |
  Perm.Connect |
  Perm.Speak |
  Perm.ChangeNickname |
  Perm.UseApplicationCommands |
  Perm.CreatePublicThreads |
  Perm.CreatePrivateThreads |
  Perm.SendMessagesInThreads |
  Perm.CreateEvents;

/** What the bot's managed role grants in the default fake guild (no Administrator). */
export const DEFAULT_BOT_PERMISSIONS =
  DEFAULT_EVERYONE_PERMISSIONS |
  Perm.ManageChannels |
  Perm.ManageRoles |
  Perm.ManageMessages |
  Perm.ManageThreads |
  Perm.ManageEvents |
  Perm.ManageNicknames |
  Perm.ManageWebhooks |
  Perm.ModerateMembers |
  Perm.MentionEveryone |
  Perm.KickMembers |
  Perm.MoveMembers;

/** Accepts a bigint, a number or a decimal string and gives a bigint. */
export function toBits(value: bigint | number | string | null | undefined): bigint {
  if (value === null || value === undefined || value === "") return 0n;
  return BigInt(value);
}

/**
 * A member's permissions in a guild and, optionally, a channel, computed the way
 * Discord documents it: base from @everyone and roles, Administrator and owner
 * short-circuit, then channel overwrites (@everyone, roles, member).
 */
export function computePermissions(args: {
  guildId: string;
  ownerId: string;
  roles: Map<string, ApiRole>;
  member: Pick<ApiMember, "roles" | "user">;
  channel?: ApiChannel | undefined;
}): bigint {
  const { guildId, ownerId, roles, member, channel } = args;
  if (member.user.id === ownerId) return ALL_PERMISSIONS;
  let perms = toBits(roles.get(guildId)?.permissions);
  for (const roleId of member.roles) perms |= toBits(roles.get(roleId)?.permissions);
  if (perms & Perm.Administrator) return ALL_PERMISSIONS;
  if (!channel?.permission_overwrites) return perms;
  const overwrites = channel.permission_overwrites;
  const everyone = overwrites.find((o) => o.id === guildId);
  if (everyone) perms = (perms & ~toBits(everyone.deny)) | toBits(everyone.allow);
  let allow = 0n;
  let deny = 0n;
  for (const o of overwrites) {
    if (o.type === 0 && member.roles.includes(o.id)) {
      allow |= toBits(o.allow);
      deny |= toBits(o.deny);
    }
  }
  perms = (perms & ~deny) | allow;
  const own = overwrites.find((o) => o.type === 1 && o.id === member.user.id);
  if (own) perms = (perms & ~toBits(own.deny)) | toBits(own.allow);
  return perms;
}
