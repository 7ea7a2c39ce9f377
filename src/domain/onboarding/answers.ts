import { z } from "zod";
import type { MemberProfile } from "../member/types.ts";
import { ProfileLimits } from "./limits.ts";
import type { AnswerProblem } from "./problems.ts";
import { normaliseHours, parseInterests, parseSkills } from "./skills.ts";

/** The accommodations offered as ready-made choices (besides free text). */
export const ACCOMMODATION_OPTIONS = [
  "textOnlyPresentation",
  "extendedDeadlines",
  "fewerNotifications",
] as const;
export type AccommodationOption = (typeof ACCOMMODATION_OPTIONS)[number];

/** Languages an intern may prefer. */
export const PROFILE_LOCALES = ["ja", "en"] as const;
export type ProfileLocale = (typeof PROFILE_LOCALES)[number];

/**
 * The answers of an unfinished onboarding or profile edit, exactly as typed and picked. Stored as
 * JSON (`OnboardingDraft.answers`), so it is parsed on the way back in; everything is optional
 * because a draft fills up step by step. The free-text fields stay raw text, so a mistake is shown
 * back to the intern as they typed it.
 */
export const draftAnswersSchema = z.object({
  displayName: z.string().max(200).optional(),
  skills: z.string().max(2000).optional(),
  interests: z.string().max(2000).optional(),
  hours: z.string().max(100).optional(),
  accommodationNotes: z.string().max(4000).optional(),
  preferredLocale: z.enum(PROFILE_LOCALES).optional(),
  accommodationOptions: z.array(z.enum(ACCOMMODATION_OPTIONS)).max(ACCOMMODATION_OPTIONS.length).optional(),
  /** null: the intern said "no agency"; absent: not asked yet. */
  agencyId: z.string().max(40).nullable().optional(),
  /** Off unless the intern explicitly turns it on. */
  agencyConsent: z.boolean().optional(),
});
export type DraftAnswers = z.infer<typeof draftAnswersSchema>;

/** The text fields of the "about you" form, all optional in a draft. */
export type AboutAnswers = Pick<
  DraftAnswers,
  "displayName" | "skills" | "interests" | "hours" | "accommodationNotes"
>;

/** The parsed "about you" answers. */
export interface About {
  displayName: string;
  skills: MemberProfile["skills"];
  interests: string[];
  weeklyHoursAvailable: number;
  accommodationNotes: string | null;
}

const displayNameSchema = z
  .string()
  .transform((value) => value.normalize("NFC").replace(/\s+/gu, " ").trim())
  .pipe(z.string().min(1).max(ProfileLimits.displayName));

const hoursSchema = z
  .string()
  .transform(normaliseHours)
  .pipe(z.string().regex(/^\d+$/))
  .transform(Number)
  .pipe(z.number().int().min(ProfileLimits.minHours).max(ProfileLimits.maxHours));

/**
 * Checks the "about you" answers. Returns every problem at once (never only the first), so a
 * person on a phone fixes everything in one go; the caller keeps the raw answers either way.
 */
export function validateAbout(
  answers: AboutAnswers,
): { ok: true; value: About; problems: [] } | { ok: false; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];

  const name = displayNameSchema.safeParse(answers.displayName ?? "");
  if (!name.success) {
    const empty = (answers.displayName ?? "").trim().length === 0;
    problems.push(
      empty
        ? { field: "displayName", code: "required" }
        : { field: "displayName", code: "tooLong", max: ProfileLimits.displayName },
    );
  }

  const skills = parseSkills(answers.skills ?? "");
  problems.push(...skills.problems);
  const interests = parseInterests(answers.interests ?? "");
  problems.push(...interests.problems);

  const hoursText = normaliseHours(answers.hours ?? "");
  const hours = hoursSchema.safeParse(hoursText);
  if (!hours.success) {
    if (hoursText === "") problems.push({ field: "hours", code: "required" });
    else if (!/^\d+$/.test(hoursText)) problems.push({ field: "hours", code: "notWhole", value: hoursText });
    else
      problems.push({
        field: "hours",
        code: "range",
        min: ProfileLimits.minHours,
        max: ProfileLimits.maxHours,
      });
  }

  const notes = (answers.accommodationNotes ?? "").trim();
  if (notes.length > ProfileLimits.accommodationNotes) {
    problems.push({ field: "accommodationNotes", code: "tooLong", max: ProfileLimits.accommodationNotes });
  }

  if (problems.length > 0 || !name.success || !hours.success) return { ok: false, problems };
  return {
    ok: true,
    problems: [],
    value: {
      displayName: name.data,
      skills: skills.skills,
      interests: interests.interests,
      weeklyHoursAvailable: hours.data,
      accommodationNotes: notes === "" ? null : notes,
    },
  };
}

