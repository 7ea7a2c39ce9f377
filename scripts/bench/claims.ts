/**
 * 500 interns claiming at the same instant through the Discord layer: the real discord.js client,
 * router and `/project` command against the fake Discord (same process), on a real SQLite file.
 *
 * Setup (not measured): a programme with self-service on, 500 onboarded interns with varied
 * skills, a library of 400 retired assignments — fewer than interns, and most interns' best fits
 * overlap, so claims collide and some interns find nothing left. Each intern runs `/project claim`
 * (sequentially) and keeps the options message.
 *
 * Measured: all 500 click their first option at once (one click each). Latency is from the
 * click to the final reply the intern sees: the claim, or "just missed it" with the next options
 * (or "none left"), which is the loser's correct answer, not a lost claim.
 * Checked: zero duplicates (no assignment live twice), zero lost claims (every interaction
 * answered; every "is now your project" reply has its allocation, and every allocation its reply).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { createLibraryRepository } from "../../src/db/repositories/library.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { parseLibrary } from "../../src/domain/library/parse.ts";
import { startTestBot } from "../../test/support/bot.ts";
import type { ApiMessage } from "../../test/support/fake-discord/index.ts";
import { syntheticLibrary } from "./library.ts";
import { note, progress } from "./support/notes.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "claims";
const INTERNS = 500;
const ASSIGNMENTS = 400;
const MAX_ATTEMPTS = 1;
const SKILLS = [
  "typescript",
  "react",
  "python",
  "sql",
  "go",
  "figma",
  "aws",
  "rust",
  "testing",
  "accessibility",
];

function firstCustomId(message: ApiMessage): string | undefined {
  const rows = (message.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  return rows[0]?.components?.[0]?.custom_id;
}

const suite: BenchSuite = async () => {
  const dir = await mkdtemp(join(tmpdir(), "taiken-bench-claims-"));
  const url = `file:${join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const db = await createDatabase(url);
  const bot = await startTestBot({
    db,
    fake: { interactionTimeoutMs: 60_000, precompileValidators: true },
  });
  try {
    progress(SUITE, `seeding ${INTERNS} interns and ${ASSIGNMENTS} assignments`);
    const guildId = bot.fake.guild.id;
    const programme = await db.programme.create({
      data: {
        guildId,
        name: "bench",
        mode: "internship",
        status: "open",
        startsAt: new Date(Date.now() - 86_400_000),
        endsAt: new Date(Date.now() + 30 * 86_400_000),
        createdByUserId: "1",
        selfServiceClaimEnabled: true,
      },
    });
    // All retired: the synthetic library marks every tenth one as in recruitment; the rest suffice.
    const parsed = parseLibrary([
      { path: "library.yaml", content: syntheticLibrary(ASSIGNMENTS + ASSIGNMENTS / 9) },
    ]);
    await createLibraryRepository(db).importEntries(guildId, parsed.entries.slice(0), {
      actorUserId: "bench",
      source: "bench",
    });
    const members = createMemberRepository(db);
    const users: string[] = [];
    for (let i = 0; i < INTERNS; i += 1) {
      const user = bot.fake.addMember({ username: `intern${i}` }).user.id;
      users.push(user);
      const member = await members.join({
        programmeId: programme.id,
        discordUserId: user,
        roles: ["intern"],
      });
      await db.member.update({ where: { id: member.id }, data: { stage: "onboarded" } });
      await members.saveProfile(member.id, {
        displayName: `intern${i}`,
        skills: [
          { name: SKILLS[i % SKILLS.length]!, level: 1 + (i % 5) },
          { name: SKILLS[(i * 3 + 1) % SKILLS.length]!, level: 1 + ((i >> 1) % 5) },
        ],
        interests: [`theme-${i % 25}`],
        weeklyHoursAvailable: 5 + (i % 15),
        preferredLocale: null,
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: false,
        },
      });
    }
    const retired = await db.assignmentVersion.count({ where: { status: "retired" } });

    progress(SUITE, "each intern opens /project claim");
    const options: ApiMessage[] = [];
    for (const user of users) {
      options.push(
        await bot.fake.sendSlashCommand({ name: "project", subcommand: "claim", user }).finalReply(),
      );
    }

    progress(SUITE, `${INTERNS} interns click at the same instant `);
    const latencies: number[] = [];
    /** Dispatch to the first callback (a deferral or the answer): Discord allows 3 s. */
    const acknowledgements: number[] = [];
    const outcomes = await Promise.allSettled(
      users.map(async (user, i) => {
        let message = options[i]!;
        for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
          const customId = firstCustomId(message);
          if (customId === undefined) return { user, content: message.content ?? "" };
          const started = performance.now();
          const handle = bot.fake.clickButton({ message, customId, user });
          const reply = await handle.finalReply(60_000);
          latencies.push(performance.now() - started);
          if (handle.latencyMs !== undefined) acknowledgements.push(handle.latencyMs);
          if (!(reply.content ?? "").startsWith("Just missed it"))
            return { user, content: reply.content ?? "" };
          message = reply;
        }
        return { user, content: "missed" };
      }),
    );

    const answered = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const unanswered = outcomes.length - answered.length;
    const won = answered.filter((a) => a.content.includes("is now your project"));
    const noneLeft = answered.filter((a) => a.content.includes("No other assignments are left"));
    const missed = answered.filter((a) => a.content === "missed");
    const other = answered.length - won.length - noneLeft.length - missed.length;
    const live = await db.allocation.findMany({
      where: { programmeId: programme.id, live: "active" },
      select: { assignmentId: true, member: { select: { discordUserId: true } } },
    });
    const duplicates = live.length - new Set(live.map((a) => a.assignmentId)).size;
    const winners = new Set(won.map((w) => w.user));
    const allocated = new Set(live.map((a) => a.member.discordUserId));
    const lost =
      unanswered +
      other +
      [...winners].filter((u) => !allocated.has(u)).length +
      [...allocated].filter((u) => !winners.has(u)).length;
    const q = quantiles(latencies);
    note(
      SUITE,
      `${won.length} interns got a project, ${missed.length} just missed theirs and were offered the next options, ` +
        `${noneLeft.length} were told none is left; ${retired} retired assignments; ` +
        `fake Discord and bot in one process, SQLite file; violations ${bot.fake.violations.length}`,
    );
    return [
      {
        suite: SUITE,
        metric: `${INTERNS} simultaneous claims: duplicates`,
        value: duplicates,
        unit: "count",
        target: "0",
        ok: duplicates === 0,
      },
      {
        suite: SUITE,
        metric: `${INTERNS} simultaneous claims: lost`,
        value: lost,
        unit: "count",
        target: "0",
        ok: lost === 0,
      },
      { suite: SUITE, metric: "interns who got a project", value: won.length, unit: "count" },
      {
        suite: SUITE,
        metric: "interns who lost the race (offered the next)",
        value: missed.length,
        unit: "count",
      },
      { suite: SUITE, metric: "claim latency p50", value: round(q.p50, 0), unit: "ms" },
      { suite: SUITE, metric: "claim latency p99", value: round(q.p99, 0), unit: "ms" },
      { suite: SUITE, metric: "claim latency max", value: round(q.max, 0), unit: "ms" },
      {
        suite: SUITE,
        metric: "first response (ack) p99",
        value: round(quantiles(acknowledgements).p99, 0),
        unit: "ms",
        target: "< 3000 ms",
        ok: quantiles(acknowledgements).p99 < 3000,
      },
      {
        suite: SUITE,
        metric: "spec violations",
        value: bot.fake.violations.length,
        unit: "count",
        target: "0",
        ok: bot.fake.violations.length === 0,
      },
    ] satisfies BenchResult[];
  } finally {
    await bot.close();
    await db.$disconnect();
    await rm(dir, { recursive: true, force: true });
  }
};

export default suite;
