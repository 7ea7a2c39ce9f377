import { describe, expect, it } from "vitest";
import { digestCronPattern, parseDigestSetting, recentWeek } from "../../../../src/domain/agency/digest.ts";
import { deriveFunnel, type JourneyFacts, journeyPhase } from "../../../../src/domain/agency/funnel.ts";
import type { InternStage } from "../../../../src/domain/enums.ts";

const intern = (stage: InternStage | null, reached: InternStage[], everAllocated = false): JourneyFacts => ({
  stage,
  everAllocated,
  reachedStages: new Set(reached),
});

describe("journeyPhase", () => {
  it("places each intern at the furthest phase reached", () => {
    expect(journeyPhase(intern("applied", ["applied"]))).toBeNull();
    expect(journeyPhase(intern("onboarded", ["applied", "onboarded"]))).toBe("meet");
    expect(journeyPhase(intern("onboarded", ["onboarded"], true))).toBe("match");
    expect(journeyPhase(intern("submitted", ["onboarded", "working", "submitted"], true))).toBe("trial");
    expect(journeyPhase(intern("completed", ["onboarded", "working", "presented", "completed"], true))).toBe(
      "followup",
    );
  });

  it("counts a withdrawal at the phase the intern left", () => {
    expect(journeyPhase(intern("withdrawn", ["onboarded", "working", "withdrawn"], true))).toBe("trial");
    expect(journeyPhase(intern("withdrawn", ["onboarded", "withdrawn"], true))).toBe("match");
    expect(journeyPhase(intern("withdrawn", ["withdrawn"]))).toBe("meet");
  });
});

describe("deriveFunnel", () => {
  it("counts reached, current and withdrawn per phase in journey order", () => {
    const rows = deriveFunnel([
      intern("onboarded", ["onboarded"]),
      intern("onboarded", ["onboarded"], true),
      intern("working", ["onboarded", "working"], true),
      intern("withdrawn", ["onboarded", "working", "withdrawn"], true),
      intern("completed", ["onboarded", "working", "presented", "completed"], true),
      intern("withdrawn", ["onboarded", "withdrawn"]),
      intern("applied", ["applied"]),
    ]);
    expect(rows).toEqual([
      { phase: "meet", reached: 6, current: 1, withdrawn: 1 },
      { phase: "match", reached: 4, current: 1, withdrawn: 0 },
      { phase: "trial", reached: 3, current: 1, withdrawn: 1 },
      { phase: "followup", reached: 1, current: 1, withdrawn: 0 },
    ]);
  });

  it("has every phase at zero for nobody", () => {
    expect(deriveFunnel([]).map((r) => r.reached)).toEqual([0, 0, 0, 0]);
  });
});

describe("digest settings", () => {
  it("accepts English and Japanese weekdays and H:mm, and names the wrong field", () => {
    expect(parseDigestSetting({ delivery: "dm", weekday: "Mon", time: "9:05" })).toEqual({
      ok: true,
      value: { delivery: "dm", weekday: 1, time: "09:05" },
    });
    expect(parseDigestSetting({ delivery: "thread", weekday: "金曜日", time: "18:30" })).toMatchObject({
      ok: true,
      value: { weekday: 5 },
    });
    expect(parseDigestSetting({ delivery: "dm", weekday: "someday", time: "09:00" })).toEqual({
      ok: false,
      field: "weekday",
    });
    expect(parseDigestSetting({ delivery: "dm", weekday: "sun", time: "24:00" })).toEqual({
      ok: false,
      field: "time",
    });
    expect(parseDigestSetting({ delivery: "email", weekday: "sun", time: "09:00" })).toEqual({
      ok: false,
      field: "delivery",
    });
  });

  it("becomes a cron pattern and a 7-day window in the programme's zone", () => {
    expect(digestCronPattern({ weekday: 1, time: "09:05" })).toBe("5 9 * * 1");
    // 2026-12-06 23:30 UTC is Monday 2026-12-07 08:30 in Tokyo.
    expect(recentWeek(new Date("2026-12-06T23:30:00Z"), "Asia/Tokyo")).toEqual({
      from: "2026-12-01",
      to: "2026-12-07",
      key: "2026-12-07",
    });
  });
});
