import type { REST } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import { createAgencyRepository } from "../../../src/db/repositories/agencies.ts";
import { createAgencyViewRepository } from "../../../src/db/repositories/agency-views.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { reconcileAgencyDigests } from "../../../src/jobs/agency-digest.ts";
import { reconcileRevocations, revokeShares } from "../../../src/jobs/agency-revocation.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";
import { seedProgramme } from "../../support/programme.ts";

/** Records what the revocation asks of Discord; messages live in a map like Discord's. */
function recordingRest(
  messages: Map<string, { embeds: Array<{ fields: Array<{ name: string; value: string }> }> }>,
) {
  const calls: string[] = [];
  const rest = {
    async get(route: string) {
      calls.push(`GET ${route}`);
      const message = messages.get(route);
      if (!message) throw new Error(`no message ${route}`);
      return structuredClone(message);
    },
    async patch(
      route: string,
      options: { body: { embeds: Array<{ fields: Array<{ name: string; value: string }> }> } },
    ) {
      calls.push(`PATCH ${route}`);
      messages.set(route, { embeds: options.body.embeds });
    },
    async delete(route: string) {
      calls.push(`DELETE ${route}`);
      messages.delete(route);
    },
  };
  return { rest: rest as unknown as REST, calls };
}

describe("agency digests and revocations against the database and Redis", () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;
  let programmeId: string;
  let agencyId: string;
  let memberId: string;

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    queues = createQueues(redis.redis, redis.prefix);
    const { programme } = await seedProgramme(database.db, { guildId: "300", status: "open" });
    programmeId = programme.id;
    agencyId = (
      await createAgencyRepository(database.db).create({ guildId: "300", programmeId, name: "ひかり" })
    ).id;
    const member = await createMemberRepository(database.db).join({
      programmeId,
      discordUserId: "400000000000000001",
      roles: ["intern"],
    });
    memberId = member.id;
    await database.db.member.update({
      where: { id: memberId },
      data: { stage: "working", agencyId, agencyConsent: true, agencyConsentChangedAt: new Date() },
    });
  });

  afterAll(async () => {
    await queues?.close();
    await Promise.all([redis?.cleanup(), database?.cleanup()]);
  });

  it("GIVEN a digest setting WHEN Redis loses the scheduler and the bot restarts THEN the reconciler re-creates it once, in the programme's zone", async () => {
    await createAgencyViewRepository(database.db).saveDigestSetting({
      agencyId,
      delivery: "dm",
      weekday: 3,
      time: "18:45",
    });
    const queue = () => queues.byName.get(JOBS.sendAgencyDigest.queue);
    expect(await reconcileAgencyDigests({ db: database.db, queues })).toBe(1);
    expect(await queue()?.getJobScheduler(`agency-digest:${agencyId}`)).toMatchObject({
      pattern: "45 18 * * 3",
      tz: "Asia/Tokyo",
    });
    await queue()?.removeJobScheduler(`agency-digest:${agencyId}`);
    await queues.close();
    // The restart: new producers on the same Redis, and the reconciler twice (start-up, then its schedule).
    queues = createQueues(redis.redis, redis.prefix);
    await reconcileAgencyDigests({ db: database.db, queues });
    await reconcileAgencyDigests({ db: database.db, queues });
    const schedulers = (await queue()?.getJobSchedulers()) ?? [];
    expect(schedulers.filter((s) => s.key === `agency-digest:${agencyId}`)).toHaveLength(1);
    expect(schedulers[0]).toMatchObject({ pattern: "45 18 * * 3", tz: "Asia/Tokyo" });
  });

  it("GIVEN messages posted about a client WHEN they stop sharing THEN revocation deletes the posts, blanks their digest section and clears AgencyDelivery; a client who shares keeps theirs", async () => {
    const views = createAgencyViewRepository(database.db);
    const digestRoute = "/channels/10/messages/11";
    const chartRoute = "/channels/10/messages/12";
    const messages = new Map([
      [
        digestRoute,
        {
          embeds: [
            {
              fields: [
                { name: "other", value: "other client" },
                { name: "them", value: "stage, days, reports" },
              ],
            },
          ],
        },
      ],
      [chartRoute, { embeds: [] }],
    ]);
    await views.recordDeliveries([
      { agencyId, memberId, kind: "digest", channelId: "10", messageId: "11", section: 1, at: new Date() },
      { agencyId, memberId, kind: "chart", channelId: "10", messageId: "12", section: null, at: new Date() },
    ]);
    const { rest, calls } = recordingRest(messages);

    // Still sharing: nothing is touched, and the reconciler finds nothing to revoke.
    expect(await revokeShares({ db: database.db, rest, defaultLocale: "en" }, memberId)).toEqual({
      deleted: 0,
      edited: 0,
      kept: 2,
    });
    expect(await reconcileRevocations({ db: database.db, queues, now: () => new Date() })).toBe(0);
    expect(calls).toEqual([]);

    await createMemberRepository(database.db).setAgencyConsent(memberId, false, new Date());
    expect(await reconcileRevocations({ db: database.db, queues, now: () => new Date() })).toBe(1);
    expect(await revokeShares({ db: database.db, rest, defaultLocale: "en" }, memberId)).toEqual({
      deleted: 1,
      edited: 1,
      kept: 0,
    });
    expect(messages.has(chartRoute)).toBe(false);
    expect(messages.get(digestRoute)?.embeds[0]?.fields).toEqual([
      { name: "other", value: "other client" },
      { name: "(stopped sharing)", value: "This client stopped sharing their progress." },
    ]);
    expect(await database.db.agencyDelivery.count({ where: { memberId } })).toBe(0);
    expect(await reconcileRevocations({ db: database.db, queues, now: () => new Date() })).toBe(0);
  });
});
