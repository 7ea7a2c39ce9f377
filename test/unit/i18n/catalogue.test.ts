import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../../src/config/env.ts";
import { interpolate, placeholdersOf } from "../../../src/i18n/catalogue.ts";
import { en, enCommands } from "../../../src/i18n/locales/en.ts";
import { ja, jaCommands } from "../../../src/i18n/locales/ja.ts";

const catalogues = { ja, en } satisfies Record<(typeof SUPPORTED_LOCALES)[number], Record<string, string>>;

function placeholders(message: string): string[] {
  return [...new Set(placeholdersOf(message))].sort();
}

describe("message catalogues", () => {
  it("GIVEN every supported locale THEN it has a catalogue", () => {
    expect(Object.keys(catalogues).sort()).toEqual([...SUPPORTED_LOCALES].sort());
  });

  it("GIVEN ja and en THEN they have exactly the same keys", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it.each(Object.keys(ja))(
    "GIVEN %s THEN both languages have a non-empty text with the same variables",
    (key) => {
      const jaText = ja[key as keyof typeof ja];
      const enText = en[key as keyof typeof en];
      for (const text of [jaText, enText]) {
        expect(text.trim()).not.toBe("");
        expect(text).toBe(text.trim());
      }
      expect(placeholders(enText)).toEqual(placeholders(jaText));
    },
  );

  it("GIVEN the Japanese catalogue THEN no message was left in English by mistake", () => {
    const untranslated = Object.entries(ja).filter(
      ([key, text]) => text === en[key as keyof typeof en] && !/^[\p{S}\s]*Redis$/u.test(text),
    );
    expect(untranslated).toEqual([]);
  });
});

describe("command catalogues", () => {
  it("GIVEN ja and en THEN they have exactly the same keys", () => {
    expect(Object.keys(enCommands).sort()).toEqual(Object.keys(jaCommands).sort());
  });

  it.each(Object.keys(jaCommands))("GIVEN %s THEN its texts are non-empty in both languages", (key) => {
    const texts = [
      ...Object.values(jaCommands[key as keyof typeof jaCommands]),
      ...Object.values(enCommands[key as keyof typeof enCommands]),
    ];
    for (const text of texts) expect(text.trim()).not.toBe("");
  });
});

describe("interpolate", () => {
  it("GIVEN variables THEN every occurrence is filled and unknown placeholders stay", () => {
    expect(interpolate("{a} {b} {a} {c}", { a: 1, b: "x" }, "en")).toBe("1 x 1 {c}");
  });

  it("GIVEN a value that looks like a placeholder THEN it is not expanded again", () => {
    expect(interpolate("{a}{b}", { a: "{b}", b: "!" }, "en")).toBe("{b}!");
  });

  it("GIVEN inherited property names THEN they are not treated as variables", () => {
    expect(interpolate("{constructor}", {}, "en")).toBe("{constructor}");
  });

  it("GIVEN a plural block THEN Intl.PluralRules picks the form and # is the number", () => {
    const message = "{n, plural, =0 {no files} one {# file} other {# files}} in {dir}";
    expect(interpolate(message, { n: 0, dir: "a" }, "en")).toBe("no files in a");
    expect(interpolate(message, { n: 1, dir: "a" }, "en")).toBe("1 file in a");
    expect(interpolate(message, { n: 2, dir: "a" }, "en")).toBe("2 files in a");
    expect(interpolate("{n, plural, one {# file} other {# files}}", { n: 1 }, "ja")).toBe("1 files");
    expect(placeholdersOf(message)).toEqual(["n", "dir"]);
  });

  it("GIVEN a plural block with a value that is not a number THEN the block is left as it is", () => {
    const message = "{n, plural, one {# file} other {# files}}";
    expect(interpolate(message, { n: "many" }, "en")).toBe(message);
    expect(interpolate(message, { n: Number.NaN }, "en")).toBe(message);
  });
});
