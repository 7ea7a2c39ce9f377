import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/domain/member/types.ts";
import type { CheckIn, DailyReport, ReminderSettings } from "../../../src/domain/operations/types.ts";
import type { Programme } from "../../../src/domain/programme/types.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { UserError } from "../../../src/features/errors.ts";
import type { OperationsStore, ReportPost, ReportPoster } from "../../../src/features/operations/ports.ts";
import { operationsUseCases } from "../../../src/features/operations/use-cases.ts";

const programme: Programme = {
  id: "prog-1",
  guildId: "g-1",
  name: "Spring",
  mode: "internship",
  status: "open",
  startsAt: new Date("2026-04-01T00:00:00+09:00"),
  endsAt: new Date("2026-06-30T23:59:59+09:00"),
  timeZone: "Asia/Tokyo",
  forcedLocale: null,
  settings: { selfServiceClaimEnabled: false, swapWindowDays: 3, helpEscalateHours: 4 },
  createdByUserId: "1",
  createdAt: new Date("2026-03-01T00:00:00Z"),
};

function member(overrides: Partial<Member> = {}): Member {
  return {
    id: "m-1",
    programmeId: programme.id,
    discordUserId: "u-1",
    roles: ["intern"],
    stage: "working",
    agencyId: null,
    agencyConsent: false,
    agencyConsentChangedAt: null,
    projectChannelId: "thread-1",
    joinedAt: new Date("2026-04-01T00:00:00Z"),
    ...overrides,
  };
}

/** An in-memory store and poster, with what was posted, edited and removed. */
function setup(
  options: { members?: Member[]; dailyChannel?: string | null; profile?: boolean; locale?: "ja" | "en" } = {},
) {
  let clock = new Date("2026-04-02T18:00:00+09:00");
  const members = options.members ?? [member()];
  const checkIns: CheckIn[] = [];
  const reports = new Map<string, DailyReport>();
  const settings = new Map<string, ReminderSettings>(
    options.profile === false
      ? []
      : members.map((m) => [m.id, { reminderTime: null, pausedUntil: null, fewerNotifications: false }]),
  );
  const channels = new Map<string, string>();
  if (options.dailyChannel !== null)
    channels.set(ResourceKeys.channels.dailyReports, options.dailyChannel ?? "daily-1");
  let ids = 0;
  const store: OperationsStore = {
    programme: async (id) => (id === programme.id ? programme : null),
    member: async (_p, userId) => members.find((m) => m.discordUserId === userId) ?? null,
    displayName: async () => "山田 花子",
    preferredLocale: async () => options.locale ?? null,
    openCheckIn: async (memberId) => checkIns.find((c) => c.memberId === memberId && !c.endedAt) ?? null,
    async startCheckIn(memberId, plan, at) {
      const open = await store.openCheckIn(memberId);
      if (open) return { status: "already_open", checkIn: open };
      const checkIn = { id: `c-${++ids}`, memberId, plan, startedAt: at, endedAt: null };
      checkIns.push(checkIn);
      return { status: "started", checkIn };
    },
    async endCheckIn(memberId, at) {
      const open = await store.openCheckIn(memberId);
      if (!open) return null;
      open.endedAt = at;
      return open;
    },
    report: async (memberId, day) => reports.get(`${memberId}/${day}`) ?? null,
    async saveReport(input) {
      const key = `${input.memberId}/${input.localDate}`;
      const existing = reports.get(key);
      const report: DailyReport = {
        id: existing?.id ?? `r-${++ids}`,
        memberId: input.memberId,
        localDate: input.localDate,
        ...input.content,
        private: input.private,
        channelId: existing?.channelId ?? null,
        messageId: existing?.messageId ?? null,
      };
      reports.set(key, report);
      return { report, created: !existing };
    },
    async setReportPost(reportId, post) {
      for (const r of reports.values()) {
        if (r.id === reportId)
          Object.assign(r, { channelId: post?.channelId ?? null, messageId: post?.messageId ?? null });
      }
    },
    reminderSettings: async (memberId) => settings.get(memberId) ?? null,
    async saveReminderSettings(memberId, changes) {
      const current = settings.get(memberId);
      if (!current) return false;
      settings.set(memberId, { ...current, ...changes });
      return true;
    },
    channel: async (_p, key) => channels.get(key) ?? null,
  };
  const posted = new Map<string, { channelId: string; post: ReportPost }>();
  const log: string[] = [];
  const poster: ReportPoster = {
    async post(channelId, post) {
      const messageId = `msg-${++ids}`;
      posted.set(messageId, { channelId, post });
      log.push(`post ${channelId}`);
      return { messageId };
    },
    async edit(channelId, messageId, post) {
      log.push(`edit ${channelId}`);
      if (!posted.has(messageId)) return false;
      posted.set(messageId, { channelId, post });
      return true;
    },
    async remove(channelId, messageId) {
      log.push(`remove ${channelId}`);
      posted.delete(messageId);
    },
  };
  const useCases = operationsUseCases({ store, now: () => clock, defaultLocale: "ja" });
  return {
    useCases,
    poster,
    posted,
    log,
    reports,
    settings,
    setClock: (at: Date) => {
      clock = at;
    },
  };
}

