import { once } from "node:events";
import {
  Client,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  type Interaction,
  Options,
} from "discord.js";
import type { Config } from "../config/env.ts";
import type { Logger } from "../observability/logger.ts";
import { discordHost, networkErrorCode } from "./network.ts";
import type { Router } from "./router.ts";

/** How long login may take before {@link loginDiscord} gives up. */
export const DEFAULT_LOGIN_TIMEOUT_MS = 30_000;

/** The bot's own user and member are the only ones kept: it needs them for its own permissions. */
function isSelf(entity: { id: string; client: Client }): boolean {
  return entity.id === entity.client.user?.id;
}

/**
 * Creates the discord.js client, not yet logged in.
 *
 * Intents — `Guilds` and `GuildMessages`. `Guilds` delivers GUILD_CREATE with the server's roles
 * and channels (the bot computes its own permissions from them and the workspace builder edits
 * them) and channel/role updates. `GuildMessages` (not privileged) delivers who wrote in which
 * channel and when: the attention list counts it per day (src/discord/attention/activity.ts) and
 * the help desk learns that a mentor replied to a question (src/discord/helpdesk/staff-replies.ts).
 * Without MessageContent the content arrives empty, is never read, and messages are not cached.
 * Interactions need no intent. No privileged intent (GuildMembers, GuildPresences,
 * MessageContent) is requested: taiken learns about people through their interactions and its
 * own database, not by watching the member list or reading messages.
 *
 * Caches — the client must not grow with the server: a 50,000-member server costs the same as a
 * 50-member one. Members and users are not cached except the bot itself (interactions carry the
 * caller's user and member; anything else is fetched when needed). Messages, presences, voice
 * states, reactions, emojis, stickers, bans, invites, thread members, stage instances,
 * entitlements and command objects are not cached at all. Channels, roles and threads stay
 * (bounded by Discord's per-server limits); archived threads are swept as by default.
 */
export function createDiscordClient(config: Config): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages],
    ...(config.discord.apiUrl ? { rest: { api: config.discord.apiUrl } } : {}),
    makeCache: Options.cacheWithLimits({
      ApplicationCommandManager: 0,
      ApplicationEmojiManager: 0,
      AutoModerationRuleManager: 0,
      BaseGuildEmojiManager: 0,
      DMMessageManager: 0,
      EntitlementManager: 0,
      GuildBanManager: 0,
      GuildEmojiManager: 0,
      GuildInviteManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
      GuildMessageManager: 0,
      GuildStickerManager: 0,
      MessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      StageInstanceManager: 0,
      ThreadMemberManager: 0,
      UserManager: { maxSize: 0, keepOverLimit: isSelf },
      VoiceStateManager: 0,
    }),
    sweepers: Options.DefaultSweeperSettings,
    // Replies never ping anyone unless a handler asks for it explicitly.
    allowedMentions: { parse: [] },
  });
}

/** The link between the client and the router, as returned by {@link attachRouter}. */
export interface AttachedRouter {
  /**
   * Stops taking new interactions and resolves once those already being handled are answered,
   * or after `timeoutMs`, with how many were still running.
   */
  drain(timeoutMs?: number): Promise<{ unfinished: number }>;
}

/**
 * Sends every interaction to the router. The router never throws; the catch is a last guard so an
 * event handler can never become an unhandled rejection. On shutdown, `drain()` stops new
 * interactions (Discord shows those users its own "did not respond" notice) and waits for the rest.
 */
export function attachRouter(client: Client, router: Router, logger: Logger): AttachedRouter {
  const inFlight = new Set<Promise<void>>();
  const listener = (interaction: Interaction) => {
    const handling = router
      .handle(interaction)
      .catch((error: unknown) => logger.error({ err: error }, "router failed"))
      .finally(() => inFlight.delete(handling));
    inFlight.add(handling);
  };
  client.on(Events.InteractionCreate, listener);
  return {
    async drain(timeoutMs = Number.POSITIVE_INFINITY) {
      client.off(Events.InteractionCreate, listener);
      await settledWithin([...inFlight], timeoutMs);
      return { unfinished: inFlight.size };
    },
  };
}

/** Waits for `work` to settle, or `timeoutMs`, whichever comes first. Never rejects. */
export async function settledWithin(work: Promise<unknown>[], timeoutMs: number): Promise<void> {
  if (!Number.isFinite(timeoutMs)) {
    await Promise.allSettled(work);
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    Promise.allSettled(work),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    }),
  ]);
  clearTimeout(timer);
}

/** Login failed for a reason an operator can fix; `message` is one line. */
export class DiscordLoginError extends Error {
  override name = "DiscordLoginError";
}

/**
 * Logs in and resolves when the client is ready (`clientReady`), or rejects with a
 * {@link DiscordLoginError}: an invalid token (Discord answers 401) or no ready within `timeoutMs`.
 */
export async function loginDiscord(
  client: Client,
  token: string,
  { timeoutMs = DEFAULT_LOGIN_TIMEOUT_MS, apiUrl }: { timeoutMs?: number; apiUrl?: string | undefined } = {},
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let timedOut = false;
  const ready = (async () => {
    const readyEvent = once(client, Events.ClientReady);
    await client.login(token);
    await readyEvent;
  })();
  // After a timeout nobody awaits `ready` any more; its late failure must not go unhandled.
  ready.catch(() => undefined);
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      reject(new Error("login timed out"));
    }, timeoutMs);
  });
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await client.destroy();
    if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
      throw new DiscordLoginError(
        "Discord rejected DISCORD_TOKEN (401 Unauthorized): copy the bot token again from the Developer Portal (Bot → Reset Token)",
        { cause: error },
      );
    }
    const code = networkErrorCode(error);
    if (code !== null) {
      throw new DiscordLoginError(
        apiUrl === undefined
          ? `could not reach ${discordHost(apiUrl)} (${code}): check the network (DISCORD_API_URL is not set, so Discord itself is used)`
          : `could not reach ${discordHost(apiUrl)} (${code}): check the network and DISCORD_API_URL (${apiUrl})`,
        { cause: error },
      );
    }
    if (timedOut) {
      throw new DiscordLoginError(
        `Discord did not become ready within ${timeoutMs / 1000} s: check the network and DISCORD_API_URL`,
        { cause: error },
      );
    }
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
