/** {@link LibraryStore} over the database: each write with its audit entry in one transaction. */

import type { ApplyWrite, LibraryStore } from "../../features/library/ports.ts";
import type { Database } from "../client.ts";
import { ConstraintViolation } from "../errors.ts";
import {
  createAllocationRunRepository,
  PreviewAlreadyApplied,
  PreviewStale,
} from "../repositories/allocation-runs.ts";
import { createAllocationRepository } from "../repositories/allocations.ts";
import { createAssignmentRepository } from "../repositories/assignments.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createLibraryRepository } from "../repositories/library.ts";
import { programmeReads } from "./reads.ts";

/** A second Confirm click, or a change since the preview (a stage, a claim meanwhile), as an outcome. */
async function settled(write: () => Promise<void>): Promise<ApplyWrite> {
  try {
    await write();
    return "applied";
  } catch (error) {
    if (error instanceof PreviewAlreadyApplied) return "already_applied";
    if (error instanceof PreviewStale || error instanceof ConstraintViolation) return "stale";
    throw error;
  }
}

export function createLibraryStore(db: Database): LibraryStore {
  const runs = createAllocationRunRepository(db);
  const allocations = createAllocationRepository(db);
  const assignments = createAssignmentRepository(db);
  return {
    ...programmeReads(db),
    library: (guildId) => assignments.library(guildId),
    assignment: (id) => assignments.get(id),
    assignmentByKey: (guildId, key) => assignments.findByKey(guildId, key),
    versions: (assignmentId) => assignments.versions(assignmentId),
    version: (id) => assignments.version(id),
    programmeFlags: (programmeId) => assignments.programmeFlags(programmeId),
    liveAllocations: (programmeId) => allocations.live(programmeId),
    liveForMember: (programmeId, memberId) => allocations.liveForMember(programmeId, memberId),
    usage: (assignmentId) => runs.usage(assignmentId),
    allocationState: (programmeId) => runs.state(programmeId),
    importEntries: (guildId, entries, audit) =>
      createLibraryRepository(db).importEntries(guildId, entries, audit),
    savePreview: (input) => runs.savePreview(input),
    preview: (id) => runs.preview(id),
    applyPreview: (preview, input) => settled(() => runs.applyPreview(preview, input)),
    release: (input) => runs.release(input),
    roster: (programmeId) => runs.roster(programmeId),
    give: async (input) => {
      try {
        return { status: "given", allocation: await runs.give(input) };
      } catch (error) {
        if (error instanceof ConstraintViolation || error instanceof PreviewStale) return { status: "stale" };
        throw error;
      }
    },
    setFlags: (input) =>
      db.$transaction(async (tx) => {
        const saved = await createAssignmentRepository(tx).setProgrammeFlags(
          input.programmeId,
          input.assignmentId,
          input.flags,
        );
        await recordAudit(tx, input, "assignment.flags", `assignment:${input.assignmentId}`, {
          excluded: saved.excluded,
          reserved: saved.reserved,
        });
        return saved;
      }),
  };
}
