/**
 * Copies a programme's submitted files out of the file store, one folder per intern and version
 * (`<discord user id>/v<N>/<name>`), checking each copy's sha256 against the database as it
 * streams. What `npm run submissions:export` runs; the manifest it returns says, per file, where
 * the copy is and whether it was there and intact.
 */
import { createHash } from "node:crypto";
import type { FileStore } from "./ports.ts";

/** One file of one version, as the database records it. */
export interface SubmittedFileRow {
  discordUserId: string;
  assignmentKey: string;
  version: number;
  submittedAt: Date;
  late: boolean;
  name: string;
  size: number;
  sha256: string;
  storageKey: string;
}

/** Where the copies go: a folder, by relative path. */
export interface ExportSink {
  /** Writes `body` under `relativePath` (its folders created); the path is one this module built. */
  write(relativePath: string, body: AsyncIterable<Uint8Array>): Promise<void>;
  /** Removes a copy that turned out not to match (so no damaged file passes for the original). */
  discard(relativePath: string): Promise<void>;
}

export type CopyStatus = "copied" | "missing" | "sha256_mismatch";

export interface ManifestRow extends SubmittedFileRow {
  /** The copy's path relative to the export folder (empty when the blob was missing). */
  path: string;
  status: CopyStatus;
  /** The sha256 of what was read, when it differs from the recorded one. */
  readSha256: string | null;
}

export interface FileExportOutcome {
  rows: ManifestRow[];
  copied: number;
  missing: number;
  mismatched: number;
  bytes: number;
}

/** Characters a file name may not carry on any common file system, and control characters. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
const UNSAFE = /[\u0000-\u001f\u007f/\\:*?"<>|]/g;

/**
 * A name safe as one path segment: its last segment only (no `../`), no control or reserved
 * characters, no leading dots, at most 120 characters (the end kept, with the extension).
 */
function safeFileName(name: string): string {
  const last = name.normalize("NFC").split(/[/\\]/).pop() ?? "";
  const cleaned = last
    .replace(UNSAFE, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  const limited = [...cleaned].slice(-120).join("");
  return limited === "" ? "file" : limited;
}

/** `name`, or `name (2)`, `name (3)` … before the extension, whichever `taken` does not hold yet. */
function unique(name: string, taken: Set<string>): string {
  let candidate = name;
  const dot = name.lastIndexOf(".");
  const [stem, ext] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ""];
  for (let n = 2; taken.has(candidate.toLowerCase()); n += 1) candidate = `${stem} (${n})${ext}`;
  taken.add(candidate.toLowerCase());
  return candidate;
}

async function* hashing(
  body: AsyncIterable<Uint8Array>,
  hash: ReturnType<typeof createHash>,
  counted: { bytes: number },
): AsyncIterable<Uint8Array> {
  for await (const chunk of body) {
    hash.update(chunk);
    counted.bytes += chunk.byteLength;
    yield chunk;
  }
}

export async function exportSubmissionFiles(
  ports: { files: FileStore; sink: ExportSink },
  entries: readonly SubmittedFileRow[],
): Promise<FileExportOutcome> {
  const outcome: FileExportOutcome = { rows: [], copied: 0, missing: 0, mismatched: 0, bytes: 0 };
  const takenPerFolder = new Map<string, Set<string>>();
  for (const entry of entries) {
    const folder = `${safeFileName(entry.discordUserId)}/v${entry.version}`;
    const taken = takenPerFolder.get(folder) ?? new Set<string>();
    takenPerFolder.set(folder, taken);
    const path = `${folder}/${unique(safeFileName(entry.name), taken)}`;
    if (!(await ports.files.exists(entry.storageKey))) {
      outcome.missing += 1;
      outcome.rows.push({ ...entry, path: "", status: "missing", readSha256: null });
      continue;
    }
    const hash = createHash("sha256");
    const counted = { bytes: 0 };
    await ports.sink.write(path, hashing(ports.files.read(entry.storageKey), hash, counted));
    const read = hash.digest("hex");
    if (read !== entry.sha256) {
      await ports.sink.discard(path);
      outcome.mismatched += 1;
      outcome.rows.push({ ...entry, path: "", status: "sha256_mismatch", readSha256: read });
      continue;
    }
    outcome.copied += 1;
    outcome.bytes += counted.bytes;
    outcome.rows.push({ ...entry, path, status: "copied", readSha256: null });
  }
  return outcome;
}
