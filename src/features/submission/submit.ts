/**
 * `/submit`: an intern hands in a new version. Files are downloaded, checked, hashed and stored
 * first; then one transaction writes the version; then the receipt is posted in the project thread.
 * Any refusal is a UserError before the transaction, and blobs this call stored are removed again.
 */
import type { Locale } from "../../domain/enums.ts";
import { effectiveDeadline, lateness } from "../../domain/submission/deadline.ts";
import {
  contentMatches,
  declaredFileProblem,
  extensionOf,
  maxFileBytes,
} from "../../domain/submission/files.ts";
import { linkProblem } from "../../domain/submission/links.ts";
import { manifestHash, shortHash } from "../../domain/submission/manifest.ts";
import {
  LINK_LABELS,
  type LinkLabel,
  type SubmissionFileRecord,
  type SubmissionLink,
} from "../../domain/submission/types.ts";
import { UserError } from "../errors.ts";
import {
  BlobRejected,
  type Downloader,
  type FileStore,
  type IncomingFile,
  type Receipt,
  type ReceiptPoster,
  type StoredBlob,
  type SubmissionStore,
  type ThreadTarget,
} from "./ports.ts";

/** The longest note accepted (Discord's option cap is 6,000; a receipt must stay readable). */
export const MAX_NOTE_LENGTH = 1000;
/** At most this many files per version (`file1` … `file5`). */
export const MAX_FILES = 5;

export interface SubmitPorts {
  store: SubmissionStore;
  files: FileStore;
  downloader: Downloader;
  /** The locale of posts others read too, when neither programme nor intern sets one. */
  defaultLocale: Locale;
  /** How long one file's download may take, body included. */
  downloadTimeoutMs: number;
  /**
   * Where downloads wait their turn: a few at a time across all hand-ins, so a deadline rush
   * (500 at once, 1 GB) does not starve the event loop that sends everyone's acknowledgement.
   */
  transfers: { run<T>(task: () => Promise<T>): Promise<T> };
}

export interface SubmitCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
}

export interface SubmitInput {
  links: Partial<Record<LinkLabel, string>>;
  files: readonly IncomingFile[];
  note: string | null;
  /** When Discord received the command (the interaction's snowflake time), not when it runs. */
  receivedAt: Date;
}

export interface SubmitOutcome {
  receipt: Receipt;
  /** Whether the receipt reached the project thread. */
  posted: boolean;
  movedToSubmitted: boolean;
}

function checkedLinks(given: SubmitInput["links"]): SubmissionLink[] {
  const links: SubmissionLink[] = [];
  for (const label of LINK_LABELS) {
    const raw = given[label];
    if (raw === undefined) continue;
    const problem = linkProblem(raw);
    if (problem === "credentials") throw new UserError("submission.error.linkCredentials", { option: label });
    if (problem !== null) throw new UserError("submission.error.link", { option: label });
    links.push({ label, url: raw.trim() });
  }
  return links;
}

