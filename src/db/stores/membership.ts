/** The stores of the membership and about use-cases, over the repositories. */
import type { AboutStore } from "../../features/about/about.ts";
import type { WithdrawStore } from "../../features/membership/withdraw.ts";
import type { Database } from "../client.ts";
import { createAllocationRunRepository } from "../repositories/allocation-runs.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";
import { createWorkspaceRepository } from "../repositories/workspace.ts";

export function createWithdrawStore(db: Database): WithdrawStore {
  return {
    programme: (id) => createProgrammeRepository(db).get(id),
    member: (programmeId, userId) => createMemberRepository(db).find(programmeId, userId),
    withdraw: (input) =>
      createAllocationRunRepository(db).release({ ...input, reason: "withdrawn", stage: "withdrawn" }),
  };
}

export function createAboutStore(db: Database): AboutStore {
  return { stageCounts: (programmeId) => createWorkspaceRepository(db).stageCounts(programmeId) };
}