const caller = { programmeId: programme.id, userId: "u-1" };
const answers = { done: "画面を作った", blockers: "", next: "テスト", mood: "3" };

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("check-in and check-out", () => {
  it("GIVEN no check-in THEN /checkout is refused; /checkin opens one, a second returns the open one, /checkout closes it", async () => {
    const { useCases, setClock } = setup();
    expect(await refusal(useCases.checkOut(caller))).toBe("checkout.none");
    const first = await useCases.checkIn(caller, "  設計  ");
    expect(first).toMatchObject({ status: "started", checkIn: { plan: "設計" } });
    const second = await useCases.checkIn(caller, null);
    expect(second.status).toBe("already_open");
    expect(second.checkIn.id).toBe(first.checkIn.id);
    setClock(new Date("2026-04-02T19:00:00+09:00"));
    const out = await useCases.checkOut(caller);
    expect(out).toMatchObject({ reported: false, programmeId: programme.id });
    expect(out.checkIn.endedAt).toEqual(new Date("2026-04-02T19:00:00+09:00"));
  });

  it("GIVEN a non-intern, a withdrawn intern or no programme THEN each is refused with its own key", async () => {
    expect(
      await refusal(setup({ members: [member({ roles: ["mentor"] })] }).useCases.checkIn(caller, null)),
    ).toBe("project.notIntern");
    expect(
      await refusal(setup({ members: [member({ stage: "withdrawn" })] }).useCases.checkIn(caller, null)),
    ).toBe("project.withdrawn");
    expect(await refusal(setup().useCases.checkIn({ programmeId: null, userId: "u-1" }, null))).toBe(
      "error.access.noProgramme",
    );
  });
});