export function submitUseCases(ports: SubmitPorts) {
  const { store } = ports;

  /** Downloads one file into the store; a refusal is a UserError naming the file. */
  async function fetchOne(file: IncomingFile, maxBytes: number, maxMb: number, kept: StoredBlob[]) {
    const ext = extensionOf(file.name) ?? "";
    let blob: StoredBlob;
    try {
      blob = await ports.transfers.run(async () => {
        const download = await ports.downloader.open(file.url, { timeoutMs: ports.downloadTimeoutMs });
        if (download.declaredBytes !== null && download.declaredBytes > maxBytes) {
          throw new BlobRejected("too_large");
        }
        return ports.files.put(download.body, { maxBytes, accept: (head) => contentMatches(ext, head) });
      });
    } catch (error) {
      if (error instanceof BlobRejected) {
        if (error.reason === "too_large")
          throw new UserError("submission.error.fileTooLarge", { name: file.name, max: maxMb });
        throw new UserError("submission.error.fileContent", { name: file.name, type: ext });
      }
      throw new UserError("submission.error.download", { name: file.name });
    }
    kept.push(blob);
    // Fewer bytes than Discord declared: the transfer was cut short.
    if (blob.size !== file.size) throw new UserError("submission.error.download", { name: file.name });
    const record: SubmissionFileRecord = {
      name: file.name,
      size: blob.size,
      contentType: file.contentType,
      sha256: blob.sha256,
      storageKey: blob.storageKey,
      url: file.url,
    };
    return record;
  }

  /** Removes the blobs this call stored that no version references (a refused submission). */
  async function forget(kept: readonly StoredBlob[]) {
    for (const blob of kept) {
      if (blob.created && !(await store.blobReferenced(blob.storageKey)))
        await ports.files.remove(blob.storageKey);
    }
  }

  return {
    async submit(caller: SubmitCaller, input: SubmitInput, poster: ReceiptPoster): Promise<SubmitOutcome> {
      const state = caller.programmeId === null ? null : await store.state(caller.programmeId);
      if (state === null) throw new UserError("error.access.noProgramme");
      const { programme, settings } = state;
      const member = await store.member(programme.id, caller.userId);
      if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
      if (member.stage === "withdrawn") throw new UserError("submission.error.withdrawn");
      if (state.closedAt !== null || programme.status === "closed" || programme.status === "archived") {
        throw new UserError("submission.error.closed");
      }
      const allocationId = await store.liveAllocation(programme.id, member.id);
      if (allocationId === null) throw new UserError("submission.error.noAllocation");

      const links = checkedLinks(input.links);
      const note = input.note?.trim() ? input.note.trim() : null;
      if (note !== null && note.length > MAX_NOTE_LENGTH)
        throw new UserError("submission.error.note", { max: MAX_NOTE_LENGTH });
      if (input.files.length > MAX_FILES)
        throw new UserError("submission.error.tooManyFiles", { max: MAX_FILES });
      if (links.length === 0 && input.files.length === 0) throw new UserError("submission.error.empty");
      for (const file of input.files) {
        const problem = declaredFileProblem(file, settings);
        if (problem?.problem === "too_large")
          throw new UserError("submission.error.fileTooLarge", { name: file.name, max: problem.maxMb });
        if (problem?.problem === "type")
          throw new UserError("submission.error.fileType", { name: file.name, allowed: problem.allowed });
      }

      const maxBytes = maxFileBytes(settings);
      const kept: StoredBlob[] = [];
      let files: SubmissionFileRecord[];
      try {
        files = [];
        for (const file of input.files) files.push(await fetchOne(file, maxBytes, settings.maxFileMb, kept));
      } catch (error) {
        await forget(kept);
        throw error;
      }

      const terms = await store.terms(member.id);
      const deadline = effectiveDeadline({
        programmeDeadline: state.deadline,
        extension: terms.extension,
        extendedDeadlines: terms.extendedDeadlines,
        accommodationExtensionHours: settings.accommodationExtensionHours,
      });
      const late = lateness(input.receivedAt, deadline?.at ?? null);
      let written: Awaited<ReturnType<SubmissionStore["addVersion"]>>;
      try {
        written = await store.addVersion({
          guildId: caller.guildId,
          programmeId: programme.id,
          memberId: member.id,
          allocationId,
          actorUserId: caller.userId,
          submittedAt: input.receivedAt,
          links,
          note,
          files,
          late: late.late,
          deadlineAt: deadline?.at ?? null,
          manifestHash: (number) =>
            manifestHash({
              userId: caller.userId,
              number,
              submittedAt: input.receivedAt,
              links,
              note,
              files,
            }),
        });
      } catch (error) {
        await forget(kept);
        throw error;
      }
      const { version } = written;
      const receipt: Receipt = {
        userId: caller.userId,
        number: version.number,
        submittedAt: version.submittedAt,
        links: version.links,
        note: version.note,
        files: version.files.map((f) => ({ name: f.name, size: f.size })),
        shortHash: shortHash(version.manifestHash),
        lateBy: late.late ? { hours: late.hours, minutes: late.minutes } : null,
        deadlineAt: version.deadlineAt,
      };
      const target: ThreadTarget = {
        channelId: member.projectChannelId,
        userId: caller.userId,
        locale: programme.forcedLocale ?? terms.preferredLocale ?? ports.defaultLocale,
      };
      // The version stands whatever happens to the post; the reply says whether it reached the thread.
      const posted = await poster.postReceipt(target, receipt);
      return { receipt, posted, movedToSubmitted: written.movedToSubmitted };
    },
  };
}

export type SubmitUseCases = ReturnType<typeof submitUseCases>;
