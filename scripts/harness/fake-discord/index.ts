/**
 * # fake-discord — a local Discord for e2e tests and benchmarks
 *
 * A real HTTP server (Discord's REST API under `/api/v10`) and a real WebSocket
 * gateway on 127.0.0.1 (ephemeral port), keeping guild state in memory, checking
 * every request against Discord's OpenAPI spec, and letting a test act as users.
 * The unmodified discord.js client runs against it.
 *
 * ```ts
 * const fake = await startFakeDiscord();
 * const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.apiUrl } });
 * const ready = once(client, "clientReady");
 * await client.login(fake.token);
 * await ready;
 *
 * const run = fake.sendSlashCommand({ name: "ping", options: { loud: true } });
 * const reply = await run.finalReply();          // waits through deferReply → editReply
 * expect(reply.content).toBe("pong");
 * expect(fake.violations).toEqual([]);          // every request matched the spec
 *
 * await client.destroy();
 * await fake.close();
 * ```
 *
 * ## What a test gets
 * - `fake.apiUrl` — pass as discord.js `rest: { api }` (no `/v10`; the library adds it).
 * - `fake.token` — the bot token the fake accepts (`client.login(fake.token)`).
 * - `fake.guild` — the default guild (GuildState: `roles`, `channels`, `threads`,
 *   `members`, `scheduledEvents`, `commands` Maps of Discord API objects).
 *   It has @everyone (id = guild id), a managed bot role (moderator-like permissions,
 *   no Administrator), the members owner, bot and "tester", and the channels
 *   "Text Channels" (category), "general" (text), "announcements", "Lounge" (voice),
 *   "questions" (forum), "Stage". `fake.store` holds everything (users, all channels
 *   incl. DMs and threads, messages, thread members, global commands, files).
 * - `fake.channel(nameOrId)`, `fake.role(nameOrId)`, `fake.member(userId)`,
 *   `fake.messages(channelId)`, `fake.commands()` — lookups for assertions.
 * - `fake.requests` — every REST request ({@link RecordedRequest}: method, `route`
 *   as "METHOD /spec/{template}", path, body, files, status, `receivedAt`/`answeredAt`
 *   from `performance.now()`); `fake.requestsTo("POST /guilds/{guild_id}/channels")`.
 * - `fake.violations` — requests the spec referee rejected ({@link SpecViolation});
 *   a body that fails the spec is answered 400 `{ code: 50035, message: "Invalid Form Body", errors }`.
 *   Paths not in the spec are recorded too (and answered 404 at once).
 *   Where the spec lags Discord's docs the schema is widened explicitly: see `SPEC_ALLOWLIST` in spec.ts.
 * - `fake.unhandled` — spec routes the fake does not implement (answered 404).
 * - `fake.interactions` — per interaction: `dispatchedAt` (gateway send) and
 *   `callbackAt` (callback received), both `performance.now()`.
 *
 * ## Acting as users
 * Each returns an {@link InteractionHandle}: `response()` (callback type + data),
 * `finalReply()` (the message the user ends up seeing, waiting for the edit after a
 * deferral), `followUp(n)`, `modal()`, `choices()`, `latencyMs`.
 * - `fake.sendSlashCommand({ name, subcommandGroup?, subcommand?, options?, user?, guildId?,
 *   channelId?, dm?, locale?, appPermissions?, memberPermissions? })` — option values are
 *   typed from the command the bot registered (PUT commands); attachments
 *   (`{ filename, content }`) are served by the fake at a local URL.
 * - `fake.autocomplete({ ...sameAsAbove, focused: "optionName" })`
 * - `fake.clickButton({ message, customId, user? })`
 * - `fake.selectMenu({ message, customId, values, user? })`
 * - `fake.submitModal({ modal: handleThatGotTheModal, fields: { inputId: "text" } })`
 * - `fake.addMember({ username, roles?, nick? })`, `fake.removeMember(id)`,
 *   `fake.createChannel(...)`, `fake.createRole(...)`, `fake.sendUserMessage(...)` —
 *   change state as Discord users would, with the matching gateway events.
 * With several bot clients connected (two processes), `session` (one of
 * `fake.gateway.sessionIds()`, oldest first) hands the interaction to that client alone.
 * The default user is `fake.store.tester`, a plain member (no roles). Helpers throw
 * if no gateway client is connected. `fake.waitFor(check, timeoutMs)` and
 * `fake.waitForRequest("PATCH /channels/{channel_id}")` wait for anything else.
 *
 * ## Failure and limits
 * - `startFakeDiscord({ rateLimits: true })` — Discord-like X-RateLimit-* headers,
 *   per-route buckets (e.g. 5 per 5 s for channel creation and messages per channel),
 *   a global 50/s (interaction callbacks and webhooks exempt), 429 with `retry_after`
 *   and `X-RateLimit-Scope` when exceeded.
 *   `rateLimitRules` overrides a route's `{ limit, windowMs }` (e.g. short windows in tests).
 * - `fake.failNext({ route: "POST /guilds/{guild_id}/channels", status: 500 | 429, times, retryAfter })`
 *   (a 429's Retry-After header carries the same fractional seconds as `retry_after`,
 *   so scripted retries stay fast).
 * - Callbacks later than `interactionTimeoutMs` (3000 like Discord) get 10062 Unknown
 *   interaction; a second callback gets 40060 already acknowledged (see `record.errors`).
 *
 * ## Timing
 * The spec is parsed once per process (~35 ms); each route's validator compiles on
 * first use (up to ~200 ms for messages/callbacks). Benchmarks that time early
 * requests pass `precompileValidators: true` (~1.8 s once at start).
 * `fake.gateway.sent` lists every frame sent with its `performance.now()` time.
 *
 * ## Large guilds
 * `startFakeDiscord({ memberCount: 50_000 })` — synthetic members, generated on demand
 * (not stored). GUILD_CREATE carries `member_count` and `large: true` with only the
 * bot's member, as Discord does above the client's `large_threshold` (discord.js sends
 * 50); `guild.members.fetch()` (op 8) gets GUILD_MEMBERS_CHUNK in chunks of 1000.
 *
 * ## Out of process
 * For benchmarks, `startFakeDiscordProcess()` (standalone.ts) runs the same server in
 * a child process with the same API shape (async), driven through `/_fake/...`.
 *
 * ## Cleaning up
 * `await client.destroy()` then `await fake.close()`; for a standalone
 * `@discordjs/rest` `REST`, also `rest.clearHashSweeper(); rest.clearHandlerSweeper();`.
 * Import `test/support/unhandled.ts` in a test file to fail on unhandled rejections.
 *
 * @module
 */

