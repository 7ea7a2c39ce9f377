import type { SupportedLocale } from "../config/env.ts";

/** What decides the language of a reply, most specific first. */
export interface LocaleSources {
  /** The programme's forced locale (organisers may pin one language for everyone), if any. */
  programmeLocale?: SupportedLocale | null | undefined;
  /** The user's Discord client locale, e.g. `"ja"`, `"en-US"`, `"ko"` (`interaction.locale`). */
  userLocale?: string | null | undefined;
  /** Used when nothing else applies; the deployment's DEFAULT_LOCALE, normally `"ja"`. */
  fallback?: SupportedLocale;
}

/**
 * Picks the reply language: the programme's forced locale, else the user's Discord locale,
 * else the fallback (`ja`).
 *
 * A Discord locale that is neither Japanese nor English (`ko`, `zh-CN`, `vi`, `pt-BR` …) maps to
 * English, not Japanese: the people most likely to set such a client locale are participants
 * who are not fluent in Japanese (refugee-support and international cohorts), and English is
 * the language they most probably read better. Japanese stays the fallback only when Discord
 * tells us nothing.
 */
export function resolveLocale({
  programmeLocale,
  userLocale,
  fallback = "ja",
}: LocaleSources): SupportedLocale {
  if (programmeLocale) return programmeLocale;
  if (!userLocale) return fallback;
  return userLocale === "ja" || userLocale.startsWith("ja-") ? "ja" : "en";
}
