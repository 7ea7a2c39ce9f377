/**
 * `/agency`: support agencies, their staff, and each agency's consenting clients. Every write and
 * its audit entry commit together; access for staff is granted in the database first, then in
 * Discord, so running a staff add again repairs a failed role change.
 */
import type { Agency, AgencyClient, AgencySummary } from "../../domain/agency/types.ts";
import { UserError } from "../errors.ts";

/** The store behind the agency flows (src/db/stores/agency.ts). */
export interface AgencyStore {
  forProgramme(guildId: string, programmeId: string): Promise<Agency[]>;
  find(guildId: string, programmeId: string, agencyId: string): Promise<Agency | null>;
  summaries(guildId: string, programmeId: string): Promise<AgencySummary[]>;
  agencyIdsOfStaff(guildId: string, discordUserId: string): Promise<Set<string>>;
  consentingClients(programmeId: string, agencyIds: ReadonlySet<string>): Promise<AgencyClient[]>;
  /** Creates the agency and its audit entry in one transaction. */
  addAgency(input: {
    guildId: string;
    programmeId: string;
    name: string;
    actorUserId: string;
    at: Date;
  }): Promise<{ status: "added"; agency: Agency } | { status: "name_taken" }>;
  /**
   * Records the staff member, their programme membership (role `agency_staff`) and, when new, the
   * audit entry, in one transaction. Returns false when they were already recorded.
   */
  addStaff(input: {
    guildId: string;
    programmeId: string;
    agencyId: string;
    discordUserId: string;
    actorUserId: string;
    at: Date;
  }): Promise<boolean>;
}

/** Discord's side of a staff add: the observer role, looked up before anything is written. */
export interface ObserverRoleGateway {
  /** The programme's observer role id, or a UserError naming the missing workspace part. */
  roleId(): Promise<string>;
  grant(discordUserId: string, roleId: string, reason: string): Promise<void>;
}

interface Caller {
  guildId: string;
  programmeId: string;
  userId: string;
}

export function agencyUseCases(ports: { store: AgencyStore; now: () => Date }) {
  const { store } = ports;
  return {
    async add(caller: Caller, rawName: string): Promise<{ name: string }> {
      const name = rawName.normalize("NFC").replace(/\s+/gu, " ").trim();
      if (name.length === 0 || name.length > 100) throw new UserError("agency.error.name");
      const added = await store.addAgency({
        guildId: caller.guildId,
        programmeId: caller.programmeId,
        name,
        actorUserId: caller.userId,
        at: ports.now(),
      });
      if (added.status === "name_taken") throw new UserError("agency.error.exists", { name });
      return { name };
    },

    list: (caller: Caller) => store.summaries(caller.guildId, caller.programmeId),

    /** The consenting clients of the agencies the caller works for. */
    async clients(caller: Caller): Promise<AgencyClient[]> {
      const ids = await store.agencyIdsOfStaff(caller.guildId, caller.userId);
      return store.consentingClients(caller.programmeId, ids);
    },

    async addStaff(
      caller: Caller,
      input: { agencyId: string; user: { id: string; bot: boolean; inGuild: boolean } },
      discord: ObserverRoleGateway,
    ): Promise<{ agency: Agency; added: boolean }> {
      const agency = await store.find(caller.guildId, caller.programmeId, input.agencyId);
      if (!agency) throw new UserError("agency.error.unknown");
      if (input.user.bot || !input.user.inGuild) throw new UserError("agency.error.notStaff");
      const roleId = await discord.roleId();
      const added = await store.addStaff({
        guildId: caller.guildId,
        programmeId: caller.programmeId,
        agencyId: agency.id,
        discordUserId: input.user.id,
        actorUserId: caller.userId,
        at: ports.now(),
      });
      await discord.grant(input.user.id, roleId, `taiken: staff of ${agency.name}`);
      return { agency, added };
    },

    /** The programme's agencies whose name contains what was typed (autocomplete). */
    async suggest(caller: Caller, typed: string): Promise<Agency[]> {
      const needle = typed.trim().toLowerCase();
      const agencies = await store.forProgramme(caller.guildId, caller.programmeId);
      return agencies.filter((a) => a.name.toLowerCase().includes(needle));
    },
  };
}

export type AgencyUseCases = ReturnType<typeof agencyUseCases>;
