/**
 * The 12 elements of 社会人基礎力 (METI's "fundamental competencies for working persons"), in
 * three groups, with their Japanese and English labels. Data, not catalogue text: the chart, the
 * sheet and the certificate read the labels from here (a unit test checks them against the
 * catalogue's group names).
 */
import type { Locale } from "../enums.ts";

export const COMPETENCY_GROUPS = ["action", "thinking", "teamwork"] as const;
export type CompetencyGroup = (typeof COMPETENCY_GROUPS)[number];

export interface CompetencyElementInfo {
  key: CompetencyElementKey;
  group: CompetencyGroup;
  ja: string;
  en: string;
}

export const COMPETENCY_ELEMENTS = [
  { key: "initiative", group: "action", ja: "主体性", en: "Initiative" },
  { key: "influencing", group: "action", ja: "働きかけ力", en: "Influencing others" },
  { key: "execution", group: "action", ja: "実行力", en: "Execution" },
  { key: "issue_finding", group: "thinking", ja: "課題発見力", en: "Finding issues" },
  { key: "planning", group: "thinking", ja: "計画力", en: "Planning" },
  { key: "creativity", group: "thinking", ja: "創造力", en: "Creativity" },
  { key: "speaking_up", group: "teamwork", ja: "発信力", en: "Speaking up" },
  { key: "listening", group: "teamwork", ja: "傾聴力", en: "Listening" },
  { key: "flexibility", group: "teamwork", ja: "柔軟性", en: "Flexibility" },
  { key: "situation_reading", group: "teamwork", ja: "情況把握力", en: "Reading the situation" },
  { key: "discipline", group: "teamwork", ja: "規律性", en: "Discipline" },
  { key: "stress_control", group: "teamwork", ja: "ストレスコントロール力", en: "Stress control" },
] as const satisfies readonly { key: string; group: CompetencyGroup; ja: string; en: string }[];

export type CompetencyElementKey = (typeof COMPETENCY_ELEMENTS)[number]["key"];

export const COMPETENCY_KEYS: readonly CompetencyElementKey[] = COMPETENCY_ELEMENTS.map((e) => e.key);

export const PHASES = ["before", "during", "after"] as const;
export type Phase = (typeof PHASES)[number];
export type Assessor = "self" | "mentor";

export const MIN_RATING = 1;
export const MAX_RATING = 5;
/** The sheet shows 3 selects a page: 4 pages for 12 elements. */
export const ELEMENTS_PER_PAGE = 3;
export const SHEET_PAGES = Math.ceil(COMPETENCY_ELEMENTS.length / ELEMENTS_PER_PAGE);

/** Scores by element; an element without a score is absent. */
export type Ratings = Partial<Record<CompetencyElementKey, number>>;

export function elementLabel(element: Pick<CompetencyElementInfo, "ja" | "en">, locale: Locale): string {
  return locale === "ja" ? element.ja : element.en;
}

/** The elements on page `page` (0-based) of the sheet. */
export function pageElements(page: number): readonly CompetencyElementInfo[] {
  return COMPETENCY_ELEMENTS.slice(page * ELEMENTS_PER_PAGE, (page + 1) * ELEMENTS_PER_PAGE);
}

export function isRating(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_RATING && value <= MAX_RATING;
}

export function isElementKey(value: string): value is CompetencyElementKey {
  return (COMPETENCY_KEYS as readonly string[]).includes(value);
}

/** Elements not yet scored, in sheet order. */
export function unrated(ratings: Ratings): CompetencyElementKey[] {
  return COMPETENCY_KEYS.filter((k) => ratings[k] === undefined);
}

/** The mean of the scored elements, to one decimal; null when none is scored. */
export function meanRating(ratings: Ratings): number | null {
  const values = COMPETENCY_KEYS.flatMap((k) => (ratings[k] === undefined ? [] : [ratings[k]]));
  if (values.length === 0) return null;
  return Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10;
}
