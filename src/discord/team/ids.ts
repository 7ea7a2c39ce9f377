import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/** The Join button on a team invitation: only its invitee may press it (checked by the use-case). */
export const teamJoinId = defineCustomId("team-join", 1, { inviteId: z.string().min(1).max(40) });
