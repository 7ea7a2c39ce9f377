import { z } from "zod";

/** Locales taiken speaks. Japanese is the default: the programme it models is Japanese. */
export const SUPPORTED_LOCALES = ["ja", "en"] as const;
export type SupportedLocale = (typeof SUPPORTED_LOCALES)[number];

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** True when `zone` is an IANA time zone this Node.js build knows. */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    // Intl signals an unknown zone only by throwing a RangeError.
    return false;
  }
}

/** Empty strings in a .env file mean "not set", as in most deployment tools. */
const optionalString = z.preprocess((v) => (v === "" ? undefined : v), z.string().optional());

const databaseUrl = z
  .string()
  .trim()
  .refine((url) => /^file:.+/.test(url) || /^postgres(ql)?:\/\/[^/]+/.test(url), {
    message:
      'must be a SQLite file URL such as "file:./data/taiken.db" or a PostgreSQL URL such as "postgresql://user:password@127.0.0.1:5432/taiken"',
    abort: true,
  })
  .refine(
    (url) => {
      if (url.startsWith("file:")) return true;
      try {
        new URL(url);
        return true;
      } catch {
        return false;
      }
    },
    {
      message:
        "is not a valid PostgreSQL URL (check the port, and percent-encode special characters in the password)",
    },
  );

const redisUrl = z
  .string()
  .trim()
  .refine((url) => /^rediss?:\/\/.+/.test(url) && URL.canParse(url), {
    message: 'must be a Redis URL such as "redis://127.0.0.1:6379"',
  });

const httpUrl = z
  .string()
  .trim()
  .refine((url) => /^https?:\/\//.test(url) && URL.canParse(url), {
    message: 'must be an http(s) URL such as "http://127.0.0.1:8080/api" (without /v10)',
  })
  .transform((url) => url.replace(/\/+$/, "").replace(/\/v\d+$/, ""));

/** The longest lead of a milestone reminder: four weeks, the length of a long internship's phase. */
const MAX_REMINDER_HOURS = 24 * 28;

/**
 * The one schema for taiken's environment. Nothing else in the codebase reads `process.env`:
 * the composition root parses it once and passes the typed result down.
 */
export const envSchema = z.object({
  DISCORD_TOKEN: z
    .string({ error: "is required: the bot token from the Discord Developer Portal (Bot → Reset Token)" })
    .trim()
    .min(1, "is required: the bot token from the Discord Developer Portal (Bot → Reset Token)"),
  DISCORD_API_URL: z.preprocess((v) => (v === "" ? undefined : v), httpUrl.optional()),
  DATABASE_URL: z.preprocess((v) => (v === "" || v === undefined ? "file:./data/taiken.db" : v), databaseUrl),
  REDIS_URL: z.preprocess((v) => (v === "" ? undefined : v), redisUrl.optional()),
  REDIS_SERVER_BIN: optionalString,
  DATA_DIR: z.preprocess((v) => (v === "" || v === undefined ? "./data" : v), z.string()),
  SUBMISSIONS_DIR: optionalString,
  LOG_LEVEL: z.preprocess(
    (v) => (v === "" || v === undefined ? "info" : v),
    z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }),
  ),
  DEFAULT_LOCALE: z.preprocess(
    (v) => (v === "" || v === undefined ? "ja" : v),
    z.enum(SUPPORTED_LOCALES, { error: `must be one of ${SUPPORTED_LOCALES.join(", ")}` }),
  ),
  DEFAULT_TIME_ZONE: z.preprocess(
    (v) => (v === "" || v === undefined ? "Asia/Tokyo" : v),
    z.string().refine(isValidTimeZone, { message: 'must be an IANA time zone such as "Asia/Tokyo"' }),
  ),
  HTTP_HOST: z.preprocess((v) => (v === "" || v === undefined ? "127.0.0.1" : v), z.string()),
  HTTP_PORT: z.preprocess(
    (v) => (v === "" || v === undefined ? "9464" : v),
    z.coerce
      .number({ error: "must be a port number (0 picks a free port, -1 turns the server off)" })
      .int("must be a whole number")
      .min(-1, "must be between -1 and 65535")
      .max(65535, "must be between -1 and 65535"),
  ),
  // Unset means the default; set but empty (or "0") means no reminders, as .env.example says.
  MILESTONE_REMINDER_HOURS: z.preprocess(
    (v) => (v === undefined ? "24" : v),
    z
      .string()
      .trim()
      .refine(
        (list) =>
          list === "" ||
          list.split(",").every((part) => /^\d+$/.test(part.trim()) && Number(part) <= MAX_REMINDER_HOURS),
        {
          message: `must be a comma-separated list of whole hours before a milestone, each 0–${MAX_REMINDER_HOURS}, such as "24" or "72,24" ("0" or empty: no reminders)`,
        },
      )
      .transform((list) =>
        [...new Set(list === "" ? [] : list.split(",").map((part) => Number(part.trim())))]
          .filter((hours) => hours > 0)
          .sort((a, b) => b - a),
      ),
  ),
  SHUTDOWN_TIMEOUT_MS: z.preprocess(
    (v) => (v === "" || v === undefined ? "10000" : v),
    z.coerce
      .number({ error: "must be a number of milliseconds such as 10000" })
      .int("must be a whole number of milliseconds")
      .min(0, "must be 0 or more"),
  ),
});

/** The parsed environment, with defaults applied. */
export type Env = z.infer<typeof envSchema>;

/** Configuration derived from the environment, grouped by what uses it. */
export interface Config {
  discord: { token: string; apiUrl: string | undefined };
  database: { url: string; provider: "sqlite" | "postgresql" };
  redis: { url: string | undefined; serverBin: string };
  dataDir: string;
  /** Where submitted files are kept, content-addressed (default `${DATA_DIR}/submissions`). */
  submissionsDir: string;
  logLevel: Env["LOG_LEVEL"];
  defaults: { locale: SupportedLocale; timeZone: string };
  http: { host: string; port: number };
  /** Hours before a milestone its reminders go out, longest lead first; empty: no reminders. */
  milestones: { reminderHours: readonly number[] };
  /** How long SIGTERM waits for running interactions and jobs before closing anyway. */
  shutdownTimeoutMs: number;
}

/** Raised when the environment is invalid; `problems` holds one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Parses the environment once. Throws a {@link ConfigError} listing every problem,
 * each naming the variable and what a good value looks like.
 */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const name = issue.path.join(".") || "environment";
      return `${name} ${issue.message} (set it in .env or the environment; see .env.example)`;
    });
    throw new ConfigError(problems);
  }
  const e = parsed.data;
  return {
    discord: { token: e.DISCORD_TOKEN, apiUrl: e.DISCORD_API_URL },
    database: { url: e.DATABASE_URL, provider: e.DATABASE_URL.startsWith("file:") ? "sqlite" : "postgresql" },
    redis: { url: e.REDIS_URL, serverBin: e.REDIS_SERVER_BIN ?? "redis-server" },
    dataDir: e.DATA_DIR,
    submissionsDir: e.SUBMISSIONS_DIR ?? `${e.DATA_DIR.replace(/\/+$/, "")}/submissions`,
    logLevel: e.LOG_LEVEL,
    defaults: { locale: e.DEFAULT_LOCALE, timeZone: e.DEFAULT_TIME_ZONE },
    http: { host: e.HTTP_HOST, port: e.HTTP_PORT },
    milestones: { reminderHours: e.MILESTONE_REMINDER_HOURS },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
  };
}
