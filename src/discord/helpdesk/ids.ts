import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/**
 * Custom ids of the help desk. The modal carries `/ask`'s options (the question itself is typed
 * in it); the buttons carry only the ticket, whose state lives in the database, so an old button
 * is answered from what the ticket is now.
 */
const ticketId = z.string().min(1).max(40);

export const askModalId = defineCustomId("ask", 1, {
  programmeId: z.string().min(1).max(40),
  private: z.boolean(),
  anonymous: z.boolean(),
  /** A forum tag id, or "" for none. */
  tagId: z.string().regex(/^\d{0,20}$/),
});
export const claimButtonId = defineCustomId("help-claim", 1, { ticketId });
export const releaseButtonId = defineCustomId("help-release", 1, { ticketId });
export const resolveButtonId = defineCustomId("help-resolve", 1, { ticketId });
