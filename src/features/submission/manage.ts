/**
 * `/submission show|extend|close|reopen`: reading versions as far as the viewer may, and the
 * organiser's deadline controls. Every write and its audit entry commit together; reminder jobs
 * follow an extension at once (the reconciler re-derives them from the database anyway).
 */
import type { Locale, MemberRoleKind } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { PublishedFeedback, RubricCriterion } from "../../domain/review/rubric.ts";
import {
  type EffectiveDeadline,
  effectiveDeadline,
  planReminders,
  reminderJobId,
} from "../../domain/submission/deadline.ts";
import {
  type InternStanding,
  type StatusCounts,
  type StatusFilter,
  standsIn,
  statusCounts,
} from "../../domain/submission/overview.ts";
import {
  FEWER_NOTIFICATIONS_OFFSET_HOURS,
  type SubmissionExtension,
  type SubmissionSettings,
  type SubmissionVersionRecord,
} from "../../domain/submission/types.ts";
import { type SubmissionView, submissionView } from "../../domain/submission/visibility.ts";
import { UserError } from "../errors.ts";
import type {
  ExtensionRequestPoster,
  PersonalTerms,
  ReminderJobs,
  SubmissionState,
  SubmissionStore,
} from "./ports.ts";

export interface ManagePorts {
  store: SubmissionStore;
  /** Called when a use-case needs them, so reading needs no Redis. */
  reminders: () => ReminderJobs;
  now: () => Date;
  /** The language of posts in the staff room when the programme forces none. */
  defaultLocale: Locale;
}

/** The longest reason an intern may give for an extension request. */
export const MAX_REQUEST_REASON = 500;

export interface ManageCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
  roles: ReadonlySet<MemberRoleKind>;
}

/** Names per page of `/submission status`. */
export const STATUS_PAGE_SIZE = 25;

/** What `/submission status` renders. */
export interface StatusOverview {
  counts: StatusCounts;
  deadline: Date | null;
  closed: boolean;
  filter: StatusFilter;
  page: number;
  pages: number;
  userIds: string[];
}

/** What `/submission show` renders. */
export interface SubmissionShown {
  userId: string;
  view: Exclude<SubmissionView, "none">;
  versions: SubmissionVersionRecord[];
  deadline: EffectiveDeadline | null;
  /** Null for agency staff: they never see an extension's reason. */
  extensionReason: string | null;
  closed: boolean;
  /** Published feedback on the versions shown (drafts are never read here), and the rubric. */
  feedback: PublishedFeedback[];
  rubric: readonly RubricCriterion[];
}

export interface ExtendOutcome {
  userId: string;
  previous: EffectiveDeadline | null;
  current: EffectiveDeadline | null;
}

function deadlineOf(
  state: SubmissionState,
  terms: { extension: { until: Date } | null; extendedDeadlines: boolean },
  extension = terms.extension,
) {
  return effectiveDeadline({
    programmeDeadline: state.deadline,
    extension,
    extendedDeadlines: terms.extendedDeadlines,
    accommodationExtensionHours: state.settings.accommodationExtensionHours,
  });
}

