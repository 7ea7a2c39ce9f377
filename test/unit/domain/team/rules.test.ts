import { describe, expect, it } from "vitest";
import {
  isLocked,
  joinProblem,
  limitsProblem,
  normaliseTeamName,
  TEAM_NAME_MAX,
} from "../../../../src/domain/team/rules.ts";

describe("team rules", () => {
  it("normalises a name (width, spaces) and refuses empty, too long or pinging ones", () => {
    expect(normaliseTeamName("  Ｒｏｃｋｅｔ   Crew ")).toBe("Rocket Crew");
    expect(normaliseTeamName("チーム　あ")).toBe("チーム あ");
    expect(normaliseTeamName("   ")).toBeNull();
    expect(normaliseTeamName("x".repeat(TEAM_NAME_MAX))).toBe("x".repeat(TEAM_NAME_MAX));
    expect(normaliseTeamName("x".repeat(TEAM_NAME_MAX + 1))).toBeNull();
    for (const bad of ["@everyone", "<@123>", "#general", "a`b"]) expect(normaliseTeamName(bad)).toBeNull();
  });

  it("checks size limits together", () => {
    expect(limitsProblem({ min: 1, max: 4 })).toBeNull();
    expect(limitsProblem({ min: 3, max: 3 })).toBeNull();
    expect(limitsProblem({ min: 3, max: 2 })).toBe("order");
    expect(limitsProblem({ min: 0, max: 2 })).toBe("range");
    expect(limitsProblem({ min: 1, max: 11 })).toBe("range");
    expect(limitsProblem({ min: 1.5, max: 2 })).toBe("range");
  });

  it("locks from the instant set, by the programme or the team", () => {
    const now = new Date("2026-01-10T09:00:00Z");
    const before = new Date(now.getTime() - 1);
    const after = new Date(now.getTime() + 1);
    expect(isLocked(null, null, now)).toBe(false);
    expect(isLocked(null, after, now)).toBe(false);
    expect(isLocked(null, now, now)).toBe(true);
    expect(isLocked({ lockedAt: before }, null, now)).toBe(true);
    expect(isLocked({ lockedAt: after }, null, now)).toBe(false);
  });

  it("names the first thing that stops a join: lock, then another team, then size", () => {
    const limits = { min: 1, max: 2 };
    expect(joinProblem({ size: 1, limits, locked: false, alreadyInTeam: false })).toBeNull();
    expect(joinProblem({ size: 2, limits, locked: false, alreadyInTeam: false })).toBe("full");
    expect(joinProblem({ size: 2, limits, locked: false, alreadyInTeam: true })).toBe("alreadyInTeam");
    expect(joinProblem({ size: 2, limits, locked: true, alreadyInTeam: true })).toBe("locked");
  });
});
