import type { Database } from "../../../src/db/client.ts";
import { assignmentContent, type SeededProgramme, seedProgramme as seed } from "../../support/programme.ts";

export const GUILD = "100000000000000001";

export const content = assignmentContent;

/** A programme with `interns` interns and `assignments` library assignments (the shared builder). */
export function seedProgramme(
  db: Database,
  { interns = 2, assignments = 2, name = "Winter cohort" } = {},
): Promise<SeededProgramme> {
  return seed(db, { guildId: GUILD, name, interns, assignments });
}
