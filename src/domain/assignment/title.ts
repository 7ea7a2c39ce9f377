import type { Locale } from "../enums.ts";

/** An assignment's title in `locale`: English when there is one, else the Japanese original. */
export function titleIn(locale: Locale, version: { titleJa: string; titleEn: string | null }): string {
  return locale === "en" ? (version.titleEn ?? version.titleJa) : version.titleJa;
}
