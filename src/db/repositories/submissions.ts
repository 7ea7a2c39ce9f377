/** Submissions, their versions and files, extensions, and the programme's submission state. */
import { z } from "zod";
import {
  LINK_LABELS,
  type SubmissionExtension,
  type SubmissionSettings,
  type SubmissionVersionRecord,
  submissionSettingsFrom,
} from "../../domain/submission/types.ts";
import type { SubmittedFileRow } from "../../features/submission/export-files.ts";
import type { ExtensionRequestRecord } from "../../features/submission/ports.ts";
import type { DatabaseTransaction } from "../client.ts";
import { mapConstraintViolations } from "../errors.ts";

const storedLinks = z.array(z.object({ label: z.enum(LINK_LABELS), url: z.string() }));

type VersionRow = {
  id: string;
  number: number;
  notes: string | null;
  links: unknown;
  submittedAt: Date;
  manifestHash: string;
  late: boolean;
  deadlineAt: Date | null;
  files: {
    name: string;
    url: string;
    size: number;
    contentType: string | null;
    sha256: string;
    storageKey: string;
  }[];
};

export function toVersion(row: VersionRow): SubmissionVersionRecord {
  return {
    id: row.id,
    number: row.number,
    submittedAt: row.submittedAt,
    links: storedLinks.parse(row.links),
    note: row.notes,
    files: row.files.map((f) => ({
      name: f.name,
      size: f.size,
      contentType: f.contentType,
      sha256: f.sha256,
      storageKey: f.storageKey,
      url: f.url,
    })),
    manifestHash: row.manifestHash,
    late: row.late,
    deadlineAt: row.deadlineAt,
  };
}

const FILE_ORDER = { id: "asc" } as const;

/** A version as the transaction writes it (its number is chosen inside). */
export interface VersionWrite {
  programmeId: string;
  memberId: string;
  allocationId: string;
  submittedAt: Date;
  links: SubmissionVersionRecord["links"];
  note: string | null;
  files: SubmissionVersionRecord["files"];
  late: boolean;
  deadlineAt: Date | null;
  manifestHash(number: number): string;
}

