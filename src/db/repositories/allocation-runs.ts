/**
 * The writes behind allocation as interns and organisers experience it: a batch preview saved
 * and applied exactly as shown, a self-service claim, a swap, a release. Each is one transaction
 * that also moves the intern's stage (with its history) and records the audit log, so a failed
 * step leaves nothing half done. Races are settled by the database's "one live allocation per
 * intern / per assignment" indexes: the loser gets a {@link ConstraintViolation}.
 */

import { z } from "zod";
import type {
  AssignmentUsage,
  Claimability,
  Claimer,
  PreviewPair,
  PreviewView,
  ProgrammeAllocationState,
  RosterEntry,
  SavedPreview,
} from "../../domain/allocation/records.ts";
import type { FitReason } from "../../domain/allocation/types.ts";
import { STAGE_ORDER } from "../../domain/onboarding/stages.ts";
import type { ReleaseWrite } from "../../features/library/ports.ts";
import type { Database, DatabaseTransaction } from "../client.ts";
import type { InternStage } from "../enums.ts";
import { mapConstraintViolations } from "../errors.ts";
import { type Allocation, createAllocationRepository } from "./allocations.ts";
import { createAuditRepository, recordAudit } from "./audit.ts";
import { stringList } from "./json.ts";

export type { Claimability, Claimer };

/** The preview was applied already (a second Confirm click). */
export class PreviewAlreadyApplied extends Error {
  override name = "PreviewAlreadyApplied";
}

/** An intern's stage changed between preview and confirm. */
export class PreviewStale extends Error {
  override name = "PreviewStale";
}

/** A reason as `scoreFit` wrote it: its code and variables, read back as saved. */
const fitReason = z.custom<FitReason>(
  (value) =>
    typeof value === "object" && value !== null && typeof (value as { code?: unknown }).code === "string",
);

const previewView = z.object({
  interns: z.number(),
  totalScore: z.number(),
  quality: z.object({ optimumScore: z.number(), ratio: z.number() }).nullable(),
  pairs: z.array(z.object({ discordUserId: z.string(), score: z.number(), reasons: z.array(fitReason) })),
  unallocated: z.array(
    z.object({
      discordUserId: z.string(),
      reason: z.enum(["no_eligible_assignment", "assignments_exhausted"]),
    }),
  ),
});

const previewData = z.object({
  fingerprint: z.string(),
  pairs: z.array(z.object({ memberId: z.string(), assignmentId: z.string(), versionId: z.string() })),
  view: previewView.optional(),
});

const PREVIEW_ACTION = "allocation.preview";
const APPLY_ACTION = "allocation.apply";

async function moveToStage(
  tx: DatabaseTransaction,
  memberIds: readonly string[],
  to: InternStage,
  from: readonly InternStage[],
  actorUserId: string | null,
  reason: string,
  at: Date,
): Promise<number> {
  if (memberIds.length === 0) return 0;
  const rows = await tx.member.findMany({
    where: { id: { in: [...memberIds] }, stage: { in: [...from] } },
    select: { id: true, stage: true },
  });
  if (rows.length === 0) return 0;
  await tx.member.updateMany({ where: { id: { in: rows.map((r) => r.id) } }, data: { stage: to } });
  await tx.stageTransition.createMany({
    data: rows.map((row) => ({
      memberId: row.id,
      fromStage: row.stage,
      toStage: to,
      actorUserId,
      reason,
      at,
    })),
  });
  return rows.length;
}

