import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/**
 * Custom ids of the review flow. The sheet's ids carry the version and the reviewer's member id:
 * the use-case refuses a sheet that is not the caller's. Scores live in the draft, not in ids.
 */
const id = z.string().min(1).max(40);
const filter = z.enum(["all", "unreviewed", "mine", "late"]);

/** A page button of `/review queue`. */
export const queuePageId = defineCustomId("rvw-page", 1, { filter, page: z.number().int().min(0).max(999) });
/** An entry's Review button. */
export const openReviewId = defineCustomId("rvw-open", 1, { versionId: id });
/** The 1–5 select of one criterion. */
export const scoreSelectId = defineCustomId("rvw-score", 1, {
  versionId: id,
  reviewerId: id,
  key: z.string().regex(/^[a-z][a-z0-9_]{0,23}$/),
});
/** Comment (opens the modal), Save draft, Publish. */
export const sheetActionId = defineCustomId("rvw-act", 1, {
  versionId: id,
  reviewerId: id,
  action: z.enum(["comment", "save", "publish"]),
});
/** The comment modal. */
export const commentModalId = defineCustomId("rvw-comment", 1, { versionId: id, reviewerId: id });
