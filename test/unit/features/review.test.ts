import { describe, expect, it } from "vitest";
import type { Member } from "../../../src/domain/member/types.ts";
import { DEFAULT_RUBRIC, type RubricCriterion } from "../../../src/domain/review/rubric.ts";
import type { SubmissionVersionRecord } from "../../../src/domain/submission/types.ts";
import { UserError } from "../../../src/features/errors.ts";
import type { Feedback, ReviewRecord, ReviewStore } from "../../../src/features/review/ports.ts";
import { QUEUE_PAGE_SIZE, type ReviewCaller, reviewUseCases } from "../../../src/features/review/review.ts";
import type { Downloader } from "../../../src/features/submission/ports.ts";
import { aMember, aProgramme, FIXTURE_NOW } from "../../support/records.ts";

/** The review use-cases over an in-memory store, poster and downloader. */
function setUp(
  options: { versions?: number; rubricFile?: string; queued?: number; forcedLocale?: "ja" | "en" } = {},
) {
  const mentor = aMember({ id: "mentor", discordUserId: "u-mentor", roles: ["mentor"] });
  const other = aMember({ id: "mentor2", discordUserId: "u-mentor2", roles: ["mentor"] });
  const intern = aMember({ id: "intern", discordUserId: "u-intern", projectChannelId: "thread-1" });
  const members: Member[] = [mentor, other, intern];
  let rubric: readonly RubricCriterion[] = DEFAULT_RUBRIC;
  const versions: SubmissionVersionRecord[] = Array.from({ length: options.versions ?? 1 }, (_, i) => ({
    id: `v${i + 1}`,
    number: i + 1,
    submittedAt: new Date(FIXTURE_NOW.getTime() + i * 60_000),
    links: [{ label: "repository", url: "https://github.com/a/b" }],
    note: null,
    files: [],
    manifestHash: "f".repeat(64),
    late: false,
    deadlineAt: null,
  }));
  const reviews: ReviewRecord[] = [];
  const audits: string[] = [];
  const posts: { channelId: string; feedback: Feedback; key: string }[] = [];
  const locales: string[] = [];
  const store: ReviewStore = {
    state: async (id) =>
      id === "p1" ? { programme: aProgramme({ forcedLocale: options.forcedLocale ?? null }), rubric } : null,
    member: async (_p, userId) => members.find((m) => m.discordUserId === userId) ?? null,
    queue: async () =>
      Array.from({ length: options.queued ?? 0 }, (_, i) => ({
        versionId: `q${i}`,
        number: 1,
        submittedAt: new Date(FIXTURE_NOW.getTime() + i),
        late: false,
        internUserId: `u${i}`,
        draftsBy: [],
      })),
    version: async (id) => {
      const version = versions.find((v) => v.id === id);
      return version
        ? { programmeId: "p1", version, intern, superseded: version.number < versions.length }
        : null;
    },
    review: async (versionId, reviewer) =>
      reviews.find((r) => r.versionId === versionId && r.reviewerMemberId === reviewer) ?? null,
    async saveDraft(input) {
      let review = reviews.find(
        (r) => r.versionId === input.versionId && r.reviewerMemberId === input.reviewerMemberId,
      );
      if (!review) {
        review = {
          id: `r${reviews.length + 1}`,
          versionId: input.versionId,
          reviewerMemberId: input.reviewerMemberId,
          reviewerUserId: input.actorUserId,
          scores: {},
          comment: "",
          publishedAt: null,
        };
        reviews.push(review);
      }
      review.scores = input.scores;
      review.comment = input.comment;
      audits.push("review.draft");
      return { ...review };
    },
    async publish(input) {
      const review = reviews.find((r) => r.id === input.reviewId);
      if (!review || review.publishedAt) return false;
      review.publishedAt = input.at;
      audits.push("review.publish");
      return true;
    },
    async setRubric(input) {
      rubric = input.rubric;
      audits.push("review.rubric.set");
    },
    preferredLocale: async () => "en",
  };
  const downloader: Downloader = {
    async open() {
      const text = new TextEncoder().encode(options.rubricFile ?? "");
      return {
        declaredBytes: text.byteLength,
        body: (async function* () {
          yield text;
        })(),
      };
    },
  };
  const delivered = new Set<string>();
  const poster = {
    async postFeedback(target: { channelId: string; locale: string }, feedback: Feedback, key: string) {
      if (!delivered.has(key)) posts.push({ channelId: target.channelId, feedback, key });
      locales.push(target.locale);
      delivered.add(key);
      return true;
    },
  };
  const useCases = reviewUseCases({ store, downloader, now: () => FIXTURE_NOW, defaultLocale: "ja" });
  const caller = (userId: string, roles: ReviewCaller["roles"] = new Set(["mentor"])): ReviewCaller => ({
    guildId: "g1",
    programmeId: "p1",
    userId,
    roles,
  });
  return { useCases, caller, reviews, audits, posts, locales, poster, versions, rubric: () => rubric };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
  throw new Error("expected a UserError");
}

