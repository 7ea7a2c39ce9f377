/**
 * What changed in the fake server during a step: channels, threads, roles and scheduled events
 * created, renamed or deleted; roles given to or taken from members; and new messages everyone
 * can see (ephemeral replies are excluded).
 */
import type { ApiMessage, FakeDiscord } from "../harness/fake-discord/index.ts";

/** The parts of the server a person would notice. */
export interface ServerSnapshot {
  channels: Map<string, string>;
  roles: Map<string, string>;
  events: Map<string, string>;
  memberRoles: Map<string, { name: string; roles: Set<string> }>;
  messageIds: Set<string>;
}

const CHANNEL_KIND: Record<number, string> = {
  0: "#",
  2: "🔊",
  4: "▤ ",
  5: "📢#",
  10: "🧵",
  11: "🧵",
  12: "🔒🧵",
  13: "🎙",
  15: "💬",
  16: "🖼",
};

export function snapshotServer(fake: FakeDiscord): ServerSnapshot {
  const guild = fake.guild;
  const channels = new Map<string, string>();
  for (const channel of [...guild.channels.values(), ...guild.threads.values()]) {
    const parent = channel.parent_id ? fake.channel(channel.parent_id)?.name : undefined;
    channels.set(
      channel.id,
      `${CHANNEL_KIND[channel.type] ?? ""}${channel.name ?? channel.id}${parent ? ` (in ${parent})` : ""}`,
    );
  }
  const roles = new Map([...guild.roles.values()].map((role) => [role.id, `@${role.name}`]));
  const events = new Map([...guild.scheduledEvents.values()].map((e) => [e.id, `event “${e.name}”`]));
  const memberRoles = new Map(
    [...guild.members.values()].map((m) => [
      m.user.id,
      { name: m.user.global_name ?? m.user.username, roles: new Set(m.roles) },
    ]),
  );
  const messageIds = new Set<string>();
  for (const messages of fake.store.messages.values()) {
    for (const message of messages.values()) if (!(message.flags & 64)) messageIds.add(message.id);
  }
  return { channels, roles, events, memberRoles, messageIds };
}

function mapChanges(before: Map<string, string>, after: Map<string, string>): string[] {
  const out: string[] = [];
  for (const [id, name] of after) {
    const old = before.get(id);
    if (old === undefined) out.push(`+ ${name}`);
    else if (old !== name) out.push(`${old} → ${name}`);
  }
  for (const [id, name] of before) if (!after.has(id)) out.push(`− ${name}`);
  return out;
}

/** Changes as short phrases ("+ #general", "Maya Chen +@Interns") and the new public messages. */
export function diffServer(
  before: ServerSnapshot,
  after: ServerSnapshot,
  messages: (id: string) => ApiMessage | undefined,
): { changes: string[]; newMessages: ApiMessage[] } {
  const changes = [
    ...mapChanges(before.channels, after.channels),
    ...mapChanges(before.roles, after.roles),
    ...mapChanges(before.events, after.events),
  ];
  for (const [userId, member] of after.memberRoles) {
    const old = before.memberRoles.get(userId)?.roles ?? new Set<string>();
    const added = [...member.roles].filter((r) => !old.has(r)).map((r) => after.roles.get(r) ?? r);
    const removed = [...old]
      .filter((r) => !member.roles.has(r))
      .map((r) => after.roles.get(r) ?? before.roles.get(r) ?? r);
    if (added.length || removed.length) {
      changes.push(
        `${member.name} ${[...added.map((r) => `+${r}`), ...removed.map((r) => `−${r}`)].join(" ")}`,
      );
    }
  }
  const newMessages = [...after.messageIds]
    .filter((id) => !before.messageIds.has(id))
    .map(messages)
    .filter((m): m is ApiMessage => m !== undefined);
  return { changes, newMessages };
}
