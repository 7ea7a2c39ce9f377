/** Support agencies of a guild's programmes, their staff, and the clients who consent to be seen. */
import type { Agency, AgencyClient, AgencySummary } from "../../domain/agency/types.ts";
import type { DatabaseTransaction } from "../client.ts";
import { mapConstraintViolations } from "../errors.ts";

export type { Agency, AgencyClient, AgencySummary };

/** The unique index that makes agency names unique in a guild. */
export const AGENCY_NAME_CONSTRAINT = "agency_guildId_name_key";

function toAgency(row: Agency): Agency {
  return {
    id: row.id,
    guildId: row.guildId,
    programmeId: row.programmeId,
    name: row.name,
    createdAt: row.createdAt,
  };
}

/** Reads and writes agencies and agency staff. */
export function createAgencyRepository(db: DatabaseTransaction) {
  /** The agencies a programme offers: its own and the guild-wide ones. */
  const scope = (guildId: string, programmeId: string) => ({
    guildId,
    OR: [{ programmeId }, { programmeId: null }],
  });

  return {
    /** @throws ConstraintViolation {@link AGENCY_NAME_CONSTRAINT} when the guild has one of that name. */
    async create(input: { guildId: string; programmeId: string | null; name: string }): Promise<Agency> {
      return toAgency(await mapConstraintViolations(() => db.agency.create({ data: input })));
    },

    /** The programme's agencies, by name. */
    async forProgramme(guildId: string, programmeId: string): Promise<Agency[]> {
      const rows = await db.agency.findMany({ where: scope(guildId, programmeId), orderBy: { name: "asc" } });
      return rows.map(toAgency);
    },

    /** One of the programme's agencies, or null (also for an agency of another programme or guild). */
    async find(guildId: string, programmeId: string, agencyId: string): Promise<Agency | null> {
      const row = await db.agency.findFirst({ where: { id: agencyId, ...scope(guildId, programmeId) } });
      return row === null ? null : toAgency(row);
    },

    /** The programme's agencies with staff and client counts, by name. */
    async summaries(guildId: string, programmeId: string): Promise<AgencySummary[]> {
      const rows = await db.agency.findMany({
        where: scope(guildId, programmeId),
        orderBy: { name: "asc" },
        include: {
          _count: { select: { staff: true } },
          clients: { where: { programmeId }, select: { agencyConsent: true } },
        },
      });
      return rows.map((row) => ({
        ...toAgency(row),
        staffCount: row._count.staff,
        clientCount: row.clients.length,
        consentingClientCount: row.clients.filter((c) => c.agencyConsent).length,
      }));
    },

    /** Records that `discordUserId` works for the agency. Returns false if it already was recorded. */
    async addStaff(agencyId: string, discordUserId: string): Promise<boolean> {
      const existing = await db.agencyStaff.findUnique({
        where: { agencyId_discordUserId: { agencyId, discordUserId } },
      });
      if (existing) return false;
      await db.agencyStaff.upsert({
        where: { agencyId_discordUserId: { agencyId, discordUserId } },
        create: { agencyId, discordUserId },
        update: {},
      });
      return true;
    },

    /** Ends `discordUserId`'s work for the agency. Returns false if they were not recorded. */
    async removeStaff(agencyId: string, discordUserId: string): Promise<boolean> {
      const { count } = await db.agencyStaff.deleteMany({ where: { agencyId, discordUserId } });
      return count > 0;
    },

    /** The Discord user ids of the agency's staff. */
    async staffOf(agencyId: string): Promise<string[]> {
      const rows = await db.agencyStaff.findMany({ where: { agencyId }, orderBy: { createdAt: "asc" } });
      return rows.map((r) => r.discordUserId);
    },

    /**
     * Deletes the agency and its staff records. Its clients stay in the programme without an
     * agency, and sharing is turned off (recording when): consent was given to this agency only.
     * Returns how many clients it had.
     */
    async remove(agencyId: string, at: Date): Promise<number> {
      const { count } = await db.member.updateMany({
        where: { agencyId },
        data: { agencyId: null, agencyConsent: false, agencyConsentChangedAt: at },
      });
      await db.agency.delete({ where: { id: agencyId } });
      return count;
    },

    /** Ids of the agencies (of this guild) the user works for. */
    async agencyIdsOfStaff(guildId: string, discordUserId: string): Promise<Set<string>> {
      const rows = await db.agencyStaff.findMany({
        where: { discordUserId, agency: { guildId } },
        select: { agencyId: true },
      });
      return new Set(rows.map((r) => r.agencyId));
    },

    /**
     * The interns of the programme that picked one of `agencyIds` AND consent now. Nobody else,
     * ever: this is the only list agency staff are shown.
     */
    async consentingClients(programmeId: string, agencyIds: ReadonlySet<string>): Promise<AgencyClient[]> {
      if (agencyIds.size === 0) return [];
      const rows = await db.member.findMany({
        where: { programmeId, agencyId: { in: [...agencyIds] }, agencyConsent: true },
        include: { profile: { select: { displayName: true } } },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      });
      return rows.flatMap((row) =>
        row.agencyId === null
          ? []
          : [
              {
                memberId: row.id,
                discordUserId: row.discordUserId,
                agencyId: row.agencyId,
                displayName: row.profile?.displayName ?? null,
                stage: row.stage,
                consentChangedAt: row.agencyConsentChangedAt,
              },
            ],
      );
    },
  };
}
