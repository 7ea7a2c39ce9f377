import { describe, expect, it } from "vitest";
import {
  COMPETENCY_ELEMENTS,
  COMPETENCY_GROUPS,
  meanRating,
  pageElements,
  SHEET_PAGES,
  unrated,
} from "../../../src/domain/competency/elements.ts";
import { CompetencyElement } from "../../../src/domain/enums.ts";
import { ja } from "../../../src/i18n/locales/ja.ts";
import { t } from "../../../src/i18n/translate.ts";

describe("the 12 elements of 社会人基礎力", () => {
  it("THEN they are the schema's CompetencyElement values, in three groups of 3, 3 and 6", () => {
    expect(COMPETENCY_ELEMENTS.map((e) => e.key).sort()).toEqual(Object.values(CompetencyElement).sort());
    expect(COMPETENCY_GROUPS.map((g) => COMPETENCY_ELEMENTS.filter((e) => e.group === g).length)).toEqual([
      3, 3, 6,
    ]);
  });

  it("THEN their labels are the issue's (ja and en), every group has a catalogue name in both languages", () => {
    expect(COMPETENCY_ELEMENTS.map((e) => e.ja)).toEqual([
      "主体性",
      "働きかけ力",
      "実行力",
      "課題発見力",
      "計画力",
      "創造力",
      "発信力",
      "傾聴力",
      "柔軟性",
      "情況把握力",
      "規律性",
      "ストレスコントロール力",
    ]);
    expect(COMPETENCY_ELEMENTS.every((e) => e.en.length > 0 && (e.en as string) !== e.ja)).toBe(true);
    expect(COMPETENCY_GROUPS.map((g) => t("ja", `competency.group.${g}`))).toEqual([
      "前に踏み出す力",
      "考え抜く力",
      "チームで働く力",
    ]);
    expect(COMPETENCY_GROUPS.map((g) => t("en", `competency.group.${g}`))).toEqual([
      "Action",
      "Thinking",
      "Teamwork",
    ]);
  });

  it("THEN a label never doubles as a catalogue message (the labels are data, in one place)", () => {
    const messages = new Set<string>(Object.values(ja));
    expect(COMPETENCY_ELEMENTS.filter((e) => messages.has(e.ja))).toEqual([]);
  });

  it("THEN the sheet is 4 pages of 3 covering every element once", () => {
    expect(SHEET_PAGES).toBe(4);
    const pages = Array.from({ length: SHEET_PAGES }, (_, p) => pageElements(p).map((e) => e.key));
    expect(pages.every((p) => p.length === 3)).toBe(true);
    expect(pages.flat()).toEqual(COMPETENCY_ELEMENTS.map((e) => e.key));
  });

  it("THEN unrated lists what is missing and the mean is to one decimal", () => {
    expect(unrated({})).toHaveLength(12);
    expect(unrated({ initiative: 3, planning: 2 })).not.toContain("planning");
    expect(meanRating({})).toBeNull();
    expect(meanRating({ initiative: 1, planning: 2, creativity: 2 })).toBe(1.7);
  });
});
