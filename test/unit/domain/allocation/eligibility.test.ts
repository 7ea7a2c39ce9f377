import { describe, expect, it } from "vitest";
import {
  type EligibilityContext,
  eligibleAssignments,
  indexHistory,
  ineligibilityReason,
} from "../../../../src/domain/allocation/eligibility.ts";
import { assignment, intern } from "./fixtures.ts";

const someone = intern({ id: "i1", discordUserId: "u1" });

function context(overrides: Partial<EligibilityContext> = {}): EligibilityContext {
  return { history: new Map(), taken: new Set(), method: "batch", ...overrides };
}

describe("ineligibilityReason", () => {
  it("GIVEN a retired, open assignment THEN the intern may get it", () => {
    expect(ineligibilityReason(someone, assignment({ id: "a1" }), context())).toBeNull();
  });

  it("GIVEN an assignment still used in recruitment THEN nobody may get it, not even by hand", () => {
    const live = assignment({ id: "a1", status: "active_in_recruitment" });
    for (const method of ["batch", "self_service", "manual", "swap"] as const) {
      expect(ineligibilityReason(someone, live, context({ method }))).toBe("not_retired");
    }
  });

  it("GIVEN an excluded assignment THEN nobody may get it", () => {
    expect(
      ineligibilityReason(someone, assignment({ id: "a1", excluded: true }), context({ method: "manual" })),
    ).toBe("excluded");
  });

  it("GIVEN a reserved assignment THEN only a manual allocation may use it", () => {
    const reserved = assignment({ id: "a1", reserved: true });
    expect(ineligibilityReason(someone, reserved, context({ method: "batch" }))).toBe("reserved");
    expect(ineligibilityReason(someone, reserved, context({ method: "self_service" }))).toBe("reserved");
    expect(ineligibilityReason(someone, reserved, context({ method: "manual" }))).toBeNull();
  });

  it("GIVEN the Discord user had the assignment in an earlier programme THEN they may not get it again", () => {
    const history = indexHistory([{ discordUserId: "u1", assignmentId: "a1" }]);
    expect(ineligibilityReason(someone, assignment({ id: "a1" }), context({ history }))).toBe(
      "previously_had",
    );
    const other = intern({ id: "i2", discordUserId: "u2" });
    expect(ineligibilityReason(other, assignment({ id: "a1" }), context({ history }))).toBeNull();
  });

  it("GIVEN an assignment another intern already has THEN it is taken", () => {
    expect(ineligibilityReason(someone, assignment({ id: "a1" }), context({ taken: new Set(["a1"]) }))).toBe(
      "taken",
    );
  });
});

describe("eligibleAssignments", () => {
  it("GIVEN a mixed library THEN only what the intern may get is listed, in input order", () => {
    const library = [
      assignment({ id: "a3" }),
      assignment({ id: "a1", status: "active_in_recruitment" }),
      assignment({ id: "a2", reserved: true }),
      assignment({ id: "a4", excluded: true }),
      assignment({ id: "a0" }),
    ];
    expect(eligibleAssignments(someone, library, context()).map((a) => a.id)).toEqual(["a3", "a0"]);
  });
});
