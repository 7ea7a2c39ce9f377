import { computePermissions, toBits } from "./permissions.ts";
import { randomToken, snowflake } from "./snowflake.ts";
import type { GuildState } from "./state.ts";
import type { ApiChannel, ApiMember, ApiMessage, ApiRole, ApiUser } from "./types.ts";

/**
 * Interactions as a user would send them: payload builders (exactly what discord.js
 * 14.28 reads), the record the fake keeps per interaction, and the handle a test
 * awaits to see what the bot answered.
 */

/** Interaction types. */
export const InteractionType = {
  Ping: 1,
  ApplicationCommand: 2,
  MessageComponent: 3,
  Autocomplete: 4,
  ModalSubmit: 5,
};

/** Interaction callback types. */
export const CallbackType = {
  Pong: 1,
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  AutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

/** Application command option types. */
export const OptionType = {
  Subcommand: 1,
  SubcommandGroup: 2,
  String: 3,
  Integer: 4,
  Boolean: 5,
  User: 6,
  Channel: 7,
  Role: 8,
  Mentionable: 9,
  Number: 10,
  Attachment: 11,
} as const;

/** A file a user attaches to a slash command option; the fake serves it at a local URL. */
export interface AttachmentInput {
  filename: string;
  content: string | Buffer;
  contentType?: string;
  /** Its signed URL stops working after this long, as Discord's `ex` does (default 24 h). */
  expiresInMs?: number;
  /** The size the interaction declares, when it should differ from the content's. */
  declaredSize?: number;
  /** Serve only this many bytes, then cut the connection (a download cut short). */
  servedBytes?: number;
}

/**
 * An option value. Plain values are typed from the registered command definition when
 * the bot registered the command (PUT commands), otherwise inferred (string → STRING,
 * integer → INTEGER, other number → NUMBER, boolean → BOOLEAN). Users, roles and
 * channels can be given as objects (or as ids when the definition says their type);
 * `{ type, value }` forces a type.
 */
export type OptionInput =
  | string
  | number
  | boolean
  | ApiUser
  | ApiRole
  | ApiChannel
  | AttachmentInput
  | { type: number; value: string | number | boolean };

/** Who acts and where (shared by every interaction helper). */
export interface ActorOptions {
  /** Guild (default: the first guild). Use `dm: true` for a DM interaction. */
  guildId?: string;
  /** Channel (default: the guild's first text channel, or the DM channel). */
  channelId?: string;
  /** The user (object or id; default: the guild's "tester" member). Added to the guild when not a member. */
  user?: ApiUser | string;
  /** Send the interaction from the user's DM with the bot instead of a guild. */
  dm?: boolean;
  /** User locale (default "en-US"). */
  locale?: string;
  /** `app_permissions` (default: the bot's computed permissions in the channel). */
  appPermissions?: bigint | string;
  /** `member.permissions` (default: the member's computed permissions in the channel). */
  memberPermissions?: bigint | string;
  /**
   * The gateway session that receives the interaction (one of `fake.gateway.sessionIds()`), as
   * when several bot processes are connected and Discord hands the interaction to one of them.
   * Default: every connected session.
   */
  session?: string;
}

export interface SlashCommandOptions extends ActorOptions {
  /** Command name. */
  name: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** Options by name, or the raw option array (sent unchanged; give `resolved` too). */
  options?: Record<string, OptionInput> | Record<string, unknown>[];
  /** Raw `resolved` to merge (for raw option arrays). */
  resolved?: Record<string, unknown>;
  /** Command type: 1 chat input (default), 2 user, 3 message. */
  commandType?: number;
  /** For user/message context menu commands: the target id. */
  targetId?: string;
}

export interface AutocompleteOptions extends SlashCommandOptions {
  /** The option being typed in; its value is what the user typed so far. */
  focused: string;
}

export interface ComponentOptions extends Omit<ActorOptions, "channelId" | "guildId" | "dm"> {
  /** The message holding the component (object or id). */
  message: ApiMessage | string;
  customId: string;
}

export interface SelectOptions extends ComponentOptions {
  values: string[];
  /** Component type (default: read from the message's component with this custom id). */
  componentType?: number;
}

export interface ModalSubmitOptions extends ActorOptions {
  /** The modal's custom id (default: the one of `modal`). */
  customId?: string;
  /** Text input values by custom id. */
  fields: Record<string, string>;
  /** The interaction the bot answered with this modal: mirrors its layout and reuses its user/channel. */
  modal?: InteractionHandle;
  /** The message the modal came from (for modals opened from a component). */
  message?: ApiMessage | string;
}

/** The callback the bot sent for an interaction. */
export interface InteractionCallback {
  type: number;
  data: Record<string, unknown> | undefined;
  /** performance.now() when the callback request arrived. */
  at: number;
}

/** What the fake knows about one interaction it dispatched. */
export interface InteractionRecord {
  id: string;
  token: string;
  type: number;
  payload: Record<string, unknown>;
  /** performance.now() when INTERACTION_CREATE was written to the socket. */
  dispatchedAt?: number;
  /** performance.now() when the callback request was received. */
  callbackAt?: number;
  callback?: InteractionCallback;
  /** The message of the original response (created by callback 4/5, or the component's message for 6/7). */
  originalMessageId?: string;
  /** Number of edits of the original response (PATCH @original or callback 7). */
  originalEdits: number;
  originalDeleted: boolean;
  followUpIds: string[];
  /** For a modal submit: the interaction that was answered with the modal. */
  triggeringInteractionId?: string;
  /** Errors the fake answered this interaction's routes with (e.g. double acknowledgement). */
  errors: Array<{ route: string; status: number; code: number; message: string }>;
}

/** The fake's side a handle needs (implemented by FakeDiscord). */
export interface InteractionHost {
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs: number, what: string): Promise<T>;
  findInteractionMessage(id: string): ApiMessage | undefined;
  readonly interactionTimeoutMs: number;
}

