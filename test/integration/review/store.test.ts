import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../../scripts/harness/db.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createReviewStore } from "../../../src/db/stores/review.ts";
import { createSubmissionStore } from "../../../src/db/stores/submission.ts";
import { DEFAULT_RUBRIC } from "../../../src/domain/review/rubric.ts";
import { seedProgramme } from "../../support/programme.ts";

/** The review store on the real database (SQLite, or PostgreSQL when DATABASE_URL names one). */
describe("review store", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.cleanup();
  });

  async function setUp(name: string) {
    const db = database.db;
    const seeded = await seedProgramme(db, {
      guildId: "g1",
      name,
      interns: 2,
      assignments: 2,
      status: "open",
    });
    const members = createMemberRepository(db);
    const mentor = await members.join({
      programmeId: seeded.programme.id,
      discordUserId: "900",
      roles: ["mentor"],
    });
    const other = await members.join({
      programmeId: seeded.programme.id,
      discordUserId: "901",
      roles: ["mentor"],
    });
    const submissions = createSubmissionStore(db);
    const submit = async (index: number, at: Date, late = false) => {
      const intern = seeded.interns[index];
      if (!intern) throw new Error("seed");
      const allocation =
        (await createAllocationRepository(db).liveForMember(seeded.programme.id, intern.id)) ??
        (await createAllocationRepository(db).allocate({
          programmeId: seeded.programme.id,
          memberId: intern.id,
          assignmentId: seeded.assignmentIds[index] ?? "",
          method: "manual",
        }));
      const { version } = await submissions.addVersion({
        guildId: "g1",
        programmeId: seeded.programme.id,
        memberId: intern.id,
        allocationId: allocation.id,
        actorUserId: intern.discordUserId,
        submittedAt: at,
        links: [{ label: "repository", url: "https://github.com/a/b" }],
        note: null,
        files: [],
        late,
        deadlineAt: null,
        manifestHash: (n) => `hash-${index}-${n}`,
      });
      return version;
    };
    return { ...seeded, mentor, other, submit, store: createReviewStore(db) };
  }

  it("GIVEN two interns' versions THEN the queue lists each latest version oldest first; filters narrow it; a published review takes it out and a new version puts it back", async () => {
    const s = await setUp("queue");
    const late = await s.submit(1, new Date("2026-03-21T00:00:00Z"), true);
    const early = await s.submit(0, new Date("2026-03-20T00:00:00Z"));
    const pid = s.programme.id;
    expect((await s.store.queue(pid, "all", s.mentor.id)).map((e) => e.versionId)).toEqual([
      early.id,
      late.id,
    ]);
    expect((await s.store.queue(pid, "late", s.mentor.id)).map((e) => e.versionId)).toEqual([late.id]);

    const at = new Date("2026-03-22T00:00:00Z");
    const draft = await s.store.saveDraft({
      guildId: "g1",
      actorUserId: "900",
      at,
      versionId: early.id,
      reviewerMemberId: s.mentor.id,
      scores: { brief: 4, quality: 3, explanation: 5, planning: 2, gone: 1 },
      comment: "Good",
    });
    expect(draft.scores).toEqual({ brief: 4, quality: 3, explanation: 5, planning: 2 });
    expect((await s.store.queue(pid, "mine", s.mentor.id)).map((e) => e.versionId)).toEqual([early.id]);
    expect((await s.store.queue(pid, "mine", s.other.id)).map((e) => e.versionId)).toEqual([]);
    expect((await s.store.queue(pid, "unreviewed", s.mentor.id)).map((e) => e.versionId)).toEqual([late.id]);
    expect((await s.store.queue(pid, "all", s.other.id))[0]?.draftsBy).toEqual(["900"]);

    const publish = () => s.store.publish({ guildId: "g1", actorUserId: "900", at, reviewId: draft.id });
    expect(await Promise.all([publish(), publish()])).toEqual(expect.arrayContaining([true, false]));
    expect((await s.store.review(early.id, s.mentor.id))?.publishedAt).toEqual(at);
    expect((await s.store.queue(pid, "all", s.mentor.id)).map((e) => e.versionId)).toEqual([late.id]);
    const audit = await createAuditRepository(database.db).recent("g1", { programmeId: pid });
    expect(audit.filter((e) => e.action === "review.publish")).toHaveLength(1);
    expect(audit.filter((e) => e.action === "review.draft")).toHaveLength(1);

    const published = await createSubmissionStore(database.db).publishedFeedback(pid, [early.id, late.id]);
    expect(published.feedback).toEqual([
      { versionId: early.id, reviewerUserId: "900", scores: draft.scores, comment: "Good", publishedAt: at },
    ]);

    const second = await s.submit(0, new Date("2026-03-23T00:00:00Z"));
    expect((await s.store.queue(pid, "all", s.mentor.id)).map((e) => e.versionId)).toEqual([
      late.id,
      second.id,
    ]);
    expect((await s.store.version(early.id))?.superseded).toBe(true);
    expect((await s.store.version(second.id))?.superseded).toBe(false);
  });

  it("GIVEN a draft only THEN /submission show's feedback is empty; the rubric is the default until set, then the stored one", async () => {
    const s = await setUp("rubric");
    const v = await s.submit(0, new Date("2026-03-20T00:00:00Z"));
    await s.store.saveDraft({
      guildId: "g1",
      actorUserId: "901",
      at: new Date("2026-03-21T00:00:00Z"),
      versionId: v.id,
      reviewerMemberId: s.other.id,
      scores: { brief: 1 },
      comment: "draft",
    });
    expect(
      (await createSubmissionStore(database.db).publishedFeedback(s.programme.id, [v.id])).feedback,
    ).toEqual([]);
    expect((await s.store.state(s.programme.id))?.rubric).toBe(DEFAULT_RUBRIC);
    const rubric = [{ key: "design", ja: "設計", en: "Design" }];
    await s.store.setRubric({
      guildId: "g1",
      programmeId: s.programme.id,
      actorUserId: "1",
      at: new Date("2026-03-21T00:00:00Z"),
      rubric,
    });
    expect((await s.store.state(s.programme.id))?.rubric).toEqual(rubric);
    const audit = await createAuditRepository(database.db).recent("g1", { programmeId: s.programme.id });
    expect(audit.map((e) => e.action)).toContain("review.rubric.set");
  });
});
