/**
 * The intern's own project: view it, name wishes, claim one, swap once. Each use-case takes the
 * caller and returns an outcome the command renders; the database settles races (the store turns
 * a lost one into an outcome) and the rules live in src/domain/assignment.
 */

import type { Allocation, LibraryViewEntry } from "../../domain/allocation/records.ts";
import type { AllocationAssignment } from "../../domain/allocation/types.ts";
import {
  CLAIM_OPTIONS,
  type ClaimCandidate,
  claimCandidates,
  claimRefusal,
} from "../../domain/assignment/claim.ts";
import { swapDeadline, swapRefusal } from "../../domain/assignment/swap.ts";
import { titleIn } from "../../domain/assignment/title.ts";
import type { AssignmentVersion, LibraryAssignment } from "../../domain/assignment/types.ts";
import type { Locale } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { UserError } from "../errors.ts";
import { currentProgramme } from "../ports.ts";
import type { ProjectPorts } from "./ports.ts";

/** Who is asking: the server's current programme (null: none), the Discord user, their locale. */
export interface Caller {
  programmeId: string | null;
  userId: string;
  locale: Locale;
}

/** An option offered to an intern: its ranking and what the message shows of it. */
export interface ClaimOption {
  readonly candidate: ClaimCandidate;
  readonly assignment: LibraryViewEntry;
}

/** The line above a list of options, or the whole answer when none is left. */
export type OptionsHeader =
  | { key: "none" }
  | { key: "taken" | "takenNoMore" | "changedNoneLeft"; title: string }
  | { key: "swapTitle"; until: Date }
  | { key: "changed"; title: string; until: Date };

/** Options to show with one button each (`swapFrom`: the live allocation a swap replaces). */
export interface OptionsOutcome {
  kind: "options";
  /** The programme the options are for: their buttons carry it, so an old one is refused. */
  programmeId: string;
  header: OptionsHeader;
  options: readonly ClaimOption[];
  swapFrom: string | null;
}

/** A brief to post in the intern's project thread. */
export interface PendingBrief {
  target: { channelId: string | null; userId: string; locale: Locale };
  version: AssignmentVersion;
  swapUntil: Date | null;
}

/** What a click on an option came to. */
export type Picked =
  | { kind: "answer"; answer: OptionsOutcome }
  | { kind: "claimed"; title: string; programme: Programme; member: Member; allocation: Allocation }
  | { kind: "swapped"; from: string | null; to: string; brief: PendingBrief | null };

export type ProjectView =
  | { kind: "none"; selfService: boolean }
  | { kind: "brief"; version: AssignmentVersion; userId: string; swapUntil: Date | null };

/**
 * Best fits looked at before asking the database which of them are taken: enough that the first
 * question usually settles it, few enough that it reads a handful of rows.
 */
const FIRST_LOOK = 4 * CLAIM_OPTIONS;

type ClaimRefusal = NonNullable<ReturnType<typeof claimRefusal>>;
type SwapRefusalReason = NonNullable<ReturnType<typeof swapRefusal>> | "already_swapped";

function swapError(refusal: SwapRefusalReason, programme: Programme): UserError {
  switch (refusal) {
    case "no_assignment":
      return new UserError("project.swap.none");
    case "swaps_off":
      return new UserError("project.swap.off");
    case "already_swapped":
      return new UserError("project.swap.used");
    case "window_closed":
      return new UserError("project.swap.closed", { days: programme.settings.swapWindowDays });
  }
}

