import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/**
 * Custom ids of the 日報 flow. They carry the programme (a button or modal from an earlier
 * programme is stale), the day and where to post; the report itself lives in the database.
 */
const programmeId = z.string().min(1).max(40);
const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** The 日報 modal for one day. */
export const reportModalId = defineCustomId("report", 1, { programmeId, localDate, private: z.boolean() });
/** `/checkout`'s "write today's 日報" button (the day is decided when it is clicked). */
export const reportButtonId = defineCustomId("report-write", 1, { programmeId });
