/** {@link ProjectStore} over the database: the repositories, with races turned into outcomes. */

import type { PickWrite, ProjectStore } from "../../features/project/ports.ts";
import type { Database } from "../client.ts";
import { Constraints, ConstraintViolation } from "../errors.ts";
import { createAllocationRunRepository } from "../repositories/allocation-runs.ts";
import { createAllocationRepository, SwapRefused } from "../repositories/allocations.ts";
import { createAssignmentRepository } from "../repositories/assignments.ts";
import { createLibraryRepository } from "../repositories/library.ts";
import { programmeReads } from "./reads.ts";

/** A lost race (one live allocation per intern / per assignment) or a refused swap, as an outcome. */
async function settled(write: () => Promise<PickWrite>): Promise<PickWrite> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ConstraintViolation) {
      if (error.constraint === Constraints.allocationOneLivePerAssignment)
        return { status: "assignment_taken" };
      if (error.constraint === Constraints.allocationOneLivePerMember) return { status: "member_has_one" };
    }
    if (error instanceof SwapRefused) return { status: "swap_refused", reason: error.reason };
    throw error;
  }
}

export function createProjectStore(db: Database): ProjectStore {
  const runs = createAllocationRunRepository(db);
  const allocations = createAllocationRepository(db);
  const assignments = createAssignmentRepository(db);
  return {
    ...programmeReads(db),
    libraryView: (guildId) => createLibraryRepository(db).view(guildId),
    library: (guildId) => assignments.library(guildId),
    assignment: (id) => assignments.get(id),
    programmeFlags: (programmeId) => assignments.programmeFlags(programmeId),
    version: (id) => assignments.version(id),
    claimer: (programmeId, memberId) => runs.claimer(programmeId, memberId),
    liveAmong: (programmeId, ids) => runs.liveAmong(programmeId, ids),
    claimability: (input) => runs.claimability(input),
    liveForMember: (programmeId, memberId) => allocations.liveForMember(programmeId, memberId),
    history: (memberId) => allocations.history(memberId),
    claim: (input) => settled(async () => ({ status: "allocated", allocation: await runs.claim(input) })),
    swap: (input) =>
      settled(async () => ({ status: "allocated", allocation: (await runs.swap(input)).allocated })),
    setPreferences: (memberId, ids) => allocations.setPreferences(memberId, ids),
  };
}
