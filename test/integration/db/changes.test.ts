import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { databaseChanges, type WatchedModel } from "../../../src/db/changes.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";

const GUILD = "910000000000000001";
const USER = "910000000000000002";

describe("databaseChanges", () => {
  let test: TestDatabase;
  const seen: WatchedModel[] = [];

  beforeAll(async () => {
    test = await createTestDatabase();
    databaseChanges(test.db)?.subscribe((change) => seen.push(change.model));
  });

  afterAll(async () => {
    await test?.cleanup();
  });

  const newProgramme = (name: string) =>
    createProgrammeRepository(test.db).create({
      guildId: GUILD,
      name,
      mode: "internship",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-06-01T00:00:00Z"),
      createdByUserId: USER,
    });

  it("GIVEN writes and reads outside a transaction THEN each write to a watched model is announced, reads are not", async () => {
    seen.length = 0;
    const programme = await newProgramme("outside");
    await createProgrammeRepository(test.db).current(GUILD);
    const member = await createMemberRepository(test.db).join({
      programmeId: programme.id,
      discordUserId: USER,
      roles: ["intern"],
    });
    await createMemberRepository(test.db).find(programme.id, USER);
    await createMemberRepository(test.db).grantRole(member.id, "mentor", null);
    expect(seen[0]).toBe("Programme");
    expect(seen).toContain("Member");
    expect(seen.at(-1)).toBe("MemberRole");
    expect(seen.filter((model) => model === "Programme")).toHaveLength(1);
  });

  it("GIVEN a write inside an interactive transaction THEN it is announced again once the transaction has ended", async () => {
    const programme = await newProgramme("inside");
    seen.length = 0;
    const duringTransaction: WatchedModel[][] = [];
    await test.db.$transaction(async (tx) => {
      await createProgrammeRepository(tx).update(programme.id, { name: "inside, renamed" });
      duringTransaction.push([...seen]);
    });
    expect(duringTransaction).toEqual([["Programme"]]);
    expect(seen).toEqual(["Programme", "Programme"]);
  });

  it("GIVEN a transaction that rolls back THEN its writes are still announced (dropping a cache is always safe)", async () => {
    const programme = await newProgramme("rolled back");
    seen.length = 0;
    await expect(
      test.db.$transaction(async (tx) => {
        await createProgrammeRepository(tx).update(programme.id, { name: "never" });
        throw new Error("abandon");
      }),
    ).rejects.toThrow("abandon");
    expect(seen).toEqual(["Programme", "Programme"]);
  });

  it("GIVEN writes to other models THEN nothing is announced", async () => {
    seen.length = 0;
    await test.db.agency.create({ data: { guildId: GUILD, name: "Agency A" } });
    expect(seen).toEqual([]);
  });
});
