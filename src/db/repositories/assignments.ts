/** The guild's assignment library: assignments, their immutable versions, per-programme flags. */
import { createHash } from "node:crypto";
import type {
  AssignmentContent,
  AssignmentVersion,
  LibraryAssignment,
  ProgrammeAssignmentFlags,
} from "../../domain/assignment/types.ts";
import type { DatabaseTransaction } from "../client.ts";
import { mapConstraintViolations } from "../errors.ts";
import { attachmentList, linkList, stringList } from "./json.ts";

export type { AssignmentContent, AssignmentVersion, LibraryAssignment, ProgrammeAssignmentFlags };

/** The stored form of a version's content; the content hash is taken over exactly this. */
export function normaliseAssignmentContent(content: AssignmentContent) {
  return {
    titleJa: content.titleJa.trim(),
    titleEn: content.titleEn?.trim() || null,
    brief: content.brief.trim(),
    skills: [...content.skills],
    tags: [...(content.tags ?? [])],
    level: content.level,
    estimatedHours: content.estimatedHours,
    originRound: content.originRound?.trim() || null,
    status: content.status ?? "retired",
    links: (content.links ?? []).map((link) => ({ label: link.label, url: link.url })),
    attachments: (content.attachments ?? []).map((a) => ({
      name: a.name,
      url: a.url,
      ...(a.size === undefined ? {} : { size: a.size }),
      ...(a.contentType === undefined ? {} : { contentType: a.contentType }),
    })),
  };
}

/**
 * sha256 of the normalised content (status included: versions are immutable, so retiring a task
 * that is still in recruitment adds a version). Re-importing identical content is a no-op.
 */
export function assignmentContentHash(content: AssignmentContent): string {
  return createHash("sha256")
    .update(JSON.stringify(normaliseAssignmentContent(content)))
    .digest("hex");
}

/** A version row as Prisma returns it: skills and tags as stored JSON. */
type VersionRow = Omit<AssignmentVersion, "skills" | "tags" | "links" | "attachments"> & {
  skills: unknown;
  tags: unknown;
  links: unknown;
  attachments: unknown;
};

export function toAssignmentVersion(row: VersionRow): AssignmentVersion {
  return {
    id: row.id,
    assignmentId: row.assignmentId,
    version: row.version,
    titleJa: row.titleJa,
    titleEn: row.titleEn,
    brief: row.brief,
    skills: stringList.parse(row.skills),
    tags: stringList.parse(row.tags),
    level: row.level,
    estimatedHours: row.estimatedHours,
    originRound: row.originRound,
    status: row.status,
    links: linkList.parse(row.links),
    attachments: attachmentList.parse(row.attachments),
    contentHash: row.contentHash,
    createdAt: row.createdAt,
  };
}

const latestVersion = { versions: { orderBy: { version: "desc" }, take: 1 } } as const;

function toLibraryAssignment(row: {
  id: string;
  guildId: string;
  key: string;
  versions: VersionRow[];
}): LibraryAssignment | null {
  const latest = row.versions[0];
  return latest === undefined
    ? null
    : { id: row.id, guildId: row.guildId, key: row.key, latest: toAssignmentVersion(latest) };
}

/** Reads and writes the assignment library. `db` may be the client or a transaction. */
export function createAssignmentRepository(db: DatabaseTransaction) {
  return {
    /**
     * Adds `content` as the next version of the assignment `key` (creating the assignment on
     * first import). Importing content identical to an existing version returns that version
     * with `created: false`.
     */
    async importVersion(
      guildId: string,
      key: string,
      content: AssignmentContent,
    ): Promise<{ assignment: LibraryAssignment; version: AssignmentVersion; created: boolean }> {
      const contentHash = assignmentContentHash(content);
      const data = normaliseAssignmentContent(content);
      return mapConstraintViolations(() =>
        db.$transaction(async (tx) => {
          const assignment = await tx.assignment.upsert({
            where: { guildId_key: { guildId, key } },
            create: { guildId, key },
            update: {},
          });
          const existing = await tx.assignmentVersion.findUnique({
            where: { assignmentId_contentHash: { assignmentId: assignment.id, contentHash } },
          });
          const newest = await tx.assignmentVersion.findFirst({
            where: { assignmentId: assignment.id },
            orderBy: { version: "desc" },
          });
          const version =
            existing ??
            (await tx.assignmentVersion.create({
              data: {
                assignmentId: assignment.id,
                version: (newest?.version ?? 0) + 1,
                contentHash,
                ...data,
              },
            }));
          const latest = existing === null ? version : (newest ?? version);
          return {
            assignment: { id: assignment.id, guildId, key, latest: toAssignmentVersion(latest) },
            version: toAssignmentVersion(version),
            created: existing === null,
          };
        }),
      );
    },

    async findByKey(guildId: string, key: string): Promise<LibraryAssignment | null> {
      const row = await db.assignment.findUnique({
        where: { guildId_key: { guildId, key } },
        include: latestVersion,
      });
      return row === null ? null : toLibraryAssignment(row);
    },

    async get(assignmentId: string): Promise<LibraryAssignment | null> {
      const row = await db.assignment.findUnique({ where: { id: assignmentId }, include: latestVersion });
      return row === null ? null : toLibraryAssignment(row);
    },

    async version(versionId: string): Promise<AssignmentVersion | null> {
      const row = await db.assignmentVersion.findUnique({ where: { id: versionId } });
      return row === null ? null : toAssignmentVersion(row);
    },

    /** Every version of an assignment, oldest first. */
    async versions(assignmentId: string): Promise<AssignmentVersion[]> {
      const rows = await db.assignmentVersion.findMany({
        where: { assignmentId },
        orderBy: { version: "asc" },
      });
      return rows.map(toAssignmentVersion);
    },

    /** The guild's library (newest version of each assignment), by key. */
    async library(guildId: string): Promise<LibraryAssignment[]> {
      const rows = await db.assignment.findMany({
        where: { guildId },
        include: latestVersion,
        orderBy: { key: "asc" },
      });
      return rows.flatMap((row) => toLibraryAssignment(row) ?? []);
    },

    /** Sets an organiser's flags on an assignment for one programme. */
    async setProgrammeFlags(
      programmeId: string,
      assignmentId: string,
      flags: { excluded?: boolean; reserved?: boolean; note?: string | null },
    ): Promise<ProgrammeAssignmentFlags> {
      const row = await db.programmeAssignment.upsert({
        where: { programmeId_assignmentId: { programmeId, assignmentId } },
        create: { programmeId, assignmentId, ...flags },
        update: flags,
      });
      return {
        assignmentId: row.assignmentId,
        excluded: row.excluded,
        reserved: row.reserved,
        note: row.note,
      };
    },

    /** The flags set in a programme (assignments without a row have none). */
    async programmeFlags(programmeId: string): Promise<ProgrammeAssignmentFlags[]> {
      const rows = await db.programmeAssignment.findMany({
        where: { programmeId },
        orderBy: { assignmentId: "asc" },
      });
      return rows.map((row) => ({
        assignmentId: row.assignmentId,
        excluded: row.excluded,
        reserved: row.reserved,
        note: row.note,
      }));
    },
  };
}
