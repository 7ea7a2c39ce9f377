import { EventEmitter } from "node:events";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ErrorObject } from "ajv/dist/2020.js";
import { Gateway } from "./gateway.ts";
import { handleHttp } from "./http.ts";
import {
  type ActorOptions,
  type AttachmentInput,
  type AutocompleteOptions,
  basePayload,
  buildOptions,
  CallbackType,
  type ComponentOptions,
  findComponent,
  InteractionHandle,
  type InteractionHost,
  type InteractionRecord,
  InteractionType,
  type ModalSubmitOptions,
  modalSubmitComponents,
  type OptionInput,
  type Scene,
  type SelectOptions,
  type SlashCommandOptions,
} from "./interactions.ts";
import { buildMessage } from "./messages.ts";
import { type BucketRule, type FailRule, RateLimiter } from "./ratelimit.ts";
import { normalizeOverwrite, postMessage, routes } from "./routes.ts";
import { snowflake } from "./snowflake.ts";
import { type DiscordSpec, loadSpec } from "./spec.ts";
import { type GuildSeed, type GuildState, makeMember, makeRole, Store } from "./state.ts";
import type { ApiChannel, ApiMember, ApiMessage, ApiRole, ApiUser } from "./types.ts";
import { ChannelType } from "./types.ts";

export interface FakeDiscordOptions {
  /** Bot token the fake accepts (REST `Authorization: Bot <token>` and gateway IDENTIFY). Default "fake-bot-token". */
  token?: string;
  /** The bot's username (its user id is also the application id). Default "Taiken". */
  botName?: string;
  /** The first (default) guild. */
  guild?: GuildSeed;
  /** Shorthand for `guild.memberCount`: simulate a guild this big (synthetic members, served lazily). */
  memberCount?: number;
  /** More guilds. */
  extraGuilds?: GuildSeed[];
  /** Send Discord-like rate-limit headers and answer 429 when exceeded. Default false. */
  rateLimits?: boolean;
  /** Override per-route limits ("METHOD template" → { limit, windowMs }), e.g. short windows in tests. */
  rateLimitRules?: Record<string, BucketRule>;
  /** Validate request bodies against the OpenAPI spec. Default true. */
  validate?: boolean;
  /** Answer spec violations with 400 Invalid Form Body (else only record them). Default true. */
  rejectInvalid?: boolean;
  /** Also validate the fake's own responses against the spec (records `responseViolations`). Default false. */
  validateResponses?: boolean;
  /** Path of openapi.json (default: shared/discord-api-spec/openapi.json). */
  specPath?: string;
  /**
   * Compile the spec validators of every implemented route at start (~1 s once per
   * process) instead of on first use. Use it for benchmarks that time early requests.
   * Default false.
   */
  precompileValidators?: boolean;
  /** Discord rejects a callback arriving this long after the interaction (10062 Unknown interaction). Default 3000. */
  interactionTimeoutMs?: number;
}

/** One REST request, as received and answered. */
export interface RecordedRequest {
  id: number;
  method: string;
  /** "METHOD template", e.g. "POST /guilds/{guild_id}/channels" (the raw path when the spec has no such route). */
  route: string;
  /** Spec path template, or null when the path is not in the spec. */
  template: string | null;
  /** Decoded path after /api/v10, e.g. "/webhooks/1/tok/messages/@original". */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  /** Parsed JSON body, or the `payload_json` of a multipart body. */
  body: unknown;
  files: Array<{ field: string; filename: string; size: number; contentType: string }>;
  /** The Authorization header was a valid bot token. */
  authorized: boolean;
  auditLogReason?: string;
  status: number;
  response: unknown;
  /** performance.now() when the request arrived / when the answer was written. */
  receivedAt: number;
  answeredAt: number;
}

