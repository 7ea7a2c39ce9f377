/** {@link OnboardingStore} over the repositories. */
import type { OnboardingStore } from "../../features/onboarding/onboarding.ts";
import type { Database } from "../client.ts";
import { createAgencyRepository } from "../repositories/agencies.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProfileRepository } from "../repositories/profiles.ts";

export function createOnboardingStore(db: Database): OnboardingStore {
  const members = createMemberRepository(db);
  const profiles = createProfileRepository(db);
  const agencies = createAgencyRepository(db);
  return {
    member: (programmeId, userId) => members.find(programmeId, userId),
    async withdrawnAt(memberId) {
      const history = await members.stageHistory(memberId);
      return history.findLast((h) => h.to === "withdrawn")?.at ?? null;
    },
    displayName: async (memberId) => (await members.profile(memberId))?.displayName ?? null,
    draft: (programmeId, userId) => profiles.draft(programmeId, userId),
    saveDraft: (programmeId, userId, changes) => profiles.saveDraft(programmeId, userId, changes),
    saveProfile: (member, profile) => profiles.saveProfileFromDraft(member, profile),
    agencies: (guildId, programmeId) => agencies.forProgramme(guildId, programmeId),
    updateChoices: (memberId, changes) => profiles.updateChoices(memberId, changes),
    changeAgency: (memberId, agencyId, at) => profiles.changeAgency(memberId, agencyId, at),
    complete: (write) => profiles.completeOnboarding(write),
    setAgencyConsent: (memberId, share, at) => members.setAgencyConsent(memberId, share, at),
  };
}
