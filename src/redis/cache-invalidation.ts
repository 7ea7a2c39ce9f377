/**
 * Cache invalidation between bot processes over Redis pub/sub.
 *
 * Each process keeps the standing of callers (a server's current programme, the roles of its
 * members) in memory and drops it when its own database client announces a write
 * (`src/db/changes.ts`). Writes made by another process sharing the database are not announced
 * there; this module carries them: after a write commits, the writing process publishes which
 * caches to drop on one channel, every process subscribes to it on a dedicated connection and
 * drops them. The publishing process applies its own message at once, without waiting for Redis.
 *
 * Redis is never waited for: a publication is fire-and-forget on the producer connection (which
 * fails at once while Redis is down), and while the subscriber is disconnected the caches fall
 * back to their expiry. When the subscriber connects again, everything is dropped once, since
 * messages published meanwhile were lost.
 */
import { randomBytes } from "node:crypto";
import os from "node:os";
import type { Redis } from "ioredis";
import type { Logger } from "../observability/logger.ts";
import { createRedis } from "./connection.ts";

/** Which cache to drop: a server's current programme, or the roles of callers. */
export type InvalidationScope = "programme" | "roles";

const SCOPES: readonly InvalidationScope[] = ["programme", "roles"];

/** What travels on the channel. */
interface InvalidationMessage {
  /** The publishing process (it ignores its own messages: it has applied them already). */
  origin: string;
  scopes: InvalidationScope[];
  /** `Date.now()` at publication, for the propagation time in the receiver's log. */
  sentAt: number;
}

/** How an invalidation reached a listener. */
export interface InvalidationEvent {
  scopes: readonly InvalidationScope[];
  /** `local`: this process's own write; `remote`: another process's; `resync`: the subscriber reconnected. */
  source: "local" | "remote" | "resync";
}

export interface CacheInvalidation {
  /**
   * Drops `scopes` in this process at once (the listeners run before this returns) and tells the
   * other processes. Never throws and never waits for Redis. Publications made in the same turn
   * of the event loop travel as one message.
   */
  publish(scopes: readonly InvalidationScope[]): void;
  /** Calls `listener` for every invalidation to apply; returns the unsubscribe function. */
  subscribe(listener: (event: InvalidationEvent) => void): () => void;
  /**
   * Closes the subscriber connection and stops publishing; `publish` still applies locally.
   * Safe to call twice.
   */
  close(): Promise<void>;
}

export interface CacheInvalidationOptions {
  /** Redis for the subscriber's own connection. */
  url: string;
  /** The connection publications go out on (the producer's fail-fast one). */
  publisher: Redis;
  /** The channel; every process of one deployment must use the same. */
  channel?: string;
  logger: Logger;
  /** How long start-up waits for the subscription before going on without it (it keeps trying). */
  subscribeTimeoutMs?: number;
}

/** The channel of a deployment whose queues use the default prefix. */
export const DEFAULT_INVALIDATION_CHANNEL = "taiken:cache-invalidation";

function parse(raw: string): InvalidationMessage | undefined {
  try {
    const message = JSON.parse(raw) as Partial<InvalidationMessage>;
    if (typeof message.origin !== "string" || !Array.isArray(message.scopes)) return undefined;
    const scopes = message.scopes.filter((s): s is InvalidationScope => SCOPES.includes(s));
    return { origin: message.origin, scopes, sentAt: Number(message.sentAt) };
  } catch {
    return undefined;
  }
}

/**
 * Subscribes to the invalidation channel on a connection of its own (ioredis reconnects it and
 * subscribes again by itself) and returns the bus. Resolves within `subscribeTimeoutMs` even when
 * Redis does not answer: the caches then rely on their expiry until the subscription is made.
 */
export async function startCacheInvalidation(options: CacheInvalidationOptions): Promise<CacheInvalidation> {
  const channel = options.channel ?? DEFAULT_INVALIDATION_CHANNEL;
  const { logger, publisher } = options;
  const origin = `${os.hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
  const listeners = new Set<(event: InvalidationEvent) => void>();
  const deliver = (event: InvalidationEvent) => {
    for (const listener of listeners) {
      try {
        listener(event);
      } catch (error) {
        logger.warn({ err: error }, "cache invalidation listener failed");
      }
    }
  };

  const subscriber = createRedis(options.url);
  let subscribed = false;
  let lostSubscription = false;
  let closed = false;
  subscriber.on("error", (error) => logger.debug({ err: error }, "cache invalidation subscriber error"));
  subscriber.on("close", () => {
    // Emitted again after every failed reconnect attempt: said once per outage.
    if (subscribed && !closed && !lostSubscription) {
      lostSubscription = true;
      logger.warn("cache invalidation subscriber disconnected; caches fall back to their expiry");
    }
  });
  subscriber.on("ready", () => {
    if (!lostSubscription) return;
    lostSubscription = false;
    logger.info("cache invalidation subscriber reconnected; dropping every cached standing once");
    deliver({ scopes: SCOPES, source: "resync" });
  });
  subscriber.on("message", (from: string, raw: string) => {
    if (from !== channel) return;
    const message = parse(raw);
    if (!message || message.origin === origin || message.scopes.length === 0) return;
    logger.debug(
      { scopes: message.scopes, from: message.origin, latencyMs: Date.now() - message.sentAt },
      "cache invalidation received",
    );
    deliver({ scopes: message.scopes, source: "remote" });
  });

  const subscribeTimeoutMs = options.subscribeTimeoutMs ?? 2_000;
  let timer: NodeJS.Timeout | undefined;
  const subscribing = subscriber
    .connect()
    .then(() => subscriber.subscribe(channel))
    .then(() => {
      subscribed = true;
    });
  try {
    await Promise.race([
      subscribing,
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`not subscribed within ${subscribeTimeoutMs} ms`)),
          subscribeTimeoutMs,
        );
      }),
    ]);
  } catch (error) {
    // ioredis keeps connecting and sends the queued SUBSCRIBE when Redis answers.
    subscribing.catch(() => undefined);
    logger.warn(
      { err: error },
      "cache invalidation not subscribed yet; caches rely on their expiry meanwhile",
    );
  } finally {
    clearTimeout(timer);
  }

  let pending = new Set<InvalidationScope>();
  let failing = false;
  const flush = () => {
    const scopes = [...pending];
    pending = new Set();
    const message: InvalidationMessage = { origin, scopes, sentAt: Date.now() };
    publisher.publish(channel, JSON.stringify(message)).then(
      () => {
        if (failing) logger.info("cache invalidations are published again");
        failing = false;
      },
      (error: unknown) => {
        // Logged once per outage: other processes serve what they cached until it expires.
        if (!failing)
          logger.warn({ err: error }, "cache invalidation not published; other processes rely on expiry");
        failing = true;
      },
    );
  };

  return {
    publish(scopes) {
      if (scopes.length === 0) return;
      deliver({ scopes, source: "local" });
      if (closed) return;
      const idle = pending.size === 0;
      for (const scope of scopes) pending.add(scope);
      if (idle) setImmediate(flush);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (closed) return;
      closed = true;
      // Listeners stay: this process's own writes still drop its caches after the bus is closed.
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}
