import { type Logger, pino } from "pino";

export type { Logger } from "pino";

const REDACTED = "[redacted]";

/**
 * Secrets that can sit inside any string: an interaction or webhook token in a URL (valid for
 * 15 minutes, enough to post as the bot) and the bot token itself.
 */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/(\/(?:webhooks|interactions)\/\d+\/)[^/?\s"']+/g, `$1${REDACTED}`],
  [/\b[\w-]{23,28}\.[\w-]{6,7}\.[\w-]{27,}\b/g, REDACTED],
  [/(Bot |Bearer )[\w.-]{20,}/g, `$1${REDACTED}`],
];

/** Keys whose values are request or response bodies: personal data (profiles, accommodations). */
const BODY_KEYS = new Set(["requestBody", "rawError", "body", "embeds", "components"]);
const MAX_DEPTH = 8;

function scrubString(value: string): string {
  let out = value;
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}

/** A body replaced by its shape: the keys at its top level, never the values. */
function shapeOf(value: unknown): unknown {
  if (typeof value === "string") return `string(${value.length})`;
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return `array(${value.length})`;
  return { keys: Object.keys(value).slice(0, 20) };
}

/** Scrubs secrets from every string and replaces bodies by their shape, without changing the input. */
export function scrubLogValue(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return scrubString(value);
  if (value === null || typeof value !== "object" || value instanceof Date) return value;
  if (depth >= MAX_DEPTH) return "[depth]";
  // An error anywhere (not only under `err`) is serialised first: its own fields hold URL and body.
  if (value instanceof Error) return scrubLogValue({ ...pino.stdSerializers.err(value) }, depth + 1);
  if (Array.isArray(value)) return value.map((item) => scrubLogValue(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = BODY_KEYS.has(key) ? shapeOf(item) : scrubLogValue(item, depth + 1);
  }
  return out;
}

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
        censor: REDACTED,
      },
      // Runs before the serializers: an error anywhere (a Discord error carries the request's URL,
      // with the interaction token, and its body) is serialised and scrubbed here.
      formatters: { log: (object) => scrubLogValue(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          const scrubbed = args.map((arg) => (typeof arg === "string" ? scrubString(arg) : arg));
          method.apply(this, scrubbed as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
