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
  addStaff(input: StaffChange): Promise<boolean>;
  /**
   * Ends the person's work for the agency with its audit entry, in one transaction; when they
   * work for no other agency of the programme, their `agency_staff` role goes too. `removed` is
   * false when they were not its staff.
   */
  removeStaff(input: StaffChange): Promise<{ removed: boolean; stillStaff: boolean }>;
  /**
   * Deletes the agency with its audit entry, in one transaction: its staff lose the role unless
   * they work for another agency of the programme, its clients keep their place without sharing.
   */
  removeAgency(
    input: Omit<StaffChange, "discordUserId">,
  ): Promise<{ formerStaff: string[]; clients: number }>;
}

interface StaffChange {
  guildId: string;
  programmeId: string;
  agencyId: string;
  discordUserId: string;
  actorUserId: string;
  at: Date;
}

/** Discord's side of a staff add: the observer role, looked up before anything is written. */
export interface ObserverRoleGateway {
  /** The programme's observer role id, or a UserError naming the missing workspace part. */
  roleId(): Promise<string>;
  grant(discordUserId: string, roleId: string, reason: string): Promise<void>;
  /** Takes the role away; someone who already left the server is not an error. */
  revoke(discordUserId: string, roleId: string, reason: string): Promise<void>;
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

    /**
     * Ends a staff member's access at once: the database first (every command reads it), then the
     * observer role in Discord when they work for no other agency of the programme.
     */
    async removeStaff(
      caller: Caller,
      input: { agencyId: string; userId: string },
      discord: ObserverRoleGateway,
    ): Promise<{ agency: Agency; roleRemoved: boolean }> {
      const agency = await store.find(caller.guildId, caller.programmeId, input.agencyId);
      if (!agency) throw new UserError("agency.error.unknown");
      const { removed, stillStaff } = await store.removeStaff({
        guildId: caller.guildId,
        programmeId: caller.programmeId,
        agencyId: agency.id,
        discordUserId: input.userId,
        actorUserId: caller.userId,
        at: ports.now(),
      });
      if (!removed) throw new UserError("agency.staff.error.notStaff", { agency: agency.name });
      if (stillStaff) return { agency, roleRemoved: false };
      await discord.revoke(input.userId, await discord.roleId(), `taiken: no longer staff of ${agency.name}`);
      return { agency, roleRemoved: true };
    },

    /** Removes an agency: its staff lose access at once, its clients stop sharing. */
    async remove(
      caller: Caller,
      agencyId: string,
      discord: ObserverRoleGateway,
    ): Promise<{ agency: Agency; staff: number; clients: number }> {
      const agency = await store.find(caller.guildId, caller.programmeId, agencyId);
      if (!agency) throw new UserError("agency.error.unknown");
      const { formerStaff, clients } = await store.removeAgency({
        guildId: caller.guildId,
        programmeId: caller.programmeId,
        agencyId: agency.id,
        actorUserId: caller.userId,
        at: ports.now(),
      });
      if (formerStaff.length > 0) {
        const roleId = await discord.roleId();
        for (const userId of formerStaff) {
          await discord.revoke(userId, roleId, `taiken: agency ${agency.name} removed`);
        }
      }
      return { agency, staff: formerStaff.length, clients };
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
