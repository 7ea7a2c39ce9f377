/** What the intern's project flows (view, wishes, claim, swap) need from the outside world. */

import type { Allocation, Claimability, Claimer, LibraryView } from "../../domain/allocation/records.ts";
import type {
  AssignmentVersion,
  LibraryAssignment,
  ProgrammeAssignmentFlags,
} from "../../domain/assignment/types.ts";
import type { Locale } from "../../domain/enums.ts";
import type { ProgrammeReads } from "../ports.ts";

/** How a claim or swap write ended: the database settles races, the loser learns why. */
export type PickWrite =
  | { status: "allocated"; allocation: Allocation }
  | { status: "assignment_taken" }
  | { status: "member_has_one" }
  | { status: "swap_refused"; reason: "already_swapped" | "no_assignment" | "allocation_changed" };

export interface PickInput {
  programmeId: string;
  memberId: string;
  assignmentId: string;
  actorUserId: string;
  at: Date;
}

/** The store behind the project flows (implemented over the database in src/db/stores/project.ts). */
export interface ProjectStore extends ProgrammeReads {
  libraryView(guildId: string): Promise<LibraryView>;
  library(guildId: string): Promise<LibraryAssignment[]>;
  assignment(assignmentId: string): Promise<LibraryAssignment | null>;
  programmeFlags(programmeId: string): Promise<ProgrammeAssignmentFlags[]>;
  version(versionId: string): Promise<AssignmentVersion | null>;
  claimer(programmeId: string, memberId: string): Promise<Claimer>;
  liveAmong(programmeId: string, assignmentIds?: readonly string[]): Promise<Set<string>>;
  claimability(input: {
    programmeId: string;
    memberId: string;
    discordUserId: string;
    assignmentId: string;
    swapping: boolean;
  }): Promise<Claimability>;
  liveForMember(programmeId: string, memberId: string): Promise<Allocation | null>;
  history(memberId: string): Promise<Allocation[]>;
  claim(input: PickInput & { assignmentVersionId: string }): Promise<PickWrite>;
  swap(input: PickInput & { fromAllocationId: string }): Promise<PickWrite>;
  setPreferences(memberId: string, assignmentIds: readonly string[]): Promise<void>;
}

/** The ports of the project use-cases. */
export interface ProjectPorts {
  store: ProjectStore;
  now: () => Date;
  /** The locale of texts posted where others read, when neither programme nor intern sets one. */
  defaultLocale: Locale;
}
