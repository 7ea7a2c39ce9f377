import { type Logger, pino } from "pino";

export type { Logger } from "pino";

/**
 * Creates the process logger. Structured context goes first, the message last:
 * `logger.info({ command, userId, guildId, ms }, "command handled")`.
 * Logs are JSON on stdout; pipe them through `npx pino-pretty` to read them by eye.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { app: "taiken" },
      // Tokens must never reach a log line, whatever object a caller passes in.
      redact: {
        paths: ["token", "*.token", "config.discord.token", "headers.authorization"],
        censor: "[redacted]",
      },
    },
    destination,
  );
}
