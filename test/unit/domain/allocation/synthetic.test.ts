import { describe, expect, it } from "vitest";
import { generateInstance } from "../../../../scripts/harness/synthetic.ts";

describe("generateInstance", () => {
  it("GIVEN the same seed THEN the same instance; another seed, another instance", () => {
    const options = { seed: 42, interns: 50, assignments: 60 };
    expect(generateInstance(options)).toEqual(generateInstance(options));
    expect(generateInstance({ ...options, seed: 43 })).not.toEqual(generateInstance(options));
  });

  it("GIVEN the defaults THEN values stay in the documented ranges", () => {
    const { interns, assignments, history } = generateInstance({ seed: 1, interns: 500, assignments: 600 });
    const ids = new Set(assignments.map((a) => a.id));
    for (const a of assignments) {
      expect(a.level).toBeGreaterThanOrEqual(1);
      expect(a.level).toBeLessThanOrEqual(5);
      expect(a.estimatedHours).toBeGreaterThanOrEqual(10);
      expect(a.estimatedHours).toBeLessThanOrEqual(120);
      expect(a.skills.length).toBeGreaterThan(0);
    }
    for (const i of interns) {
      if (i.hoursPerWeek !== null) {
        expect(i.hoursPerWeek).toBeGreaterThanOrEqual(5);
        expect(i.hoursPerWeek).toBeLessThanOrEqual(40);
      }
      expect(i.preferences.length).toBeLessThanOrEqual(3);
      for (const id of i.preferences) expect(ids.has(id)).toBe(true);
      for (const skill of i.skills) expect(skill.level).toBeGreaterThanOrEqual(1);
    }
    expect(assignments.filter((a) => a.status === "retired").length / assignments.length).toBeGreaterThan(
      0.85,
    );
    expect(assignments.some((a) => a.excluded)).toBe(true);
    expect(assignments.some((a) => a.reserved)).toBe(true);
    expect(history.length).toBeGreaterThan(0);
  });
});
