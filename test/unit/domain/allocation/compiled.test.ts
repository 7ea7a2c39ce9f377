import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../scripts/harness/synthetic.ts";
import { compileInstance, PairScorer } from "../../../../src/domain/allocation/compiled.ts";
import { indexHistory } from "../../../../src/domain/allocation/eligibility.ts";
import { remainingWeeks, scoreFit } from "../../../../src/domain/allocation/score.ts";

describe("PairScorer", () => {
  it("GIVEN a seeded instance THEN the compiled scorer agrees with scoreFit on every pair", () => {
    const instance = generateInstance({ seed: 11, interns: 40, assignments: 60 });
    const weeks = remainingWeeks(instance.programme);
    const compiled = compileInstance(instance.interns, instance.assignments, {
      weeks,
      history: indexHistory(instance.history),
      taken: new Set(),
      method: "batch",
    });
    const scorer = new PairScorer(compiled);
    compiled.interns.forEach((intern, i) => {
      scorer.load(i);
      compiled.assignments.forEach((assignment, a) => {
        const fit = scoreFit(intern, assignment, { weeks });
        expect(scorer.score(a)).toBe(fit.total);
      });
      scorer.unload();
    });
  });

  it("GIVEN messy input (duplicate skills, blank names, hours unknown) THEN both scorers still agree", () => {
    const interns = [
      {
        id: "i1",
        discordUserId: "u1",
        skills: [
          { name: "Go", level: 2 },
          { name: " go ", level: 4 },
          { name: "", level: 5 },
        ],
        interests: ["API", "api", ""],
        hoursPerWeek: null,
        preferences: ["a2", "a2", "missing"],
      },
    ];
    const assignments = [
      {
        id: "a2",
        status: "retired" as const,
        level: 4,
        skills: ["GO", "Go", "SQL"],
        tags: ["api"],
        estimatedHours: 30,
      },
      { id: "a1", status: "retired" as const, level: 9, skills: [], estimatedHours: 0 },
    ];
    const compiled = compileInstance(interns, assignments, {
      weeks: 4,
      history: new Map(),
      taken: new Set(),
      method: "batch",
    });
    const scorer = new PairScorer(compiled);
    scorer.load(0);
    compiled.assignments.forEach((assignment, a) => {
      expect(scorer.score(a)).toBe(scoreFit(interns[0]!, assignment, { weeks: 4 }).total);
    });
  });
});
