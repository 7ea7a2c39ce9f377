/**
 * Zip archives of a library (a folder of Markdown files, zipped). Unpacked in memory with a cap
 * on the total unpacked size, checked against each entry's declared size before inflating it,
 * so a small archive cannot expand into gigabytes.
 */
import { unzipSync } from "fflate";
import { formatOf } from "./parse.ts";
import type { ImportFile, ImportIssue } from "./types.ts";

/** Unpacked bytes an archive may hold in all. */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** Files an archive may hold. */
export const MAX_ARCHIVE_FILES = 10_000;

/** Whether `path` names an archive this import unpacks. */
export function isArchive(path: string): boolean {
  return path.toLowerCase().endsWith(".zip");
}

/**
 * The readable files inside a zip (folders, hidden files and other types are skipped), or the
 * issue that stops the import.
 */
export function unpackArchive(
  path: string,
  bytes: Uint8Array,
): { files: ImportFile[]; issues: ImportIssue[] } {
  let total = 0;
  let count = 0;
  let tooLarge = false;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter(file) {
        const name = file.name;
        if (
          name.endsWith("/") ||
          name.split("/").some((part) => part.startsWith(".") || part === "__MACOSX")
        ) {
          return false;
        }
        if (formatOf(name) === null) return false;
        total += file.originalSize;
        count += 1;
        if (total > MAX_UNPACKED_BYTES || count > MAX_ARCHIVE_FILES) tooLarge = true;
        return !tooLarge;
      },
    });
  } catch (error) {
    const detail = error instanceof Error ? error.message : null;
    return { files: [], issues: [{ code: "archive_invalid", file: path, line: null, field: null, detail }] };
  }
  if (tooLarge) {
    return {
      files: [],
      issues: [{ code: "archive_too_large", file: path, line: null, field: null, detail: null }],
    };
  }
  const decoder = new TextDecoder("utf-8");
  const files = Object.entries(entries)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, content]) => ({ path: `${path}/${name}`, content: decoder.decode(content) }));
  return { files, issues: [] };
}
