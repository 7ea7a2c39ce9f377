import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { ConstraintViolation } from "../../../src/db/errors.ts";
import { createTeamRepository } from "../../../src/db/repositories/teams.ts";
import { createTeamStore } from "../../../src/db/stores/team.ts";
import { seedProgramme } from "../../support/programme.ts";

/** The team store on the real database (SQLite, or PostgreSQL when DATABASE_URL names one): races. */
describe("team store", () => {
  let database: TestDatabase;
  const at = new Date("2026-01-10T09:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function hackathon(name: string, interns: number, max: number) {
    const seeded = await seedProgramme(database.db, {
      guildId: "g1",
      name,
      interns,
      mode: "hackathon",
      status: "open",
    });
    await createTeamRepository(database.db).setLimits(seeded.programme.id, { min: 1, max });
    const actor = { guildId: "g1", programmeId: seeded.programme.id, actorUserId: "1", at };
    return { programmeId: seeded.programme.id, interns: seeded.interns, actor };
  }

  it("GIVEN a team with one place left WHEN eight people join at once THEN exactly one gets in and the team never overfills", async () => {
    const { programmeId, interns, actor } = await hackathon("race-last-place", 9, 2);
    const store = createTeamStore(database.db);
    const [founder, ...others] = interns;
    const created = await store.create({ ...actor, memberId: founder?.id ?? "", name: "Last" });
    if (!created.ok) throw new Error("create");
    const results = await Promise.all(
      others.map((m) => store.join({ ...actor, teamId: created.team.id, memberId: m.id, inviteId: null })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => (r.ok ? "" : r.problem))).toEqual(Array(7).fill("full"));
    expect(await createTeamRepository(database.db).size(created.team.id)).toBe(2);
    const audit = await database.db.auditLogEntry.count({ where: { programmeId, action: "team.join" } });
    expect(audit).toBe(1);
  });

  it("GIVEN one person WHEN they join two teams at once THEN the database keeps them in one", async () => {
    const { programmeId, interns, actor } = await hackathon("race-two-teams", 3, 4);
    const store = createTeamStore(database.db);
    const [a, b, c] = interns;
    const one = await store.create({ ...actor, memberId: a?.id ?? "", name: "One" });
    const two = await store.create({ ...actor, memberId: b?.id ?? "", name: "Two" });
    if (!one.ok || !two.ok) throw new Error("create");
    const results = await Promise.all(
      [one.team.id, two.team.id].map((teamId) =>
        store.join({ ...actor, teamId, memberId: c?.id ?? "", inviteId: null }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, problem: "alreadyInTeam" });
    expect(await database.db.teamMember.count({ where: { programmeId, memberId: c?.id ?? "" } })).toBe(1);
  });

  it("GIVEN a name clash, a lock and a direct second membership THEN refusals and no rows written", async () => {
    const { programmeId, interns, actor } = await hackathon("rules", 3, 4);
    const store = createTeamStore(database.db);
    const [a, b, c] = interns;
    const first = await store.create({ ...actor, memberId: a?.id ?? "", name: "Same" });
    if (!first.ok) throw new Error("create");
    expect(await store.create({ ...actor, memberId: b?.id ?? "", name: "Same" })).toEqual({
      ok: false,
      problem: "nameTaken",
    });
    expect(await database.db.teamMember.count({ where: { programmeId } })).toBe(1);
    // The schema itself refuses a second team for one person, whatever the code does.
    const second = await store.create({ ...actor, memberId: b?.id ?? "", name: "Other" });
    if (!second.ok) throw new Error("create");
    await expect(
      createTeamRepository(database.db).addMember(programmeId, second.team.id, a?.id ?? "", at),
    ).rejects.toBeInstanceOf(ConstraintViolation);
    await store.lock({ ...actor, teamId: null, lockedAt: at });
    expect(
      await store.join({ ...actor, teamId: first.team.id, memberId: c?.id ?? "", inviteId: null }),
    ).toEqual({
      ok: false,
      problem: "locked",
    });
    expect(await store.leave({ ...actor, teamId: first.team.id, memberId: a?.id ?? "" })).toEqual({
      ok: false,
      problem: "locked",
    });
    expect(await database.db.teamMember.count({ where: { programmeId } })).toBe(2);
  });
});
