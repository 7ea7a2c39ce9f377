import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { Constraints, ConstraintViolation } from "../../../src/db/errors.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import {
  assignmentContentHash,
  createAssignmentRepository,
} from "../../../src/db/repositories/assignments.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { content, GUILD, seedProgramme } from "./fixtures.ts";

let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => {
  await testDb?.cleanup();
});

describe("programme repository", () => {
  it("GIVEN a new programme THEN it round-trips with defaults, and updates and the current-programme lookup work", async () => {
    const programmes = createProgrammeRepository(testDb.db);
    const created = await programmes.create({
      guildId: "guild-p",
      name: "Spring hackathon",
      mode: "hackathon",
      startsAt: new Date("2026-04-01T00:00:00Z"),
      endsAt: new Date("2026-04-03T00:00:00Z"),
      createdByUserId: "organiser",
    });
    expect(created).toMatchObject({
      status: "draft",
      timeZone: "Asia/Tokyo",
      forcedLocale: null,
      settings: { selfServiceClaimEnabled: false, swapWindowDays: 3, helpEscalateHours: 4 },
    });
    expect(await programmes.get(created.id)).toEqual(created);

    const updated = await programmes.update(created.id, {
      status: "open",
      forcedLocale: "en",
      settings: { selfServiceClaimEnabled: true },
    });
    expect(updated).toMatchObject({
      status: "open",
      forcedLocale: "en",
      settings: { selfServiceClaimEnabled: true, swapWindowDays: 3, helpEscalateHours: 4 },
    });
    expect((await programmes.current("guild-p"))?.id).toBe(created.id);
    await programmes.update(created.id, { status: "archived" });
    expect(await programmes.current("guild-p")).toBeNull();

    const duplicate = await programmes
      .create({ ...created, guildId: "guild-p", name: "Spring hackathon", createdByUserId: "x" })
      .catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(ConstraintViolation);
    expect((duplicate as ConstraintViolation).constraint).toBe(Constraints.programmeName);
  });

  it("GIVEN setup runs twice THEN Discord resources are upserted by key, and milestones are announced once", async () => {
    const programmes = createProgrammeRepository(testDb.db);
    const { programme } = await seedProgramme(testDb.db, { name: "resources", interns: 0, assignments: 0 });
    await programmes.saveDiscordResource(programme.id, {
      key: "channel:announcements",
      discordId: "1",
      kind: "text_channel",
    });
    await programmes.saveDiscordResource(programme.id, {
      key: "channel:announcements",
      discordId: "2",
      kind: "announcement_channel",
    });
    await programmes.saveDiscordResource(programme.id, { key: "role:intern", discordId: "3", kind: "role" });
    expect(await programmes.discordResources(programme.id)).toEqual([
      { key: "channel:announcements", discordId: "2", kind: "announcement_channel" },
      { key: "role:intern", discordId: "3", kind: "role" },
    ]);
    expect(await programmes.forgetDiscordResource(programme.id, "role:intern")).toBe(true);
    expect(await programmes.discordResource(programme.id, "role:intern")).toBeNull();

    const later = await programmes.addMilestone(programme.id, {
      kind: "presentation",
      title: "成果発表会",
      at: new Date("2026-03-20T05:00:00Z"),
    });
    const kickoff = await programmes.addMilestone(programme.id, {
      kind: "kickoff",
      title: "Kick-off",
      at: new Date("2026-01-05T01:00:00Z"),
    });
    expect((await programmes.milestones(programme.id)).map((m) => m.id)).toEqual([kickoff.id, later.id]);
    expect(await programmes.markMilestoneAnnounced(kickoff.id, new Date())).toBe(true);
    expect(await programmes.markMilestoneAnnounced(kickoff.id, new Date())).toBe(false);
    expect((await programmes.setMilestoneJob(later.id, "job-1")).jobId).toBe("job-1");
  });
});

