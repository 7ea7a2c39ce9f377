/**
 * # A running taiken bot for e2e tests
 *
 * Boots a fake Discord, a test {@link AppContext}, the router with the real command list (plus any
 * test-only commands), and the real discord.js client from `createDiscordClient`, logged in.
 * Commands are deployed to the fake guild through `deployCommands` (`deployToFake`), as the deploy script does,
 * so the fake types option values from the real definitions.
 *
 * ```ts
 * const bot = await startTestBot();
 * const reply = await bot.fake.sendSlashCommand({ name: "taiken", subcommand: "about" }).finalReply();
 * expect(bot.fake.violations).toEqual([]);
 * await bot.close();
 * ```
 *
 * Callers and programmes: without `db`, access comes from an in-memory {@link MemoryAccess}
 * (`bot.access.openProgramme(...)`, `bot.access.grant(userId, "intern")`). With `db: true` (a fresh
 * migrated test database) or a database client, the real database policy is used and `bot.db` is set. Redis is not started: `checkDependencies`
 * reports what `dependencies` says, and `ctx.redis` / `ctx.queues` throw if a handler touches them.
 *
 * Logs are captured as parsed JSON lines in `bot.logs` (level debug).
 */

import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Redis } from "ioredis";
import { commands as productionCommands } from "../../commands/index.ts";
import type { AppContext, DependencyStatus } from "../../src/app/context.ts";
import { createFeatures } from "../../src/app/features.ts";
import { loadConfig } from "../../src/config/env.ts";
import type { Database } from "../../src/db/client.ts";
import type {
  AccessPolicy,
  CallerStanding,
  ProgrammeRole,
  ProgrammeSummary,
} from "../../src/discord/access.ts";
import { attachActivity } from "../../src/discord/attention/activity.ts";
import { attachRouter, createDiscordClient, loginDiscord } from "../../src/discord/client.ts";
import type { CommandModule } from "../../src/discord/command.ts";
import type { ComponentRoute } from "../../src/discord/component.ts";
import { createDatabaseAccessPolicy } from "../../src/discord/database-access.ts";
import { attachStaffReplies } from "../../src/discord/helpdesk/staff-replies.ts";
import { createRouter } from "../../src/discord/router.ts";
import type { Queues } from "../../src/jobs/queues.ts";
import { createLogger } from "../../src/observability/logger.ts";
import { createMetrics } from "../../src/observability/metrics.ts";
import { createTestDatabase } from "./db.ts";
import { deployToFake } from "./deploy.ts";
import { type FakeDiscord, type FakeDiscordOptions, startFakeDiscord } from "./fake-discord/index.ts";

/** An {@link AccessPolicy} kept in memory: one programme per guild, roles per user. */
export class MemoryAccess implements AccessPolicy {
  readonly programmes = new Map<string, ProgrammeSummary>();
  readonly roles = new Map<string, Set<ProgrammeRole>>();
  /** Set to make every lookup fail, as with the database down. */
  failure: Error | undefined;

  /** Opens a programme in `guildId`; fields default to a Japanese internship starting 2026-04-01. */
  openProgramme(guildId: string, fields: Partial<ProgrammeSummary> = {}): ProgrammeSummary {
    const programme: ProgrammeSummary = {
      id: `programme-${this.programmes.size + 1}`,
      name: "2026 春インターン",
      mode: "internship",
      status: "open",
      startsAt: new Date("2026-04-01T00:00:00+09:00"),
      endsAt: new Date("2026-06-30T18:00:00+09:00"),
      timeZone: "Asia/Tokyo",
      forcedLocale: null,
      ...fields,
    };
    this.programmes.set(guildId, programme);
    return programme;
  }

  /** Gives `userId` a role in whatever programme their guild runs. */
  grant(userId: string, ...roles: ProgrammeRole[]): void {
    const held = this.roles.get(userId) ?? new Set();
    for (const role of roles) held.add(role);
    this.roles.set(userId, held);
  }

  async standing(guildId: string, userId: string): Promise<CallerStanding> {
    if (this.failure) throw this.failure;
    const programme = this.programmes.get(guildId) ?? null;
    return { programme, roles: programme ? new Set(this.roles.get(userId)) : new Set() };
  }
}

/** A stand-in for a dependency the test did not start: any use fails with a clear message. */
function absent<T extends object>(what: string): T {
  return new Proxy({} as T, {
    get(_target, property) {
      if (property === "then") return undefined;
      throw new Error(
        `test bot: ${what} is not available in this test (touched .${String(property)}); pass it to startTestBot`,
      );
    },
  });
}

