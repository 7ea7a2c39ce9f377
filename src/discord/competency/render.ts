/** How the competency sheet and chart read in Discord. */
import {
  ActionRowBuilder,
  AttachmentBuilder,
  ButtonBuilder,
  ButtonStyle,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import {
  COMPETENCY_ELEMENTS,
  elementLabel,
  MAX_RATING,
  MIN_RATING,
  pageElements,
  SHEET_PAGES,
  unrated,
} from "../../domain/competency/elements.ts";
import type { Locale } from "../../domain/enums.ts";
import {
  type CompetencyChange,
  MAX_SHEET_COMMENT,
  type SheetPage,
  seriesMeans,
} from "../../features/competency/competency.ts";
import type { ChartSpec } from "../../features/competency/ports.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";
import { sheetActionId, sheetCommentId, sheetPageId, sheetScoreId } from "./ids.ts";

const ref = (s: SheetPage) => ({ memberId: s.memberId, phase: s.phase, assessor: s.assessor, page: s.page });

/** One page: 3 worded 1–5 selects, Previous / Next, Comment, Submit. */
export function sheetMessage(t: Translator, locale: Locale, s: SheetPage) {
  const phase = t(`competency.phase.${s.phase}`);
  const locked = s.assessor === "self" && s.submittedAt !== null;
  const missing = unrated(s.ratings).length;
  const lines = [
    `**${
      s.assessor === "self"
        ? t("competency.sheet.titleSelf", { phase })
        : t("competency.sheet.titleMentor", { user: `<@${s.subjectUserId}>`, phase })
    }**`,
    ...(s.window === null
      ? []
      : [
          t("competency.sheet.window", {
            opens: discordTimestamp(s.window.opensAt, "f"),
            closes: discordTimestamp(s.window.closesAt, "f"),
          }),
        ]),
    t("competency.sheet.page", { page: s.page + 1, pages: SHEET_PAGES }),
    s.submittedAt !== null
      ? t("competency.sheet.submitted", { at: discordTimestamp(s.submittedAt, "f") })
      : t("competency.sheet.draft", {
          rated: COMPETENCY_ELEMENTS.length - missing,
          total: COMPETENCY_ELEMENTS.length,
        }),
    ...(s.assessor === "mentor" && s.assessedByUserId !== null
      ? [t("competency.sheet.mentorEdited", { user: `<@${s.assessedByUserId}>` })]
      : []),
    s.comment === null
      ? t("competency.sheet.noComment")
      : t("competency.sheet.comment", { comment: s.comment }),
  ];
  const selects = pageElements(s.page).map((e) => {
    const label = elementLabel(e, locale);
    const menu = new StringSelectMenuBuilder()
      .setCustomId(sheetScoreId.encode({ ...ref(s), element: e.key }))
      .setPlaceholder(t("competency.sheet.placeholder", { label }).slice(0, 150))
      .setDisabled(locked);
    for (let score = MIN_RATING; score <= MAX_RATING; score += 1) {
      menu.addOptions({
        label: `${label}: ${t(`competency.rating.${score as 1 | 2 | 3 | 4 | 5}`)}`.slice(0, 100),
        value: String(score),
        default: s.ratings[e.key] === score,
      });
    }
    return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu);
  });
  const pageButton = (
    page: number,
    key: "competency.sheet.previous" | "competency.sheet.next",
    disabled: boolean,
  ) =>
    new ButtonBuilder()
      .setCustomId(sheetPageId.encode({ ...ref(s), page: Math.min(Math.max(page, 0), SHEET_PAGES - 1) }))
      .setLabel(t(key))
      .setStyle(ButtonStyle.Secondary)
      .setDisabled(disabled);
  const action = (kind: "comment" | "submit", style: ButtonStyle) =>
    new ButtonBuilder()
      .setCustomId(sheetActionId.encode({ ...ref(s), action: kind }))
      .setLabel(t(kind === "comment" ? "competency.sheet.commentButton" : "competency.sheet.submitButton"))
      .setStyle(style)
      .setDisabled(locked);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    pageButton(s.page - 1, "competency.sheet.previous", s.page === 0),
    pageButton(s.page + 1, "competency.sheet.next", s.page >= SHEET_PAGES - 1),
    action("comment", ButtonStyle.Secondary),
    action("submit", ButtonStyle.Success),
  );
  return {
    content: lines.join("\n").slice(0, 2000),
    components: [...selects, buttons],
    allowedMentions: { parse: [] },
  };
}

/** The comment modal, pre-filled with the draft's comment. */
export function commentModal(t: Translator, s: SheetPage) {
  const input = new TextInputBuilder()
    .setCustomId("comment")
    .setLabel(t("competency.modal.comment"))
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MAX_SHEET_COMMENT)
    .setRequired(false);
  if (s.comment !== null) input.setValue(s.comment);
  return new ModalBuilder()
    .setCustomId(sheetCommentId.encode(ref(s)))
    .setTitle(t("competency.modal.title"))
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** `/competency show`: the PNG and, for screen readers, every number as text. */
export function chartMessage(t: Translator, change: CompetencyChange, spec: ChartSpec, png: Buffer) {
  const values = (i: number) =>
    spec.series.map((s) => `${s.label} ${s.values[i] ?? t("competency.show.notRated")}`).join(" / ");
  const means = seriesMeans(change);
  const lines = [
    `**${t("competency.show.title", { user: `<@${change.internUserId}>` })}**`,
    ...spec.labels.map((label, i) => t("competency.show.line", { label, values: values(i) })),
    t("competency.show.mean", {
      values: spec.series
        .map((s) => `${s.label} ${means[s.kind] ?? t("competency.show.notRated")}`)
        .join(" / "),
    }),
  ];
  const file = new AttachmentBuilder(png, { name: "competency.png", description: t("competency.show.alt") });
  return { content: lines.join("\n").slice(0, 2000), files: [file], allowedMentions: { parse: [] } };
}
