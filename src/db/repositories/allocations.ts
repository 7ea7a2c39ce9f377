/**
 * Allocations (assignment ↔ intern within a programme) and interns' ranked preferences.
 * The database itself refuses a second live allocation per intern or per assignment in a
 * programme (ConstraintViolation `allocation_programmeId_memberId_live_key` /
 * `allocation_programmeId_assignmentId_live_key`); released allocations stay as history.
 */

import type { Allocation } from "../../domain/allocation/records.ts";
import type {
  AllocationAssignment,
  AllocationIntern,
  ExistingAllocation,
  PastAllocation,
} from "../../domain/allocation/types.ts";
import type { DatabaseTransaction } from "../client.ts";
import type { AllocationMethod, ReleaseReason } from "../enums.ts";
import { mapConstraintViolations } from "../errors.ts";
import { stringList } from "./json.ts";

export type { Allocation };

export interface NewAllocation {
  programmeId: string;
  memberId: string;
  assignmentId: string;
  /** Defaults to the assignment's newest version. */
  assignmentVersionId?: string;
  method: AllocationMethod;
  allocatedByUserId?: string | null;
  at?: Date;
}

/** Everything the allocation rules need about one programme, as plain domain data. */
export interface AllocationInputs {
  interns: AllocationIntern[];
  assignments: AllocationAssignment[];
  existing: ExistingAllocation[];
  past: PastAllocation[];
}

/**
 * A swap refused inside its transaction: the intern already used their one swap in this
 * programme (e.g. two swap clicks at once: the first one won), or has no live allocation (left),
 * or their live allocation is no longer the one they asked to swap away from. Nothing changed.
 * The Discord layer turns it into the same friendly refusal as its own pre-check.
 */
export class SwapRefused extends Error {
  override name = "SwapRefused";
  constructor(
    readonly reason: "already_swapped" | "no_assignment" | "allocation_changed",
    memberId: string,
  ) {
    super(`swap refused for member ${memberId}: ${reason}`);
  }
}

/** An allocation row: the domain record with the live marker the unique indexes use. */
type AllocationRow = Omit<Allocation, "active"> & { live: "active" | null };

function toAllocation(row: AllocationRow): Allocation {
  return {
    id: row.id,
    programmeId: row.programmeId,
    memberId: row.memberId,
    assignmentId: row.assignmentId,
    assignmentVersionId: row.assignmentVersionId,
    method: row.method,
    allocatedByUserId: row.allocatedByUserId,
    allocatedAt: row.allocatedAt,
    releasedAt: row.releasedAt,
    releaseReason: row.releaseReason,
    active: row.live === "active",
  };
}

/** The maximum number of ranked wishes an intern may give. */
export const MAX_PREFERENCES = 3;

