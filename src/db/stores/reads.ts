/** {@link ProgrammeReads} over the repositories, shared by the stores that start with them. */
import type { ProgrammeReads } from "../../features/ports.ts";
import type { Database } from "../client.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function programmeReads(db: Database): ProgrammeReads {
  const members = createMemberRepository(db);
  return {
    programme: (id) => createProgrammeRepository(db).get(id),
    member: (programmeId, userId) => members.find(programmeId, userId),
    preferredLocale: (memberId) => members.preferredLocale(memberId),
  };
}
