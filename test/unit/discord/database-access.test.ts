import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createDatabaseAccessPolicy } from "../../../src/discord/database-access.ts";
import { createTestDatabase, type TestDatabase } from "../../support/db.ts";

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
});
