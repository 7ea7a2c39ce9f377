/**
 * Reading an assignment library from an organiser's files: Markdown with front matter (one
 * assignment per file, the body is the brief), a YAML or JSON list, or a CSV with a header row.
 * Every problem is reported with its file, line and field; the caller imports nothing unless
 * there are none (all or nothing).
 *
 * JSON is read with the YAML parser (JSON is YAML 1.2), which gives line numbers for every node.
 * A list is read one item at a time (`list-items.ts` finds them), so a file of thousands of
 * assignments never has its whole document tree in memory; a file shaped otherwise, or with a
 * syntax error, is read whole, so the parser's messages and lines are the same either way.
 */
import { parse as parseCsv } from "csv-parse/sync";
import {
  type Document,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type YAMLMap,
} from "yaml";
import { locateListItems } from "./list-items.ts";
import { canonicalField, entrySchema, issueCodeFor, toDraft } from "./schema.ts";
import type { ImportFile, ImportIssue, ImportIssueCode, LibraryEntry, ParsedLibrary } from "./types.ts";

/** File kinds the import reads, by extension. */
export type LibraryFormat = "markdown" | "yaml" | "json" | "csv";

/** The format of `path` by its extension, or null when the import does not read it. */
export function formatOf(path: string): LibraryFormat | null {
  const extension = path.toLowerCase().split(".").pop() ?? "";
  if (extension === "md" || extension === "markdown") return "markdown";
  if (extension === "yaml" || extension === "yml") return "yaml";
  if (extension === "json") return "json";
  if (extension === "csv") return "csv";
  return null;
}

/** A flat record before validation, with the line of each field. */
export interface RawRecord {
  readonly file: string;
  /** Where the record starts. */
  readonly line: number;
  readonly fields: Record<string, unknown>;
  readonly lines: Record<string, number>;
}

function issue(
  code: ImportIssueCode,
  file: string,
  line: number | null,
  field: string | null = null,
  detail: string | null = null,
): ImportIssue {
  return { code, file, line, field, detail };
}

/** Adds `value` under its canonical name; `title: { ja, en }` becomes `title_ja` and `title_en`. */
function put(record: RawRecord, name: string, value: unknown, line: number): void {
  const field = canonicalField(name);
  if (field === "title_ja" && value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [lang, title] of Object.entries(value)) put(record, `title_${lang}`, title, line);
    return;
  }
  record.fields[field] = value;
  record.lines[field] = line;
}

function recordFromMap(map: YAMLMap, file: string, counter: LineCounter, lineOffset: number): RawRecord {
  const line = counter.linePos(map.range?.[0] ?? 0).line + lineOffset;
  const record: RawRecord = { file, line, fields: {}, lines: {} };
  for (const pair of map.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyNode = pair.key as Node | null;
    const fieldLine = counter.linePos(keyNode?.range?.[0] ?? map.range?.[0] ?? 0).line + lineOffset;
    const value = pair.value === null ? null : (pair.value as Node).toJSON();
    put(record, key, value, fieldLine);
  }
  // The parser's strings are slices and ropes of its buffers: kept as they are, every record holds
  // on to kilobytes of parse state for as long as the import runs. A copy keeps only the values.
  return { ...record, fields: structuredClone(record.fields) };
}

/**
 * A file's syntax errors: the first {@link MAX_SYNTAX_ISSUES} (after a few, more is noise: the file
 * needs fixing either way), located through the line counter.
 */
function syntaxIssues(
  document: ReturnType<typeof parseDocument>,
  counter: LineCounter,
  file: string,
  lineOffset: number,
): ImportIssue[] {
  return document.errors
    .slice(0, MAX_SYNTAX_ISSUES)
    .map((error) =>
      issue(
        "syntax",
        file,
        (error.pos[0] >= 0 ? counter.linePos(error.pos[0]).line : 1) + lineOffset,
        null,
        error.message.split("\n")[0] ?? null,
      ),
    );
}

/** Syntax errors reported per file. */
const MAX_SYNTAX_ISSUES = 20;

/**
 * How every file is parsed. `prettyErrors: false`: the parser's own error decoration copies the
 * error's whole line for each error, so a one-line file with thousands of errors (a JSON list
 * pasted 2,000 times, 142 kB) took 19 s and held the event loop all along; lines come from the
 * line counter instead.
 */
const PARSE_OPTIONS = { uniqueKeys: true, prettyErrors: false } as const;

/** The document's list: its root sequence, or its root mapping's `assignments:`. */
function listIn(document: Document.Parsed): Node | null {
  const root = document.contents;
  if (!isMap(root)) return root;
  return (root.get("assignments", true) as Node | undefined) ?? null;
}

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf("\n", from); at !== -1 && at < to; at = text.indexOf("\n", at + 1)) count += 1;
  return count;
}

/**
 * Above this much context (the text around the list, parsed again with every item) per file, the
 * file is read whole: item by item would cost more than it saves.
 */
