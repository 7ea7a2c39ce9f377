/** What the submission flows need from the outside world. */
import type { Locale } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import type { PublishedFeedback, RubricCriterion } from "../../domain/review/rubric.ts";
import type {
  SubmissionExtension,
  SubmissionFileRecord,
  SubmissionLink,
  SubmissionSettings,
  SubmissionVersionRecord,
} from "../../domain/submission/types.ts";

/** A programme's submission state: the deadline milestone, whether closed, the settings. */
export interface SubmissionState {
  programme: Programme;
  /** The `submission_deadline` milestone; null when the programme has none. */
  deadline: Date | null;
  closedAt: Date | null;
  settings: SubmissionSettings;
}

/** One intern's hand-in standing as stored: the overview computes their deadline from it. */
export interface StandingRecord {
  memberId: string;
  discordUserId: string;
  extensionUntil: Date | null;
  extendedDeadlines: boolean;
  latest: { number: number; late: boolean; reviewed: boolean } | null;
}

/** What decides a person's deadline and reminders besides the programme. */
export interface PersonalTerms {
  extension: SubmissionExtension | null;
  extendedDeadlines: boolean;
  fewerNotifications: boolean;
  preferredLocale: Locale | null;
}

/** A new version, as the transaction writes it; `manifestHash` is computed for the number it gets. */
export interface NewVersion {
  guildId: string;
  programmeId: string;
  memberId: string;
  allocationId: string;
  actorUserId: string;
  submittedAt: Date;
  links: SubmissionLink[];
  note: string | null;
  files: SubmissionFileRecord[];
  late: boolean;
  deadlineAt: Date | null;
  manifestHash(number: number): string;
}

/** The store behind the submission flows (src/db/stores/submission.ts). */
export interface SubmissionStore {
  state(programmeId: string): Promise<SubmissionState | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  memberById(memberId: string): Promise<Member | null>;
  terms(memberId: string): Promise<PersonalTerms>;
  /** The intern's live allocation id, or null. */
  liveAllocation(programmeId: string, memberId: string): Promise<string | null>;
  /** Every version of the member's submissions in this programme, oldest first. */
  versions(programmeId: string, memberId: string): Promise<SubmissionVersionRecord[]>;
  /**
   * In one transaction: the next version number, the version and its files, the audit entry, and
   * on the first version `working → submitted`. Returns the version written.
   */
  addVersion(input: NewVersion): Promise<{ version: SubmissionVersionRecord; movedToSubmitted: boolean }>;
  /** Sets (or with `until` null removes) a member's extension, audited, in one transaction. */
  setExtension(input: {
    guildId: string;
    programmeId: string;
    memberId: string;
    actorUserId: string;
    at: Date;
    extension: SubmissionExtension | null;
  }): Promise<void>;
  /** Closes (`closedAt`) or reopens (null) submissions, audited, in one transaction. */
  setClosed(input: {
    guildId: string;
    programmeId: string;
    actorUserId: string;
    at: Date;
    closedAt: Date | null;
  }): Promise<void>;
  /** Saves the programme's submission settings, audited with what they were, in one transaction. */
  setSettings(input: {
    guildId: string;
    programmeId: string;
    actorUserId: string;
    at: Date;
    before: SubmissionSettings;
    settings: SubmissionSettings;
  }): Promise<void>;
  /** Whether any stored file row points at the blob. */
  blobReferenced(storageKey: string): Promise<boolean>;
  /** Every intern with a live project, oldest member first, for `/submission status`. */
  standings(programmeId: string): Promise<StandingRecord[]>;
  agencyIdsOfStaff(guildId: string, discordUserId: string): Promise<Set<string>>;
  /** The staff room's channel id, or null when the workspace has none. */
  staffChannel(programmeId: string): Promise<string | null>;
  /** Records an intern's extension request, audited, in one transaction. */
  addExtensionRequest(input: {
    guildId: string;
    programmeId: string;
    memberId: string;
    actorUserId: string;
    at: Date;
    until: Date;
    reason: string;
  }): Promise<{ id: string }>;
  extensionRequest(requestId: string): Promise<ExtensionRequestRecord | null>;
  /**
   * Decides a waiting request; on approval sets `extension` in the same transaction. Audited.
   * False when it was already decided (a second press): nothing is written.
   */
  decideExtensionRequest(input: {
    guildId: string;
    programmeId: string;
    actorUserId: string;
    at: Date;
    requestId: string;
    decision: "approved" | "declined";
    extension: SubmissionExtension | null;
  }): Promise<boolean>;
  /** Published reviews of the versions (drafts never), oldest first, with the programme's rubric. */
  publishedFeedback(
    programmeId: string,
    versionIds: readonly string[],
  ): Promise<{ rubric: readonly RubricCriterion[]; feedback: PublishedFeedback[] }>;
}

