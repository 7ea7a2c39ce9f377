import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createTestRedis, type TestRedis } from "../../../scripts/harness/redis.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { digestSchedulerId, reconcileDigests } from "../../../src/jobs/attention-digest.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { createQueues, type Queues } from "../../../src/jobs/queues.ts";

const GUILD = "920000000000000014";

describe("the daily attention digest's schedulers are derived from the database", () => {
  let database: TestDatabase;
  let redis: TestRedis;
  let queues: Queues;

  beforeAll(async () => {
    [database, redis] = await Promise.all([createTestDatabase(), createTestRedis()]);
    queues = createQueues(redis.redis, redis.prefix);
  });
  afterAll(async () => {
    await queues?.close();
    await Promise.all([redis?.cleanup(), database?.cleanup()]);
  });

  const schedulers = async () => {
    const queue = queues.byName.get(JOBS.attentionDigest.queue);
    const list = (await queue?.getJobSchedulers(0, -1)) ?? [];
    return list
      .filter((s) => s.key.startsWith("attention-digest:"))
      .map((s) => ({ key: s.key, pattern: s.pattern, tz: s.tz }))
      .sort((a, b) => a.key.localeCompare(b.key));
  };

  it("GIVEN two open programmes WHEN reconciled twice (a restart) THEN one scheduler each at its time and zone; closing or deleting one removes it", async () => {
    const programmes = createProgrammeRepository(database.db);
    const make = (name: string, timeZone: string) =>
      programmes.create({
        guildId: GUILD,
        name,
        mode: "internship",
        startsAt: new Date("2026-04-01T00:00:00Z"),
        endsAt: new Date("2026-07-01T00:00:00Z"),
        createdByUserId: "1",
        timeZone,
      });
    const tokyo = await make("tokyo", "Asia/Tokyo");
    const london = await make("london", "Europe/London");
    await database.db.programme.updateMany({ data: { status: "open" } });
    await database.db.programme.update({ where: { id: london.id }, data: { digestTime: "08:30" } });

    await reconcileDigests({ db: database.db, queues });
    await reconcileDigests({ db: database.db, queues });
    expect(await schedulers()).toEqual(
      [
        { key: digestSchedulerId(tokyo.id), pattern: "0 9 * * *", tz: "Asia/Tokyo" },
        { key: digestSchedulerId(london.id), pattern: "30 8 * * *", tz: "Europe/London" },
      ].sort((a, b) => a.key.localeCompare(b.key)),
    );

    await database.db.programme.delete({ where: { id: london.id } });
    await database.db.programme.update({ where: { id: tokyo.id }, data: { status: "closed" } });
    await reconcileDigests({ db: database.db, queues });
    expect(await schedulers()).toEqual([]);
  });
});