export function manageUseCases(ports: ManagePorts) {
  const { store } = ports;

  async function stateOf(caller: ManageCaller): Promise<SubmissionState> {
    const state = caller.programmeId === null ? null : await store.state(caller.programmeId);
    if (state === null) throw new UserError("error.access.noProgramme");
    return state;
  }

  async function internOf(state: SubmissionState, userId: string): Promise<Member | null> {
    const member = await store.member(state.programme.id, userId);
    return member?.roles.includes("intern") ? member : null;
  }

  /** Replaces the reminder jobs of one deadline with those of another; past ones are not added. */
  async function moveReminders(
    state: SubmissionState,
    member: Member,
    terms: PersonalTerms,
    from: Date | null,
    to: Date | null,
    /** The offsets `from`'s jobs were planned with, when the settings changed them. */
    fromOffsetsHours: readonly number[] = state.settings.reminderOffsetsHours,
  ) {
    if (from?.getTime() === to?.getTime() && fromOffsetsHours === state.settings.reminderOffsetsHours) return;
    const jobs = ports.reminders();
    const now = ports.now();
    const offsets = { offsetsHours: state.settings.reminderOffsetsHours, fewerNotifications: false, now };
    if (from !== null) {
      // Every offset, whatever the accommodation: removing an id that never existed is harmless.
      for (const offsetHours of new Set([...fromOffsetsHours, FEWER_NOTIFICATIONS_OFFSET_HOURS])) {
        await jobs.remove(reminderJobId(member.id, offsetHours, from));
      }
    }
    if (to === null || state.closedAt !== null || member.stage === "withdrawn") return;
    if ((await store.versions(state.programme.id, member.id)).length > 0) return;
    const plan = planReminders({ ...offsets, fewerNotifications: terms.fewerNotifications, deadline: to });
    for (const r of plan) {
      await jobs.add(
        reminderJobId(member.id, r.offsetHours, to),
        {
          programmeId: state.programme.id,
          memberId: member.id,
          offsetHours: r.offsetHours,
          deadlineEpochS: Math.floor(to.getTime() / 1000),
        },
        r.dueAt.getTime() - now.getTime(),
      );
    }
  }

  return {
    /**
     * The versions of `targetUserId` (default: the caller). Whatever the reason a person is not
     * visible (not an intern, not consenting, another agency's client), one answer.
     */
    async show(
      caller: ManageCaller,
      query: { userId: string | null; version: number | null },
    ): Promise<SubmissionShown> {
      const targetUserId = query.userId;
      const state = await stateOf(caller);
      const userId = targetUserId ?? caller.userId;
      const member = await internOf(state, userId);
      if (member === null) {
        throw new UserError(userId === caller.userId ? "project.notIntern" : "submission.error.notVisible");
      }
      const agencyIds = caller.roles.has("agency_staff")
        ? await store.agencyIdsOfStaff(caller.guildId, caller.userId)
        : new Set<string>();
      const view = submissionView(
        { userId: caller.userId, roles: caller.roles, agencyIds },
        {
          discordUserId: member.discordUserId,
          agencyId: member.agencyId,
          agencyConsent: member.agencyConsent,
        },
      );
      if (view === "none") throw new UserError("submission.error.notVisible");
      const terms = await store.terms(member.id);
      const all = await store.versions(state.programme.id, member.id);
      const versions = query.version === null ? all : all.filter((v) => v.number === query.version);
      if (query.version !== null && versions.length === 0) {
        throw new UserError("submission.show.noVersion", { version: query.version });
      }
      const { feedback, rubric } = await store.publishedFeedback(
        state.programme.id,
        versions.map((v) => v.id),
      );
      return {
        userId,
        view,
        versions,
        feedback,
        rubric,
        deadline: deadlineOf(state, terms),
        extensionReason: view === "full" ? (terms.extension?.reason ?? null) : null,
        closed: state.closedAt !== null,
      };
    },

    /** Sets (or with `until` null clears) an intern's own deadline; it must fall inside the programme. */
    async extend(
      caller: ManageCaller,
      input: { userId: string; until: Date | null; reason: string | null },
    ): Promise<ExtendOutcome> {
      const state = await stateOf(caller);
      const member = await internOf(state, input.userId);
      if (member === null) throw new UserError("submission.error.notIntern");
      const { programme } = state;
      if (
        input.until !== null &&
        (input.until.getTime() < programme.startsAt.getTime() ||
          input.until.getTime() > programme.endsAt.getTime())
      ) {
        throw new UserError("submission.error.extensionOutside");
      }
      const terms = await store.terms(member.id);
      const previous = deadlineOf(state, terms);
      const extension: SubmissionExtension | null =
        input.until === null
          ? null
          : { until: input.until, reason: input.reason, source: "organiser", grantedByUserId: caller.userId };
      await store.setExtension({
        guildId: caller.guildId,
        programmeId: programme.id,
        memberId: member.id,
        actorUserId: caller.userId,
        at: ports.now(),
        extension,
      });
      const current = deadlineOf(state, terms, extension);
      await moveReminders(state, member, terms, previous?.at ?? null, current?.at ?? null);
      return { userId: input.userId, previous, current };
    },

    /**
     * An intern asks for a later deadline: recorded, then posted in the staff room with Approve /
     * Decline. The new deadline must fall inside the programme and after their current one.
     */
    async requestExtension(
      caller: ManageCaller,
      input: { until: Date; reason: string },
      poster: ExtensionRequestPoster,
    ): Promise<{ posted: boolean }> {
      const state = await stateOf(caller);
      const member = await internOf(state, caller.userId);
      if (member === null) throw new UserError("project.notIntern");
      if (member.stage === "withdrawn") throw new UserError("submission.error.withdrawn");
      const reason = input.reason.trim();
      if (reason === "" || reason.length > MAX_REQUEST_REASON) {
        throw new UserError("submission.request.reason", { max: MAX_REQUEST_REASON });
      }
      const { programme } = state;
      if (
        input.until.getTime() > programme.endsAt.getTime() ||
        input.until.getTime() <= ports.now().getTime()
      ) {
        throw new UserError("submission.error.extensionOutside");
      }
      const current = deadlineOf(state, await store.terms(member.id));
      if (current !== null && input.until.getTime() <= current.at.getTime()) {
        throw new UserError("submission.request.notLater");
      }
      const channelId = await store.staffChannel(programme.id);
      if (channelId === null) throw new UserError("submission.request.noStaffRoom");
      const { id } = await store.addExtensionRequest({
        guildId: caller.guildId,
        programmeId: programme.id,
        memberId: member.id,
        actorUserId: caller.userId,
        at: ports.now(),
        until: input.until,
        reason,
      });
      const posted = await poster.postRequest(
        channelId,
        { requestId: id, userId: caller.userId, until: input.until, reason },
        programme.forcedLocale ?? ports.defaultLocale,
      );
      return { posted };
    },

    /**
     * An organiser's Approve / Decline. Approval sets the extension (`source: request`) as
     * `/submission extend` does and moves the reminders; either answer is told in the intern's
     * thread. A second press is refused.
     */
    async decideExtension(
      caller: ManageCaller,
      input: { requestId: string; decision: "approved" | "declined" },
      poster: ExtensionRequestPoster,
    ): Promise<{ userId: string; until: Date; decision: "approved" | "declined" }> {
      const state = await stateOf(caller);
      const request = await store.extensionRequest(input.requestId);
      if (request === null || request.programmeId !== state.programme.id) {
        throw new UserError("submission.request.unknown");
      }
      if (request.decision !== null) throw new UserError("submission.request.decided");
      const member = (await store.memberById(request.memberId)) ?? null;
      if (member === null) throw new UserError("submission.request.unknown");
      const terms = await store.terms(member.id);
      const previous = deadlineOf(state, terms);
      const extension: SubmissionExtension | null =
        input.decision === "approved"
          ? {
              until: request.until,
              reason: request.reason,
              source: "request",
              grantedByUserId: caller.userId,
            }
          : null;
      const decided = await store.decideExtensionRequest({
        guildId: caller.guildId,
        programmeId: state.programme.id,
        actorUserId: caller.userId,
        at: ports.now(),
        requestId: request.id,
        decision: input.decision,
        extension,
      });
      if (!decided) throw new UserError("submission.request.decided");
      if (extension !== null) {
        const current = deadlineOf(state, terms, extension);
        await moveReminders(state, member, terms, previous?.at ?? null, current?.at ?? null);
      }
      await poster.tellIntern(
        {
          channelId: member.projectChannelId,
          userId: member.discordUserId,
          locale: state.programme.forcedLocale ?? terms.preferredLocale ?? ports.defaultLocale,
        },
        { decision: input.decision, until: request.until },
      );
      return { userId: member.discordUserId, until: request.until, decision: input.decision };
    },

    /**
     * The organisers' overview: how many interns have handed in, are missing, late, unreviewed
     * or extended, and one page of those under `filter` (25 a page, oldest member first).
     */
    async status(caller: ManageCaller, filter: StatusFilter, page: number): Promise<StatusOverview> {
      const state = await stateOf(caller);
      const now = ports.now();
      const standings: InternStanding[] = (await store.standings(state.programme.id)).map((row) => {
        const deadline = deadlineOf(state, {
          extension: row.extensionUntil === null ? null : { until: row.extensionUntil },
          extendedDeadlines: row.extendedDeadlines,
        });
        return {
          discordUserId: row.discordUserId,
          latest: row.latest,
          deadline: deadline?.at ?? null,
          extended: deadline !== null && deadline.source !== "programme",
        };
      });
      const matching = standings.filter((s) => standsIn(filter, s, now)).map((s) => s.discordUserId);
      const pages = Math.max(1, Math.ceil(matching.length / STATUS_PAGE_SIZE));
      const shown = Math.min(Math.max(1, page), pages);
      return {
        counts: statusCounts(standings, now),
        deadline: state.deadline,
        closed: state.closedAt !== null,
        filter,
        page: shown,
        pages,
        userIds: matching.slice((shown - 1) * STATUS_PAGE_SIZE, shown * STATUS_PAGE_SIZE),
      };
    },

    /**
     * Changes the programme's submission settings (only what is given), audited; the reminders
     * of every intern who still owes a hand-in are re-planned for the new offsets and deadlines.
     */
    async updateSettings(
      caller: ManageCaller,
      change: Partial<SubmissionSettings>,
    ): Promise<{ settings: SubmissionSettings; replanned: number }> {
      // A copy: what the jobs were planned with, whatever the store does with the state it read.
      const before = { ...(await stateOf(caller)) };
      const settings: SubmissionSettings = { ...before.settings, ...change };
      if (Object.keys(change).length === 0) return { settings, replanned: 0 };
      await store.setSettings({
        guildId: caller.guildId,
        programmeId: before.programme.id,
        actorUserId: caller.userId,
        at: ports.now(),
        before: before.settings,
        settings,
      });
      const after: SubmissionState = { ...before, settings };
      let replanned = 0;
      for (const standing of await store.standings(before.programme.id)) {
        if (standing.latest !== null) continue;
        const member = await store.memberById(standing.memberId);
        if (member === null) continue;
        const terms = await store.terms(member.id);
        await moveReminders(
          after,
          member,
          terms,
          deadlineOf(before, terms)?.at ?? null,
          deadlineOf(after, terms)?.at ?? null,
          before.settings.reminderOffsetsHours,
        );
        replanned += 1;
      }
      return { settings, replanned };
    },

    /** Stops accepting versions. Reminders still queued find submissions closed and end. */
    async close(caller: ManageCaller): Promise<void> {
      const state = await stateOf(caller);
      if (state.closedAt !== null) throw new UserError("submission.close.already");
      const at = ports.now();
      await store.setClosed({
        guildId: caller.guildId,
        programmeId: state.programme.id,
        actorUserId: caller.userId,
        at,
        closedAt: at,
      });
    },

    /** Accepts versions again (past a person's deadline they are marked late). */
    async reopen(caller: ManageCaller): Promise<void> {
      const state = await stateOf(caller);
      if (state.closedAt === null) throw new UserError("submission.reopen.notClosed");
      await store.setClosed({
        guildId: caller.guildId,
        programmeId: state.programme.id,
        actorUserId: caller.userId,
        at: ports.now(),
        closedAt: null,
      });
    },
  };
}

export type ManageUseCases = ReturnType<typeof manageUseCases>;
