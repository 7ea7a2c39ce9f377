/**
 * `/program staff add | remove | list`: organisers make people organisers or mentors of the
 * programme. The programme's record (its member roles) is what the router checks on every
 * interaction; the workspace role is what Discord uses for channel and thread access. Both are
 * kept in step here.
 */
import type { Locale, MemberRoleKind } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { DiscordResource } from "../../domain/programme/types.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { t as translate } from "../../i18n/translate.ts";
import { UserError } from "../errors.ts";
import {
  type AuditPort,
  type AuditRecord,
  ExclusiveKeys,
  type ExclusivePort,
  exclusively,
} from "../ports.ts";
import type { ProgrammeCaller } from "./ports.ts";

/** The programme roles organisers hand out with `/program staff`. */
export type StaffRole = Extract<MemberRoleKind, "organiser" | "mentor">;

const ROLE_KEYS: Record<StaffRole, string> = {
  organiser: ResourceKeys.roles.organiser,
  mentor: ResourceKeys.roles.mentor,
};

/** What a staff grant writes in one transaction. */
export interface StaffTransaction {
  /** Records the role (joining the user to the programme if new); idempotent. */
  grant(input: {
    programmeId: string;
    userId: string;
    role: StaffRole;
    grantedByUserId: string;
    at: Date;
  }): Promise<void>;
  audit: AuditPort;
}

/** The store behind `/program staff` (implemented in src/db/stores/programme.ts). */
export interface StaffStore {
  member(programmeId: string, userId: string): Promise<Member | null>;
  discordResource(programmeId: string, key: string): Promise<DiscordResource | null>;
  /** Discord user ids of the members holding `role`, longest-serving first. */
  holders(programmeId: string, role: StaffRole): Promise<string[]>;
  /** The programme's agencies by name, each with its staff's Discord user ids. */
  agencyStaff(guildId: string, programmeId: string): Promise<AgencyStaffList[]>;
  /**
   * Revokes the role and records `audit` in one transaction, unless that would leave the
   * programme without an organiser (then nothing changes).
   */
  revoke(
    programmeId: string,
    memberId: string,
    role: StaffRole,
    audit: AuditRecord,
  ): Promise<"revoked" | "last_organiser">;
  transaction<T>(work: (tx: StaffTransaction) => Promise<T>): Promise<T>;
}

/** The Discord side of `/program staff` (src/discord/workspace/gateway.ts). */
export interface StaffDiscord {
  /** Whether the role still exists in the guild. */
  roleExists(roleId: string): Promise<boolean>;
  /** Gives the member the role; false when Discord no longer knows the role. */
  grantRole(userId: string, roleId: string, reason: string): Promise<boolean>;
  /** Takes the role away; a role Discord no longer knows is held by nobody. */
  revokeRole(userId: string, roleId: string, reason: string): Promise<void>;
}

/** The caller of `/program staff`: the server's current programme (null: none). */
export interface StaffCaller extends ProgrammeCaller {
  programme: { id: string; name: string } | null;
}

/** The person named in the command: whether they are a bot and whether they are in the server. */
export interface StaffTarget {
  id: string;
  bot: boolean;
  inGuild: boolean;
}

/** One agency and the Discord user ids of the people who work for it. */
export interface AgencyStaffList {
  agency: string;
  staff: string[];
}

export interface StaffList {
  name: string;
  organisers: string[];
  mentors: string[];
  /** Who else sees interns' progress: the agencies' staff (their consenting clients only). */
  agencies: AgencyStaffList[];
}

function programmeOf(caller: StaffCaller): { id: string; name: string } {
  if (!caller.programme) throw new UserError("error.access.noProgramme");
  return caller.programme;
}

const roleName = (locale: Locale, role: StaffRole) => translate(locale, `program.staff.role.${role}`);

