import { describe, expect, it } from "vitest";
import { pdfFont } from "../../../src/discord/competency/fonts.ts";
import { COMPETENCY_ELEMENTS } from "../../../src/domain/competency/elements.ts";
import { ja } from "../../../src/i18n/locales/ja.ts";

/** The code points a TrueType font maps (cmap formats 4 and 12), read straight from the sfnt. */
function mappedCodePoints(font: Buffer): Set<number> {
  const numTables = font.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < numTables; i++) {
    if (font.toString("latin1", 12 + i * 16, 16 + i * 16) === "cmap")
      cmap = font.readUInt32BE(12 + i * 16 + 8);
  }
  if (cmap < 0) throw new Error("no cmap");
  const points = new Set<number>();
  const subtables = font.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap + font.readUInt32BE(cmap + 4 + i * 8 + 4);
    const format = font.readUInt16BE(at);
    if (format === 12) {
      const groups = font.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) {
        const start = font.readUInt32BE(at + 16 + g * 12);
        const end = font.readUInt32BE(at + 20 + g * 12);
        for (let c = start; c <= end; c++) points.add(c);
      }
    } else if (format === 4) {
      const segments = font.readUInt16BE(at + 6) / 2;
      for (let s = 0; s < segments; s++) {
        const end = font.readUInt16BE(at + 14 + s * 2);
        const start = font.readUInt16BE(at + 16 + segments * 2 + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) points.add(c);
      }
    }
  }
  return points;
}

describe("the bundled Japanese font", () => {
  const font = pdfFont(400);
  const points = mappedCodePoints(font);
  // What the chart and the certificate draw: every message of the two features and the element labels.
  const rendered = [
    ...Object.entries(ja)
      .filter(([key]) => key.startsWith("competency.") || key.startsWith("certificate."))
      .map(([, text]) => text),
    ...COMPETENCY_ELEMENTS.flatMap((e) => [e.ja, e.en]),
  ];

  it("GIVEN the WOFF unpacked to TrueType THEN it is an sfnt with Japanese and Latin", () => {
    expect([0x00010000, 0x4f54544f]).toContain(font.readUInt32BE(0));
    expect(points.has("社".codePointAt(0) ?? 0)).toBe(true);
    expect(points.has("A".codePointAt(0) ?? 0)).toBe(true);
  });

  it("THEN every character of every ja string the chart and the certificate render has a glyph", () => {
    const missing = new Set<string>();
    for (const text of rendered) {
      for (const ch of text.replace(/\{\w+\}/g, "")) {
        const cp = ch.codePointAt(0) ?? 0;
        // Emoji in chat-only messages (✅ ⚠️ 💾) are never drawn; everything else must be.
        if (/\p{Extended_Pictographic}|\uFE0F|\s/u.test(ch)) continue;
        if (!points.has(cp)) missing.add(ch);
      }
    }
    expect([...missing]).toEqual([]);
  });
});
