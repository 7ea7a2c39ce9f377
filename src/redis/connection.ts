import { Redis, type RedisOptions } from "ioredis";

/** Raised when Redis cannot be reached at start-up; the message names the variable and the fix. */
export class RedisUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    super(
      `REDIS_URL: cannot reach Redis at ${redactUrl(url)} (${describe(cause)}). ` +
        "Start Redis there, correct REDIS_URL, or unset REDIS_URL to let taiken start a local redis-server.",
      { cause },
    );
    this.name = "RedisUnavailableError";
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return (cause as NodeJS.ErrnoException).code ?? cause.message;
  return String(cause);
}

/** Hides the password in a URL that goes into a log line or an error message. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparsable URL)";
  }
}

/**
 * Creates an ioredis connection for BullMQ and the bot. `maxRetriesPerRequest: null` is what
 * BullMQ requires for its blocking commands; reconnects back off up to 2 s.
 */
export function createRedis(url: string, options: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    lazyConnect: true,
    retryStrategy: (attempt) => Math.min(attempt * 100, 2_000),
    ...options,
  });
}

/**
 * Options for the producer connection (queues, health): a command fails at once while Redis is
 * down instead of queueing it in memory, where it would hang the reply and die with the process.
 * Workers keep {@link createRedis}'s `maxRetriesPerRequest: null`, which BullMQ requires for them.
 */
export const PRODUCER_REDIS_OPTIONS: RedisOptions = {
  maxRetriesPerRequest: 1,
  enableOfflineQueue: false,
  connectTimeout: 2_000,
  commandTimeout: 1_500,
};

/**
 * Connects and pings within `timeoutMs`, so start-up fails in seconds instead of retrying forever.
 * On failure the connection is closed and a {@link RedisUnavailableError} is thrown.
 */
export async function connectRedis(
  url: string,
  timeoutMs = 5_000,
  options: RedisOptions = {},
): Promise<Redis> {
  const redis = createRedis(url, options);
  // Swallow connection errors while connecting: the timeout below reports them once.
  let lastError: unknown = new Error("timed out");
  const onError = (error: unknown) => {
    lastError = error;
  };
  redis.on("error", onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      redis.connect().then(() => redis.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(lastError), timeoutMs);
      }),
    ]);
    return redis;
  } catch (error) {
    redis.disconnect();
    throw new RedisUnavailableError(url, error === undefined ? lastError : error);
  } finally {
    clearTimeout(timer);
    redis.off("error", onError);
  }
}
