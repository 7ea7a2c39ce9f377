/** What the review flows need from the outside world. */
import type { Locale } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import type { RubricCriterion, Scores } from "../../domain/review/rubric.ts";
import type { SubmissionVersionRecord } from "../../domain/submission/types.ts";

/** `/review queue`'s filters. `all`: every latest version without a published review. */
export type QueueFilter = "all" | "unreviewed" | "mine" | "late";

/** One line of the queue: an intern's latest version, not yet given published feedback. */
export interface QueueEntry {
  versionId: string;
  number: number;
  submittedAt: Date;
  late: boolean;
  internUserId: string;
  /** Discord user ids of the reviewers holding a draft of it. */
  draftsBy: string[];
}

/** A reviewer's feedback on a version; `publishedAt` null while a draft. */
export interface ReviewRecord {
  id: string;
  versionId: string;
  reviewerMemberId: string;
  reviewerUserId: string;
  scores: Scores;
  comment: string;
  publishedAt: Date | null;
}

/** A version with its intern, as the review sheet needs it. */
export interface VersionUnderReview {
  programmeId: string;
  version: SubmissionVersionRecord;
  intern: Member;
  /** Whether a newer version of the same submission exists (the queue only offers the latest). */
  superseded: boolean;
}

/** The store behind the review flows (src/db/stores/review.ts). */
export interface ReviewStore {
  /** The programme and its rubric; null when there is no such programme. */
  state(programmeId: string): Promise<{ programme: Programme; rubric: readonly RubricCriterion[] } | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  /** Latest versions without a published review, oldest first, narrowed by `filter`. */
  queue(programmeId: string, filter: QueueFilter, reviewerMemberId: string): Promise<QueueEntry[]>;
  version(versionId: string): Promise<VersionUnderReview | null>;
  /** The reviewer's review of the version (draft or published), or null. */
  review(versionId: string, reviewerMemberId: string): Promise<ReviewRecord | null>;
  /** Creates or updates the reviewer's draft, audited, in one transaction. */
  saveDraft(input: {
    guildId: string;
    actorUserId: string;
    at: Date;
    versionId: string;
    reviewerMemberId: string;
    scores: Scores;
    comment: string;
  }): Promise<ReviewRecord>;
  /**
   * Marks the draft published at `at`, audited, in one transaction. False when it already was
   * (a second click): nothing is written.
   */
  publish(input: { guildId: string; actorUserId: string; at: Date; reviewId: string }): Promise<boolean>;
  /** Replaces the programme's rubric, audited, in one transaction. */
  setRubric(input: {
    guildId: string;
    programmeId: string;
    actorUserId: string;
    at: Date;
    rubric: RubricCriterion[];
  }): Promise<void>;
  /** The intern's preferred language, if they chose one. */
  preferredLocale(memberId: string): Promise<Locale | null>;
}

/** Published feedback as the intern's thread shows it. */
export interface Feedback {
  internUserId: string;
  reviewerUserId: string;
  versionNumber: number;
  rubric: readonly RubricCriterion[];
  scores: Scores;
  comment: string;
}

/**
 * Posts published feedback in the intern's project thread at most once per `deliveryKey` (a
 * double click posts once). Resolves false when it could not post; never throws.
 */
export interface FeedbackPoster {
  postFeedback(
    target: { channelId: string; userId: string; locale: Locale },
    feedback: Feedback,
    deliveryKey: string,
  ): Promise<boolean>;
}
