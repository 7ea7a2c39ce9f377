/** Which files a hand-in may carry: type by extension, confirmed by the first bytes. */
import type { SubmissionSettings } from "./types.ts";

/** Bytes of the start of a file that {@link contentMatches} looks at (text files: no NUL in them). */
export const HEAD_BYTES = 8192;

const bytes = (...values: number[]) => Uint8Array.from(values);
const ascii = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const ZIP = [bytes(0x50, 0x4b, 0x03, 0x04), bytes(0x50, 0x4b, 0x05, 0x06)];

/** Signatures per type: any one at offset 0 (`at` for other offsets). */
const SIGNATURES: Record<string, { at?: number; sig: Uint8Array }[] | "text"> = {
  pdf: [{ sig: ascii("%PDF-") }],
  zip: ZIP.map((sig) => ({ sig })),
  pptx: ZIP.map((sig) => ({ sig })),
  docx: ZIP.map((sig) => ({ sig })),
  xlsx: ZIP.map((sig) => ({ sig })),
  png: [{ sig: bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) }],
  jpg: [{ sig: bytes(0xff, 0xd8, 0xff) }],
  jpeg: [{ sig: bytes(0xff, 0xd8, 0xff) }],
  gif: [{ sig: ascii("GIF87a") }, { sig: ascii("GIF89a") }],
  webp: [{ sig: ascii("RIFF") }, { at: 8, sig: ascii("WEBP") }],
  mp4: [{ at: 4, sig: ascii("ftyp") }],
  txt: "text",
  md: "text",
  csv: "text",
  json: "text",
};

/** The lower-case extension of a file name, or null without one. */
export function extensionOf(name: string): string | null {
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(name);
  return match?.[1]?.toLowerCase() ?? null;
}

/** Why a file is refused before anything is downloaded, or null. */
export type FileProblem = { problem: "too_large"; maxMb: number } | { problem: "type"; allowed: string };

/** Checks a file's declared size and its extension against the programme's settings. */
export function declaredFileProblem(
  file: { name: string; size: number },
  settings: Pick<SubmissionSettings, "maxFileMb" | "allowedTypes">,
): FileProblem | null {
  if (file.size > maxFileBytes(settings)) return { problem: "too_large", maxMb: settings.maxFileMb };
  const ext = extensionOf(file.name);
  if (ext === null || !settings.allowedTypes.includes(ext) || !(ext in SIGNATURES)) {
    return { problem: "type", allowed: settings.allowedTypes.join(", ") };
  }
  return null;
}

export function maxFileBytes(settings: Pick<SubmissionSettings, "maxFileMb">): number {
  return settings.maxFileMb * 1024 * 1024;
}

function startsWithAt(head: Uint8Array, sig: Uint8Array, at: number): boolean {
  if (head.length < at + sig.length) return false;
  return sig.every((b, i) => head[at + i] === b);
}

/**
 * Whether the content starts the way files of `ext` do. Text types have no signature: the first
 * bytes must hold no NUL (a binary renamed `.txt` is refused). `head` is the start of the file,
 * {@link HEAD_BYTES} long or the whole file when shorter.
 */
export function contentMatches(ext: string, head: Uint8Array): boolean {
  const rule = SIGNATURES[ext];
  if (rule === undefined) return false;
  if (rule === "text") return !head.subarray(0, HEAD_BYTES).includes(0);
  // webp needs both its RIFF header and its WEBP tag; every other type needs one signature.
  if (ext === "webp") return rule.every((r) => startsWithAt(head, r.sig, r.at ?? 0));
  return rule.some((r) => startsWithAt(head, r.sig, r.at ?? 0));
}
