import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createOperationsRepository } from "../../../src/db/repositories/operations.ts";
import { seedProgramme } from "../../support/programme.ts";

describe("check-ins, reports and nudges in the database", () => {
  let database: TestDatabase;
  let memberId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    const { programme } = await seedProgramme(database.db, { guildId: "1", status: "open" });
    const member = await createMemberRepository(database.db).join({
      programmeId: programme.id,
      discordUserId: "2",
      roles: ["intern"],
    });
    memberId = member.id;
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  it("GIVEN five /checkin at once THEN the unique index keeps one open and the others see it", async () => {
    const operations = createOperationsRepository(database.db);
    const at = new Date("2026-04-02T01:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 5 }, () => operations.startCheckIn(memberId, null, at)),
    );
    expect(results.filter((r) => r.status === "started")).toHaveLength(1);
    expect(new Set(results.map((r) => r.checkIn.id)).size).toBe(1);
    const [a, b] = await Promise.all([
      operations.endCheckIn(memberId, at),
      operations.endCheckIn(memberId, at),
    ]);
    expect([a, b].filter((r) => r !== null)).toHaveLength(1);
    expect(await operations.openCheckIn(memberId)).toBeNull();
    expect((await operations.startCheckIn(memberId, "again", at)).status).toBe("started");
  });

  it("GIVEN a report saved twice for a day THEN the second replaces it; a nudge is recorded once", async () => {
    const operations = createOperationsRepository(database.db);
    const content = { done: "a", blockers: null, next: null, mood: 4 };
    const first = await operations.saveReport({ memberId, localDate: "2026-04-02", content, private: false });
    const second = await operations.saveReport({
      memberId,
      localDate: "2026-04-02",
      content: { ...content, done: "b", mood: null },
      private: true,
    });
    expect(first.created).toBe(true);
    expect(second).toMatchObject({
      created: false,
      report: { id: first.report.id, done: "b", mood: null, private: true },
    });
    const at = new Date();
    expect(await operations.recordNudge(memberId, "report_reminder", "2026-04-02", at)).toBe(true);
    expect(await operations.recordNudge(memberId, "report_reminder", "2026-04-02", at)).toBe(false);
    expect(await operations.nudgeDays(memberId, "report_reminder", "2026-03-27")).toEqual(["2026-04-02"]);
  });
});
