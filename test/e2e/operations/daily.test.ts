import "../../support/unhandled.ts";
import { ChannelType } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { reportButtonId, reportModalId } from "../../../src/discord/operations/ids.ts";
import { REPORT_REMINDER_NUDGE } from "../../../src/domain/operations/rules.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { reconcileReportReminders, reportReminderJobId } from "../../../src/jobs/report-reminders.ts";
import { onboard, seedWorkspace, startOnboardingBot, type Workspace } from "../onboarding/setup.ts";

describe("check-in, check-out, the 日報 and its reminder through the local Discord", () => {
  let bot: TestBot;
  let ws: Workspace;
  let intern: ApiUser;
  let dailyId: string;
  let threadId: string;
  // The programme runs 2026-04-01 … 2026-06-30 (Asia/Tokyo).
  let clock = new Date("2026-04-02T10:00:00+09:00");

  const db = () => bot.db as NonNullable<TestBot["db"]>;
  const slash = (options: Parameters<TestBot["fake"]["sendSlashCommand"]>[0]) =>
    bot.fake.sendSlashCommand(options).finalReply();
  const embedOf = (message: ApiMessage) =>
    message.embeds?.[0] as { title?: string; fields?: { name: string; value: string }[] };

  beforeAll(async () => {
    bot = await startOnboardingBot();
    (bot.ctx as { now: () => Date }).now = () => clock;
    ws = await seedWorkspace(bot);
    const daily = bot.fake.createChannel({ name: "daily-reports", type: ChannelType.GuildText });
    dailyId = daily.id;
    await createProgrammeRepository(db()).saveDiscordResource(ws.programme.id, {
      key: ResourceKeys.channels.dailyReports,
      discordId: daily.id,
      kind: "text_channel",
    });
    intern = bot.fake.addMember({ username: "hanako" }).user;
    await onboard(bot, ws, intern, { locale: "ja" });
    const member = await createMemberRepository(db()).find(ws.programme.id, intern.id);
    threadId = member?.projectChannelId ?? "";
    expect(threadId).not.toBe("");
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN no open check-in WHEN the intern checks out THEN it is refused kindly; /checkin opens one and a second shows it", async () => {
    const none = await slash({ name: "checkout", user: intern, locale: "ja" });
    expect(none.content).toBe(t("ja", "checkout.none"));

    const started = await slash({
      name: "checkin",
      options: { plan: "API 設計" },
      user: intern,
      locale: "ja",
    });
    expect(started.content).toContain(t("ja", "checkin.plan", { plan: "API 設計" }));
    const at = `<t:${Math.floor(clock.getTime() / 1000)}:t>`;
    expect(started.content?.split("\n")[0]).toBe(t("ja", "checkin.started", { at }));

    const again = await slash({ name: "checkin", user: intern, locale: "en-US" });
    expect(again.content?.split("\n")[0]).toBe(t("en", "checkin.alreadyOpen", { at }));
    expect(await db().checkInSession.count({ where: { member: { discordUserId: intern.id } } })).toBe(1);
  });

  it("GIVEN an open check-in WHEN the intern checks out and sends the 日報 THEN it is posted in the daily-reports channel without the mood", async () => {
    clock = new Date("2026-04-02T18:00:00+09:00");
    const checkout = await slash({ name: "checkout", user: intern, locale: "ja" });
    expect(checkout.content).toBe(
      t("ja", "checkout.done", {
        from: `<t:${Math.floor(new Date("2026-04-02T10:00:00+09:00").getTime() / 1000)}:t>`,
        to: `<t:${Math.floor(clock.getTime() / 1000)}:t>`,
      }),
    );
    const click = bot.fake.clickButton({
      message: checkout,
      customId: reportButtonId.encode({ programmeId: ws.programme.id }),
      user: intern,
      locale: "ja",
    });
    const modal = await click.modal();
    expect(modal.title).toBe(t("ja", "report.modal.title", { date: "2026-04-02" }));
    const saved = await bot.fake
      .submitModal({
        modal: click,
        fields: { done: "ログイン画面を作った", blockers: "CI が遅い", next: "テストを書く", mood: "2" },
        locale: "ja",
      })
      .finalReply();
    expect(saved.content).toBe(
      [
        t("ja", "report.saved", { date: "2026-04-02" }),
        t("ja", "report.place.channel", { channel: `<#${dailyId}>` }),
      ].join("\n"),
    );
    const posts = bot.fake.messages(dailyId);
    expect(posts).toHaveLength(1);
    const embed = embedOf(posts[0] as ApiMessage);
    // Everyone reads the daily-reports channel: its labels are in both languages.
    const both = (key: "report.post.done" | "report.post.blockers" | "report.post.next") =>
      `${t("ja", key)} / ${t("en", key)}`;
    expect(embed.fields?.map((f) => f.name)).toEqual([
      both("report.post.done"),
      both("report.post.blockers"),
      both("report.post.next"),
    ]);
    expect(embed.fields?.map((f) => f.value)).toEqual(["ログイン画面を作った", "CI が遅い", "テストを書く"]);
    expect(JSON.stringify(posts[0])).not.toContain(t("ja", "report.field.mood"));
    const row = await db().dailyReport.findFirstOrThrow({ where: { member: { discordUserId: intern.id } } });
    expect(row).toMatchObject({ localDate: "2026-04-02", mood: 2, private: false, channelId: dailyId });
    expect(await db().checkInSession.count({ where: { open: "active" } })).toBe(0);
  });

  it("GIVEN a written 日報 WHEN /report write runs again THEN the modal is pre-filled and the same message is edited", async () => {
    const open = bot.fake.sendSlashCommand({
      name: "report",
      subcommand: "write",
      user: intern,
      locale: "ja",
    });
    const modal = await open.modal();
    expect(JSON.stringify(modal)).toContain("ログイン画面を作った");
    const edited = await bot.fake
      .submitModal({
        modal: open,
        fields: { done: "ログイン画面とログアウト", blockers: "", next: "", mood: "" },
        locale: "ja",
      })
      .finalReply();
    expect(edited.content?.split("\n")[0]).toBe(t("ja", "report.updated", { date: "2026-04-02" }));
    const posts = bot.fake.messages(dailyId);
    expect(posts).toHaveLength(1);
    const embed = embedOf(posts[0] as ApiMessage);
    expect(embed.fields?.map((f) => f.value)).toEqual(["ログイン画面とログアウト"]);
    expect(await db().dailyReport.count()).toBe(1);
  });

  it("GIVEN a posted 日報 WHEN it is made private THEN it leaves the shared channel for the project thread", async () => {
    const open = bot.fake.sendSlashCommand({
      name: "report",
      subcommand: "write",
      options: { private: true },
      user: intern,
      locale: "en-US",
    });
    await open.modal();
    const saved = await bot.fake
      .submitModal({
        modal: open,
        fields: { done: "Private notes", blockers: "", next: "", mood: "9" },
        locale: "en-US",
      })
      .finalReply();
    expect(saved.content).toBe(
      [
        t("en", "report.updated", { date: "2026-04-02" }),
        t("en", "report.place.thread", { channel: `<#${threadId}>` }),
        t("en", "report.moodIgnored"),
      ].join("\n"),
    );
    expect(bot.fake.messages(dailyId)).toHaveLength(0);
    const inThread = bot.fake.messages(threadId).filter((m) => m.embeds?.length);
    expect(inThread.map((m) => embedOf(m).fields?.[0]?.value)).toContain("Private notes");

    // Edited again from /checkout's button, it stays private.
    await slash({ name: "checkin", user: intern, locale: "en-US" });
    const checkout = await slash({ name: "checkout", user: intern, locale: "en-US" });
    const click = bot.fake.clickButton({
      message: checkout,
      customId: reportButtonId.encode({ programmeId: ws.programme.id }),
      user: intern,
      locale: "en-US",
    });
    const modal = await click.modal();
    expect(reportModalId.decode(String(modal.custom_id))).toEqual({
      ok: true,
      payload: { programmeId: ws.programme.id, localDate: "2026-04-02", private: true },
    });
  });

  it("GIVEN bad input THEN each refusal is a localised message in ja and en", async () => {
    const cases: Array<[Parameters<typeof slash>[0], string]> = [
      [
        { name: "report", subcommand: "reminder", options: { time: "25:00" }, user: intern, locale: "en-US" },
        t("en", "report.error.time", { value: "25:00" }),
      ],
      [
        { name: "report", subcommand: "pause", options: { until: "2026-07-05" }, user: intern, locale: "ja" },
        t("ja", "report.error.pause.afterProgramme", { value: "2026-07-05", end: "2026-06-30" }),
      ],
      [
        {
          name: "report",
          subcommand: "pause",
          options: { until: "2026-4-5" },
          user: intern,
          locale: "en-US",
        },
        t("en", "report.error.pause.format", { value: "2026-4-5", end: "2026-06-30" }),
      ],
    ];
    for (const [options, expected] of cases) {
      expect((await slash(options)).content).toBe(expected);
    }
    clock = new Date("2026-04-01T12:00:00+09:00");
    const early = await slash({
      name: "report",
      subcommand: "write",
      options: { date: "yesterday" },
      user: intern,
      locale: "ja",
    });
    expect(early.content).toBe(t("ja", "report.error.beforeProgramme", { date: "2026-03-31" }));
    const outsider = bot.fake.addMember({ username: "visitor" }).user;
    expect((await slash({ name: "checkin", user: outsider, locale: "en-US" })).content).toBe(
      t("en", "error.access.intern"),
    );
  });

  it("GIVEN a day with a check-in and no 日報 WHEN the reminder sweep runs twice at 21:30 THEN one gentle reminder is posted and one Nudge recorded", async () => {
    clock = new Date("2026-04-03T09:00:00+09:00");
    await slash({ name: "checkin", user: intern, locale: "ja" });
    const set = await slash({
      name: "report",
      subcommand: "reminder",
      options: { time: "21:00" },
      user: intern,
      locale: "ja",
    });
    expect(set.content).toBe(t("ja", "report.reminder.set", { time: "21:00", timeZone: "Asia/Tokyo" }));
    const deps = { db: db(), queues: bot.ctx.queues, now: () => clock };
    expect(await reconcileReportReminders(deps)).toBe(0);

    clock = new Date("2026-04-03T21:30:00+09:00");
    const member = await createMemberRepository(db()).find(ws.programme.id, intern.id);
    const memberId = member?.id ?? "";
    const jobId = reportReminderJobId(memberId, "2026-04-03");
    const queue = bot.ctx.queues.byName.get(JOBS.sendReportReminder.queue);
    const settled = (id: string) => waitState(async () => (await queue?.getJob(id))?.getState());
    const reminders = () =>
      bot.fake
        .messages(threadId)
        .filter((m) => m.content === t("ja", "report.reminderMessage", { user: `<@${intern.id}>` }));

    expect(await reconcileReportReminders(deps)).toBe(1);
    expect(await reconcileReportReminders(deps)).toBe(1);
    expect(await settled(jobId)).toBe("completed");
    // A second job for the same day (Redis lost the first) finds the Nudge and posts nothing.
    await bot.ctx.queues.add(
      JOBS.sendReportReminder,
      { memberId, localDate: "2026-04-03" },
      { jobId: `${jobId}-again` },
    );
    expect(await settled(`${jobId}-again`)).toBe("completed");
    expect(reminders()).toHaveLength(1);
    expect(await db().nudge.count({ where: { memberId, kind: REPORT_REMINDER_NUDGE } })).toBe(1);
    expect(await reconcileReportReminders(deps)).toBe(0);
  });
});

async function waitState(read: () => Promise<string | undefined>): Promise<string | undefined> {
  for (let i = 0; i < 400; i++) {
    const state = await read();
    if (state === "completed" || state === "failed") return state;
    await new Promise((r) => setTimeout(r, 25));
  }
  return "timeout";
}
