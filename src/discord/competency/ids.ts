import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/**
 * Custom ids of the competency sheet: which sheet (subject member, phase, whose) and which page.
 * Scores live in the draft, not in ids; the use-case checks the caller may act on the sheet.
 */
const sheet = {
  memberId: z.string().min(1).max(40),
  phase: z.enum(["before", "during", "after"]),
  assessor: z.enum(["self", "mentor"]),
  page: z.number().int().min(0).max(3),
};

/** Previous / Next page. */
export const sheetPageId = defineCustomId("cmp-page", 1, sheet);
/** The 1–5 select of one element. */
export const sheetScoreId = defineCustomId("cmp-score", 1, {
  ...sheet,
  element: z.string().regex(/^[a-z][a-z_]{0,23}$/),
});
/** Comment (opens the modal) and Submit. */
export const sheetActionId = defineCustomId("cmp-act", 1, {
  ...sheet,
  action: z.enum(["comment", "submit"]),
});
/** The comment modal. */
export const sheetCommentId = defineCustomId("cmp-comment", 1, sheet);
