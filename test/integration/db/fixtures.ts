import type { Database } from "../../../src/db/client.ts";
import {
  type AssignmentContent,
  createAssignmentRepository,
} from "../../../src/db/repositories/assignments.ts";
import { createMemberRepository, type Member } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository, type Programme } from "../../../src/db/repositories/programmes.ts";

export const GUILD = "100000000000000001";

export function content(title: string, overrides: Partial<AssignmentContent> = {}): AssignmentContent {
  return {
    titleJa: `課題 ${title}`,
    titleEn: `Task ${title}`,
    brief: `Build ${title}.`,
    skills: ["typescript"],
    level: 2,
    estimatedHours: 20,
    originRound: "2024 spring",
    ...overrides,
  };
}

/** A programme with `interns` interns and `assignments` library assignments. */
export async function seedProgramme(
  db: Database,
  { interns = 2, assignments = 2, name = "Winter cohort" } = {},
): Promise<{ programme: Programme; interns: Member[]; assignmentIds: string[] }> {
  const programme = await createProgrammeRepository(db).create({
    guildId: GUILD,
    name,
    mode: "internship",
    startsAt: new Date("2026-01-05T00:00:00Z"),
    endsAt: new Date("2026-03-27T00:00:00Z"),
    createdByUserId: "200000000000000001",
  });
  const members = createMemberRepository(db);
  const created: Member[] = [];
  for (let i = 0; i < interns; i++) {
    created.push(
      await members.join({
        programmeId: programme.id,
        discordUserId: `3000000000000000${10 + i}`,
        roles: ["intern"],
      }),
    );
  }
  const library = createAssignmentRepository(db);
  const assignmentIds: string[] = [];
  for (let i = 0; i < assignments; i++) {
    assignmentIds.push((await library.importVersion(GUILD, `task-${i}`, content(`${i}`))).assignment.id);
  }
  return { programme, interns: created, assignmentIds };
}
