/** {@link ProfileStore} over the repositories. */
import type { ProfileStore } from "../../features/profile/profiles.ts";
import type { Database } from "../client.ts";
import { createAgencyRepository } from "../repositories/agencies.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";

export function createProfileStore(db: Database): ProfileStore {
  const members = createMemberRepository(db);
  const agencies = createAgencyRepository(db);
  return {
    member: (programmeId, userId) => members.find(programmeId, userId),
    profile: (memberId) => members.profile(memberId),
    agency: (guildId, programmeId, agencyId) => agencies.find(guildId, programmeId, agencyId),
    agencyIdsOfStaff: (guildId, userId) => agencies.agencyIdsOfStaff(guildId, userId),
    eraseProfile: (input) =>
      db.$transaction(async (tx) => {
        const member = await tx.member.findUniqueOrThrow({
          where: { id: input.memberId },
          select: { agencyId: true, agencyConsent: true },
        });
        const profile = await tx.memberProfile.deleteMany({ where: { memberId: input.memberId } });
        const skills = await tx.memberSkill.deleteMany({ where: { memberId: input.memberId } });
        const preferences = await tx.assignmentPreference.deleteMany({ where: { memberId: input.memberId } });
        const draft = await tx.onboardingDraft.deleteMany({
          where: { programmeId: input.programmeId, discordUserId: input.discordUserId },
        });
        const agency = member.agencyId !== null || member.agencyConsent;
        if (agency) {
          await tx.member.update({
            where: { id: input.memberId },
            data: { agencyId: null, agencyConsent: false, agencyConsentChangedAt: input.at },
          });
        }
        const erased = {
          profile: profile.count > 0,
          skills: skills.count,
          preferences: preferences.count,
          draft: draft.count > 0,
          agency,
        };
        // What was erased, never its content.
        await recordAudit(tx, input, "profile.erase", `member:${input.memberId}`, erased);
        return erased;
      }),
  };
}
