/** Reviews of submission versions, the review queue, and the programme's rubric. */
import {
  type PublishedFeedback,
  type RubricCriterion,
  rubricFrom,
  type Scores,
  scoresFrom,
} from "../../domain/review/rubric.ts";
import type {
  QueueEntry,
  QueueFilter,
  ReviewRecord,
  VersionUnderReview,
} from "../../features/review/ports.ts";
import type { DatabaseTransaction } from "../client.ts";
import { createMemberRepository } from "./members.ts";
import { toVersion } from "./submissions.ts";

const withReviewer = { mentor: { select: { discordUserId: true } } } as const;

type ReviewRow = {
  id: string;
  submissionVersionId: string;
  mentorId: string;
  comments: string;
  scores: unknown;
  publishedAt: Date | null;
  mentor: { discordUserId: string };
};

function toReview(row: ReviewRow, rubric: readonly RubricCriterion[]): ReviewRecord {
  return {
    id: row.id,
    versionId: row.submissionVersionId,
    reviewerMemberId: row.mentorId,
    reviewerUserId: row.mentor.discordUserId,
    scores: scoresFrom(row.scores, rubric),
    comment: row.comments,
    publishedAt: row.publishedAt,
  };
}

/** Reads and writes reviews. `db` may be the client or a transaction. */
export function createReviewRepository(db: DatabaseTransaction) {
  async function rubricOf(programmeId: string): Promise<readonly RubricCriterion[]> {
    const row = await db.programme.findUnique({ where: { id: programmeId }, select: { reviewRubric: true } });
    return rubricFrom(row?.reviewRubric ?? null);
  }

  async function programmeOfVersion(versionId: string): Promise<string | null> {
    const row = await db.submissionVersion.findUnique({
      where: { id: versionId },
      select: { submission: { select: { programmeId: true } } },
    });
    return row?.submission.programmeId ?? null;
  }

  return {
    rubric: rubricOf,

    async setRubric(programmeId: string, rubric: RubricCriterion[]): Promise<void> {
      await db.programme.update({
        where: { id: programmeId },
        data: { reviewRubric: rubric.map((c) => ({ key: c.key, ja: c.ja, en: c.en })) },
      });
    },

    /** Each intern's latest version without a published review, oldest first. */
    async queue(programmeId: string, filter: QueueFilter, reviewerMemberId: string): Promise<QueueEntry[]> {
      const rows = await db.submission.findMany({
        where: {
          programmeId,
          member: { OR: [{ stage: null }, { stage: { not: "withdrawn" } }] },
          versions: { some: {} },
        },
        select: {
          member: { select: { discordUserId: true } },
          versions: {
            orderBy: { number: "desc" },
            take: 1,
            select: {
              id: true,
              number: true,
              submittedAt: true,
              late: true,
              reviews: { select: { mentorId: true, publishedAt: true, ...withReviewer } },
            },
          },
        },
      });
      const entries: QueueEntry[] = [];
      for (const row of rows) {
        const latest = row.versions[0];
        if (!latest || latest.reviews.some((r) => r.publishedAt !== null)) continue;
        if (filter === "unreviewed" && latest.reviews.length > 0) continue;
        if (filter === "mine" && !latest.reviews.some((r) => r.mentorId === reviewerMemberId)) continue;
        if (filter === "late" && !latest.late) continue;
        entries.push({
          versionId: latest.id,
          number: latest.number,
          submittedAt: latest.submittedAt,
          late: latest.late,
          internUserId: row.member.discordUserId,
          draftsBy: latest.reviews.map((r) => r.mentor.discordUserId),
        });
      }
      return entries.sort(
        (a, b) => a.submittedAt.getTime() - b.submittedAt.getTime() || a.versionId.localeCompare(b.versionId),
      );
    },

    async version(versionId: string): Promise<VersionUnderReview | null> {
      const row = await db.submissionVersion.findUnique({
        where: { id: versionId },
        include: {
          files: { orderBy: { id: "asc" } },
          submission: { select: { programmeId: true, memberId: true, versionCount: true } },
        },
      });
      if (row === null) return null;
      const intern = await createMemberRepository(db).get(row.submission.memberId);
      if (intern === null) return null;
      return {
        programmeId: row.submission.programmeId,
        version: toVersion(row),
        intern,
        superseded: row.number < row.submission.versionCount,
      };
    },

    async review(versionId: string, reviewerMemberId: string): Promise<ReviewRecord | null> {
      const row = await db.review.findUnique({
        where: {
          submissionVersionId_mentorId: { submissionVersionId: versionId, mentorId: reviewerMemberId },
        },
        include: withReviewer,
      });
      if (row === null) return null;
      const programmeId = await programmeOfVersion(versionId);
      return toReview(row, programmeId === null ? [] : await rubricOf(programmeId));
    },

    async saveDraft(input: {
      versionId: string;
      reviewerMemberId: string;
      scores: Scores;
      comment: string;
    }): Promise<ReviewRecord> {
      const data = { scores: { ...input.scores }, comments: input.comment };
      const row = await db.review.upsert({
        where: {
          submissionVersionId_mentorId: {
            submissionVersionId: input.versionId,
            mentorId: input.reviewerMemberId,
          },
        },
        create: { submissionVersionId: input.versionId, mentorId: input.reviewerMemberId, ...data },
        update: data,
        include: withReviewer,
      });
      const programmeId = await programmeOfVersion(input.versionId);
      return toReview(row, programmeId === null ? [] : await rubricOf(programmeId));
    },

    /** Sets `publishedAt` if it is still NULL; false when another call published it first. */
    async publish(reviewId: string, at: Date): Promise<boolean> {
      const { count } = await db.review.updateMany({
        where: { id: reviewId, publishedAt: null },
        data: { publishedAt: at },
      });
      return count === 1;
    },

    /** Published reviews of the versions, oldest first; drafts are not read. */
    async published(programmeId: string, versionIds: readonly string[]): Promise<PublishedFeedback[]> {
      const rubric = await rubricOf(programmeId);
      const rows = await db.review.findMany({
        where: { submissionVersionId: { in: [...versionIds] }, publishedAt: { not: null } },
        include: withReviewer,
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
      });
      return rows.map((row) => ({
        versionId: row.submissionVersionId,
        reviewerUserId: row.mentor.discordUserId,
        scores: scoresFrom(row.scores, rubric),
        comment: row.comments,
        publishedAt: row.publishedAt ?? new Date(0),
      }));
    },

    /** The programme of a review (for its audit entry). */
    async programmeOfReview(reviewId: string): Promise<string | null> {
      const row = await db.review.findUnique({
        where: { id: reviewId },
        select: { submissionVersion: { select: { submission: { select: { programmeId: true } } } } },
      });
      return row?.submissionVersion.submission.programmeId ?? null;
    },
  };
}
