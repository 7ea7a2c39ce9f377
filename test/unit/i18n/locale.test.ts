import { describe, expect, it } from "vitest";
import { resolveLocale } from "../../../src/i18n/locale.ts";
import { discordTimestamp } from "../../../src/i18n/time.ts";

describe("resolveLocale", () => {
  it("GIVEN a programme with a forced locale THEN it wins over the user's Discord locale", () => {
    expect(resolveLocale({ programmeLocale: "en", userLocale: "ja" })).toBe("en");
    expect(resolveLocale({ programmeLocale: "ja", userLocale: "en-US" })).toBe("ja");
  });

  it.each([
    ["ja", "ja"],
    ["en-US", "en"],
    ["en-GB", "en"],
    ["ko", "en"],
    ["zh-CN", "en"],
    ["vi", "en"],
    ["pt-BR", "en"],
  ] as const)(
    "GIVEN Discord locale %s and no forced locale THEN replies are in %s",
    (userLocale, expected) => {
      expect(resolveLocale({ programmeLocale: null, userLocale })).toBe(expected);
    },
  );

  it("GIVEN no locale at all THEN the fallback is Japanese", () => {
    expect(resolveLocale({})).toBe("ja");
    expect(resolveLocale({ userLocale: null, programmeLocale: null })).toBe("ja");
  });

  it("GIVEN a deployment default THEN it is the fallback", () => {
    expect(resolveLocale({ fallback: "en" })).toBe("en");
  });
});

describe("discordTimestamp", () => {
  it("GIVEN a date THEN it renders a Discord timestamp in whole seconds", () => {
    const at = new Date("2026-04-01T09:30:00.900+09:00");
    expect(discordTimestamp(at)).toBe("<t:1775003400:F>");
    expect(discordTimestamp(at, "R")).toBe("<t:1775003400:R>");
  });
});
