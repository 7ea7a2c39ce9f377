/** Rendering of the agency views: one client, the journey funnel. */

import type { SupportedLocale } from "../../config/env.ts";
import type { ClientSnapshot } from "../../domain/agency/digest.ts";
import type { FunnelRow } from "../../domain/agency/funnel.ts";
import { clientSection } from "../../features/agency/digest-message.ts";
import type { Translator } from "../../i18n/translate.ts";

/** `/program funnel` and `/agency funnel`: one line per phase, in journey order. */
export function funnelEmbed(t: Translator, title: string, rows: readonly FunnelRow[]) {
  return {
    title,
    description: rows
      .map((r) =>
        t("agency.funnel.line", {
          phase: t(`agency.phase.${r.phase}`),
          reached: r.reached,
          current: r.current,
          withdrawn: r.withdrawn,
        }),
      )
      .join("\n"),
  };
}

/** `/agency client`: the same section the digest shows, and what is never shown. */
export function clientEmbed(locale: SupportedLocale, t: Translator, client: ClientSnapshot) {
  const section = clientSection(locale, client);
  return { title: section.name, description: section.value, footer: { text: t("agency.client.note") } };
}
