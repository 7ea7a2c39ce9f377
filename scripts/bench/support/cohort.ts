/**
 * A programme full of interns with live projects, written straight into the bot's database in
 * bulk (createMany in one transaction per table chunk), for the submission benchmarks: seeding
 * 10,000 interns through commands would take longer than what is measured. Each intern gets a
 * private project thread in the fake, made with the bot's token as onboarding makes it.
 *
 * Seed before the bot starts: it keeps each caller's programme and roles in memory for a while and
 * only hears of writes made through its own client.
 */
import { REST, Routes } from "discord.js";
import type { Database } from "../../../src/db/client.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import type { RemoteFakeDiscord } from "../../harness/fake-discord/index.ts";
import { Perm } from "../../harness/fake-discord/index.ts";

/** Rows per createMany: SQLite binds at most 32,766 variables per statement. */
const CHUNK = 500;

/** Runs `task` over `items` with at most `limit` at a time. */
export async function pooled<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next;
        next += 1;
        out[i] = await task(items[i] as T, i);
      }
    }),
  );
  return out;
}

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/**
 * One private thread per intern under a `projects` channel only the bot sees, created through
 * the fake's REST API with the bot's token (turn the fake's rate limits off first: setting up is
 * not measured). Returns the thread ids in order.
 */
export async function projectThreads(remote: RemoteFakeDiscord, count: number): Promise<string[]> {
  const guild = (await remote.guild()) as { roles: Array<{ id: string; managed?: boolean }> };
  const botRole = guild.roles.find((r) => r.managed);
  if (!botRole) throw new Error("the fake guild has no bot role");
  const projects = await remote.createChannel({
    name: "projects",
    type: 0,
    permissionOverwrites: [
      { id: remote.guildId, type: 0, deny: String(Perm.ViewChannel) },
      {
        id: botRole.id,
        type: 0,
        allow: String(
          Perm.ViewChannel |
            Perm.ReadMessageHistory |
            Perm.SendMessages |
            Perm.SendMessagesInThreads |
            Perm.CreatePrivateThreads |
            Perm.ManageThreads,
        ),
      },
    ],
  });
  const rest = new REST({ api: remote.apiUrl, globalRequestsPerSecond: 100_000 }).setToken(remote.token);
  try {
    return await pooled(
      Array.from({ length: count }, (_, i) => i),
      16,
      async (i) =>
        (
          (await rest.post(Routes.threads(projects.id), {
            body: { name: `project-${i}`, type: 12, invitable: false },
          })) as { id: string }
        ).id,
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

export interface CohortIntern {
  discordUserId: string;
  threadId: string;
  locale: "ja" | "en";
}

export interface Cohort {
  programmeId: string;
  /** Member ids, in the order of the interns given. */
  memberIds: string[];
  /** Allocation ids, in the same order. */
  allocationIds: string[];
}

/**
 * An open programme (`name`) whose interns each have a profile, the stage `working`, a project
 * thread and a live allocation of an assignment of their own. Bulk inserts, ids made here.
 */
export async function seedCohort(
  db: Database,
  input: { guildId: string; name: string; interns: readonly CohortIntern[] },
): Promise<Cohort> {
  const programmes = createProgrammeRepository(db);
  const created = await programmes.create({
    guildId: input.guildId,
    name: input.name,
    mode: "internship",
    startsAt: new Date(Date.now() - 30 * 86_400_000),
    endsAt: new Date(Date.now() + 30 * 86_400_000),
    createdByUserId: input.guildId,
  });
  await programmes.update(created.id, { status: "open" });
  const programmeId = created.id;
  const tag = programmeId.slice(-8);
  const memberIds = input.interns.map((_, i) => `bm${tag}${i}`);
  const assignmentIds = input.interns.map((_, i) => `ba${tag}${i}`);
  const versionIds = input.interns.map((_, i) => `bv${tag}${i}`);
  const allocationIds = input.interns.map((_, i) => `bl${tag}${i}`);
  const indexes = input.interns.map((_, i) => i);

  for (const part of chunks(indexes)) {
    await db.$transaction([
      db.assignment.createMany({
        data: part.map((i) => ({
          id: assignmentIds[i] as string,
          guildId: input.guildId,
          key: `bench-${tag}-${i}`,
        })),
      }),
      db.assignmentVersion.createMany({
        data: part.map((i) => ({
          id: versionIds[i] as string,
          assignmentId: assignmentIds[i] as string,
          version: 1,
          titleJa: `課題 ${i}`,
          titleEn: `Assignment ${i}`,
          brief: "A benchmark assignment.",
          skills: [],
          tags: [],
          level: 2,
          estimatedHours: 20,
          status: "retired" as const,
          links: [],
          attachments: [],
          contentHash: `bench-${i}`,
        })),
      }),
      db.member.createMany({
        data: part.map((i) => ({
          id: memberIds[i] as string,
          programmeId,
          discordUserId: input.interns[i]?.discordUserId as string,
          stage: "working" as const,
          projectChannelId: input.interns[i]?.threadId as string,
        })),
      }),
      db.memberRole.createMany({
        data: part.map((i) => ({ memberId: memberIds[i] as string, role: "intern" as const })),
      }),
      db.memberProfile.createMany({
        data: part.map((i) => ({
          memberId: memberIds[i] as string,
          displayName: `intern ${i}`,
          interests: [],
          preferredLocale: input.interns[i]?.locale ?? "ja",
        })),
      }),
      db.allocation.createMany({
        data: part.map((i) => ({
          id: allocationIds[i] as string,
          programmeId,
          memberId: memberIds[i] as string,
          assignmentId: assignmentIds[i] as string,
          assignmentVersionId: versionIds[i] as string,
          method: "manual" as const,
        })),
      }),
    ]);
  }
  return { programmeId, memberIds, allocationIds };
}