/** An intern's `/submission request-extension`. */
export interface ExtensionRequestRecord {
  id: string;
  programmeId: string;
  memberId: string;
  until: Date;
  reason: string;
  decision: "approved" | "declined" | null;
}

/** The Discord side of extension requests (src/discord/submission/post.ts); never throws. */
export interface ExtensionRequestPoster {
  /** Posts the request with Approve / Decline in the staff room. */
  postRequest(
    channelId: string,
    request: { requestId: string; userId: string; until: Date; reason: string },
    locale: Locale,
  ): Promise<boolean>;
  /** Tells the intern the answer in their thread. */
  tellIntern(
    target: ThreadTarget,
    answer: { decision: "approved" | "declined"; until: Date },
  ): Promise<boolean>;
}

/** An attachment given to `/submit`, as Discord declared it. */
export interface IncomingFile {
  name: string;
  /** The size Discord declared, in bytes. */
  size: number;
  url: string;
  contentType: string | null;
}

/** An open download: what the server declared, and the body. */
export interface Download {
  /** Content-Length, when the server sent one. */
  declaredBytes: number | null;
  body: AsyncIterable<Uint8Array>;
}

/** Fetches a URL; the whole transfer (body included) ends within `timeoutMs` or fails. */
export interface Downloader {
  open(url: string, options: { timeoutMs: number }): Promise<Download>;
}

/** A blob in the file store. `created`: this call wrote it (it was not there before). */
export interface StoredBlob {
  sha256: string;
  size: number;
  storageKey: string;
  created: boolean;
}

/** Why the file store refused a body; nothing was kept. */
export class BlobRejected extends Error {
  override name = "BlobRejected";
  constructor(readonly reason: "too_large" | "content") {
    super(`blob rejected: ${reason}`);
  }
}

/**
 * Content-addressed file storage. `put` streams a body in, stopping past `maxBytes` and when
 * `accept` refuses the first bytes (both {@link BlobRejected}); the same content is kept once.
 */
export interface FileStore {
  put(
    body: AsyncIterable<Uint8Array>,
    limits: { maxBytes: number; accept(head: Uint8Array): boolean },
  ): Promise<StoredBlob>;
  exists(storageKey: string): Promise<boolean>;
  /**
   * Deletes the blob (true when it was there). With `notTouchedSince`, one written or put again at
   * or after that time is kept (false): an upload of the same content is in flight.
   */
  remove(storageKey: string, options?: { notTouchedSince?: Date }): Promise<boolean>;
  /** The blob's content; fails when it is not there. */
  read(storageKey: string): AsyncIterable<Uint8Array>;
  /** Every blob kept, with when it was written (for the sweep of unreferenced blobs). */
  list(): AsyncIterable<{ storageKey: string; modifiedAt: Date }>;
  /** Deletes the temporary files of uploads that never finished (a crash) written before `before`. */
  removeStaleTemporary(before: Date): Promise<number>;
}

/** Where a post for an intern goes: their project thread, in their language. */
export interface ThreadTarget {
  channelId: string | null;
  userId: string;
  locale: Locale;
}

/** Posts the receipt of a version in the intern's project thread; never throws: false when it could not. */
export interface ReceiptPoster {
  postReceipt(target: ThreadTarget, receipt: Receipt): Promise<boolean>;
}

/** Delayed reminder jobs (src/jobs/submission-reminders.ts). */
export interface ReminderJobs {
  /** Adds a delayed job under `jobId`; adding an id that exists does nothing. */
  add(
    jobId: string,
    payload: { programmeId: string; memberId: string; offsetHours: number; deadlineEpochS: number },
    delayMs: number,
  ): Promise<void>;
  /** Removes a job if it is still waiting; no error if it is gone. */
  remove(jobId: string): Promise<void>;
}

/** What a receipt shows: the reply to `/submit`, and the post in the thread. */
export interface Receipt {
  userId: string;
  number: number;
  submittedAt: Date;
  links: SubmissionLink[];
  note: string | null;
  files: { name: string; size: number }[];
  shortHash: string;
  /** Null: on time. */
  lateBy: { hours: number; minutes: number } | null;
  deadlineAt: Date | null;
}
