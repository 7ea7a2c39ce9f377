/**
 * Archives of a library (a folder of Markdown files, packed): zip, tar, and gzipped tar
 * (`.tar.gz`, `.tgz`). Unpacked in memory, with the same protections for every kind:
 * - a cap on the total unpacked size and on the number of files, checked against each entry's
 *   declared size before its content is inflated and against the bytes actually inflated while it
 *   is, so a small archive cannot expand into gigabytes;
 * - an entry whose path is absolute or climbs out with `..` refuses the whole archive (nothing is
 *   ever written to disk, but such a path is a crafted archive, not an organiser's folder);
 * - a damaged or truncated archive is an issue, never a silently shorter library.
 *
 * Tar is read with node-tar's `Parser` (the `tar` package npm itself uses): it parses ustar, pax and
 * GNU long names, verifies each header's checksum, reports a body cut short, gunzips by magic
 * bytes and guards the decompression ratio, and it runs synchronously on bytes already in memory,
 * so `filesFromUpload` stays a plain function. Lighter options were weighed: `nanotar` verifies no
 * checksum and ignores a Uint8Array's offset, `tar-stream` and `modern-tar` are asynchronous
 * streams only.
 */
import { Unzip, UnzipInflate } from "fflate";
import { type ReadEntry, Parser as TarParser } from "tar";
import { decodeImportText } from "./encoding.ts";
import { formatOf } from "./parse.ts";
import type { ImportFile, ImportIssue, ImportIssueCode } from "./types.ts";

/** Unpacked bytes an archive may hold in all (the files the import reads). */
export const MAX_UNPACKED_BYTES = 20 * 1024 * 1024;
/** Files an archive may hold (the files the import reads). */
export const MAX_ARCHIVE_FILES = 10_000;
/**
 * Bytes a tar may hold in all, files the import skips included: a tar is read through to reach
 * each entry, so this bounds the work a small `.tar.gz` can cause.
 */
export const MAX_TAR_BYTES = 64 * 1024 * 1024;

/** The archive kinds the import unpacks. */
export type ArchiveKind = "zip" | "tar";

/** The kind of archive `path` names by its extension, or null when it is not one. */
export function archiveKind(path: string): ArchiveKind | null {
  const lower = path.toLowerCase();
  if (lower.endsWith(".zip")) return "zip";
  if (lower.endsWith(".tar") || lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) return "tar";
  return null;
}

/** Whether `path` names an archive this import unpacks. */
export function isArchive(path: string): boolean {
  return archiveKind(path) !== null;
}

type Unpacked = { files: ImportFile[]; issues: ImportIssue[] };

function failed(code: ImportIssueCode, file: string, detail: string | null = null): Unpacked {
  return { files: [], issues: [{ code, file, line: null, field: null, detail }] };
}

/**
 * What to do with an archive entry, by its name: read it (under a normalised path), skip it
 * (folders, hidden files, macOS resource forks, types the import does not read), or refuse the
 * archive (absolute paths, `..`).
 */
export function classifyEntry(
  name: string,
): { verdict: "read"; path: string } | { verdict: "skip" | "unsafe" } {
  const normal = name.replaceAll("\\", "/");
  if (normal.startsWith("/") || /^[A-Za-z]:/.test(normal)) return { verdict: "unsafe" };
  const parts = normal.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..")) return { verdict: "unsafe" };
  if (normal.endsWith("/") || parts.length === 0) return { verdict: "skip" };
  if (parts.some((part) => part.startsWith(".") || part === "__MACOSX")) return { verdict: "skip" };
  const path = parts.join("/");
  if (formatOf(path) === null) return { verdict: "skip" };
  return { verdict: "read", path };
}

/** Counts what an archive unpacks; false once it holds more than allowed. */
class Budget {
  private bytes = 0;
  private count = 0;
  admit(size: number): boolean {
    this.bytes += size;
    this.count += 1;
    return this.bytes <= MAX_UNPACKED_BYTES && this.count <= MAX_ARCHIVE_FILES;
  }
}

/** The entries as text, sorted by name; an entry not valid in its detected encoding is an issue. */
function sortedFiles(archive: string, entries: Iterable<[string, Uint8Array]>): Unpacked {
  const files: ImportFile[] = [];
  const issues: ImportIssue[] = [];
  for (const [name, content] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const decoded = decodeImportText(`${archive}/${name}`, content);
    if ("issue" in decoded) issues.push(decoded.issue);
    else files.push({ path: `${archive}/${name}`, content: decoded.content });
  }
  return { files, issues };
}

