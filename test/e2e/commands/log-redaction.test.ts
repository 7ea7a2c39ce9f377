import "../../support/unhandled.ts";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import { scrubLogValue } from "../../../src/observability/logger.ts";
import { onboard, seedWorkspace, type Workspace } from "../onboarding/setup.ts";

/** What a failing interaction leaves in the real logger's output: no token, no personal data. */
const NOTE = "午前中は通院のため連絡が遅れます-Z9";

describe("logs keep no tokens and no personal data", () => {
  let bot: TestBot;
  let ws: Workspace;

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    ws = await seedWorkspace(bot);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN Discord refuses the answer to /profile show WHEN the failure is logged THEN the line has the error but neither the interaction token nor the accommodation text", async () => {
    const intern = bot.fake.addMember({ username: "intern" }).user;
    await onboard(bot, ws, intern, { fields: { accommodationNotes: NOTE } });
    bot.logs.splice(0);
    bot.fake.failNext({
      route: "POST /interactions/{interaction_id}/{interaction_token}/callback",
      status: 400,
      body: { code: 50035, message: "Invalid Form Body" },
    });
    const handle = bot.fake.sendSlashCommand({ name: "profile", subcommand: "show", user: intern });
    await expect
      .poll(() => bot.logs.some((l) => l.msg === "interaction failed"), { timeout: 10_000 })
      .toBe(true);
    await handle.finalReply().catch(() => undefined);

    const output = JSON.stringify(bot.logs);
    const failed = bot.logs.find((l) => l.msg === "interaction failed") as { err?: Record<string, unknown> };
    expect(failed.err?.message).toContain("Invalid Form Body");
    expect(String(failed.err?.url)).toContain("/interactions/");
    expect(String(failed.err?.url)).toContain("[redacted]");
    expect(failed.err?.requestBody).toEqual({ keys: expect.any(Array) });
    expect(output).not.toContain(handle.token);
    expect(output).not.toContain(NOTE);
    expect(output).not.toContain(bot.fake.token);
  });

  it("scrubs webhook tokens and the bot token inside any string, and keeps the rest", () => {
    const token = `${"A".repeat(24)}.${"b".repeat(6)}.${"c".repeat(30)}`;
    const scrubbed = scrubLogValue({
      url: "https://discord.com/api/v10/webhooks/123/aW50ZXJhY3Rpb246dG9rZW4/messages/@original",
      note: `login with ${token}`,
      header: "Bot abcdefghijklmnopqrstuvwxyz0123",
      count: 3,
      nested: { body: { embeds: [{ description: NOTE }] } },
    });
    expect(scrubbed).toEqual({
      url: "https://discord.com/api/v10/webhooks/123/[redacted]/messages/@original",
      note: "login with [redacted]",
      header: "Bot [redacted]",
      count: 3,
      nested: { body: { keys: ["embeds"] } },
    });
  });
});
