/** Typed views of the schema's Json columns. Invalid stored JSON is a bug, so parsing throws. */
import { z } from "zod";

export const stringList = z.array(z.string());

/** A link shown with an assignment or submission (repository, demo, document…). */
export const linkList = z.array(z.object({ label: z.string(), url: z.string() }));

/** A file attached to an assignment. */
export const attachmentList = z.array(
  z.object({
    name: z.string(),
    url: z.string(),
    size: z.number().int().nonnegative().optional(),
    contentType: z.string().optional(),
  }),
);