/** Reads and writes allocations and preferences. `db` may be the client or a transaction. */
export function createAllocationRepository(db: DatabaseTransaction) {
  async function allocateIn(tx: DatabaseTransaction, input: NewAllocation): Promise<Allocation> {
    const versionId =
      input.assignmentVersionId ??
      (
        await tx.assignmentVersion.findFirstOrThrow({
          where: { assignmentId: input.assignmentId },
          orderBy: { version: "desc" },
          select: { id: true },
        })
      ).id;
    const row = await tx.allocation.create({
      data: {
        programmeId: input.programmeId,
        memberId: input.memberId,
        assignmentId: input.assignmentId,
        assignmentVersionId: versionId,
        method: input.method,
        allocatedByUserId: input.allocatedByUserId ?? null,
        ...(input.at === undefined ? {} : { allocatedAt: input.at }),
      },
    });
    return toAllocation(row);
  }

  async function releaseIn(
    tx: DatabaseTransaction,
    allocationId: string,
    reason: ReleaseReason,
    at: Date,
  ): Promise<Allocation | null> {
    // live = NULL takes the row out of both unique indexes; releasedAt and reason go with it.
    const { count } = await tx.allocation.updateMany({
      where: { id: allocationId, live: "active" },
      data: { live: null, releasedAt: at, releaseReason: reason },
    });
    if (count === 0) return null;
    return toAllocation(await tx.allocation.findUniqueOrThrow({ where: { id: allocationId } }));
  }

  return {
    /**
     * Allocates an assignment to an intern.
     * @throws ConstraintViolation if the intern or the assignment already has a live allocation
     *   in the programme (see `Constraints.allocationOneLivePer*`).
     */
    allocate(input: NewAllocation): Promise<Allocation> {
      return mapConstraintViolations(() => allocateIn(db, input));
    },

    /** Releases a live allocation (kept as history). Returns null if it was not live. */
    release(allocationId: string, reason: ReleaseReason, at: Date = new Date()): Promise<Allocation | null> {
      return releaseIn(db, allocationId, reason, at);
    },

    /**
     * Swaps the intern's live allocation for `assignmentId`, atomically: the old one is released
     * with reason `swapped` and the new one recorded with method `swap`. The one-swap rule is
     * re-checked inside the transaction, so two swaps fired at once cannot both happen.
     * @throws SwapRefused if the intern already swapped in this programme, has no live allocation,
     *   or (with `fromAllocationId`) their live allocation is another one; nothing changes then.
     * @throws ConstraintViolation if the new assignment is taken; nothing changes then.
     */
    swap(input: {
      programmeId: string;
      memberId: string;
      assignmentId: string;
      /** The live allocation the caller checked and means to swap away from. */
      fromAllocationId?: string;
      allocatedByUserId?: string | null;
      at?: Date;
    }): Promise<{ released: Allocation; allocated: Allocation }> {
      const at = input.at ?? new Date();
      const { fromAllocationId, ...allocation } = input;
      /** Whether the intern has a swap allocation in this programme other than `except`. */
      const swappedBefore = async (tx: DatabaseTransaction, except?: string) =>
        (await tx.allocation.count({
          where: {
            programmeId: input.programmeId,
            memberId: input.memberId,
            method: "swap",
            ...(except === undefined ? {} : { id: { not: except } }),
          },
        })) > 0;
      return mapConstraintViolations(() =>
        db.$transaction(async (tx) => {
          const current = await tx.allocation.findFirst({
            where: { programmeId: input.programmeId, memberId: input.memberId, live: "active" },
          });
          if (current === null) throw new SwapRefused("no_assignment", input.memberId);
          if (fromAllocationId !== undefined && current.id !== fromAllocationId) {
            throw new SwapRefused("allocation_changed", input.memberId);
          }
          const released = await releaseIn(tx, current.id, "swapped", at);
          if (released === null) {
            // Released by a concurrent transaction after we read it (PostgreSQL re-reads the row
            // once the other one commits): most likely the intern's other swap click.
            throw new SwapRefused(
              (await swappedBefore(tx)) ? "already_swapped" : "allocation_changed",
              input.memberId,
            );
          }
          const allocated = await allocateIn(tx, { ...allocation, method: "swap", at });
          // Checked after the writes, inside the transaction: a swap committed before ours (SQLite
          // runs the two one after the other) is seen here, and throwing rolls ours back.
          if (await swappedBefore(tx, allocated.id)) throw new SwapRefused("already_swapped", input.memberId);
          return { released, allocated };
        }),
      );
    },

    async get(allocationId: string): Promise<Allocation | null> {
      const row = await db.allocation.findUnique({ where: { id: allocationId } });
      return row === null ? null : toAllocation(row);
    },

    /** The intern's live allocation in the programme, if any. */
    async liveForMember(programmeId: string, memberId: string): Promise<Allocation | null> {
      const row = await db.allocation.findFirst({ where: { programmeId, memberId, live: "active" } });
      return row === null ? null : toAllocation(row);
    },

    /** Every live allocation in the programme, oldest first. */
    async live(programmeId: string): Promise<Allocation[]> {
      const rows = await db.allocation.findMany({
        where: { programmeId, live: "active" },
        orderBy: [{ allocatedAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toAllocation);
    },

    /** All of the intern's allocations, released ones included, oldest first. */
    async history(memberId: string): Promise<Allocation[]> {
      const rows = await db.allocation.findMany({
        where: { memberId },
        orderBy: [{ allocatedAt: "asc" }, { id: "asc" }],
      });
      return rows.map(toAllocation);
    },

    /**
     * Replaces the intern's ranked wishes with `assignmentIds` (most wanted first, at most
     * {@link MAX_PREFERENCES}).
     * @throws RangeError for too many; ConstraintViolation for a duplicate assignment.
     */
    async setPreferences(memberId: string, assignmentIds: readonly string[]): Promise<void> {
      if (assignmentIds.length > MAX_PREFERENCES) {
        throw new RangeError(`at most ${MAX_PREFERENCES} preferences, got ${assignmentIds.length}`);
      }
      await mapConstraintViolations(() =>
        db.$transaction(async (tx) => {
          await tx.assignmentPreference.deleteMany({ where: { memberId } });
          for (const [index, assignmentId] of assignmentIds.entries()) {
            await tx.assignmentPreference.create({ data: { memberId, assignmentId, rank: index + 1 } });
          }
        }),
      );
    },

    /** The intern's wished-for assignment ids, most wanted first. */
    async preferences(memberId: string): Promise<string[]> {
      const rows = await db.assignmentPreference.findMany({ where: { memberId }, orderBy: { rank: "asc" } });
      return rows.map((row) => row.assignmentId);
    },

    /**
     * Loads what batch allocation needs for a programme: its interns (not withdrawn) with
     * skills, interests, hours and wishes; the guild's library (newest versions) with this
     * programme's flags; live allocations; and what the same people got in earlier programmes.
     */
    async inputs(programmeId: string): Promise<AllocationInputs> {
      const programme = await db.programme.findUniqueOrThrow({
        where: { id: programmeId },
        select: { guildId: true },
      });
      const members = await db.member.findMany({
        where: { programmeId, roles: { some: { role: "intern" } }, NOT: { stage: "withdrawn" } },
        include: {
          skills: { orderBy: { skill: "asc" } },
          profile: { select: { interests: true, weeklyHoursAvailable: true } },
          preferences: { orderBy: { rank: "asc" }, select: { assignmentId: true } },
        },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      });
      const library = await db.assignment.findMany({
        where: { guildId: programme.guildId },
        include: {
          versions: { orderBy: { version: "desc" }, take: 1 },
          programmeFlags: { where: { programmeId } },
        },
        orderBy: { key: "asc" },
      });
      const live = await db.allocation.findMany({
        where: { programmeId, live: "active" },
        select: { memberId: true, assignmentId: true },
      });
      const past = await db.allocation.findMany({
        where: {
          programmeId: { not: programmeId },
          programme: { guildId: programme.guildId },
          member: { discordUserId: { in: members.map((m) => m.discordUserId) } },
        },
        select: { assignmentId: true, member: { select: { discordUserId: true } } },
      });
      return {
        interns: members.map((m) => ({
          id: m.id,
          discordUserId: m.discordUserId,
          skills: m.skills.map((s) => ({ name: s.skill, level: s.level })),
          interests: m.profile === null ? [] : stringList.parse(m.profile.interests),
          hoursPerWeek: m.profile?.weeklyHoursAvailable ?? null,
          preferences: m.preferences.map((p) => p.assignmentId),
        })),
        assignments: library.flatMap((a) => {
          const version = a.versions[0];
          if (version === undefined) return [];
          const flags = a.programmeFlags[0];
          return [
            {
              id: a.id,
              status: version.status,
              level: version.level,
              skills: stringList.parse(version.skills),
              tags: stringList.parse(version.tags),
              estimatedHours: version.estimatedHours,
              excluded: flags?.excluded ?? false,
              reserved: flags?.reserved ?? false,
            },
          ];
        }),
        existing: live.map((a) => ({ internId: a.memberId, assignmentId: a.assignmentId })),
        past: past.map((a) => ({ discordUserId: a.member.discordUserId, assignmentId: a.assignmentId })),
      };
    },
  };
}
