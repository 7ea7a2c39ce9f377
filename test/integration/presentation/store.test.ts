import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createPresentationStore } from "../../../src/db/stores/presentation.ts";
import { createSubmissionStore } from "../../../src/db/stores/submission.ts";
import { slotNoticeJobId, slotNoticeState } from "../../../src/domain/presentation/notices.ts";
import { UserError } from "../../../src/features/errors.ts";
import type { PresentationDiscord, SessionRecord } from "../../../src/features/presentation/ports.ts";
import {
  type PresentationCaller,
  presentationUseCases,
  type ScheduleOptions,
} from "../../../src/features/presentation/use-cases.ts";
import { seedProgramme } from "../../support/programme.ts";

/**
 * The presentation use-cases over the real store (SQLite, or PostgreSQL when DATABASE_URL names
 * one) and a Discord that records what it was asked to do.
 */
let recorders = 0;
function recordingDiscord() {
  recorders += 1;
  const prefix = `r${recorders}`;
  const calls: string[] = [];
  let events = 0;
  let messages = 0;
  let eventGone = false;
  const discord: PresentationDiscord = {
    async channelKind(channelId) {
      return channelId === "text" ? "other" : "stage";
    },
    async createEvent(input) {
      events += 1;
      calls.push(`event.create ${input.kind} ${input.startsAt.toISOString()}–${input.endsAt.toISOString()}`);
      return `${prefix}-event-${events}`;
    },
    async moveEvent(eventId, startsAt, endsAt) {
      if (eventGone) {
        eventGone = false;
        calls.push(`event.gone ${eventId}`);
        return "gone";
      }
      calls.push(`event.move ${eventId} ${startsAt.toISOString()}–${endsAt.toISOString()}`);
      return "moved";
    },
    async setEventStatus(eventId, status) {
      calls.push(`event.status ${eventId} ${status}`);
    },
    async setStage(_session, topic) {
      calls.push(topic === null ? "stage.close" : "stage.open");
    },
    async publishAgenda(_session, at) {
      if (at.messageId !== null) {
        calls.push(`agenda.edit ${at.messageId}`);
        return { channelId: at.channelId ?? "", messageId: at.messageId };
      }
      messages += 1;
      calls.push(`agenda.post ${at.channelId}`);
      return { channelId: at.channelId ?? "", messageId: `${prefix}-m-${messages}` };
    },
    async publishLive(session) {
      if (session.liveMessageId !== null) {
        calls.push(`live.edit ${session.liveMessageId}`);
        return { channelId: session.liveChannelId ?? "", messageId: session.liveMessageId };
      }
      messages += 1;
      calls.push("live.post");
      return { channelId: session.channelId ?? "", messageId: `${prefix}-m-${messages}` };
    },
    async notifyNoShow(_session, slot) {
      calls.push(`noShow ${slot.discordUserId}`);
      return true;
    },
  };
  return { discord, calls, prefix, dropEvent: () => (eventGone = true) };
}

