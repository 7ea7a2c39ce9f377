import { describe, expect, it } from "vitest";
import {
  appliedTags,
  checkClaim,
  checkRelease,
  checkResolve,
  escalationDue,
  forumTagsWith,
  type HelpTicket,
  nextEscalation,
  STATUS_TAGS,
} from "../../../../src/domain/helpdesk/rules.ts";

const asked = new Date("2026-04-02T10:00:00Z");
const ticket = (overrides: Partial<HelpTicket> = {}): HelpTicket => ({
  id: "t1",
  programmeId: "p1",
  askerId: "intern",
  title: "401",
  question: "why",
  tagIds: [],
  private: false,
  anonymous: false,
  status: "open",
  claimedById: null,
  forumThreadId: "th1",
  messageId: "th1",
  createdAt: asked,
  firstStaffReplyAt: null,
  escalationLevel: 0,
  closedAt: null,
  resolvedById: null,
  ...overrides,
});

describe("help desk rules", () => {
  it("GIVEN a forum with some tags WHEN tags are ensured twice THEN the missing ones are added once, status tags moderated", () => {
    const first = forumTagsWith([{ id: "1", name: "Git", moderated: false }], ["Git", "インフラ"]);
    expect(first.changed).toBe(true);
    expect(first.tags.map((t) => [t.name, t.moderated])).toEqual([
      ["Git", false],
      [STATUS_TAGS.open, true],
      [STATUS_TAGS.working, true],
      [STATUS_TAGS.resolved, true],
      ["インフラ", false],
    ]);
    const withIds = first.tags.map((t, i) => ({ ...t, id: t.id ?? `n${i}` }));
    expect(forumTagsWith(withIds, ["Git", "インフラ"]).changed).toBe(false);
  });

  it("GIVEN 20 tags already THEN none is added (Discord's limit)", () => {
    const full = Array.from({ length: 20 }, (_, i) => ({ id: `${i}`, name: `t${i}`, moderated: false }));
    expect(forumTagsWith(full, ["new"])).toEqual({ tags: full, changed: false });
  });

  it("GIVEN a status change THEN the post keeps its topic tag and swaps the status tag", () => {
    const forum = [
      { id: "g", name: "Git", moderated: false },
      { id: "o", name: STATUS_TAGS.open, moderated: true },
      { id: "w", name: STATUS_TAGS.working, moderated: true },
      { id: "r", name: STATUS_TAGS.resolved, moderated: true },
    ];
    expect(appliedTags(forum, ["g"], "open")).toEqual(["g", "o"]);
    expect(appliedTags(forum, ["g", "o"], "claimed")).toEqual(["g", "w"]);
    expect(appliedTags(forum, ["gone"], "closed")).toEqual(["r"]);
  });

  it("GIVEN a claimed ticket THEN another claim names the holder; the holder's own is 'mine'; closed is refused", () => {
    expect(checkClaim(ticket(), "m1")).toEqual({ ok: true });
    expect(checkClaim(ticket({ claimedById: "m1", status: "claimed" }), "m2")).toEqual({
      ok: false,
      problem: "claimed",
      holderId: "m1",
    });
    expect(checkClaim(ticket({ claimedById: "m1" }), "m1")).toEqual({ ok: false, problem: "mine" });
    expect(checkClaim(ticket({ status: "closed" }), "m1")).toEqual({ ok: false, problem: "closed" });
  });

  it("GIVEN release and resolve THEN only the holder or an organiser releases; the asker or staff resolve", () => {
    const held = ticket({ claimedById: "m1", status: "claimed" });
    expect(checkRelease(held, "m2", false)).toEqual({ ok: false, problem: "notHolder" });
    expect(checkRelease(held, "m2", true)).toEqual({ ok: true });
    expect(checkRelease(ticket(), "m1", false)).toEqual({ ok: false, problem: "notClaimed" });
    expect(checkResolve(ticket(), "intern", false)).toEqual({ ok: true });
    expect(checkResolve(ticket(), "other-intern", false)).toEqual({ ok: false, problem: "notAllowed" });
    expect(checkResolve(ticket(), "mentor", true)).toEqual({ ok: true });
    expect(checkResolve(ticket({ status: "closed" }), "intern", false)).toEqual({
      ok: false,
      problem: "closed",
    });
  });

  it("GIVEN 4 hours THEN level 1 is due at 4 h, level 2 at 8 h, and a staff reply or resolution settles it", () => {
    expect(nextEscalation(ticket(), 4)).toEqual({ level: 1, dueAt: new Date("2026-04-02T14:00:00Z") });
    expect(nextEscalation(ticket({ escalationLevel: 1 }), 4)).toEqual({
      level: 2,
      dueAt: new Date("2026-04-02T18:00:00Z"),
    });
    expect(nextEscalation(ticket({ escalationLevel: 2 }), 4)).toBeNull();
    expect(nextEscalation(ticket({ firstStaffReplyAt: asked }), 4)).toBeNull();
    expect(nextEscalation(ticket({ status: "closed" }), 4)).toBeNull();
    const justBefore = new Date("2026-04-02T13:59:59Z");
    expect(escalationDue(ticket(), 4, 1, justBefore)).toBe("early");
    expect(escalationDue(ticket(), 4, 1, new Date("2026-04-02T14:00:00Z"))).toBe("due");
    expect(escalationDue(ticket({ escalationLevel: 1 }), 4, 1, justBefore)).toBe("settled");
  });
});
