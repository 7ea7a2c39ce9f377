import { describe, expect, it } from "vitest";
import type { Placeholders, TranslationOf, VarsOf } from "../../../src/i18n/catalogue.ts";
import { t } from "../../../src/i18n/translate.ts";

// These checks run in `tsc --noEmit`: each `@ts-expect-error` fails the type check if the line
// below it ever compiles. The runtime assertions only keep vitest honest about the same calls.

describe("typed messages", () => {
  it("GIVEN a key with variables THEN exactly those variables compile", () => {
    expect(t("en", "error.unexpected", { errorId: "E-0000" })).toContain("E-0000");

    // Never called: these calls exist for the compiler only.
    const mistakes = () => [
      // @ts-expect-error a key that is not in the catalogue
      t("en", "error.nope"),
      // @ts-expect-error a missing variable
      t("en", "error.unexpected"),
      // @ts-expect-error a misspelt variable
      t("en", "error.unexpected", { errorID: "E-0000" }),
      // @ts-expect-error an extra variable
      t("en", "error.unexpected", { errorId: "E-0000", extra: 1 }),
      // @ts-expect-error variables for a message that has none
      t("en", "about.title", { name: "x" }),
      // @ts-expect-error an unsupported locale
      t("fr", "about.title"),
    ];
    expect(mistakes).toBeTypeOf("function");
  });

  it("GIVEN a translation THEN a missing key, an extra key or other placeholders fail tsc", () => {
    const source = { a: "Hi {name}", b: "Plain" } as const;
    type Check<T> = T extends TranslationOf<typeof source, T> ? true : false;

    const good: Check<{ a: "やあ {name}"; b: "ふつう" }> = true;
    // @ts-expect-error placeholder renamed
    const renamed: Check<{ a: "やあ {nom}"; b: "ふつう" }> = true;
    // @ts-expect-error placeholder added
    const added: Check<{ a: "やあ {name} {x}"; b: "ふつう" }> = true;
    // @ts-expect-error key missing
    const missing: Check<{ a: "やあ {name}" }> = true;
    // @ts-expect-error key added
    const extra: Check<{ a: "やあ {name}"; b: "ふつう"; c: "extra" }> = true;
    expect([good, renamed, added, missing, extra]).toHaveLength(5);
  });

  it("GIVEN a message THEN its placeholders are parsed at the type level", () => {
    const names: Placeholders<"{a} and {b}, {a}">[] = ["a", "b"];
    // @ts-expect-error not a placeholder of the message
    const wrong: Placeholders<"{a}">[] = ["b"];
    expect([names, wrong]).toHaveLength(2);
  });

  it("GIVEN a plural block THEN its variable is a placeholder that must be a number", () => {
    const names: Placeholders<"{n, plural, one {# a} other {# as}} of {x}, {m, plural, other {#}}">[] = [
      "n",
      "x",
      "m",
    ];
    const good: VarsOf<"{n, plural, one {# a} other {# as}}"> = { n: 1 };
    // @ts-expect-error a plural variable must be a number
    const text: VarsOf<"{n, plural, one {# a} other {# as}}"> = { n: "1" };
    // @ts-expect-error a variable the translation pluralises must be a number too
    const viaTranslation: VarsOf<"{n} 件", "n"> = { n: "1" };
    expect([names, good, text, viaTranslation]).toHaveLength(4);

    const source = { a: "{n} 件" } as const;
    type Check<T> = T extends TranslationOf<typeof source, T> ? true : false;
    const plural: Check<{ a: "{n, plural, one {# item} other {# items}}" }> = true;
    // @ts-expect-error the plural block names another variable
    const otherVar: Check<{ a: "{m, plural, one {# item} other {# items}}" }> = true;
    expect([plural, otherVar]).toHaveLength(2);
  });

  it("GIVEN a message the English catalogue pluralises THEN t wants a number", () => {
    expect(t("en", "review.rubric.set.done", { count: 1 })).toBe("The rubric now has 1 criterion.");
    // @ts-expect-error the English message picks its form by `count`, so it must be a number
    const mistake = () => t("ja", "review.rubric.set.done", { count: "1" });
    expect(mistake).toBeTypeOf("function");
  });
});
