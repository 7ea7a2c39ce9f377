/**
 * The organiser's `/assignments`: import the library, browse it, flag assignments for the
 * programme, preview and confirm a batch allocation, release an intern's project. Each use-case
 * returns an outcome the command renders, or throws a UserError; the rules live in src/domain.
 */

import { allocateAssignments } from "../../domain/allocation/batch.ts";
import { indexHistory, ineligibilityReason } from "../../domain/allocation/eligibility.ts";
import { type AllocationQuality, allocationQuality } from "../../domain/allocation/exact.ts";
import type {
  AssignmentUsage,
  PreviewPair,
  PreviewView,
  RosterEntry,
} from "../../domain/allocation/records.ts";
import type { AllocationInput, UnallocatedReason } from "../../domain/allocation/result.ts";
import type { AssignmentStatus, FitReason } from "../../domain/allocation/types.ts";
import { allocationFingerprint } from "../../domain/assignment/fingerprint.ts";
import { swapDeadline } from "../../domain/assignment/swap.ts";
import type {
  AssignmentVersion,
  LibraryAssignment,
  ProgrammeAssignmentFlags,
} from "../../domain/assignment/types.ts";
import type { InternStage, Locale } from "../../domain/enums.ts";
import { parseLibrary } from "../../domain/library/parse.ts";
import { filesFromUpload, MAX_IMPORT_BYTES } from "../../domain/library/sources.ts";
import type { ImportIssue, LibraryImportSummary } from "../../domain/library/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { UserError } from "../errors.ts";
import { currentProgramme } from "../ports.ts";
import type { PendingBrief } from "../project/use-cases.ts";
import type { LibraryPorts, UploadSource } from "./ports.ts";

/** Who is asking: the server, its current programme (null: none), the organiser's Discord id. */
export interface Caller {
  guildId: string;
  programmeId: string | null;
  userId: string;
}

/** What `/assignments list` filters on; null: any. */
export interface ListFilter {
  status: AssignmentStatus | null;
  level: number | null;
  skill: string | null;
}

export const LIST_PAGE_SIZE = 10;

/** What the list marks an assignment with in the current programme. */
export type AssignmentMark = "excluded" | "reserved" | "allocated";

export type LibraryPage =
  | { kind: "empty" }
  | {
      kind: "page";
      /** 0-based, clamped to the pages there are. */
      page: number;
      pages: number;
      total: number;
      entries: { assignment: LibraryAssignment; marks: AssignmentMark[] }[];
    };

export type ImportOutcome =
  | { kind: "invalid"; issues: readonly ImportIssue[] }
  | { kind: "imported"; summary: LibraryImportSummary };

/** A saved batch preview, as the organiser is shown it before confirming. */
export type PreviewOutcome =
  | { kind: "nobody" }
  | {
      kind: "preview";
      previewId: string;
      interns: number;
      totalScore: number;
      /** Against the exact optimum; undefined when the instance is too large to compare quickly. */
      quality: Pick<AllocationQuality, "optimumScore" | "ratio"> | undefined;
      pairs: {
        discordUserId: string;
        assignmentId: string;
        /** The library key (`todo-api`). */
        key: string;
        latest: AssignmentVersion | null;
        score: number;
        reasons: readonly FitReason[];
      }[];
      unallocated: { discordUserId: string; reason: UnallocatedReason }[];
    };

/** A confirmed preview: how many were allocated and the briefs to post in their threads. */
export interface AppliedOutcome {
  previewId: string;
  allocated: number;
  briefs: PendingBrief[];
}

export const ROSTER_PAGE_SIZE = 20;

/** One page of the roster (0-based page, clamped to the pages there are). */
export interface RosterPage {
  page: number;
  pages: number;
  total: number;
  entries: RosterEntry[];
}

/** A hand allocation: the version given and the brief to post in the intern's thread. */
export interface GivenOutcome {
  version: AssignmentVersion;
  brief: PendingBrief;
}

export interface AssignmentDetails {
  assignment: LibraryAssignment;
  versions: AssignmentVersion[];
  usage: AssignmentUsage[];
}

/** An uploaded file as Discord describes it. */
export interface Upload {
  name: string;
  /** The size Discord declared, in bytes. */
  size: number;
  url: string;
}

/** Above this many intern × assignment cells the preview skips the exact comparison (it must answer quickly). */
const PREVIEW_EXACT_CELLS = 250_000;

const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

