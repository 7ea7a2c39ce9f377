import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import type { AppContext } from "../../../src/app/context.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { slotNoticeJobId, slotNoticeState } from "../../../src/domain/presentation/notices.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import {
  notifyPresentationSlotHandler,
  reconcilePresentationNotices,
} from "../../../src/jobs/presentation-notices.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import { jobTestContext } from "../../support/context.ts";
import { runJob } from "../../support/jobs.ts";
import { seedProgramme } from "../../support/programme.ts";

/** Slot notice jobs on real Redis and the real database, posting to the local Discord. */
const NOW = new Date("2030-05-01T00:00:00Z");
const STARTS = new Date("2030-05-10T05:00:00Z");

describe("presentation slot notices: one per slot state, in the intern's language, re-created from the database", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  let rest: REST;
  let ctx: AppContext;
  let sessionId: string;
  const slots: { id: string; thread: string }[] = [];

  beforeAll(async () => {
    [fake, database, redis] = await Promise.all([
      startFakeDiscord(),
      createTestDatabase(),
      createTestRedis(),
    ]);
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    queues = createQueues(redis.redis, redis.prefix);
    ctx = jobTestContext({ db: database.db, redis, queues, now: NOW, token: fake.token });
    workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: ctx.logger,
      handlers: [notifyPresentationSlotHandler(ctx, rest)],
    });
    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: fake.guild.id,
      name: "Presenting",
      status: "open",
      startsAt: new Date("2030-04-01T00:00:00Z"),
      endsAt: new Date("2030-06-30T09:00:00Z"),
      interns: 2,
      assignments: 2,
    });
    const session = await db.presentationSession.create({
      data: {
        programmeId: seeded.programme.id,
        title: "Results",
        status: "scheduled",
        startsAt: STARTS,
        slotMinutes: 10,
      },
    });
    sessionId = session.id;
    const members = createMemberRepository(db);
    for (const [i, intern] of seeded.interns.entries()) {
      const thread = fake.createChannel({ name: `project-${i}` }).id;
      await members.setProjectChannel(intern.id, thread);
      await members.saveProfile(intern.id, {
        displayName: `intern ${i}`,
        skills: [],
        interests: [],
        weeklyHoursAvailable: 10,
        // The first reads English; the second has no preference (the deployment's ja).
        preferredLocale: i === 0 ? "en" : null,
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: false,
        },
      });
      const slot = await db.presentationSlot.create({
        data: {
          sessionId,
          memberId: intern.id,
          order: i + 1,
          startsAt: new Date(STARTS.getTime() + i * 15 * 60_000),
        },
      });
      slots.push({ id: slot.id, thread });
    }
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await Promise.all([redis?.cleanup(), database?.cleanup(), fake?.close()]);
  });

  const posts = (i: number) => fake.messages(slots[i]!.thread);

  /** Runs the notice job of slot `i` under a fresh id (a redelivery), and waits for its outcome. */
  const run = (i: number) => runJob(queues, JOBS.notifyPresentationSlot, { sessionId, slotId: slots[i]!.id });
  /** Waits until `n` notices are recorded as sent (the post lands a moment before its record). */
  async function sentDeliveries(n: number) {
    for (let i = 0; i < 200; i++) {
      const sent = await database.db.delivery.count({
        where: { key: { startsWith: "presentation-notice:" }, status: "sent" },
      });
      if (sent >= n) return;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`fewer than ${n} notices recorded`);
  }
  const slotRow = (i: number) =>
    database.db.presentationSlot.findUniqueOrThrow({ where: { id: slots[i]!.id } });

  it("GIVEN a confirmed schedule whose notices Redis never got THEN the reconciler queues one per slot; again queues the same ids", async () => {
    expect(await reconcilePresentationNotices({ db: database.db, queues, now: () => NOW })).toBe(2);
    await fake.waitFor(() => posts(0).length === 1 && posts(1).length === 1, 10_000);
    await sentDeliveries(2);
    // Told: nothing more to queue.
    expect(await reconcilePresentationNotices({ db: database.db, queues, now: () => NOW })).toBe(0);
  });

  it("GIVEN the notice run again (a redelivery) THEN nothing more is posted; each reads in its intern's language", async () => {
    expect((await run(0)).detail).toBe("nothing to tell: told already, or the slot is past");
    expect(posts(0)).toHaveLength(1);
    expect(posts(0)[0]?.content).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
    expect(posts(1)[0]?.content).toMatch(/[\u3040-\u30ff]/);
    expect(posts(0)[0]?.content).toContain(`<t:${STARTS.getTime() / 1000}:F>`);
  });

  it("GIVEN the slot moves THEN one change notice for the new time, however often its job runs; the old state's job posts nothing", async () => {
    const moved = new Date(STARTS.getTime() + 60 * 60_000);
    const before = await slotRow(0);
    await database.db.presentationSlot.update({ where: { id: slots[0]!.id }, data: { startsAt: moved } });
    const [a, b] = await Promise.all([run(0), run(0)]);
    expect([a.status, b.status]).toContain("done");
    expect(posts(0)).toHaveLength(2);
    expect(posts(0)[1]?.content).toContain(`<t:${moved.getTime() / 1000}:F>`);
    expect(posts(0)[1]?.content).not.toBe(posts(0)[0]?.content);
    // A job queued for the old state (its id names it) finds the slot moved on and, told, ends.
    await queues.add(
      JOBS.notifyPresentationSlot,
      { sessionId, slotId: slots[0]!.id },
      {
        jobId: slotNoticeJobId(slots[0]!.id, slotNoticeState(before)),
      },
    );
    expect((await run(0)).status).toBe("done");
    expect(posts(0)).toHaveLength(2);
  });

  it("GIVEN a slot removed THEN its intern is told once; the reconciler queues nothing more for it", async () => {
    await database.db.presentationSlot.update({
      where: { id: slots[1]!.id },
      data: { status: "removed", order: -2 },
    });
    expect(await reconcilePresentationNotices({ db: database.db, queues, now: () => NOW })).toBe(1);
    await fake.waitFor(() => posts(1).length === 2, 10_000);
    await sentDeliveries(4);
    expect((await run(1)).detail).toBe("nothing to tell: told already, or the slot is past");
    expect(await reconcilePresentationNotices({ db: database.db, queues, now: () => NOW })).toBe(0);
    expect(posts(1)).toHaveLength(2);
    expect(fake.violations).toEqual([]);
  });
});
