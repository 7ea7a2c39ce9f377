/** Limits on what an intern types. Shared by the validators and the form (max lengths). */
export const ProfileLimits = {
  /** Discord's nickname limit, so the name also fits thread titles. */
  displayName: 32,
  skillName: 40,
  skills: 15,
  /** The text input holding the skills list. */
  skillsText: 400,
  interest: 40,
  interests: 10,
  interestsText: 400,
  minHours: 1,
  maxHours: 60,
  accommodationNotes: 1000,
  minSkillLevel: 1,
  maxSkillLevel: 5,
} as const;
