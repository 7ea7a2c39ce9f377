/** The scheduled sweep of submitted files (src/features/submission/blobs.ts). */
import type { AppContext } from "../app/context.ts";
import { JOBS } from "./definitions.ts";
import { done } from "./outcome.ts";
import { handleJob } from "./workers.ts";

/** The hourly sweep of submitted files nothing refers to; running it twice removes nothing more. */
export function sweepBlobsHandler(ctx: AppContext) {
  return handleJob(JOBS.sweepSubmissionBlobs, async () => {
    const swept = await ctx.features.submission.sweepBlobs();
    return done(`${swept.removed} of ${swept.scanned} blob(s) removed, ${swept.temporary} stale upload(s)`);
  });
}
