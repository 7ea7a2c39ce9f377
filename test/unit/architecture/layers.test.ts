import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { cruise, type IViolation } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const config = require("../../../.dependency-cruiser.cjs") as { forbidden: unknown[] };

/** A tiny tree laid out like the project, with one deliberately wrong import per rule. */
const FILES: Record<string, string> = {
  "src/domain/rules.ts": 'import { rows } from "../db/rows.ts";\nexport const rule = rows;\n',
  "src/db/rows.ts": "export const rows = 1;\n",
  "src/features/claim.ts": 'import { rows } from "../db/rows.ts";\nexport const claim = rows;\n',
  "commands/report.ts": 'import { rows } from "../src/db/rows.ts";\nexport const project = rows;\n',
  "commands/ok.ts": 'import { claim } from "../src/features/claim.ts";\nexport const ok = claim;\n',
  "scripts/bench.ts": 'import { helper } from "../test/helper.ts";\nexport const bench = helper;\n',
  "test/helper.ts": "export const helper = 1;\n",
  "src/storage/disk.ts": 'import { rows } from "../db/rows.ts";\nexport const disk = rows;\n',
  "src/jobs/a.ts": 'import { b } from "./b.ts";\nexport const a = () => b;\n',
  "src/jobs/b.ts": 'import { a } from "./a.ts";\nexport const b = () => a;\n',
};

let dir: string;
let violations: IViolation[];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "taiken-layers-"));
  for (const [file, text] of Object.entries(FILES)) {
    await mkdir(path.join(dir, path.dirname(file)), { recursive: true });
    await writeFile(path.join(dir, file), text);
  }
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    const result = await cruise(["src", "commands", "scripts", "test"], {
      validate: true,
      ruleSet: { forbidden: config.forbidden } as never,
      tsPreCompilationDeps: true,
    });
    if (typeof result.output === "string") throw new Error("unexpected string output");
    violations = result.output.summary.violations;
  } finally {
    process.chdir(cwd);
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const found = (rule: string) =>
  violations.filter((v) => v.rule.name === rule).map((v) => `${v.from} → ${v.to}`);

describe("the layer rules (.dependency-cruiser.cjs, run in CI by `npm run lint:deps`)", () => {
  it("GIVEN the domain importing the database THEN domain-is-pure fails", () => {
    expect(found("domain-is-pure")).toEqual(["src/domain/rules.ts → src/db/rows.ts"]);
  });
  it("GIVEN a use-case importing a repository THEN features-use-ports fails", () => {
    expect(found("features-use-ports")).toEqual(["src/features/claim.ts → src/db/rows.ts"]);
  });
  it("GIVEN a command importing the database THEN commands-parse-and-render fails, and not for one calling a use-case", () => {
    expect(found("commands-parse-and-render")).toEqual(["commands/report.ts → src/db/rows.ts"]);
  });
  it("GIVEN a script importing test code THEN scripts-do-not-import-tests fails", () => {
    expect(found("scripts-do-not-import-tests")).toEqual(["scripts/bench.ts → test/helper.ts"]);
  });
  it("GIVEN the file store importing the database THEN storage-is-a-leaf-adapter fails", () => {
    expect(found("storage-is-a-leaf-adapter")).toEqual(["src/storage/disk.ts → src/db/rows.ts"]);
  });
  it("GIVEN two files importing each other THEN no-cycles fails", () => {
    expect(found("no-cycles").length).toBeGreaterThan(0);
  });
});