describe("member repository", () => {
  it("GIVEN a user joins twice with more roles THEN one member holds all roles and an intern starts as applied", async () => {
    const { programme } = await seedProgramme(testDb.db, { name: "members", interns: 0, assignments: 0 });
    const members = createMemberRepository(testDb.db);
    const first = await members.join({ programmeId: programme.id, discordUserId: "u1", roles: ["intern"] });
    const again = await members.join({
      programmeId: programme.id,
      discordUserId: "u1",
      roles: ["mentor", "intern"],
    });
    expect(again.id).toBe(first.id);
    expect(again.roles).toEqual(["mentor", "intern"]);
    expect(again.stage).toBe("applied");
    expect((await members.stageHistory(first.id)).map((t) => [t.from, t.to])).toEqual([[null, "applied"]]);
    expect((await members.list(programme.id, { role: "mentor" })).map((m) => m.id)).toEqual([first.id]);

    await members.revokeRole(first.id, "mentor");
    expect((await members.get(first.id))?.roles).toEqual(["intern"]);
  });

  it("GIVEN stage moves THEN each is recorded with who and why, and a move to the same stage records nothing", async () => {
    const { interns } = await seedProgramme(testDb.db, { name: "stages", interns: 1, assignments: 0 });
    const members = createMemberRepository(testDb.db);
    const intern = interns[0]!;
    await members.moveStage(intern.id, "onboarded", { actorUserId: "organiser" });
    expect(await members.moveStage(intern.id, "onboarded", { actorUserId: "organiser" })).toBeNull();
    const withdrawn = await members.moveStage(intern.id, "withdrawn", {
      actorUserId: null,
      reason: "full-flex did not suit",
    });
    expect(withdrawn).toMatchObject({
      from: "onboarded",
      to: "withdrawn",
      actorUserId: null,
      reason: "full-flex did not suit",
    });
    expect((await members.stageHistory(intern.id)).map((t) => t.to)).toEqual([
      "applied",
      "onboarded",
      "withdrawn",
    ]);
    expect((await members.get(intern.id))?.stage).toBe("withdrawn");
  });

  it("GIVEN a profile is saved twice THEN the second replaces the first, skills included; consent changes are timestamped", async () => {
    const { interns } = await seedProgramme(testDb.db, { name: "profiles", interns: 1, assignments: 0 });
    const members = createMemberRepository(testDb.db);
    const id = interns[0]!.id;
    const profile = {
      displayName: "Aiko",
      skills: [
        { name: "typescript", level: 3 },
        { name: "design", level: 2 },
      ],
      interests: ["education", "accessibility"],
      weeklyHoursAvailable: 12,
      preferredLocale: "ja" as const,
      accommodations: {
        notes: "音声通話は苦手",
        textOnlyPresentation: true,
        extendedDeadlines: false,
        fewerNotifications: true,
      },
    };
    await members.saveProfile(id, profile);
    await members.saveProfile(id, {
      ...profile,
      skills: [{ name: "typescript", level: 4 }],
      weeklyHoursAvailable: null,
    });
    expect(await members.profile(id)).toEqual({
      ...profile,
      skills: [{ name: "typescript", level: 4 }],
      weeklyHoursAvailable: null,
    });

    const at = new Date("2026-01-10T09:00:00Z");
    const consented = await members.setAgencyConsent(id, true, at);
    expect(consented).toMatchObject({ agencyConsent: true, agencyConsentChangedAt: at });
    expect((await members.setProjectChannel(id, "thread-1")).projectChannelId).toBe("thread-1");
  });

  it("GIVEN two organisers removing each other at the same instant THEN exactly one removal happens and one organiser stays", async () => {
    const { programme } = await seedProgramme(testDb.db, {
      name: "two organisers",
      interns: 0,
      assignments: 0,
    });
    const members = createMemberRepository(testDb.db);
    for (let round = 0; round < 5; round++) {
      const a = await members.join({
        programmeId: programme.id,
        discordUserId: `30${round}1`,
        roles: ["organiser"],
      });
      const b = await members.join({
        programmeId: programme.id,
        discordUserId: `30${round}2`,
        roles: ["organiser"],
      });
      const outcomes = await Promise.all([
        members.revokeRoleKeepingAnOrganiser(programme.id, a.id, "organiser"),
        members.revokeRoleKeepingAnOrganiser(programme.id, b.id, "organiser"),
      ]);
      expect(outcomes.sort()).toEqual(["last_organiser", "revoked"]);
      const left = await members.list(programme.id, { role: "organiser" });
      expect(left).toHaveLength(1);
      // The one left is removed from the programme's organisers for the next round: it is refused.
      expect(await members.revokeRoleKeepingAnOrganiser(programme.id, left[0]!.id, "organiser")).toBe(
        "last_organiser",
      );
      await members.revokeRole(left[0]!.id, "organiser");
    }
  });

  it("GIVEN a mentor role THEN revokeRoleKeepingAnOrganiser takes it away whatever the organisers", async () => {
    const { programme } = await seedProgramme(testDb.db, { name: "mentor only", interns: 0, assignments: 0 });
    const members = createMemberRepository(testDb.db);
    const mentor = await members.join({
      programmeId: programme.id,
      discordUserId: "3101",
      roles: ["mentor"],
    });
    expect(await members.revokeRoleKeepingAnOrganiser(programme.id, mentor.id, "mentor")).toBe("revoked");
    expect((await members.get(mentor.id))?.roles).toEqual([]);
  });
});

