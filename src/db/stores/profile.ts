/** {@link ProfileStore} over the repositories. */
import type { ProfileStore } from "../../features/profile/profiles.ts";
import type { Database } from "../client.ts";
import { createAgencyRepository } from "../repositories/agencies.ts";
import { createMemberRepository } from "../repositories/members.ts";

export function createProfileStore(db: Database): ProfileStore {
  const members = createMemberRepository(db);
  const agencies = createAgencyRepository(db);
  return {
    member: (programmeId, userId) => members.find(programmeId, userId),
    profile: (memberId) => members.profile(memberId),
    agency: (guildId, programmeId, agencyId) => agencies.find(guildId, programmeId, agencyId),
    agencyIdsOfStaff: (guildId, userId) => agencies.agencyIdsOfStaff(guildId, userId),
  };
}
