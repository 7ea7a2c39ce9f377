import { describe, expect, it } from "vitest";
import {
  type AttentionProgramme,
  attentionLines,
  type InternFacts,
  impliedGapDays,
  silentThreshold,
} from "../../../src/domain/attention/rules.ts";

const ZONE = "Asia/Tokyo";
/** 2026-05-20 10:00 JST. */
const NOW = new Date("2026-05-20T01:00:00Z");

const programme = (over: Partial<AttentionProgramme> = {}): AttentionProgramme => ({
  now: NOW,
  timeZone: ZONE,
  startsAt: new Date("2026-04-30T15:00:00Z"), // 2026-05-01 JST
  silentDays: 3,
  helpEscalateHours: 4,
  kickoffAt: null,
  deadlineAt: null,
  ...over,
});

const intern = (over: Partial<InternFacts> = {}): InternFacts => ({
  memberId: "m1",
  joinedAt: new Date("2026-04-30T15:00:00Z"),
  weeklyHours: 40,
  pausedUntil: null,
  activeDays: ["2026-05-19"],
  lastActiveDay: "2026-05-19",
  checkIns: 5,
  hasProject: true,
  hasSubmission: false,
  moods: [],
  oldestUnansweredAt: null,
  withdrawKeptAt: null,
  contacts: [],
  notes: [],
  ...over,
});

const reasons = (p: AttentionProgramme, i: InternFacts) => attentionLines(p, i).map((l) => l.evidence.reason);

describe("silent", () => {
  it("GIVEN 3 quiet days (the setting) THEN not yet; 4 THEN silent", () => {
    const three = intern({ activeDays: ["2026-05-17"], lastActiveDay: "2026-05-17" });
    const four = intern({ activeDays: ["2026-05-16"], lastActiveDay: "2026-05-16" });
    expect(reasons(programme(), three)).not.toContain("silent");
    expect(reasons(programme(), four)).toContain("silent");
  });

  it("GIVEN a pause covering today THEN never silent", () => {
    const quiet = intern({ activeDays: [], lastActiveDay: "2026-05-05", pausedUntil: "2026-05-20" });
    expect(reasons(programme(), quiet)).not.toContain("silent");
    expect(reasons(programme(), { ...quiet, pausedUntil: "2026-05-19" })).toContain("silent");
  });

  it("GIVEN a 2-days-a-week rhythm (Mon and Thu) THEN twice the median gap decides, not the setting", () => {
    const days = ["2026-05-07", "2026-05-11", "2026-05-14"];
    const rhythm = intern({ activeDays: days, lastActiveDay: "2026-05-14" });
    // gaps 4 and 3 → median 3.5 → 2× = 7 days
    expect(silentThreshold(programme(), rhythm)).toEqual({ thresholdDays: 7, basis: "rhythm" });
    expect(reasons(programme(), rhythm)).not.toContain("silent"); // 6 quiet days
    const later = programme({ now: new Date("2026-05-22T01:00:00Z") }); // 8 quiet days
    expect(reasons(later, rhythm)).toContain("silent");
  });

  it("GIVEN fewer than 14 days in the programme THEN the declared weekly hours stand in", () => {
    const early = programme({ now: new Date("2026-05-10T01:00:00Z") });
    const parttime = intern({
      weeklyHours: 16,
      activeDays: ["2026-05-02", "2026-05-05"],
      lastActiveDay: "2026-05-05",
    });
    expect(impliedGapDays(16)).toBe(3.5);
    expect(silentThreshold(early, parttime)).toEqual({ thresholdDays: 4, basis: "weekly_hours" });
    expect(reasons(early, parttime)).toContain("silent"); // 5 quiet days > 4
  });

  it("GIVEN midnight in the programme's zone THEN the day changes there, not in UTC", () => {
    const quiet = intern({ activeDays: ["2026-05-16"], lastActiveDay: "2026-05-16" });
    // 2026-05-19 23:59 JST: 3 quiet days; 00:00 JST on the 20th: 4.
    expect(reasons(programme({ now: new Date("2026-05-19T14:59:00Z") }), quiet)).not.toContain("silent");
    expect(reasons(programme({ now: new Date("2026-05-19T15:00:00Z") }), quiet)).toContain("silent");
  });
});

