/** What the organiser's library and batch allocation flows (`/assignments`) need from outside. */

import type {
  Allocation,
  AssignmentUsage,
  PreviewPair,
  PreviewView,
  ProgrammeAllocationState,
  RosterEntry,
  SavedPreview,
} from "../../domain/allocation/records.ts";
import type {
  AssignmentVersion,
  LibraryAssignment,
  ProgrammeAssignmentFlags,
} from "../../domain/assignment/types.ts";
import type { InternStage, Locale, ReleaseReason } from "../../domain/enums.ts";
import type { LibraryEntry, LibraryImportSummary } from "../../domain/library/types.ts";
import type { ProgrammeReads } from "../ports.ts";

/** How applying a saved preview ended: the database settles a second click or a change meanwhile. */
export type ApplyWrite = "applied" | "already_applied" | "stale";

/** What releasing an intern's allocation writes. */
export interface ReleaseWrite {
  guildId: string;
  programmeId: string;
  memberId: string;
  reason: ReleaseReason;
  stage: InternStage;
  actorUserId: string;
  at: Date;
}

/** The store behind `/assignments` (implemented over the database in src/db/stores/library.ts). */
export interface LibraryStore extends ProgrammeReads {
  library(guildId: string): Promise<LibraryAssignment[]>;
  assignment(assignmentId: string): Promise<LibraryAssignment | null>;
  assignmentByKey(guildId: string, key: string): Promise<LibraryAssignment | null>;
  /** Every version of an assignment, oldest first. */
  versions(assignmentId: string): Promise<AssignmentVersion[]>;
  version(versionId: string): Promise<AssignmentVersion | null>;
  programmeFlags(programmeId: string): Promise<ProgrammeAssignmentFlags[]>;
  liveAllocations(programmeId: string): Promise<Allocation[]>;
  liveForMember(programmeId: string, memberId: string): Promise<Allocation | null>;
  /** Every allocation of an assignment across the guild's programmes, newest first. */
  usage(assignmentId: string): Promise<AssignmentUsage[]>;
  allocationState(programmeId: string): Promise<ProgrammeAllocationState>;
  /** Imports the entries and their audit entry in one transaction: all or nothing. */
  importEntries(
    guildId: string,
    entries: readonly LibraryEntry[],
    audit: { actorUserId: string; programmeId: string | null; source: string; at: Date },
  ): Promise<LibraryImportSummary>;
  /** Saves a batch preview; its id goes into the Confirm button. */
  savePreview(input: {
    guildId: string;
    programmeId: string;
    actorUserId: string;
    fingerprint: string;
    pairs: readonly PreviewPair[];
    /** What the organiser is shown, kept so every page shows what Confirm applies. */
    view: PreviewView;
    at: Date;
  }): Promise<string>;
  preview(previewId: string): Promise<SavedPreview | null>;
  /** Applies the preview exactly as saved, with stages and audit entry, in one transaction. */
  applyPreview(
    preview: SavedPreview,
    input: { guildId: string; actorUserId: string; at: Date },
  ): Promise<ApplyWrite>;
  /**
   * Gives the intern the assignment by hand (method manual), moves them `onboarded` → `working`,
   * with the audit entry, in one transaction; `stale` when a concurrent change beat it.
   */
  give(input: {
    guildId: string;
    programmeId: string;
    memberId: string;
    assignmentId: string;
    assignmentVersionId: string;
    actorUserId: string;
    at: Date;
  }): Promise<{ status: "given"; allocation: Allocation } | { status: "stale" }>;
  /** The programme's interns with stage and live project, sorted by display name. */
  roster(programmeId: string): Promise<RosterEntry[]>;
  /** Releases the intern's live allocation and moves them to `stage`, with the audit entry. */
  release(input: ReleaseWrite): Promise<Allocation | null>;
  /** Sets an assignment's flags for the programme with its audit entry, in one transaction. */
  setFlags(input: {
    guildId: string;
    programmeId: string;
    assignmentId: string;
    flags: { excluded?: boolean; reserved?: boolean };
    actorUserId: string;
    at: Date;
  }): Promise<ProgrammeAssignmentFlags>;
}

/** How fetching an uploaded file ended. */
export type Download = { status: "ok"; bytes: Uint8Array } | { status: "too_large" } | { status: "failed" };

/** Fetches an uploaded file, reading at most `maxBytes` (the Discord side logs a failure). */
export interface UploadSource {
  download(url: string, maxBytes: number): Promise<Download>;
}

/** The ports of the library use-cases. */
export interface LibraryPorts {
  store: LibraryStore;
  now: () => Date;
  /** The locale of briefs posted in a thread when neither programme nor intern sets one. */
  defaultLocale: Locale;
}