export interface TestBotOptions {
  /** Commands to route and deploy; default the production list. Use `[...commands, testCommand]` to add. */
  commands?: readonly CommandModule[];
  components?: readonly ComponentRoute[];
  /**
   * A database for `ctx.db` and the database access policy: a migrated client, or `true` for a
   * fresh one from `createTestDatabase()` (SQLite, or PostgreSQL when DATABASE_URL says so),
   * removed by `close()`.
   */
  db?: Database | true;
  /** Overrides the access policy (default: database policy with `db`, else {@link MemoryAccess}). */
  access?: AccessPolicy;
  /** What `ctx.checkDependencies()` reports. Default both "ok". */
  dependencies?: { database: DependencyStatus; redis: DependencyStatus };
  /** Router's defer budget. Default the production value. */
  deferAfterMs?: number;
  fake?: FakeDiscordOptions;
  /** Deployment default locale (DEFAULT_LOCALE). Default "ja". */
  defaultLocale?: "ja" | "en";
  version?: string;
  /** SUBMISSIONS_DIR. Default: a fresh temporary folder, removed by `close()`. */
  submissionsDir?: string;
}

export interface TestBot {
  fake: FakeDiscord;
  ctx: AppContext;
  client: ReturnType<typeof createDiscordClient>;
  /** The in-memory policy, used when no `db` or `access` was given. */
  access: MemoryAccess;
  /** The database, when `db` was given. */
  db: Database | undefined;
  /** Captured log lines, parsed. */
  logs: Array<Record<string, unknown>>;
  /** Stops the client and the fake. */
  close(): Promise<void>;
}

/** Starts the fake Discord and the bot, deploys the commands to the fake guild, and logs in. */
export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  const temporary = options.db === true ? await createTestDatabase() : undefined;
  const db = temporary?.db ?? (options.db === true ? undefined : options.db);
  // Validators compile up front: compiled lazily, the first interaction's checks can take longer
  // than Discord's 3 s answer window and make the first test of a file flaky.
  const fake = await startFakeDiscord({ precompileValidators: true, ...options.fake });
  const logs: Array<Record<string, unknown>> = [];
  const logger = createLogger("debug", {
    write(line: string) {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    },
  });
  const ownSubmissionsDir =
    options.submissionsDir === undefined
      ? await mkdtemp(path.join(os.tmpdir(), "taiken-submissions-"))
      : undefined;
  const config = loadConfig({
    DISCORD_TOKEN: fake.token,
    DISCORD_API_URL: fake.apiUrl,
    DEFAULT_LOCALE: options.defaultLocale ?? "ja",
    SUBMISSIONS_DIR: options.submissionsDir ?? ownSubmissionsDir,
  });
  const memory = new MemoryAccess();
  const access = options.access ?? (db ? createDatabaseAccessPolicy(db) : memory);
  const dependencies = options.dependencies ?? { database: "ok", redis: "ok" };
  const ctx: AppContext = {
    get features() {
      return features;
    },
    config,
    logger,
    db: db ?? absent<Database>("the database"),
    redis: absent<Redis>("Redis"),
    queues: absent<Queues>("the job queues"),
    metrics: createMetrics(),
    now: () => new Date(),
    startedAt: new Date(),
    version: options.version ?? "0.0.0-test",
    checkDependencies: async () => dependencies,
  };
  const features = createFeatures({
    db: ctx.db,
    queues: () => ctx.queues,
    now: () => ctx.now(),
    defaults: config.defaults,
    milestoneReminderHours: config.milestones.reminderHours,
    submissionsDir: config.submissionsDir,
  });
  const commands = options.commands ?? productionCommands;

  await deployToFake({ apiUrl: fake.apiUrl, token: fake.token, guildId: fake.guild.id }, commands);

  const router = createRouter({
    app: ctx,
    commands,
    access,
    ...(options.components ? { components: options.components } : {}),
    ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
  });
  const client = createDiscordClient(config);
  attachRouter(client, router, logger);
  // Activity counts need a database; written every 100 ms so tests see them quickly.
  const activity = db
    ? attachActivity(client, (events) => features.attention.recordActivity(events), logger, { flushMs: 100 })
    : undefined;
  attachStaffReplies(client, ctx);
  try {
    await loginDiscord(client, config.discord.token, { timeoutMs: 10_000 });
  } catch (error) {
    await fake.close();
    await temporary?.cleanup();
    if (ownSubmissionsDir) await rm(ownSubmissionsDir, { recursive: true, force: true });
    throw error;
  }

  return {
    fake,
    ctx,
    client,
    access: memory,
    db,
    logs,
    async close() {
      await activity?.stop();
      await client.destroy();
      await fake.close();
      await temporary?.cleanup();
      if (ownSubmissionsDir) await rm(ownSubmissionsDir, { recursive: true, force: true });
    },
  };
}