describe("review use-cases", () => {
  it("GIVEN an intern THEN they may not review; GIVEN a mentor THEN the sheet opens with no draft", async () => {
    const s = setUp();
    expect(await refusal(s.useCases.open(s.caller("u-intern", new Set(["intern"])), "v1"))).toBe(
      "review.error.notReviewer",
    );
    const sheet = await s.useCases.open(s.caller("u-mentor"), "v1");
    expect(sheet).toMatchObject({ reviewerId: "mentor", internUserId: "u-intern", saved: false, scores: {} });
    expect(await refusal(s.useCases.open(s.caller("u-mentor"), "nope"))).toBe("review.error.noVersion");
  });

  it("WHEN scores and a comment are saved THEN the draft holds them; a score outside 1–5 or an unknown criterion is refused and nothing is written", async () => {
    const s = setUp();
    const me = { versionId: "v1", reviewerId: "mentor" };
    expect(await refusal(s.useCases.score(s.caller("u-mentor"), { ...me, key: "brief", score: 6 }))).toBe(
      "review.error.score",
    );
    expect(await refusal(s.useCases.score(s.caller("u-mentor"), { ...me, key: "fifth", score: 3 }))).toBe(
      "review.error.criterion",
    );
    expect(s.reviews).toHaveLength(0);
    await s.useCases.score(s.caller("u-mentor"), { ...me, key: "brief", score: 4 });
    const sheet = await s.useCases.comment(s.caller("u-mentor"), { ...me, comment: "  Nice  " });
    expect(sheet).toMatchObject({ saved: true, scores: { brief: 4 }, comment: "Nice" });
    expect(
      await refusal(s.useCases.comment(s.caller("u-mentor"), { ...me, comment: "x".repeat(2001) })),
    ).toBe("review.error.comment");
  });

  it("GIVEN another mentor's sheet THEN editing or publishing it is refused", async () => {
    const s = setUp();
    const theirs = { versionId: "v1", reviewerId: "mentor" };
    await s.useCases.score(s.caller("u-mentor"), { ...theirs, key: "brief", score: 4 });
    expect(await refusal(s.useCases.publish(s.caller("u-mentor2"), theirs, s.poster))).toBe(
      "review.error.notYours",
    );
    expect(await refusal(s.useCases.saveDraft(s.caller("u-mentor2"), theirs))).toBe("review.error.notYours");
    expect(s.posts).toHaveLength(0);
  });

  it("WHEN publishing THEN every criterion must be scored; then published once, posted once in the intern's thread", async () => {
    const s = setUp();
    const me = { versionId: "v1", reviewerId: "mentor" };
    expect(await refusal(s.useCases.publish(s.caller("u-mentor"), me, s.poster))).toBe(
      "review.error.noDraft",
    );
    await s.useCases.score(s.caller("u-mentor"), { ...me, key: "brief", score: 4 });
    expect(await refusal(s.useCases.publish(s.caller("u-mentor"), me, s.poster))).toBe(
      "review.error.unscored",
    );
    for (const key of ["quality", "explanation", "planning"]) {
      await s.useCases.score(s.caller("u-mentor"), { ...me, key, score: 3 });
    }
    const outcome = await s.useCases.publish(s.caller("u-mentor"), me, s.poster);
    expect(outcome).toEqual({ internUserId: "u-intern", versionNumber: 1, posted: true });
    expect(await refusal(s.useCases.publish(s.caller("u-mentor"), me, s.poster))).toBe(
      "review.publish.already",
    );
    expect(await refusal(s.useCases.score(s.caller("u-mentor"), { ...me, key: "brief", score: 1 }))).toBe(
      "review.error.published",
    );
    expect(s.posts).toEqual([
      {
        channelId: "thread-1",
        key: "review:r1",
        feedback: expect.objectContaining({
          versionNumber: 1,
          scores: { brief: 4, quality: 3, explanation: 3, planning: 3 },
        }),
      },
    ]);
    expect(s.audits.filter((a) => a === "review.publish")).toHaveLength(1);
  });

  it.each([
    [undefined, "en"],
    ["ja", "ja"],
  ] as const)(
    "GIVEN the programme pins %s and the intern chose English THEN the feedback in their thread is in %s",
    async (forcedLocale, expected) => {
      const s = setUp(forcedLocale === undefined ? {} : { forcedLocale });
      const me = { versionId: "v1", reviewerId: "mentor" };
      for (const key of ["brief", "quality", "explanation", "planning"]) {
        await s.useCases.score(s.caller("u-mentor"), { ...me, key, score: 3 });
      }
      await s.useCases.publish(s.caller("u-mentor"), me, s.poster);
      expect(s.locales).toEqual([expected]);
    },
  );

  it("GIVEN a newer version THEN the older one can no longer be opened or published", async () => {
    const s = setUp({ versions: 2 });
    expect(await refusal(s.useCases.open(s.caller("u-mentor"), "v1"))).toBe("review.error.superseded");
    expect((await s.useCases.open(s.caller("u-mentor"), "v2")).target.number).toBe(2);
  });

  it("GIVEN a rubric file THEN it replaces the rubric; a bad one is refused with its line and nothing changes", async () => {
    const bad = setUp({ rubricFile: "- key: a\n  ja: x\n" });
    const organiser = bad.caller("u0", new Set(["organiser"]));
    const error = await bad.useCases
      .setRubric(organiser, { url: "https://cdn/r.yaml", size: 20 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).render("en")).toBe(
      "Line 1 (criterion 1): en is missing. Nothing was changed.",
    );
    expect(bad.rubric()).toBe(DEFAULT_RUBRIC);
    expect(
      await refusal(bad.useCases.setRubric(organiser, { url: "https://cdn/r.yaml", size: 20_000 })),
    ).toBe("review.rubric.error.tooLarge");

    const good = setUp({ rubricFile: "- key: design\n  ja: 設計\n  en: Design\n" });
    const set = await good.useCases.setRubric(good.caller("u0", new Set(["organiser"])), {
      url: "https://cdn/r.yaml",
      size: 40,
    });
    expect(set).toEqual([{ key: "design", ja: "設計", en: "Design" }]);
    expect(good.audits).toEqual(["review.rubric.set"]);
  });

  it("pages the queue by ten and clamps a page past the end", async () => {
    const s = setUp({ queued: 23 });
    const second = await s.useCases.queue(s.caller("u-mentor"), { filter: "all", page: 1 });
    expect(second).toMatchObject({ page: 1, pages: 3, total: 23 });
    expect(second.entries.map((e) => e.versionId)).toEqual(
      Array.from({ length: QUEUE_PAGE_SIZE }, (_, i) => `q${i + 10}`),
    );
    const past = await s.useCases.queue(s.caller("u-mentor"), { filter: "all", page: 9 });
    expect(past).toMatchObject({ page: 2, pages: 3 });
    expect(past.entries).toHaveLength(3);
    const empty = await setUp().useCases.queue(s.caller("u-mentor"), { filter: "late", page: 0 });
    expect(empty).toMatchObject({ page: 0, pages: 1, total: 0, entries: [] });
  });
});