describe("presentation store and use-cases", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  let clock = new Date("2026-03-20T00:00:00Z");
  const options: ScheduleOptions = {
    date: "2026-03-26",
    start: "14:00",
    slotMinutes: 10,
    qaMinutes: 3,
    bufferMinutes: 2,
    breakEvery: 2,
    breakMinutes: 10,
    order: "allocation",
    seed: null,
    includeAll: true,
    channelId: "stage-1",
    title: "成果発表会",
  };

  async function setUp(name: string) {
    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: "g1",
      name,
      interns: 3,
      assignments: 3,
      status: "open",
    });
    const members = createMemberRepository(db);
    const allocations = createAllocationRepository(db);
    const allocated = [];
    for (const [i, intern] of seeded.interns.entries()) {
      await members.moveStage(intern.id, "working", { actorUserId: null });
      // Each has a project thread: their slot notices go there.
      await db.member.update({ where: { id: intern.id }, data: { projectChannelId: `thread-${i}` } });
      allocated.push(
        await allocations.allocate({
          programmeId: seeded.programme.id,
          memberId: intern.id,
          assignmentId: seeded.assignmentIds[i] ?? "",
          method: "manual",
        }),
      );
    }
    await db.discordResource.create({
      data: {
        programmeId: seeded.programme.id,
        key: "channel:announcements",
        discordId: "ann-1",
        kind: "announcement_channel",
      },
    });
    const organiser: PresentationCaller = {
      guildId: "g1",
      programmeId: seeded.programme.id,
      userId: "900000000000000001",
      roles: new Set(["organiser"]),
    };
    const jobs = new Map<string, number>();
    const reminders = {
      async add(jobId: string, _payload: unknown, delayMs: number) {
        if (!jobs.has(jobId)) jobs.set(jobId, delayMs);
      },
      async remove(jobId: string) {
        jobs.delete(jobId);
      },
    };
    // Slot notices are jobs: the ids queued, in order.
    const queued: string[] = [];
    const uc = presentationUseCases({
      store: createPresentationStore(db),
      reminders: () => reminders,
      notices: () => ({
        async add(jobId) {
          queued.push(jobId);
        },
      }),
      now: () => clock,
    });
    return { ...seeded, allocated, organiser, uc, jobs, queued };
  }

  it("GIVEN three interns WHEN previewed and confirmed THEN one event, one agenda, three notices; a second Confirm is refused", async () => {
    const s = await setUp("confirm");
    const { discord, calls, prefix } = recordingDiscord();
    const preview = await s.uc.preview(s.organiser, options, discord);
    expect(preview.plan.slots).toHaveLength(3);
    expect(preview.plan.totalMinutes).toBe(42);
    expect(calls).toEqual([]);
    const confirmed = await s.uc.confirm(s.organiser, preview.sessionId, preview.hash, discord);
    expect(confirmed.session.status).toBe("scheduled");
    expect(confirmed.session.scheduledEventId).toBe(`${prefix}-event-1`);
    expect(confirmed.session.agendaMessageId).toBe(`${prefix}-m-1`);
    expect(calls.filter((c) => c.startsWith("event.create"))).toHaveLength(1);
    expect(calls.filter((c) => c === "agenda.post ann-1")).toHaveLength(1);
    expect(s.queued).toEqual(
      confirmed.session.slots.map((slot) => slotNoticeJobId(slot.id, slotNoticeState(slot))),
    );
    expect(confirmed.notified).toBe(3);
    await expect(s.uc.confirm(s.organiser, preview.sessionId, preview.hash, discord)).rejects.toThrow(
      UserError,
    );
    const audit = await database.db.auditLogEntry.findMany({ where: { programmeId: s.programme.id } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["presentation.draft", "presentation.schedule"]),
    );
  });

  it("GIVEN a preview WHEN a fourth presenter appears before Confirm THEN Confirm refuses and nothing is posted", async () => {
    const s = await setUp("changed");
    const { discord, calls } = recordingDiscord();
    const preview = await s.uc
      .preview(s.organiser, { ...options, includeAll: false }, discord)
      .catch((e) => e);
    // Nobody has a version yet: include:submitted has no presenters.
    expect(preview).toBeInstanceOf(UserError);
    const ok = await s.uc.preview(s.organiser, options, discord);
    await database.db.allocation.update({
      where: { id: s.allocated[0]!.id },
      data: { allocatedAt: new Date("2030-01-01T00:00:00Z") },
    });
    await expect(s.uc.confirm(s.organiser, ok.sessionId, ok.hash, discord)).rejects.toMatchObject({
      key: "presentation.error.changed",
    });
    expect(calls).toEqual([]);
  });

  it("GIVEN bad input WHEN previewed THEN a localised refusal and nothing is written", async () => {
    const s = await setUp("bad");
    const { discord } = recordingDiscord();
    const refused = async (o: Partial<ScheduleOptions>) =>
      (await s.uc.preview(s.organiser, { ...options, ...o }, discord).catch((e) => e)).key;
    expect(await refused({ date: "2026-03-01" })).toBe("presentation.error.startPast");
    expect(await refused({ date: "2026-04-30" })).toBe("presentation.error.startAfter");
    expect(await refused({ slotMinutes: 3 })).toBe("presentation.error.slot_shorter_than_qa");
    expect(await refused({ channelId: "text" })).toBe("presentation.error.channelKind");
    expect(await refused({ start: "25:99" })).toBe("presentation.error.badStart");
    const intern = { ...s.organiser, roles: new Set(["intern"] as const) };
    expect((await s.uc.preview(intern, options, discord).catch((e) => e)).key).toBe(
      "presentation.error.organiserOnly",
    );
    expect(await database.db.presentationSession.count({ where: { programmeId: s.programme.id } })).toBe(0);
  });

  async function scheduled(name: string) {
    const s = await setUp(name);
    const rec = recordingDiscord();
    const preview = await s.uc.preview(s.organiser, { ...options, breakEvery: 0 }, rec.discord);
    await s.uc.confirm(s.organiser, preview.sessionId, preview.hash, rec.discord);
    rec.calls.length = 0;
    s.queued.length = 0;
    const users = s.interns.map((i) => i.discordUserId);
    return { ...s, ...rec, users };
  }
  const times = (session: SessionRecord) =>
    session.slots
      .filter((x) => x.order > 0)
      .map((x) => [x.discordUserId, x.order, x.startsAt.toISOString().slice(11, 16), x.status]);

  it("GIVEN a schedule WHEN two swap THEN one transaction rewrites times, the event is PATCHed, the agenda edited in place, the two told", async () => {
    const s = await scheduled("swap");
    const [a, b, c] = s.users as [string, string, string];
    const out = await s.uc.swap(s.organiser, a, c, s.discord);
    expect(times(out.session)).toEqual([
      [c, 1, "05:00", "planned"],
      [b, 2, "05:12", "planned"],
      [a, 3, "05:24", "planned"],
    ]);
    expect(s.calls).toEqual([
      expect.stringMatching(new RegExp(`^event\\.move ${s.prefix}-event-1 `)),
      `agenda.edit ${s.prefix}-m-1`,
    ]);
    // The two whose slot changed get the notice of their new state; b's stays told.
    const noticeOf = (user: string) => {
      const slot = out.session.slots.find((x) => x.discordUserId === user)!;
      return slotNoticeJobId(slot.id, slotNoticeState(slot));
    };
    expect(s.queued).toEqual([noticeOf(c), noticeOf(a)]);
    expect(out.notified).toBe(2);
    // Reminders follow: b kept its three, a and c lost the old ids and got new ones.
    const ids = [...s.jobs.keys()];
    expect(ids).toHaveLength(9);
    for (const slot of out.session.slots) {
      const epoch = slot.startsAt.getTime() / 1000;
      for (const offset of [1440, 60, 10])
        expect(ids).toContain(`presentation-reminder-${slot.id}-${offset}-${epoch}`);
    }
  });

  it("GIVEN a schedule WHEN one is moved, one removed with its gap kept, then one with close-gap THEN the times follow", async () => {
    const s = await scheduled("move-remove");
    const [a, b, c] = s.users as [string, string, string];
    const moved = await s.uc.move(s.organiser, c, 1, s.discord);
    expect(times(moved.session).map((t) => t[0])).toEqual([c, a, b]);
    const kept = await s.uc.remove(s.organiser, a, false, s.discord);
    expect(times(kept.session)).toEqual([
      [c, 1, "05:00", "planned"],
      [a, 2, "05:12", "removed"],
      [b, 3, "05:24", "planned"],
    ]);
    const removedSlot = kept.session.slots.find((x) => x.discordUserId === a)!;
    expect(s.queued).toContain(slotNoticeJobId(removedSlot.id, "removed"));
    expect([...s.jobs.keys()].filter((id) => id.includes(removedSlot.id))).toEqual([]);
    await expect(s.uc.swap(s.organiser, a, b, s.discord)).rejects.toMatchObject({
      key: "presentation.error.noSlot",
    });
    const closed = await s.uc.remove(s.organiser, b, true, s.discord);
    expect(times(closed.session)).toEqual([
      [c, 1, "05:00", "planned"],
      [a, 2, "05:12", "removed"],
    ]);
    const set = await s.uc.setSlot(
      s.organiser,
      c,
      { minutes: 20, format: "text", position: null },
      s.discord,
    );
    expect(set.session.slots.find((x) => x.discordUserId === c)).toMatchObject({
      minutes: 20,
      format: "text",
    });
    expect(set.plan.endsAt.toISOString()).toBe("2026-03-26T05:32:00.000Z");
  });

  it("GIVEN the event was deleted in Discord WHEN a change follows THEN a new event is created and stored", async () => {
    const s = await scheduled("gone");
    const [a, b] = s.users as [string, string];
    s.dropEvent();
    const out = await s.uc.swap(s.organiser, a, b, s.discord);
    expect(out.eventMoved).toBe("recreated");
    expect(out.session.scheduledEventId).toBe(`${s.prefix}-event-2`);
  });

  it("GIVEN a scheduled day WHEN started, Next clicked twice, a no-show, +2 min and End THEN each applies once and presented interns move on", async () => {
    const s = await scheduled("live");
    const [a, b, c] = s.users as [string, string, string];
    // a has a version: presenting moves them submitted → presented; b has none and stays working.
    await createSubmissionStore(database.db).addVersion({
      guildId: "g1",
      programmeId: s.programme.id,
      memberId: s.interns[0]!.id,
      allocationId: s.allocated[0]!.id,
      actorUserId: a,
      submittedAt: clock,
      links: [{ label: "repository", url: "https://github.com/a/b" }],
      note: null,
      files: [],
      late: false,
      deadlineAt: null,
      manifestHash: (n) => `h${n}`,
    });
    clock = new Date("2026-03-26T05:03:00Z");
    const started = await s.uc.start(s.organiser, s.discord);
    expect(started.session.status).toBe("live");
    expect(started.session.currentOrder).toBe(1);
    expect(s.calls).toEqual([`event.status ${s.prefix}-event-1 active`, "stage.open", "live.post"]);
    const sessionId = started.session.id;

    const first = await s.uc.step(s.organiser, sessionId, "next", 1, s.discord);
    const second = await s.uc.step(s.organiser, sessionId, "next", 1, s.discord);
    expect(first.kind).toBe("changed");
    expect(second.kind).toBe("stale");
    expect(second.session.currentOrder).toBe(2);
    // Two clicks at once: one wins.
    const both = await Promise.all([
      s.uc.step(s.organiser, sessionId, "no_show", 2, s.discord),
      s.uc.step(s.organiser, sessionId, "no_show", 2, s.discord),
    ]);
    expect(both.map((o) => o.kind).sort()).toEqual(["changed", "stale"]);
    expect(s.calls.filter((x) => x === `noShow ${b}`)).toHaveLength(1);
    const plus = await s.uc.step(s.organiser, sessionId, "plus", 3, s.discord);
    expect(plus.session.delayMinutes).toBe(2);
    const ended = await s.uc.finish(s.organiser, "end", s.discord);
    expect(ended.status).toBe("completed");
    expect(times(ended)).toEqual([
      [a, 1, "05:00", "presented"],
      [b, 2, "05:12", "no_show"],
      [c, 3, "05:24", "presented"],
    ]);
    expect(s.calls).toContain(`event.status ${s.prefix}-event-1 completed`);
    const members = createMemberRepository(database.db);
    expect((await members.get(s.interns[0]!.id))?.stage).toBe("presented");
    expect((await members.get(s.interns[1]!.id))?.stage).toBe("working");
    const csv = await s.uc.exportOrder(s.organiser);
    expect(csv.content.split("\n")[0]).toBe(
      "position,discord_user_id,planned_start,minutes,format,status,started_at,ended_at",
    );
    expect(csv.content).toContain(`2,${b},2026-03-26T05:12:00.000Z,10,live,no_show,`);
    await expect(s.uc.step(s.organiser, sessionId, "next", 3, s.discord)).rejects.toMatchObject({
      key: "presentation.error.not_live",
    });
    clock = new Date("2026-03-20T00:00:00Z");
  });

  it("GIVEN a scheduled day WHEN cancelled THEN CANCELED in Discord; Next before the start is refused", async () => {
    const s = await scheduled("cancel");
    const open = await s.uc.move(s.organiser, s.users[0]!, 1, s.discord);
    await expect(s.uc.step(s.organiser, open.session.id, "next", 0, s.discord)).rejects.toMatchObject({
      key: "presentation.error.not_live",
    });
    const cancelled = await s.uc.finish(s.organiser, "cancel", s.discord);
    expect(cancelled.status).toBe("cancelled");
    expect(s.jobs.size).toBe(0);
    expect(s.calls).toContain(`event.status ${s.prefix}-event-1 cancelled`);
  });
});
