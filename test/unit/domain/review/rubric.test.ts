import { describe, expect, it } from "vitest";
import {
  DEFAULT_RUBRIC,
  parseRubric,
  rubricFrom,
  scoresFrom,
  unscored,
} from "../../../../src/domain/review/rubric.ts";

describe("review rubric", () => {
  it("GIVEN a YAML list or a JSON array or a criteria: map THEN the criteria in order", () => {
    const expected = [
      { key: "design", ja: "設計", en: "Design" },
      { key: "code_quality", ja: "コード", en: "Code" },
    ];
    expect(
      parseRubric("- key: design\n  ja: 設計\n  en: Design\n- key: code_quality\n  ja: コード\n  en: Code\n"),
    ).toEqual({
      ok: true,
      rubric: expected,
    });
    expect(parseRubric(JSON.stringify(expected, null, 2))).toEqual({ ok: true, rubric: expected });
    expect(
      parseRubric(
        `criteria:\n${expected.map((c) => `  - {key: ${c.key}, ja: ${c.ja}, en: ${c.en}}`).join("\n")}`,
      ),
    ).toEqual({
      ok: true,
      rubric: expected,
    });
  });

  it("GIVEN a bad file THEN the first problem with its line and field", () => {
    const four = [1, 2, 3, 4].map((n) => `- {key: k${n}, ja: あ, en: a}`).join("\n");
    expect(parseRubric(`${four}\n- {key: k5, ja: あ, en: a}\n`)).toEqual({
      ok: false,
      problem: { kind: "tooMany", line: 5, max: 4 },
    });
    expect(parseRubric('[{"key":"a","ja":"x","en":"y"},\n {"key":"b","ja":"x"}]')).toEqual({
      ok: false,
      problem: { kind: "missing", line: 2, item: 2, field: "en" },
    });
    expect(parseRubric("- key: a\n  ja: x\n  en: y\n- key: a\n  ja: x\n  en: y\n")).toEqual({
      ok: false,
      problem: { kind: "duplicate", line: 4, item: 2, field: "key" },
    });
    expect(parseRubric("- key: Bad Key\n  ja: x\n  en: y\n")).toEqual({
      ok: false,
      problem: { kind: "badKey", line: 1, item: 1, field: "key" },
    });
    expect(parseRubric(`- key: a\n  ja: ${"長".repeat(101)}\n  en: y\n`)).toEqual({
      ok: false,
      problem: { kind: "tooLong", line: 2, item: 1, field: "ja", max: 100 },
    });
    expect(parseRubric("- key: a\n  ja: x\n  en: y\n  weight: 2\n")).toEqual({
      ok: false,
      problem: { kind: "unknownField", line: 4, item: 1, field: "weight" },
    });
    expect(parseRubric("- just text\n")).toEqual({
      ok: false,
      problem: { kind: "notObject", line: 1, item: 1 },
    });
    expect(parseRubric('{"a": 1}')).toEqual({ ok: false, problem: { kind: "notList", line: 1 } });
    expect(parseRubric("")).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(parseRubric("[]")).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(parseRubric("- key: a\n  ja: [x\n")).toMatchObject({ ok: false, problem: { kind: "syntax" } });
  });

  it("GIVEN stored values THEN the rubric falls back to the default, and scores keep whole 1–5 of current criteria", () => {
    expect(rubricFrom(null)).toBe(DEFAULT_RUBRIC);
    expect(rubricFrom([{ key: "x" }])).toBe(DEFAULT_RUBRIC);
    expect(rubricFrom([{ key: "x", ja: "x", en: "x" }])).toEqual([{ key: "x", ja: "x", en: "x" }]);
    expect(
      scoresFrom({ brief: 3, quality: 6, explanation: 2.5, planning: "4", gone: 1 }, DEFAULT_RUBRIC),
    ).toEqual({
      brief: 3,
    });
    expect(unscored(DEFAULT_RUBRIC, { brief: 3, quality: 1 }).map((c) => c.key)).toEqual([
      "explanation",
      "planning",
    ]);
  });
});
