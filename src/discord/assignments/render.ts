/**
 * How assignments, allocation previews and claim options look in Discord. Pure: text and embeds
 * from plain data and a translator; the commands send them.
 */
import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIButtonComponentWithCustomId,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord.js";
import type { SupportedLocale } from "../../config/env.ts";
import type { FitReason } from "../../domain/allocation/types.ts";
import type { MessageValue } from "../../i18n/catalogue.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";

/** Discord's limit on an embed description. */
const EMBED_DESCRIPTION_MAX = 4096;
/** Discord's limit on a message's content. */
export const CONTENT_MAX = 2000;

/** What rendering needs of an assignment version. */
export interface VersionView {
  readonly titleJa: string;
  readonly titleEn: string | null;
  readonly brief: string;
  readonly skills: readonly string[];
  readonly level: number;
  readonly estimatedHours: number;
  readonly links: readonly { label: string; url: string }[];
  readonly attachments: readonly { name: string; url: string }[];
}

import { titleIn } from "../../domain/assignment/title.ts";

export { titleIn };

/** Cuts `text` to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * One reason, localised. Reason codes and their variables mirror the catalogue's
 * `allocation.reason.*` messages (same names, checked by the catalogue tests); TypeScript cannot
 * correlate a union's code with its vars, hence the one widening here.
 */
export function reasonText(t: Translator, reason: FitReason, voice: ReasonVoice = "intern"): string {
  const translate = t as unknown as (key: string, vars?: Record<string, MessageValue>) => string;
  const family = voice === "intern" ? "allocation.reason" : "allocation.about";
  return translate(`${family}.${reason.code}`, "vars" in reason ? { ...reason.vars } : undefined);
}

/**
 * Who a reason is written for: `intern` speaks to them ("you 3 / task 2", claim options),
 * `organiser` about them ("intern 3 / task 2", the batch preview): `allocation.about.*`.
 */
export type ReasonVoice = "intern" | "organiser";

const REASON_ORDER: Record<FitReason["code"], number> = {
  preferred: 0,
  skill_match: 1,
  interest_match: 2,
  level_match: 3,
  level_stretch: 3,
  level_easy: 3,
  level_too_hard: 3,
  level_too_easy: 3,
  hours_fit: 4,
  hours_light: 4,
  hours_tight: 4,
  hours_over: 4,
  skill_missing: 5,
  skills_none_required: 6,
  hours_unknown: 7,
  interest_none: 8,
  interests_unknown: 9,
};

/** The most telling reasons, one line: wishes and matches first, gaps after. */
export function reasonsLine(
  t: Translator,
  reasons: readonly FitReason[],
  max = 3,
  voice: ReasonVoice = "intern",
): string {
  return [...reasons]
    .sort((a, b) => REASON_ORDER[a.code] - REASON_ORDER[b.code])
    .slice(0, max)
    .map((reason) => reasonText(t, reason, voice))
    .join(" · ");
}

function list(items: readonly string[], none: string): string {
  return items.length === 0 ? none : clip(items.join("\n"), 1024);
}

/** The brief posted in the intern's project thread. */
export function briefMessage(
  t: Translator,
  locale: SupportedLocale,
  version: VersionView,
  userId: string,
  swapUntil: Date | null,
): { content: string; embeds: APIEmbed[] } {
  const none = t("assignments.brief.none");
  const embed: APIEmbed = {
    title: clip(t("assignments.brief.title", { title: titleIn(locale, version) }), 256),
    description: clip(version.brief, EMBED_DESCRIPTION_MAX),
    fields: [
      { name: t("assignments.brief.level"), value: String(version.level), inline: true },
      {
        name: t("assignments.brief.hours"),
        value: t("assignments.brief.hoursValue", { hours: version.estimatedHours }),
        inline: true,
      },
      { name: t("assignments.brief.skills"), value: list(version.skills, none), inline: true },
      {
        name: t("assignments.brief.links"),
        value: list(
          version.links.map((l) => `[${l.label}](${l.url})`),
          none,
        ),
      },
      {
        name: t("assignments.brief.attachments"),
        value: list(
          version.attachments.map((a) => `[${a.name}](${a.url})`),
          none,
        ),
      },
    ],
  };
  const intro = t("assignments.brief.intro", { user: userId });
  const hint =
    swapUntil === null
      ? ""
      : `\n${t("assignments.brief.swapHint", { until: discordTimestamp(swapUntil, "f") })}`;
  return { content: `${intro}${hint}`, embeds: [embed] };
}

/** A row of up to five buttons. */
export function buttonRow(buttons: readonly APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> {
  return { type: ComponentType.ActionRow, components: [...buttons] };
}

/** A primary button with a custom id. */
export function button(
  customId: string,
  label: string,
  style: APIButtonComponentWithCustomId["style"] = ButtonStyle.Primary,
): APIButtonComponentWithCustomId {
  return { type: ComponentType.Button, custom_id: customId, label: clip(label, 80), style };
}
