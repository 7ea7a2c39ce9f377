/** Localised text for an import's problems and outcome, shared by `/assignments import` and the CLI. */
import { LIBRARY_FIELDS, type LibraryField } from "../../domain/library/schema.ts";
import type { ImportIssue } from "../../domain/library/types.ts";
import type { Translator } from "../../i18n/translate.ts";

/** How many problems a report lists before "…and N more". */
export const MAX_LISTED_ISSUES = 15;

/** One problem as one line: where (file, line, field), then what. */
export function formatImportIssue(t: Translator, issue: ImportIssue): string {
  const where =
    issue.line === null ? issue.file : t("library.issue.line", { file: issue.file, line: issue.line });
  const field = issue.field === null ? "" : ` ${t("library.issue.field", { field: issue.field })}`;
  const detail = issue.detail ?? "";
  let what: string;
  switch (issue.code) {
    case "syntax":
      what = t("library.issue.syntax", { detail });
      break;
    case "invalid_value":
      what =
        detail === ""
          ? t("library.issue.invalid_value")
          : `${t("library.issue.invalid_value")} ${t("library.issue.got", { detail })}`;
      break;
    case "invalid_level":
      what = t("library.issue.invalid_level", { detail: detail || "?" });
      break;
    case "duplicate_id":
      what = t("library.issue.duplicate_id", { detail });
      break;
    case "archive_unsafe_path":
      what = t("library.issue.archive_unsafe_path", { detail });
      break;
    case "encoding_invalid":
      what = t("library.issue.encoding_invalid", { detail });
      break;
    default:
      what = t(`library.issue.${issue.code}`);
  }
  const hint = hintFor(issue);
  return `• ${where}${field}: ${what}${hint === null ? "" : ` ${t(hint)}`}`;
}

const HINTED_CODES: ReadonlySet<ImportIssue["code"]> = new Set([
  "required",
  "invalid_value",
  "invalid_url",
  "too_long",
]);

function isLibraryField(field: string): field is LibraryField {
  return (LIBRARY_FIELDS as readonly string[]).includes(field);
}

/** What a good value looks like, for a problem with one field's value; the known fields for a typo. */
function hintFor(issue: ImportIssue): `library.hint.${LibraryField | "unknown"}` | null {
  if (issue.code === "unknown_field") return "library.hint.unknown";
  if (issue.field === null || !HINTED_CODES.has(issue.code) || !isLibraryField(issue.field)) return null;
  return `library.hint.${issue.field}`;
}

/** The whole failure report, capped at {@link MAX_LISTED_ISSUES} lines. */
export function formatImportFailure(
  t: Translator,
  issues: readonly ImportIssue[],
  limit = MAX_LISTED_ISSUES,
): string {
  const lines = issues.slice(0, limit).map((issue) => formatImportIssue(t, issue));
  if (issues.length > limit) lines.push(t("library.import.more", { count: issues.length - limit }));
  return t("library.import.failed", { count: issues.length, issues: lines.join("\n") });
}