/** Allocation runs, claims, swaps and releases. Needs the client (each opens a transaction). */
export function createAllocationRunRepository(db: Database) {
  const allocations = createAllocationRepository(db);

  return {
    /**
     * The programme's interns (not withdrawn) with stage and project thread, the guild's library
     * (newest versions, this programme's flags), live allocations and earlier programmes' ones.
     */
    async state(programmeId: string): Promise<ProgrammeAllocationState> {
      const inputs = await allocations.inputs(programmeId);
      const members = await db.member.findMany({
        where: { id: { in: inputs.interns.map((i) => i.id) } },
        select: { id: true, stage: true, projectChannelId: true },
      });
      const byId = new Map(members.map((m) => [m.id, m]));
      const versions = await db.assignmentVersion.findMany({
        where: { assignmentId: { in: inputs.assignments.map((a) => a.id) } },
        select: { id: true, assignmentId: true, version: true },
        orderBy: { version: "desc" },
      });
      const latest = new Map<string, string>();
      for (const v of versions) if (!latest.has(v.assignmentId)) latest.set(v.assignmentId, v.id);
      return {
        interns: inputs.interns.map((intern) => ({
          ...intern,
          stage: byId.get(intern.id)?.stage ?? null,
          projectChannelId: byId.get(intern.id)?.projectChannelId ?? null,
        })),
        assignments: inputs.assignments.flatMap((a) => {
          const versionId = latest.get(a.id);
          return versionId === undefined ? [] : [{ ...a, versionId }];
        }),
        existing: inputs.existing,
        history: inputs.past,
      };
    },

    /**
     * What claim and swap options need about one intern besides the library: their profile as
     * the ranking reads it, this programme's organiser flags (usually few), and what their Discord
     * user had in the guild's earlier programmes. A few indexed queries, whatever the cohort size.
     */
    async claimer(programmeId: string, memberId: string): Promise<Claimer> {
      const member = await db.member.findUniqueOrThrow({
        where: { id: memberId },
        include: {
          programme: { select: { guildId: true } },
          skills: { orderBy: { skill: "asc" } },
          profile: { select: { interests: true, weeklyHoursAvailable: true } },
          preferences: { orderBy: { rank: "asc" }, select: { assignmentId: true } },
        },
      });
      const flags = await db.programmeAssignment.findMany({
        where: { programmeId, OR: [{ excluded: true }, { reserved: true }] },
        select: { assignmentId: true, excluded: true, reserved: true },
      });
      const past = await db.allocation.findMany({
        where: {
          programmeId: { not: programmeId },
          programme: { guildId: member.programme.guildId },
          member: { discordUserId: member.discordUserId },
        },
        select: { assignmentId: true },
      });
      return {
        intern: {
          id: member.id,
          discordUserId: member.discordUserId,
          skills: member.skills.map((s) => ({ name: s.skill, level: s.level })),
          interests: member.profile === null ? [] : stringList.parse(member.profile.interests),
          hoursPerWeek: member.profile?.weeklyHoursAvailable ?? null,
          preferences: member.preferences.map((p) => p.assignmentId),
        },
        flags: new Map(flags.map((f) => [f.assignmentId, { excluded: f.excluded, reserved: f.reserved }])),
        history: past.map((a) => ({ discordUserId: member.discordUserId, assignmentId: a.assignmentId })),
      };
    },

    /**
     * Which of `assignmentIds` (every one, when left out) are allocated (live) in the programme.
     * Asking about a handful of best fits reads a handful of rows, not the whole cohort's.
     */
    async liveAmong(programmeId: string, assignmentIds?: readonly string[]): Promise<Set<string>> {
      const rows = await db.allocation.findMany({
        where: {
          programmeId,
          live: "active",
          ...(assignmentIds === undefined ? {} : { assignmentId: { in: [...assignmentIds] } }),
        },
        select: { assignmentId: true },
      });
      return new Set(rows.map((row) => row.assignmentId));
    },

    /**
     * Whether `assignmentId` may go to the intern now (its library status is the caller's to
     * check), asking the cheapest question first: the live allocations of this assignment and of
     * the intern, then (only when neither settles it) the programme's flags and the intern's
     * earlier programmes. A click that lost a race is answered after one indexed read, without
     * opening a transaction.
     */
    async claimability(input: {
      programmeId: string;
      memberId: string;
      discordUserId: string;
      assignmentId: string;
      /** A swap: the intern's own live allocation is expected, not a refusal. */
      swapping: boolean;
    }): Promise<Claimability> {
      const { programmeId, memberId, assignmentId } = input;
      const live = await db.allocation.findMany({
        where: { programmeId, live: "active", OR: [{ assignmentId }, { memberId }] },
        select: { assignmentId: true, memberId: true },
      });
      if (!input.swapping && live.some((a) => a.memberId === memberId)) return "caller_has_one";
      if (live.some((a) => a.assignmentId === assignmentId)) return "taken";
      const flag = await db.programmeAssignment.findUnique({
        where: { programmeId_assignmentId: { programmeId, assignmentId } },
        select: { excluded: true, reserved: true },
      });
      if (flag?.excluded === true || flag?.reserved === true) return "closed";
      const hadBefore = await db.allocation.count({
        where: {
          assignmentId,
          programmeId: { not: programmeId },
          member: { discordUserId: input.discordUserId },
        },
      });
      return hadBefore === 0 ? "open" : "closed";
    },

    /** Saves a preview; its id goes into the Confirm button. */
    async savePreview(input: {
      guildId: string;
      programmeId: string;
      actorUserId: string;
      fingerprint: string;
      pairs: readonly PreviewPair[];
      view?: PreviewView;
      at?: Date;
    }): Promise<string> {
      const row = await db.auditLogEntry.create({
        data: {
          guildId: input.guildId,
          programmeId: input.programmeId,
          actorUserId: input.actorUserId,
          action: PREVIEW_ACTION,
          target: `programme:${input.programmeId}`,
          data: {
            fingerprint: input.fingerprint,
            pairs: input.pairs.map((p) => ({ ...p })),
            ...(input.view === undefined ? {} : { view: JSON.parse(JSON.stringify(input.view)) }),
          },
          ...(input.at === undefined ? {} : { at: input.at }),
        },
      });
      return row.id;
    },

    async preview(previewId: string): Promise<SavedPreview | null> {
      const row = await db.auditLogEntry.findUnique({ where: { id: previewId } });
      if (row === null || row.action !== PREVIEW_ACTION || row.programmeId === null) return null;
      const data = previewData.parse(row.data);
      const applied = await db.auditLogEntry.count({
        where: { action: APPLY_ACTION, target: `preview:${previewId}` },
      });
      return {
        id: row.id,
        programmeId: row.programmeId,
        fingerprint: data.fingerprint,
        pairs: data.pairs,
        view: data.view ?? null,
        applied: applied > 0,
      };
    },

    /**
     * Applies a saved preview in one transaction: allocations (method batch, the versions
     * shown), stage `onboarded` → `working` with history, one audit entry.
     * @throws PreviewAlreadyApplied, PreviewStale (an intern is no longer onboarded), or
     *   ConstraintViolation (someone was allocated meanwhile); nothing is written then.
     */
    async applyPreview(preview: SavedPreview, input: { guildId: string; actorUserId: string; at?: Date }) {
      const at = input.at ?? new Date();
      return mapConstraintViolations(() =>
        db.$transaction(
          async (tx) => {
            const applied = await tx.auditLogEntry.count({
              where: { action: APPLY_ACTION, target: `preview:${preview.id}` },
            });
            if (applied > 0) throw new PreviewAlreadyApplied(preview.id);
            await tx.allocation.createMany({
              data: preview.pairs.map((p) => ({
                programmeId: preview.programmeId,
                memberId: p.memberId,
                assignmentId: p.assignmentId,
                assignmentVersionId: p.versionId,
                method: "batch" as const,
                allocatedByUserId: input.actorUserId,
                allocatedAt: at,
              })),
            });
            const moved = await moveToStage(
              tx,
              preview.pairs.map((p) => p.memberId),
              "working",
              ["onboarded"],
              input.actorUserId,
              "allocation.batch",
              at,
            );
            if (moved !== preview.pairs.length) throw new PreviewStale(preview.id);
            await createAuditRepository(tx).record({
              guildId: input.guildId,
              programmeId: preview.programmeId,
              actorUserId: input.actorUserId,
              action: APPLY_ACTION,
              target: `preview:${preview.id}`,
              data: { allocated: preview.pairs.length },
              at,
            });
          },
          { maxWait: 10_000, timeout: 60_000 },
        ),
      );
    },

    /**
     * The intern claims (self-service) or is given an assignment at its newest version; stage
     * becomes `working`.
     * @throws ConstraintViolation when the assignment was taken a moment ago, or the intern
     *   already has one.
     */
    async claim(input: {
      programmeId: string;
      memberId: string;
      assignmentId: string;
      /** The version the intern was shown; defaults to the newest. */
      assignmentVersionId?: string;
      actorUserId: string;
      at?: Date;
    }): Promise<Allocation> {
      const at = input.at ?? new Date();
      return mapConstraintViolations(() =>
        db.$transaction(async (tx) => {
          const allocation = await createAllocationRepository(tx).allocate({
            programmeId: input.programmeId,
            memberId: input.memberId,
            assignmentId: input.assignmentId,
            ...(input.assignmentVersionId === undefined
              ? {}
              : { assignmentVersionId: input.assignmentVersionId }),
            method: "self_service",
            at,
          });
          await moveToStage(
            tx,
            [input.memberId],
            "working",
            ["applied", "onboarded"],
            input.actorUserId,
            "allocation.claim",
            at,
          );
          return allocation;
        }),
      );
    },

    /**
     * An organiser gives the intern an assignment by hand (method `manual`, reserved ones
     * included; the rules are the caller's), stage `onboarded` → `working`, with its audit entry.
     * @throws ConstraintViolation when the assignment or the intern got one a moment ago;
     *   PreviewStale when the intern is no longer onboarded. Nothing is written then.
     */
    async give(input: {
      guildId: string;
      programmeId: string;
      memberId: string;
      assignmentId: string;
      assignmentVersionId: string;
      actorUserId: string;
      at: Date;
    }): Promise<Allocation> {
      return mapConstraintViolations(() =>
        db.$transaction(async (tx) => {
          const allocation = await createAllocationRepository(tx).allocate({
            programmeId: input.programmeId,
            memberId: input.memberId,
            assignmentId: input.assignmentId,
            assignmentVersionId: input.assignmentVersionId,
            method: "manual",
            allocatedByUserId: input.actorUserId,
            at: input.at,
          });
          const moved = await moveToStage(
            tx,
            [input.memberId],
            "working",
            ["onboarded"],
            input.actorUserId,
            "allocation.manual",
            input.at,
          );
          if (moved !== 1) throw new PreviewStale(input.memberId);
          await recordAudit(tx, input, "allocation.give", `allocation:${allocation.id}`, {
            memberId: input.memberId,
            assignmentId: input.assignmentId,
            versionId: input.assignmentVersionId,
          });
          return allocation;
        }),
      );
    },

    /**
     * Swaps the intern's live allocation for another assignment (newest version), atomically.
     * @throws SwapRefused when the intern already swapped, has no live allocation, or (with
     *   `fromAllocationId`) their live allocation is no longer the one the swap options were
     *   computed from; ConstraintViolation when the new one was taken a moment ago. Nothing
     *   changes then.
     */
    async swap(input: {
      programmeId: string;
      memberId: string;
      assignmentId: string;
      /** The live allocation the intern was offered the swap from. */
      fromAllocationId?: string;
      actorUserId: string;
      at?: Date;
    }) {
      return allocations.swap({ ...input, allocatedByUserId: null });
    },

    /**
     * Releases the intern's live allocation back to the pool (history kept) and moves them to
     * `stage`, with an audit entry. Returns null when they had none.
     */
    async release(input: Omit<ReleaseWrite, "at"> & { at?: Date }): Promise<Allocation | null> {
      const at = input.at ?? new Date();
      return db.$transaction(async (tx) => {
        const live = await tx.allocation.findFirst({
          where: { programmeId: input.programmeId, memberId: input.memberId, live: "active" },
        });
        let released: Allocation | null = null;
        if (live !== null) released = await createAllocationRepository(tx).release(live.id, input.reason, at);
        const from = STAGE_ORDER.filter((stage) => stage !== "withdrawn");
        await moveToStage(
          tx,
          [input.memberId],
          input.stage,
          from,
          input.actorUserId,
          `allocation.${input.reason}`,
          at,
        );
        await recordAudit(
          tx,
          { ...input, at },
          input.reason === "withdrawn" ? "member.withdraw" : "allocation.release",
          released === null ? `member:${input.memberId}` : `allocation:${released.id}`,
          { reason: input.reason },
        );
        return released;
      });
    },

    /** The programme's interns (by display name, then id) with stage and live project. */
    async roster(programmeId: string): Promise<RosterEntry[]> {
      const rows = await db.member.findMany({
        where: { programmeId, roles: { some: { role: "intern" } } },
        select: {
          discordUserId: true,
          stage: true,
          profile: { select: { displayName: true } },
          allocations: {
            where: { live: "active" },
            select: { assignmentVersion: { select: { titleJa: true, titleEn: true } } },
          },
        },
        orderBy: { discordUserId: "asc" },
      });
      return rows
        .map((row) => ({
          discordUserId: row.discordUserId,
          displayName: row.profile?.displayName ?? null,
          stage: row.stage,
          project: row.allocations[0]?.assignmentVersion ?? null,
        }))
        .sort((a, b) => (a.displayName ?? "\uffff").localeCompare(b.displayName ?? "\uffff"));
    },

    /** Every allocation of an assignment across the guild's programmes, newest first. */
    async usage(assignmentId: string): Promise<AssignmentUsage[]> {
      const rows = await db.allocation.findMany({
        where: { assignmentId },
        include: {
          programme: { select: { name: true } },
          member: { select: { discordUserId: true } },
          assignmentVersion: { select: { version: true } },
        },
        orderBy: [{ allocatedAt: "desc" }, { id: "desc" }],
        take: 50,
      });
      return rows.map((row) => ({
        programmeName: row.programme.name,
        discordUserId: row.member.discordUserId,
        version: row.assignmentVersion.version,
        method: row.method,
        allocatedAt: row.allocatedAt,
        releasedAt: row.releasedAt,
        releaseReason: row.releaseReason,
      }));
    },
  };
}
