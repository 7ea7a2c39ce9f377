/**
 * What `/program` needs beyond the programme repository: the template a programme was opened
 * with, milestone rescheduling, the counts `/program status` shows, and the rows `/program export`
 * writes out.
 */
import { z } from "zod";
import type {
  ExportedAllocation,
  ExportedMember,
  ExportedReview,
  ExportedVersion,
} from "../../features/programme/ports.ts";
import type { DatabaseTransaction } from "../client.ts";
import type { InternStage, MilestoneKind } from "../enums.ts";

export function createWorkspaceRepository(db: DatabaseTransaction) {
  return {
    /** The stored template JSON, or null when the programme uses the default template. */
    async template(programmeId: string): Promise<unknown> {
      const row = await db.programme.findUnique({
        where: { id: programmeId },
        select: { workspaceTemplate: true },
      });
      return row?.workspaceTemplate ?? null;
    },

    /** Keeps the template the programme was opened with (`null`: the default template). */
    async saveTemplate(programmeId: string, template: unknown): Promise<void> {
      await db.programme.update({
        where: { id: programmeId },
        data: { workspaceTemplate: template === null ? null : JSON.parse(JSON.stringify(template)) },
      });
    },

    /** Moves a milestone; a moved milestone is announced again at its new time. */
    async moveMilestone(milestoneId: string, at: Date): Promise<void> {
      await db.milestone.update({ where: { id: milestoneId }, data: { at, announcedAt: null } });
    },

    /** Interns per stage. */
    async stageCounts(programmeId: string): Promise<Map<InternStage, number>> {
      const rows = await db.member.groupBy({
        by: ["stage"],
        where: { programmeId, stage: { not: null } },
        _count: { _all: true },
      });
      return new Map(rows.flatMap((row) => (row.stage ? [[row.stage, row._count._all] as const] : [])));
    },

    /** Every member with roles, stage, agency and display name, oldest first. */
    async exportMembers(programmeId: string): Promise<ExportedMember[]> {
      const rows = await db.member.findMany({
        where: { programmeId },
        include: {
          roles: true,
          profile: { select: { displayName: true } },
          agency: { select: { name: true } },
        },
        orderBy: [{ joinedAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        discordUserId: row.discordUserId,
        displayName: row.profile?.displayName ?? null,
        roles: row.roles.map((r) => r.role).sort(),
        stage: row.stage,
        agency: row.agency?.name ?? null,
        agencyConsent: row.agencyConsent,
        joinedAt: row.joinedAt,
      }));
    },

    /** Every allocation, live and released, oldest first. */
    async exportAllocations(programmeId: string): Promise<ExportedAllocation[]> {
      const rows = await db.allocation.findMany({
        where: { programmeId },
        include: {
          member: { select: { discordUserId: true } },
          assignment: { select: { key: true } },
          assignmentVersion: { select: { titleJa: true, version: true } },
        },
        orderBy: [{ allocatedAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        discordUserId: row.member.discordUserId,
        assignmentKey: row.assignment.key,
        assignmentTitle: row.assignmentVersion.titleJa,
        assignmentVersion: row.assignmentVersion.version,
        method: row.method,
        allocatedAt: row.allocatedAt,
        releasedAt: row.releasedAt,
        releaseReason: row.releaseReason,
      }));
    },

    /** Every submission version of the programme, by intern and number. */
    async exportVersions(programmeId: string): Promise<ExportedVersion[]> {
      const rows = await db.submissionVersion.findMany({
        where: { submission: { programmeId } },
        include: {
          files: { select: { name: true, size: true, sha256: true }, orderBy: { id: "asc" } },
          submission: {
            select: {
              member: { select: { discordUserId: true } },
              allocation: { select: { assignment: { select: { key: true } } } },
            },
          },
        },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        discordUserId: row.submission.member.discordUserId,
        assignmentKey: row.submission.allocation.assignment.key,
        number: row.number,
        submittedAt: row.submittedAt,
        late: row.late,
        deadlineAt: row.deadlineAt,
        manifestHash: row.manifestHash,
        links: linksOf(row.links),
        files: row.files,
      }));
    },

    /** Every review of the programme's versions, drafts included (`publishedAt` null). */
    async exportReviews(programmeId: string): Promise<ExportedReview[]> {
      const rows = await db.review.findMany({
        where: { submissionVersion: { submission: { programmeId } } },
        include: {
          mentor: { select: { discordUserId: true } },
          submissionVersion: {
            select: {
              number: true,
              submission: {
                select: {
                  member: { select: { discordUserId: true } },
                  allocation: { select: { assignment: { select: { key: true } } } },
                },
              },
            },
          },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        discordUserId: row.submissionVersion.submission.member.discordUserId,
        assignmentKey: row.submissionVersion.submission.allocation.assignment.key,
        version: row.submissionVersion.number,
        reviewerDiscordUserId: row.mentor.discordUserId,
        scores: scoresOf(row.scores),
        comment: row.comments,
        publishedAt: row.publishedAt,
      }));
    },

    /** Deletes the programme and, by cascade, everything recorded for it (the audit log keeps its entries). */
    async deleteProgramme(programmeId: string): Promise<void> {
      await db.programme.delete({ where: { id: programmeId } });
    },

    /** Milestones of these kinds, for idempotent creation. */
    async milestoneKinds(programmeId: string): Promise<Set<MilestoneKind>> {
      const rows = await db.milestone.findMany({ where: { programmeId }, select: { kind: true } });
      return new Set(rows.map((r) => r.kind));
    },
  };
}

const storedLinks = z.array(z.object({ label: z.string(), url: z.string() }));
const storedScores = z.record(z.string(), z.number());

/** The stored links JSON; an unreadable value exports as none rather than failing the export. */
function linksOf(value: unknown): { label: string; url: string }[] {
  const parsed = storedLinks.safeParse(value);
  return parsed.success ? parsed.data : [];
}

function scoresOf(value: unknown): Record<string, number> {
  const parsed = storedScores.safeParse(value ?? {});
  return parsed.success ? parsed.data : {};
}
