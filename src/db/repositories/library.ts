/**
 * Importing a whole library at once: every assignment of an import is written in ONE transaction
 * (all or nothing), with a handful of bulk statements rather than a few queries per assignment,
 * so thousands of assignments import in seconds. Identical content is a no-op (content hash); an
 * edited assignment gets a new version, and allocations keep pointing at the version they got.
 */

import type { LibraryView, LibraryViewEntry } from "../../domain/allocation/records.ts";
import type { LibraryEntry, LibraryImportSummary } from "../../domain/library/types.ts";
import type { Database } from "../client.ts";
import { mapConstraintViolations } from "../errors.ts";
import {
  type AssignmentContent,
  type AssignmentVersion,
  assignmentContentHash,
  normaliseAssignmentContent,
  toAssignmentVersion,
} from "./assignments.ts";
import { createAuditRepository } from "./audit.ts";
import { stringList } from "./json.ts";

export type { LibraryView };

/** Rows per bulk statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
const CHUNK = 400;

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

function contentOf(entry: LibraryEntry): AssignmentContent {
  const c = entry.content;
  return {
    titleJa: c.titleJa,
    titleEn: c.titleEn,
    brief: c.brief,
    skills: c.skills,
    tags: c.tags,
    level: c.level,
    estimatedHours: c.estimatedHours,
    originRound: c.originRound,
    status: c.status,
    links: c.links,
    attachments: c.attachments,
  };
}

interface CachedView {
  /** Versions in the guild and the newest one's creation time, when `view` was read. */
  stamp: string;
  view: Promise<LibraryView>;
}

/**
 * Library views by client and guild. Versions are only ever added (an edit is a new version), so
 * the number of versions and the newest creation time change whenever the library does — also
 * when another process imports (`npm run assignments:import`) — and one aggregate query tells
 * whether a view is still right. Imports through this module also drop the view at once.
 */
const views = new WeakMap<Database, Map<string, CachedView>>();
/** Stamp queries in flight, by client and guild: callers arriving meanwhile share the answer. */
const stampsInFlight = new WeakMap<Database, Map<string, Promise<string>>>();

function cacheOf<T>(map: WeakMap<Database, Map<string, T>>, db: Database): Map<string, T> {
  let cache = map.get(db);
  if (cache === undefined) {
    cache = new Map();
    map.set(db, cache);
  }
  return cache;
}

async function readStamp(db: Database, guildId: string): Promise<string> {
  const inFlight = cacheOf(stampsInFlight, db);
  let stamp = inFlight.get(guildId);
  if (stamp === undefined) {
    stamp = db.assignmentVersion
      .aggregate({
        where: { assignment: { guildId } },
        _count: { _all: true },
        _max: { createdAt: true },
      })
      .then((row) => `${row._count._all}:${row._max.createdAt?.getTime() ?? 0}`)
      .finally(() => inFlight.delete(guildId));
    inFlight.set(guildId, stamp);
  }
  return stamp;
}

async function loadView(db: Database, guildId: string): Promise<LibraryView> {
  // One flat query: a nested `take: 1` per assignment costs several times more in Prisma.
  const rows = await db.assignmentVersion.findMany({
    where: { assignment: { guildId } },
    select: {
      id: true,
      assignmentId: true,
      version: true,
      titleJa: true,
      titleEn: true,
      status: true,
      level: true,
      skills: true,
      tags: true,
      estimatedHours: true,
    },
  });
  const newest = new Map<string, (typeof rows)[number]>();
  for (const row of rows) {
    const seen = newest.get(row.assignmentId);
    if (seen === undefined || seen.version < row.version) newest.set(row.assignmentId, row);
  }
  const assignments = [...newest.values()]
    .sort((a, b) => (a.assignmentId < b.assignmentId ? -1 : a.assignmentId > b.assignmentId ? 1 : 0))
    .map(
      (row): LibraryViewEntry => ({
        id: row.assignmentId,
        versionId: row.id,
        titleJa: row.titleJa,
        titleEn: row.titleEn,
        status: row.status,
        level: row.level,
        skills: stringList.parse(row.skills),
        tags: stringList.parse(row.tags),
        estimatedHours: row.estimatedHours,
      }),
    );
  return { assignments, byId: new Map(assignments.map((a) => [a.id, a])) };
}

