import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = promisify(execFile);

/** Every `npm run` script that runs a file of scripts/ (postinstall is db:generate's twin). */
const scripts = Object.entries(
  (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> })
    .scripts,
)
  .filter(([name, command]) => name !== "postinstall" && /^tsx scripts\//.test(command))
  .map(([name, command]) => ({ name, file: command.replace(/^tsx /, "").split(" ")[0] ?? "" }));

describe("every script answers --help", () => {
  it("GIVEN the package.json scripts THEN at least the known ones are covered", () => {
    expect(scripts.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        "db:deploy",
        "db:migrate",
        "deploy-commands",
        "sandbox",
        "bench",
        "submissions:export",
      ]),
    );
  });

  it.each(scripts)(
    "npm run $name -- --help prints its usage and exits 0, touching nothing",
    async ({ file }) => {
      const { stdout, stderr } = await run(
        process.execPath,
        ["--import", "tsx", path.join(root, file), "--help"],
        {
          cwd: root,
          // No DATABASE_URL, token or Redis: help must not need any of them.
          env: {
            PATH: process.env.PATH ?? "",
            HOME: process.env.HOME ?? "",
            DATABASE_URL: "file:/nonexistent/x.db",
          },
          timeout: 60_000,
        },
      );
      expect(stdout.toLowerCase()).toContain("usage: npm run");
      expect(stderr).toBe("");
    },
    60_000,
  );
});
