/**
 * The organiser's batch preview in Discord: one page of rows (every intern reachable with
 * Previous/Next), the Confirm button naming how many it applies, and the whole preview as a CSV
 * (through the formula-escaping writer `/program export` uses). Pure: the command sends them.
 */
import { type APIActionRowComponent, type APIButtonComponent, type APIEmbed, ButtonStyle } from "discord.js";
import { z } from "zod";
import type { SupportedLocale } from "../../config/env.ts";
import { toCsv } from "../../domain/export/csv.ts";
import type { PreviewOutcome } from "../../features/library/use-cases.ts";
import type { Translator } from "../../i18n/translate.ts";
import { defineCustomId } from "../custom-id.ts";
import { button, buttonRow, clip, reasonsLine, reasonText, titleIn } from "./render.ts";

/** Rows of the preview on one page (a pair with its reasons is about 300 characters). */
export const PREVIEW_PAGE_SIZE = 10;

/** The Confirm button under a batch preview; the preview (saved) says exactly what to apply. */
export const confirmAllocationId = defineCustomId("asg-confirm", 1, { previewId: z.string().min(1).max(40) });

/** A page of a saved batch preview. */
export const previewPageId = defineCustomId("asg-prv-page", 1, {
  previewId: z.string().min(1).max(40),
  page: z.int().min(0).max(10_000),
});

type Shown = Extract<PreviewOutcome, { kind: "preview" }>;

/** Every row of the preview, pairs first, as lines about the intern. */
function rowsOf(t: Translator, locale: SupportedLocale, preview: Shown): string[] {
  return [
    ...preview.pairs.map((p) =>
      t("assignments.allocate.pair", {
        user: p.discordUserId,
        title: p.latest ? clip(titleIn(locale, p.latest), 80) : p.key,
        score: p.score,
        reasons: reasonsLine(t, p.reasons, 3, "organiser"),
      }),
    ),
    ...preview.unallocated.map((u) =>
      t("assignments.allocate.unallocated", {
        user: u.discordUserId,
        reason: t(`allocation.unallocated.${u.reason}`),
      }),
    ),
  ];
}

/** The pages the preview has (at least one). */
export function previewPages(preview: Shown): number {
  return Math.max(1, Math.ceil((preview.pairs.length + preview.unallocated.length) / PREVIEW_PAGE_SIZE));
}

/** Page `page` (0-based, clamped) of the preview, with its buttons. */
export function previewPage(
  t: Translator,
  locale: SupportedLocale,
  preview: Shown,
  page: number,
): { embeds: APIEmbed[]; components: APIActionRowComponent<APIButtonComponent>[] } {
  const rows = rowsOf(t, locale, preview);
  const pages = previewPages(preview);
  const current = Math.min(Math.max(0, page), pages - 1);
  const from = current * PREVIEW_PAGE_SIZE;
  const slice = rows.slice(from, from + PREVIEW_PAGE_SIZE);
  const { quality } = preview;
  const summary = [
    t("assignments.allocate.summary", {
      interns: preview.interns,
      allocated: preview.pairs.length,
      total: preview.totalScore,
    }),
    quality === undefined
      ? t("assignments.allocate.qualityUnknown")
      : t("assignments.allocate.quality", {
          percent: (Math.floor(quality.ratio * 1000) / 10).toFixed(1),
          optimum: quality.optimumScore,
        }),
  ].join("\n");
  const embed: APIEmbed = {
    title: t("assignments.allocate.title"),
    description: clip(`${summary}\n\n${slice.join("\n")}`, 4096),
    footer: {
      text: t("assignments.allocate.page", {
        from: rows.length === 0 ? 0 : from + 1,
        to: from + slice.length,
        total: rows.length,
        page: current + 1,
        pages,
      }),
    },
  };
  const buttons: APIButtonComponent[] = [];
  if (current > 0)
    buttons.push(
      button(
        previewPageId.encode({ previewId: preview.previewId, page: current - 1 }),
        t("assignments.allocate.previous"),
        ButtonStyle.Secondary,
      ),
    );
  if (current < pages - 1)
    buttons.push(
      button(
        previewPageId.encode({ previewId: preview.previewId, page: current + 1 }),
        t("assignments.allocate.next"),
        ButtonStyle.Secondary,
      ),
    );
  if (preview.pairs.length > 0)
    buttons.push(
      button(
        confirmAllocationId.encode({ previewId: preview.previewId }),
        t("assignments.allocate.confirmCount", { count: preview.pairs.length }),
        ButtonStyle.Success,
      ),
    );
  return { embeds: [embed], components: buttons.length === 0 ? [] : [buttonRow(buttons)] };
}

/** The whole preview as CSV: one row per intern, reasons about them in the organiser's locale. */
export function previewCsv(t: Translator, locale: SupportedLocale, preview: Shown): string {
  const rows = [
    ...preview.pairs.map((p) => ({
      discord_user_id: p.discordUserId,
      assignment_key: p.key,
      assignment_title: p.latest ? titleIn(locale, p.latest) : "",
      score: p.score,
      reasons: p.reasons.map((r) => reasonText(t, r, "organiser")).join(" / "),
    })),
    ...preview.unallocated.map((u) => ({
      discord_user_id: u.discordUserId,
      assignment_key: "",
      assignment_title: t("assignments.allocate.csvUnallocated"),
      score: "",
      reasons: t(`allocation.unallocated.${u.reason}`),
    })),
  ];
  return toCsv(rows, ["discord_user_id", "assignment_key", "assignment_title", "score", "reasons"]);
}