/**
 * Compressed bytes pushed to the zip reader at a time: deflate inflates at most ~1,000× so one
 * push yields about a megabyte, and a bomb is stopped within one push of the cap (measured: a
 * 1 MB zip declaring 100 bytes and holding 1 GiB is refused in ~90 ms; 64 KB pushes took ~890).
 */
const ZIP_PUSH_BYTES = 1024;

/**
 * Read with fflate's streaming `Unzip`, which inflates each entry chunk by chunk: the cap counts
 * the bytes actually inflated (an entry can declare 100 bytes and inflate to a gigabyte), and
 * inflating stops at the first chunk past it, so a bomb costs no more than the cap's worth of work.
 */
function unpackZip(path: string, bytes: Uint8Array): Unpacked {
  // The reader streams the local entries; the directory at the end says how many there are, so
  // a zip cut between two entries is not read as a shorter library.
  const declaredEntries = zipDirectoryEntries(bytes);
  if (declaredEntries === null) {
    const startsLikeZip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
    return startsLikeZip ? failed("archive_truncated", path) : failed("archive_invalid", path, "not a zip");
  }
  const budget = new Budget();
  let inflated = 0;
  const files = new Map<string, Uint8Array>();
  const open = new Set<string>();
  let unsafe: string | null = null;
  let tooLarge = false;
  let failure: Error | null = null;
  let entries = 0;
  const stopped = () => unsafe !== null || tooLarge || failure !== null;

  const unzip = new Unzip((file) => {
    entries += 1;
    const entry = classifyEntry(file.name);
    if (entry.verdict === "unsafe") unsafe ??= file.name.slice(0, 200);
    if (entry.verdict !== "read" || stopped()) return;
    // The declared size first (cheap), then every inflated chunk.
    if (!budget.admit(file.originalSize ?? 0)) {
      tooLarge = true;
      return;
    }
    const chunks: Uint8Array[] = [];
    open.add(entry.path);
    file.ondata = (error, chunk, final) => {
      if (error) {
        failure ??= error;
        return;
      }
      inflated += chunk.length;
      if (inflated > MAX_UNPACKED_BYTES) {
        tooLarge = true;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (!final) return;
      open.delete(entry.path);
      // By normalised path: `./a.md` and `a.md` are one file.
      files.set(entry.path, Buffer.concat(chunks));
    };
    try {
      file.start();
    } catch (error) {
      failure ??= error instanceof Error ? error : new Error(String(error));
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !stopped(); offset += ZIP_PUSH_BYTES) {
      const end = Math.min(offset + ZIP_PUSH_BYTES, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  }
  if (unsafe !== null) return failed("archive_unsafe_path", path, unsafe);
  if (tooLarge) return failed("archive_too_large", path);
  // Narrowed by hand: TypeScript does not see the callbacks above assign it.
  const error = failure as Error | null;
  if (error !== null) return failed("archive_invalid", path, error.message);
  if (open.size > 0) return failed("archive_truncated", path);
  // ZIP64 (0xFFFF) keeps its count elsewhere; such a library would be far past the caps anyway.
  if (declaredEntries !== 0xffff && entries !== declaredEntries) {
    return failed("archive_invalid", path, `${entries} entries read, ${declaredEntries} listed`);
  }
  return sortedFiles(path, files);
}

/**
 * The entry count of the zip's end-of-central-directory record (`PK\x05\x06`, within the last
 * 22 + 65,535 bytes, a comment's most), or null when there is none: not a zip, or one cut short.
 */
function zipDirectoryEntries(bytes: Uint8Array): number | null {
  if (bytes.length < 22) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (view.getUint32(at, true) === 0x06054b50) return view.getUint16(at + 10, true);
  }
  return null;
}

/** What zlib and node-tar say when the input stops early. */
function isTruncation(error: Error & { code?: unknown }): boolean {
  return error.code === "Z_BUF_ERROR" || /unexpected end of file|truncated input/i.test(error.message);
}

/** Bytes handed to the tar parser per write: an abort takes effect within one such slice. */
const TAR_WRITE_BYTES = 16 * 1024;
/** How much is fed after the end-of-archive blocks (see unpackTar). */
const TAR_TAIL_BYTES = 64 * 1024;

function unpackTar(path: string, bytes: Uint8Array): Unpacked {
  const budget = new Budget();
  // By path: a tar may hold a path twice (appended with `tar -r`); the last one is the file.
  const kept = new Map<string, Buffer[]>();
  let streamed = 0;
  let unsafe: string | null = null;
  let tooLarge = false;
  let failure: (Error & { code?: unknown }) | null = null;
  let sawEndMarker = false;
  let ended = false;

  const parser: TarParser = new TarParser({
    // A checksum failure or a body cut short is an error, not a warning to skip past.
    strict: true,
    // .tar and .tar.gz / .tgz only: gzip is recognised by its magic bytes.
    zstd: false,
    brotli: false,
    maxMetaEntrySize: 64 * 1024,
    onReadEntry(entry: ReadEntry) {
      if (!within(entry)) return;
      const named = classifyEntry(entry.path);
      if (named.verdict === "unsafe") {
        unsafe = entry.path.slice(0, 200);
        parser.abort(new Error("unsafe path"));
        return;
      }
      // Links, devices and folders are not files to read (a link is never followed).
      const regular = entry.type === "File" || entry.type === "OldFile" || entry.type === "ContiguousFile";
      if (named.verdict !== "read" || !regular) {
        entry.resume();
        return;
      }
      if (!budget.admit(entry.size)) {
        tooLarge = true;
        parser.abort(new Error("too large"));
        return;
      }
      const chunks: Buffer[] = [];
      kept.set(named.path, chunks);
      entry.on("data", (chunk: Buffer) => chunks.push(chunk));
    },
  });
  /** Counts every entry against {@link MAX_TAR_BYTES}, before its body is read. */
  function within(entry: ReadEntry): boolean {
    streamed += 512 + entry.size;
    if (streamed <= MAX_TAR_BYTES) return true;
    tooLarge = true;
    parser.abort(new Error("too large"));
    return false;
  }
  parser.on("ignoredEntry", (entry: ReadEntry) => within(entry));
  parser.on("error", (error: Error) => {
    failure ??= error;
  });
  parser.on("nullBlock", () => {
    sawEndMarker = true;
  });
  parser.on("eof", () => {
    sawEndMarker = true;
  });
  parser.on("end", () => {
    ended = true;
  });

  const input = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    // Past the end-of-archive blocks come the record's zero padding (a few compressed bytes) and
    // perhaps junk, which tar itself ignores: feed at most TAR_TAIL_BYTES more, since node-tar
    // works through whatever follows its end slowly (4,000 gzip members pasted together, 1.1 MB,
    // took 2.9 s).
    let tail = 0;
    for (
      let offset = 0;
      offset < input.length && failure === null && tail <= TAR_TAIL_BYTES;
      offset += TAR_WRITE_BYTES
    ) {
      if (sawEndMarker) tail += TAR_WRITE_BYTES;
      parser.write(input.subarray(offset, offset + TAR_WRITE_BYTES));
    }
    if (failure === null) parser.end();
  } catch (error) {
    failure ??= error instanceof Error ? error : new Error(String(error));
  }

  if (unsafe !== null) return failed("archive_unsafe_path", path, unsafe);
  if (tooLarge) return failed("archive_too_large", path);
  // Narrowed by hand: TypeScript does not see the callbacks above assign it.
  const error = failure as (Error & { code?: unknown }) | null;
  if (error !== null) {
    // node-tar's own guard: more than 1000 bytes out for each byte in is a zip bomb, not a library.
    if (/decompression ratio/i.test(error.message)) return failed("archive_too_large", path);
    return failed(isTruncation(error) ? "archive_truncated" : "archive_invalid", path, error.message);
  }
  // A tar ends with zero blocks; without them the input stopped between two entries.
  if (!ended || !sawEndMarker) return failed("archive_truncated", path);
  return sortedFiles(
    path,
    [...kept].map(([name, chunks]): [string, Uint8Array] => [name, Buffer.concat(chunks)]),
  );
}

/**
 * The readable files inside a zip or a tar (folders, hidden files and other types are skipped),
 * or the issue that stops the import.
 */
export function unpackArchive(path: string, bytes: Uint8Array): Unpacked {
  return archiveKind(path) === "tar" ? unpackTar(path, bytes) : unpackZip(path, bytes);
}