/** A request the spec referee objected to. */
export interface SpecViolation {
  /** request-body: the body fails the operation's schema; not-in-spec: no such path; method-not-in-spec: no such method on the path. */
  kind: "request-body" | "not-in-spec" | "method-not-in-spec";
  method: string;
  path: string;
  route: string;
  body: unknown;
  errors: ErrorObject[];
}

/** A fake response that does not match the spec's response schema (only with `validateResponses`). */
export interface ResponseViolation {
  route: string;
  status: number;
  body: unknown;
  errors: ErrorObject[];
}

/**
 * A local Discord: HTTP API on /api/v10, gateway over WebSocket, in-memory guild
 * state, spec referee, rate limits, and helpers to act as users. Create it with
 * `startFakeDiscord()` (see index.ts for the documented API).
 */
export class FakeDiscord implements InteractionHost {
  readonly store: Store;
  readonly gateway: Gateway;
  readonly spec: DiscordSpec | undefined;
  readonly limiter: RateLimiter;
  readonly token: string;
  readonly interactionTimeoutMs: number;
  /** Every REST request, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Requests the spec referee objected to. */
  readonly violations: SpecViolation[] = [];
  /** Fake responses that do not match the spec (only with `validateResponses: true`). */
  readonly responseViolations: ResponseViolation[] = [];
  /** Requests to spec routes this fake does not implement (answered 404). */
  readonly unhandled: RecordedRequest[] = [];
  /** Every interaction sent, by id. */
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  /** Messages created through interactions (responses and follow-ups, ephemeral included), by id. */
  readonly interactionMessages = new Map<string, ApiMessage>();
  /** Emits "change" after every answered request and every gateway dispatch. */
  readonly events = new EventEmitter();
  readonly options: FakeDiscordOptions;
  private readonly server: Server;
  private port = 0;
  private requestCounter = 0;
  private closed = false;

