/**
 * The assignment library's import format, as plain data: what an organiser's files say, and
 * what is wrong with them. No Prisma, no Discord: the repository and the command map these.
 */

/** One file of an import: a path (as the organiser named it) and its text. */
export interface ImportFile {
  readonly path: string;
  readonly content: string;
}

/** Where something came from: the file and the 1-based line. */
export interface SourceLocation {
  readonly file: string;
  /** 1-based; `null` when the problem is the file as a whole. */
  readonly line: number | null;
}

/** A link shown with an assignment. */
export interface DraftLink {
  readonly label: string;
  readonly url: string;
}

/** A file that goes with an assignment (hosted elsewhere; the library stores its address). */
export interface DraftAttachment {
  readonly name: string;
  readonly url: string;
}

/** Lifecycle status in the organiser's words; stored as the schema's `AssignmentVersionStatus`. */
export type DraftStatus = "retired" | "active_in_recruitment";

/** The content of one assignment, validated: the shape the repository's `AssignmentContent` takes. */
export interface AssignmentDraft {
  readonly titleJa: string;
  readonly titleEn: string | null;
  readonly brief: string;
  readonly skills: readonly string[];
  readonly tags: readonly string[];
  /** Difficulty 1–5. */
  readonly level: number;
  readonly estimatedHours: number;
  readonly originRound: string | null;
  readonly status: DraftStatus;
  readonly links: readonly DraftLink[];
  readonly attachments: readonly DraftAttachment[];
}

/** One assignment read from the import, with its stable id (the library key) and where it was. */
export interface LibraryEntry {
  /** The stable id, unique in the guild's library (e.g. "2024-spring-todo-api"). */
  readonly key: string;
  readonly content: AssignmentDraft;
  readonly source: SourceLocation;
}

/**
 * What can be wrong with an import. Codes, not sentences: Discord and the CLI localise them.
 * - `syntax`: the file is not valid YAML / JSON / CSV (`detail` says what the parser saw);
 * - `csv_quote`: a CSV quote is never closed;
 * - `front_matter_missing`: a Markdown file without a `---` front-matter block;
 * - `not_a_list`: a YAML / JSON file that holds neither a list nor `assignments:`;
 * - `unsupported_file`: a file type the import does not read;
 * - `archive_invalid`, `archive_truncated`, `archive_too_large`: a zip or tar that cannot be read,
 *   stops early, or unpacks too big;
 * - `archive_unsafe_path`: an archive entry with an absolute path or `..` (`detail` names it);
 * - `required`, `invalid_value`, `invalid_level`, `invalid_status`, `invalid_url`,
 *   `too_long`: a field's value (`field` names it);
 * - `unknown_field`: a field the format does not know (a typo would otherwise be silently lost);
 * - `duplicate_id`: the id appears twice in this import (`detail` is where it first appeared);
 * - `empty`: nothing to import;
 * - `encoding_invalid`: the bytes are not valid in the encoding detected for them (`detail` names it).
 */
export type ImportIssueCode =
  | "syntax"
  | "csv_quote"
  | "front_matter_missing"
  | "not_a_list"
  | "unsupported_file"
  | "archive_invalid"
  | "archive_truncated"
  | "archive_too_large"
  | "archive_unsafe_path"
  | "required"
  | "invalid_value"
  | "invalid_level"
  | "invalid_status"
  | "invalid_url"
  | "too_long"
  | "unknown_field"
  | "duplicate_id"
  | "empty"
  | "encoding_invalid";

/** One problem, located as precisely as the format allows. */
export interface ImportIssue {
  readonly code: ImportIssueCode;
  readonly file: string;
  readonly line: number | null;
  /** The field, in the import format's spelling (`estimated_hours`), when one is at fault. */
  readonly field: string | null;
  /** Extra facts for the message: the parser's words, the bad value, the first occurrence. */
  readonly detail: string | null;
}

/** The outcome of reading an import: entries only matter when `issues` is empty (all or nothing). */
export interface ParsedLibrary {
  readonly entries: readonly LibraryEntry[];
  readonly issues: readonly ImportIssue[];
}

/** What an import changed. */
export interface LibraryImportSummary {
  /** Keys of assignments that did not exist before. */
  created: string[];
  /** Assignments whose content changed: their new version number. */
  updated: { key: string; version: number }[];
  /** Keys whose content was already stored (identical to a stored version). */
  unchanged: string[];
}