export function libraryUseCases(ports: LibraryPorts) {
  const { store } = ports;

  const programmeOf = (caller: Caller) => currentProgramme(store, caller.programmeId);

  /** An assignment of the caller's server, by id or key. */
  async function findAssignment(caller: Caller, value: string): Promise<LibraryAssignment> {
    const found = (await store.assignment(value)) ?? (await store.assignmentByKey(caller.guildId, value));
    if (found === null || found.guildId !== caller.guildId) throw new UserError("assignments.show.notFound");
    return found;
  }

  async function internLocale(programme: Programme, memberId: string): Promise<Locale> {
    if (programme.forcedLocale !== null) return programme.forcedLocale;
    return (await store.preferredLocale(memberId)) ?? ports.defaultLocale;
  }

  /** The batch allocation's input from the programme's state: onboarded interns only. */
  async function allocationSituation(programme: Programme) {
    const state = await store.allocationState(programme.id);
    const interns = state.interns.filter((i) => i.stage === "onboarded");
    const input: AllocationInput = {
      interns,
      assignments: state.assignments,
      history: state.history,
      existing: state.existing,
      programme: { startsAt: programme.startsAt, endsAt: programme.endsAt },
      now: ports.now(),
    };
    const fingerprint = allocationFingerprint({
      interns,
      assignments: state.assignments,
      existing: state.existing,
      history: state.history,
    });
    return { state, interns, input, fingerprint };
  }

  /** The outcome a saved preview renders as, titles from the library's newest versions. */
  async function shown(
    programme: Programme,
    previewId: string,
    pairs: readonly PreviewPair[],
    view: PreviewView,
  ): Promise<PreviewOutcome> {
    const library = new Map((await store.library(programme.guildId)).map((a) => [a.id, a]));
    return {
      kind: "preview",
      previewId,
      interns: view.interns,
      totalScore: view.totalScore,
      quality: view.quality ?? undefined,
      pairs: pairs.map((p, index) => {
        const a = library.get(p.assignmentId);
        const seen = view.pairs[index];
        return {
          discordUserId: seen?.discordUserId ?? "",
          assignmentId: p.assignmentId,
          key: a?.key ?? p.assignmentId,
          latest: a?.latest ?? null,
          score: seen?.score ?? 0,
          reasons: seen?.reasons ?? [],
        };
      }),
      unallocated: [...view.unallocated],
    };
  }

  return {
    /**
     * `/assignments import`: the upload refused by its declared size before a byte is read, then
     * downloaded with a cap, unpacked and parsed; imported only when nothing is wrong with it.
     */
    async importLibrary(caller: Caller, file: Upload, uploads: UploadSource): Promise<ImportOutcome> {
      const limit = toMb(MAX_IMPORT_BYTES);
      if (file.size > MAX_IMPORT_BYTES)
        throw new UserError("library.import.tooLarge", { size: toMb(file.size), limit });
      const download = await uploads.download(file.url, MAX_IMPORT_BYTES);
      if (download.status === "too_large")
        throw new UserError("library.import.tooLarge", { size: `> ${limit}`, limit });
      if (download.status === "failed") throw new UserError("library.import.downloadFailed");
      const unpacked = filesFromUpload(file.name, download.bytes);
      const parsed =
        unpacked.issues.length > 0 ? { entries: [], issues: unpacked.issues } : parseLibrary(unpacked.files);
      if (parsed.issues.length > 0) return { kind: "invalid", issues: parsed.issues };
      const summary = await store.importEntries(caller.guildId, parsed.entries, {
        actorUserId: caller.userId,
        programmeId: caller.programmeId,
        source: file.name,
        at: ports.now(),
      });
      return { kind: "imported", summary };
    },

    /** One page of the library, filtered, with the current programme's marks. */
    async list(caller: Caller, filter: ListFilter, page: number): Promise<LibraryPage> {
      const skill = filter.skill?.toLowerCase() ?? null;
      const all = (await store.library(caller.guildId)).filter(
        (a) =>
          (filter.status === null || a.latest.status === filter.status) &&
          (filter.level === null || a.latest.level === filter.level) &&
          (skill === null || a.latest.skills.some((s) => s.toLowerCase().includes(skill))),
      );
      if (all.length === 0) return { kind: "empty" };
      const pages = Math.ceil(all.length / LIST_PAGE_SIZE);
      const current = Math.min(Math.max(0, page), pages - 1);
      const slice = all.slice(current * LIST_PAGE_SIZE, (current + 1) * LIST_PAGE_SIZE);
      const marks = new Map<string, AssignmentMark[]>();
      if (caller.programmeId !== null) {
        for (const f of await store.programmeFlags(caller.programmeId)) {
          marks.set(f.assignmentId, [
            ...(f.excluded ? (["excluded"] as const) : []),
            ...(f.reserved ? (["reserved"] as const) : []),
          ]);
        }
        for (const a of await store.liveAllocations(caller.programmeId)) {
          marks.set(a.assignmentId, [...(marks.get(a.assignmentId) ?? []), "allocated"]);
        }
      }
      return {
        kind: "page",
        page: current,
        pages,
        total: all.length,
        entries: slice.map((assignment) => ({ assignment, marks: marks.get(assignment.id) ?? [] })),
      };
    },

    /** Library assignments matching what the organiser typed (key or title), at most 25. */
    async suggest(caller: Caller, typed: string): Promise<LibraryAssignment[]> {
      const needle = typed.trim().toLowerCase();
      return (await store.library(caller.guildId))
        .filter((a) =>
          [a.key, a.latest.titleJa, a.latest.titleEn ?? ""].some((x) => x.toLowerCase().includes(needle)),
        )
        .slice(0, 25);
    },

    /** `/assignments show`: an assignment with its versions and where it was used. */
    async show(caller: Caller, value: string): Promise<AssignmentDetails> {
      const assignment = await findAssignment(caller, value);
      const versions = await store.versions(assignment.id);
      const usage = await store.usage(assignment.id);
      return { assignment, versions, usage };
    },

    /** `/assignments exclude|reserve`: sets the flag for the current programme, audited. */
    async setFlags(
      caller: Caller,
      value: string,
      flags: { excluded?: boolean; reserved?: boolean },
    ): Promise<{ assignment: LibraryAssignment; flags: ProgrammeAssignmentFlags }> {
      const programme = await programmeOf(caller);
      const assignment = await findAssignment(caller, value);
      const saved = await store.setFlags({
        guildId: caller.guildId,
        programmeId: programme.id,
        assignmentId: assignment.id,
        flags,
        actorUserId: caller.userId,
        at: ports.now(),
      });
      return { assignment, flags: saved };
    },

    /** `/assignments allocate`: computes the batch allocation and saves it, as shown, as a preview. */
    async preview(caller: Caller): Promise<PreviewOutcome> {
      const programme = await programmeOf(caller);
      const { input, state, interns, fingerprint } = await allocationSituation(programme);
      if (interns.length === 0) return { kind: "nobody" };
      const result = allocateAssignments(input);
      const quality =
        interns.length * state.assignments.length <= PREVIEW_EXACT_CELLS
          ? allocationQuality(input, result)
          : undefined;
      const versions = new Map(state.assignments.map((a) => [a.id, a.versionId]));
      const users = new Map(interns.map((i) => [i.id, i.discordUserId]));
      const pairs: PreviewPair[] = result.pairs.map((p) => ({
        memberId: p.internId,
        assignmentId: p.assignmentId,
        versionId: versions.get(p.assignmentId) ?? "",
      }));
      const view: PreviewView = {
        interns: interns.length,
        totalScore: result.totalScore,
        quality: quality === undefined ? null : { optimumScore: quality.optimumScore, ratio: quality.ratio },
        pairs: result.pairs.map((p) => ({
          discordUserId: users.get(p.internId) ?? "",
          score: p.score,
          reasons: p.reasons,
        })),
        unallocated: result.unallocated.map((u) => ({
          discordUserId: users.get(u.internId) ?? "",
          reason: u.reason,
        })),
      };
      const previewId = await store.savePreview({
        guildId: caller.guildId,
        programmeId: programme.id,
        actorUserId: caller.userId,
        fingerprint,
        pairs,
        view,
        at: ports.now(),
      });
      return shown(programme, previewId, pairs, view);
    },

    /**
     * A saved preview as it was shown (a page button, the CSV): the pairs Confirm would apply,
     * with the scores and reasons computed when it was made.
     */
    async shownPreview(caller: Caller, previewId: string): Promise<PreviewOutcome> {
      const programme = await programmeOf(caller);
      const preview = await store.preview(previewId);
      if (preview === null || preview.programmeId !== programme.id || preview.view === null)
        throw new UserError("assignments.allocate.unknownPreview");
      return shown(programme, preview.id, preview.pairs, preview.view);
    },

    /**
     * The preview's Confirm: applied exactly as shown, and only while nothing it depends on has
     * changed; returns the briefs to post (the allocation stands whether they post or not).
     */
    async confirm(caller: Caller, previewId: string): Promise<AppliedOutcome> {
      const preview = await store.preview(previewId);
      if (preview === null || preview.programmeId !== caller.programmeId) {
        throw new UserError("assignments.allocate.unknownPreview");
      }
      if (preview.applied) throw new UserError("assignments.allocate.alreadyApplied");
      const programme = await programmeOf(caller);
      const { state, fingerprint } = await allocationSituation(programme);
      if (fingerprint !== preview.fingerprint) throw new UserError("assignments.allocate.stale");
      const at = ports.now();
      const written = await store.applyPreview(preview, {
        guildId: caller.guildId,
        actorUserId: caller.userId,
        at,
      });
      if (written === "already_applied") throw new UserError("assignments.allocate.alreadyApplied");
      if (written === "stale") throw new UserError("assignments.allocate.stale");

      const interns = new Map(state.interns.map((i) => [i.id, i]));
      const swapUntil = swapDeadline(at, programme.settings.swapWindowDays, programme.timeZone);
      const briefs: PendingBrief[] = [];
      for (const pair of preview.pairs) {
        const intern = interns.get(pair.memberId);
        const version = await store.version(pair.versionId);
        if (intern === undefined || version === null) continue;
        briefs.push({
          target: {
            channelId: intern.projectChannelId,
            userId: intern.discordUserId,
            locale: await internLocale(programme, intern.id),
          },
          version,
          swapUntil,
        });
      }
      return { previewId: preview.id, allocated: preview.pairs.length, briefs };
    },

    /**
     * `/assignments give`: an organiser allocates by hand, reserved assignments included, under
     * the batch's rules (retired, not excluded, not one this person had in an earlier programme,
     * not taken here, the intern onboarded and without one); returns the brief to post.
     */
    async give(caller: Caller, discordUserId: string, value: string): Promise<GivenOutcome> {
      const programme = await programmeOf(caller);
      const member = await store.member(programme.id, discordUserId);
      if (member === null || !member.roles.includes("intern"))
        throw new UserError("assignments.give.notIntern", { user: discordUserId });
      const assignment = await findAssignment(caller, value);
      const { state } = await allocationSituation(programme);
      if (state.existing.some((e) => e.internId === member.id))
        throw new UserError("assignments.give.hasOne", { user: discordUserId });
      const intern = state.interns.find((i) => i.id === member.id);
      if (intern === undefined || intern.stage !== "onboarded")
        throw new UserError("assignments.give.notOnboarded", { user: discordUserId });
      const candidate = state.assignments.find((a) => a.id === assignment.id);
      if (candidate === undefined) throw new UserError("assignments.show.notFound");
      const refusal = ineligibilityReason(intern, candidate, {
        history: indexHistory(state.history),
        taken: new Set(state.existing.map((e) => e.assignmentId)),
        method: "manual",
      });
      if (refusal !== null)
        throw new UserError(`assignments.give.refused.${refusal}`, {
          user: discordUserId,
          key: assignment.key,
        });
      const at = ports.now();
      const written = await store.give({
        guildId: caller.guildId,
        programmeId: programme.id,
        memberId: member.id,
        assignmentId: assignment.id,
        assignmentVersionId: candidate.versionId,
        actorUserId: caller.userId,
        at,
      });
      if (written.status === "stale") throw new UserError("assignments.give.stale", { user: discordUserId });
      const version = (await store.version(candidate.versionId)) ?? assignment.latest;
      return {
        version,
        brief: {
          target: {
            channelId: intern.projectChannelId,
            userId: intern.discordUserId,
            locale: await internLocale(programme, intern.id),
          },
          version,
          swapUntil: swapDeadline(at, programme.settings.swapWindowDays, programme.timeZone),
        },
      };
    },

    /** `/program roster [stage] [page]`: a page of the programme's interns, optionally of one stage. */
    async roster(caller: Caller, stage: InternStage | null, page: number): Promise<RosterPage> {
      const programme = await programmeOf(caller);
      const all = (await store.roster(programme.id)).filter((e) => stage === null || e.stage === stage);
      const pages = Math.max(1, Math.ceil(all.length / ROSTER_PAGE_SIZE));
      const current = Math.min(Math.max(0, page), pages - 1);
      return {
        page: current,
        pages,
        total: all.length,
        entries: all.slice(current * ROSTER_PAGE_SIZE, (current + 1) * ROSTER_PAGE_SIZE),
      };
    },

    /** `/assignments release`: the intern's project back to the pool, the intern back to onboarded. */
    async release(caller: Caller, discordUserId: string): Promise<{ version: AssignmentVersion | null }> {
      const programme = await programmeOf(caller);
      const member = await store.member(programme.id, discordUserId);
      if (member === null) throw new UserError("assignments.release.notMember", { user: discordUserId });
      const live = await store.liveForMember(programme.id, member.id);
      if (live === null) throw new UserError("assignments.release.none", { user: discordUserId });
      await store.release({
        guildId: caller.guildId,
        programmeId: programme.id,
        memberId: member.id,
        reason: "released_by_organiser",
        stage: "onboarded",
        actorUserId: caller.userId,
        at: ports.now(),
      });
      return { version: await store.version(live.assignmentVersionId) };
    },
  };
}

export type LibraryUseCases = ReturnType<typeof libraryUseCases>;
