import { describe, expect, it } from "vitest";
import { inEachLocale, sharedLocales } from "../../../src/i18n/shared.ts";
import { t } from "../../../src/i18n/translate.ts";

describe("sharedLocales", () => {
  it("GIVEN a programme that pins a language THEN shared texts are in that language alone", () => {
    expect(sharedLocales({ forcedLocale: "en" }, "ja")).toEqual(["en"]);
    expect(sharedLocales({ forcedLocale: "ja" }, "en")).toEqual(["ja"]);
  });

  it("GIVEN no pinned language THEN both, the deployment's default first", () => {
    expect(sharedLocales({ forcedLocale: null }, "ja")).toEqual(["ja", "en"]);
    expect(sharedLocales({ forcedLocale: null }, "en")).toEqual(["en", "ja"]);
  });
});

describe("inEachLocale", () => {
  it("GIVEN both languages THEN each rendering is joined in order", () => {
    expect(inEachLocale(["ja", "en"], (l) => t(l, "program.welcome.join"), " / ")).toBe("参加する / Join");
    expect(inEachLocale(["en", "ja"], (l) => t(l, "program.welcome.join"), " / ")).toBe("Join / 参加する");
  });

  it("GIVEN one language, or a text that reads the same in both THEN it is said once", () => {
    expect(inEachLocale(["en"], (l) => t(l, "program.welcome.join"), " / ")).toBe("Join");
    expect(inEachLocale(["ja", "en"], () => "2030 春インターン", " / ")).toBe("2030 春インターン");
  });
});
