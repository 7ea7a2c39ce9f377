/** Programme members: their roles, the intern journey (stage + history), and profiles. */

import type { Member, MemberProfile, StageTransition } from "../../domain/member/types.ts";
import type { DatabaseTransaction } from "../client.ts";
import type { InternStage, MemberRoleKind } from "../enums.ts";
import { mapConstraintViolations } from "../errors.ts";
import { stringList } from "./json.ts";

export type { Member, MemberProfile, StageTransition };

const ROLE_ORDER: readonly MemberRoleKind[] = ["organiser", "mentor", "intern", "agency_staff"];

const withRoles = { roles: { select: { role: true } } } as const;

/** Rolls back `revokeRoleKeepingAnOrganiser`'s transaction when it would remove the last organiser. */
class LastOrganiser extends Error {}

type MemberRow = Omit<Member, "roles"> & { roles: { role: MemberRoleKind }[] } & { updatedAt?: Date };

function toMember(row: MemberRow): Member {
  return {
    id: row.id,
    programmeId: row.programmeId,
    discordUserId: row.discordUserId,
    roles: row.roles.map((r) => r.role).sort((a, b) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b)),
    stage: row.stage,
    agencyId: row.agencyId,
    agencyConsent: row.agencyConsent,
    agencyConsentChangedAt: row.agencyConsentChangedAt,
    projectChannelId: row.projectChannelId,
    joinedAt: row.joinedAt,
  };
}

type ProfileRow = {
  displayName: string;
  interests: unknown;
  weeklyHoursAvailable: number | null;
  preferredLocale: MemberProfile["preferredLocale"];
  accommodationNotes: string | null;
  textOnlyPresentation: boolean;
  extendedDeadlines: boolean;
  fewerNotifications: boolean;
};

/** Maps a profile row and its skills to a {@link MemberProfile}: the one place that reads them. */
export function toProfile(row: ProfileRow, skills: { skill: string; level: number }[]): MemberProfile {
  return {
    displayName: row.displayName,
    skills: skills.map((s) => ({ name: s.skill, level: s.level })),
    interests: stringList.parse(row.interests),
    weeklyHoursAvailable: row.weeklyHoursAvailable,
    preferredLocale: row.preferredLocale,
    accommodations: {
      notes: row.accommodationNotes,
      textOnlyPresentation: row.textOnlyPresentation,
      extendedDeadlines: row.extendedDeadlines,
      fewerNotifications: row.fewerNotifications,
    },
  };
}

/**
 * Writes a member's profile and replaces their skills, inside the caller's transaction: the one
 * place that maps a {@link MemberProfile} to its rows (saving a profile and completing onboarding
 * both use it).
 */
export async function writeProfile(
  tx: DatabaseTransaction,
  memberId: string,
  profile: MemberProfile,
): Promise<void> {
  const fields = {
    displayName: profile.displayName,
    interests: profile.interests,
    weeklyHoursAvailable: profile.weeklyHoursAvailable,
    preferredLocale: profile.preferredLocale,
    accommodationNotes: profile.accommodations.notes,
    textOnlyPresentation: profile.accommodations.textOnlyPresentation,
    extendedDeadlines: profile.accommodations.extendedDeadlines,
    fewerNotifications: profile.accommodations.fewerNotifications,
  };
  await tx.memberProfile.upsert({ where: { memberId }, create: { memberId, ...fields }, update: fields });
  await tx.memberSkill.deleteMany({ where: { memberId } });
  if (profile.skills.length > 0) {
    await tx.memberSkill.createMany({
      data: profile.skills.map((skill) => ({ memberId, skill: skill.name, level: skill.level })),
    });
  }
}