describe("assignment repository", () => {
  it("GIVEN the same content imported twice THEN one version; changed content THEN a second version, the first kept", async () => {
    const library = createAssignmentRepository(testDb.db);
    const first = await library.importVersion(
      "guild-a",
      "todo-api",
      content("todo", { links: [{ label: "spec", url: "https://example.com/spec" }] }),
    );
    const same = await library.importVersion(
      "guild-a",
      "todo-api",
      content("todo", { links: [{ label: "spec", url: "https://example.com/spec" }] }),
    );
    expect(first.created).toBe(true);
    expect(same.created).toBe(false);
    expect(same.version.id).toBe(first.version.id);

    const changed = await library.importVersion(
      "guild-a",
      "todo-api",
      content("todo", { level: 3, tags: ["education"] }),
    );
    expect(changed.created).toBe(true);
    expect(changed.version.version).toBe(2);
    expect(changed.assignment.latest.id).toBe(changed.version.id);
    expect((await library.versions(first.assignment.id)).map((v) => v.version)).toEqual([1, 2]);
    expect(await library.version(first.version.id)).toEqual(first.version);
    expect(first.version).toMatchObject({
      titleEn: "Task todo",
      skills: ["typescript"],
      tags: [],
      status: "retired",
      links: [{ label: "spec", url: "https://example.com/spec" }],
      attachments: [],
      contentHash: assignmentContentHash(
        content("todo", { links: [{ label: "spec", url: "https://example.com/spec" }] }),
      ),
    });
    expect((await library.findByKey("guild-a", "todo-api"))?.latest.version).toBe(2);
    expect((await library.library("guild-a")).map((a) => a.key)).toEqual(["todo-api"]);
  });

  it("GIVEN programme flags THEN they are stored per programme", async () => {
    const { programme, assignmentIds } = await seedProgramme(testDb.db, {
      name: "flags",
      interns: 0,
      assignments: 2,
    });
    const library = createAssignmentRepository(testDb.db);
    await library.setProgrammeFlags(programme.id, assignmentIds[0]!, { excluded: true });
    await library.setProgrammeFlags(programme.id, assignmentIds[0]!, { reserved: true, note: "for Aiko" });
    expect(await library.programmeFlags(programme.id)).toEqual([
      { assignmentId: assignmentIds[0], excluded: true, reserved: true, note: "for Aiko" },
    ]);
  });
});