/**
 * A complete profile as it is saved: the last check before anything is written, whatever path
 * the answers took (form, select menus, stored draft).
 */
export const completeProfileSchema = z.object({
  displayName: z.string().min(1).max(ProfileLimits.displayName),
  skills: z
    .array(
      z.object({
        name: z.string().min(1).max(ProfileLimits.skillName),
        level: z.number().int().min(ProfileLimits.minSkillLevel).max(ProfileLimits.maxSkillLevel),
      }),
    )
    .max(ProfileLimits.skills),
  interests: z.array(z.string().min(1).max(ProfileLimits.interest)).max(ProfileLimits.interests),
  weeklyHoursAvailable: z.number().int().min(ProfileLimits.minHours).max(ProfileLimits.maxHours),
  preferredLocale: z.enum(PROFILE_LOCALES),
  accommodations: z.object({
    notes: z.string().max(ProfileLimits.accommodationNotes).nullable(),
    textOnlyPresentation: z.boolean(),
    extendedDeadlines: z.boolean(),
    fewerNotifications: z.boolean(),
  }),
});
export type CompleteProfile = z.infer<typeof completeProfileSchema>;

/** What onboarding saves: the profile, the agency and the consent. */
export interface OnboardingResult {
  profile: CompleteProfile;
  agencyId: string | null;
  /** Only ever true when the intern picked an agency and explicitly said yes. */
  agencyConsent: boolean;
}

/**
 * Turns a finished draft into what onboarding saves, or says which step is unfinished.
 * `agencyIds` are the programme's agencies: a draft naming another (deleted, or from another
 * programme) is sent back to the choices step.
 */
export function completeDraft(
  draft: DraftAnswers,
  fallbackLocale: ProfileLocale,
  agencyIds: ReadonlySet<string>,
):
  | { ok: true; value: OnboardingResult }
  | { ok: false; step: "about"; problems: AnswerProblem[] }
  | { ok: false; step: "choices" } {
  const about = validateAbout(draft);
  if (!about.ok) return { ok: false, step: "about", problems: about.problems };
  const agencyId = draft.agencyId ?? null;
  if (agencyId !== null && !agencyIds.has(agencyId)) return { ok: false, step: "choices" };
  const options = new Set(draft.accommodationOptions ?? []);
  const profile = completeProfileSchema.parse({
    displayName: about.value.displayName,
    skills: about.value.skills,
    interests: about.value.interests,
    weeklyHoursAvailable: about.value.weeklyHoursAvailable,
    preferredLocale: draft.preferredLocale ?? fallbackLocale,
    accommodations: {
      notes: about.value.accommodationNotes,
      textOnlyPresentation: options.has("textOnlyPresentation"),
      extendedDeadlines: options.has("extendedDeadlines"),
      fewerNotifications: options.has("fewerNotifications"),
    },
  });
  return {
    ok: true,
    value: { profile, agencyId, agencyConsent: agencyId !== null && draft.agencyConsent === true },
  };
}

/** A saved profile as draft answers: pre-fills the form when an intern edits it. */
export function answersFromProfile(profile: MemberProfile): DraftAnswers {
  return {
    displayName: profile.displayName,
    skills: profile.skills.map((s) => `${s.name}:${s.level}`).join(", "),
    interests: profile.interests.join(", "),
    hours: profile.weeklyHoursAvailable === null ? "" : String(profile.weeklyHoursAvailable),
    accommodationNotes: profile.accommodations.notes ?? "",
    ...(profile.preferredLocale ? { preferredLocale: profile.preferredLocale } : {}),
    accommodationOptions: ACCOMMODATION_OPTIONS.filter((option) => profile.accommodations[option]),
  };
}
