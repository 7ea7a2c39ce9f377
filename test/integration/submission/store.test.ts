import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createSubmissionRepository } from "../../../src/db/repositories/submissions.ts";
import { createSubmissionStore } from "../../../src/db/stores/submission.ts";
import type { NewVersion } from "../../../src/features/submission/ports.ts";
import { seedProgramme } from "../../support/programme.ts";

/** The submission store on the real database (SQLite, or PostgreSQL when DATABASE_URL names one). */
describe("submission store", () => {
  let database: TestDatabase;
  const deadline = new Date("2026-03-25T09:00:00Z");

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function internWithProject(name: string) {
    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: "g1",
      name,
      interns: 2,
      assignments: 2,
      status: "open",
    });
    const [intern, other] = seeded.interns;
    if (!intern || !other) throw new Error("seed");
    await createProgrammeRepository(db).addMilestone(seeded.programme.id, {
      kind: "submission_deadline",
      title: "Deadline",
      at: deadline,
    });
    const members = createMemberRepository(db);
    await members.moveStage(intern.id, "working", { actorUserId: null });
    const allocation = await createAllocationRepository(db).allocate({
      programmeId: seeded.programme.id,
      memberId: intern.id,
      assignmentId: seeded.assignmentIds[0] ?? "",
      method: "manual",
    });
    return { ...seeded, intern, other, allocation };
  }

  const version = (s: Awaited<ReturnType<typeof internWithProject>>, at: Date, key = "k1"): NewVersion => ({
    guildId: "g1",
    programmeId: s.programme.id,
    memberId: s.intern.id,
    allocationId: s.allocation.id,
    actorUserId: s.intern.discordUserId,
    submittedAt: at,
    links: [{ label: "repository", url: "https://github.com/a/b" }],
    note: "hi",
    files: [
      {
        name: "a.pdf",
        size: 12,
        contentType: "application/pdf",
        sha256: "ab".repeat(32),
        storageKey: key,
        url: "https://cdn/a",
      },
    ],
    late: false,
    deadlineAt: deadline,
    manifestHash: (n) => `hash-${n}`,
  });

  it("GIVEN the first version THEN version 1 with its files, the stage moves working → submitted with a transition, and it is audited", async () => {
    const s = await internWithProject("first");
    const store = createSubmissionStore(database.db);
    const at = new Date("2026-03-20T00:00:00Z");
    const written = await store.addVersion(version(s, at));
    expect(written.movedToSubmitted).toBe(true);
    expect(written.version).toMatchObject({ number: 1, manifestHash: "hash-1", submittedAt: at, note: "hi" });
    expect(written.version.files).toEqual([
      expect.objectContaining({ sha256: "ab".repeat(32), storageKey: "k1" }),
    ]);
    const member = await createMemberRepository(database.db).get(s.intern.id);
    expect(member?.stage).toBe("submitted");
    const history = await createMemberRepository(database.db).stageHistory(s.intern.id);
    expect(history.filter((h) => h.to === "submitted")).toEqual([
      expect.objectContaining({ from: "working", to: "submitted", at }),
    ]);
    const audit = await createAuditRepository(database.db).recent("g1", { programmeId: s.programme.id });
    expect(audit.map((a) => a.action)).toEqual(["submission.version"]);
    expect(await store.blobReferenced("k1")).toBe(true);
    expect(await store.blobReferenced("nope")).toBe(false);

    const second = await store.addVersion(version(s, new Date("2026-03-21T00:00:00Z")));
    expect(second).toMatchObject({ movedToSubmitted: false, version: { number: 2, manifestHash: "hash-2" } });
    expect((await store.versions(s.programme.id, s.intern.id)).map((v) => v.number)).toEqual([1, 2]);
  });

  it("GIVEN five /submit at once THEN versions 1 to 5, no number twice", async () => {
    const s = await internWithProject("concurrent");
    const store = createSubmissionStore(database.db);
    const at = new Date("2026-03-20T00:00:00Z");
    const written = await Promise.all([1, 2, 3, 4, 5].map(() => store.addVersion(version(s, at))));
    expect(written.map((w) => w.version.number).sort()).toEqual([1, 2, 3, 4, 5]);
    expect(written.filter((w) => w.movedToSubmitted)).toHaveLength(1);
  });

  it("GIVEN programme terms, an extension and close/reopen THEN each reads back, audited, and `awaiting` lists only interns owing a hand-in", async () => {
    const s = await internWithProject("terms");
    const store = createSubmissionStore(database.db);
    const state = await store.state(s.programme.id);
    expect(state).toMatchObject({
      deadline,
      closedAt: null,
      settings: { reminderOffsetsHours: [72, 24, 3] },
    });
    const until = new Date("2026-03-26T09:00:00Z");
    const at = new Date("2026-03-20T00:00:00Z");
    const base = {
      guildId: "g1",
      programmeId: s.programme.id,
      memberId: s.intern.id,
      actorUserId: "org",
      at,
    };
    await store.setExtension({
      ...base,
      extension: { until, reason: "hospital", source: "organiser", grantedByUserId: "org" },
    });
    expect((await store.terms(s.intern.id)).extension).toEqual({
      until,
      reason: "hospital",
      source: "organiser",
      grantedByUserId: "org",
    });
    const repo = createSubmissionRepository(database.db);
    expect((await repo.awaiting(s.programme.id)).map((a) => a.memberId)).toEqual([s.intern.id]);
    await store.setExtension({ ...base, extension: null });
    expect((await store.terms(s.intern.id)).extension).toBeNull();
    await store.setClosed({
      guildId: "g1",
      programmeId: s.programme.id,
      actorUserId: "org",
      at,
      closedAt: at,
    });
    expect((await store.state(s.programme.id))?.closedAt).toEqual(at);
    await store.setClosed({
      guildId: "g1",
      programmeId: s.programme.id,
      actorUserId: "org",
      at,
      closedAt: null,
    });
    expect((await store.state(s.programme.id))?.closedAt).toBeNull();
    const audit = await createAuditRepository(database.db).recent("g1", { programmeId: s.programme.id });
    expect(audit.map((a) => a.action).sort()).toEqual(
      [
        "submission.close",
        "submission.extension.clear",
        "submission.extension.set",
        "submission.reopen",
      ].sort(),
    );
    await store.addVersion(version(s, at));
    expect(await repo.awaiting(s.programme.id)).toEqual([]);
  });

  it("GIVEN an extension request THEN approving it sets the extension (source request) once, audited; a second decision writes nothing", async () => {
    const s = await internWithProject("request");
    const store = createSubmissionStore(database.db);
    const at = new Date("2026-03-20T00:00:00Z");
    const until = new Date("2026-03-27T09:00:00Z");
    const base = { guildId: "g1", programmeId: s.programme.id, actorUserId: "o1", at };
    const { id } = await store.addExtensionRequest({
      ...base,
      memberId: s.intern.id,
      until,
      reason: "hospital",
    });
    expect(await store.extensionRequest(id)).toMatchObject({ memberId: s.intern.id, until, decision: null });
    const extension = { until, reason: "hospital", source: "request" as const, grantedByUserId: "o1" };
    const decide = (decision: "approved" | "declined") =>
      store.decideExtensionRequest({
        ...base,
        requestId: id,
        decision,
        extension: decision === "approved" ? extension : null,
      });
    expect(await Promise.all([decide("approved"), decide("declined")])).toEqual(
      expect.arrayContaining([true, false]),
    );
    const decided = await store.extensionRequest(id);
    const stored = await createSubmissionRepository(database.db).extension(s.intern.id);
    if (decided?.decision === "approved") expect(stored).toEqual(extension);
    else expect(stored).toBeNull();
    const actions = (
      await createAuditRepository(database.db).recent("g1", { programmeId: s.programme.id })
    ).map((e) => e.action);
    expect(actions.filter((a) => a.startsWith("submission.extension.request"))).toHaveLength(2);
  });
});