/**
 * A dispatched interaction. Await `response()` for the callback, `finalReply()` for
 * the message the user ends up seeing, `followUp(n)` for follow-ups.
 */
export class InteractionHandle {
  readonly record: InteractionRecord;
  private readonly host: InteractionHost;

  constructor(host: InteractionHost, record: InteractionRecord) {
    this.host = host;
    this.record = record;
  }

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** The INTERACTION_CREATE payload as dispatched. */
  get payload(): Record<string, unknown> {
    return this.record.payload;
  }

  /** Gateway dispatch → callback received, in ms (undefined until the callback arrives). */
  get latencyMs(): number | undefined {
    const { dispatchedAt, callbackAt } = this.record;
    return dispatchedAt !== undefined && callbackAt !== undefined ? callbackAt - dispatchedAt : undefined;
  }

  /** Resolves with the callback (type + data) once the bot sent it. */
  response(timeoutMs = this.host.interactionTimeoutMs + 2_000): Promise<InteractionCallback> {
    return this.host.waitFor(() => this.record.callback, timeoutMs, `callback for interaction ${this.id}`);
  }

  /** The original response message as it is now (undefined if none yet). */
  original(): ApiMessage | undefined {
    const id = this.record.originalMessageId;
    return id ? this.host.findInteractionMessage(id) : undefined;
  }

  /**
   * Resolves with the message the user sees as the reply: the message of a type 4
   * callback, the updated message of a type 7, or — after a deferral (5 or 6) — the
   * message once the bot edited @original. Rejects when the bot answered with a modal
   * or autocomplete choices.
   */
  async finalReply(timeoutMs = 10_000): Promise<ApiMessage> {
    const cb = await this.response(timeoutMs);
    if (cb.type === CallbackType.Modal || cb.type === CallbackType.AutocompleteResult) {
      throw new Error(`interaction ${this.id} was answered with callback type ${cb.type}, not a message`);
    }
    const deferred =
      cb.type === CallbackType.DeferredChannelMessageWithSource ||
      cb.type === CallbackType.DeferredUpdateMessage;
    return this.host.waitFor(
      () => {
        if (deferred && this.record.originalEdits === 0) return undefined;
        return this.original();
      },
      timeoutMs,
      `final reply of interaction ${this.id}`,
    );
  }

  /** Follow-up messages so far. */
  followUps(): ApiMessage[] {
    return this.record.followUpIds
      .map((id) => this.host.findInteractionMessage(id))
      .filter((m): m is ApiMessage => m !== undefined);
  }

  /** Resolves with the n-th follow-up (1-based) once it exists. */
  followUp(n = 1, timeoutMs = 10_000): Promise<ApiMessage> {
    return this.host.waitFor(
      () => this.followUps()[n - 1],
      timeoutMs,
      `follow-up #${n} of interaction ${this.id}`,
    );
  }

