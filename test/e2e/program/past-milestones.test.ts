import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import type { Queues } from "../../../src/jobs/queues.ts";
import { MANAGE_GUILD, type ProgramBot, settledReply, startProgramBot } from "./harness.ts";

/** 1 April 2030, 11:30 in Tokyo: the kick-off (10:00 on the first day) is already past. */
const OPENED_AT = new Date("2030-04-01T02:30:00.000Z");
const KICKOFF = new Date("2030-04-01T01:00:00.000Z");

describe("GIVEN a programme opened on its first day after the kick-off's time", () => {
  let bot: TestBot;
  let db: Database;
  let queues: Queues;
  let programBot: ProgramBot;
  let openReply: string;

  const settled = (handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>) => settledReply(bot, handle);

  beforeAll(async () => {
    programBot = await startProgramBot();
    ({ bot, db, queues } = programBot);
    bot.ctx.now = () => OPENED_AT;
    const reply = await settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: "2030 春インターン", start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
    openReply = reply.content ?? "";
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await programBot?.close();
  });

  it("THEN the reply says four are scheduled with three reminders and names the kick-off as past and not announced, with its time", async () => {
    expect(openReply).toContain("マイルストーン: 4 件を予約しました。");
    expect(openReply).toContain(
      "⏰ リマインダー: 3 件（中間レビュー・提出締切・成果発表会の 24 時間前に、告知チャンネルでインターンロールに通知）",
    );
    expect(openReply).toContain("開いた時点ですでに過ぎていたため、告知しないマイルストーン（1 件）:");
    expect(openReply).toContain(`・キックオフ：<t:${KICKOFF.getTime() / 1000}:f>`);
    const kickoff = await db.milestone.findFirstOrThrow({ where: { kind: "kickoff" } });
    expect(kickoff.jobId).toBeNull();
    const queue = queues.byName.get(JOBS.announceMilestone.queue);
    const announcements = ((await queue?.getDelayed()) ?? []).filter(
      (j) => j.name === JOBS.announceMilestone.name,
    );
    expect(announcements.map((j) => j.data.milestoneId)).not.toContain(kickoff.id);
    expect(announcements).toHaveLength(4);
  });

  it("WHEN /program status runs in English THEN the kick-off reads as past and not announced, the others as upcoming", async () => {
    const reply = await settled(
      bot.fake.sendSlashCommand({ name: "program", subcommand: "status", locale: "en-US" }),
    );
    const [embed] = reply.embeds as Array<{ fields: Array<{ name: string; value: string }> }>;
    const field = embed?.fields.find((f) => f.name === "Milestones");
    const lines = field?.value.split("\n") ?? [];
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe(
      `Kick-off: <t:${KICKOFF.getTime() / 1000}:f> (already past when it was scheduled, so not announced)`,
    );
    for (const line of lines.slice(1)) expect(line).toMatch(/^[^:]+: <t:\d+:f> \(<t:\d+:R>\)$/);
  });

  it("WHEN it is opened again the same day THEN the reply still names the kick-off, in the caller's language", async () => {
    const reply = await settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: "2030 春インターン", start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "en-US",
      }),
    );
    expect(reply.content).toContain(
      "⏰ 3 reminders: 24 h before the mid-point review, the submission deadline and the results presentation, pinging the intern role in the announcements channel.",
    );
    expect(reply.content).toContain(
      "Already past when the programme opened, so not announced (1 milestone):",
    );
    expect(reply.content).toContain(`• Kick-off: <t:${KICKOFF.getTime() / 1000}:f>`);
  });
});
