/**
 * The one builder for a seeded programme: a programme row (as created unless a status is given), optionally
 * an organiser, interns and library assignments. Every suite seeds through it (directly or through
 * a suite's helper that adds Discord-side pieces).
 */
import type { Database } from "../../src/db/client.ts";
import { type AssignmentContent, createAssignmentRepository } from "../../src/db/repositories/assignments.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../src/db/repositories/programmes.ts";
import type { Locale, ProgrammeMode, ProgrammeStatus } from "../../src/domain/enums.ts";
import type { Member } from "../../src/domain/member/types.ts";
import type { Programme } from "../../src/domain/programme/types.ts";

export interface SeedProgrammeOptions {
  guildId: string;
  name?: string;
  mode?: ProgrammeMode;
  /** Left as created (`draft`) unless given. */
  status?: ProgrammeStatus;
  startsAt?: Date;
  endsAt?: Date;
  createdByUserId?: string;
  forcedLocale?: Locale | null;
  selfService?: boolean;
  /** This user joins as the programme's organiser. */
  organiser?: string;
  /** How many interns join (user ids `3000000000000000NN`, NN from 10). */
  interns?: number;
  /** How many library assignments the guild gets (keys `task-N`). */
  assignments?: number;
  /** The content of assignment `i`. */
  content?: (i: number) => AssignmentContent;
}

export interface SeededProgramme {
  programme: Programme;
  interns: Member[];
  assignmentIds: string[];
}

/** A library assignment's content with sensible defaults. */
export function assignmentContent(
  title: string,
  overrides: Partial<AssignmentContent> = {},
): AssignmentContent {
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

export async function seedProgramme(db: Database, options: SeedProgrammeOptions): Promise<SeededProgramme> {
  const programmes = createProgrammeRepository(db);
  const created = await programmes.create({
    guildId: options.guildId,
    name: options.name ?? `Cohort ${Math.random().toString(36).slice(2, 8)}`,
    mode: options.mode ?? "internship",
    startsAt: options.startsAt ?? new Date("2026-01-05T00:00:00Z"),
    endsAt: options.endsAt ?? new Date("2026-03-27T00:00:00Z"),
    createdByUserId: options.createdByUserId ?? options.organiser ?? "200000000000000001",
    ...(options.forcedLocale === undefined ? {} : { forcedLocale: options.forcedLocale }),
    ...(options.selfService === undefined
      ? {}
      : { settings: { selfServiceClaimEnabled: options.selfService } }),
  });
  const programme =
    options.status === undefined || options.status === created.status
      ? created
      : await programmes.update(created.id, { status: options.status });
  const members = createMemberRepository(db);
  if (options.organiser !== undefined) {
    await members.join({ programmeId: programme.id, discordUserId: options.organiser, roles: ["organiser"] });
  }
  const interns: Member[] = [];
  for (let i = 0; i < (options.interns ?? 0); i++) {
    interns.push(
      await members.join({
        programmeId: programme.id,
        discordUserId: `3000000000000000${10 + i}`,
        roles: ["intern"],
      }),
    );
  }
  const library = createAssignmentRepository(db);
  const assignmentIds: string[] = [];
  for (let i = 0; i < (options.assignments ?? 0); i++) {
    const content = options.content?.(i) ?? assignmentContent(`${i}`);
    assignmentIds.push((await library.importVersion(options.guildId, `task-${i}`, content)).assignment.id);
  }
  return { programme, interns, assignmentIds };
}
