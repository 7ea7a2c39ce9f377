/**
 * Who may do what in each channel of a programme's workspace, as abstract permission overwrites
 * (`everyone`, `bot`, or a programme role) that the builder resolves to Discord ids.
 * Bits are Discord's permission flags (https://discord.com/developers/docs/topics/permissions).
 */
import type { AccessPreset, WorkspaceRole } from "./template.ts";

/** The Discord permission bits the workspace uses. */
export const P = {
  ManageChannels: 1n << 4n,
  AddReactions: 1n << 6n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  ManageRoles: 1n << 28n,
  ManageEvents: 1n << 33n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  SendMessagesInThreads: 1n << 38n,
} as const;

export type PermissionName = keyof typeof P;

/** Whose overwrite: the @everyone role, the bot's own member, or a programme role. */
export type OverwriteTarget = "everyone" | "bot" | WorkspaceRole;

/** An overwrite before ids are known. */
export interface AbstractOverwrite {
  target: OverwriteTarget;
  allow: bigint;
  deny: bigint;
}

const READ = P.ViewChannel | P.ReadMessageHistory;
const WRITE = P.SendMessages | P.SendMessagesInThreads | P.EmbedLinks | P.AttachFiles | P.AddReactions;
const THREADS = P.CreatePublicThreads | P.CreatePrivateThreads;
const VOICE = P.Connect | P.Speak;
/** What archiving takes away from interns and observers. */
const ARCHIVED_DENY = WRITE | THREADS | P.Speak;

/**
 * The bot keeps its own way in everywhere (it posts announcements and the welcome message, opens
 * the interns' private threads, and must see a channel to archive or delete it later).
 */
const BOT_ALLOW =
  READ |
  P.SendMessages |
  P.SendMessagesInThreads |
  P.EmbedLinks |
  P.AttachFiles |
  P.CreatePrivateThreads |
  P.ManageThreads |
  P.Connect;

/** Guild-wide permissions of each role: the least each needs; channels grant the rest. */
export const ROLE_PERMISSIONS: Record<WorkspaceRole, bigint> = {
  // Organisers run the presentation day (scheduled events) and moderate threads everywhere.
  organiser: P.ManageEvents | P.ManageThreads,
  mentor: 0n,
  intern: 0n,
  agencyObserver: 0n,
};

const allowing = (target: OverwriteTarget, allow: bigint, deny = 0n): AbstractOverwrite => ({
  target,
  allow,
  deny,
});

function rawOverwrites(access: AccessPreset): AbstractOverwrite[] {
  const hidden = allowing("everyone", 0n, P.ViewChannel | VOICE);
  const bot = allowing("bot", BOT_ALLOW);
  switch (access) {
    case "public-read":
      return [allowing("everyone", READ, WRITE | THREADS), allowing("organiser", READ | WRITE), bot];
    case "members":
      return [
        hidden,
        allowing("organiser", READ | WRITE | P.CreatePublicThreads | VOICE),
        allowing("mentor", READ | WRITE | P.CreatePublicThreads | P.ManageThreads | VOICE),
        allowing("intern", READ | WRITE | P.CreatePublicThreads | VOICE),
        bot,
      ];
    case "everyone-in-programme":
      return [
        hidden,
        allowing("organiser", READ | WRITE | VOICE),
        allowing("mentor", READ | WRITE | VOICE),
        allowing("intern", READ | WRITE | VOICE),
        allowing("agencyObserver", READ | P.Connect),
        bot,
      ];
    case "staff":
      return [
        hidden,
        allowing("organiser", READ | WRITE | VOICE),
        allowing("mentor", READ | WRITE | VOICE),
        bot,
      ];
    case "agency":
      return [
        hidden,
        allowing("organiser", READ | WRITE),
        allowing("mentor", READ | WRITE),
        allowing("agencyObserver", READ | WRITE),
        bot,
      ];
    case "projects":
      return [
        hidden,
        allowing("organiser", READ | WRITE | P.ManageThreads | P.CreatePrivateThreads),
        allowing("mentor", READ | P.SendMessagesInThreads | P.ManageThreads | P.EmbedLinks | P.AttachFiles),
        // Interns write in their own private thread (the bot adds them to it); they create none.
        allowing(
          "intern",
          READ | P.SendMessagesInThreads | P.EmbedLinks | P.AttachFiles | P.AddReactions,
          P.SendMessages | THREADS,
        ),
        allowing("agencyObserver", 0n, P.ViewChannel),
        bot,
      ];
  }
}

/**
 * The permission overwrites of a category or channel with this access preset. Archived: interns
 * and agency observers keep reading but can no longer write, react, open threads or speak.
 */
export function overwritesFor(
  access: AccessPreset,
  options: { archived?: boolean } = {},
): AbstractOverwrite[] {
  const overwrites = rawOverwrites(access);
  if (!options.archived) return overwrites;
  const archived = overwrites.map((o) =>
    o.target === "intern" || o.target === "agencyObserver"
      ? { ...o, allow: o.allow & ~ARCHIVED_DENY, deny: o.deny | (o.allow & READ ? ARCHIVED_DENY : 0n) }
      : o,
  );
  return archived;
}

/** Every permission bit any overwrite or role of a workspace grants or denies. */
export function permissionsUsed(presets: Iterable<AccessPreset>): bigint {
  let bits = 0n;
  for (const preset of presets) {
    for (const o of [...overwritesFor(preset), ...overwritesFor(preset, { archived: true })]) {
      bits |= o.allow | o.deny;
    }
  }
  for (const role of Object.values(ROLE_PERMISSIONS)) bits |= role;
  return bits;
}

/** The names of the bits in `bits`, for messages ("ManageRoles, ManageChannels"). */
export function permissionNames(bits: bigint): PermissionName[] {
  return (Object.entries(P) as Array<[PermissionName, bigint]>)
    .filter(([, bit]) => (bits & bit) === bit)
    .map(([name]) => name);
}
