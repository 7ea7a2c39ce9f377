import { describe, expect, it } from "vitest";
import {
  milestoneReminderJobId,
  planMilestoneReminders,
  REMINDED_KINDS,
} from "../../../../src/domain/programme/reminders.ts";

const H = 3_600_000;
const AT = new Date("2030-06-28T09:00:00Z");
const hoursBefore = (hours: number) => new Date(AT.getTime() - hours * H);

describe("planMilestoneReminders", () => {
  it("GIVEN leads of 72 and 24 h three days and more ahead THEN both, soonest first, each at its lead before the milestone", () => {
    expect(
      planMilestoneReminders({
        kind: "submission_deadline",
        at: AT,
        leadHours: [24, 72, 24],
        now: hoursBefore(100),
      }),
    ).toEqual([
      { leadHours: 72, dueAt: hoursBefore(72) },
      { leadHours: 24, dueAt: hoursBefore(24) },
    ]);
  });

  it("GIVEN the kick-off or the debrief, a past milestone, or no leads THEN none", () => {
    expect(REMINDED_KINDS.has("kickoff") || REMINDED_KINDS.has("debrief")).toBe(false);
    for (const kind of ["kickoff", "debrief"] as const)
      expect(planMilestoneReminders({ kind, at: AT, leadHours: [24], now: hoursBefore(48) })).toEqual([]);
    expect(planMilestoneReminders({ kind: "presentation", at: AT, leadHours: [24], now: AT })).toEqual([]);
    expect(planMilestoneReminders({ kind: "midpoint", at: AT, leadHours: [], now: hoursBefore(48) })).toEqual(
      [],
    );
  });

  it("GIVEN a reminder already due THEN it is left out, unless it came due since `includeDueSince` and the milestone is still ahead", () => {
    const now = hoursBefore(23);
    expect(planMilestoneReminders({ kind: "presentation", at: AT, leadHours: [24, 3], now })).toEqual([
      { leadHours: 3, dueAt: hoursBefore(3) },
    ]);
    expect(
      planMilestoneReminders({
        kind: "presentation",
        at: AT,
        leadHours: [24, 3],
        now,
        includeDueSince: hoursBefore(25),
      }),
    ).toEqual([
      { leadHours: 24, dueAt: hoursBefore(24) },
      { leadHours: 3, dueAt: hoursBefore(3) },
    ]);
    expect(
      planMilestoneReminders({
        kind: "presentation",
        at: AT,
        leadHours: [24],
        now,
        includeDueSince: hoursBefore(23.5),
      }),
    ).toEqual([]);
  });

  it("GIVEN the same milestone, lead and time THEN the same job id; another time or lead THEN another", () => {
    expect(milestoneReminderJobId("m1", 24, AT)).toBe(`milestone-reminder-m1-24h-${AT.getTime() / 1000}`);
    expect(milestoneReminderJobId("m1", 24, new Date(AT.getTime() + 60_000))).not.toBe(
      milestoneReminderJobId("m1", 24, AT),
    );
    expect(milestoneReminderJobId("m1", 72, AT)).not.toBe(milestoneReminderJobId("m1", 24, AT));
  });
});
