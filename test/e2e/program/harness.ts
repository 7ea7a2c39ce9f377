import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import { type ApiMessage, Perm } from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { Database } from "../../../src/db/client.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";

/** What Discord reports for someone with Manage Server: who may open the first programme. */
export const MANAGE_GUILD = (Perm.ManageGuild | Perm.ViewChannel | Perm.SendMessages).toString();

/** The reply the user ends up with: progress edits ("⏳ …") are waited through. */
export async function settledReply(
  bot: TestBot,
  handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>,
): Promise<ApiMessage> {
  await handle.finalReply();
  await bot.fake.waitFor(() => !handle.original()?.content?.startsWith("⏳"), 10_000);
  return handle.original() as ApiMessage;
}

/** The bot on a real test database, with milestone queues on a real Redis (`/program` schedules jobs). */
export interface ProgramBot {
  bot: TestBot;
  db: Database;
  redis: TestRedis;
  queues: Queues;
  close(): Promise<void>;
}

export async function startProgramBot(): Promise<ProgramBot> {
  const redis = await createTestRedis();
  const bot = await startTestBot({ db: true });
  const queues = createQueues(redis.redis, redis.prefix);
  bot.ctx.queues = queues;
  return {
    bot,
    db: bot.db as Database,
    redis,
    queues,
    async close() {
      await queues.close();
      await bot.close();
      await redis.cleanup();
    },
  };
}
