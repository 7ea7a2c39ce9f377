/**
 * `/review queue|rubric` and the review sheet: mentors and organisers score the latest version
 * of each intern on the rubric (1–5 per criterion), comment, keep a draft and publish it. A
 * published review is posted in the intern's thread once; a resubmission is a new version and
 * enters the queue again.
 */
import type { Locale, MemberRoleKind } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import {
  isScore,
  parseRubric,
  type RubricCriterion,
  type RubricProblem,
  type Scores,
  unscored,
} from "../../domain/review/rubric.ts";
import { UserError } from "../errors.ts";
import type { Downloader } from "../submission/ports.ts";
import type { FeedbackPoster, QueueEntry, QueueFilter, ReviewStore, VersionUnderReview } from "./ports.ts";

export const QUEUE_PAGE_SIZE = 10;
/** The longest comment (a modal paragraph holds 4,000; a thread embed must hold it with the scores). */
export const MAX_COMMENT = 2000;
/** A rubric file is a few lines; anything bigger is not one. */
const MAX_RUBRIC_BYTES = 16 * 1024;
const RUBRIC_DOWNLOAD_TIMEOUT_MS = 15_000;

export interface ReviewPorts {
  store: ReviewStore;
  downloader: Downloader;
  now: () => Date;
  defaultLocale: Locale;
}

export interface ReviewCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
  roles: ReadonlySet<MemberRoleKind>;
}

export interface QueuePage {
  filter: QueueFilter;
  entries: QueueEntry[];
  /** 0-based. */
  page: number;
  pages: number;
  total: number;
}

/** What the ephemeral review sheet shows. */
export interface ReviewSheet {
  versionId: string;
  /** The reviewer's member id: the sheet's buttons are theirs only. */
  reviewerId: string;
  internUserId: string;
  target: VersionUnderReview["version"];
  rubric: readonly RubricCriterion[];
  scores: Scores;
  comment: string;
  /** Whether a draft is stored. */
  saved: boolean;
  publishedAt: Date | null;
}

export interface PublishOutcome {
  internUserId: string;
  versionNumber: number;
  /** False when the intern has no project thread or the post failed (the review is published). */
  posted: boolean;
}

/** The localised refusal of a rubric file. */
function rubricError(problem: RubricProblem): UserError {
  switch (problem.kind) {
    case "syntax":
    case "notList":
      return new UserError(`review.rubric.error.${problem.kind}`, { line: problem.line });
    case "empty":
      return new UserError("review.rubric.error.empty");
    case "tooMany":
      return new UserError("review.rubric.error.tooMany", { line: problem.line, max: problem.max });
    case "notObject":
      return new UserError("review.rubric.error.notObject", { line: problem.line, item: problem.item });
    case "tooLong":
      return new UserError("review.rubric.error.tooLong", {
        line: problem.line,
        item: problem.item,
        field: problem.field,
        max: problem.max,
      });
    case "missing":
    case "badKey":
    case "duplicate":
    case "unknownField":
      return new UserError(`review.rubric.error.${problem.kind}`, {
        line: problem.line,
        item: problem.item,
        field: problem.field,
      });
  }
}

