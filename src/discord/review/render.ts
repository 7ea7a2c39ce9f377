/** How reviews read in Discord: the queue, the review sheet, the comment modal, the feedback post. */
import {
  ActionRowBuilder,
  type APIEmbed,
  ButtonBuilder,
  ButtonStyle,
  ModalBuilder,
  StringSelectMenuBuilder,
  TextInputBuilder,
  TextInputStyle,
} from "discord.js";
import type { Locale } from "../../domain/enums.ts";
import { MAX_SCORE, MIN_SCORE, type RubricCriterion } from "../../domain/review/rubric.ts";
import { shortHash } from "../../domain/submission/manifest.ts";
import type { Feedback } from "../../features/review/ports.ts";
import { MAX_COMMENT, type QueuePage, type ReviewSheet } from "../../features/review/review.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";
import { formatBytes } from "../submission/render.ts";
import { commentModalId, openReviewId, queuePageId, scoreSelectId, sheetActionId } from "./ids.ts";

/** A criterion's label in `locale` (Japanese for `ja`, English otherwise). */
export function criterionLabel(criterion: RubricCriterion, locale: Locale): string {
  return locale === "ja" ? criterion.ja : criterion.en;
}

/** `/review queue`: one line per entry, a Review button each, then the page buttons. */
export function queueMessage(t: Translator, queue: QueuePage) {
  const start = queue.page * 10;
  const lines = [
    `**${t("review.queue.title", { filter: t(`review.filter.${queue.filter}`), total: queue.total })}**`,
    ...(queue.total === 0 ? [t("review.queue.empty")] : []),
    ...queue.entries.map(
      (e, i) =>
        `${start + i + 1}. ${[
          t("review.queue.entry", {
            user: `<@${e.internUserId}>`,
            number: e.number,
            at: discordTimestamp(e.submittedAt, "f"),
          }),
          ...(e.late ? [t("review.queue.late")] : []),
          ...(e.draftsBy.length === 0
            ? []
            : [t("review.queue.drafts", { users: e.draftsBy.map((u) => `<@${u}>`).join(" ") })]),
        ].join(" — ")}`,
    ),
    ...(queue.pages > 1 ? ["", t("review.queue.page", { page: queue.page + 1, pages: queue.pages })] : []),
  ];
  const buttons = queue.entries.map((e, i) =>
    new ButtonBuilder()
      .setCustomId(openReviewId.encode({ versionId: e.versionId }))
      .setLabel(t("review.queue.review", { n: start + i + 1 }))
      .setStyle(ButtonStyle.Primary),
  );
  const rows: ActionRowBuilder<ButtonBuilder>[] = [];
  for (let i = 0; i < buttons.length; i += 5) {
    rows.push(new ActionRowBuilder<ButtonBuilder>().addComponents(buttons.slice(i, i + 5)));
  }
  if (queue.pages > 1) {
    rows.push(
      new ActionRowBuilder<ButtonBuilder>().addComponents(
        new ButtonBuilder()
          .setCustomId(queuePageId.encode({ filter: queue.filter, page: Math.max(0, queue.page - 1) }))
          .setLabel(t("review.queue.previous"))
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(queue.page === 0),
        new ButtonBuilder()
          .setCustomId(queuePageId.encode({ filter: queue.filter, page: queue.page + 1 }))
          .setLabel(t("review.queue.next"))
          .setStyle(ButtonStyle.Secondary)
          .setDisabled(queue.page >= queue.pages - 1),
      ),
    );
  }
  return { content: lines.join("\n").slice(0, 2000), components: rows, allowedMentions: { parse: [] } };
}

