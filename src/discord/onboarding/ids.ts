import { z } from "zod";
import { defineCustomId } from "../custom-id.ts";

/**
 * Custom ids of the onboarding and profile flows. They carry the programme (so a button from an
 * earlier programme is recognised as stale) and which step or field; the answers themselves live
 * in the database draft, never in ids.
 */
const programmeId = z.string().min(1).max(40);
/** `join`: the onboarding form; `edit`: an onboarded intern editing their profile. */
const mode = z.enum(["join", "edit"]);
/** Where a choice is saved: the onboarding draft, or straight into the saved profile. */
const target = z.enum(["draft", "profile"]);

/** The "about you" form (display name, skills, interests, hours, accommodation notes). */
export const aboutModalId = defineCustomId("onb-about", 1, { programmeId, mode });
/** Re-opens the form pre-filled with what was typed. */
export const reopenButtonId = defineCustomId("onb-reopen", 1, { programmeId, mode });
/** One of the fixed-choice select menus: language, accommodations, agency. */
export const choiceSelectId = defineCustomId("onb-choice", 1, {
  programmeId,
  field: z.enum(["language", "accommodations", "agency"]),
  target,
});
/** Shows the choices step (from the confirmation, or from `/profile show`). */
export const choicesButtonId = defineCustomId("onb-choices", 1, { programmeId, target });
/** Choices done: on to consent (with an agency) or straight to the confirmation. */
export const nextButtonId = defineCustomId("onb-next", 1, { programmeId });
/** The consent step's answer. */
export const consentButtonId = defineCustomId("onb-consent", 1, { programmeId, share: z.boolean() });
/** "Join with these answers". */
export const confirmButtonId = defineCustomId("onb-confirm", 1, { programmeId });
/** `/profile show`'s sharing toggle. */
export const profileConsentButtonId = defineCustomId("profile-consent", 1, {
  programmeId,
  share: z.boolean(),
});
