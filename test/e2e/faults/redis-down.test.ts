import "../../support/unhandled.ts";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { createQueues, JobsUnavailableError, type Queues } from "../../../src/jobs/queues.ts";
import { createLogger } from "../../../src/observability/logger.ts";
import { connectRedis, PRODUCER_REDIS_OPTIONS } from "../../../src/redis/connection.ts";
import { type LocalRedis, startLocalRedis } from "../../../src/redis/local-server.ts";
import { MANAGE_GUILD, settledReply } from "../program/harness.ts";

// A private redis-server even when CI gives REDIS_URL: this file stops it.
describe("GIVEN Redis stops while the bot is running", () => {
  let dir: string;
  let local: LocalRedis;
  let producer: Redis;
  let queues: Queues;
  let bot: TestBot;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "taiken-redis-down-"));
    local = await startLocalRedis({ bin: "redis-server", dataDir: dir, logger: createLogger("silent") });
    producer = await connectRedis(local.url, 5_000, PRODUCER_REDIS_OPTIONS);
    producer.on("error", () => undefined);
    queues = createQueues(producer, "faults");
    for (const queue of queues.byName.values()) queue.on("error", () => undefined);
    bot = await startTestBot({ db: true });
    bot.ctx.queues = queues;
    const opened = await settledReply(
      bot,
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: "2030 Spring", start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "en-US",
      }),
    );
    expect(opened.content).not.toContain("scheduling service");
    await local.stop();
  }, 60_000);

  afterAll(async () => {
    producer?.disconnect();
    await queues?.close().catch(() => undefined);
    await bot?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("THEN adding a job fails within 2 s with JobsUnavailableError instead of hanging", async () => {
    const started = performance.now();
    await expect(queues.add(JOBS.expireOnboardingDrafts, {})).rejects.toBeInstanceOf(JobsUnavailableError);
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ["en-US", "The scheduling service is not answering right now. What you entered is saved"],
    ["ja", "予定を管理するサービスが一時的に応答していません。入力した内容は保存されています"],
  ])(
    "GIVEN locale %s, /program milestone set THEN it answers within ~2 s with the message and the new time is kept",
    async (locale, text) => {
      const at = locale === "ja" ? "2030-06-21 12:00" : "2030-06-20 12:00";
      const started = performance.now();
      const handle = bot.fake.sendSlashCommand({
        name: "program",
        subcommandGroup: "milestone",
        subcommand: "set",
        options: { kind: "submission_deadline", at },
        locale,
      });
      const reply = await settledReply(bot, handle);
      const elapsed = performance.now() - started;
      expect(reply.content).toContain(text);
      expect(elapsed).toBeLessThan(2_500);
      const milestone = await bot.db?.milestone.findFirstOrThrow({ where: { kind: "submission_deadline" } });
      expect(milestone?.at.toISOString()).toBe(
        locale === "ja" ? "2030-06-21T03:00:00.000Z" : "2030-06-20T03:00:00.000Z",
      );
      process.stdout.write(`milestone set with Redis down answered in ${Math.round(elapsed)} ms\n`);
    },
  );
});
