import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { milestoneReminderJobId } from "../../../src/domain/programme/reminders.ts";
import { milestoneJobId } from "../../../src/domain/programme/timeline.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import type { Queues } from "../../../src/jobs/queues.ts";
import { MANAGE_GUILD, type ProgramBot, settledReply, startProgramBot } from "./harness.ts";

const NAME = "2030 春インターン";

describe("/program milestone set on the local Discord, with real Redis", () => {
  let bot: TestBot;
  let db: Database;
  let queues: Queues;

  const settled = (handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>) => settledReply(bot, handle);

  function open(options: Record<string, string> = {}) {
    return settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: NAME, start: "2030-04-01", end: "2030-06-30", ...options },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
  }

  function move(kind: string, at: string, extra: Record<string, unknown> = {}) {
    return settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommandGroup: "milestone",
        subcommand: "set",
        options: { kind, at },
        locale: "ja",
        ...extra,
      }),
    );
  }

  const milestone = (kind: "kickoff" | "midpoint" | "submission_deadline" | "presentation" | "debrief") =>
    db.milestone.findFirstOrThrow({ where: { kind } });

  /** Delayed jobs of one kind on the milestones queue (announcements and reminders share it). */
  async function delayedJobs(name: string = JOBS.announceMilestone.name) {
    const queue = queues.byName.get(JOBS.announceMilestone.queue);
    return ((await queue?.getDelayed()) ?? []).filter((j) => j.name === name);
  }

  let programBot: ProgramBot;

  beforeAll(async () => {
    programBot = await startProgramBot();
    ({ bot, db, queues } = programBot);
    await open();
  });

  afterEach(() => {
    bot.ctx.now = () => new Date();
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await programBot?.close();
  });

  describe("GIVEN a time that can't be used", () => {
    it.each([
      ["ja", "submission_deadline", "6月20日", "「6月20日」は日時として読めません"],
      ["en-US", "submission_deadline", "2030-06-20", "isn't a date and time I can read"],
      ["en-US", "submission_deadline", "2030-02-30 12:00", "isn't a date and time I can read"],
      ["ja", "debrief", "2030-07-01 10:00", "振り返りはプログラムの期間"],
      ["en-US", "kickoff", "2030-03-31 23:59", "Kick-off must fall within the programme"],
      ["ja", "midpoint", "2030-04-01 09:00", "中間レビューをキックオフ"],
      ["en-US", "presentation", "2030-06-30 17:30", "Results presentation can't come after Debrief"],
    ])(
      "GIVEN locale %s, %s at %s THEN a localised message says why and nothing moves",
      async (locale, kind, at, text) => {
        const before = await db.milestone.findMany({ orderBy: { at: "asc" } });
        const jobs = (await delayedJobs()).map((j) => j.id).sort();
        const reply = await move(kind, at, { locale });
        expect(reply.content).toContain(text);
        expect(await db.milestone.findMany({ orderBy: { at: "asc" } })).toEqual(before);
        expect((await delayedJobs()).map((j) => j.id).sort()).toEqual(jobs);
        expect(await db.auditLogEntry.count({ where: { action: "programme.milestone.move" } })).toBe(0);
      },
    );

    it("GIVEN an intern (no organiser role) THEN the bot refuses, whatever Discord displays", async () => {
      const intern = bot.fake.addMember({ username: "intern" });
      const reply = await move("kickoff", "2030-04-02 10:00", { user: intern.user, locale: "en-US" });
      expect(reply.content).toContain("Only organisers can do this.");
      expect((await milestone("kickoff")).at.toISOString()).toBe("2030-04-01T01:00:00.000Z");
    });
  });

  describe("GIVEN an organiser moves the submission deadline", () => {
    let oldJobId: string | null;

    it("THEN it is stored, its old job and its old reminder are replaced by new idempotent ones, and it is audited", async () => {
      const before = await milestone("submission_deadline");
      oldJobId = before.jobId;
      expect(oldJobId).not.toBeNull();
      const reply = await move("submission_deadline", "2030-06-20 12:00");
      const at = new Date("2030-06-20T03:00:00.000Z"); // 12:00 in Tokyo
      expect(reply.content).toContain(
        `✅ 提出締切を <t:${before.at.getTime() / 1000}:f> から <t:${at.getTime() / 1000}:f> に移しました。`,
      );
      expect(reply.content).toContain("お知らせします");

      const after = await milestone("submission_deadline");
      expect(after.at).toEqual(at);
      expect(after.announcedAt).toBeNull();
      expect(after.jobId).toBe(milestoneJobId(after.id, at));
      const jobs = await delayedJobs();
      expect(jobs).toHaveLength(5);
      expect(jobs.map((j) => j.id)).not.toContain(oldJobId);
      const job = jobs.find((j) => j.id === after.jobId);
      expect(job?.data).toEqual({ programmeId: after.programmeId, milestoneId: after.id });
      expect(Math.abs((job?.timestamp ?? 0) + (job?.delay ?? 0) - at.getTime())).toBeLessThan(60_000);
      const reminders = (await delayedJobs(JOBS.remindMilestone.name)).map((j) => j.id);
      expect(reminders).toHaveLength(3);
      expect(reminders).not.toContain(milestoneReminderJobId(after.id, 24, before.at));
      expect(reminders).toContain(milestoneReminderJobId(after.id, 24, at));
      const reminder = await queues.byName
        .get(JOBS.remindMilestone.queue)
        ?.getJob(milestoneReminderJobId(after.id, 24, at));
      expect(
        Math.abs((reminder?.timestamp ?? 0) + (reminder?.delay ?? 0) - (at.getTime() - 24 * 3_600_000)),
      ).toBeLessThan(60_000);

      const audit = await db.auditLogEntry.findFirstOrThrow({
        where: { action: "programme.milestone.move" },
      });
      expect(audit.actorUserId).toBe(bot.fake.store.tester.id);
      expect(audit.target).toBe(`milestone:${after.id}`);
      expect(JSON.parse(JSON.stringify(audit.data))).toMatchObject({
        kind: "submission_deadline",
        from: before.at.toISOString(),
        to: at.toISOString(),
        timeZone: "Asia/Tokyo",
      });
    });

    it("WHEN /program status runs THEN it shows the new time", async () => {
      const reply = await settled(
        bot.fake.sendSlashCommand({ name: "program", subcommand: "status", locale: "en-US" }),
      );
      const at = new Date("2030-06-20T03:00:00.000Z");
      expect(JSON.stringify(reply.embeds)).toContain(`Submission deadline: <t:${at.getTime() / 1000}:f>`);
    });

    it("WHEN the same time is set again THEN nothing changes", async () => {
      const before = await milestone("submission_deadline");
      const reply = await move("submission_deadline", "2030-06-20 12:00", { locale: "en-US" });
      expect(reply.content).toContain("Submission deadline is already at");
      expect(await milestone("submission_deadline")).toEqual(before);
      expect(await db.auditLogEntry.count({ where: { action: "programme.milestone.move" } })).toBe(1);
    });

    it("WHEN /program open runs again with the same dates THEN the move is kept and no job is duplicated", async () => {
      const before = await milestone("submission_deadline");
      await open();
      expect(await milestone("submission_deadline")).toEqual(before);
      expect(await delayedJobs()).toHaveLength(5);
    });

    it("WHEN the programme's end moves THEN the deadline keeps its distance from the last day", async () => {
      await open({ end: "2030-07-31" });
      const after = await milestone("submission_deadline");
      expect(after.at.toISOString()).toBe("2030-07-21T03:00:00.000Z"); // still ten days before the end, 12:00
      const jobs = await delayedJobs();
      expect(jobs).toHaveLength(5);
      expect(jobs.map((j) => j.id)).toContain(after.jobId);
      // Back to the original dates for the next tests.
      await open();
    });
  });

  describe("GIVEN a milestone that was already announced", () => {
    it("WHEN it moves into the future THEN it is announced again at the new time", async () => {
      const kickoff = await milestone("kickoff");
      const announcedAt = new Date("2030-04-01T01:00:05.000Z");
      // As the announcement job leaves it: the milestone marked, the job no longer delayed.
      await db.milestone.update({ where: { id: kickoff.id }, data: { announcedAt } });
      await queues.byName.get(JOBS.announceMilestone.queue)?.remove(kickoff.jobId ?? "");

      const reply = await move("kickoff", "2030-04-02 10:30", { locale: "en-US" });
      expect(reply.content).toContain("it will be announced again for the new one");
      const after = await milestone("kickoff");
      expect(after.announcedAt).toBeNull();
      expect(after.jobId).toBe(milestoneJobId(after.id, new Date("2030-04-02T01:30:00.000Z")));
      expect((await delayedJobs()).map((j) => j.id)).toContain(after.jobId);
    });

    it("WHEN it moves to a time already past THEN it keeps its announcement and gets no job", async () => {
      const kickoff = await milestone("kickoff");
      const announcedAt = new Date("2030-04-02T01:30:02.000Z");
      await db.milestone.update({ where: { id: kickoff.id }, data: { announcedAt } });
      await queues.byName.get(JOBS.announceMilestone.queue)?.remove(kickoff.jobId ?? "");
      bot.ctx.now = () => new Date("2030-04-10T00:00:00.000Z");

      const reply = await move("kickoff", "2030-04-02 11:00", { locale: "en-US" });
      expect(reply.content).toContain("has already passed, so it won't be announced");
      const after = await milestone("kickoff");
      expect(after.at.toISOString()).toBe("2030-04-02T02:00:00.000Z");
      expect(after.announcedAt).toEqual(announcedAt);
      expect(after.jobId).toBeNull();
      expect(await delayedJobs()).toHaveLength(4);
    });
  });
});
