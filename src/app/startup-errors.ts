/**
 * Turns a start-up failure into the one line an operator reads. The errors taiken raises on
 * purpose (configuration, database, Redis, Discord login) already name the variable and the
 * fix; anything else gets its message and a hint where to find more.
 */
export function describeStartupError(error: unknown): string {
  if (error instanceof Error) {
    const known = KNOWN_ERRORS.has(error.name);
    const message = error.message.split("\n")[0] ?? error.name;
    return known ? message : `could not start: ${message} (set LOG_LEVEL=debug for the stack trace)`;
  }
  return `could not start: ${String(error)}`;
}

/** Error classes whose message is written for operators. */
const KNOWN_ERRORS = new Set([
  "ConfigError",
  "DatabaseStartupError",
  "DatabaseConfigError",
  "DatabaseMigrationError",
  "DatabaseUnavailableError",
  "RedisUnavailableError",
  "LocalRedisUnavailableError",
  "DiscordLoginError",
]);