import { FakeDiscord, type FakeDiscordOptions } from "./server.ts";

export type {
  ActorOptions,
  AttachmentInput,
  AutocompleteOptions,
  ComponentOptions,
  InteractionCallback,
  InteractionRecord,
  ModalSubmitOptions,
  OptionInput,
  SelectOptions,
  SlashCommandOptions,
} from "./interactions.ts";
export { CallbackType, InteractionHandle, InteractionType, OptionType } from "./interactions.ts";
export {
  ALL_PERMISSIONS,
  computePermissions,
  DEFAULT_BOT_PERMISSIONS,
  DEFAULT_EVERYONE_PERMISSIONS,
  Perm,
} from "./permissions.ts";
export type { BucketRule, FailRule } from "./ratelimit.ts";
export { ROUTE_RULES } from "./ratelimit.ts";
export type { FakeDiscordOptions, RecordedRequest, ResponseViolation, SpecViolation } from "./server.ts";
export { FakeDiscord } from "./server.ts";
export { type DiscordSpec, loadSpec, SPEC_ALLOWLIST } from "./spec.ts";
export { RemoteFakeDiscord, RemoteInteractionHandle, startFakeDiscordProcess } from "./standalone.ts";
export type { GuildSeed, GuildState, Store } from "./state.ts";
export * from "./types.ts";

/**
 * Starts a fake Discord on 127.0.0.1 (ephemeral port) and resolves once it listens.
 * The OpenAPI spec is parsed once per process (~35 ms); validators compile lazily.
 *
 * @example
 * const fake = await startFakeDiscord({ memberCount: 5_000, rateLimits: true });
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  return new FakeDiscord(options).listen();
}