describe("allocation repository", () => {
  it("GIVEN an allocation THEN it pins the newest version, and a later library edit does not move it", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "pin",
      interns: 1,
      assignments: 1,
    });
    const allocations = createAllocationRepository(testDb.db);
    const library = createAssignmentRepository(testDb.db);
    const allocation = await allocations.allocate({
      programmeId: programme.id,
      memberId: interns[0]!.id,
      assignmentId: assignmentIds[0]!,
      method: "batch",
    });
    const v1 = (await library.get(assignmentIds[0]!))!.latest;
    expect(allocation.assignmentVersionId).toBe(v1.id);
    await library.importVersion(GUILD, "task-0", content("0", { brief: "Changed brief." }));
    expect((await allocations.get(allocation.id))?.assignmentVersionId).toBe(v1.id);
    expect(await allocations.liveForMember(programme.id, interns[0]!.id)).toEqual(allocation);
  });

  it("GIVEN a swap to a free assignment THEN old released as swapped and new live; to a taken one THEN nothing changes", async () => {
    const { programme, interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "swap",
      interns: 2,
      assignments: 3,
    });
    const allocations = createAllocationRepository(testDb.db);
    const [a, b] = interns;
    const [x, y, z] = assignmentIds;
    await allocations.allocate({
      programmeId: programme.id,
      memberId: a!.id,
      assignmentId: x!,
      method: "batch",
    });
    await allocations.allocate({
      programmeId: programme.id,
      memberId: b!.id,
      assignmentId: y!,
      method: "batch",
    });

    const { released, allocated } = await allocations.swap({
      programmeId: programme.id,
      memberId: a!.id,
      assignmentId: z!,
    });
    expect(released).toMatchObject({ assignmentId: x, active: false, releaseReason: "swapped" });
    expect(allocated).toMatchObject({ assignmentId: z, active: true, method: "swap" });

    const refused = await allocations
      .swap({ programmeId: programme.id, memberId: a!.id, assignmentId: y! })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConstraintViolation);
    expect((await allocations.liveForMember(programme.id, a!.id))?.assignmentId).toBe(z);
    expect((await allocations.history(a!.id)).map((h) => [h.assignmentId, h.active])).toEqual([
      [x, false],
      [z, true],
    ]);
  });

  it("GIVEN a programme THEN inputs() gives the allocation rules interns, library with flags, live and past allocations", async () => {
    // A database of its own: past allocations span the whole guild.
    const own = await createTestDatabase();
    try {
      await checkInputs(own);
    } finally {
      await own.cleanup();
    }
  });

  async function checkInputs(testDb: TestDatabase): Promise<void> {
    const earlier = await seedProgramme(testDb.db, { name: "inputs-earlier", interns: 1, assignments: 2 });
    const allocations = createAllocationRepository(testDb.db);
    const old = await allocations.allocate({
      programmeId: earlier.programme.id,
      memberId: earlier.interns[0]!.id,
      assignmentId: earlier.assignmentIds[1]!,
      method: "batch",
    });
    await createProgrammeRepository(testDb.db).update(earlier.programme.id, { status: "archived" });

    const now = await seedProgramme(testDb.db, { name: "inputs-now", interns: 3, assignments: 2 });
    const members = createMemberRepository(testDb.db);
    const [first, second, third] = now.interns;
    await members.saveProfile(first!.id, {
      displayName: "A",
      skills: [{ name: "typescript", level: 3 }],
      interests: ["education"],
      weeklyHoursAvailable: 10,
      preferredLocale: null,
      accommodations: {
        notes: null,
        textOnlyPresentation: false,
        extendedDeadlines: false,
        fewerNotifications: false,
      },
    });
    await allocations.setPreferences(first!.id, [now.assignmentIds[1]!, now.assignmentIds[0]!]);
    await members.moveStage(third!.id, "withdrawn", { actorUserId: null });
    await createAssignmentRepository(testDb.db).setProgrammeFlags(now.programme.id, now.assignmentIds[0]!, {
      reserved: true,
    });
    await allocations.allocate({
      programmeId: now.programme.id,
      memberId: second!.id,
      assignmentId: now.assignmentIds[0]!,
      method: "manual",
    });

    const inputs = await allocations.inputs(now.programme.id);
    expect(inputs.interns.map((i) => i.id)).toEqual([first!.id, second!.id]);
    expect(inputs.interns[0]).toEqual({
      id: first!.id,
      discordUserId: first!.discordUserId,
      skills: [{ name: "typescript", level: 3 }],
      interests: ["education"],
      hoursPerWeek: 10,
      preferences: [now.assignmentIds[1], now.assignmentIds[0]],
    });
    const task0 = inputs.assignments.find((a) => a.id === now.assignmentIds[0]);
    expect(task0).toMatchObject({
      status: "retired",
      level: 2,
      skills: ["typescript"],
      excluded: false,
      reserved: true,
    });
    expect(inputs.existing).toEqual([{ internId: second!.id, assignmentId: now.assignmentIds[0] }]);
    // The earlier cohort's intern and this one's first intern are the same Discord user.
    expect(inputs.past).toEqual([{ discordUserId: first!.discordUserId, assignmentId: old.assignmentId }]);
  }

  it("GIVEN more than three preferences THEN a RangeError and nothing stored", async () => {
    const { interns, assignmentIds } = await seedProgramme(testDb.db, {
      name: "prefs",
      interns: 1,
      assignments: 4,
    });
    const allocations = createAllocationRepository(testDb.db);
    await expect(allocations.setPreferences(interns[0]!.id, assignmentIds)).rejects.toBeInstanceOf(
      RangeError,
    );
    expect(await allocations.preferences(interns[0]!.id)).toEqual([]);
  });
});

describe("audit repository", () => {
  it("GIVEN organiser actions THEN they are listed newest first with their data", async () => {
    const audit = createAuditRepository(testDb.db);
    await audit.record({
      guildId: "guild-audit",
      actorUserId: "o",
      action: "programme.open",
      at: new Date("2026-01-01T00:00:00Z"),
    });
    await audit.record({
      guildId: "guild-audit",
      actorUserId: "o",
      action: "allocation.release",
      target: "allocation:1",
      data: { reason: "withdrawn" },
      at: new Date("2026-01-02T00:00:00Z"),
    });
    const entries = await audit.recent("guild-audit");
    expect(entries.map((e) => e.action)).toEqual(["allocation.release", "programme.open"]);
    expect(entries[0]).toMatchObject({
      target: "allocation:1",
      data: { reason: "withdrawn" },
      programmeId: null,
    });
  });
});
