/** The review rubric: up to four criteria, each scored 1–5, named in Japanese and English. */
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from "yaml";
import { z } from "zod";

export interface RubricCriterion {
  /** Lower-case identifier, the key of a review's scores. */
  key: string;
  ja: string;
  en: string;
}

/** Discord gives a message five component rows: one per criterion, one for the buttons. */
export const MAX_CRITERIA = 4;
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** A select menu's placeholder holds 150 characters; the label is part of it. */
const MAX_LABEL = 100;
const KEY_PATTERN = /^[a-z][a-z0-9_]{0,23}$/;

export const DEFAULT_RUBRIC: readonly RubricCriterion[] = [
  { key: "brief", ja: "課題の要件を満たしている", en: "Meets the brief" },
  { key: "quality", ja: "成果物の品質", en: "Quality of the work" },
  { key: "explanation", ja: "説明のわかりやすさ", en: "Explanation" },
  { key: "planning", ja: "計画と進め方", en: "Planning" },
];

const criterionSchema = z.object({
  key: z.string().regex(KEY_PATTERN),
  ja: z.string().trim().min(1).max(MAX_LABEL),
  en: z.string().trim().min(1).max(MAX_LABEL),
});
const storedSchema = z.array(criterionSchema).min(1).max(MAX_CRITERIA);

/** The rubric stored for a programme; NULL (or a shape that no longer parses) means the default. */
export function rubricFrom(stored: unknown): readonly RubricCriterion[] {
  if (stored === null || stored === undefined) return DEFAULT_RUBRIC;
  const parsed = storedSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_RUBRIC;
}

/** Why a rubric file was refused, with the line (1-based) and the field it concerns. */
export type RubricProblem =
  | { kind: "syntax"; line: number }
  | { kind: "notList"; line: number }
  | { kind: "empty" }
  | { kind: "tooMany"; line: number; max: number }
  | { kind: "notObject"; line: number; item: number }
  | { kind: "missing"; line: number; item: number; field: "key" | "ja" | "en" }
  | { kind: "badKey"; line: number; item: number; field: "key" }
  | { kind: "tooLong"; line: number; item: number; field: "ja" | "en"; max: number }
  | { kind: "duplicate"; line: number; item: number; field: "key" }
  | { kind: "unknownField"; line: number; item: number; field: string };

export type RubricParse = { ok: true; rubric: RubricCriterion[] } | { ok: false; problem: RubricProblem };

const FIELDS = ["key", "ja", "en"] as const;

/**
 * Reads a rubric file, YAML or JSON (JSON is read as YAML, so both report lines the same way):
 * a list of `{ key, ja, en }`, or a map with such a list under `criteria`. The first problem
 * found is returned with its line.
 */
export function parseRubric(text: string): RubricParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: false });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lines.linePos(offset).line);
  const firstError = doc.errors[0];
  if (firstError) return { ok: false, problem: { kind: "syntax", line: lineAt(firstError.pos[0]) } };
  let list: unknown = doc.contents;
  if (list === null || list === undefined) return { ok: false, problem: { kind: "empty" } };
  if (isMap(list)) list = list.get("criteria", true) ?? list;
  if (!isSeq(list)) {
    const range = (list as { range?: [number, number, number] }).range;
    return { ok: false, problem: { kind: "notList", line: lineAt(range?.[0]) } };
  }
  if (list.items.length === 0) return { ok: false, problem: { kind: "empty" } };
  const rubric: RubricCriterion[] = [];
  const seen = new Set<string>();
  for (const [index, node] of list.items.entries()) {
    const item = index + 1;
    const itemLine = lineAt((node as { range?: [number, number, number] }).range?.[0]);
    if (index >= MAX_CRITERIA) {
      return { ok: false, problem: { kind: "tooMany", line: itemLine, max: MAX_CRITERIA } };
    }
    if (!isMap(node)) return { ok: false, problem: { kind: "notObject", line: itemLine, item } };
    for (const pair of node.items) {
      const name = isScalar(pair.key) ? String(pair.key.value) : "?";
      if (!(FIELDS as readonly string[]).includes(name)) {
        const line = lineAt(isScalar(pair.key) ? pair.key.range?.[0] : undefined);
        return { ok: false, problem: { kind: "unknownField", line, item, field: name.slice(0, 40) } };
      }
    }
    const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
    for (const field of FIELDS) {
      const value = node.get(field, true);
      const line = isScalar(value) ? lineAt(value.range?.[0]) : itemLine;
      const text = isScalar(value) && value.value !== null ? String(value.value).trim() : "";
      if (text === "") return { ok: false, problem: { kind: "missing", line, item, field } };
      if (field === "key") {
        if (!KEY_PATTERN.test(text)) return { ok: false, problem: { kind: "badKey", line, item, field } };
        if (seen.has(text)) return { ok: false, problem: { kind: "duplicate", line, item, field } };
        seen.add(text);
      } else if (text.length > MAX_LABEL) {
        return { ok: false, problem: { kind: "tooLong", line, item, field, max: MAX_LABEL } };
      }
      values[field] = text;
    }
    rubric.push({ key: values.key ?? "", ja: values.ja ?? "", en: values.en ?? "" });
  }
  return { ok: true, rubric };
}

/** A review's scores: criterion key → 1–5. */
export type Scores = Record<string, number>;

/** A published review as the intern (and agency staff, with consent) may read it; never a draft. */
export interface PublishedFeedback {
  versionId: string;
  reviewerUserId: string;
  scores: Scores;
  comment: string;
  publishedAt: Date;
}

/** Scores as stored, keeping only whole 1–5 values of criteria still in the rubric. */
export function scoresFrom(stored: unknown, rubric: readonly RubricCriterion[]): Scores {
  const parsed = z.record(z.string(), z.unknown()).safeParse(stored ?? {});
  if (!parsed.success) return {};
  const scores: Scores = {};
  for (const c of rubric) {
    const value = parsed.data[c.key];
    if (isScore(value)) scores[c.key] = value;
  }
  return scores;
}

export function isScore(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= MIN_SCORE && value <= MAX_SCORE;
}

/** The criteria still without a score; a review is published only when this is empty. */
export function unscored(rubric: readonly RubricCriterion[], scores: Scores): RubricCriterion[] {
  return rubric.filter((c) => !isScore(scores[c.key]));
}