export function projectUseCases(ports: ProjectPorts) {
  const { store } = ports;

  const programmeOf = (caller: Caller) => currentProgramme(store, caller.programmeId);

  /** The caller's membership as an intern, or a friendly refusal. */
  async function callerIntern(caller: Caller, programme: Programme): Promise<Member> {
    const member = await store.member(programme.id, caller.userId);
    if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
    if (member.stage === "withdrawn") throw new UserError("project.withdrawn");
    return member;
  }

  /** The locale of messages posted for an intern where others read too (their thread). */
  async function internLocale(programme: Programme, memberId: string): Promise<Locale> {
    if (programme.forcedLocale !== null) return programme.forcedLocale;
    return (await store.preferredLocale(memberId)) ?? ports.defaultLocale;
  }

  /**
   * The options an intern may claim or swap to now, best first. Cheap enough for every lost race:
   * the library comes from its cached view, and only the best fits are checked against live
   * allocations; the whole programme's allocations are read only when most best fits are gone.
   */
  async function claimOptions(programme: Programme, member: Member): Promise<ClaimOption[]> {
    const view = await store.libraryView(programme.guildId);
    const { intern, flags, history } = await store.claimer(programme.id, member.id);
    const assignments: readonly AllocationAssignment[] =
      flags.size === 0
        ? view.assignments
        : view.assignments.map((a) => {
            const flag = flags.get(a.id);
            return flag === undefined ? a : { ...a, ...flag };
          });
    const now = ports.now();
    const rank = (taken: ReadonlySet<string>, limit: number) =>
      claimCandidates(intern, assignments, { taken, history, programme, now }, limit);
    const look = rank(new Set(), FIRST_LOOK);
    const takenAmongBest = await store.liveAmong(
      programme.id,
      look.map((c) => c.assignmentId),
    );
    let best = look.filter((c) => !takenAmongBest.has(c.assignmentId));
    if (best.length < CLAIM_OPTIONS && look.length === FIRST_LOOK) {
      best = rank(await store.liveAmong(programme.id), CLAIM_OPTIONS);
    }
    return best.slice(0, CLAIM_OPTIONS).flatMap((candidate) => {
      const assignment = view.byId.get(candidate.assignmentId);
      return assignment === undefined ? [] : [{ candidate, assignment }];
    });
  }

  /** Assignments an intern may name as a wish: retired, not excluded or reserved here. */
  async function openAssignments(programme: Programme): Promise<LibraryAssignment[]> {
    const library = await store.library(programme.guildId);
    const flags = new Map((await store.programmeFlags(programme.id)).map((f) => [f.assignmentId, f]));
    return library.filter((a) => {
      const flag = flags.get(a.id);
      return a.latest.status === "retired" && flag?.excluded !== true && flag?.reserved !== true;
    });
  }

  async function liveVersion(programme: Programme, member: Member) {
    const live = await store.liveForMember(programme.id, member.id);
    if (live === null) return null;
    const version = await store.version(live.assignmentVersionId);
    return version === null ? null : { live, version };
  }

  async function swapSituation(programme: Programme, member: Member) {
    const history = await store.history(member.id);
    const live = history.find((a) => a.active) ?? null;
    return {
      live,
      refusal: swapRefusal({
        liveAllocatedAt: live?.allocatedAt ?? null,
        methods: history.map((a) => a.method),
        windowDays: programme.settings.swapWindowDays,
        timeZone: programme.timeZone,
        now: ports.now(),
      }),
    };
  }

  /** A "disabled" refusal becomes "already allocated" when the intern has a project anyway. */
  async function withLive(
    programme: Programme,
    member: Member,
    refusal: ClaimRefusal,
  ): Promise<ClaimRefusal> {
    if (refusal !== "disabled") return refusal;
    const live = await store.liveForMember(programme.id, member.id);
    return live === null ? refusal : "already_allocated";
  }

  async function claimError(
    caller: Caller,
    programme: Programme,
    member: Member,
    refusal: ClaimRefusal,
  ): Promise<UserError> {
    switch (refusal) {
      case "not_intern":
        return new UserError("project.notIntern");
      case "withdrawn":
        return new UserError("project.withdrawn");
      case "disabled":
        return new UserError("project.claim.disabled");
      case "already_allocated": {
        const current = await liveVersion(programme, member);
        return new UserError("project.claim.already", {
          title: current ? titleIn(caller.locale, current.version) : "?",
        });
      }
    }
  }

  /** After losing a race (or picking a closed one): the next options, or "none left". */
  async function offerNext(
    programme: Programme,
    member: Member,
    lostTitle: string,
    swapFrom: string | null,
  ): Promise<OptionsOutcome> {
    const options = await claimOptions(programme, member);
    const header: OptionsHeader = { key: options.length === 0 ? "takenNoMore" : "taken", title: lostTitle };
    return { kind: "options", programmeId: programme.id, header, options, swapFrom };
  }

  /**
   * A swap clicked after the intern's project changed (an organiser reassigned them since the
   * options were shown): nothing was swapped; say so, with fresh options from the new project.
   */
  async function changedAnswer(
    caller: Caller,
    programme: Programme,
    member: Member,
    live: Allocation,
  ): Promise<OptionsOutcome> {
    const version = await store.version(live.assignmentVersionId);
    const title = version === null ? "?" : titleIn(caller.locale, version);
    const options = await claimOptions(programme, member);
    if (options.length === 0) {
      return {
        kind: "options",
        programmeId: programme.id,
        header: { key: "changedNoneLeft", title },
        options,
        swapFrom: live.id,
      };
    }
    const until = swapDeadline(live.allocatedAt, programme.settings.swapWindowDays, programme.timeZone);
    if (until === null) throw swapError("swaps_off", programme);
    return {
      kind: "options",
      programmeId: programme.id,
      header: { key: "changed", title, until },
      options,
      swapFrom: live.id,
    };
  }

  /** The brief of `allocation`, ready to post (null if its version is gone). */
  async function pendingBrief(
    programme: Programme,
    member: Member,
    allocation: Allocation,
    swapUntil: Date | null,
  ): Promise<PendingBrief | null> {
    const version = await store.version(allocation.assignmentVersionId);
    if (version === null) return null;
    return {
      target: {
        channelId: member.projectChannelId,
        userId: member.discordUserId,
        locale: await internLocale(programme, member.id),
      },
      version,
      swapUntil,
    };
  }

  /** The options to swap to, with the swap deadline of `live`; "none left" is a refusal. */
  async function swapOptions(
    programme: Programme,
    member: Member,
    live: Pick<Allocation, "id" | "allocatedAt">,
  ): Promise<OptionsOutcome> {
    const options = await claimOptions(programme, member);
    if (options.length === 0) throw new UserError("project.swap.noneLeft");
    const until = swapDeadline(live.allocatedAt, programme.settings.swapWindowDays, programme.timeZone);
    if (until === null) throw swapError("swaps_off", programme);
    return {
      kind: "options",
      programmeId: programme.id,
      header: { key: "swapTitle", until },
      options,
      swapFrom: live.id,
    };
  }

  async function resolveWish(caller: Caller, programme: Programme, open: LibraryAssignment[], value: string) {
    const needle = value.trim().toLowerCase();
    const found =
      open.find((a) => a.id === value) ??
      open.find((a) => a.key.toLowerCase() === needle) ??
      open.find(
        (a) => a.latest.titleJa.toLowerCase() === needle || a.latest.titleEn?.toLowerCase() === needle,
      );
    if (found !== undefined) return found;
    const anywhere = await store.assignment(value);
    if (anywhere !== null && anywhere.guildId === programme.guildId) {
      throw new UserError("project.preferences.notOpen", { title: titleIn(caller.locale, anywhere.latest) });
    }
    throw new UserError("project.preferences.unknown", { value: value.slice(0, 100) });
  }

  return {
    /** `/project view`: the live brief with its swap deadline, or nothing yet. */
    async view(caller: Caller): Promise<ProjectView> {
      const programme = await programmeOf(caller);
      const member = await callerIntern(caller, programme);
      const current = await liveVersion(programme, member);
      if (current === null) return { kind: "none", selfService: programme.settings.selfServiceClaimEnabled };
      const situation = await swapSituation(programme, member);
      const swapUntil =
        situation.refusal === null
          ? swapDeadline(current.live.allocatedAt, programme.settings.swapWindowDays, programme.timeZone)
          : null;
      return { kind: "brief", version: current.version, userId: member.discordUserId, swapUntil };
    },

    /** Open assignments matching what the intern typed (title or key), at most 25. */
    async suggest(caller: Caller, typed: string): Promise<LibraryAssignment[]> {
      const programme = await programmeOf(caller);
      const needle = typed.trim().toLowerCase();
      return (await openAssignments(programme))
        .filter((a) =>
          [a.key, a.latest.titleJa, a.latest.titleEn ?? ""].some((text) =>
            text.toLowerCase().includes(needle),
          ),
        )
        .slice(0, 25);
    },

    /** `/project preferences`: replaces the intern's ranked wishes; returns them in order. */
    async setPreferences(caller: Caller, values: readonly string[]): Promise<LibraryAssignment[]> {
      const programme = await programmeOf(caller);
      const member = await callerIntern(caller, programme);
      const open = await openAssignments(programme);
      const wishes: LibraryAssignment[] = [];
      for (const value of values) wishes.push(await resolveWish(caller, programme, open, value));
      if (new Set(wishes.map((w) => w.id)).size !== wishes.length)
        throw new UserError("project.preferences.duplicate");
      await store.setPreferences(
        member.id,
        wishes.map((w) => w.id),
      );
      return wishes;
    },

    /** `/project claim`: the options to claim from, or why not. */
    async startClaim(caller: Caller): Promise<OptionsOutcome> {
      const programme = await programmeOf(caller);
      const member = await callerIntern(caller, programme);
      const live = await store.liveForMember(programme.id, member.id);
      const refusal = claimRefusal({
        stage: member.stage,
        selfServiceEnabled: programme.settings.selfServiceClaimEnabled,
        hasLiveAllocation: live !== null,
      });
      if (refusal !== null) throw await claimError(caller, programme, member, refusal);
      const options = await claimOptions(programme, member);
      if (options.length === 0) throw new UserError("project.claim.noneLeft");
      return { kind: "options", programmeId: programme.id, header: { key: "none" }, options, swapFrom: null };
    },

    /** `/project swap`: the options to swap to, or why not. */
    async startSwap(caller: Caller): Promise<OptionsOutcome> {
      const programme = await programmeOf(caller);
      const member = await callerIntern(caller, programme);
      const situation = await swapSituation(programme, member);
      if (situation.refusal !== null || situation.live === null)
        throw swapError(situation.refusal ?? "no_assignment", programme);
      return swapOptions(programme, member, situation.live);
    },

    /**
     * Decides a claim or swap click and makes the write: database work only (it runs in the claim
     * lane). The database settles races; the loser is offered the next options.
     */
    async pick(
      caller: Caller,
      payload: { programmeId: string; assignmentId: string; from: string | null },
    ): Promise<Picked> {
      // A button from an earlier programme's options never claims in this one.
      if (payload.programmeId !== caller.programmeId) throw new UserError("error.customId.stale");
      const programme = await programmeOf(caller);
      const member = await callerIntern(caller, programme);
      const assignment = (await store.libraryView(programme.guildId)).byId.get(payload.assignmentId);
      if (assignment === undefined) throw new UserError("assignments.show.notFound");
      const title = titleIn(caller.locale, assignment);
      const from = payload.from;

      let previousTitle: string | null = null;
      if (from !== null) {
        const situation = await swapSituation(programme, member);
        if (situation.refusal !== null || situation.live === null)
          throw swapError(situation.refusal ?? "no_assignment", programme);
        if (situation.live.id !== from) {
          return { kind: "answer", answer: await changedAnswer(caller, programme, member, situation.live) };
        }
        const current = await store.version(situation.live.assignmentVersionId);
        previousTitle = current ? titleIn(caller.locale, current) : null;
      } else {
        // Whether the intern already has a project is asked below, with whether the assignment is free.
        const refusal = claimRefusal({
          stage: member.stage,
          selfServiceEnabled: programme.settings.selfServiceClaimEnabled,
          hasLiveAllocation: false,
        });
        if (refusal !== null)
          throw await claimError(caller, programme, member, await withLive(programme, member, refusal));
      }

      const claimability = await store.claimability({
        programmeId: programme.id,
        memberId: member.id,
        discordUserId: member.discordUserId,
        assignmentId: assignment.id,
        swapping: from !== null,
      });
      if (claimability === "caller_has_one")
        throw await claimError(caller, programme, member, "already_allocated");
      if (claimability !== "open" || assignment.status !== "retired") {
        return { kind: "answer", answer: await offerNext(programme, member, title, from) };
      }

      const input = {
        programmeId: programme.id,
        memberId: member.id,
        assignmentId: assignment.id,
        actorUserId: caller.userId,
        at: ports.now(),
      };
      const written =
        from === null
          ? await store.claim({ ...input, assignmentVersionId: assignment.versionId })
          : await store.swap({ ...input, fromAllocationId: from });
      switch (written.status) {
        case "assignment_taken":
          return { kind: "answer", answer: await offerNext(programme, member, title, from) };
        case "member_has_one":
          throw await claimError(caller, programme, member, "already_allocated");
        case "swap_refused": {
          // Re-checked inside the transaction: the intern's other swap click (or other open swap
          // menu) won, or an organiser reassigned them a moment ago. Answered as the checks above
          // would answer now.
          const situation = await swapSituation(programme, member);
          if (situation.refusal !== null || situation.live === null)
            throw swapError(situation.refusal ?? "no_assignment", programme);
          if (written.reason === "already_swapped") throw swapError(written.reason, programme);
          return { kind: "answer", answer: await changedAnswer(caller, programme, member, situation.live) };
        }
        case "allocated":
          break;
      }
      const allocation = written.allocation;
      if (from === null) return { kind: "claimed", title, programme, member, allocation };
      return {
        kind: "swapped",
        from: previousTitle,
        to: title,
        brief: await pendingBrief(programme, member, allocation, null),
      };
    },

    /** The brief of a fresh claim, with its swap deadline, to post in the project thread. */
    async claimedBrief(picked: Extract<Picked, { kind: "claimed" }>): Promise<PendingBrief | null> {
      const { programme, member, allocation } = picked;
      const swapUntil = swapDeadline(
        allocation.allocatedAt,
        programme.settings.swapWindowDays,
        programme.timeZone,
      );
      return pendingBrief(programme, member, allocation, swapUntil);
    },
  };
}

export type ProjectUseCases = ReturnType<typeof projectUseCases>;
