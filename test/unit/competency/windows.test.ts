import { describe, expect, it } from "vitest";
import { isWithin, milestoneDates, ratingWindow } from "../../../src/domain/competency/windows.ts";

const ZONE = "Asia/Tokyo";
const at = (iso: string) => new Date(iso);

describe("rating windows", () => {
  const dates = milestoneDates([
    { kind: "debrief", at: at("2026-03-20T09:00:00Z") },
    { kind: "kickoff", at: at("2026-01-05T09:00:00Z") },
    { kind: "midpoint", at: at("2026-02-10T09:00:00Z") },
    // A second mid-point later on does not move the window: the first one counts.
    { kind: "midpoint", at: at("2026-02-20T09:00:00Z") },
  ]);
  const joined = at("2025-12-20T00:00:00Z");

  it("GIVEN the milestones THEN before = join to kick-off + 3 d, during = mid-point ± 5 d, after = debrief to + 14 d, each closing at the end of that day in Tokyo", () => {
    expect(ratingWindow("before", dates, joined, ZONE)).toEqual({
      phase: "before",
      opensAt: joined,
      closesAt: at("2026-01-08T14:59:59.999Z"),
    });
    expect(ratingWindow("during", dates, joined, ZONE)).toEqual({
      phase: "during",
      opensAt: at("2026-02-05T09:00:00Z"),
      closesAt: at("2026-02-15T14:59:59.999Z"),
    });
    expect(ratingWindow("after", dates, joined, ZONE)).toEqual({
      phase: "after",
      opensAt: at("2026-03-20T09:00:00Z"),
      closesAt: at("2026-04-03T14:59:59.999Z"),
    });
  });

  it("THEN the edges are inside and a millisecond past them is outside", () => {
    const during = ratingWindow("during", dates, joined, ZONE);
    if (during === null) throw new Error("no window");
    expect(isWithin(during, during.opensAt)).toBe(true);
    expect(isWithin(during, during.closesAt)).toBe(true);
    expect(isWithin(during, new Date(during.opensAt.getTime() - 1))).toBe(false);
    expect(isWithin(during, new Date(during.closesAt.getTime() + 1))).toBe(false);
  });

  it("GIVEN someone who joins after the before-window closed THEN their window opens at kick-off (never empty)", () => {
    const late = ratingWindow("before", dates, at("2026-01-20T00:00:00Z"), ZONE);
    expect(late?.opensAt).toEqual(at("2026-01-05T09:00:00Z"));
    expect(late?.closesAt).toEqual(at("2026-01-08T14:59:59.999Z"));
  });

  it("GIVEN a kick-off at 23:00 in Tokyo (14:00 UTC) THEN the before-window closes at the end of the third Tokyo day after, not of the UTC one", () => {
    const late = milestoneDates([{ kind: "kickoff", at: at("2026-01-05T14:00:00Z") }]);
    expect(ratingWindow("before", late, joined, ZONE)?.closesAt).toEqual(at("2026-01-08T14:59:59.999Z"));
    expect(ratingWindow("before", late, joined, "UTC")?.closesAt).toEqual(at("2026-01-08T23:59:59.999Z"));
  });

  it("GIVEN a programme without a milestone THEN that phase has no window", () => {
    expect(ratingWindow("after", milestoneDates([]), joined, ZONE)).toBeNull();
    expect(
      ratingWindow("before", milestoneDates([{ kind: "debrief", at: joined }]), joined, ZONE),
    ).toBeNull();
  });
});
