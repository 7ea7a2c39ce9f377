/**
 * Turning what an organiser hands over (one file's bytes, or a zip or tar archive) into the files
 * to parse.
 * Pure: the CLI reads folders from disk, the command downloads the attachment, both end here.
 */
import { isArchive, unpackArchive } from "./archive.ts";
import { decodeImportText } from "./encoding.ts";
import { formatOf } from "./parse.ts";
import type { ImportFile, ImportIssue } from "./types.ts";

/** Largest attachment or file accepted (declared size checked before downloading). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The files inside one uploaded file: itself, or an archive's readable entries. */
export function filesFromUpload(
  name: string,
  bytes: Uint8Array,
): { files: ImportFile[]; issues: ImportIssue[] } {
  if (isArchive(name)) return unpackArchive(name, bytes);
  if (formatOf(name) === null) {
    return {
      files: [],
      issues: [{ code: "unsupported_file", file: name, line: null, field: null, detail: null }],
    };
  }
  const decoded = decodeImportText(name, bytes);
  if ("issue" in decoded) return { files: [], issues: [decoded.issue] };
  return { files: [{ path: name, content: decoded.content }], issues: [] };
}
