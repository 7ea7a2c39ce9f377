import Encoding from "encoding-japanese";
import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatImportIssue } from "../../../src/discord/assignments/import-report.ts";
import { decodeImportText, detectEncoding } from "../../../src/domain/library/encoding.ts";
import { csvDelimiter, parseLibrary } from "../../../src/domain/library/parse.ts";
import { filesFromUpload } from "../../../src/domain/library/sources.ts";
import { translator } from "../../../src/i18n/translate.ts";

// Real bytes, as Japanese Excel and editors write them, made with encoding-japanese.
const CSV =
  "id,title_ja,brief,level,estimated_hours,skills\nsjis-1,①髙橋さんの ToDo アプリ,説明です,2,10,TypeScript;SQL\n";

function encode(text: string, to: "SJIS" | "UTF16LE" | "UTF16BE"): Uint8Array {
  return Uint8Array.from(Encoding.convert(Encoding.stringToCode(text), { to, from: "UNICODE" }));
}
const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bom: number[], bytes: Uint8Array) => Uint8Array.from([...bom, ...bytes]);

function importOf(name: string, bytes: Uint8Array) {
  const read = filesFromUpload(name, bytes);
  return { read, library: parseLibrary(read.files) };
}

describe("detecting and decoding an import's encoding", () => {
  it.each([
    ["UTF-8 without BOM", utf8(CSV), "UTF-8"],
    ["UTF-8 with BOM", withBom([0xef, 0xbb, 0xbf], utf8(CSV)), "UTF-8"],
    ["Shift_JIS (CP932, with ① and 髙)", encode(CSV, "SJIS"), "Shift_JIS"],
    ["UTF-16LE with BOM", withBom([0xff, 0xfe], encode(CSV, "UTF16LE")), "UTF-16LE"],
    ["UTF-16BE with BOM", withBom([0xfe, 0xff], encode(CSV, "UTF16BE")), "UTF-16BE"],
    ["UTF-16LE without BOM", encode(CSV, "UTF16LE"), "UTF-16LE"],
    ["UTF-16BE without BOM", encode(CSV, "UTF16BE"), "UTF-16BE"],
  ] as const)(
    "GIVEN a CSV in %s THEN it is read as %s and imports the Japanese title intact",
    (_, bytes, name) => {
      expect(detectEncoding(bytes)).toBe(name);
      const { read, library } = importOf("library.csv", bytes);
      expect(read.issues).toEqual([]);
      expect(library.issues).toEqual([]);
      expect(library.entries).toHaveLength(1);
      expect(library.entries[0]?.key).toBe("sjis-1");
      expect(library.entries[0]?.content.titleJa).toBe("①髙橋さんの ToDo アプリ");
      expect(library.entries[0]?.content.skills).toEqual(["TypeScript", "SQL"]);
    },
  );

  it("GIVEN Shift_JIS bytes cut in the middle of a character THEN the file is refused, naming Shift_JIS", () => {
    const bytes = Uint8Array.from([...encode(CSV, "SJIS"), 0x82]);
    const decoded = decodeImportText("broken.csv", bytes);
    expect(decoded).toEqual({
      issue: { code: "encoding_invalid", file: "broken.csv", line: null, field: null, detail: "Shift_JIS" },
    });
    const text = formatImportIssue(translator("en"), (decoded as { issue: never }).issue);
    expect(text).toContain("aren't valid Shift_JIS");
    expect(formatImportIssue(translator("ja"), (decoded as { issue: never }).issue)).toContain(
      "文字コード Shift_JIS として読めない",
    );
  });

  it("GIVEN UTF-8 text with a stray byte THEN it is refused as UTF-8, not imported as mojibake", () => {
    const bytes = Uint8Array.from([...utf8(CSV), 0xff, 0x0a]);
    expect(decodeImportText("stray.csv", bytes)).toMatchObject({ issue: { detail: "UTF-8" } });
    expect(importOf("stray.csv", bytes).read.issues.map((i) => i.code)).toEqual(["encoding_invalid"]);
  });

  it("GIVEN a zip holding a Shift_JIS CSV THEN its entry is decoded as Shift_JIS too", () => {
    const zip = zipSync({ "lib/library.csv": encode(CSV, "SJIS") });
    const { read, library } = importOf("lib.zip", zip);
    expect(read.issues).toEqual([]);
    expect(library.entries[0]?.content.titleJa).toBe("①髙橋さんの ToDo アプリ");
  });
});

describe("detecting a CSV's delimiter", () => {
  it.each([
    [",", CSV],
    [";", CSV.replaceAll(",", ";").replace("TypeScript;SQL", '"TypeScript,SQL"')],
    ["\t", CSV.replaceAll(",", "\t")],
  ])("GIVEN a CSV delimited by %j THEN it is detected and the row imports", (delimiter, text) => {
    expect(csvDelimiter(text)).toBe(delimiter);
    const { library } = importOf("library.csv", utf8(text));
    expect(library.issues).toEqual([]);
    expect(library.entries[0]?.content).toMatchObject({ titleJa: "①髙橋さんの ToDo アプリ", level: 2 });
    expect(library.entries[0]?.content.skills).toEqual(["TypeScript", "SQL"]);
  });

  it("GIVEN a delimiter inside a quoted header name THEN it is not counted", () => {
    expect(csvDelimiter('"a;b;c",d\n1,2')).toBe(",");
  });
});

describe("field errors say what a good value looks like", () => {
  const t = translator("en");
  const problems = (text: string) => parseLibrary([{ path: "l.csv", content: text }]).issues;

  it("GIVEN a bad id THEN the message names the pattern and an example", () => {
    const [issue] = problems("id,title_ja,brief,level,estimated_hours\nbad id!,t,b,1,1\n");
    const text = formatImportIssue(t, issue ?? expect.fail("no issue"));
    expect(text).toContain("(got: bad id!)");
    expect(text).toContain("pattern `^[A-Za-z0-9][A-Za-z0-9._-]*$`");
    expect(text).toContain("e.g. `2026-spring-todo-api`");
  });

  it("GIVEN a missing brief and bad hours THEN each names the good value", () => {
    const lines = problems("id,title_ja,level,estimated_hours\nok-1,t,1,lots\n").map((i) =>
      formatImportIssue(t, i),
    );
    expect(lines.find((l) => l.includes("`brief`"))).toContain("up to 8,000 characters");
    expect(lines.find((l) => l.includes("`estimated_hours`"))).toContain(
      "whole number of hours from 1 to 2000",
    );
  });

  it("GIVEN an unknown field THEN the known fields and delimiters are listed", () => {
    const [issue] = problems("id,title_ja,brief,level,estimated_hours,colour\nok-1,t,b,1,1,red\n");
    const text = formatImportIssue(t, issue ?? expect.fail("no issue"));
    expect(text).toContain("`estimated_hours`");
    expect(text).toContain("commas, semicolons or tabs");
  });
});
