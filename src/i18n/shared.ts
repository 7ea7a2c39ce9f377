/**
 * Texts everyone in a programme reads (the welcome message, channel topics, announcements): in the
 * one language the organisers pinned, or else in both, so that an English-speaking intern in a
 * Japanese-default programme is not met by Japanese alone. Replies to one person stay in that
 * person's language (see `resolveLocale`).
 */
import type { SupportedLocale } from "../config/env.ts";

/** The languages of a shared text, the first being the workspace's own (its channel names). */
export type SharedLocales = readonly [SupportedLocale, ...SupportedLocale[]];

/**
 * The languages of a shared text: the programme's pinned locale alone, or both with the
 * deployment's default (`DEFAULT_LOCALE`) first.
 */
export function sharedLocales(
  programme: { forcedLocale: SupportedLocale | null },
  fallback: SupportedLocale,
): SharedLocales {
  if (programme.forcedLocale) return [programme.forcedLocale];
  return fallback === "ja" ? ["ja", "en"] : ["en", "ja"];
}

/**
 * `render` in each of `locales`, joined by `separator` (e.g. `" / "` for a button label, a blank
 * line for a message). A text that reads the same in two languages (a name) is said once.
 */
export function inEachLocale(
  locales: readonly SupportedLocale[],
  render: (locale: SupportedLocale) => string,
  separator: string,
): string {
  return [...new Set(locales.map(render))].join(separator);
}
