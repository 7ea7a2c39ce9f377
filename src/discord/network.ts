/**
 * Tells a request that never reached its host (no network, a wrong DISCORD_API_URL) from one that
 * Discord answered, so start-up and the scripts can say so in one line instead of a stack trace.
 */
const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

/** The network error code of a failed request (fetch wraps it in `cause`), or null. */
export function networkErrorCode(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && NETWORK_CODES.has(code)) return code;
    const cause = (current as { cause?: unknown }).cause;
    // AggregateError (several addresses tried): the first one's code.
    current = cause ?? (current instanceof AggregateError ? current.errors[0] : undefined);
  }
  return null;
}

/** The host a request to the Discord API goes to: DISCORD_API_URL's, else discord.com. */
export function discordHost(apiUrl: string | undefined): string {
  return new URL(apiUrl ?? "https://discord.com/api").host;
}
