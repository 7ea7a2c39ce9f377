/** {@link AgencyStore} over the database: each write with its audit entry in one transaction. */
import type { AgencyStore } from "../../features/agency/agencies.ts";
import type { Database } from "../client.ts";
import { ConstraintViolation } from "../errors.ts";
import { AGENCY_NAME_CONSTRAINT, createAgencyRepository } from "../repositories/agencies.ts";
import { createAuditRepository } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";

export function createAgencyStore(db: Database): AgencyStore {
  const agencies = createAgencyRepository(db);
  return {
    forProgramme: (guildId, programmeId) => agencies.forProgramme(guildId, programmeId),
    find: (guildId, programmeId, agencyId) => agencies.find(guildId, programmeId, agencyId),
    summaries: (guildId, programmeId) => agencies.summaries(guildId, programmeId),
    agencyIdsOfStaff: (guildId, userId) => agencies.agencyIdsOfStaff(guildId, userId),
    consentingClients: (programmeId, ids) => agencies.consentingClients(programmeId, ids),
    async addAgency(input) {
      try {
        const agency = await db.$transaction(async (tx) => {
          const created = await createAgencyRepository(tx).create({
            guildId: input.guildId,
            programmeId: input.programmeId,
            name: input.name,
          });
          await createAuditRepository(tx).record({
            guildId: input.guildId,
            programmeId: input.programmeId,
            actorUserId: input.actorUserId,
            action: "agency.add",
            target: `agency:${created.id}`,
            data: { name: input.name },
            at: input.at,
          });
          return created;
        });
        return { status: "added", agency };
      } catch (error) {
        if (error instanceof ConstraintViolation && error.constraint === AGENCY_NAME_CONSTRAINT) {
          return { status: "name_taken" };
        }
        throw error;
      }
    },
    addStaff: (input) =>
      db.$transaction(async (tx) => {
        const added = await createAgencyRepository(tx).addStaff(input.agencyId, input.discordUserId);
        await createMemberRepository(tx).join({
          programmeId: input.programmeId,
          discordUserId: input.discordUserId,
          roles: ["agency_staff"],
          grantedByUserId: input.actorUserId,
          at: input.at,
        });
        if (added) {
          await createAuditRepository(tx).record({
            guildId: input.guildId,
            programmeId: input.programmeId,
            actorUserId: input.actorUserId,
            action: "agency.staff.add",
            target: `agency:${input.agencyId}`,
            data: { userId: input.discordUserId },
            at: input.at,
          });
        }
        return added;
      }),
  };
}
