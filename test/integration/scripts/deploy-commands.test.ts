import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = promisify(execFile);
// tsx by its file: the working directory below has no node_modules to resolve it from.
const tsx = pathToFileURL(path.join(root, "node_modules/tsx/dist/loader.mjs")).href;
let cwd: string;

beforeAll(async () => {
  // An empty working directory: no .env is read, so only the variables given here count.
  cwd = await mkdtemp(path.join(tmpdir(), "taiken-deploy-cli-"));
});
afterAll(async () => {
  if (cwd) await rm(cwd, { recursive: true, force: true });
});

async function deploy(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", tsx, path.join(root, "scripts/deploy-commands.ts"), ...args],
      { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run deploy-commands", () => {
  it("GIVEN --help THEN it documents --guild, --dry-run and --force, exit code 0", async () => {
    const result = await deploy(["--help"], {});
    expect(result.code).toBe(0);
    for (const option of ["--guild", "--dry-run", "--force", "--help", "DISCORD_API_URL"]) {
      expect(result.stdout).toContain(option);
    }
  });

  it("GIVEN a Discord API that cannot be reached THEN one line names the host and DISCORD_API_URL, no stack", async () => {
    const result = await deploy(["--dry-run"], {
      DISCORD_TOKEN: "test-token",
      DISCORD_API_URL: "http://127.0.0.1:9/api",
    });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([
      "deploy-commands: could not reach 127.0.0.1:9 (ECONNREFUSED); check the network, or DISCORD_API_URL if you use a local test server",
    ]);
  });
});
