/** The attention list and the digest as Discord messages: counts, one line per reason, **Contacted**. */
import {
  ActionRowBuilder,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ModalBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { ATTENTION_REASONS, type AttentionEvidence } from "../../domain/attention/rules.ts";
import { ATTENTION_NOTE_MAX, type AttentionOverview } from "../../features/attention/use-cases.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";
import { button, buttonRow } from "../assignments/render.ts";
import { contactedButtonId, contactedModalId } from "./ids.ts";

/** The evidence of one line, in the reader's language. */
export function evidenceText(t: Translator, evidence: AttentionEvidence): string {
  switch (evidence.reason) {
    case "silent": {
      const vars = {
        days: evidence.days,
        threshold: evidence.thresholdDays,
        basis: t(`attention.basis.${evidence.basis}`),
      };
      return evidence.lastActiveDay === null
        ? t("attention.evidence.silent.never", vars)
        : t("attention.evidence.silent", { ...vars, last: evidence.lastActiveDay });
    }
    case "no_check_in":
      return t("attention.evidence.no_check_in", { days: evidence.workingDays });
    case "behind_milestone":
      return t(`attention.evidence.behind_milestone.${evidence.milestone}`, {
        at: discordTimestamp(evidence.at, "f"),
      });
    case "help_unanswered":
      return t("attention.evidence.help_unanswered", {
        since: discordTimestamp(evidence.since, "f"),
        hours: evidence.hours,
      });
    case "low_wellbeing":
      return evidence.kind === "twice_low"
        ? t("attention.evidence.low_wellbeing.twice_low", { moods: evidence.moods.join(", ") })
        : t("attention.evidence.low_wellbeing.below_mean", {
            mood: evidence.moods[0] ?? 0,
            mean: evidence.mean ?? 0,
          });
    case "withdrawal_risk":
      return evidence.kind === "withdraw_kept"
        ? t("attention.evidence.withdrawal_risk.withdraw_kept", { at: discordTimestamp(evidence.at, "f") })
        : t("attention.evidence.withdrawal_risk.low_and_silent");
    case "follow_up":
      return t(evidence.overdue ? "attention.evidence.follow_up.overdue" : "attention.evidence.follow_up", {
        until: evidence.until,
        text: evidence.text,
      });
  }
}

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Counts per reason (only those with someone), then each intern with a line per reason. */
export function attentionEmbed(t: Translator, overview: AttentionOverview, title: string): APIEmbed {
  const counts = ATTENTION_REASONS.filter((r) => overview.counts[r] > 0)
    .map((r) => t("attention.count", { reason: t(`attention.reason.${r}`), count: overview.counts[r] }))
    .join(" · ");
  const fields = overview.entries.map((entry) => ({
    name: clip(entry.displayName, 256),
    value: clip(
      [
        `<@${entry.discordUserId}>`,
        ...entry.lines.map(
          (line) =>
            `• **${t(`attention.reason.${line.evidence.reason}`)}**: ${evidenceText(t, line.evidence)}`,
        ),
      ].join("\n"),
      1024,
    ),
  }));
  const description =
    overview.entries.length === 0
      ? overview.reason === null
        ? t("attention.empty")
        : t("attention.emptyReason", { reason: t(`attention.reason.${overview.reason}`) })
      : t("attention.counts", { counts });
  return {
    title: clip(title, 256),
    description,
    fields,
    ...(overview.total > 0
      ? {
          footer: {
            text: t("attention.page", { page: overview.page, pages: overview.pages, total: overview.total }),
          },
        }
      : {}),
  };
}

/** One **Contacted** button per intern shown, five a row. */
export function contactedRows(
  t: Translator,
  overview: AttentionOverview,
): APIActionRowComponent<APIButtonComponent>[] {
  const buttons = overview.entries.map((entry) =>
    button(
      contactedButtonId.encode({ programmeId: overview.programmeId, memberId: entry.memberId }),
      t("attention.contacted.button", { name: entry.displayName }),
      ButtonStyle.Secondary,
    ),
  );
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < 5; i += 5)
    rows.push(buttonRow(buttons.slice(i, i + 5)));
  return rows;
}

/** The **Contacted** modal: an optional note. */
export function contactedModal(
  t: Translator,
  payload: { programmeId: string; memberId: string },
): ModalBuilder {
  return new ModalBuilder()
    .setCustomId(contactedModalId.encode(payload))
    .setTitle(t("attention.contacted.modal"))
    .addComponents(
      new ActionRowBuilder<TextInputBuilder>().addComponents(
        new TextInputBuilder()
          .setCustomId("note")
          .setLabel(t("attention.contacted.field"))
          .setPlaceholder(t("attention.contacted.placeholder"))
          .setStyle(TextInputStyle.Paragraph)
          .setMaxLength(ATTENTION_NOTE_MAX)
          .setRequired(false),
      ),
    );
}
