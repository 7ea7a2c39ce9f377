/**
 * The fields of one assignment in an import, checked with zod. Every format (Markdown front
 * matter, YAML, JSON, CSV) is first turned into a flat record keyed by these field names, so one
 * schema decides what is valid and the messages name fields the same way everywhere.
 */
import { z } from "zod";
import type { AssignmentDraft, ImportIssueCode } from "./types.ts";

/** The field names of the import format, as organisers write them. */
export const LIBRARY_FIELDS = [
  "id",
  "title_ja",
  "title_en",
  "brief",
  "skills",
  "tags",
  "level",
  "estimated_hours",
  "origin_round",
  "status",
  "links",
  "attachments",
] as const;

/** One field of the import format. */
export type LibraryField = (typeof LIBRARY_FIELDS)[number];

/** Longest brief accepted (Discord shows briefs in messages; longer belongs in a linked document). */
export const MAX_BRIEF_LENGTH = 8_000;
const MAX_TITLE_LENGTH = 200;

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

const text = (max: number) => z.string().trim().min(1).max(max);

/** A list given as a YAML/JSON array, or as one string separated by `;` or `,` (CSV cells). */
const termList = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .split(/[;,\n]/)
          .map((term) => term.trim())
          .filter((term) => term !== "")
      : value,
  z.array(z.string().trim().min(1).max(80)).max(30),
);

const url = z.url({ protocol: /^https?$/ });

/** `label|url`, a bare url, or `{ label, url }`; lists as arrays or `;`/newline-separated text. */
const linkLike = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  const bar = value.lastIndexOf("|");
  return bar === -1
    ? { label: value.trim(), url: value.trim() }
    : { label: value.slice(0, bar).trim(), url: value.slice(bar + 1).trim() };
}, z.object({ label: text(200), url }).strict());

const namedFile = z.preprocess((value) => {
  if (typeof value !== "string") return value;
  const bar = value.lastIndexOf("|");
  const address = (bar === -1 ? value : value.slice(bar + 1)).trim();
  const name = bar === -1 ? (address.split("/").pop() ?? address) : value.slice(0, bar).trim();
  return { name, url: address };
}, z.object({ name: text(200), url }).strict());

const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) =>
      typeof value === "string"
        ? value
            .split(/[;\n]/)
            .map((entry) => entry.trim())
            .filter((entry) => entry !== "")
        : (value ?? []),
    z.array(item).max(30),
  );

const integerLike = z.preprocess(
  (value) => (typeof value === "string" && /^\s*\d+\s*$/.test(value) ? Number(value) : value),
  z.number().int(),
);

const statusLike = z.preprocess(
  (value) => (typeof value === "string" ? value.trim().toLowerCase().replaceAll("-", "_") : value),
  z.enum(["retired", "active_in_recruitment"]),
);

const optionalText = (max: number) =>
  z.preprocess((value) => (value === "" || value === null ? undefined : value), text(max).optional());

/** One assignment's flat record. Unknown fields are refused: a typo must not vanish silently. */
export const entrySchema = z
  .object({
    id: z.preprocess(
      (value) => (typeof value === "number" ? String(value) : value),
      z.string().regex(ID_PATTERN),
    ),
    title_ja: text(MAX_TITLE_LENGTH),
    title_en: optionalText(MAX_TITLE_LENGTH),
    brief: text(MAX_BRIEF_LENGTH),
    skills: termList.default([]),
    tags: termList.default([]),
    level: integerLike.pipe(z.number().min(1).max(5)),
    estimated_hours: integerLike.pipe(z.number().min(1).max(2_000)),
    origin_round: optionalText(120),
    status: z.preprocess(
      (value) => (value === "" || value === null ? undefined : value),
      statusLike.default("retired"),
    ),
    links: listOf(linkLike).default([]),
    attachments: listOf(namedFile).default([]),
  })
  .strict();

/** The issue code for a zod problem on `field`. */
export function issueCodeFor(field: string | undefined, zodCode: string): ImportIssueCode {
  if (zodCode === "unrecognized_keys") return "unknown_field";
  if (field === "level") return "invalid_level";
  if (field === "status") return "invalid_status";
  if (zodCode === "too_big" && (field === "brief" || field?.startsWith("title"))) return "too_long";
  if ((field === "links" || field === "attachments") && zodCode === "invalid_format") return "invalid_url";
  return "invalid_value";
}

/** Maps a validated record onto the draft the repository stores. */
export function toDraft(record: z.output<typeof entrySchema>): AssignmentDraft {
  return {
    titleJa: record.title_ja,
    titleEn: record.title_en ?? null,
    brief: record.brief,
    skills: record.skills,
    tags: record.tags,
    level: record.level,
    estimatedHours: record.estimated_hours,
    originRound: record.origin_round ?? null,
    status: record.status,
    links: record.links,
    attachments: record.attachments,
  };
}

/**
 * The canonical spelling of a field name: `estimatedHours`, `Estimated-Hours` and
 * `estimated_hours` are one field; `title` (a string) means the Japanese title.
 */
export function canonicalField(name: string): string {
  const snake = name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .replace(/[\s-]+/g, "_")
    .toLowerCase();
  return snake === "title" ? "title_ja" : snake;
}