describe("the 日報", () => {
  it("GIVEN a report THEN it is saved with its mood and posted to the daily-reports channel without it; a re-run edits the same message", async () => {
    const { useCases, poster, posted, log } = setup();
    const first = await useCases.submitReport(
      caller,
      { programmeId: programme.id, localDate: "2026-04-02", private: false, answers },
      poster,
    );
    expect(first).toMatchObject({
      created: true,
      place: "channel",
      channelId: "daily-1",
      moodIgnored: false,
    });
    expect(first.report).toMatchObject({ mood: 3, done: "画面を作った", blockers: null, next: "テスト" });
    const [message] = [...posted.values()];
    expect(message?.post).toEqual({
      // The daily-reports channel is read by everyone: both languages when none is pinned.
      locales: ["ja", "en"],
      discordUserId: "u-1",
      displayName: "山田 花子",
      localDate: "2026-04-02",
      done: "画面を作った",
      blockers: null,
      next: "テスト",
      edited: false,
    });
    expect(Object.keys(message?.post ?? {})).not.toContain("mood");

    const again = await useCases.submitReport(
      caller,
      {
        programmeId: programme.id,
        localDate: "2026-04-02",
        private: false,
        answers: { ...answers, done: "直した" },
      },
      poster,
    );
    expect(again.created).toBe(false);
    expect(log).toEqual(["post daily-1", "edit daily-1"]);
    expect([...posted.values()].map((p) => [p.post.done, p.post.edited])).toEqual([["直した", true]]);
    expect((await useCases.reportForm(caller, "today")).existing?.done).toBe("直した");
  });

  it("GIVEN a posted report made private THEN the channel copy is removed and it goes to the project thread", async () => {
    const { useCases, poster, posted, log } = setup();
    const input = { programmeId: programme.id, localDate: "2026-04-02", answers };
    await useCases.submitReport(caller, { ...input, private: false }, poster);
    const moved = await useCases.submitReport(caller, { ...input, private: true }, poster);
    expect(moved).toMatchObject({ place: "thread", channelId: "thread-1" });
    expect(log).toEqual(["post daily-1", "remove daily-1", "post thread-1"]);
    expect([...posted.values()].map((p) => p.channelId)).toEqual(["thread-1"]);
  });

  it("GIVEN an English-speaking intern's private report THEN their own thread's copy is in English only", async () => {
    const { useCases, poster, posted } = setup({ locale: "en" });
    const input = { programmeId: programme.id, localDate: "2026-04-02", answers };
    await useCases.submitReport(caller, { ...input, private: true }, poster);
    expect([...posted.values()].map((p) => [p.channelId, p.post.locales])).toEqual([["thread-1", ["en"]]]);
  });

  it("GIVEN no daily-reports channel THEN the report goes to the thread; with neither it is only saved", async () => {
    const thread = setup({ dailyChannel: null });
    const input = { programmeId: programme.id, localDate: "2026-04-02", private: false, answers };
    expect((await thread.useCases.submitReport(caller, input, thread.poster)).place).toBe("thread");
    const nowhere = setup({ dailyChannel: null, members: [member({ projectChannelId: null })] });
    const saved = await nowhere.useCases.submitReport(caller, input, nowhere.poster);
    expect(saved).toMatchObject({ place: "none", channelId: null });
    expect(nowhere.posted.size).toBe(0);
    expect(nowhere.reports.size).toBe(1);
  });

  it("GIVEN a mood outside 1–5 THEN the rest is saved and the mood is reported as ignored; full-width digits count", async () => {
    const { useCases, poster } = setup();
    const input = { programmeId: programme.id, localDate: "2026-04-02", private: false };
    const bad = await useCases.submitReport(caller, { ...input, answers: { ...answers, mood: "7" } }, poster);
    expect(bad).toMatchObject({ moodIgnored: true, report: { mood: null, done: "画面を作った" } });
    const wide = await useCases.submitReport(
      caller,
      { ...input, answers: { ...answers, mood: "４" } },
      poster,
    );
    expect(wide).toMatchObject({ moodIgnored: false, report: { mood: 4 } });
  });

  it("GIVEN bad days or fields THEN each is refused before anything is saved", async () => {
    const { useCases, poster, reports, setClock } = setup();
    const submit = (localDate: string, a = answers, programmeId = programme.id) =>
      useCases.submitReport(caller, { programmeId, localDate, private: false, answers: a }, poster);
    expect(await refusal(submit("2026-03-31"))).toBe("report.error.tooOld");
    expect(await refusal(submit("2026-04-03"))).toBe("report.error.future");
    expect(await refusal(submit("2026-04-02", { ...answers, done: "   " }))).toBe("report.error.emptyDone");
    expect(await refusal(submit("2026-04-02", { ...answers, next: "x".repeat(1001) }))).toBe(
      "report.error.tooLong",
    );
    expect(await refusal(submit("2026-04-02", answers, "older-programme"))).toBe("error.customId.stale");
    setClock(new Date("2026-04-01T08:00:00+09:00"));
    expect(await refusal(useCases.reportForm(caller, "yesterday"))).toBe("report.error.beforeProgramme");
    expect(reports.size).toBe(0);
  });
});

describe("reminder settings", () => {
  it("GIVEN /report reminder THEN HH:mm is stored normalised, off turns them off, a bad time is refused", async () => {
    const { useCases, settings } = setup();
    expect(await useCases.reminder(caller, "7:30")).toEqual({ time: "07:30", timeZone: "Asia/Tokyo" });
    expect(settings.get("m-1")?.reminderTime).toBe("07:30");
    expect((await useCases.reminder(caller, "OFF")).time).toBe("off");
    expect(await refusal(useCases.reminder(caller, "25:00"))).toBe("report.error.time");
    expect(settings.get("m-1")?.reminderTime).toBe("off");
  });

  it("GIVEN /report pause THEN a day within the programme is stored; past the end is refused; no profile is refused", async () => {
    const { useCases, settings } = setup();
    expect(await useCases.pause(caller, "2026-04-10")).toEqual({ until: "2026-04-10" });
    expect(settings.get("m-1")?.pausedUntil).toBe("2026-04-10");
    expect(await refusal(useCases.pause(caller, "2026-07-01"))).toBe("report.error.pause.afterProgramme");
    expect(await refusal(setup({ profile: false }).useCases.pause(caller, "2026-04-10"))).toBe(
      "report.error.noProfile",
    );
  });
});
