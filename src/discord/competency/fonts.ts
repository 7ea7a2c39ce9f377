/**
 * The bundled Japanese font: Noto Sans JP (SIL Open Font License 1.1) from
 * `@fontsource/noto-sans-jp`. That package splits the font by unicode-range into ~125 subsets
 * for browsers, and also ships one `japanese` subset (6,887 characters: kana, the JIS kanji,
 * Latin, digits and punctuation), which covers the whole catalogue (test/unit/competency/glyphs.test.ts).
 *
 * Formats: Skia (`@napi-rs/canvas` `GlobalFonts`) reads WOFF and WOFF2. fontkit (pdfkit) reads
 * both too, but slowly: its pure-JS inflate made one PDF take 12 s from the WOFF, and it embeds
 * the whole 1.7 MB font from the WOFF2 instead of a subset. So the PDF gets a TrueType copy,
 * unpacked once per process from the WOFF with node's zlib (WOFF 1.0 is zlib-compressed
 * tables around an sfnt), and pdfkit subsets that (a few KB per PDF).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { inflateSync } from "node:zlib";
import { GlobalFonts } from "@napi-rs/canvas";

const require = createRequire(import.meta.url);

/** The family name the chart uses. */
export const FONT_FAMILY = "TaikenNotoSansJP";

const FONT_FILES = {
  400: require.resolve("@fontsource/noto-sans-jp/files/noto-sans-jp-japanese-400-normal.woff"),
  700: require.resolve("@fontsource/noto-sans-jp/files/noto-sans-jp-japanese-700-normal.woff"),
} as const;

export function fontPath(weight: 400 | 700): string {
  return FONT_FILES[weight];
}

let registered = false;

/** Registers the font with Skia once per process. */
export function registerChartFont(): string {
  if (!registered) {
    GlobalFonts.registerFromPath(fontPath(400), FONT_FAMILY);
    GlobalFonts.registerFromPath(fontPath(700), FONT_FAMILY);
    registered = true;
  }
  return FONT_FAMILY;
}

/** Unpacks a WOFF 1.0 file into the sfnt (TrueType/OpenType) it wraps. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) throw new Error("not a WOFF 1.0 file");
  const flavor = woff.readUInt32BE(4);
  const numTables = woff.readUInt16BE(12);
  const tables = Array.from({ length: numTables }, (_, i) => {
    const at = 44 + i * 20;
    const offset = woff.readUInt32BE(at + 4);
    const compLength = woff.readUInt32BE(at + 8);
    const origLength = woff.readUInt32BE(at + 12);
    const raw = woff.subarray(offset, offset + compLength);
    return {
      tag: woff.readUInt32BE(at),
      checksum: woff.readUInt32BE(at + 16),
      data: compLength < origLength ? inflateSync(raw) : raw,
    };
  });
  const headerLength = 12 + 16 * numTables;
  const padded = (n: number) => (n + 3) & ~3;
  const out = Buffer.alloc(headerLength + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  let selector = 0;
  while (1 << (selector + 1) <= numTables) selector += 1;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(numTables, 4);
  out.writeUInt16BE((1 << selector) * 16, 6);
  out.writeUInt16BE(selector, 8);
  out.writeUInt16BE(numTables * 16 - (1 << selector) * 16, 10);
  let offset = headerLength;
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    out.writeUInt32BE(t.tag, at);
    out.writeUInt32BE(t.checksum, at + 4);
    out.writeUInt32BE(offset, at + 8);
    out.writeUInt32BE(t.data.length, at + 12);
    t.data.copy(out, offset);
    offset += padded(t.data.length);
  });
  return out;
}

const sfnt = new Map<number, Buffer>();

/** The TrueType font for pdfkit, unpacked once per process and weight. */
export function pdfFont(weight: 400 | 700): Buffer {
  let font = sfnt.get(weight);
  if (font === undefined) {
    font = woffToSfnt(readFileSync(fontPath(weight)));
    sfnt.set(weight, font);
  }
  return font;
}