  /** Resolves with the modal (callback type 9 data) the bot showed. */
  async modal(timeoutMs?: number): Promise<Record<string, unknown>> {
    const cb = await this.response(timeoutMs);
    if (cb.type !== CallbackType.Modal) throw new Error(`expected a modal, got callback type ${cb.type}`);
    return cb.data ?? {};
  }

  /** Resolves with the autocomplete choices (callback type 8). */
  async choices(timeoutMs?: number): Promise<Array<{ name: string; value: string | number }>> {
    const cb = await this.response(timeoutMs);
    if (cb.type !== CallbackType.AutocompleteResult)
      throw new Error(`expected choices, got callback type ${cb.type}`);
    return (cb.data?.choices as Array<{ name: string; value: string | number }> | undefined) ?? [];
  }
}

/** Context to build payloads: resolved guild, channel, user, member. */
export interface Scene {
  applicationId: string;
  guild: GuildState | undefined;
  channel: ApiChannel;
  user: ApiUser;
  member: ApiMember | undefined;
  bot: ApiMember | undefined;
  locale: string;
  appPermissions?: bigint | string | undefined;
  memberPermissions?: bigint | string | undefined;
  baseUrl: string;
}

function memberPermissionBits(scene: Scene, member: ApiMember | undefined): bigint {
  if (!scene.guild || !member) return 0n;
  return computePermissions({
    guildId: scene.guild.id,
    ownerId: scene.guild.ownerId,
    roles: scene.guild.roles,
    member,
    channel: scene.channel,
  });
}

/** The fields every interaction carries. */
export function basePayload(
  scene: Scene,
  type: number,
  data: Record<string, unknown>,
): Record<string, unknown> {
  const id = snowflake();
  const appPermissions =
    scene.appPermissions !== undefined
      ? toBits(scene.appPermissions)
      : memberPermissionBits(scene, scene.bot);
  const payload: Record<string, unknown> = {
    id,
    application_id: scene.applicationId,
    type,
    token: randomToken(),
    version: 1,
    data,
    channel_id: scene.channel.id,
    channel: { ...scene.channel },
    locale: scene.locale,
    app_permissions: String(scene.guild ? appPermissions : toBits(scene.appPermissions ?? "0")),
    entitlements: [],
    attachment_size_limit: 10 * 1024 * 1024,
  };
  if (scene.guild) {
    const memberPermissions =
      scene.memberPermissions !== undefined
        ? toBits(scene.memberPermissions)
        : memberPermissionBits(scene, scene.member);
    payload.guild_id = scene.guild.id;
    payload.guild = { id: scene.guild.id, locale: scene.guild.preferredLocale, features: [] };
    payload.guild_locale = scene.guild.preferredLocale;
    payload.member = {
      ...(scene.member as ApiMember),
      user: scene.user,
      permissions: String(memberPermissions),
    };
    payload.authorizing_integration_owners = { "0": scene.guild.id };
    payload.context = 0;
  } else {
    payload.user = scene.user;
    payload.authorizing_integration_owners = {};
    payload.context = 1;
  }
  return payload;
}

/** The partial channel Discord puts in `resolved.channels`. */
function resolvedChannel(channel: ApiChannel, permissions: bigint): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: channel.id,
    name: channel.name,
    type: channel.type,
    permissions: String(permissions),
    flags: channel.flags,
  };
  if (channel.guild_id) out.guild_id = channel.guild_id;
  if (channel.parent_id !== undefined) out.parent_id = channel.parent_id;
  if (channel.thread_metadata) out.thread_metadata = channel.thread_metadata;
  return out;
}

export interface OptionResolver {
  user(id: string): ApiUser | undefined;
  role(id: string): ApiRole | undefined;
  channel(id: string): ApiChannel | undefined;
  attachment(input: AttachmentInput): Record<string, unknown>;
}

function isAttachmentInput(v: unknown): v is AttachmentInput {
  return typeof v === "object" && v !== null && "filename" in v && "content" in v;
}

/**
 * Builds the `options` and `resolved` of an application command interaction from
 * convenient inputs, using the command definition (if registered) for the types.
 */
