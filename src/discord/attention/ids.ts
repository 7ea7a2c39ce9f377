import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/** Custom ids of the attention list: **Contacted** for one intern, and its modal (optional note). */
const payload = { programmeId: z.string().min(1).max(40), memberId: z.string().min(1).max(40) };

export const contactedButtonId = defineCustomId("att-contact", 1, payload);
export const contactedModalId = defineCustomId("att-contact-m", 1, payload);
