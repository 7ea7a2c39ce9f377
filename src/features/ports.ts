/** Ports more than one feature declares the same way. */
import type { Locale } from "../domain/enums.ts";
import type { Member } from "../domain/member/types.ts";
import type { Programme } from "../domain/programme/types.ts";
import { UserError } from "./errors.ts";

/** The reads most flows start with: the programme, the caller's membership, their language. */
export interface ProgrammeReads {
  programme(programmeId: string): Promise<Programme | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  preferredLocale(memberId: string): Promise<Locale | null>;
}

/** The server's current programme, or the friendly refusal when there is none. */
export async function currentProgramme(
  store: Pick<ProgrammeReads, "programme">,
  programmeId: string | null,
): Promise<Programme> {
  const programme = programmeId === null ? null : await store.programme(programmeId);
  if (programme === null) throw new UserError("error.access.noProgramme");
  return programme;
}

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