/** Whole-library operations. Needs the client (it opens its own transaction). */
export function createLibraryRepository(db: Database) {
  return {
    /**
     * The guild's library at its newest versions, read once and kept until the library changes
     * (checked with one aggregate query per call), so hundreds of claim clicks at once do not each
     * load and parse the whole library.
     */
    async view(guildId: string): Promise<LibraryView> {
      const stamp = await readStamp(db, guildId);
      const cache = cacheOf(views, db);
      const cached = cache.get(guildId);
      if (cached !== undefined && cached.stamp === stamp) return cached.view;
      const view = loadView(db, guildId);
      cache.set(guildId, { stamp, view });
      view.catch(() => {
        if (cache.get(guildId)?.view === view) cache.delete(guildId);
      });
      return view;
    },

    /**
     * The newest version of each of `assignmentIds` in the guild's library (others are left
     * out), in one flat query: cheap enough for every claim click.
     */
    async latestVersions(
      guildId: string,
      assignmentIds: readonly string[],
    ): Promise<Map<string, AssignmentVersion>> {
      const rows = await db.assignmentVersion.findMany({
        where: { assignmentId: { in: [...assignmentIds] }, assignment: { guildId } },
        orderBy: { version: "desc" },
      });
      const latest = new Map<string, AssignmentVersion>();
      for (const row of rows)
        if (!latest.has(row.assignmentId)) latest.set(row.assignmentId, toAssignmentVersion(row));
      return latest;
    },

    /**
     * Imports `entries` into the guild's library in one transaction and records one audit entry.
     * Either everything is written or, on any error, nothing is.
     */
    async importEntries(
      guildId: string,
      entries: readonly LibraryEntry[],
      audit: { actorUserId: string; programmeId?: string | null; source: string; at?: Date },
    ): Promise<LibraryImportSummary> {
      const at = audit.at ?? new Date();
      const planned = entries.map((entry) => {
        const content = contentOf(entry);
        return { key: entry.key, content, hash: assignmentContentHash(content) };
      });
      return mapConstraintViolations(() =>
        db.$transaction(
          async (tx) => {
            const stored = await tx.assignment.findMany({
              where: { guildId },
              select: { id: true, key: true, versions: { select: { version: true, contentHash: true } } },
            });
            const byKey = new Map(stored.map((a) => [a.key, a]));
            const summary: LibraryImportSummary = { created: [], updated: [], unchanged: [] };
            const fresh = planned.filter((p) => !byKey.has(p.key));
            const versions: Array<{
              assignmentId: string;
              version: number;
              hash: string;
              content: AssignmentContent;
            }> = [];

            for (const part of chunks(fresh)) {
              const rows = await tx.assignment.createManyAndReturn({
                data: part.map((p) => ({ guildId, key: p.key, createdAt: at })),
                select: { id: true, key: true },
              });
              const ids = new Map(rows.map((row) => [row.key, row.id]));
              for (const p of part) {
                const assignmentId = ids.get(p.key);
                if (assignmentId === undefined) throw new Error(`assignment ${p.key} was not created`);
                versions.push({ assignmentId, version: 1, hash: p.hash, content: p.content });
                summary.created.push(p.key);
              }
            }
            for (const p of planned) {
              const existing = byKey.get(p.key);
              if (existing === undefined) continue;
              if (existing.versions.some((v) => v.contentHash === p.hash)) {
                summary.unchanged.push(p.key);
                continue;
              }
              const version = Math.max(0, ...existing.versions.map((v) => v.version)) + 1;
              versions.push({ assignmentId: existing.id, version, hash: p.hash, content: p.content });
              summary.updated.push({ key: p.key, version });
            }
            for (const part of chunks(versions)) {
              await tx.assignmentVersion.createMany({
                data: part.map((v) => ({
                  assignmentId: v.assignmentId,
                  version: v.version,
                  contentHash: v.hash,
                  createdAt: at,
                  ...normaliseAssignmentContent(v.content),
                })),
              });
            }
            await createAuditRepository(tx).record({
              guildId,
              programmeId: audit.programmeId ?? null,
              actorUserId: audit.actorUserId,
              action: "library.import",
              target: `library:${guildId}`,
              data: {
                source: audit.source,
                created: summary.created.length,
                updated: summary.updated.length,
                unchanged: summary.unchanged.length,
              },
              at,
            });
            return summary;
          },
          // Thousands of rows on a slow disk: well above Prisma's 5 s default.
          { maxWait: 10_000, timeout: 120_000 },
        ),
      ).finally(() => views.get(db)?.delete(guildId));
    },
  };
}
