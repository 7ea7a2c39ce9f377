/**
 * Opening the default workspace on the local Discord with Discord-like rate limits: how many REST
 * requests it takes (target: one per created object) and how long it takes end to end.
 */
import { createQueues } from "../../src/jobs/queues.ts";
import { startTestBot } from "../harness/bot.ts";
import { Perm } from "../harness/fake-discord/index.ts";
import { createTestRedis } from "../harness/redis.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const suite: BenchSuite = async () => {
  const redis = await createTestRedis();
  const bot = await startTestBot({ db: true, fake: { rateLimits: true } });
  const queues = createQueues(redis.redis, redis.prefix);
  bot.ctx.queues = queues;
  try {
    const before = bot.fake.requests.length;
    const started = performance.now();
    const handle = bot.fake.sendSlashCommand({
      name: "program",
      subcommand: "open",
      options: { name: "bench", start: "2030-04-01", end: "2030-06-30" },
      memberPermissions: (Perm.ManageGuild | Perm.ViewChannel).toString(),
      locale: "ja",
    });
    await handle.finalReply(60_000);
    await bot.fake.waitFor(() => handle.original()?.content?.startsWith("✅") ?? false, 120_000);
    const ms = performance.now() - started;
    const requests = bot.fake.requests.slice(before);
    const botRequests = requests.filter(
      (r) => !/^(POST \/interactions|PATCH \/webhooks|POST \/webhooks)/.test(r.route),
    );
    const objects = await bot.db?.discordResource.count();
    const rateLimited = requests.filter((r) => r.status === 429).length;
    const progressEdits = requests.filter((r) => r.route.startsWith("PATCH /webhooks")).length;
    const rows: BenchResult[] = [
      { suite: "workspace", metric: "objects created", value: objects ?? 0, unit: "objects" },
      {
        suite: "workspace",
        metric: "bot REST requests (excl. interaction replies)",
        value: botRequests.length,
        unit: "requests",
        target: `<= ${(objects ?? 0) + 1} (one per object + organiser role grant)`,
        ok: botRequests.length <= (objects ?? 0) + 1,
      },
      { suite: "workspace", metric: "progress edits of the reply", value: progressEdits, unit: "requests" },
      {
        suite: "workspace",
        metric: "429 answers",
        value: rateLimited,
        unit: "responses",
        target: "0",
        ok: rateLimited === 0,
      },
      {
        suite: "workspace",
        metric: "open default workspace (rate-limited fake)",
        value: Math.round(ms),
        unit: "ms",
      },
    ];
    return rows;
  } finally {
    await queues.close();
    await bot.close();
    await redis.cleanup();
  }
};

export default suite;
