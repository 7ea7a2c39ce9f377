/** The audit log of organiser actions. */

import type { AuditRecord } from "../../features/ports.ts";
import type { DatabaseTransaction } from "../client.ts";

export interface AuditEntry {
  guildId: string;
  programmeId: string | null;
  actorUserId: string;
  /** Dotted action name, e.g. "allocation.release". */
  action: string;
  /** What was acted on, e.g. "allocation:<id>". */
  target: string | null;
  data: unknown;
  at: Date;
}

/** Who acted, where and when: the part of an audit entry a store's input already carries. */
export type AuditActor = Pick<AuditRecord, "guildId" | "programmeId" | "actorUserId" | "at">;

/** Records `action` on `target` by `actor` through `tx` (a store's transaction). */
export function recordAudit(
  tx: DatabaseTransaction,
  actor: AuditActor,
  action: string,
  target: string,
  data?: unknown,
): Promise<void> {
  return createAuditRepository(tx).record({
    guildId: actor.guildId,
    programmeId: actor.programmeId ?? null,
    actorUserId: actor.actorUserId,
    at: actor.at,
    action,
    target,
    data,
  });
}

/** Appends to and reads the audit log. `db` may be the client or a transaction. */
export function createAuditRepository(db: DatabaseTransaction) {
  return {
    async record(entry: AuditRecord): Promise<void> {
      await db.auditLogEntry.create({
        data: {
          guildId: entry.guildId,
          programmeId: entry.programmeId ?? null,
          actorUserId: entry.actorUserId,
          action: entry.action,
          target: entry.target ?? null,
          ...(entry.data === undefined ? {} : { data: JSON.parse(JSON.stringify(entry.data)) }),
          ...(entry.at === undefined ? {} : { at: entry.at }),
        },
      });
    },

    /** The newest entries first. */
    async recent(
      guildId: string,
      options: { programmeId?: string; limit?: number } = {},
    ): Promise<AuditEntry[]> {
      const rows = await db.auditLogEntry.findMany({
        where: {
          guildId,
          ...(options.programmeId === undefined ? {} : { programmeId: options.programmeId }),
        },
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: options.limit ?? 50,
      });
      return rows.map((row) => ({
        guildId: row.guildId,
        programmeId: row.programmeId,
        actorUserId: row.actorUserId,
        action: row.action,
        target: row.target,
        data: row.data,
        at: row.at,
      }));
    },
  };
}