/** Reads and writes members. `db` may be the client or a transaction. */
export function createMemberRepository(db: DatabaseTransaction) {
  async function get(id: string): Promise<Member | null> {
    const row = await db.member.findUnique({ where: { id }, include: withRoles });
    return row === null ? null : toMember(row);
  }

  return {
    get,

    async find(programmeId: string, discordUserId: string): Promise<Member | null> {
      const row = await db.member.findUnique({
        where: { programmeId_discordUserId: { programmeId, discordUserId } },
        include: withRoles,
      });
      return row === null ? null : toMember(row);
    },

    /** Members of a programme, oldest first, optionally only those holding `role`. */
    async list(
      programmeId: string,
      filter: { role?: MemberRoleKind; stage?: InternStage } = {},
    ): Promise<Member[]> {
      const rows = await db.member.findMany({
        where: {
          programmeId,
          ...(filter.role === undefined ? {} : { roles: { some: { role: filter.role } } }),
          ...(filter.stage === undefined ? {} : { stage: filter.stage }),
        },
        include: withRoles,
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toMember);
    },

    /**
     * Adds the user to the programme (or finds them) and grants `roles`. A new intern starts in
     * the `applied` stage, recorded in the stage history. Idempotent.
     */
    async join(input: {
      programmeId: string;
      discordUserId: string;
      roles: readonly MemberRoleKind[];
      grantedByUserId?: string | null;
      at?: Date;
    }): Promise<Member> {
      const at = input.at ?? new Date();
      // Inside a caller's transaction (a store's unit of work) the writes join it.
      const write = async (tx: DatabaseTransaction) => {
        const member = await tx.member.upsert({
          where: {
            programmeId_discordUserId: { programmeId: input.programmeId, discordUserId: input.discordUserId },
          },
          create: { programmeId: input.programmeId, discordUserId: input.discordUserId, joinedAt: at },
          update: {},
        });
        for (const role of input.roles) {
          await tx.memberRole.upsert({
            where: { memberId_role: { memberId: member.id, role } },
            create: {
              memberId: member.id,
              role,
              grantedAt: at,
              grantedByUserId: input.grantedByUserId ?? null,
            },
            update: {},
          });
        }
        if (input.roles.includes("intern") && member.stage === null) {
          await tx.member.update({ where: { id: member.id }, data: { stage: "applied" } });
          await tx.stageTransition.create({
            data: { memberId: member.id, fromStage: null, toStage: "applied", actorUserId: null, at },
          });
        }
        return member.id;
      };
      const id =
        "$transaction" in db && typeof db.$transaction === "function"
          ? await db.$transaction(write)
          : await write(db);
      const member = await get(id);
      if (member === null) throw new Error(`member ${id} vanished after join`);
      return member;
    },

    async grantRole(memberId: string, role: MemberRoleKind, grantedByUserId: string | null): Promise<void> {
      await db.memberRole.upsert({
        where: { memberId_role: { memberId, role } },
        create: { memberId, role, grantedByUserId },
        update: {},
      });
    },

    async revokeRole(memberId: string, role: MemberRoleKind): Promise<void> {
      await db.memberRole.deleteMany({ where: { memberId, role } });
    },

    /**
     * Revokes `role` unless that would leave the programme without an organiser (then nothing
     * changes). The programme's row is locked first, so two organisers removing each other at the
     * same instant run one after the other and the second is refused, on PostgreSQL too (where
     * each would otherwise still count the other). Needs the client: it opens a transaction.
     * `alongside` (e.g. the audit entry) runs in that transaction once the revocation stands.
     */
    async revokeRoleKeepingAnOrganiser(
      programmeId: string,
      memberId: string,
      role: MemberRoleKind,
      alongside?: (tx: DatabaseTransaction) => Promise<void>,
    ): Promise<"revoked" | "last_organiser"> {
      return db
        .$transaction(async (tx) => {
          // A write to the programme row: PostgreSQL holds its row lock until this transaction ends.
          await tx.programme.update({ where: { id: programmeId }, data: { updatedAt: new Date() } });
          await tx.memberRole.deleteMany({ where: { memberId, role } });
          if (role === "organiser") {
            const left = await tx.memberRole.count({ where: { role: "organiser", member: { programmeId } } });
            if (left === 0) throw new LastOrganiser();
          }
          await alongside?.(tx);
          return "revoked" as const;
        })
        .catch((error: unknown) => {
          if (error instanceof LastOrganiser) return "last_organiser" as const;
          throw error;
        });
    },

    /**
     * Moves an intern to `to` and records the transition, atomically. Returns null (and records
     * nothing) if the intern already is in that stage.
     */
    async moveStage(
      memberId: string,
      to: InternStage,
      by: { actorUserId: string | null; reason?: string | null; at?: Date },
    ): Promise<StageTransition | null> {
      return db.$transaction(async (tx) => {
        const member = await tx.member.findUniqueOrThrow({
          where: { id: memberId },
          select: { stage: true },
        });
        if (member.stage === to) return null;
        await tx.member.update({ where: { id: memberId }, data: { stage: to } });
        const row = await tx.stageTransition.create({
          data: {
            memberId,
            fromStage: member.stage,
            toStage: to,
            actorUserId: by.actorUserId,
            reason: by.reason ?? null,
            ...(by.at === undefined ? {} : { at: by.at }),
          },
        });
        return {
          from: row.fromStage,
          to: row.toStage,
          actorUserId: row.actorUserId,
          reason: row.reason,
          at: row.at,
        };
      });
    },

    /** The intern's stage changes, oldest first. */
    async stageHistory(memberId: string): Promise<StageTransition[]> {
      const rows = await db.stageTransition.findMany({
        where: { memberId },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        from: row.fromStage,
        to: row.toStage,
        actorUserId: row.actorUserId,
        reason: row.reason,
        at: row.at,
      }));
    },

    /** Replaces the member's profile, skills included. */
    async saveProfile(memberId: string, profile: MemberProfile): Promise<void> {
      await mapConstraintViolations(() => db.$transaction((tx) => writeProfile(tx, memberId, profile)));
    },

    async profile(memberId: string): Promise<MemberProfile | null> {
      const row = await db.memberProfile.findUnique({
        where: { memberId },
        include: { member: { select: { skills: { orderBy: { skill: "asc" } } } } },
      });
      return row === null ? null : toProfile(row, row.member.skills);
    },

    /** The language the member picked, without reading the rest of the profile. */
    async preferredLocale(memberId: string): Promise<MemberProfile["preferredLocale"]> {
      const row = await db.memberProfile.findUnique({
        where: { memberId },
        select: { preferredLocale: true },
      });
      return row?.preferredLocale ?? null;
    },

    /** Links the intern to a support agency (or unlinks with null). Consent is kept separately. */
    async setAgency(memberId: string, agencyId: string | null): Promise<Member> {
      return toMember(
        await db.member.update({ where: { id: memberId }, data: { agencyId }, include: withRoles }),
      );
    },

    /** Records the intern's consent to share progress with their agency, and when it changed. */
    async setAgencyConsent(memberId: string, consent: boolean, at: Date = new Date()): Promise<Member> {
      return toMember(
        await db.member.update({
          where: { id: memberId },
          data: { agencyConsent: consent, agencyConsentChangedAt: at },
          include: withRoles,
        }),
      );
    },

    async setProjectChannel(memberId: string, channelId: string | null): Promise<Member> {
      return toMember(
        await db.member.update({
          where: { id: memberId },
          data: { projectChannelId: channelId },
          include: withRoles,
        }),
      );
    },
  };
}
