import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { addIntern, customIds, openProgramme } from "./harness.ts";

interface Message {
  content?: string;
  embeds?: { title?: string; description?: string; footer?: { text?: string } }[];
  components?: { components: { custom_id?: string; label?: string }[] }[];
  attachments?: { filename: string; url: string }[];
}

const COHORT = 50;

/** 55 retired assignments: every intern can get one. */
const LIBRARY = Array.from(
  { length: 55 },
  (_, i) => `- id: task-${i}
  title: { ja: 課題 ${i}, en: Task ${i} }
  brief: Task ${i}.
  skills: [TypeScript]
  level: ${(i % 3) + 1}
  estimated_hours: 20`,
).join("\n");

/** The fields of a posted message this test reads. */
const view = (message: unknown) => message as Message;

const labelOf = (message: unknown, prefix: string) =>
  view(message)
    .components?.flatMap((row) => row.components)
    .find((c) => c.custom_id?.startsWith(prefix))?.label;

describe("the batch preview with 50 interns: every one reachable, the CSV, Confirm's count", () => {
  let bot: TestBot;
  let db: Database;
  let organiser = "";
  const interns: string[] = [];

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    db = bot.db as Database;
    organiser = bot.fake.addMember({ username: "organiser" }).user.id;
    const programmeId = await openProgramme(bot, { name: "50 人", organiser });
    for (let i = 0; i < COHORT; i += 1) {
      const id = bot.fake.addMember({ username: `intern${i}` }).user.id;
      interns.push(id);
      await addIntern(db, programmeId, id, {
        name: `intern${i}`,
        skills: [{ name: "typescript", level: 3 }],
        onboarded: true,
      });
    }
    const imported = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "import",
        user: organiser,
        options: { file: { filename: "library.yaml", content: LIBRARY } },
      })
      .finalReply();
    expect(imported.content).toContain("55 new");
  }, 120_000);

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN 50 onboarded interns THEN Next pages reach every intern, the CSV holds all 50, reasons speak about the intern, AND Confirm applies exactly 50", async () => {
    let page = await bot.fake
      .sendSlashCommand({ name: "assignments", subcommand: "allocate", user: organiser, locale: "en-US" })
      .finalReply();
    const csvFile = view(page).attachments?.find((a) => a.filename === "allocation-preview.csv");
    expect(csvFile).toBeDefined();
    const csv = await (await fetch(csvFile?.url ?? "")).text();
    const csvLines = csv.trim().split("\n");
    expect(csvLines[0]).toBe("discord_user_id,assignment_key,assignment_title,score,reasons");
    expect(csvLines).toHaveLength(COHORT + 1);
    for (const id of interns) expect(csv).toContain(id);
    expect(csv).toContain("They have “TypeScript” (level 3)");
    expect(labelOf(page, "asg-confirm")).toBe(`Confirm these ${COHORT} allocations`);

    const seen = new Set<string>();
    const footers: string[] = [];
    for (let n = 0; n < 10; n += 1) {
      const description = view(page).embeds?.[0]?.description ?? "";
      expect(description).not.toMatch(/\(you \d/);
      expect(description).not.toContain("…and");
      for (const id of description.matchAll(/<@(\d+)>/g)) seen.add(id[1]!);
      footers.push(view(page).embeds?.[0]?.footer?.text ?? "");
      const next = customIds(page).find(
        (id) => id.startsWith("asg-prv-page") && labelOf(page, id) === "Next",
      );
      if (next === undefined) break;
      page = await bot.fake.clickButton({ message: page, customId: next, user: organiser }).finalReply();
    }
    expect(footers).toEqual(
      [1, 2, 3, 4, 5].map((p) => `Rows ${(p - 1) * 10 + 1}–${p * 10} of 50 (page ${p}/5)`),
    );
    expect([...seen].sort()).toEqual([...interns].sort());

    const confirm = customIds(page).find((id) => id.startsWith("asg-confirm"));
    const applied = await bot.fake
      .clickButton({ message: page, customId: confirm!, user: organiser })
      .finalReply();
    expect(applied.content).toContain(`Assigned projects to ${COHORT} interns`);
    expect(await db.allocation.count({ where: { live: "active" } })).toBe(COHORT);
  }, 120_000);

  it("GIVEN a preview made stale by a change THEN Confirm applies nothing and says why, in Japanese too", async () => {
    await db.allocation.deleteMany({});
    await db.member.updateMany({ where: { stage: "working" }, data: { stage: "onboarded" } });
    const preview = await bot.fake
      .sendSlashCommand({ name: "assignments", subcommand: "allocate", user: organiser, locale: "ja" })
      .finalReply();
    expect(view(preview).embeds?.[0]?.description).toContain("本人");
    expect(labelOf(preview, "asg-confirm")).toBe(`この ${COHORT} 件の割り当てを確定する`);
    await db.member.updateMany({ where: { discordUserId: interns[0]! }, data: { stage: "applied" } });
    const confirm = customIds(preview).find((id) => id.startsWith("asg-confirm"));
    const refused = await bot.fake
      .clickButton({ message: preview, customId: confirm!, user: organiser, locale: "ja" })
      .finalReply();
    expect(refused.content).toContain("プレビューの後に");
    expect(await db.allocation.count()).toBe(0);
  }, 120_000);

  it("GIVEN a reserved assignment THEN /assignments give hands it out by hand, audited, with the brief in the thread; AND each refusal says why, in en and ja", async () => {
    const reserve = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "reserve",
        user: organiser,
        options: { assignment: "task-54", reserved: true },
      })
      .finalReply();
    expect(reserve.content).toContain("reserved");
    const thread = bot.fake.createChannel({ name: "project-intern1" });
    await db.member.updateMany({
      where: { discordUserId: interns[1]! },
      data: { projectChannelId: thread.id },
    });
    const give = (user: string, assignment: string, locale = "en-US") =>
      bot.fake
        .sendSlashCommand({
          name: "assignments",
          subcommand: "give",
          user: organiser,
          locale,
          options: { user, assignment },
        })
        .finalReply();

    expect((await give(interns[1]!, "task-54")).content).toBe(
      `✅ Gave “Task 54” to <@${interns[1]}> and posted the brief in their project thread.`,
    );
    const brief = bot.fake.messages(thread.id).at(-1);
    expect(brief?.content).toContain(`<@${interns[1]}>`);
    const allocation = await db.allocation.findFirstOrThrow({ where: { live: "active" } });
    expect(allocation.method).toBe("manual");
    expect(allocation.allocatedByUserId).toBe(organiser);
    expect(await db.auditLogEntry.count({ where: { action: "allocation.give" } })).toBe(1);
    expect((await db.member.findFirstOrThrow({ where: { discordUserId: interns[1]! } })).stage).toBe(
      "working",
    );

    expect((await give(interns[2]!, "task-54")).content).toBe(
      `Assignment \`task-54\` is already given to another intern in this programme; nothing was given to <@${interns[2]}>.`,
    );
    expect((await give(interns[1]!, "task-53")).content).toContain("already has an assignment");
    expect((await give(interns[0]!, "task-53", "ja")).content).toBe(
      `<@${interns[0]}> さんはまだ参加登録を終えていないか、参加をやめています。参加登録が済んだ人にだけ割り当てられます。`,
    );
    expect((await give(organiser, "task-53", "ja")).content).toContain("インターン参加者ではありません");
    expect(await db.allocation.count()).toBe(1);
  }, 120_000);

  it("GIVEN a mentor THEN /program roster pages through every intern with stage and project, filters by stage, in the viewer's locale; AND an intern is refused", async () => {
    const mentor = bot.fake.addMember({ username: "mentor" }).user.id;
    const programme = await db.programme.findFirstOrThrow();
    await createMemberRepository(db).join({
      programmeId: programme.id,
      discordUserId: mentor,
      roles: ["mentor"],
    });
    const roster = (options: Record<string, string | number>, locale = "en-US", user = mentor) =>
      bot.fake
        .sendSlashCommand({ name: "program", subcommand: "roster", user, locale, options })
        .finalReply();

    const seen = new Set<string>();
    let page = await roster({});
    for (let n = 0; n < 5; n += 1) {
      for (const id of (view(page).embeds?.[0]?.description ?? "").matchAll(/<@(\d+)>/g)) seen.add(id[1]!);
      const next = customIds(page).find((id) => id.startsWith("roster-page") && labelOf(page, id) === "Next");
      if (next === undefined) break;
      page = await bot.fake.clickButton({ message: page, customId: next, user: mentor }).finalReply();
    }
    expect([...seen].sort()).toEqual([...interns].sort());

    const working = await roster({ stage: "working" });
    expect(view(working).embeds?.[0]).toMatchObject({
      title: "Roster (1–1 of 1, page 1/1)",
      description: `<@${interns[1]}> intern1 — Working — Task 54`,
    });
    const ja = await roster({ stage: "working" }, "ja");
    expect(view(ja).embeds?.[0]?.description).toBe(`<@${interns[1]}> intern1：取り組み中・課題 54`);
    const second = await roster({ page: 3 });
    expect(view(second).embeds?.[0]?.title).toBe("Roster (41–50 of 50, page 3/3)");
    const refused = await roster({}, "en-US", interns[5]!);
    expect(refused.content).toBe("You don't have permission to do this.");
  }, 120_000);
});