export function buildOptions(
  scene: Scene,
  resolver: OptionResolver,
  definition: Record<string, unknown>[] | undefined,
  inputs: Record<string, OptionInput>,
  focused?: string,
): { options: Record<string, unknown>[]; resolved: Record<string, Record<string, unknown>> } {
  const resolved: Record<string, Record<string, unknown>> = {};
  const put = (kind: string, id: string, value: unknown) => {
    resolved[kind] ??= {};
    (resolved[kind] as Record<string, unknown>)[id] = value;
  };
  const addUser = (user: ApiUser) => {
    put("users", user.id, user);
    const member = scene.guild?.getMember(user.id);
    if (member) {
      const { user: _omit, ...rest } = member;
      put("members", user.id, { ...rest, permissions: String(memberPermissionBits(scene, member)) });
    }
  };
  const options: Record<string, unknown>[] = [];
  for (const [name, input] of Object.entries(inputs)) {
    const def = definition?.find((d) => d.name === name);
    let type = def?.type as number | undefined;
    let value: unknown = input;
    if (isAttachmentInput(input)) {
      type = OptionType.Attachment;
      const attachment = resolver.attachment(input);
      put("attachments", attachment.id as string, attachment);
      value = attachment.id;
    } else if (typeof input === "object" && input !== null && "value" in input && "type" in input) {
      type = Number(input.type);
      value = input.value;
    } else if (typeof input === "object" && input !== null) {
      const obj = input as unknown as Record<string, unknown>;
      if ("username" in obj) type ??= OptionType.User;
      else if ("permissions" in obj && "position" in obj && "hoist" in obj) type ??= OptionType.Role;
      else type ??= OptionType.Channel;
      value = obj.id;
    } else if (type === undefined) {
      if (typeof input === "string") type = OptionType.String;
      else if (typeof input === "boolean") type = OptionType.Boolean;
      else type = Number.isInteger(input) ? OptionType.Integer : OptionType.Number;
    }
    if (focused !== name) {
      const id = String(value);
      if (type === OptionType.User || type === OptionType.Mentionable) {
        const user = resolver.user(id);
        if (user) addUser(user);
        else if (type === OptionType.Mentionable) {
          const role = resolver.role(id);
          if (role) put("roles", id, role);
        }
      } else if (type === OptionType.Role) {
        const role = resolver.role(id);
        if (role) put("roles", id, role);
      } else if (type === OptionType.Channel) {
        const channel = resolver.channel(id);
        if (channel) put("channels", id, resolvedChannel(channel, memberPermissionBits(scene, scene.member)));
      }
    }
    options.push({ name, type, value, ...(focused === name ? { focused: true } : {}) });
  }
  return { options, resolved };
}

/** Finds the component with a custom id in a message (any depth). */
export function findComponent(components: unknown, customId: string): Record<string, unknown> | undefined {
  if (!Array.isArray(components)) return undefined;
  for (const c of components as Record<string, unknown>[]) {
    if (c.custom_id === customId) return c;
    const inner =
      findComponent(c.components, customId) ??
      (c.component ? findComponent([c.component], customId) : undefined) ??
      (c.accessory ? findComponent([c.accessory], customId) : undefined);
    if (inner) return inner;
  }
  return undefined;
}

/**
 * The `components` of a modal submit: mirrors the modal's layout (action rows or
 * labels) when known, else one action row per text input.
 */
export function modalSubmitComponents(
  fields: Record<string, string>,
  modal: Record<string, unknown> | undefined,
): Record<string, unknown>[] {
  const layout = modal?.components as Record<string, unknown>[] | undefined;
  if (layout?.length) {
    let nextId = 1;
    const mapInput = (c: Record<string, unknown>): Record<string, unknown> => {
      const id = typeof c.id === "number" ? c.id : nextId++;
      if (c.type === 4)
        return { type: 4, id, custom_id: c.custom_id, value: fields[String(c.custom_id)] ?? "" };
      if (c.type === 3 || (typeof c.type === "number" && c.type >= 5 && c.type <= 8)) {
        const v = fields[String(c.custom_id)];
        return { type: c.type, id, custom_id: c.custom_id, values: v === undefined ? [] : v.split(",") };
      }
      return { type: c.type, id };
    };
    return layout.map((row) => {
      const id = typeof row.id === "number" ? row.id : nextId++;
      if (Array.isArray(row.components)) {
        return {
          type: row.type,
          id,
          components: (row.components as Record<string, unknown>[]).map(mapInput),
        };
      }
      if (row.component && typeof row.component === "object") {
        return { type: row.type, id, component: mapInput(row.component as Record<string, unknown>) };
      }
      return { type: row.type, id };
    });
  }
  let id = 1;
  return Object.entries(fields).map(([customId, value]) => ({
    type: 1,
    id: id++,
    components: [{ type: 4, id: id++, custom_id: customId, value }],
  }));
}
