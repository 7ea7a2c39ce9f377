import { describe, expect, it } from "vitest";
import {
  FIT_WEIGHTS,
  hoursBand,
  MAX_FIT_SCORE,
  normaliseTerm,
  remainingWeeks,
  scoreFit,
} from "../../../../src/domain/allocation/score.ts";
import { assignment, intern, programme } from "./fixtures.ts";

const context = { weeks: 6 };

describe("scoreFit", () => {
  it("GIVEN the weights THEN they add up to 100", () => {
    expect(MAX_FIT_SCORE).toBe(100);
    expect(Object.values(FIT_WEIGHTS).reduce((sum, w) => sum + w, 0)).toBe(100);
  });

  it("GIVEN a perfect fit that is the intern's first wish THEN it scores 100 with every criterion full", () => {
    const fit = scoreFit(
      intern({ id: "i1", interests: ["web"], preferences: ["a1"], hoursPerWeek: 10 }),
      assignment({ id: "a1", tags: ["web"], estimatedHours: 40 }),
      context,
    );
    expect(fit.total).toBe(100);
    expect(fit.breakdown).toEqual({ level: 30, skills: 30, interests: 15, hours: 15, preference: 10 });
  });

  it("GIVEN an intern who typed a skill and an interest in lower case THEN the reasons name the skill as the library writes it and the interest as the intern typed it", () => {
    const fit = scoreFit(
      intern({ id: "i1", skills: [{ name: "typescript", level: 3 }], interests: ["Web Design"] }),
      assignment({ id: "a1", skills: ["TypeScript"], tags: ["web design"] }),
      context,
    );
    expect(fit.reasons).toContainEqual({
      code: "skill_match",
      vars: { skill: "TypeScript", internLevel: 3 },
    });
    expect(fit.reasons).toContainEqual({ code: "interest_match", vars: { interest: "Web Design" } });
  });

  it("GIVEN an intern missing one of two skills THEN the score drops but stays well above zero", () => {
    const full = scoreFit(intern({ id: "i1" }), assignment({ id: "a1", skills: ["TypeScript"] }), context);
    const half = scoreFit(
      intern({ id: "i1" }),
      assignment({ id: "a1", skills: ["TypeScript", "React"] }),
      context,
    );
    expect(half.total).toBeLessThan(full.total);
    expect(half.breakdown.skills).toBe(15);
    expect(half.total).toBeGreaterThan(50);
    expect(half.reasons).toContainEqual({ code: "skill_missing", vars: { skill: "React" } });
  });

  it("GIVEN an intern with none of the skills THEN the pair still gets a score from level and hours", () => {
    const fit = scoreFit(
      intern({ id: "i1", skills: [{ name: "Python", level: 2 }] }),
      assignment({ id: "a1", skills: ["Go"], level: 2 }),
      context,
    );
    expect(fit.breakdown.skills).toBe(0);
    expect(fit.total).toBeGreaterThan(0);
  });

  it("GIVEN the same pair with and without a preference THEN the wish raises the score by rank", () => {
    const plain = scoreFit(intern({ id: "i1" }), assignment({ id: "a1" }), context).total;
    const ranks = ["a1", "a2", "a3"].map(
      (_, k) =>
        scoreFit(
          intern({ id: "i1", preferences: ["x", "y", "z"].map((id, r) => (r === k ? "a1" : id)) }),
          assignment({ id: "a1" }),
          context,
        ).total,
    );
    expect(ranks[0]).toBeGreaterThan(ranks[1]!);
    expect(ranks[1]).toBeGreaterThan(ranks[2]!);
    expect(ranks[2]).toBeGreaterThan(plain);
  });

  it("GIVEN a fourth preference THEN it does not count", () => {
    const fit = scoreFit(
      intern({ id: "i1", preferences: ["x", "y", "z", "a1"] }),
      assignment({ id: "a1" }),
      context,
    );
    expect(fit.breakdown.preference).toBe(0);
  });

  it("GIVEN a task two levels too hard THEN it scores far below one a level above (a stretch)", () => {
    const stretch = scoreFit(intern({ id: "i1" }), assignment({ id: "a1", level: 4 }), context);
    const tooHard = scoreFit(intern({ id: "i1" }), assignment({ id: "a1", level: 5 }), context);
    expect(stretch.breakdown.level).toBeGreaterThan(tooHard.breakdown.level);
    expect(stretch.reasons[0]?.code).toBe("level_stretch");
    expect(tooHard.reasons[0]?.code).toBe("level_too_hard");
  });

  it("GIVEN any pair THEN the total is an integer in [0, 100] and equals the breakdown's sum", () => {
    for (const level of [1, 2, 3, 4, 5]) {
      for (const hours of [5, 40, 80, 120, 400]) {
        const fit = scoreFit(
          intern({ id: "i1", skills: [{ name: "Go", level: 1 }], interests: ["api"], preferences: ["a1"] }),
          assignment({
            id: "a1",
            level,
            estimatedHours: hours,
            skills: ["Go", "SQL", "Docker"],
            tags: ["api"],
          }),
          context,
        );
        expect(Number.isInteger(fit.total)).toBe(true);
        expect(fit.total).toBeGreaterThanOrEqual(0);
        expect(fit.total).toBeLessThanOrEqual(100);
        expect(Object.values(fit.breakdown).reduce((sum, p) => sum + p, 0)).toBe(fit.total);
      }
    }
  });

  it("GIVEN reasons THEN they are codes with variables, never sentences", () => {
    const fit = scoreFit(
      intern({ id: "i1", interests: ["web"], hoursPerWeek: null }),
      assignment({ id: "a1", skills: ["TypeScript", "React"], tags: ["web"] }),
      context,
    );
    for (const reason of fit.reasons) expect(reason.code).toMatch(/^[a-z_]+$/);
    expect(fit.reasons.map((r) => r.code)).toEqual([
      "level_match",
      "skill_match",
      "skill_missing",
      "interest_match",
      "hours_unknown",
    ]);
  });

  it("GIVEN skills spelt differently (case, full-width, spaces) THEN they match", () => {
    expect(normaliseTerm("  ＲＥＡＣＴ  Native ")).toBe("react native");
    const fit = scoreFit(
      intern({ id: "i1", skills: [{ name: "React  Native", level: 3 }] }),
      assignment({ id: "a1", skills: ["ＲＥＡＣＴ Native"] }),
      context,
    );
    expect(fit.breakdown.skills).toBe(30);
  });

  it("GIVEN the same input twice THEN the fit is identical", () => {
    const i = intern({ id: "i1", interests: ["web", "ui"], preferences: ["a1"] });
    const a = assignment({ id: "a1", skills: ["TypeScript", "CSS"], tags: ["ui"] });
    expect(scoreFit(i, a, context)).toEqual(scoreFit(i, a, context));
  });
});

describe("hours", () => {
  it("GIVEN an estimate against the hours available THEN it falls in the documented band", () => {
    expect(hoursBand(10, 100)).toBe("light");
    expect(hoursBand(60, 100)).toBe("fit");
    expect(hoursBand(120, 100)).toBe("tight");
    expect(hoursBand(190, 100)).toBe("over");
    expect(hoursBand(300, 100)).toBe("far_over");
    expect(hoursBand(300, null)).toBe("unknown");
  });

  it("GIVEN a programme already under way THEN only the weeks left count", () => {
    expect(remainingWeeks(programme)).toBe(6);
    expect(remainingWeeks(programme, new Date("2025-04-15T00:00:00Z"))).toBe(4);
    expect(remainingWeeks(programme, new Date("2025-06-01T00:00:00Z"))).toBe(0);
  });
});
