import { describe, expect, it } from "vitest";
import { completeDraft, validateAbout } from "../../../src/domain/onboarding/answers.ts";
import { formatSkills, parseInterests, parseSkills } from "../../../src/domain/onboarding/skills.ts";
import { canMoveStage, decideJoin, stagePath } from "../../../src/domain/onboarding/stages.ts";

describe("parseSkills", () => {
  it.each([
    [
      "TypeScript:3, SQL:2",
      [
        { name: "TypeScript", level: 3 },
        { name: "SQL", level: 2 },
      ],
    ],
    [
      "ＴｙｐｅＳｃｒｉｐｔ：３、SQL 2",
      [
        { name: "TypeScript", level: 3 },
        { name: "SQL", level: 2 },
      ],
    ],
    [
      "Visual Basic 1\nGo:5",
      [
        { name: "Visual Basic", level: 1 },
        { name: "Go", level: 5 },
      ],
    ],
    ["", []],
  ])("GIVEN %j THEN it reads the skills", (text, skills) => {
    expect(parseSkills(text)).toEqual({ skills, problems: [] });
  });

  it("GIVEN bad entries THEN each is reported and the good ones are kept", () => {
    const result = parseSkills("TypeScript:9, Go, React:3.5, SQL:2, sql:1");
    expect(result.skills).toEqual([{ name: "SQL", level: 2 }]);
    expect(result.problems).toEqual([
      { field: "skills", code: "level", entry: "TypeScript:9" },
      { field: "skills", code: "format", entry: "Go" },
      { field: "skills", code: "level", entry: "React:3.5" },
      { field: "skills", code: "duplicate", entry: "sql:1" },
    ]);
  });

  it("GIVEN more than 15 skills THEN it says so", () => {
    const text = Array.from({ length: 16 }, (_, i) => `s${i}:1`).join(",");
    expect(parseSkills(text).problems).toEqual([{ field: "skills", code: "tooMany", max: 15 }]);
  });

  it("GIVEN parsed skills THEN formatSkills writes them back in the same form", () => {
    const { skills } = parseSkills("TypeScript:3, SQL:2");
    expect(parseSkills(formatSkills(skills)).skills).toEqual(skills);
  });

  it("GIVEN interests with duplicates THEN they are dropped", () => {
    expect(parseInterests("教育、教育, data").interests).toEqual(["教育", "data"]);
  });
});

describe("validateAbout", () => {
  const good = {
    displayName: " Hana  Y ",
    skills: "TS:3",
    interests: "",
    hours: "２０",
    accommodationNotes: " ",
  };

  it("GIVEN good answers THEN they are normalised", () => {
    expect(validateAbout(good)).toEqual({
      ok: true,
      problems: [],
      value: {
        displayName: "Hana Y",
        skills: [{ name: "TS", level: 3 }],
        interests: [],
        weeklyHoursAvailable: 20,
        accommodationNotes: null,
      },
    });
  });

  it.each([
    ["", { field: "hours", code: "required" }],
    ["0", { field: "hours", code: "range", min: 1, max: 60 }],
    ["61", { field: "hours", code: "range", min: 1, max: 60 }],
    ["ten", { field: "hours", code: "notWhole", value: "ten" }],
    ["7.5", { field: "hours", code: "notWhole", value: "7.5" }],
  ])("GIVEN hours %j THEN the problem is %j", (hours, problem) => {
    expect(validateAbout({ ...good, hours }).problems).toEqual([problem]);
  });

  it("GIVEN no name and bad hours THEN both problems are reported at once", () => {
    expect(validateAbout({ ...good, displayName: "  ", hours: "100" }).problems).toEqual([
      { field: "displayName", code: "required" },
      { field: "hours", code: "range", min: 1, max: 60 },
    ]);
  });
});

describe("completeDraft", () => {
  const draft = { displayName: "Hana", skills: "", interests: "", hours: "10", accommodationNotes: "" };

  it("GIVEN no consent answer THEN consent is off (off by default)", () => {
    const result = completeDraft({ ...draft, agencyId: "a1" }, "ja", new Set(["a1"]));
    expect(result.ok && result.value.agencyConsent).toBe(false);
  });

  it("GIVEN consent but no agency THEN nothing is shared", () => {
    const result = completeDraft({ ...draft, agencyConsent: true }, "en", new Set());
    expect(result).toMatchObject({ ok: true, value: { agencyId: null, agencyConsent: false } });
  });

  it("GIVEN an agency that is not the programme's THEN the choices step is asked again", () => {
    expect(completeDraft({ ...draft, agencyId: "gone" }, "ja", new Set(["a1"]))).toEqual({
      ok: false,
      step: "choices",
    });
  });

  it("GIVEN no language picked THEN the person's locale is used", () => {
    const result = completeDraft(draft, "en", new Set());
    expect(result.ok && result.value.profile.preferredLocale).toBe("en");
  });
});

describe("stages", () => {
  it("GIVEN the journey THEN only forward steps, withdrawal and re-admission are allowed", () => {
    expect(canMoveStage(null, "applied")).toBe(true);
    expect(canMoveStage(null, "onboarded")).toBe(false);
    expect(canMoveStage("applied", "onboarded")).toBe(true);
    expect(canMoveStage("onboarded", "applied")).toBe(false);
    expect(canMoveStage("working", "withdrawn")).toBe(true);
    expect(canMoveStage("completed", "withdrawn")).toBe(false);
    expect(canMoveStage("withdrawn", "applied")).toBe(true);
  });

  it("GIVEN where an intern stands THEN onboarding records the missing stages", () => {
    expect(stagePath(null, "onboarded")).toEqual(["applied", "onboarded"]);
    expect(stagePath("applied", "onboarded")).toEqual(["onboarded"]);
    expect(stagePath("onboarded", "onboarded")).toEqual([]);
    expect(() => stagePath("withdrawn", "onboarded")).toThrow();
  });

  it.each([
    [null, "start"],
    [{ roles: ["intern"], stage: "applied" }, "start"],
    [{ roles: ["intern"], stage: "working" }, "onboarded"],
    [{ roles: ["intern"], stage: "withdrawn" }, "withdrawn"],
    [{ roles: ["mentor"], stage: null }, "staff"],
  ] as const)("GIVEN member %j THEN Join does %s", (member, decision) => {
    expect(decideJoin(member)).toBe(decision);
  });
});
