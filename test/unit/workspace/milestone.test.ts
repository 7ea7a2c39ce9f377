import { describe, expect, it } from "vitest";
import {
  formatLocalDateTime,
  type ProgrammePeriod,
  parseLocalDateTime,
  parsePeriod,
} from "../../../src/domain/programme/dates.ts";
import { placeMilestone, planTimeline } from "../../../src/domain/programme/timeline.ts";
import { DEFAULT_TEMPLATE } from "../../../src/domain/workspace/default-template.ts";
import { validateTemplate } from "../../../src/domain/workspace/template.ts";

function period(start: string, end: string, timeZone: string): ProgrammePeriod {
  const parsed = parsePeriod({ start, end, timeZone });
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.period;
}

describe("parseLocalDateTime", () => {
  it("GIVEN YYYY-MM-DD HH:mm THEN it is read in the programme's zone", () => {
    expect(parseLocalDateTime(" 2030-06-20 12:00 ", "Asia/Tokyo")?.toISOString()).toBe(
      "2030-06-20T03:00:00.000Z",
    );
    expect(parseLocalDateTime("2030-06-20T12:00", "UTC")?.toISOString()).toBe("2030-06-20T12:00:00.000Z");
  });

  it.each(["2030-06-20", "20 June 12:00", "2030-02-30 12:00", "2030-06-20 24:00", "2030-6-20 12:00"])(
    "GIVEN %s THEN it is refused",
    (value) => {
      expect(parseLocalDateTime(value, "Asia/Tokyo")).toBeNull();
    },
  );

  it("GIVEN a time the clocks skip (Berlin, spring forward) THEN it is refused, not moved", () => {
    expect(parseLocalDateTime("2030-03-31 02:30", "Europe/Berlin")).toBeNull();
    const at = parseLocalDateTime("2030-03-31 03:30", "Europe/Berlin");
    expect(at && formatLocalDateTime(at, "Europe/Berlin")).toBe("2030-03-31 03:30");
  });
});

describe("placeMilestone", () => {
  const tokyo = period("2030-04-01", "2030-06-30", "Asia/Tokyo");

  it("GIVEN a time inside the period and in order THEN only that milestone moves and the template keeps it", () => {
    const at = parseLocalDateTime("2030-06-20 12:00", "Asia/Tokyo") as Date;
    const placed = placeMilestone(tokyo, DEFAULT_TEMPLATE, "submission_deadline", at);
    if (!placed.ok) throw new Error(placed.problem);
    expect(placed.template.timeline?.submission_deadline).toEqual({ from: "end", days: -10, time: "12:00" });
    const before = planTimeline(tokyo, DEFAULT_TEMPLATE);
    expect(placed.planned.map((m) => m.at)).toEqual(
      before.map((m) => (m.kind === "submission_deadline" ? at : m.at)),
    );
    // The stored template is still a valid template (it round-trips through the schema).
    expect(validateTemplate(JSON.parse(JSON.stringify(placed.template)))).toEqual(placed.template);
    expect(DEFAULT_TEMPLATE.timeline?.submission_deadline).toEqual({ from: "end", days: -2, time: "18:00" });
  });

  it("GIVEN a moved milestone and new dates THEN it keeps counting from the same day", () => {
    const at = parseLocalDateTime("2030-04-03 09:00", "Asia/Tokyo") as Date;
    const placed = placeMilestone(tokyo, DEFAULT_TEMPLATE, "kickoff", at);
    if (!placed.ok) throw new Error(placed.problem);
    const later = planTimeline(period("2030-05-01", "2030-07-31", "Asia/Tokyo"), placed.template);
    expect(formatLocalDateTime(later[0]?.at as Date, "Asia/Tokyo")).toBe("2030-05-03 09:00");
  });

  it("GIVEN a summer-time change between the anchor and the new time THEN the local time is kept", () => {
    const berlin = period("2030-03-01", "2030-04-30", "Europe/Berlin");
    const at = parseLocalDateTime("2030-04-10 18:00", "Europe/Berlin") as Date;
    const placed = placeMilestone(berlin, DEFAULT_TEMPLATE, "midpoint", at);
    if (!placed.ok) throw new Error(placed.problem);
    expect(placed.planned[1]?.at).toEqual(at);
  });

  it.each([
    ["kickoff", "2030-03-31 23:59", { problem: "outside" }],
    ["debrief", "2030-07-01 00:00", { problem: "outside" }],
    ["midpoint", "2030-04-01 09:59", { problem: "before", other: "kickoff" }],
    ["presentation", "2030-06-30 17:01", { problem: "after", other: "debrief" }],
  ] as const)("GIVEN %s at %s THEN it is refused and says why", (kind, value, problem) => {
    const at = parseLocalDateTime(value, "Asia/Tokyo") as Date;
    expect(placeMilestone(tokyo, DEFAULT_TEMPLATE, kind, at)).toMatchObject({ ok: false, ...problem });
  });

  it("GIVEN a milestone placed on its neighbour's time THEN that is allowed", () => {
    const at = parseLocalDateTime("2030-06-30 17:00", "Asia/Tokyo") as Date;
    expect(placeMilestone(tokyo, DEFAULT_TEMPLATE, "presentation", at).ok).toBe(true);
  });
});
