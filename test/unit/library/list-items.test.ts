import { describe, expect, it } from "vitest";
import { locateListItems } from "../../../src/domain/library/list-items.ts";
import { parseLibrary, readList } from "../../../src/domain/library/parse.ts";

/** The text of each located item, and the context around them. */
function located(source: string) {
  const layout = locateListItems(source);
  if (layout === null) return null;
  return {
    head: layout.head,
    items: layout.items.map(([start, end]) => source.slice(start, end)),
    tail: layout.tail,
  };
}

const BLOCK = `# the 2024 library
version: 1
meta:
  owner: recruiting
  tags:
  - a
assignments:
  - id: a1
    brief: |
      Line one
      - not an item: inside a block scalar
  # a comment between items
  - id: a2
    links: [one,
      two]

  - just a string
other: [1, 2]
`;

describe("locateListItems", () => {
  it("GIVEN an assignments: list among other keys THEN each item is cut at its dash, with the keys before and after as context", () => {
    expect(located(BLOCK)).toEqual({
      head: "# the 2024 library\nversion: 1\nmeta:\n  owner: recruiting\n  tags:\n  - a\nassignments:\n",
      items: [
        "  - id: a1\n    brief: |\n      Line one\n      - not an item: inside a block scalar\n  # a comment between items\n",
        "  - id: a2\n    links: [one,\n      two]\n\n",
        "  - just a string\n",
      ],
      tail: "other: [1, 2]\n",
    });
  });

  it("GIVEN a list at the root, dashes at column 0 THEN every item is found", () => {
    expect(located("- id: x\n  level: 1\n- id: y\n")?.items).toEqual(["- id: x\n  level: 1\n", "- id: y\n"]);
  });

  it("GIVEN JSON (a root array, or an object with assignments) THEN items are cut at the commas of that array only", () => {
    expect(located('[{"id": "a", "skills": ["x", "y"]},\n {"id": "b"}]')).toEqual({
      head: "[",
      items: ['{"id": "a", "skills": ["x", "y"]}', '\n {"id": "b"}'],
      tail: "]",
    });
    expect(
      located(
        '{"other": {"assignments": [1]}, "assignments": [{"id": "a", "x": "],"}, {"id": "b"}], "z": 1}',
      ),
    ).toEqual({
      head: '{"other": {"assignments": [1]}, "assignments": [',
      items: ['{"id": "a", "x": "],"}', ' {"id": "b"}'],
      tail: '], "z": 1}',
    });
  });

  it("GIVEN files that are not a plain list THEN null (the caller reads them whole)", () => {
    for (const source of [
      "",
      "just: a map\n",
      "assignments: &all\n  - id: a\n",
      "assignments: []\n",
      "[a, b, ]",
      "nested:\n  assignments:\n    - id: a\n",
      "'unclosed\n- id: a\n",
    ]) {
      expect(locateListItems(source)).toBeNull();
    }
  });
});

describe("readList item by item", () => {
  const samples: Record<string, string> = {
    "block among other keys": BLOCK,
    "root list, CRLF": "- id: w1\r\n  brief: x\r\n- id: w2\r\n  brief: y\r\n",
    "BOM, directive and document markers":
      "\uFEFF%YAML 1.2\n---\nassignments: [\n  {id: f1, level: 2},\n  {id: f2}\n]\n...\n",
    "anchors in the head":
      "defaults: &d [x, y]\nassignments:\n  - id: d1\n    skills: *d\n  - id: d2\n    skills: *d\n",
    "an alias to another item": "- id: a\n  brief: &b shared\n- id: b\n  brief: *b\n",
    "a syntax error in one item": '- id: a\n  brief: ok\n- id: b\n  brief: "unclosed\n- id: c\n',
    "a duplicate key in one item": "- id: a\n  level: 1\n  level: 2\n- id: b\n",
    "two documents": "- id: a\n---\n- id: b\n",
    "pretty JSON": JSON.stringify(
      [
        { id: "j1", title: "一", level: 1 },
        { id: "j2", nested: { a: [1, { b: 2 }] } },
      ],
      null,
      2,
    ),
    "a tab in the indentation": "- id: a\n\tbrief: x\n- id: b\n",
  };

  for (const [name, content] of Object.entries(samples)) {
    it(`GIVEN ${name} THEN records and issues (with lines) are exactly those of reading it whole`, () => {
      const file = { path: "lib.yaml", content };
      expect(readList(file)).toEqual(readList(file, { byItem: false }));
    });
  }

  it("GIVEN hundreds of damaged variants of a library THEN reading item by item always agrees with reading it whole", () => {
    const bases = [
      BLOCK,
      samples["pretty JSON"] ?? "",
      "- id: r1\n  brief: x\n- id: r2\n  tags: [a,\n    b]\n",
    ];
    const pieces = [
      " ",
      "\n",
      "- ",
      ":",
      ": ",
      "[",
      "]",
      "{",
      "}",
      ",",
      "#",
      "'",
      '"',
      "|",
      "&a ",
      "*a",
      "\t",
      "---\n",
    ];
    // A fixed seed: the same variants every run.
    let seed = 20_240_401;
    const next = (below: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return Math.floor((seed / 2_147_483_648) * below);
    };
    let itemByItem = 0;
    for (let n = 0; n < 600; n += 1) {
      let content = bases[n % bases.length] ?? "";
      for (let edit = 0; edit <= next(3); edit += 1) {
        const at = next(content.length);
        content =
          next(10) < 4
            ? content.slice(0, at) + content.slice(at + 1 + next(3))
            : content.slice(0, at) + pieces[next(pieces.length)] + content.slice(at);
      }
      const file = { path: "lib.yaml", content };
      const whole = readList(file, { byItem: false });
      expect(readList(file), content).toEqual(whole);
      if (locateListItems(content) !== null && !whole.issues.some((i) => i.code === "syntax"))
        itemByItem += 1;
    }
    // Enough of them took the item-by-item path for the comparison to mean something.
    expect(itemByItem).toBeGreaterThan(100);
  });

  it("GIVEN a 3,000-item YAML with a bad level deep inside THEN the issue names the right line and field", () => {
    const lines = ["assignments:"];
    for (let i = 0; i < 3000; i += 1) {
      lines.push(
        `  - id: t${i}`,
        `    title_ja: 課題 ${i}`,
        `    brief: b`,
        `    level: ${i === 2345 ? 9 : 2}`,
      );
      lines.push("    estimated_hours: 4");
    }
    const { entries, issues } = parseLibrary([{ path: "big.yaml", content: `${lines.join("\n")}\n` }]);
    expect(issues).toEqual([
      { code: "invalid_level", file: "big.yaml", line: 2 + 2345 * 5 + 3, field: "level", detail: "9" },
    ]);
    expect(entries).toHaveLength(2999);
    expect(entries[2998]?.source).toEqual({ file: "big.yaml", line: 2 + 2999 * 5 });
  });

  it("GIVEN a syntax error deep inside a large JSON file THEN the issue is the parser's, on its line", () => {
    const items = Array.from({ length: 2000 }, (_, i) => `  {"id": "t${i}", "level": 2}`);
    items[1500] = '  {"id": "t1500" "level": 2}';
    const { issues } = parseLibrary([{ path: "big.json", content: `[\n${items.join(",\n")}\n]\n` }]);
    expect(issues.length).toBeGreaterThan(0);
    expect(issues[0]).toMatchObject({ code: "syntax", file: "big.json", line: 1502 });
  });
});
