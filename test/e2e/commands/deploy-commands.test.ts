import "../../support/unhandled.ts";
import { execFile } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { commands } from "../../../commands/index.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const run = promisify(execFile);

async function deploy(fake: FakeDiscord, args: string[], token = fake.token) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ["--import", "tsx", path.join(root, "scripts/deploy-commands.ts"), ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          DISCORD_TOKEN: token,
          DISCORD_API_URL: fake.apiUrl,
        },
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("npm run deploy-commands", () => {
  let fake: FakeDiscord;

  beforeAll(async () => {
    fake = await startFakeDiscord();
  });

  afterEach(() => {
    expect(fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await fake?.close();
  });

  it("GIVEN a --dry-run THEN it prints what would change and sends nothing", async () => {
    const result = await deploy(fake, ["--guild", fake.guild.id, "--dry-run"]);
    expect(result.stdout).toContain("+ /taiken (added)");
    expect(result.stdout).toContain("Dry run: nothing sent.");
    expect(fake.requestsTo("PUT /applications/{application_id}/guilds/{guild_id}/commands")).toHaveLength(0);
  });

  it("GIVEN a new server THEN it deploys every command, and a second run changes nothing", async () => {
    const first = await deploy(fake, ["--guild", fake.guild.id]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Application ${fake.applicationId}, server ${fake.guild.id}:`);
    expect(first.stdout).toContain("Deployed.");
    expect(fake.commands().map((c) => c.name)).toEqual(commands.map((c) => c.definition.name));

    const second = await deploy(fake, ["--guild", fake.guild.id]);
    expect(second.stdout).toContain("= /taiken (unchanged)");
    expect(second.stdout).toContain("Nothing changed: nothing sent.");
  });

  it("GIVEN a command Discord has that we no longer define THEN it is reported removed and removed", async () => {
    fake.guild.commands.set("1", {
      id: "1",
      application_id: fake.applicationId,
      guild_id: fake.guild.id,
      version: "1",
      type: 1,
      name: "old",
      description: "Old",
      default_member_permissions: null,
    });
    const result = await deploy(fake, ["--guild", fake.guild.id]);
    expect(result.stdout).toContain("- /old (removed)");
    expect(fake.commands().map((c) => c.name)).not.toContain("old");
  });

  it("GIVEN a wrong token THEN it says DISCORD_TOKEN was rejected, in one line", async () => {
    const result = await deploy(fake, ["--guild", fake.guild.id], "wrong-token");
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("deploy-commands: Discord rejected DISCORD_TOKEN (401 Unauthorized)");
  });

  it("GIVEN a malformed --guild THEN it prints the usage", async () => {
    const result = await deploy(fake, ["--guild", "my-server"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("usage: npm run deploy-commands");
  });
});
