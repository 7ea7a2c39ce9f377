/** Allocations as stored facts, and what claim and swap options read of the library. */
import type { AllocationMethod, InternStage, ReleaseReason } from "../enums.ts";
import type { UnallocatedReason } from "./result.ts";
import type {
  AllocationAssignment,
  AllocationIntern,
  ExistingAllocation,
  FitReason,
  PastAllocation,
} from "./types.ts";

export interface Allocation {
  id: string;
  programmeId: string;
  memberId: string;
  assignmentId: string;
  /** The version the intern was given; later library edits never change it. */
  assignmentVersionId: string;
  method: AllocationMethod;
  allocatedByUserId: string | null;
  allocatedAt: Date;
  releasedAt: Date | null;
  releaseReason: ReleaseReason | null;
  /** True until released. */
  active: boolean;
}

/**
 * One assignment at its newest version, as claim and swap options need it: what ranking reads
 * (no programme flags: those belong to a programme) and what an option shows.
 */
export interface LibraryViewEntry extends Omit<AllocationAssignment, "excluded" | "reserved"> {
  readonly versionId: string;
  readonly titleJa: string;
  readonly titleEn: string | null;
}

/** The guild's whole library at its newest versions, sorted by assignment id. */
export interface LibraryView {
  readonly assignments: readonly LibraryViewEntry[];
  readonly byId: ReadonlyMap<string, LibraryViewEntry>;
}

/** One intern as claim and swap options see them. */
export interface Claimer {
  readonly intern: AllocationIntern;
  /** This programme's excluded or reserved assignments, by id. */
  readonly flags: ReadonlyMap<string, { readonly excluded: boolean; readonly reserved: boolean }>;
  /** What the intern's Discord user had in the guild's earlier programmes. */
  readonly history: readonly PastAllocation[];
}

/**
 * Whether an assignment may go to an intern now: `open`; `taken` by another intern in this
 * programme; `closed` (excluded or reserved here, or the intern's Discord user had it in an
 * earlier programme); `caller_has_one` (a claim by an intern who already has a live allocation).
 */
export type Claimability = "open" | "taken" | "closed" | "caller_has_one";

/** An intern as the batch allocation needs them. */
export interface AllocationCandidateIntern extends AllocationIntern {
  readonly stage: InternStage | null;
  readonly projectChannelId: string | null;
}

/** A library assignment with the version an allocation made now would pin. */
export interface VersionedAssignment extends AllocationAssignment {
  readonly versionId: string;
}

/** Everything allocating a programme depends on. */
export interface ProgrammeAllocationState {
  readonly interns: readonly AllocationCandidateIntern[];
  readonly assignments: readonly VersionedAssignment[];
  readonly existing: readonly ExistingAllocation[];
  readonly history: readonly PastAllocation[];
}

/** One pair of a saved preview. */
export interface PreviewPair {
  readonly memberId: string;
  readonly assignmentId: string;
  readonly versionId: string;
}

/**
 * What a batch preview showed the organiser, saved with it so that every page (and the CSV) is
 * the preview Confirm applies, not a recomputation.
 */
export interface PreviewView {
  readonly interns: number;
  readonly totalScore: number;
  /** Against the exact optimum; null when the instance was too large to compare. */
  readonly quality: { readonly optimumScore: number; readonly ratio: number } | null;
  /** In the order of `SavedPreview.pairs`. */
  readonly pairs: readonly {
    readonly discordUserId: string;
    readonly score: number;
    readonly reasons: readonly FitReason[];
  }[];
  readonly unallocated: readonly { readonly discordUserId: string; readonly reason: UnallocatedReason }[];
}

/** A batch preview as saved (in the audit log, action `allocation.preview`). */
export interface SavedPreview {
  readonly id: string;
  readonly programmeId: string;
  readonly fingerprint: string;
  readonly pairs: readonly PreviewPair[];
  /** Null for a preview saved before views were kept. */
  readonly view: PreviewView | null;
  readonly applied: boolean;
}

/** One allocation of an assignment, for its usage history. */
export interface AssignmentUsage {
  readonly programmeName: string;
  readonly discordUserId: string;
  readonly version: number;
  readonly method: string;
  readonly allocatedAt: Date;
  readonly releasedAt: Date | null;
  readonly releaseReason: ReleaseReason | null;
}

/** One intern on the roster: who they are, their stage, the project they have now (if any). */
export interface RosterEntry {
  readonly discordUserId: string;
  readonly displayName: string | null;
  readonly stage: InternStage | null;
  readonly project: { readonly titleJa: string; readonly titleEn: string | null } | null;
}
