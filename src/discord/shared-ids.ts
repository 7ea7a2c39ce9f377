import { z } from "zod";
import { defineCustomId } from "./custom-id.ts";

/**
 * Custom ids shared by two features: the module that builds the component and the module that
 * handles it import the same definition.
 */

/** The Join button on a programme's welcome message: built by `/program open`, handled by onboarding. */
export const joinButtonId = defineCustomId("join", 1, { programmeId: z.string().min(1).max(40) });
