/** {@link ReviewStore} over the repositories: each write and its audit entry in one transaction. */
import type { ReviewStore } from "../../features/review/ports.ts";
import type { Database } from "../client.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";
import { createReviewRepository } from "../repositories/reviews.ts";

export function createReviewStore(db: Database): ReviewStore {
  const reviews = createReviewRepository(db);
  return {
    async state(programmeId) {
      const programme = await createProgrammeRepository(db).get(programmeId);
      return programme ? { programme, rubric: await reviews.rubric(programmeId) } : null;
    },
    member: (programmeId, userId) => createMemberRepository(db).find(programmeId, userId),
    queue: (programmeId, filter, reviewerMemberId) => reviews.queue(programmeId, filter, reviewerMemberId),
    version: (versionId) => reviews.version(versionId),
    review: (versionId, reviewerMemberId) => reviews.review(versionId, reviewerMemberId),
    async saveDraft(input) {
      return db.$transaction(async (tx) => {
        const repo = createReviewRepository(tx);
        const saved = await repo.saveDraft(input);
        await recordAudit(
          tx,
          { ...input, programmeId: await repo.programmeOfReview(saved.id) },
          "review.draft",
          `review:${saved.id}`,
          { scores: saved.scores, commentLength: saved.comment.length },
        );
        return saved;
      });
    },
    async publish(input) {
      return db.$transaction(async (tx) => {
        const repo = createReviewRepository(tx);
        if (!(await repo.publish(input.reviewId, input.at))) return false;
        await recordAudit(
          tx,
          { ...input, programmeId: await repo.programmeOfReview(input.reviewId) },
          "review.publish",
          `review:${input.reviewId}`,
        );
        return true;
      });
    },
    async setRubric(input) {
      await db.$transaction(async (tx) => {
        await createReviewRepository(tx).setRubric(input.programmeId, input.rubric);
        await recordAudit(tx, input, "review.rubric.set", `programme:${input.programmeId}`, {
          keys: input.rubric.map((c) => c.key),
        });
      });
    },
    async preferredLocale(memberId) {
      const profile = await db.memberProfile.findUnique({
        where: { memberId },
        select: { preferredLocale: true },
      });
      return profile?.preferredLocale ?? null;
    },
  };
}
