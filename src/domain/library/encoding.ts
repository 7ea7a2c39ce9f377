/**
 * The text of an imported file, whatever Excel or an editor saved it as: UTF-8 with or without a
 * BOM, Shift_JIS (Windows' CP932, what Japanese Excel writes for "CSV"), or UTF-16 LE/BE (Excel's
 * "Unicode text"). A BOM decides; without one, encoding-japanese's detection does. The bytes are
 * then decoded strictly, so a file that is not valid in that encoding is refused (naming it)
 * instead of being stored as mojibake.
 */
import Encoding from "encoding-japanese";
import type { ImportIssue } from "./types.ts";

/** The encodings an import reads, by the name a message shows. */
export type TextEncodingName = "UTF-8" | "Shift_JIS" | "UTF-16LE" | "UTF-16BE";

const DECODER_LABEL: Record<TextEncodingName, string> = {
  "UTF-8": "utf-8",
  Shift_JIS: "shift_jis",
  "UTF-16LE": "utf-16le",
  "UTF-16BE": "utf-16be",
};

function fromBom(bytes: Uint8Array): { encoding: TextEncodingName; skip: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: "UTF-8", skip: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: "UTF-16LE", skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: "UTF-16BE", skip: 2 };
  return null;
}

/** How many characters the bytes fail to decode to in `encoding` (replacement characters). */
function undecodable(bytes: Uint8Array, encoding: TextEncodingName): number {
  let count = 0;
  for (const char of new TextDecoder(DECODER_LABEL[encoding]).decode(bytes))
    if (char === "\uFFFD") count += 1;
  return count;
}

/** The encoding the bytes are in (or most probably meant to be in, when they are not valid in any). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  const bom = fromBom(bytes);
  if (bom) return bom.encoding;
  switch (Encoding.detect(bytes, ["UTF16BE", "UTF16LE", "UTF8", "SJIS"])) {
    case "UTF16BE":
      return "UTF-16BE";
    case "UTF16LE":
      return "UTF-16LE";
    case "UTF8":
      return "UTF-8";
    case "SJIS":
      return "Shift_JIS";
    default:
      // Valid in none of them: name the one it was evidently written in.
      if (bytes.includes(0)) return bytes[0] === 0 ? "UTF-16BE" : "UTF-16LE";
      return undecodable(bytes, "UTF-8") <= undecodable(bytes, "Shift_JIS") ? "UTF-8" : "Shift_JIS";
  }
}

/**
 * Decodes an imported file. Refuses (with an `encoding_invalid` issue whose detail is the
 * encoding's name) bytes that are not valid in the encoding they were detected as.
 */
export function decodeImportText(
  path: string,
  bytes: Uint8Array,
): { content: string; encoding: TextEncodingName } | { issue: ImportIssue } {
  const encoding = detectEncoding(bytes);
  const skip = fromBom(bytes)?.skip ?? 0;
  try {
    const decoder = new TextDecoder(DECODER_LABEL[encoding], { fatal: true, ignoreBOM: true });
    return { content: decoder.decode(bytes.subarray(skip)), encoding };
  } catch {
    return { issue: { code: "encoding_invalid", file: path, line: null, field: null, detail: encoding } };
  }
}
