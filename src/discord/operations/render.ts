/** The 日報 modal and the posted report. */
import {
  ActionRowBuilder,
  type APIEmbed,
  ModalBuilder,
  type ModalBuilder as ModalBuilderType,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import { REPORT_FIELD_MAX } from "../../domain/operations/rules.ts";
import type { DailyReport } from "../../domain/operations/types.ts";
import type { ReportPost } from "../../features/operations/ports.ts";
import { inEachLocale } from "../../i18n/shared.ts";
import { type Translator, t } from "../../i18n/translate.ts";
import { reportModalId } from "./ids.ts";

/** Text input ids of the 日報 modal. */
export const REPORT_FIELDS = ["done", "blockers", "next", "mood"] as const;

/** The 日報 modal, pre-filled with the report already written for the day. */
export function reportModal(
  translate: Translator,
  target: { programmeId: string; localDate: string; private: boolean },
  existing: DailyReport | null,
): ModalBuilderType {
  const input = (
    id: (typeof REPORT_FIELDS)[number],
    style: TextInputStyle,
    max: number,
    value?: string | null,
  ) => {
    const field = new TextInputBuilder()
      .setCustomId(id)
      .setLabel(translate(`report.field.${id}`))
      .setPlaceholder(translate(`report.field.${id}.placeholder`))
      .setStyle(style)
      .setMaxLength(max)
      .setRequired(id === "done");
    if (value) field.setValue(value.slice(0, max));
    return new ActionRowBuilder<TextInputBuilder>().addComponents(field);
  };
  return new ModalBuilder()
    .setCustomId(reportModalId.encode(target))
    .setTitle(translate("report.modal.title", { date: target.localDate }))
    .addComponents(
      input("done", TextInputStyle.Paragraph, REPORT_FIELD_MAX, existing?.done),
      input("blockers", TextInputStyle.Paragraph, REPORT_FIELD_MAX, existing?.blockers),
      input("next", TextInputStyle.Paragraph, REPORT_FIELD_MAX, existing?.next),
      input("mood", TextInputStyle.Short, 1, existing?.mood?.toString()),
    );
}

/** The posted report: who, which day, done / blockers / next. The mood is not part of a post. */
export function reportEmbed(post: ReportPost): APIEmbed {
  const label = (
    key: "report.post.done" | "report.post.blockers" | "report.post.next" | "report.post.edited",
  ) => inEachLocale(post.locales, (l) => t(l, key), " / ");
  const fields = [
    { name: label("report.post.done"), value: post.done },
    ...(post.blockers ? [{ name: label("report.post.blockers"), value: post.blockers }] : []),
    ...(post.next ? [{ name: label("report.post.next"), value: post.next }] : []),
  ];
  const title = inEachLocale(
    post.locales,
    (l) => t(l, "report.post.title", { name: post.displayName, date: post.localDate }),
    " / ",
  );
  return {
    title: title.slice(0, 256),
    fields,
    ...(post.edited ? { footer: { text: label("report.post.edited") } } : {}),
  };
}