describe("the other reasons", () => {
  it("GIVEN 3 working days without a check-in THEN no_check_in; 2 THEN not", () => {
    const none = intern({ checkIns: 0 });
    expect(reasons(programme({ now: new Date("2026-05-03T01:00:00Z") }), none)).not.toContain("no_check_in");
    expect(reasons(programme({ now: new Date("2026-05-04T01:00:00Z") }), none)).toContain("no_check_in");
  });

  it("GIVEN no project 2 days after kick-off, or no submission 3 days before the deadline THEN behind_milestone", () => {
    const kickoff = new Date("2026-05-18T01:00:00Z");
    expect(reasons(programme({ kickoffAt: kickoff }), intern({ hasProject: false }))).toContain(
      "behind_milestone",
    );
    expect(
      reasons(programme({ kickoffAt: new Date("2026-05-18T01:00:01Z") }), intern({ hasProject: false })),
    ).not.toContain("behind_milestone");
    const deadline = new Date("2026-05-23T01:00:00Z");
    expect(reasons(programme({ deadlineAt: deadline }), intern())).toContain("behind_milestone");
    expect(reasons(programme({ deadlineAt: deadline }), intern({ hasSubmission: true }))).not.toContain(
      "behind_milestone",
    );
  });

  it("GIVEN a ticket unanswered past 2× escalation THEN help_unanswered; at exactly 2× THEN not", () => {
    const at8h = new Date(NOW.getTime() - 8 * 3_600_000);
    expect(reasons(programme(), intern({ oldestUnansweredAt: at8h }))).not.toContain("help_unanswered");
    const past = new Date(at8h.getTime() - 1000);
    expect(reasons(programme(), intern({ oldestUnansweredAt: past }))).toContain("help_unanswered");
  });

  it("GIVEN two low moods in a row, or one 2 below the mean THEN low_wellbeing", () => {
    const twice = intern({
      moods: [
        { localDate: "2026-05-18", mood: 2 },
        { localDate: "2026-05-19", mood: 1 },
      ],
    });
    expect(reasons(programme(), twice)).toContain("low_wellbeing");
    const drop = intern({
      moods: [
        { localDate: "2026-05-15", mood: 5 },
        { localDate: "2026-05-16", mood: 5 },
        { localDate: "2026-05-19", mood: 3 },
      ],
    });
    expect(reasons(programme(), drop)).toContain("low_wellbeing");
    const fine = intern({
      moods: [
        { localDate: "2026-05-18", mood: 2 },
        { localDate: "2026-05-19", mood: 3 },
      ],
    });
    expect(reasons(programme(), fine)).not.toContain("low_wellbeing");
  });

  it("GIVEN low wellbeing and silent, or a cancelled /withdraw within 7 days THEN withdrawal_risk", () => {
    const both = intern({
      activeDays: ["2026-05-14"],
      lastActiveDay: "2026-05-14",
      moods: [
        { localDate: "2026-05-13", mood: 1 },
        { localDate: "2026-05-14", mood: 2 },
      ],
    });
    expect(reasons(programme(), both)).toEqual(["withdrawal_risk", "low_wellbeing", "silent"]);
    const kept = intern({ withdrawKeptAt: new Date(NOW.getTime() - 7 * 86_400_000) });
    expect(reasons(programme(), kept)).toContain("withdrawal_risk");
    const old = intern({ withdrawKeptAt: new Date(NOW.getTime() - 7 * 86_400_000 - 1000) });
    expect(reasons(programme(), old)).not.toContain("withdrawal_risk");
  });

  it("GIVEN an open note THEN follow_up stays, overdue after its day, whatever the contacts", () => {
    const noted = intern({
      notes: [
        {
          id: "n1",
          text: "ask about hours",
          until: "2026-05-19",
          createdAt: new Date("2026-05-12T00:00:00Z"),
        },
      ],
      contacts: [{ reason: "all", at: new Date(NOW.getTime() - 3_600_000) }],
    });
    const lines = attentionLines(programme(), noted);
    expect(lines.map((l) => l.evidence)).toEqual([
      { reason: "follow_up", noteId: "n1", text: "ask about hours", until: "2026-05-19", overdue: true },
    ]);
  });
});

describe("Contacted hides a reason for 72 h unless a new signal arrives", () => {
  const quiet = intern({ activeDays: ["2026-05-10"], lastActiveDay: "2026-05-10" });

  it("GIVEN a contact 71 h ago THEN hidden; 72 h ago THEN shown again", () => {
    const recent = {
      ...quiet,
      contacts: [{ reason: "silent", at: new Date(NOW.getTime() - 71 * 3_600_000) }],
    };
    expect(reasons(programme(), recent)).not.toContain("silent");
    const expired = {
      ...quiet,
      contacts: [{ reason: "silent", at: new Date(NOW.getTime() - 72 * 3_600_000) }],
    };
    expect(reasons(programme(), expired)).toContain("silent");
  });

  it("GIVEN a signal that began after the contact THEN it shows at once", () => {
    const contactAt = new Date(NOW.getTime() - 3_600_000);
    const ticket = new Date(NOW.getTime() - 9 * 3_600_000); // past 2× (8 h) 1 h ago, i.e. at the contact
    const later = {
      ...quiet,
      oldestUnansweredAt: new Date(ticket.getTime() + 60_000),
      contacts: [{ reason: "all", at: new Date(contactAt.getTime() - 120_000) }],
    };
    const shown = reasons(programme(), later);
    expect(shown).not.toContain("silent");
    expect(shown).toContain("help_unanswered");
  });
});