export function staffUseCases(ports: { store: StaffStore; exclusive: ExclusivePort; now: () => Date }) {
  const { store } = ports;

  /** The workspace role's Discord id, or null when `/program open` has not recorded one. */
  async function workspaceRoleId(programmeId: string, role: StaffRole): Promise<string | null> {
    return (await store.discordResource(programmeId, ROLE_KEYS[role]))?.discordId ?? null;
  }

  return {
    /**
     * Records the person as organiser or mentor and gives them the workspace role. Running it
     * again is harmless and repairs a missing Discord role; only the first grant is audited.
     * Bots, people outside the server and the programme's interns are refused.
     */
    async add(
      caller: StaffCaller,
      input: { user: StaffTarget; role: StaffRole },
      discord: StaffDiscord,
    ): Promise<{ already: boolean }> {
      const programme = programmeOf(caller);
      const { user, role } = input;
      const vars = { user: `<@${user.id}>`, role: roleName(caller.locale, role) };
      if (user.bot) throw new UserError("program.staff.error.bot");
      if (!user.inGuild) throw new UserError("program.staff.error.notMember", { user: vars.user });

      // Two adds at once would both read "not yet staff" and both audit the grant.
      return exclusively(ports.exclusive, ExclusiveKeys.staff(programme.id), async () => {
        const before = await store.member(programme.id, user.id);
        if (before?.roles.includes("intern"))
          throw new UserError("program.staff.error.intern", { user: vars.user });
        const roleId = await workspaceRoleId(programme.id, role);
        if (roleId === null) throw new UserError("program.staff.error.noRole", { role: vars.role });
        // A role deleted in Discord after /program open recorded it: say so before writing anything.
        if (!(await discord.roleExists(roleId)))
          throw new UserError("program.staff.error.noRole", { role: vars.role });

        const already = before?.roles.includes(role) ?? false;
        // The record first, then Discord: a Discord role without a record would grant access that
        // the programme does not know of. Both steps are idempotent, so a rerun repairs a failed grant.
        await store.transaction(async (tx) => {
          const at = ports.now();
          await tx.grant({
            programmeId: programme.id,
            userId: user.id,
            role,
            grantedByUserId: caller.userId,
            at,
          });
          if (!already)
            await tx.audit.record({
              guildId: caller.guildId,
              programmeId: programme.id,
              actorUserId: caller.userId,
              action: "program.staff.add",
              target: `user:${user.id}`,
              data: { role },
              at,
            });
        });
        // Deleted between the check and the grant: the record stays; /program open then a rerun fix it.
        if (!(await discord.grantRole(user.id, roleId, `taiken: ${role} of ${programme.name}`)))
          throw new UserError("program.staff.error.noRole", { role: vars.role });
        return { already };
      });
    },

    /**
     * Takes the role away in the record and in Discord. The last organiser cannot be removed, or
     * nobody could run the programme any more. `held`: whether they had the role.
     */
    async remove(
      caller: StaffCaller,
      input: { user: Omit<StaffTarget, "bot">; role: StaffRole },
      discord: StaffDiscord,
    ): Promise<{ held: boolean }> {
      const programme = programmeOf(caller);
      const { user, role } = input;
      return exclusively(ports.exclusive, ExclusiveKeys.staff(programme.id), async () => {
        const member = await store.member(programme.id, user.id);
        const held = member?.roles.includes(role) ?? false;
        if (member && held) {
          const outcome = await store.revoke(programme.id, member.id, role, {
            guildId: caller.guildId,
            programmeId: programme.id,
            actorUserId: caller.userId,
            action: "program.staff.remove",
            target: `user:${user.id}`,
            data: { role },
            at: ports.now(),
          });
          if (outcome === "last_organiser")
            throw new UserError("program.staff.error.lastOrganiser", { user: `<@${user.id}>` });
        }
        const roleId = await workspaceRoleId(programme.id, role);
        // Someone who left the server has no roles to take away.
        if (roleId !== null && user.inGuild)
          await discord.revokeRole(user.id, roleId, `taiken: no longer ${role} of ${programme.name}`);
        return { held };
      });
    },

    /** The programme's organisers and mentors, longest-serving first, and its agencies' staff. */
    async list(caller: StaffCaller): Promise<StaffList> {
      const programme = programmeOf(caller);
      const organisers = await store.holders(programme.id, "organiser");
      const mentors = await store.holders(programme.id, "mentor");
      const agencies = await store.agencyStaff(caller.guildId, programme.id);
      return { name: programme.name, organisers, mentors, agencies };
    },
  };
}

export type StaffUseCases = ReturnType<typeof staffUseCases>;