/** Reads and writes submissions. `db` may be the client or a transaction. */
export function createSubmissionRepository(db: DatabaseTransaction) {
  return {
    /** The programme's closing time, settings and `submission_deadline` milestone. */
    async programmeTerms(
      programmeId: string,
    ): Promise<{ closedAt: Date | null; settings: SubmissionSettings; deadline: Date | null } | null> {
      const row = await db.programme.findUnique({
        where: { id: programmeId },
        select: {
          submissionsClosedAt: true,
          submissionSettings: true,
          milestones: {
            where: { kind: "submission_deadline" },
            orderBy: { at: "asc" },
            take: 1,
            select: { at: true },
          },
        },
      });
      if (!row) return null;
      return {
        closedAt: row.submissionsClosedAt,
        settings: submissionSettingsFrom(row.submissionSettings),
        deadline: row.milestones[0]?.at ?? null,
      };
    },

    async setClosed(programmeId: string, closedAt: Date | null): Promise<void> {
      await db.programme.update({ where: { id: programmeId }, data: { submissionsClosedAt: closedAt } });
    },

    async extension(memberId: string): Promise<SubmissionExtension | null> {
      const row = await db.submissionExtension.findUnique({ where: { memberId } });
      return row
        ? { until: row.until, reason: row.reason, source: row.source, grantedByUserId: row.grantedByUserId }
        : null;
    },

    async setExtension(memberId: string, extension: SubmissionExtension | null): Promise<void> {
      if (extension === null) {
        await db.submissionExtension.deleteMany({ where: { memberId } });
        return;
      }
      const data = {
        until: extension.until,
        reason: extension.reason,
        source: extension.source,
        grantedByUserId: extension.grantedByUserId,
      };
      await db.submissionExtension.upsert({
        where: { memberId },
        create: { memberId, ...data },
        update: data,
      });
    },

    /** Every version of the member's submissions in the programme, oldest first. */
    async versions(programmeId: string, memberId: string): Promise<SubmissionVersionRecord[]> {
      const rows = await db.submissionVersion.findMany({
        where: { submission: { programmeId, memberId } },
        orderBy: [{ submittedAt: "asc" }, { number: "asc" }],
        include: { files: { orderBy: FILE_ORDER } },
      });
      return rows.map(toVersion);
    },

    /** Members of the programme (among `memberIds`) with at least one version. */
    async membersWithVersions(programmeId: string, memberIds?: readonly string[]): Promise<Set<string>> {
      const rows = await db.submission.findMany({
        where: {
          programmeId,
          versions: { some: {} },
          ...(memberIds === undefined ? {} : { memberId: { in: [...memberIds] } }),
        },
        select: { memberId: true },
      });
      return new Set(rows.map((r) => r.memberId));
    },

    /**
     * Writes the next version of the allocation's submission (creating the submission on the
     * first) with its files. Run it inside a transaction.
     * @throws ConstraintViolation `submission_allocationId_key` when a concurrent call created the
     *   submission first; the caller retries.
     */
    async addVersion(input: VersionWrite): Promise<SubmissionVersionRecord> {
      const submission = await db.submission.upsert({
        where: { allocationId: input.allocationId },
        create: {
          programmeId: input.programmeId,
          memberId: input.memberId,
          allocationId: input.allocationId,
        },
        update: {},
        select: { id: true },
      });
      // The increment locks the submission row (PostgreSQL) and applies to the committed count:
      // concurrent versions of one submission queue here and each gets the next number.
      const { versionCount: number } = await db.submission.update({
        where: { id: submission.id },
        data: { versionCount: { increment: 1 } },
        select: { versionCount: true },
      });
      const row = await mapConstraintViolations(() =>
        db.submissionVersion.create({
          data: {
            submissionId: submission.id,
            number,
            notes: input.note,
            links: input.links.map((l) => ({ label: l.label, url: l.url })),
            submittedAt: input.submittedAt,
            manifestHash: input.manifestHash(number),
            late: input.late,
            deadlineAt: input.deadlineAt,
            files: {
              create: input.files.map((f) => ({
                name: f.name,
                url: f.url,
                size: f.size,
                contentType: f.contentType,
                sha256: f.sha256,
                storageKey: f.storageKey,
              })),
            },
          },
          include: { files: { orderBy: FILE_ORDER } },
        }),
      );
      return toVersion(row);
    },

    /**
     * Interns who still owe a hand-in: a live allocation, not withdrawn, no version yet; with
     * what decides their deadline and reminders. `memberIds` narrows it to some of them.
     */
    async awaiting(
      programmeId: string,
      memberIds?: readonly string[],
    ): Promise<
      {
        memberId: string;
        extension: SubmissionExtension | null;
        extendedDeadlines: boolean;
        fewerNotifications: boolean;
      }[]
    > {
      const rows = await db.member.findMany({
        where: {
          programmeId,
          ...(memberIds === undefined ? {} : { id: { in: [...memberIds] } }),
          roles: { some: { role: "intern" } },
          OR: [{ stage: null }, { stage: { not: "withdrawn" } }],
          allocations: { some: { live: "active" } },
          submissions: { none: { versions: { some: {} } } },
        },
        select: {
          id: true,
          extension: true,
          profile: { select: { extendedDeadlines: true, fewerNotifications: true } },
        },
        orderBy: { id: "asc" },
      });
      return rows.map((row) => ({
        memberId: row.id,
        extension: row.extension
          ? {
              until: row.extension.until,
              reason: row.extension.reason,
              source: row.extension.source,
              grantedByUserId: row.extension.grantedByUserId,
            }
          : null,
        extendedDeadlines: row.profile?.extendedDeadlines ?? false,
        fewerNotifications: row.profile?.fewerNotifications ?? false,
      }));
    },

    /**
     * Every intern with a live project (withdrawn ones left out), with their latest version and
     * whether it has a published review, and what decides their deadline; oldest member first.
     */
    async standings(programmeId: string) {
      const rows = await db.member.findMany({
        where: {
          programmeId,
          roles: { some: { role: "intern" } },
          OR: [{ stage: null }, { stage: { not: "withdrawn" } }],
          allocations: { some: { live: "active" } },
        },
        select: {
          id: true,
          discordUserId: true,
          extension: { select: { until: true } },
          profile: { select: { extendedDeadlines: true } },
          // The live project's hand-ins: a released project's versions are history.
          submissions: {
            where: { allocation: { live: "active" } },
            select: {
              versions: {
                orderBy: { number: "desc" },
                take: 1,
                select: {
                  number: true,
                  late: true,
                  reviews: { where: { publishedAt: { not: null } }, select: { id: true }, take: 1 },
                },
              },
            },
          },
        },
        orderBy: { joinedAt: "asc" },
      });
      return rows.map((row) => {
        const latest = row.submissions.flatMap((s) => s.versions).sort((a, b) => b.number - a.number)[0];
        return {
          memberId: row.id,
          discordUserId: row.discordUserId,
          extensionUntil: row.extension?.until ?? null,
          extendedDeadlines: row.profile?.extendedDeadlines ?? false,
          latest:
            latest === undefined
              ? null
              : { number: latest.number, late: latest.late, reviewed: latest.reviews.length > 0 },
        };
      });
    },

    async addExtensionRequest(input: { memberId: string; until: Date; reason: string; at: Date }) {
      return db.extensionRequest.create({
        data: { memberId: input.memberId, until: input.until, reason: input.reason, createdAt: input.at },
        select: { id: true },
      });
    },

    async extensionRequest(requestId: string): Promise<ExtensionRequestRecord | null> {
      const row = await db.extensionRequest.findUnique({
        where: { id: requestId },
        include: { member: { select: { programmeId: true } } },
      });
      if (row === null) return null;
      return {
        id: row.id,
        programmeId: row.member.programmeId,
        memberId: row.memberId,
        until: row.until,
        reason: row.reason,
        decision: row.decision === "approved" || row.decision === "declined" ? row.decision : null,
      };
    },

    /** Sets the decision if none was taken yet; false when another press decided first. */
    async decideExtensionRequest(
      requestId: string,
      decision: "approved" | "declined",
      by: string,
      at: Date,
    ): Promise<boolean> {
      const { count } = await db.extensionRequest.updateMany({
        where: { id: requestId, decision: null },
        data: { decision, decidedByUserId: by, decidedAt: at },
      });
      return count === 1;
    },

    async blobReferenced(storageKey: string): Promise<boolean> {
      return (await db.submissionFile.count({ where: { storageKey }, take: 1 })) > 0;
    },

    /** Of `storageKeys`, those some file row points at. */
    async referencedBlobs(storageKeys: readonly string[]): Promise<Set<string>> {
      if (storageKeys.length === 0) return new Set();
      const rows = await db.submissionFile.findMany({
        where: { storageKey: { in: [...storageKeys] } },
        select: { storageKey: true },
        distinct: ["storageKey"],
      });
      return new Set(rows.map((r) => r.storageKey));
    },

    /** Every file of the programme's versions, by intern, version and upload order (for `submissions:export`). */
    async exportFiles(programmeId: string): Promise<SubmittedFileRow[]> {
      const rows = await db.submissionFile.findMany({
        where: { version: { submission: { programmeId } } },
        include: {
          version: {
            select: {
              number: true,
              submittedAt: true,
              late: true,
              submission: {
                select: {
                  member: { select: { discordUserId: true } },
                  allocation: { select: { assignment: { select: { key: true } } } },
                },
              },
            },
          },
        },
        orderBy: [{ version: { submittedAt: "asc" } }, { versionId: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        discordUserId: row.version.submission.member.discordUserId,
        assignmentKey: row.version.submission.allocation.assignment.key,
        version: row.version.number,
        submittedAt: row.version.submittedAt,
        late: row.version.late,
        name: row.name,
        size: row.size,
        sha256: row.sha256,
        storageKey: row.storageKey,
      }));
    },

    /** The blobs the programme's versions point at. */
    async programmeBlobs(programmeId: string): Promise<string[]> {
      const rows = await db.submissionFile.findMany({
        where: { version: { submission: { programmeId } } },
        select: { storageKey: true },
        distinct: ["storageKey"],
      });
      return rows.map((r) => r.storageKey);
    },
  };
}