const MAX_REPEATED_CONTEXT = 1_000_000;

/**
 * A YAML or JSON list read one item at a time (see `list-items.ts`): the same records and issues
 * as reading it whole, with one item's tree in memory instead of the file's. Null when the file
 * is not a plain list or any item has a syntax error: the whole-file reading then reports it,
 * with the parser's own words and lines.
 */
function readListByItem(file: ImportFile): { records: RawRecord[]; issues: ImportIssue[] } | null {
  const layout = locateListItems(file.content);
  if (layout === null) return null;
  const { head, tail, items } = layout;
  if ((head.length + tail.length) * items.length > file.content.length + MAX_REPEATED_CONTEXT) return null;
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  let line = 1;
  let counted = 0;
  for (const [start, end] of items) {
    line += countLineBreaks(file.content, counted, start);
    counted = start;
    const counter = new LineCounter();
    const document = parseDocument(head + file.content.slice(start, end) + tail, {
      ...PARSE_OPTIONS,
      lineCounter: counter,
    });
    if (document.errors.length > 0) return null;
    const list = listIn(document);
    if (!isSeq(list) || list.items.length !== 1) return null;
    const item = list.items[0] as Node | null;
    const at = item?.range?.[0];
    // The one item must be the text given (not something from the head or the tail).
    if (at === undefined || at < head.length || at >= head.length + (end - start)) return null;
    const lineOffset = line - counter.linePos(head.length).line;
    if (isMap(item)) {
      records.push(recordFromMap(item, file.path, counter, lineOffset));
    } else {
      issues.push(
        issue("invalid_value", file.path, counter.linePos(at).line + lineOffset, null, "not a mapping"),
      );
    }
  }
  return { records, issues };
}

/**
 * Broken JSON, told by JSON's own parser (microseconds) before the YAML parser, which would work
 * through every error after the first (a list pasted together 2,000 times: 46,000 errors, 0.7 s).
 * Null when the text is valid JSON; the YAML reading then gives each node its line.
 */
function jsonSyntaxProblem(content: string): { line: number; message: string } | null {
  try {
    JSON.parse(content.replace(/^\uFEFF/, ""));
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message)?.[1];
    const line = position === undefined ? 1 : countLineBreaks(content, 0, Number(position)) + 1;
    return { line, message: message.split("\n")[0] ?? message };
  }
}

/** A YAML or JSON file: a list of assignments, or a mapping with an `assignments:` list. */
export function readList(
  file: ImportFile,
  { byItem = true }: { byItem?: boolean } = {},
): { records: RawRecord[]; issues: ImportIssue[] } {
  if (formatOf(file.path) === "json") {
    const problem = jsonSyntaxProblem(file.content);
    if (problem !== null)
      return { records: [], issues: [issue("syntax", file.path, problem.line, null, problem.message)] };
  }
  if (byItem) {
    const read = readListByItem(file);
    if (read !== null) return read;
  }
  const counter = new LineCounter();
  const document = parseDocument(file.content, { ...PARSE_OPTIONS, lineCounter: counter });
  if (document.errors.length > 0)
    return { records: [], issues: syntaxIssues(document, counter, file.path, 0) };
  const list = listIn(document);
  if (!isSeq(list)) return { records: [], issues: [issue("not_a_list", file.path, 1)] };
  const records: RawRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const item of list.items) {
    if (isMap(item)) {
      records.push(recordFromMap(item, file.path, counter, 0));
    } else {
      const line = counter.linePos((item as Node | null)?.range?.[0] ?? 0).line;
      issues.push(issue("invalid_value", file.path, line, null, "not a mapping"));
    }
  }
  return { records, issues };
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function lineBreaks(text: string): number {
  return text.split("\n").length - 1;
}

/** A Markdown file: YAML front matter between `---` lines; the body is the brief. */
function readMarkdown(file: ImportFile): { records: RawRecord[]; issues: ImportIssue[] } {
  const match = FRONT_MATTER.exec(file.content);
  if (match === null || match[1] === undefined) {
    return { records: [], issues: [issue("front_matter_missing", file.path, 1)] };
  }
  const counter = new LineCounter();
  // The front matter starts on line 2 of the file (after the opening `---`).
  const document = parseDocument(match[1], { ...PARSE_OPTIONS, lineCounter: counter });
  if (document.errors.length > 0)
    return { records: [], issues: syntaxIssues(document, counter, file.path, 1) };
  if (!isMap(document.contents)) return { records: [], issues: [issue("not_a_list", file.path, 2)] };
  const record = recordFromMap(document.contents, file.path, counter, 1);
  const rest = file.content.slice(match[0].length);
  const leading = rest.slice(0, rest.length - rest.trimStart().length);
  const bodyLine = lineBreaks(match[0]) + 1 + lineBreaks(leading);
  const body = rest.trim();
  if (body !== "") {
    record.fields.brief = body;
    record.lines.brief = bodyLine;
  } else if (!("brief" in record.fields)) {
    record.lines.brief = bodyLine;
  }
  if (!("id" in record.fields)) {
    const base = file.path.split("/").pop() ?? file.path;
    record.fields.id = base.replace(/\.(md|markdown)$/i, "");
    record.lines.id = 1;
  }
  return { records: [{ ...record, line: 1 }], issues: [] };
}

