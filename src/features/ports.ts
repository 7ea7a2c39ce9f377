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

/** Work that one caller at a time may do per key, across processes (a lease in the database). */
export interface ExclusivePort {
  /** Runs `work` holding `key`; `busy` at once, without running it, when another caller holds it. */
  run<T>(key: string, work: () => Promise<T>): Promise<{ busy: false; value: T } | { busy: true }>;
}

/** The keys of {@link ExclusivePort}: what overlapping calls must not do twice. */
export const ExclusiveKeys = {
  /** Building, repairing or deleting the server's workspace (`/program open`, `/program delete`). */
  workspace: (guildId: string) => `workspace:${guildId}`,
  /** Granting or taking away a programme's staff roles. */
  staff: (programmeId: string) => `staff:${programmeId}`,
} as const;

/** Runs `work` holding `key`, or refuses with "already under way" (nothing written). */
export async function exclusively<T>(port: ExclusivePort, key: string, work: () => Promise<T>): Promise<T> {
  const result = await port.run(key, work);
  if (result.busy) throw new UserError("error.busy");
  return result.value;
}
