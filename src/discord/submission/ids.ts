import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/** Approve / Decline on an extension request posted in the staff room. */
export const extensionDecisionId = defineCustomId("sub-xreq", 1, {
  requestId: z.string().min(1).max(40),
  decision: z.enum(["approved", "declined"]),
});
