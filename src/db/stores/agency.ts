/** {@link AgencyStore} over the database: each write with its audit entry in one transaction. */
import type { AgencyStore } from "../../features/agency/agencies.ts";
import type { Database, DatabaseTransaction } from "../client.ts";
import { ConstraintViolation } from "../errors.ts";
import { AGENCY_NAME_CONSTRAINT, createAgencyRepository } from "../repositories/agencies.ts";
import { recordAudit } from "../repositories/audit.ts";
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
          await recordAudit(tx, input, "agency.add", `agency:${created.id}`, { name: input.name });
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
          await recordAudit(tx, input, "agency.staff.add", `agency:${input.agencyId}`, {
            userId: input.discordUserId,
          });
        }
        return added;
      }),
    removeStaff: (input) =>
      db.$transaction(async (tx) => {
        const repo = createAgencyRepository(tx);
        const removed = await repo.removeStaff(input.agencyId, input.discordUserId);
        if (!removed) return { removed, stillStaff: true };
        const stillStaff = await revokeUnlessStaffElsewhere(tx, input, input.discordUserId);
        await recordAudit(tx, input, "agency.staff.remove", `agency:${input.agencyId}`, {
          userId: input.discordUserId,
        });
        return { removed, stillStaff };
      }),
    removeAgency: (input) =>
      db.$transaction(async (tx) => {
        const repo = createAgencyRepository(tx);
        const agency = await repo.find(input.guildId, input.programmeId, input.agencyId);
        const staff = await repo.staffOf(input.agencyId);
        const clients = await repo.remove(input.agencyId, input.at);
        const formerStaff: string[] = [];
        for (const userId of staff) {
          if (!(await revokeUnlessStaffElsewhere(tx, input, userId))) formerStaff.push(userId);
        }
        await recordAudit(tx, input, "agency.remove", `agency:${input.agencyId}`, {
          name: agency?.name ?? null,
          staff: staff.length,
          clients,
        });
        return { formerStaff, clients };
      }),
  };
}

/**
 * Whether the person still works for another agency of the programme; if not, their
 * `agency_staff` role in it is revoked (the router reads it on every command).
 */
async function revokeUnlessStaffElsewhere(
  tx: DatabaseTransaction,
  where: { guildId: string; programmeId: string },
  discordUserId: string,
): Promise<boolean> {
  const agencies = createAgencyRepository(tx);
  const own = await agencies.agencyIdsOfStaff(where.guildId, discordUserId);
  const programmeAgencies = await agencies.forProgramme(where.guildId, where.programmeId);
  if (programmeAgencies.some((a) => own.has(a.id))) return true;
  const members = createMemberRepository(tx);
  const member = await members.find(where.programmeId, discordUserId);
  if (member?.roles.includes("agency_staff")) await members.revokeRole(member.id, "agency_staff");
  return false;
}