export function reviewUseCases(ports: ReviewPorts) {
  const { store } = ports;

  async function stateOf(caller: ReviewCaller) {
    const state = caller.programmeId === null ? null : await store.state(caller.programmeId);
    if (state === null) throw new UserError("error.access.noProgramme");
    return state;
  }

  /** The caller as a reviewer: a member of the programme who is a mentor or an organiser. */
  async function reviewerOf(programmeId: string, caller: ReviewCaller): Promise<Member> {
    const member = await store.member(programmeId, caller.userId);
    if (member === null || !member.roles.some((r) => r === "mentor" || r === "organiser")) {
      throw new UserError("review.error.notReviewer");
    }
    return member;
  }

  /** The version the sheet is about, in this programme, still the latest one. */
  async function versionOf(programmeId: string, versionId: string): Promise<VersionUnderReview> {
    const found = await store.version(versionId);
    if (found === null || found.programmeId !== programmeId) throw new UserError("review.error.noVersion");
    return found;
  }

  async function sheet(caller: ReviewCaller, versionId: string, sheetReviewerId: string | null) {
    const state = await stateOf(caller);
    const reviewer = await reviewerOf(state.programme.id, caller);
    if (sheetReviewerId !== null && sheetReviewerId !== reviewer.id) {
      throw new UserError("review.error.notYours");
    }
    const target = await versionOf(state.programme.id, versionId);
    const review = await store.review(versionId, reviewer.id);
    return { state, reviewer, target, review };
  }

  function sheetOf(parts: Awaited<ReturnType<typeof sheet>>, review = parts.review): ReviewSheet {
    return {
      versionId: parts.target.version.id,
      reviewerId: parts.reviewer.id,
      internUserId: parts.target.intern.discordUserId,
      target: parts.target.version,
      rubric: parts.state.rubric,
      scores: review?.scores ?? {},
      comment: review?.comment ?? "",
      saved: review !== null,
      publishedAt: review?.publishedAt ?? null,
    };
  }

  /** Writes the draft with `change` applied; a published review is no longer edited. */
  async function edit(
    caller: ReviewCaller,
    versionId: string,
    sheetReviewerId: string,
    change: { scores?: Scores; comment?: string },
  ): Promise<ReviewSheet> {
    const parts = await sheet(caller, versionId, sheetReviewerId);
    if (parts.review?.publishedAt) throw new UserError("review.error.published");
    const saved = await store.saveDraft({
      guildId: caller.guildId,
      actorUserId: caller.userId,
      at: ports.now(),
      versionId,
      reviewerMemberId: parts.reviewer.id,
      scores: { ...(parts.review?.scores ?? {}), ...(change.scores ?? {}) },
      comment: change.comment ?? parts.review?.comment ?? "",
    });
    return sheetOf(parts, saved);
  }

  return {
    /** A page of the queue (oldest first); a page past the end shows the last one. */
    async queue(caller: ReviewCaller, input: { filter: QueueFilter; page: number }): Promise<QueuePage> {
      const state = await stateOf(caller);
      const reviewer = await reviewerOf(state.programme.id, caller);
      const all = await store.queue(state.programme.id, input.filter, reviewer.id);
      const pages = Math.max(1, Math.ceil(all.length / QUEUE_PAGE_SIZE));
      const page = Math.min(Math.max(0, input.page), pages - 1);
      return {
        filter: input.filter,
        entries: all.slice(page * QUEUE_PAGE_SIZE, (page + 1) * QUEUE_PAGE_SIZE),
        page,
        pages,
        total: all.length,
      };
    },

    /** The caller's sheet for a version (their draft, if any). */
    async open(caller: ReviewCaller, versionId: string): Promise<ReviewSheet> {
      const parts = await sheet(caller, versionId, null);
      if (parts.target.superseded && !parts.review?.publishedAt)
        throw new UserError("review.error.superseded");
      return sheetOf(parts);
    },

    /** One criterion's score (1–5), saved in the caller's draft at once. */
    async score(
      caller: ReviewCaller,
      input: { versionId: string; reviewerId: string; key: string; score: number },
    ): Promise<ReviewSheet> {
      const state = await stateOf(caller);
      if (!state.rubric.some((c) => c.key === input.key)) throw new UserError("review.error.criterion");
      if (!isScore(input.score)) throw new UserError("review.error.score");
      return edit(caller, input.versionId, input.reviewerId, { scores: { [input.key]: input.score } });
    },

    /** The comment (from the modal), saved in the caller's draft. */
    async comment(
      caller: ReviewCaller,
      input: { versionId: string; reviewerId: string; comment: string },
    ): Promise<ReviewSheet> {
      const comment = input.comment.trim();
      if (comment.length > MAX_COMMENT) throw new UserError("review.error.comment", { max: MAX_COMMENT });
      return edit(caller, input.versionId, input.reviewerId, { comment });
    },

    /** Save draft: stores the sheet as it is (creating the draft if nothing was picked yet). */
    async saveDraft(
      caller: ReviewCaller,
      input: { versionId: string; reviewerId: string },
    ): Promise<ReviewSheet> {
      return edit(caller, input.versionId, input.reviewerId, {});
    },

    /**
     * Publishes the caller's own draft: every criterion scored, the version still the latest.
     * The post goes out once per review; a second click is told it is already published.
     */
    async publish(
      caller: ReviewCaller,
      input: { versionId: string; reviewerId: string },
      poster: FeedbackPoster,
    ): Promise<PublishOutcome> {
      const parts = await sheet(caller, input.versionId, input.reviewerId);
      const { review, target, state } = parts;
      if (review === null) throw new UserError("review.error.noDraft");
      if (review.publishedAt !== null) throw new UserError("review.publish.already");
      if (target.superseded) throw new UserError("review.error.superseded");
      const missing = unscored(state.rubric, review.scores);
      if (missing.length > 0) {
        throw new UserError("review.error.unscored", { count: missing.length });
      }
      const published = await store.publish({
        guildId: caller.guildId,
        actorUserId: caller.userId,
        at: ports.now(),
        reviewId: review.id,
      });
      if (!published) throw new UserError("review.publish.already");
      const intern = target.intern;
      let posted = false;
      if (intern.projectChannelId !== null) {
        // The intern's own thread: the programme's pinned language, else theirs.
        const locale =
          state.programme.forcedLocale ?? (await store.preferredLocale(intern.id)) ?? ports.defaultLocale;
        posted = await poster.postFeedback(
          { channelId: intern.projectChannelId, userId: intern.discordUserId, locale },
          {
            internUserId: intern.discordUserId,
            reviewerUserId: caller.userId,
            versionNumber: target.version.number,
            rubric: state.rubric,
            scores: review.scores,
            comment: review.comment,
          },
          `review:${review.id}`,
        );
      }
      return { internUserId: intern.discordUserId, versionNumber: target.version.number, posted };
    },

    /** The programme's rubric (the default when none was set). */
    async rubric(caller: ReviewCaller): Promise<readonly RubricCriterion[]> {
      return (await stateOf(caller)).rubric;
    },

    /** Replaces the rubric from an uploaded YAML or JSON file; a refused file changes nothing. */
    async setRubric(caller: ReviewCaller, file: { url: string; size: number }): Promise<RubricCriterion[]> {
      const state = await stateOf(caller);
      if (file.size > MAX_RUBRIC_BYTES) throw new UserError("review.rubric.error.tooLarge");
      const text = await readText(ports.downloader, file.url);
      const parsed = parseRubric(text);
      if (!parsed.ok) throw rubricError(parsed.problem);
      await store.setRubric({
        guildId: caller.guildId,
        programmeId: state.programme.id,
        actorUserId: caller.userId,
        at: ports.now(),
        rubric: parsed.rubric,
      });
      return parsed.rubric;
    },
  };
}

/** The file's text, at most {@link MAX_RUBRIC_BYTES}; a failed or oversized download is refused. */
async function readText(downloader: Downloader, url: string): Promise<string> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const download = await downloader.open(url, { timeoutMs: RUBRIC_DOWNLOAD_TIMEOUT_MS });
    if (download.declaredBytes !== null && download.declaredBytes > MAX_RUBRIC_BYTES) {
      throw new UserError("review.rubric.error.tooLarge");
    }
    for await (const chunk of download.body) {
      total += chunk.byteLength;
      if (total > MAX_RUBRIC_BYTES) throw new UserError("review.rubric.error.tooLarge");
      chunks.push(chunk);
    }
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError("review.rubric.error.download");
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    throw new UserError("review.rubric.error.encoding");
  }
}

export type ReviewUseCases = ReturnType<typeof reviewUseCases>;
