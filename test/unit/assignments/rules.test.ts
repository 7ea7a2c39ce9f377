import { describe, expect, it } from "vitest";
import type { AllocationAssignment, AllocationIntern } from "../../../src/domain/allocation/types.ts";
import { claimCandidates, claimRefusal } from "../../../src/domain/assignment/claim.ts";
import { allocationFingerprint } from "../../../src/domain/assignment/fingerprint.ts";
import { swapDeadline, swapRefusal } from "../../../src/domain/assignment/swap.ts";

const day = 86_400_000;
const t0 = new Date("2026-04-01T00:00:00Z");

describe("swap rule", () => {
  const zone = "Asia/Tokyo";
  // 1 April, 09:00 in Tokyo: a 3-day window ends at the end of 4 April there.
  const endOfFourthApril = new Date("2026-04-04T14:59:59.999Z");
  it("GIVEN an allocation 2 days ago with a 3-day window THEN a swap is allowed", () => {
    expect(
      swapRefusal({
        liveAllocatedAt: t0,
        methods: ["batch"],
        windowDays: 3,
        timeZone: zone,
        now: new Date(t0.getTime() + 2 * day),
      }),
    ).toBeNull();
  });
  it("GIVEN three days to the hour have passed but not the third local day THEN a swap is still allowed; after its last moment THEN window_closed", () => {
    const situation = { liveAllocatedAt: t0, methods: ["batch"], windowDays: 3, timeZone: zone };
    expect(swapRefusal({ ...situation, now: new Date(t0.getTime() + 3 * day + 1) })).toBeNull();
    expect(swapRefusal({ ...situation, now: endOfFourthApril })).toBeNull();
    expect(swapRefusal({ ...situation, now: new Date(endOfFourthApril.getTime() + 1) })).toBe(
      "window_closed",
    );
  });
  it("GIVEN a swap already made THEN already_swapped", () => {
    expect(
      swapRefusal({
        liveAllocatedAt: t0,
        methods: ["batch", "swap"],
        windowDays: 3,
        timeZone: zone,
        now: t0,
      }),
    ).toBe("already_swapped");
  });
  it("GIVEN no live allocation THEN no_assignment", () => {
    expect(swapRefusal({ liveAllocatedAt: null, methods: [], windowDays: 3, timeZone: zone, now: t0 })).toBe(
      "no_assignment",
    );
  });
  it("GIVEN a window of 3 days THEN the deadline is the end of the third local day after, in the programme's zone", () => {
    expect(swapDeadline(t0, 3, zone)?.toISOString()).toBe("2026-04-04T14:59:59.999Z");
    // 23:30 in Tokyo on 1 April is still 1 April there: the same deadline.
    expect(swapDeadline(new Date("2026-04-01T14:30:00Z"), 3, zone)?.toISOString()).toBe(
      "2026-04-04T14:59:59.999Z",
    );
    // The same instant in London is 1 April, 01:00: the end of 4 April in London (summer time).
    expect(swapDeadline(t0, 3, "Europe/London")?.toISOString()).toBe("2026-04-04T22:59:59.999Z");
  });
  it("GIVEN a window of 0 days THEN swaps are off: no deadline, and swaps_off before anything else but no_assignment", () => {
    expect(swapDeadline(t0, 0, zone)).toBeNull();
    expect(
      swapRefusal({
        liveAllocatedAt: t0,
        methods: ["batch", "swap"],
        windowDays: 0,
        timeZone: zone,
        now: t0,
      }),
    ).toBe("swaps_off");
    expect(swapRefusal({ liveAllocatedAt: null, methods: [], windowDays: 0, timeZone: zone, now: t0 })).toBe(
      "no_assignment",
    );
  });
});

describe("claim rules", () => {
  it("GIVEN the intern's standing THEN refusals come in a kind order", () => {
    expect(claimRefusal({ stage: "withdrawn", selfServiceEnabled: true, hasLiveAllocation: false })).toBe(
      "withdrawn",
    );
    expect(claimRefusal({ stage: "working", selfServiceEnabled: false, hasLiveAllocation: true })).toBe(
      "already_allocated",
    );
    expect(claimRefusal({ stage: "onboarded", selfServiceEnabled: false, hasLiveAllocation: false })).toBe(
      "disabled",
    );
    expect(
      claimRefusal({ stage: "onboarded", selfServiceEnabled: true, hasLiveAllocation: false }),
    ).toBeNull();
  });

  const intern: AllocationIntern = {
    id: "m1",
    discordUserId: "u1",
    skills: [{ name: "TypeScript", level: 3 }],
    interests: [],
    hoursPerWeek: 10,
    preferences: [],
  };
  const assignment = (id: string, overrides: Partial<AllocationAssignment> = {}): AllocationAssignment => ({
    id,
    status: "retired",
    level: 3,
    skills: ["typescript"],
    estimatedHours: 20,
    ...overrides,
  });

  it("GIVEN a library THEN only open assignments are offered, best first", () => {
    const ranked = claimCandidates(
      intern,
      [
        assignment("fit"),
        assignment("python", { skills: ["python"] }),
        assignment("live", { status: "active_in_recruitment" }),
        assignment("excluded", { excluded: true }),
        assignment("reserved", { reserved: true }),
        assignment("taken"),
        assignment("had"),
      ],
      {
        taken: new Set(["taken"]),
        history: [{ discordUserId: "u1", assignmentId: "had" }],
        programme: { startsAt: t0, endsAt: new Date(t0.getTime() + 28 * day) },
        now: t0,
      },
    );
    expect(ranked.map((c) => c.assignmentId)).toEqual(["fit", "python"]);
  });
});

describe("allocation fingerprint", () => {
  const base = {
    interns: [
      { id: "a", discordUserId: "1", skills: [], interests: [], hoursPerWeek: null, preferences: [] },
    ],
    assignments: [
      { id: "x", versionId: "v1", status: "retired" as const, level: 1, skills: [], estimatedHours: 1 },
    ],
    existing: [],
    history: [],
  };
  it("GIVEN the same inputs in another order THEN the same fingerprint; GIVEN a new version THEN another", () => {
    expect(allocationFingerprint(base)).toBe(
      allocationFingerprint({ ...base, interns: [...base.interns].reverse() }),
    );
    expect(allocationFingerprint(base)).not.toBe(
      allocationFingerprint({ ...base, assignments: [{ ...base.assignments[0]!, versionId: "v2" }] }),
    );
  });
});
