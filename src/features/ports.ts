/** Ports more than one feature declares the same way. */

/** One entry of the audit log of organiser actions. */
export interface AuditRecord {
  guildId: string;
  programmeId?: string | null;
  actorUserId: string;
  /** Dotted action name, e.g. "programme.settings". */
  action: string;
  /** What was acted on, e.g. "programme:<id>". */
  target?: string | null;
  /** Any JSON-serialisable value. */
  data?: unknown;
  at?: Date;
}

/** Writes the audit log; inside a store's transaction, with the write it records. */
export interface AuditPort {
  record(entry: AuditRecord): Promise<void>;
}
