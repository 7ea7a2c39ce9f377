import type { Job } from "bullmq";
import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import type { TestRedis } from "../../../scripts/harness/redis.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createOperationsRepository } from "../../../src/db/repositories/operations.ts";
import { REPORT_REMINDER_NUDGE } from "../../../src/domain/operations/rules.ts";
import type { Queues } from "../../../src/jobs/queues.ts";
import { reconcileReportReminders, sendReportReminderHandler } from "../../../src/jobs/report-reminders.ts";
import { jobTestContext } from "../../support/context.ts";
import { seedProgramme } from "../../support/programme.ts";

/** Daily-report reminders against a real database and the local Discord's REST API. */
describe("report reminders: sweep and job", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let rest: REST;
  let programmeId: string;
  const added: Array<{ memberId: string; localDate: string; jobId: string | undefined }> = [];
  const queues = {
    async add(
      _definition: unknown,
      payload: { memberId: string; localDate: string },
      options?: { jobId?: string },
    ) {
      added.push({ ...payload, jobId: options?.jobId });
      return options?.jobId ?? "";
    },
  } as unknown as Queues;
  const evening = new Date("2026-04-10T21:30:00+09:00");

  beforeAll(async () => {
    [fake, database] = await Promise.all([startFakeDiscord(), createTestDatabase()]);
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    const { programme } = await seedProgramme(database.db, {
      guildId: fake.guild.id,
      status: "open",
      startsAt: new Date("2026-04-01T00:00:00+09:00"),
      endsAt: new Date("2026-06-30T23:59:59+09:00"),
    });
    programmeId = programme.id;
  });
  afterAll(async () => {
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await Promise.all([database?.cleanup(), fake?.close()]);
  });

  async function intern(name: string, options: { fewerNotifications?: boolean; checkedIn?: Date } = {}) {
    const members = createMemberRepository(database.db);
    const user = fake.addMember({ username: name }).user;
    const member = await members.join({ programmeId, discordUserId: user.id, roles: ["intern"] });
    await members.saveProfile(member.id, {
      displayName: name,
      skills: [],
      interests: [],
      weeklyHoursAvailable: null,
      preferredLocale: "en",
      accommodations: {
        notes: null,
        textOnlyPresentation: false,
        extendedDeadlines: false,
        fewerNotifications: options.fewerNotifications ?? false,
      },
    });
    const thread = fake.createChannel({ name: `thread-${name}` });
    await members.setProjectChannel(member.id, thread.id);
    const operations = createOperationsRepository(database.db);
    const checkIn = await operations.startCheckIn(
      member.id,
      null,
      options.checkedIn ?? new Date("2026-04-10T10:00:00+09:00"),
    );
    await operations.endCheckIn(member.id, new Date("2026-04-10T12:00:00+09:00"));
    expect(checkIn.status).toBe("started");
    return { member, user, thread, operations };
  }

  it("GIVEN two runs of one reminder job at once THEN one message is posted and one Nudge recorded", async () => {
    const { member, user, thread } = await intern("twice");
    const ctx = jobTestContext({
      db: database.db,
      redis: {} as TestRedis,
      queues,
      now: evening,
      token: fake.token,
    });
    const handler = sendReportReminderHandler(ctx, rest);
    const payload = { memberId: member.id, localDate: "2026-04-10" };
    const outcomes = await Promise.all([
      handler.process(payload, {} as Job),
      handler.process(payload, {} as Job),
    ]);
    // The loser either saw the claim in flight (retry) or, arriving later, the Nudge (done).
    expect(outcomes.map((o) => o.status)).toContain("done");
    for (const outcome of outcomes) expect(["done", "retry"]).toContain(outcome.status);
    // Its retry finds the Nudge.
    expect(await handler.process(payload, {} as Job)).toEqual({
      status: "done",
      detail: "not due: alreadyNudged",
    });
    const messages = fake.messages(thread.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.content).toContain(`<@${user.id}>`);
    expect(
      await database.db.nudge.count({ where: { memberId: member.id, kind: REPORT_REMINDER_NUDGE } }),
    ).toBe(1);
  });

  it("GIVEN a report written or a pause set after the sweep THEN the job posts nothing", async () => {
    const ctx = jobTestContext({
      db: database.db,
      redis: {} as TestRedis,
      queues,
      now: evening,
      token: fake.token,
    });
    const handler = sendReportReminderHandler(ctx, rest);
    const reported = await intern("reported");
    await reported.operations.saveReport({
      memberId: reported.member.id,
      localDate: "2026-04-10",
      content: { done: "done", blockers: null, next: null, mood: null },
      private: false,
    });
    expect(
      await handler.process({ memberId: reported.member.id, localDate: "2026-04-10" }, {} as Job),
    ).toEqual({
      status: "done",
      detail: "not due: reported",
    });
    const paused = await intern("paused");
    await paused.operations.saveReminderSettings(paused.member.id, { pausedUntil: "2026-04-12" });
    expect(await handler.process({ memberId: paused.member.id, localDate: "2026-04-10" }, {} as Job)).toEqual(
      {
        status: "done",
        detail: "not due: paused",
      },
    );
    expect(fake.messages(reported.thread.id)).toHaveLength(0);
    expect(fake.messages(paused.thread.id)).toHaveLength(0);
  });

  it("GIVEN interns in several states THEN the sweep adds one job per due intern under its day's id", async () => {
    added.length = 0;
    const due = await intern("due");
    const capped = await intern("capped", { fewerNotifications: true });
    await capped.operations.recordNudge(capped.member.id, REPORT_REMINDER_NUDGE, "2026-04-06", evening);
    await capped.operations.recordNudge(capped.member.id, REPORT_REMINDER_NUDGE, "2026-04-08", evening);
    await intern("yesterday-only", { checkedIn: new Date("2026-04-09T10:00:00+09:00") });
    const off = await intern("off");
    await off.operations.saveReminderSettings(off.member.id, { reminderTime: "off" });

    await reconcileReportReminders({ db: database.db, queues, now: () => evening });
    // Capped, off, not checked in today, and the earlier tests' reminded, reported and paused interns: none.
    expect(added).toEqual([
      {
        memberId: due.member.id,
        localDate: "2026-04-10",
        jobId: `report-reminder-${due.member.id}-2026-04-10`,
      },
    ]);
  });
});
