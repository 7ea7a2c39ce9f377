import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { unpackArchive } from "../../../src/domain/library/archive.ts";
import { parseLibrary } from "../../../src/domain/library/parse.ts";

const markdown = `---
id: 2024-spring-todo
title:
  ja: TODO API を作る
  en: Build a TODO API
skills: [TypeScript, SQL]
level: 2
estimated_hours: 20
origin_round: 2024 spring
status: retired
links:
  - label: Spec
    url: https://example.com/spec
attachments:
  - name: wireframe.png
    url: https://example.com/wireframe.png
---

Build a small TODO API with tests.
`;

const yamlList = `assignments:
  - id: a1
    title_ja: 課題一
    brief: 一つ目
    level: 1
    estimated_hours: 5
  - id: a2
    title_ja: 課題二
    brief: 二つ目
    level: 9
    estimated_hours: 5
`;

describe("parseLibrary", () => {
  it("GIVEN a Markdown file with front matter THEN the body is the brief and every field is read", () => {
    const { entries, issues } = parseLibrary([{ path: "lib/todo.md", content: markdown }]);
    expect(issues).toEqual([]);
    expect(entries).toEqual([
      {
        key: "2024-spring-todo",
        source: { file: "lib/todo.md", line: 1 },
        content: {
          titleJa: "TODO API を作る",
          titleEn: "Build a TODO API",
          brief: "Build a small TODO API with tests.",
          skills: ["TypeScript", "SQL"],
          tags: [],
          level: 2,
          estimatedHours: 20,
          originRound: "2024 spring",
          status: "retired",
          links: [{ label: "Spec", url: "https://example.com/spec" }],
          attachments: [{ name: "wireframe.png", url: "https://example.com/wireframe.png" }],
        },
      },
    ]);
  });

  it("GIVEN a Markdown file without an id THEN the file name is the id", () => {
    const content = "---\ntitle_ja: 無題\nlevel: 3\nestimatedHours: 8\n---\nbrief text\n";
    const { entries, issues } = parseLibrary([{ path: "dir/my-task.md", content }]);
    expect(issues).toEqual([]);
    expect(entries[0]?.key).toBe("my-task");
    expect(entries[0]?.content.estimatedHours).toBe(8);
  });

  it("GIVEN a Markdown file without front matter THEN the issue names the file", () => {
    const { issues } = parseLibrary([{ path: "x.md", content: "# just a heading\n" }]);
    expect(issues).toEqual([
      { code: "front_matter_missing", file: "x.md", line: 1, field: null, detail: null },
    ]);
  });

  it("GIVEN a YAML list with an unknown level THEN the issue names file, line and field", () => {
    const { issues } = parseLibrary([{ path: "lib.yaml", content: yamlList }]);
    expect(issues).toEqual([
      { code: "invalid_level", file: "lib.yaml", line: 10, field: "level", detail: "9" },
    ]);
  });

  it("GIVEN a JSON list THEN it is read like YAML, with line numbers", () => {
    const json = JSON.stringify(
      [
        {
          id: "j1",
          title: "JSON 課題",
          brief: "b",
          level: 3,
          estimated_hours: 10,
          status: "active-in-recruitment",
        },
        { id: "j2", title: "二", brief: "b", level: 3 },
      ],
      null,
      2,
    );
    const { entries, issues } = parseLibrary([{ path: "lib.json", content: json }]);
    expect(entries[0]?.content.status).toBe("active_in_recruitment");
    expect(issues).toEqual([
      { code: "required", file: "lib.json", line: 10, field: "estimated_hours", detail: null },
    ]);
  });

  it("GIVEN malformed JSON THEN a syntax issue names the line", () => {
    const { issues, entries } = parseLibrary([{ path: "bad.json", content: '[\n  {"id": "x",\n  }\n' }]);
    expect(entries).toEqual([]);
    expect(issues[0]).toMatchObject({ code: "syntax", file: "bad.json" });
    expect(issues[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it("GIVEN a CSV THEN list cells split on semicolons and each row knows its line", () => {
    const csv = [
      "id,title_ja,title_en,brief,skills,level,estimated_hours,status,links",
      'c1,課題,Task,"A brief, with a comma",TypeScript; React,2,12,retired,Spec|https://example.com/s',
      "c2,課題2,,Second,,expert,4,,",
    ].join("\n");
    const { entries, issues } = parseLibrary([{ path: "lib.csv", content: csv }]);
    expect(entries[0]?.content).toMatchObject({
      brief: "A brief, with a comma",
      skills: ["TypeScript", "React"],
      links: [{ label: "Spec", url: "https://example.com/s" }],
      titleEn: "Task",
    });
    expect(issues).toEqual([
      { code: "invalid_level", file: "lib.csv", line: 3, field: "level", detail: "expert" },
    ]);
  });

  it("GIVEN a CSV with a broken quote THEN the issue is csv_quote with a line", () => {
    const csv = 'id,title_ja,brief,level,estimated_hours\nq1,"unterminated,b,1,2\n';
    const { issues } = parseLibrary([{ path: "q.csv", content: csv }]);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "csv_quote", file: "q.csv" });
    expect(issues[0]?.line).toBe(2);
  });

  it("GIVEN the same id in two files THEN duplicate_id points at both", () => {
    const one = "---\nid: same\ntitle_ja: 一\nlevel: 1\nestimated_hours: 1\n---\nb\n";
    const { issues } = parseLibrary([
      { path: "a.md", content: one },
      { path: "b.md", content: one },
    ]);
    expect(issues).toEqual([
      { code: "duplicate_id", file: "b.md", line: 2, field: "id", detail: "same (a.md:1)" },
    ]);
  });

  it("GIVEN a misspelt field THEN unknown_field names it", () => {
    const content = "---\nid: t\ntitle_ja: 一\nlevle: 1\nlevel: 1\nestimated_hours: 1\n---\nb\n";
    const { issues } = parseLibrary([{ path: "t.md", content }]);
    expect(issues).toEqual([{ code: "unknown_field", file: "t.md", line: 4, field: "levle", detail: null }]);
  });

  it("GIVEN a link that is not a URL THEN invalid_url names the links field", () => {
    const content = "---\nid: t\ntitle_ja: 一\nlevel: 1\nestimated_hours: 1\nlinks: [not a url]\n---\nb\n";
    const { issues } = parseLibrary([{ path: "t.md", content }]);
    expect(issues).toMatchObject([{ code: "invalid_url", field: "links", line: 6 }]);
  });

  it("GIVEN nothing to import THEN the issue is empty", () => {
    expect(parseLibrary([{ path: "e.yaml", content: "[]" }]).issues).toMatchObject([{ code: "empty" }]);
  });

  it("GIVEN an unsupported file THEN it is named", () => {
    expect(parseLibrary([{ path: "notes.txt", content: "x" }]).issues).toMatchObject([
      { code: "unsupported_file", file: "notes.txt" },
    ]);
  });
});

describe("unpackArchive", () => {
  it("GIVEN a zip of Markdown files THEN the readable ones come out, sorted, hidden ones skipped", () => {
    const enc = new TextEncoder();
    const zip = zipSync({
      "lib/b.md": enc.encode("b"),
      "lib/a.md": enc.encode("a"),
      "lib/.hidden.md": enc.encode("h"),
      "lib/readme.txt": enc.encode("r"),
    });
    const { files, issues } = unpackArchive("lib.zip", zip);
    expect(issues).toEqual([]);
    expect(files.map((f) => f.path)).toEqual(["lib.zip/lib/a.md", "lib.zip/lib/b.md"]);
  });

  it("GIVEN bytes that are not a zip THEN archive_invalid", () => {
    expect(unpackArchive("x.zip", new Uint8Array([1, 2, 3])).issues).toMatchObject([
      { code: "archive_invalid" },
    ]);
  });
});
