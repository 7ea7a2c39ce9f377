import { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { type FakeDiscord, startFakeDiscord } from "../../../scripts/harness/fake-discord/index.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { DELIVERY_LEASE_MS, DeliveryKeys } from "../../../src/jobs/delivery.ts";
import { ANNOUNCEMENTS_CHANNEL_KEY, announceMilestoneHandler } from "../../../src/jobs/milestones.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import { jobTestContext } from "../../support/context.ts";

describe("milestone announcements through BullMQ, the database and Discord", () => {
  let fake: FakeDiscord;
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let workers: Workers;
  let rest: REST;
  const now = new Date("2026-04-01T00:00:00Z");

  beforeAll(async () => {
    [fake, database, redis] = await Promise.all([
      startFakeDiscord(),
      createTestDatabase(),
      createTestRedis(),
    ]);
    rest = new REST({ api: fake.apiUrl, retries: 0 }).setToken(fake.token);
    queues = createQueues(redis.redis, redis.prefix);
    const ctx = jobTestContext({ db: database.db, redis, queues, now, token: fake.token });
    workers = createWorkers({
      connection: redis.redis,
      prefix: redis.prefix,
      logger: ctx.logger,
      handlers: [announceMilestoneHandler(ctx, rest)],
    });
  });

  afterAll(async () => {
    await workers?.close();
    await queues?.close();
    rest?.clearHashSweeper();
    rest?.clearHandlerSweeper();
    await Promise.all([redis?.cleanup(), database?.cleanup(), fake?.close()]);
  });

  async function programmeWithAnnouncements(name: string, forcedLocale: "ja" | "en" | null = null) {
    const programmes = createProgrammeRepository(database.db);
    const programme = await programmes.create({
      guildId: fake.guild.id,
      name,
      mode: "internship",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-06-30T00:00:00Z"),
      createdByUserId: "1",
      forcedLocale,
    });
    const channel = fake.channel("announcements");
    if (!channel) throw new Error("the fake guild has no announcements channel");
    await programmes.saveDiscordResource(programme.id, {
      key: ANNOUNCEMENTS_CHANNEL_KEY,
      discordId: channel.id,
      kind: "announcement_channel",
    });
    return { programmes, programme, channel };
  }

  async function settle(jobId: string) {
    const queue = queues.byName.get(JOBS.announceMilestone.queue)!;
    for (let i = 0; i < 200; i++) {
      const state = await (await queue.getJob(jobId))?.getState();
      if (state === "completed" || state === "failed") return { state, job: (await queue.getJob(jobId))! };
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error("job did not settle");
  }

  it("GIVEN a due milestone THEN it is announced once in the announcements channel, in the programme's language", async () => {
    const { programmes, programme, channel } = await programmeWithAnnouncements("Spring cohort", "en");
    const milestone = await programmes.addMilestone(programme.id, {
      kind: "kickoff",
      title: "Kick-off meeting",
      at: now,
    });
    const payload = { programmeId: programme.id, milestoneId: milestone.id };
    const { state } = await settle(
      await queues.add(JOBS.announceMilestone, payload, { jobId: `ms-${milestone.id}` }),
    );
    expect(state).toBe("completed");

    const posted = fake.messages(channel.id).filter((m) => m.content.includes("Kick-off meeting"));
    expect(posted).toHaveLength(1);
    expect(posted[0]?.content).toBe(
      `📣 **Kick-off meeting** (Kick-off)\n<t:${now.getTime() / 1000}:F> (<t:${now.getTime() / 1000}:R>)`,
    );
    expect((await programmes.milestones(programme.id))[0]?.announcedAt).toEqual(now);

    // A second job for the same milestone (e.g. a retry after a crash) posts nothing more.
    const { state: again } = await settle(
      await queues.add(JOBS.announceMilestone, payload, { jobId: `ms-${milestone.id}-again` }),
    );
    expect(again).toBe("completed");
    expect(fake.messages(channel.id).filter((m) => m.content.includes("Kick-off meeting"))).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  it("GIVEN no forced locale THEN everyone reads the announcement in Japanese (the default) and then in English", async () => {
    const { programmes, programme, channel } = await programmeWithAnnouncements("秋期");
    const own = await programmes.addMilestone(programme.id, {
      kind: "submission_deadline",
      title: "提出",
      at: now,
    });
    // As `/program open` stores it: the kind's name in the workspace's language.
    const named = await programmes.addMilestone(programme.id, {
      kind: "kickoff",
      title: "キックオフ",
      at: now,
    });
    for (const milestone of [own, named]) {
      await settle(
        await queues.add(
          JOBS.announceMilestone,
          { programmeId: programme.id, milestoneId: milestone.id },
          { jobId: `ja-${milestone.id}` },
        ),
      );
    }
    const at = `<t:${now.getTime() / 1000}:F>`;
    const relative = `<t:${now.getTime() / 1000}:R>`;
    const contents = fake.messages(channel.id).map((m) => m.content);
    // The organisers' own title is kept as written; the kind is said in each language.
    expect(contents).toContain(
      `📣 **提出**（提出締切）\n${at}（${relative}）\n\n📣 **提出** (Submission deadline)\n${at} (${relative})`,
    );
    // A title that is only the kind's name is said in each language too.
    expect(contents).toContain(
      `📣 **キックオフ**（キックオフ）\n${at}（${relative}）\n\n📣 **Kick-off** (Kick-off)\n${at} (${relative})`,
    );
  });

  it("GIVEN the programme pins Japanese THEN the announcement is in Japanese only", async () => {
    const { programmes, programme, channel } = await programmeWithAnnouncements("日本語のみ", "ja");
    const milestone = await programmes.addMilestone(programme.id, {
      kind: "debrief",
      title: "振り返り",
      at: now,
    });
    await settle(
      await queues.add(
        JOBS.announceMilestone,
        { programmeId: programme.id, milestoneId: milestone.id },
        { jobId: `pinned-${milestone.id}` },
      ),
    );
    // The channel is shared by these tests: only this milestone's post.
    const posted = fake
      .messages(channel.id)
      .map((m) => m.content)
      .filter((c) => c.includes("振り返り") || c.includes("Debrief"));
    expect(posted).toEqual([
      `📣 **振り返り**（振り返り）\n<t:${now.getTime() / 1000}:F>（<t:${now.getTime() / 1000}:R>）`,
    ]);
  });

  it("GIVEN a milestone moved later than the job THEN the stale job does nothing", async () => {
    const { programmes, programme, channel } = await programmeWithAnnouncements("Moved");
    const later = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
    const milestone = await programmes.addMilestone(programme.id, {
      kind: "midpoint",
      title: "Moved review",
      at: later,
    });
    const { state, job } = await settle(
      await queues.add(
        JOBS.announceMilestone,
        { programmeId: programme.id, milestoneId: milestone.id },
        { jobId: `stale-${milestone.id}` },
      ),
    );
    expect(state).toBe("completed");
    expect(job.returnvalue.detail).toMatch(/moved later/);
    expect(fake.messages(channel.id).some((m) => m.content.includes("Moved review"))).toBe(false);
  });

  it("GIVEN the channel was deleted in Discord THEN the job gives up without retrying", async () => {
    const { programmes, programme } = await programmeWithAnnouncements("Deleted channel");
    await programmes.saveDiscordResource(programme.id, {
      key: ANNOUNCEMENTS_CHANNEL_KEY,
      discordId: "999999999999999999",
      kind: "announcement_channel",
    });
    const milestone = await programmes.addMilestone(programme.id, {
      kind: "debrief",
      title: "Gone",
      at: now,
    });
    const { state, job } = await settle(
      await queues.add(
        JOBS.announceMilestone,
        { programmeId: programme.id, milestoneId: milestone.id },
        { jobId: `gone-${milestone.id}` },
      ),
    );
    expect(state).toBe("failed");
    expect(job.attemptsMade).toBe(1);
    expect(job.failedReason).toMatch(/Discord refused the announcement \(10003\)/);
    expect((await programmes.milestones(programme.id))[0]?.announcedAt).toBeNull();
  });

  it("GIVEN Discord answers 500 once THEN the job retries and announces", async () => {
    const { programmes, programme, channel } = await programmeWithAnnouncements("Flaky");
    const milestone = await programmes.addMilestone(programme.id, {
      kind: "presentation",
      title: "Demo day",
      at: now,
    });
    fake.failNext({ route: "POST /channels/{channel_id}/messages", status: 500, times: 1 });
    const { state, job } = await settle(
      await queues.add(
        JOBS.announceMilestone,
        { programmeId: programme.id, milestoneId: milestone.id },
        { jobId: `flaky-${milestone.id}`, backoff: { type: "fixed", delay: 10 } },
      ),
    );
    expect(state).toBe("completed");
    expect(job.attemptsMade).toBe(2);
    expect(fake.messages(channel.id).filter((m) => m.content.includes("Demo day"))).toHaveLength(1);
  });

  describe("GIVEN the delivery ledger (at most one post per milestone)", () => {
    const handler = () =>
      announceMilestoneHandler(
        jobTestContext({ db: database.db, redis, queues, now, token: fake.token }),
        rest,
      );
    const job = {} as Parameters<ReturnType<typeof announceMilestoneHandler>["process"]>[1];

    it("GIVEN five runs of the same job at once THEN the milestone is posted once and the ledger says sent", async () => {
      const { programmes, programme, channel } = await programmeWithAnnouncements("Concurrent", "en");
      const milestone = await programmes.addMilestone(programme.id, {
        kind: "kickoff",
        title: "Race start",
        at: now,
      });
      const payload = { programmeId: programme.id, milestoneId: milestone.id };
      const run = handler();
      const outcomes = await Promise.all(Array.from({ length: 5 }, () => run.process(payload, job)));
      expect(fake.messages(channel.id).filter((m) => m.content.includes("Race start"))).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === "retry").length).toBeLessThanOrEqual(4);
      const row = await database.db.delivery.findUniqueOrThrow({
        where: { key: DeliveryKeys.milestone(milestone.id, now) },
      });
      expect(row.status).toBe("sent");
      expect(row.messageId).toBe(fake.messages(channel.id).find((m) => m.content.includes("Race start"))?.id);
      // A redelivery afterwards posts nothing either.
      await run.process(payload, job);
      expect(fake.messages(channel.id).filter((m) => m.content.includes("Race start"))).toHaveLength(1);
    });

    it("GIVEN a crash after the post but before the milestone was marked announced THEN the rerun posts nothing and marks it", async () => {
      const { programmes, programme, channel } = await programmeWithAnnouncements("Crashed", "en");
      const milestone = await programmes.addMilestone(programme.id, {
        kind: "debrief",
        title: "Crash debrief",
        at: now,
      });
      await database.db.delivery.create({
        data: {
          key: DeliveryKeys.milestone(milestone.id, now),
          status: "sent",
          messageId: "1",
          claimedAt: now,
          sentAt: now,
        },
      });
      const outcome = await handler().process({ programmeId: programme.id, milestoneId: milestone.id }, job);
      expect(outcome.status).toBe("done");
      expect(fake.messages(channel.id).some((m) => m.content.includes("Crash debrief"))).toBe(false);
      expect((await programmes.milestones(programme.id))[0]?.announcedAt).toEqual(now);
    });

    it("GIVEN a claim left by a crashed run THEN it blocks within the lease and is taken over after it", async () => {
      const { programmes, programme, channel } = await programmeWithAnnouncements("Stale claim", "en");
      const milestone = await programmes.addMilestone(programme.id, {
        kind: "midpoint",
        title: "Stale review",
        at: now,
      });
      const payload = { programmeId: programme.id, milestoneId: milestone.id };
      const key = DeliveryKeys.milestone(milestone.id, now);
      await database.db.delivery.create({
        data: { key, status: "claimed", claimedAt: new Date(now.getTime() - 1_000) },
      });
      expect((await handler().process(payload, job)).status).toBe("retry");
      expect(fake.messages(channel.id).some((m) => m.content.includes("Stale review"))).toBe(false);

      await database.db.delivery.update({
        where: { key },
        data: { claimedAt: new Date(now.getTime() - DELIVERY_LEASE_MS - 1_000) },
      });
      expect((await handler().process(payload, job)).status).toBe("done");
      expect(fake.messages(channel.id).filter((m) => m.content.includes("Stale review"))).toHaveLength(1);
    });
  });
});
