/**
 * Normalises what people type on phones and Japanese keyboards: full-width digits and
 * letters (ＴｙｐｅＳｃｒｉｐｔ：３) become half-width, and the many list separators people use
 * (、，,；;・ and new lines) all split a list.
 */
export function normaliseWidth(text: string): string {
  return text.normalize("NFKC");
}

/** Splits a typed list into trimmed, non-empty entries. */
export function splitList(text: string): string[] {
  return normaliseWidth(text)
    .split(/[,、;\n・]+/u)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}
