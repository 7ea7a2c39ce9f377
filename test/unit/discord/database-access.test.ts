import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { databaseChanges } from "../../../src/db/changes.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createDatabaseAccessPolicy } from "../../../src/discord/database-access.ts";

const GUILD = "900000000000000001";
const ORGANISER = "900000000000000002";
const STRANGER = "900000000000000003";

describe("createDatabaseAccessPolicy", () => {
  let test: TestDatabase;

  beforeAll(async () => {
    test = await createTestDatabase();
  });

  afterAll(async () => {
    await test?.cleanup();
  });

  it("GIVEN a server without a programme THEN the caller has no programme and no roles", async () => {
    const standing = await createDatabaseAccessPolicy(test.db).standing(GUILD, ORGANISER);
    expect(standing.programme).toBeNull();
    expect([...standing.roles]).toEqual([]);
  });

  it("GIVEN an archived and a current programme THEN the current one and the caller's roles in it are returned", async () => {
    const programmes = createProgrammeRepository(test.db);
    const old = await programmes.create({
      guildId: GUILD,
      name: "2025 autumn",
      mode: "internship",
      startsAt: new Date("2025-10-01T00:00:00Z"),
      endsAt: new Date("2025-12-01T00:00:00Z"),
      createdByUserId: ORGANISER,
    });
    await programmes.update(old.id, { status: "archived" });
    const current = await programmes.create({
      guildId: GUILD,
      name: "2026 spring",
      mode: "hackathon",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-04-03T00:00:00Z"),
      createdByUserId: ORGANISER,
      forcedLocale: "en",
    });
    const members = createMemberRepository(test.db);
    const member = await members.join({
      programmeId: current.id,
      discordUserId: ORGANISER,
      roles: ["organiser"],
    });
    await members.grantRole(member.id, "mentor", ORGANISER);

    const policy = createDatabaseAccessPolicy(test.db);
    const organiser = await policy.standing(GUILD, ORGANISER);
    expect(organiser.programme).toMatchObject({
      id: current.id,
      name: "2026 spring",
      mode: "hackathon",
      forcedLocale: "en",
    });
    expect([...organiser.roles].sort()).toEqual(["mentor", "organiser"]);

    const stranger = await policy.standing(GUILD, STRANGER);
    expect(stranger.programme?.id).toBe(current.id);
    expect([...stranger.roles]).toEqual([]);
  });

  it("GIVEN cached standings WHEN roles, members and programmes change THEN the next lookup sees each change at once", async () => {
    const guild = "900000000000000011";
    const user = "900000000000000012";
    const programmes = createProgrammeRepository(test.db);
    const members = createMemberRepository(test.db);
    const policy = createDatabaseAccessPolicy(test.db);

    expect((await policy.standing(guild, user)).programme).toBeNull();
    const programme = await programmes.create({
      guildId: guild,
      name: "cached",
      mode: "internship",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-06-01T00:00:00Z"),
      createdByUserId: user,
    });
    expect((await policy.standing(guild, user)).programme?.id).toBe(programme.id);
    expect([...(await policy.standing(guild, user)).roles]).toEqual([]);

    const member = await members.join({ programmeId: programme.id, discordUserId: user, roles: ["intern"] });
    expect([...(await policy.standing(guild, user)).roles]).toEqual(["intern"]);
    await members.grantRole(member.id, "mentor", null);
    expect([...(await policy.standing(guild, user)).roles].sort()).toEqual(["intern", "mentor"]);
    await members.revokeRole(member.id, "intern");
    expect([...(await policy.standing(guild, user)).roles]).toEqual(["mentor"]);

    // A write inside an interactive transaction is seen once the transaction has committed.
    await test.db.$transaction(async (tx) => {
      await createMemberRepository(tx).revokeRole(member.id, "mentor");
    });
    expect([...(await policy.standing(guild, user)).roles]).toEqual([]);

    await programmes.update(programme.id, { forcedLocale: "ja" });
    expect((await policy.standing(guild, user)).programme?.forcedLocale).toBe("ja");
    await programmes.update(programme.id, { status: "archived" });
    expect((await policy.standing(guild, user)).programme).toBeNull();
  });

  it("GIVEN a client without a change feed THEN nothing is cached: every lookup asks the database", async () => {
    const guild = "900000000000000021";
    let programmeQueries = 0;
    const counting = new Proxy(test.db, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver === counting ? target : receiver);
        if (property !== "programme") return value;
        return new Proxy(value as object, {
          get(delegate, method) {
            const fn = Reflect.get(delegate, method) as unknown;
            if (typeof fn !== "function") return fn;
            return (...args: unknown[]) => {
              programmeQueries += 1;
              return (fn as (...a: unknown[]) => unknown).apply(delegate, args);
            };
          },
        });
      },
    });
    expect(databaseChanges(test.db)).toBeDefined();
    expect(databaseChanges(counting)).toBeUndefined();
    const policy = createDatabaseAccessPolicy(counting);
    const users = Array.from({ length: 50 }, (_, i) => `9000000000000010${String(i).padStart(2, "0")}`);
    const standings = await Promise.all(users.map((user) => policy.standing(guild, user)));
    expect(standings.every((standing) => standing.programme === null)).toBe(true);
    expect(programmeQueries).toBe(50);
  });

  it("GIVEN a cached standing WHEN the member only moves stage THEN the cache is kept; a role write drops it", async () => {
    const guild = "900000000000000031";
    const user = "900000000000000032";
    const programme = await createProgrammeRepository(test.db).create({
      guildId: guild,
      name: "stage moves",
      mode: "internship",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-06-01T00:00:00Z"),
      createdByUserId: user,
    });
    const members = createMemberRepository(test.db);
    const member = await members.join({ programmeId: programme.id, discordUserId: user, roles: ["intern"] });
    const policy = createDatabaseAccessPolicy(test.db);
    expect([...(await policy.standing(guild, user)).roles]).toEqual(["intern"]);

    // Behind the change feed's back (raw SQL is not announced): the cached roles stay in use…
    await test.db.$executeRawUnsafe(`DELETE FROM member_role WHERE "memberId" = '${member.id}'`);
    // …through the writes a claim or onboarding rush makes by the hundred…
    await members.moveStage(member.id, "onboarded", { actorUserId: null });
    await members.setProjectChannel(member.id, "thread-31");
    expect([...(await policy.standing(guild, user)).roles]).toEqual(["intern"]);
    // …and a role write drops them.
    await members.grantRole(member.id, "mentor", null);
    expect([...(await policy.standing(guild, user)).roles]).toEqual(["mentor"]);
  });
});