interface CsvRow {
  record: Record<string, string>;
  info: { lines: number };
}

/**
 * The CSV's delimiter: whichever of comma, semicolon and tab the header row (outside quotes) uses
 * most. Excel writes `;` where the decimal separator is a comma and tab for "Unicode text"; field
 * names hold none of them, so the header decides (a tie, or no delimiter at all, is a comma).
 */
export function csvDelimiter(content: string): "," | ";" | "\t" {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  for (const char of content.replace(/^\uFEFF/, "")) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && (char === "," || char === ";" || char === "\t")) counts[char] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/**
 * A CSV file with a header row naming the fields, delimited by comma, semicolon or tab (see
 * {@link csvDelimiter}); lists inside a cell are separated by `;` (or `,` in a `;` file).
 */
function readCsv(file: ImportFile): { records: RawRecord[]; issues: ImportIssue[] } {
  let rows: CsvRow[];
  try {
    rows = parseCsv(file.content, {
      columns: (header: string[]) => header.map((name) => canonicalField(name)),
      delimiter: csvDelimiter(file.content),
      info: true,
      bom: true,
      skip_empty_lines: true,
      trim: true,
    }) as CsvRow[];
  } catch (error) {
    const details = error as { code?: string; lines?: number; message?: string };
    const code: ImportIssueCode = details.code === "CSV_QUOTE_NOT_CLOSED" ? "csv_quote" : "syntax";
    return {
      records: [],
      issues: [issue(code, file.path, details.lines ?? null, null, details.message?.split("\n")[0] ?? null)],
    };
  }
  const records: RawRecord[] = [];
  let previousEnd = 1;
  for (const row of rows) {
    const line = previousEnd + 1;
    previousEnd = row.info.lines;
    const record: RawRecord = { file: file.path, line, fields: {}, lines: {} };
    for (const [name, value] of Object.entries(row.record)) {
      if (value === "") continue;
      record.fields[name] = value;
      record.lines[name] = line;
    }
    records.push(record);
  }
  return { records, issues: [] };
}

function readFile(file: ImportFile): { records: RawRecord[]; issues: ImportIssue[] } {
  switch (formatOf(file.path)) {
    case "markdown":
      return readMarkdown(file);
    case "yaml":
    case "json":
      return readList(file);
    case "csv":
      return readCsv(file);
    default:
      return { records: [], issues: [issue("unsupported_file", file.path, null)] };
  }
}

function validate(record: RawRecord): { entry?: LibraryEntry; issues: ImportIssue[] } {
  const parsed = entrySchema.safeParse(record.fields);
  if (parsed.success) {
    return {
      entry: {
        key: parsed.data.id,
        content: toDraft(parsed.data),
        source: { file: record.file, line: record.line },
      },
      issues: [],
    };
  }
  const issues = parsed.error.issues.flatMap((problem) => {
    if (problem.code === "unrecognized_keys") {
      return problem.keys.map((key) =>
        issue("unknown_field", record.file, record.lines[key] ?? record.line, key),
      );
    }
    const field = typeof problem.path[0] === "string" ? problem.path[0] : undefined;
    const missing = field !== undefined && record.fields[field] === undefined;
    const code = missing ? "required" : issueCodeFor(field, problem.code);
    const value = field === undefined ? undefined : record.fields[field];
    const detail =
      missing || value === undefined || typeof value === "object" ? null : String(value).slice(0, 60);
    return [issue(code, record.file, (field && record.lines[field]) || record.line, field ?? null, detail)];
  });
  return { issues };
}

/**
 * Reads every file of an import and validates every assignment. Ids must be unique across the
 * whole import. The result's entries are only meaningful when `issues` is empty.
 */
export function parseLibrary(files: readonly ImportFile[]): ParsedLibrary {
  const entries: LibraryEntry[] = [];
  const issues: ImportIssue[] = [];
  const firstSeen = new Map<string, LibraryEntry>();
  for (const file of files) {
    const read = readFile(file);
    issues.push(...read.issues);
    for (const record of read.records) {
      const result = validate(record);
      issues.push(...result.issues);
      if (result.entry === undefined) continue;
      const first = firstSeen.get(result.entry.key);
      if (first !== undefined) {
        issues.push(
          issue(
            "duplicate_id",
            record.file,
            record.lines.id ?? record.line,
            "id",
            `${result.entry.key} (${first.source.file}:${first.source.line})`,
          ),
        );
        continue;
      }
      firstSeen.set(result.entry.key, result.entry);
      entries.push(result.entry);
    }
  }
  if (entries.length === 0 && issues.length === 0) issues.push(issue("empty", files[0]?.path ?? "", null));
  return { entries, issues };
}
