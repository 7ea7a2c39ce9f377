/** How submissions read in Discord: the receipt (reply and thread post) and `/submission show`. */
import type { APIEmbed } from "discord.js";
import type { Locale } from "../../domain/enums.ts";
import { shortHash } from "../../domain/submission/manifest.ts";
import type { StatusOverview, SubmissionShown } from "../../features/submission/manage.ts";
import type { Receipt } from "../../features/submission/ports.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";

/** Sizes as people read them: 812 B, 12.5 KB, 1.0 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The on-time / late line of a receipt. */
export function punctualityLine(t: Translator, receipt: Pick<Receipt, "lateBy" | "deadlineAt">): string {
  if (receipt.deadlineAt === null) return t("submission.receipt.onTimeNoDeadline");
  const deadline = discordTimestamp(receipt.deadlineAt, "f");
  return receipt.lateBy === null
    ? t("submission.receipt.onTime", { deadline })
    : t("submission.receipt.late", { ...receipt.lateBy, deadline });
}

/** The receipt as an embed: version, time, punctuality, hash, and every item with its size. */
export function receiptEmbed(t: Translator, receipt: Receipt): APIEmbed {
  const items = [
    ...receipt.links.map((l) =>
      t("submission.receipt.link", { label: t(`submission.receipt.label.${l.label}`), url: l.url }),
    ),
    ...receipt.files.map((f) => t("submission.receipt.file", { name: f.name, size: formatBytes(f.size) })),
  ];
  const lines = [
    t("submission.receipt.by", { user: `<@${receipt.userId}>` }),
    t("submission.receipt.time", { at: discordTimestamp(receipt.submittedAt, "F") }),
    punctualityLine(t, receipt),
    t("submission.receipt.hash", { hash: receipt.shortHash }),
    "",
    `**${t("submission.receipt.items")}**`,
    ...items,
    ...(receipt.note === null ? [] : ["", t("submission.receipt.note", { note: receipt.note })]),
  ];
  return {
    title: t("submission.receipt.title", { number: receipt.number }),
    description: lines.join("\n").slice(0, 4096),
  };
}

/** `/submission show`: the deadline, then one line per version with its items. */
export function shownEmbed(t: Translator, locale: Locale, shown: SubmissionShown): APIEmbed {
  const deadline =
    shown.deadline === null
      ? t("submission.show.noDeadline")
      : shown.deadline.source === "programme"
        ? t("submission.show.deadline", { deadline: discordTimestamp(shown.deadline.at, "f") })
        : t(`submission.show.deadline.${shown.deadline.source}`, {
            deadline: discordTimestamp(shown.deadline.at, "f"),
          });
  const lines = [
    `**${t("submission.show.title", { user: `<@${shown.userId}>` })}**`,
    deadline,
    ...(shown.extensionReason === null
      ? []
      : [t("submission.show.reason", { reason: shown.extensionReason })]),
    ...(shown.closed ? [t("submission.show.closed")] : []),
    "",
  ];
  if (shown.versions.length === 0) lines.push(t("submission.show.none"));
  for (const v of [...shown.versions].reverse()) {
    lines.push(
      `**${t("submission.show.version", {
        number: v.number,
        at: discordTimestamp(v.submittedAt, "f"),
        hash: shortHash(v.manifestHash),
        status: t(v.late ? "submission.show.late" : "submission.show.onTime"),
      })}**`,
      ...v.links.map((l) =>
        t("submission.receipt.link", { label: t(`submission.receipt.label.${l.label}`), url: l.url }),
      ),
      ...v.files.map((f) => t("submission.receipt.file", { name: f.name, size: formatBytes(f.size) })),
      ...(v.note === null ? [] : [t("submission.receipt.note", { note: v.note })]),
      ...shown.feedback
        .filter((f) => f.versionId === v.id)
        .flatMap((f) => [
          t("review.feedback.by", { user: `<@${f.reviewerUserId}>` }),
          ...shown.rubric.map((c) =>
            t("review.feedback.score", {
              label: locale === "ja" ? c.ja : c.en,
              score: f.scores[c.key] ?? t("value.notScored"),
            }),
          ),
          ...(f.comment === "" ? [] : [`> ${f.comment.replaceAll("\n", "\n> ")}`]),
        ]),
    );
  }
  return { description: lines.join("\n").slice(0, 4096) };
}

/** `/submission status`: the counts, then one page of the interns under the filter. */
export function statusEmbed(t: Translator, overview: StatusOverview): APIEmbed {
  const { counts, filter } = overview;
  const lines = [
    t("submission.status.counts", {
      interns: counts.interns,
      submitted: counts.submitted,
      missing: counts.missing,
      late: counts.late,
      unreviewed: counts.unreviewed,
      extended: counts.extended,
    }),
    overview.deadline === null
      ? t("submission.status.noDeadline")
      : t("submission.status.deadline", { at: discordTimestamp(overview.deadline, "f") }),
  ];
  if (overview.closed) lines.push(t("submission.status.closed"));
  const names = overview.userIds.map((id) => `<@${id}>`).join(" ");
  return {
    title: t("submission.status.title"),
    description: lines.join("\n"),
    fields: [
      {
        name: t("submission.status.list", {
          filter: t(`submission.status.filterName.${filter}`),
          page: overview.page,
          pages: overview.pages,
        }),
        value: names === "" ? t("submission.status.none") : names,
      },
    ],
  };
}
