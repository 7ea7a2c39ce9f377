import { createHash } from "node:crypto";

/**
 * Discord-like rate limits: a per-route bucket (keyed by the route's major parameter:
 * channel, guild or webhook) plus a global limit of 50 requests per second per bot.
 * Interaction callbacks and interaction webhooks are not subject to the global limit,
 * as on Discord.
 */

export interface BucketRule {
  limit: number;
  windowMs: number;
}

/**
 * Per-route limits, by "METHOD template". Values follow what Discord answers in its
 * X-RateLimit headers for these routes; anything else uses {@link DEFAULT_RULE}.
 */
export const ROUTE_RULES: Record<string, BucketRule> = {
  "POST /guilds/{guild_id}/channels": { limit: 5, windowMs: 5_000 },
  "PATCH /channels/{channel_id}": { limit: 5, windowMs: 5_000 },
  "DELETE /channels/{channel_id}": { limit: 5, windowMs: 5_000 },
  "POST /channels/{channel_id}/messages": { limit: 5, windowMs: 5_000 },
  "POST /guilds/{guild_id}/roles": { limit: 250, windowMs: 48 * 3_600_000 },
  "PATCH /guilds/{guild_id}/roles/{role_id}": { limit: 10, windowMs: 10_000 },
  "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}": { limit: 10, windowMs: 10_000 },
  "DELETE /guilds/{guild_id}/members/{user_id}/roles/{role_id}": { limit: 10, windowMs: 10_000 },
  "PATCH /guilds/{guild_id}/members/{user_id}": { limit: 10, windowMs: 10_000 },
  "POST /channels/{channel_id}/threads": { limit: 5, windowMs: 5_000 },
  "PUT /channels/{channel_id}/permissions/{overwrite_id}": { limit: 10, windowMs: 10_000 },
  "POST /guilds/{guild_id}/scheduled-events": { limit: 10, windowMs: 10_000 },
  "PUT /applications/{application_id}/commands": { limit: 2, windowMs: 60_000 },
  "PUT /applications/{application_id}/guilds/{guild_id}/commands": { limit: 2, windowMs: 60_000 },
  "POST /users/@me/channels": { limit: 10, windowMs: 10_000 },
  "POST /webhooks/{webhook_id}/{webhook_token}": { limit: 5, windowMs: 2_000 },
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original": { limit: 5, windowMs: 2_000 },
  "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/{message_id}": { limit: 5, windowMs: 2_000 },
};

export const DEFAULT_RULE: BucketRule = { limit: 50, windowMs: 1_000 };
export const GLOBAL_RULE: BucketRule = { limit: 50, windowMs: 1_000 };

const MAJOR_PARAMS = ["channel_id", "guild_id", "webhook_id"] as const;

interface BucketState {
  remaining: number;
  resetAt: number;
}

export interface RateLimitDecision {
  headers: Record<string, string>;
  /** Set when the request must be answered with 429. */
  limited?: { retryAfter: number; global: boolean; scope: "user" | "global" | "shared" };
}

/** Scripted failure for the next matching requests (see FakeDiscord.failNext). */
export interface FailRule {
  /** "METHOD template", e.g. "POST /guilds/{guild_id}/channels"; or a predicate on it. */
  route: string | ((route: string) => boolean);
  /** HTTP status to answer with (429, 500, 502, 503, 403, 404...). */
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  /** For 429: seconds to wait, sent as `retry_after` and as Retry-After (default 0.05). */
  retryAfter?: number;
  /** For 429: the scope ("user" by default; "global" also sets X-RateLimit-Global). */
  scope?: "user" | "global" | "shared";
  /** Error body to send instead of the default one. */
  body?: unknown;
}

export function bucketHash(route: string): string {
  return createHash("sha1").update(route).digest("hex").slice(0, 16);
}

export class RateLimiter {
  enabled: boolean;
  private readonly buckets = new Map<string, BucketState>();
  private global: BucketState = { remaining: GLOBAL_RULE.limit, resetAt: 0 };
  private failRules: Array<FailRule & { left: number }> = [];

  private readonly rules: Record<string, BucketRule>;

  constructor(enabled: boolean, overrides: Record<string, BucketRule> = {}) {
    this.enabled = enabled;
    this.rules = { ...ROUTE_RULES, ...overrides };
  }

  failNext(rule: FailRule): void {
    this.failRules.push({ ...rule, left: rule.times ?? 1 });
  }

  /** Takes the first scripted failure matching this route, if any. */
  takeFailure(route: string): FailRule | undefined {
    const index = this.failRules.findIndex((r) =>
      typeof r.route === "function" ? r.route(route) : r.route === route,
    );
    if (index < 0) return undefined;
    const rule = this.failRules[index] as FailRule & { left: number };
    rule.left -= 1;
    if (rule.left <= 0) this.failRules.splice(index, 1);
    return rule;
  }

  reset(): void {
    this.buckets.clear();
    this.failRules = [];
    this.global = { remaining: GLOBAL_RULE.limit, resetAt: 0 };
  }

  /**
   * Counts the request against its bucket (and the global limit) and says whether it
   * passes, with the headers to send either way.
   */
  check(route: string, params: Record<string, string>, exemptFromGlobal: boolean): RateLimitDecision {
    if (!this.enabled) return { headers: {} };
    const now = Date.now();
    if (!exemptFromGlobal) {
      if (now >= this.global.resetAt)
        this.global = { remaining: GLOBAL_RULE.limit, resetAt: now + GLOBAL_RULE.windowMs };
      if (this.global.remaining <= 0) {
        const retryAfter = (this.global.resetAt - now) / 1000;
        return {
          headers: { "X-RateLimit-Global": "true", "X-RateLimit-Scope": "global" },
          limited: { retryAfter, global: true, scope: "global" },
        };
      }
      this.global.remaining -= 1;
    }
    const rule = this.rules[route] ?? DEFAULT_RULE;
    // Discord keys buckets by the route's top-level resource: the channel, the guild,
    // the webhook (id + token) or, for callbacks, the interaction.
    const major =
      (params.webhook_token ? `${params.webhook_id}/${params.webhook_token}` : undefined) ??
      MAJOR_PARAMS.map((p) => params[p]).find((v) => v !== undefined) ??
      params.interaction_id ??
      "global";
    const hash = bucketHash(route);
    const key = `${hash}:${major}`;
    let bucket = this.buckets.get(key);
    if (!bucket || now >= bucket.resetAt) {
      bucket = { remaining: rule.limit, resetAt: now + rule.windowMs };
      this.buckets.set(key, bucket);
    }
    const resetAfter = (bucket.resetAt - now) / 1000;
    const headers: Record<string, string> = {
      "X-RateLimit-Limit": String(rule.limit),
      "X-RateLimit-Reset": (bucket.resetAt / 1000).toFixed(3),
      "X-RateLimit-Reset-After": resetAfter.toFixed(3),
      "X-RateLimit-Bucket": hash,
    };
    if (bucket.remaining <= 0) {
      headers["X-RateLimit-Remaining"] = "0";
      headers["X-RateLimit-Scope"] = "user";
      return { headers, limited: { retryAfter: resetAfter, global: false, scope: "user" } };
    }
    bucket.remaining -= 1;
    headers["X-RateLimit-Remaining"] = String(bucket.remaining);
    return { headers };
  }
}
