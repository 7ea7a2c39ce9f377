/**
 * The digest as a Discord message body: one embed field per client (20 to a message), so that revoking consent can replace exactly that client's field. Shared by the
 * preview and the job; plain JSON, no discord.js.
 */
import type { ClientSnapshot } from "../../domain/agency/digest.ts";
import type { Locale } from "../../domain/enums.ts";
import { t } from "../../i18n/translate.ts";
import type { DigestContent } from "./views.ts";

/**
 * The most clients one digest message holds (one embed, one field each), well inside Discord's
 * 25 fields and 6,000 characters; more go in further messages.
 */
export const CLIENTS_PER_MESSAGE = 20;

interface Field {
  name: string;
  value: string;
}

/** One client's section: stage, phase, project, active days, 日報 count. Never text or mood. */
export function clientSection(locale: Locale, c: ClientSnapshot): Field {
  return {
    name: (c.displayName ?? t(locale, "agency.digest.unnamed")).slice(0, 256),
    value: t(locale, "agency.client.summary", {
      user: `<@${c.discordUserId}>`,
      stage: c.stage ? t(locale, `stage.${c.stage}`) : "-",
      phase: c.phase ? t(locale, `agency.phase.${c.phase}`) : "-",
      project: c.projectTitle ?? t(locale, "agency.client.noProject"),
      days: c.activeDays,
      reports: c.reports,
    }).slice(0, 1024),
  };
}

/** The section a client who stopped sharing is left with. */
export function stoppedSection(locale: Locale): Field {
  return { name: t(locale, "agency.digest.stoppedName"), value: t(locale, "agency.digest.stopped") };
}

/**
 * The digest's messages (one unless it has more than {@link CLIENTS_PER_MESSAGE} clients), each
 * with the member ids of its sections in field order.
 */
export function digestMessages(
  locale: Locale,
  content: DigestContent,
): Array<{ body: { embeds: Array<Record<string, unknown>> }; sections: string[] }> {
  const title = t(locale, "agency.digest.title", {
    agency: content.agency.name,
    from: content.week.from,
    to: content.week.to,
  }).slice(0, 256);
  if (content.clients.length === 0) {
    return [{ body: { embeds: [{ title, description: t(locale, "agency.digest.empty") }] }, sections: [] }];
  }
  const messages: Array<{ body: { embeds: Array<Record<string, unknown>> }; sections: string[] }> = [];
  for (let m = 0; m < content.clients.length; m += CLIENTS_PER_MESSAGE) {
    const clients = content.clients.slice(m, m + CLIENTS_PER_MESSAGE);
    const fields = clients.map((c) => clientSection(locale, c));
    const embed = { title, description: t(locale, "agency.digest.note"), fields };
    messages.push({ body: { embeds: [embed] }, sections: clients.map((c) => c.memberId) });
  }
  return messages;
}