  constructor(options: FakeDiscordOptions = {}) {
    this.options = options;
    this.token = options.token ?? "fake-bot-token";
    this.interactionTimeoutMs = options.interactionTimeoutMs ?? 3_000;
    this.store = new Store(options.botName);
    this.store.createGuild({
      ...options.guild,
      memberCount: options.memberCount ?? options.guild?.memberCount,
    });
    for (const seed of options.extraGuilds ?? []) this.store.createGuild(seed);
    this.spec = options.validate === false ? undefined : loadSpec(options.specPath);
    if (options.precompileValidators) this.spec?.precompile(Object.keys(routes));
    this.limiter = new RateLimiter(options.rateLimits ?? false, options.rateLimitRules);
    this.events.setMaxListeners(0);
    this.gateway = new Gateway({ store: this.store, token: this.token, gatewayUrl: () => this.gatewayUrl });
    this.server = createServer((req, res) => {
      handleHttp(this, req, res).catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ message: `fake-discord internal error: ${String(error)}`, code: 0 }));
      });
    });
    this.server.keepAliveTimeout = 1_000;
    this.server.on("upgrade", (req, socket, head) => this.gateway.handleUpgrade(req, socket, head));
  }

  /** A new id for a recorded request. */
  nextRequestId(): number {
    this.requestCounter += 1;
    return this.requestCounter;
  }

  /** Starts listening on 127.0.0.1 (port 0 = ephemeral). */
  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** http://127.0.0.1:PORT */
  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** The discord.js `rest.api` value: http://127.0.0.1:PORT/api (the library appends /v10). */
  get apiUrl(): string {
    return `${this.baseUrl}/api`;
  }

  /** The gateway URL served by GET /gateway/bot. */
  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}/gateway`;
  }

  /** The first guild. */
  get guild(): GuildState {
    return this.store.guilds.values().next().value as GuildState;
  }

  /** The bot user (its id is the application id). */
  get bot(): ApiUser {
    return this.store.bot;
  }

  get applicationId(): string {
    return this.store.applicationId;
  }

  // ------------------------------------------------------------------ lookups

  private guildFor(guildId?: string): GuildState {
    const guild = guildId ? this.store.guilds.get(guildId) : this.guild;
    if (!guild) throw new Error(`fake-discord: unknown guild ${guildId}`);
    return guild;
  }

  /** A channel or thread by id, or a guild channel by name (first guild unless guildId). */
  channel(idOrName: string, guildId?: string): ApiChannel | undefined {
    const byId = this.store.channels.get(idOrName);
    if (byId) return byId;
    const guild = this.guildFor(guildId);
    return [...guild.channels.values(), ...guild.threads.values()].find((c) => c.name === idOrName);
  }

  /** A role by id or name. */
  role(idOrName: string, guildId?: string): ApiRole | undefined {
    const guild = this.guildFor(guildId);
    return guild.roles.get(idOrName) ?? [...guild.roles.values()].find((r) => r.name === idOrName);
  }

  /** A member (explicit or synthetic) by user id. */
  member(userId: string, guildId?: string): ApiMember | undefined {
    return this.guildFor(guildId).getMember(userId);
  }

  /** Messages of a channel, oldest first (ephemeral interaction replies excluded). */
  messages(channelId: string): ApiMessage[] {
    return [...(this.store.messages.get(channelId)?.values() ?? [])].filter((m) => !(m.flags & 64));
  }

  /** The registered commands (guild ones first), e.g. to assert what the bot deployed. */
  commands(guildId?: string): Array<Record<string, unknown>> {
    return [...this.guildFor(guildId).commands.values(), ...this.store.globalCommands.values()];
  }

  /** Requests whose route ("METHOD template") matches. */
  requestsTo(route: string): RecordedRequest[] {
    return this.requests.filter((r) => r.route === route);
  }

  findInteractionMessage(id: string): ApiMessage | undefined {
    return this.interactionMessages.get(id) ?? this.store.findMessage(id);
  }

  applicationObject(): Record<string, unknown> {
    const owner = this.store.users.get(this.guild.ownerId) as ApiUser;
    return {
      id: this.store.applicationId,
      name: this.store.bot.username,
      icon: null,
      description: "",
      summary: "",
      type: null,
      bot: this.store.bot,
      bot_public: true,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: (1 << 15) | (1 << 19) | (1 << 23),
      flags_new: String((1 << 15) | (1 << 19) | (1 << 23)),
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      owner,
      approximate_guild_count: this.store.guilds.size,
      approximate_user_install_count: 0,
      approximate_user_authorization_count: 0,
      explicit_content_filter: 0,
      team: null,
      eligible_oauth2_scopes: [],
      integration_types_config: { "0": {} },
      tags: [],
    };
  }

  // ------------------------------------------------------------------ waiting

  /** Signals a state change to waiters. */
  changed(): void {
    this.events.emit("change");
  }

  /**
   * Resolves with the first truthy value of `check`, re-evaluated after every request
   * the fake answers and every dispatch; rejects after `timeoutMs`.
   */
  waitFor<T>(check: () => T | undefined | null | false, timeoutMs = 5_000, what = "condition"): Promise<T> {
    const first = check();
    if (first) return Promise.resolve(first);
    return new Promise<T>((resolve, reject) => {
      const onChange = () => {
        let value: T | undefined | null | false;
        try {
          value = check();
        } catch (error) {
          cleanup();
          reject(error);
          return;
        }
        if (value) {
          cleanup();
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake-discord: timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off("change", onChange);
      };
      this.events.on("change", onChange);
    });
  }

  /** Resolves with the `count`-th request (counting from now) to `route` ("METHOD template"). */
  waitForRequest(route: string, timeoutMs = 5_000, count = 1): Promise<RecordedRequest> {
    const start = this.requests.length;
    return this.waitFor(
      () => this.requests.slice(start).filter((r) => r.route === route && r.answeredAt > 0)[count - 1],
      timeoutMs,
      `request ${route}`,
    );
  }

  // ------------------------------------------------------------------ setup helpers

  /** Creates a user (not a member of any guild). */
  addUser(init: { id?: string; username: string; globalName?: string; bot?: boolean }): ApiUser {
    return this.store.addUser({
      username: init.username,
      ...(init.id ? { id: init.id } : {}),
      ...(init.globalName ? { global_name: init.globalName } : {}),
      ...(init.bot ? { bot: true } : {}),
    });
  }

  /**
   * Adds a member to a guild (creating the user when needed) and dispatches
   * GUILD_MEMBER_ADD. `roles` are role ids or names.
   */
  addMember(
    init: {
      user?: ApiUser;
      id?: string;
      username?: string;
      globalName?: string;
      nick?: string;
      roles?: string[];
      guildId?: string;
      bot?: boolean;
    } = {},
  ): ApiMember {
    const guild = this.guildFor(init.guildId);
    const user =
      init.user ??
      this.addUser({
        username: init.username ?? `user${this.store.users.size}`,
        ...(init.id ? { id: init.id } : {}),
        ...(init.globalName ? { globalName: init.globalName } : {}),
        ...(init.bot ? { bot: true } : {}),
      });
    this.store.users.set(user.id, user);
    const existing = guild.members.get(user.id);
    if (existing) return existing;
    const roles = (init.roles ?? []).map((r) => {
      const role = this.role(r, guild.id);
      if (!role) throw new Error(`fake-discord: unknown role ${r}`);
      return role.id;
    });
    const member = makeMember(user, { roles, ...(init.nick ? { nick: init.nick } : {}) });
    guild.members.set(user.id, member);
    this.gateway.dispatch("GUILD_MEMBER_ADD", { ...member, guild_id: guild.id });
    this.changed();
    return member;
  }

  /** Removes a member and dispatches GUILD_MEMBER_REMOVE. */
  removeMember(userId: string, guildId?: string): void {
    const guild = this.guildFor(guildId);
    const user = guild.getMember(userId)?.user;
    if (user && guild.removeMember(userId)) {
      this.gateway.dispatch("GUILD_MEMBER_REMOVE", { guild_id: guild.id, user });
      this.changed();
    }
  }

  /** Creates a channel as if an admin did (dispatches CHANNEL_CREATE). */
  createChannel(init: {
    name: string;
    type?: number;
    parentId?: string;
    guildId?: string;
    permissionOverwrites?: Array<{
      id: string;
      type: 0 | 1;
      allow?: string | bigint;
      deny?: string | bigint;
    }>;
    [raw: string]: unknown;
  }): ApiChannel {
    const { guildId, parentId, permissionOverwrites, ...raw } = init;
    const guild = this.guildFor(guildId);
    const channel = this.store.addGuildChannel(guild, {
      ...raw,
      type: init.type ?? ChannelType.GuildText,
      ...(parentId ? { parent_id: parentId } : {}),
    });
    if (permissionOverwrites) {
      channel.permission_overwrites = permissionOverwrites.map((o) => normalizeOverwrite({ ...o }));
    }
    this.gateway.dispatch("CHANNEL_CREATE", { ...channel });
    this.changed();
    return channel;
  }

  /** Creates a role as if an admin did (dispatches GUILD_ROLE_CREATE). */
  createRole(init: {
    name: string;
    permissions?: bigint | string;
    color?: number;
    guildId?: string;
  }): ApiRole {
    const guild = this.guildFor(init.guildId);
    for (const r of guild.roles.values()) if (r.position >= 1) r.position += 1;
    const role = makeRole({
      id: snowflake(),
      name: init.name,
      position: 1,
      permissions: String(init.permissions ?? 0n),
      color: init.color ?? 0,
    });
    guild.roles.set(role.id, role);
    this.gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: guild.id, role });
    this.changed();
    return role;
  }

  /** A user writes a message in a channel (dispatches MESSAGE_CREATE). */
  sendUserMessage(init: {
    channelId: string;
    user?: ApiUser | string;
    content: string;
    embeds?: Record<string, unknown>[];
  }): ApiMessage {
    const channel = this.store.channels.get(init.channelId);
    if (!channel) throw new Error(`fake-discord: unknown channel ${init.channelId}`);
    const user = this.resolveUser(init.user);
    const message = buildMessage(this.store, {
      channelId: channel.id,
      guildId: channel.guild_id,
      author: user,
      body: { content: init.content, embeds: init.embeds ?? [] },
      baseUrl: this.baseUrl,
    });
    postMessage(this, message);
    this.changed();
    return message;
  }

  /** Makes the next matching REST requests fail (status 429, 500, ...). */
  failNext(rule: FailRule): void {
    this.limiter.failNext(rule);
  }

  /** Turns Discord-like rate limits on or off at run time. */
  setRateLimits(enabled: boolean): void {
    this.limiter.enabled = enabled;
  }

  /** Clears recorded requests, violations and gateway logs (state is kept). */
  clearLog(): void {
    this.requests.length = 0;
    this.violations.length = 0;
    this.responseViolations.length = 0;
    this.unhandled.length = 0;
    this.gateway.clearLog();
  }

  // ------------------------------------------------------------------ interactions

  private resolveUser(user: ApiUser | string | undefined): ApiUser {
    if (typeof user === "string") {
      const found = this.store.getUser(user);
      if (!found) throw new Error(`fake-discord: unknown user ${user}`);
      return found;
    }
    return user ?? this.store.tester;
  }

  private scene(opts: ActorOptions & { channel?: ApiChannel }): Scene {
    let guild: GuildState | undefined;
    let channel: ApiChannel | undefined = opts.channel;
    if (!opts.dm) {
      if (channel) guild = this.store.guildOf(channel);
      else if (opts.channelId) {
        channel = this.store.channels.get(opts.channelId);
        if (!channel) throw new Error(`fake-discord: unknown channel ${opts.channelId}`);
        guild = this.store.guildOf(channel);
      } else {
        guild = this.guildFor(opts.guildId);
        channel = [...guild.channels.values()].find((c) => c.type === ChannelType.GuildText);
      }
    }
    const user = this.resolveUser(opts.user);
    if (opts.dm || !guild) channel = this.store.dmChannel(user);
    let member: ApiMember | undefined;
    if (guild) {
      member = guild.getMember(user.id) ?? this.addMember({ user, guildId: guild.id });
    }
    if (!channel) throw new Error("fake-discord: the guild has no text channel; pass channelId");
    return {
      applicationId: this.store.applicationId,
      guild: opts.dm ? undefined : guild,
      channel,
      user,
      member: opts.dm ? undefined : member,
      bot: guild?.getMember(this.store.bot.id),
      locale: opts.locale ?? "en-US",
      appPermissions: opts.appPermissions,
      memberPermissions: opts.memberPermissions,
      baseUrl: this.baseUrl,
    };
  }

  private attachmentFor(channelId: string, input: AttachmentInput): Record<string, unknown> {
    const id = snowflake();
    const data = typeof input.content === "string" ? Buffer.from(input.content) : input.content;
    const contentType = input.contentType ?? "application/octet-stream";
    // Discord signs attachment URLs: `ex` (expiry, hex unix seconds), `is` (issued), `hm` (signature).
    const expiresAt = Date.now() + (input.expiresInMs ?? 24 * 3600 * 1000);
    const hex = (ms: number) => Math.floor(ms / 1000).toString(16);
    this.store.files.set(id, {
      data,
      contentType,
      filename: input.filename,
      expiresAt,
      ...(input.servedBytes === undefined ? {} : { servedBytes: input.servedBytes }),
    });
    const signed = `ex=${hex(expiresAt)}&is=${hex(Date.now())}&hm=${id.slice(-8)}`;
    const url = `${this.baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(input.filename)}?${signed}`;
    return {
      id,
      filename: input.filename,
      size: input.declaredSize ?? data.length,
      url,
      proxy_url: url,
      content_type: contentType,
      ephemeral: true,
    };
  }

  private dispatchInteraction(payload: Record<string, unknown>, session?: string): InteractionHandle {
    const record: InteractionRecord = {
      id: payload.id as string,
      token: payload.token as string,
      type: payload.type as number,
      payload,
      originalEdits: 0,
      originalDeleted: false,
      followUpIds: [],
      errors: [],
    };
    this.interactions.set(record.id, record);
    this.interactionsByToken.set(record.token, record);
    const at = this.gateway.dispatch("INTERACTION_CREATE", payload, session);
    if (at === undefined)
      throw new Error(
        session === undefined
          ? "fake-discord: no gateway client is connected to receive the interaction"
          : `fake-discord: gateway session ${session} is not connected to receive the interaction`,
      );
    record.dispatchedAt = at;
    this.changed();
    return new InteractionHandle(this, record);
  }

  private commandData(opts: SlashCommandOptions, scene: Scene, focused?: string): Record<string, unknown> {
    const type = opts.commandType ?? 1;
    const guildCommands = scene.guild ? [...scene.guild.commands.values()] : [];
    const registered = [...guildCommands, ...this.store.globalCommands.values()].find(
      (c) => c.name === opts.name && c.type === type,
    );
    let definition = registered?.options as Array<Record<string, unknown>> | undefined;
    const pick = (name: string | undefined) => {
      if (!name) return;
      definition = definition?.find((o) => o.name === name)?.options as
        | Array<Record<string, unknown>>
        | undefined;
    };
    pick(opts.subcommandGroup);
    pick(opts.subcommand);
    let options: Record<string, unknown>[] = [];
    let resolved: Record<string, unknown> = { ...opts.resolved };
    if (Array.isArray(opts.options)) {
      options = opts.options;
    } else if (opts.options) {
      const built = buildOptions(
        scene,
        {
          user: (id) => this.store.getUser(id),
          role: (id) => scene.guild?.roles.get(id),
          channel: (id) => this.store.channels.get(id),
          attachment: (input) => this.attachmentFor(scene.channel.id, input),
        },
        definition,
        opts.options as Record<string, OptionInput>,
        focused,
      );
      options = built.options;
      resolved = { ...built.resolved, ...resolved };
    }
    if (opts.subcommand) options = [{ type: 1, name: opts.subcommand, options }];
    if (opts.subcommandGroup) options = [{ type: 2, name: opts.subcommandGroup, options }];
    const data: Record<string, unknown> = {
      id: registered?.id ?? snowflake(),
      name: opts.name,
      type,
      ...(options.length || type === 1 ? { options } : {}),
      ...(Object.keys(resolved).length ? { resolved } : {}),
    };
    if (registered?.guild_id) data.guild_id = registered.guild_id;
    if (opts.targetId) data.target_id = opts.targetId;
    return data;
  }

  /**
   * A user runs a slash command (or, with `commandType` 2/3 and `targetId`, a context
   * menu command). Option types come from the command the bot registered, if any.
   */
  sendSlashCommand(opts: SlashCommandOptions): InteractionHandle {
    const scene = this.scene(opts);
    return this.dispatchInteraction(
      basePayload(scene, InteractionType.ApplicationCommand, this.commandData(opts, scene)),
      opts.session,
    );
  }

  /** A user types in an autocomplete option (`focused`: its name; its value: the text so far). */
  autocomplete(opts: AutocompleteOptions): InteractionHandle {
    const scene = this.scene(opts);
    return this.dispatchInteraction(
      basePayload(scene, InteractionType.Autocomplete, this.commandData(opts, scene, opts.focused)),
      opts.session,
    );
  }

  private componentMessage(message: ApiMessage | string): ApiMessage {
    const id = typeof message === "string" ? message : message.id;
    const found = this.findInteractionMessage(id);
    if (!found) throw new Error(`fake-discord: unknown message ${id}`);
    return found;
  }

  /** A user clicks a button on a message. */
  clickButton(opts: ComponentOptions): InteractionHandle {
    const message = this.componentMessage(opts.message);
    const channel = this.store.channels.get(message.channel_id);
    const scene = this.scene({ ...opts, ...(channel ? { channel } : { dm: true }) });
    const payload = basePayload(scene, InteractionType.MessageComponent, {
      custom_id: opts.customId,
      component_type: 2,
    });
    payload.message = { ...message };
    return this.dispatchInteraction(payload, opts.session);
  }

  /** A user picks values in a select menu (string, user, role, mentionable or channel select). */
  selectMenu(opts: SelectOptions): InteractionHandle {
    const message = this.componentMessage(opts.message);
    const channel = this.store.channels.get(message.channel_id);
    const scene = this.scene({ ...opts, ...(channel ? { channel } : { dm: true }) });
    const componentType =
      opts.componentType ?? (findComponent(message.components, opts.customId)?.type as number) ?? 3;
    const data: Record<string, unknown> = {
      custom_id: opts.customId,
      component_type: componentType,
      values: opts.values,
    };
    if (componentType !== 3) {
      const resolved: Record<string, Record<string, unknown>> = {};
      for (const id of opts.values) {
        const user = this.store.getUser(id);
        const role = scene.guild?.roles.get(id);
        const ch = this.store.channels.get(id);
        if (user && (componentType === 5 || componentType === 7)) {
          resolved.users = { ...resolved.users, [id]: user };
          const member = scene.guild?.getMember(id);
          if (member) {
            const { user: _u, ...rest } = member;
            resolved.members = { ...resolved.members, [id]: rest };
          }
        } else if (role && (componentType === 6 || componentType === 7)) {
          resolved.roles = { ...resolved.roles, [id]: role };
        } else if (ch && componentType === 8) {
          resolved.channels = {
            ...resolved.channels,
            [id]: {
              id,
              name: ch.name,
              type: ch.type,
              permissions: "0",
              ...(ch.parent_id ? { parent_id: ch.parent_id } : {}),
            },
          };
        }
      }
      data.resolved = resolved;
    }
    const payload = basePayload(scene, InteractionType.MessageComponent, data);
    payload.message = { ...message };
    return this.dispatchInteraction(payload, opts.session);
  }

  /**
   * A user submits a modal. Pass `modal` (the handle the bot answered with the modal)
   * to reuse its custom id, user, channel and layout.
   */
  submitModal(opts: ModalSubmitOptions): InteractionHandle {
    const from = opts.modal?.record;
    const modalData = from?.callback?.type === CallbackType.Modal ? from.callback.data : undefined;
    const fromPayload = from?.payload;
    const user =
      opts.user ?? ((fromPayload?.member as { user?: ApiUser })?.user || (fromPayload?.user as ApiUser));
    const channelId = opts.channelId ?? (fromPayload?.channel_id as string | undefined);
    const scene = this.scene({
      ...opts,
      ...(user ? { user } : {}),
      ...(channelId ? { channelId } : {}),
      ...(fromPayload && !fromPayload.guild_id ? { dm: true } : {}),
    });
    const customId = opts.customId ?? (modalData?.custom_id as string | undefined);
    if (!customId) throw new Error("fake-discord: submitModal needs customId (or a modal handle)");
    const payload = basePayload(scene, InteractionType.ModalSubmit, {
      custom_id: customId,
      components: modalSubmitComponents(opts.fields, modalData),
    });
    const message = opts.message ?? (fromPayload?.message as ApiMessage | undefined);
    if (message) payload.message = { ...this.componentMessage(message) };
    const handle = this.dispatchInteraction(payload, opts.session);
    if (from) handle.record.triggeringInteractionId = from.id;
    return handle;
  }

  /** Closes the HTTP server, every socket and the gateway. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.events.removeAllListeners();
  }
}