/** The review sheet: the version, one 1–5 select per criterion, Comment / Save draft / Publish. */
export function sheetMessage(t: Translator, locale: Locale, sheet: ReviewSheet) {
  const v = sheet.target;
  const lines = [
    `**${t("review.sheet.title", { user: `<@${sheet.internUserId}>`, number: v.number })}**`,
    t("review.sheet.submitted", {
      at: discordTimestamp(v.submittedAt, "f"),
      status: t(v.late ? "submission.show.late" : "submission.show.onTime"),
    }),
    `\`${shortHash(v.manifestHash)}\``,
    ...v.links.map((l) =>
      t("submission.receipt.link", { label: t(`submission.receipt.label.${l.label}`), url: l.url }),
    ),
    ...v.files.map((f) => t("submission.receipt.file", { name: f.name, size: formatBytes(f.size) })),
    ...(v.note === null ? [] : [t("submission.receipt.note", { note: v.note })]),
    "",
    sheet.comment === ""
      ? t("review.sheet.noComment")
      : t("review.sheet.comment", { comment: sheet.comment }),
    sheet.publishedAt !== null
      ? t("review.sheet.published", { at: discordTimestamp(sheet.publishedAt, "f") })
      : t(sheet.saved ? "review.sheet.saved" : "review.sheet.unsaved"),
  ];
  const done = sheet.publishedAt !== null;
  const ids = { versionId: sheet.versionId, reviewerId: sheet.reviewerId };
  const selects = sheet.rubric.map((c) => {
    const label = criterionLabel(c, locale);
    const menu = new StringSelectMenuBuilder()
      .setCustomId(scoreSelectId.encode({ ...ids, key: c.key }))
      .setPlaceholder(t("review.sheet.scorePlaceholder", { label }).slice(0, 150))
      .setDisabled(done);
    for (let score = MIN_SCORE; score <= MAX_SCORE; score += 1) {
      menu.addOptions({
        label: `${label.slice(0, 80)}: ${t("review.sheet.scoreOption", { score })}`,
        value: String(score),
        default: sheet.scores[c.key] === score,
      });
    }
    return new ActionRowBuilder<StringSelectMenuBuilder>().addComponents(menu);
  });
  const labels = {
    comment: "review.sheet.commentButton",
    save: "review.sheet.saveButton",
    publish: "review.sheet.publishButton",
  } as const;
  const action = (kind: keyof typeof labels, style: ButtonStyle) =>
    new ButtonBuilder()
      .setCustomId(sheetActionId.encode({ ...ids, action: kind }))
      .setLabel(t(labels[kind]))
      .setStyle(style)
      .setDisabled(done);
  const buttons = new ActionRowBuilder<ButtonBuilder>().addComponents(
    action("comment", ButtonStyle.Secondary),
    action("save", ButtonStyle.Secondary),
    action("publish", ButtonStyle.Success),
  );
  return {
    content: lines.join("\n").slice(0, 2000),
    components: [...selects, buttons],
    allowedMentions: { parse: [] },
  };
}

/** The comment modal, pre-filled with the draft's comment. */
export function commentModal(
  t: Translator,
  sheet: Pick<ReviewSheet, "versionId" | "reviewerId" | "comment">,
) {
  const input = new TextInputBuilder()
    .setCustomId("comment")
    .setLabel(t("review.modal.comment"))
    .setStyle(TextInputStyle.Paragraph)
    .setMaxLength(MAX_COMMENT)
    .setRequired(false);
  if (sheet.comment !== "") input.setValue(sheet.comment);
  return new ModalBuilder()
    .setCustomId(commentModalId.encode({ versionId: sheet.versionId, reviewerId: sheet.reviewerId }))
    .setTitle(t("review.modal.title"))
    .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input));
}

/** The feedback as posted in the intern's thread (and listed by `/submission show`). */
export function feedbackEmbed(t: Translator, locale: Locale, feedback: Feedback): APIEmbed {
  const lines = [
    t("review.feedback.by", { user: `<@${feedback.reviewerUserId}>` }),
    "",
    ...feedback.rubric.map((c) =>
      t("review.feedback.score", {
        label: criterionLabel(c, locale),
        score: feedback.scores[c.key] ?? t("value.notScored"),
      }),
    ),
    ...(feedback.comment === "" ? [] : ["", feedback.comment]),
  ];
  return {
    title: t("review.feedback.title", { number: feedback.versionNumber }),
    description: lines.join("\n").slice(0, 4096),
  };
}

/** `/review rubric show`. */
export function rubricMessage(t: Translator, rubric: readonly RubricCriterion[], isDefault: boolean): string {
  return [
    `**${t("review.rubric.title")}**`,
    ...(isDefault ? [t("review.rubric.default")] : []),
    ...rubric.map((c) => t("review.rubric.item", c)),
  ].join("\n");
}
