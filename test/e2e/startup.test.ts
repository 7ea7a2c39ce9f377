import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../scripts/harness/redis.ts";
import { type BotProcess, startBotProcess } from "../support/bot-process.ts";

/** The one line an operator reads on stderr: "taiken: …" and no stack trace. */
function stderrLines(bot: BotProcess): string[] {
  return bot
    .output()
    .split("\n")
    .filter((line) => line.startsWith("taiken: "));
}

describe("npm start: start-up and shutdown of the real process", () => {
  let fake: FakeDiscord;
  let redis: TestRedis;
  let dir: string;

  beforeAll(async () => {
    fake = await startFakeDiscord();
    redis = await createTestRedis();
    dir = await mkdtemp(path.join(os.tmpdir(), "taiken-start-"));
  });

  afterAll(async () => {
    await fake?.close();
    await redis?.cleanup();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("GIVEN a token and a Discord-compatible server THEN it migrates, reaches ready, serves /healthz, and exits 0 on SIGTERM", async () => {
    const database = await createTestDatabase({ migrated: false });
    try {
      const bot = startBotProcess({
        DISCORD_TOKEN: fake.token,
        DISCORD_API_URL: fake.apiUrl,
        DATABASE_URL: database.url,
        REDIS_URL: redis.url,
        DATA_DIR: dir,
        HTTP_PORT: "0",
        LOG_LEVEL: "info",
      });
      const migrated = await bot.waitForLog("database migrated");
      expect((migrated.applied as string[]).length).toBeGreaterThan(0);
      const ops = await bot.waitForLog("serving /healthz and /metrics");
      await bot.waitForLog("ready");

      const health = await fetch(`http://127.0.0.1:${ops.port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, database: "ok", redis: "ok", discord: "ok" });
      const metrics = await (await fetch(`http://127.0.0.1:${ops.port}/metrics`)).text();
      expect(metrics).toContain("taiken_queue_jobs");

      bot.child.kill("SIGTERM");
      const exit = await bot.exited;
      expect(exit.code).toBe(0);
      expect(bot.output()).toContain('"msg":"stopped"');
      expect(fake.violations).toEqual([]);
    } finally {
      await database.cleanup();
    }
  });

  it("GIVEN no REDIS_URL THEN it starts a local redis-server under DATA_DIR and stops it on SIGTERM", async () => {
    const dataDir = path.join(dir, "local-redis");
    const bot = startBotProcess({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: `file:${path.join(dataDir, "taiken.db")}`,
      DATA_DIR: dataDir,
      HTTP_PORT: "-1",
    });
    const started = await bot.waitForLog(/started a local redis-server/);
    await bot.waitForLog("ready");
    const pid = started.pid as number;
    expect(() => process.kill(pid, 0)).not.toThrow();
    bot.child.kill("SIGINT");
    expect((await bot.exited).code).toBe(0);
    expect(() => process.kill(pid, 0)).toThrow();
    // Its append-only file lives where the README says.
    await expect(
      readFile(path.join(dataDir, "redis", "appendonlydir", "appendonly.aof.manifest")),
    ).resolves.toBeTruthy();
  });

  it.each([
    ["no token", { DISCORD_TOKEN: "" }, /^taiken: DISCORD_TOKEN is required/],
    ["a malformed DATABASE_URL", { DATABASE_URL: "mysql://root@localhost/x" }, /^taiken: DATABASE_URL /],
    [
      "an unreachable PostgreSQL",
      { DATABASE_URL: "postgresql://u:secret@127.0.0.1:1/taiken" },
      /^taiken: .*DATABASE_URL/,
    ],
    ["an unreachable Redis", { REDIS_URL: "redis://127.0.0.1:1" }, /^taiken: REDIS_URL: cannot reach Redis/],
    [
      "a redis-server that does not exist",
      { REDIS_URL: "", REDIS_SERVER_BIN: "/nonexistent/redis-server" },
      /^taiken: REDIS_URL is not set .* apt-get install redis-server/,
    ],
    ["a token Discord refuses", { DISCORD_TOKEN: "wrong-token" }, /^taiken: .*DISCORD_TOKEN/],
  ])("GIVEN %s THEN it exits non-zero within seconds with one clear line", async (_, env, line) => {
    const bot = startBotProcess({
      DISCORD_TOKEN: fake.token,
      DISCORD_API_URL: fake.apiUrl,
      DATABASE_URL: `file:${path.join(dir, "bad-input.db")}`,
      REDIS_URL: redis.url,
      DATA_DIR: dir,
      HTTP_PORT: "-1",
      LOG_LEVEL: "warn",
      ...env,
    });
    const exit = await bot.exited;
    expect(exit.code).toBe(1);
    // Not a performance assertion: it proves the process gives up instead of retrying for ever
    // (ioredis and discord.js both would); on an idle machine it exits in about 3 s.
    expect(exit.ms).toBeLessThan(30_000);
    const lines = stderrLines(bot);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]).toMatch(line);
    expect(bot.output()).not.toMatch(/^\s+at /m);
    expect(bot.output()).not.toContain("secret");
  });
});
