/**
 * `/program attention` and the daily digest: the interns who need contact, one line per reason
 * with its evidence (rules in src/domain/attention/rules.ts); follow-up notes; **Contacted**. The
 * activity counts the silent rule reads are recorded here too.
 */
import {
  ATTENTION_REASONS,
  type AttentionLine,
  type AttentionReason,
  attentionLines,
} from "../../domain/attention/rules.ts";
import type { MemberRoleKind } from "../../domain/enums.ts";
import { localDateOf, parseLocalDate, programmeDays } from "../../domain/operations/rules.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { UserError } from "../errors.ts";
import type {
  ActivityEvent,
  AttentionCaller,
  AttentionSettings,
  AttentionStore,
  DigestJobs,
} from "./ports.ts";

export interface AttentionPorts {
  store: AttentionStore;
  /** Called when a use-case (re)schedules, so reading needs no Redis. */
  digests: () => DigestJobs;
  now: () => Date;
}

/** Interns per page of `/program attention list`. */
export const ATTENTION_PAGE_SIZE = 10;
/** The longest follow-up note or contact note. */
export const ATTENTION_NOTE_MAX = 500;

/** One intern on the list and their lines. */
export interface AttentionEntry {
  memberId: string;
  discordUserId: string;
  displayName: string;
  lines: AttentionLine[];
}

/** What the list (and the digest) renders. */
export interface AttentionOverview {
  programmeId: string;
  programmeName: string;
  /** Interns on the list per reason (before paging). */
  counts: Record<AttentionReason, number>;
  /** How many interns are on the list under the filter. */
  total: number;
  reason: AttentionReason | null;
  page: number;
  pages: number;
  entries: AttentionEntry[];
}

/** Who may read or act: roles from the router's standing. */
export interface AttentionStaffCaller extends AttentionCaller {
  roles: ReadonlySet<MemberRoleKind>;
}

const zeroCounts = (): Record<AttentionReason, number> =>
  Object.fromEntries(ATTENTION_REASONS.map((r) => [r, 0])) as Record<AttentionReason, number>;

export function attentionUseCases(ports: AttentionPorts) {
  const { store } = ports;

  async function programmeOrRefuse(programmeId: string | null): Promise<Programme> {
    const programme = programmeId === null ? null : await store.programme(programmeId);
    if (programme === null) throw new UserError("error.access.noProgramme");
    return programme;
  }

  async function readSettings(programmeId: string | null): Promise<AttentionSettings> {
    const settings = programmeId === null ? null : await store.settings(programmeId);
    if (settings === null) throw new UserError("error.access.noProgramme");
    return settings;
  }

  /** Organisers and mentors read; only organisers write (mentors are read-only). */
  function checkRole(caller: AttentionStaffCaller, write: boolean) {
    if (caller.roles.has("organiser")) return;
    if (!write && caller.roles.has("mentor")) return;
    throw new UserError(write ? "attention.error.organiserOnly" : "error.access.organiser");
  }

  async function actorOf(programme: Programme, caller: AttentionCaller) {
    const actor = await store.member(programme.id, caller.userId);
    if (actor === null) throw new UserError("attention.error.organiserOnly");
    return actor;
  }

  async function internOrRefuse(programme: Programme, userId: string) {
    const member = await store.member(programme.id, userId);
    if (member === null || !member.roles.includes("intern"))
      throw new UserError("attention.error.notIntern", { user: `<@${userId}>` });
    return member;
  }

  /** The whole list of a programme, as of now. */
  async function overview(
    programme: Programme,
    reason: AttentionReason | null,
    page: number,
    pageSize: number,
  ): Promise<AttentionOverview> {
    const now = ports.now();
    const snapshot = await store.snapshot(programme.id, now);
    const counts = zeroCounts();
    const entries: AttentionEntry[] = [];
    for (const intern of snapshot.interns) {
      const lines = attentionLines({ ...snapshot.programme, now }, intern);
      if (lines.length === 0) continue;
      for (const r of new Set(lines.map((l) => l.evidence.reason))) counts[r] += 1;
      const shown = reason === null ? lines : lines.filter((l) => l.evidence.reason === reason);
      if (shown.length === 0) continue;
      entries.push({
        memberId: intern.memberId,
        discordUserId: intern.discordUserId,
        displayName: intern.displayName,
        lines: shown,
      });
    }
    // The most reasons first, then by name: a stable order for paging.
    entries.sort(
      (a, b) => b.lines.length - a.lines.length || a.displayName.localeCompare(b.displayName, "ja"),
    );
    const pages = Math.max(1, Math.ceil(entries.length / pageSize));
    const shownPage = Math.min(Math.max(1, page), pages);
    return {
      programmeId: programme.id,
      programmeName: programme.name,
      counts,
      total: entries.length,
      reason,
      page: shownPage,
      pages,
      entries: entries.slice((shownPage - 1) * pageSize, shownPage * pageSize),
    };
  }

  return {
    /** `/program attention list [reason] [page]`: organisers and mentors. */
    async list(
      caller: AttentionStaffCaller,
      reason: AttentionReason | null,
      page: number,
    ): Promise<AttentionOverview> {
      const programme = await programmeOrRefuse(caller.programmeId);
      checkRole(caller, false);
      return overview(programme, reason, page, ATTENTION_PAGE_SIZE);
    },

    /** The digest of one programme: the whole list (the caller caps what it posts). */
    async digest(programmeId: string, limit: number): Promise<AttentionOverview | null> {
      const programme = await store.programme(programmeId);
      if (programme === null || programme.status !== "open") return null;
      return overview(programme, null, 1, limit);
    },

    /** Where the digest goes and in which languages. */
    async digestTargets(programmeId: string) {
      const programme = await store.programme(programmeId);
      const settings = await store.settings(programmeId);
      if (programme === null || settings === null) return null;
      const to = settings.digestTo;
      return {
        programme,
        settings,
        today: localDateOf(ports.now(), programme.timeZone),
        to,
        channelId: to === "staff" ? await store.channel(programmeId, "channel:staff") : null,
        organisers: to === "dm" ? await store.organisers(programmeId) : [],
      };
    },

    /** `/program attention note user: until: text:`: stays on the list until done. */
    async addNote(
      caller: AttentionStaffCaller,
      input: { userId: string; until: string; text: string },
    ): Promise<{ id: string; until: string }> {
      const programme = await programmeOrRefuse(caller.programmeId);
      checkRole(caller, true);
      const text = input.text.trim();
      if (text === "") throw new UserError("attention.error.emptyNote");
      if (text.length > ATTENTION_NOTE_MAX)
        throw new UserError("attention.error.noteTooLong", { max: ATTENTION_NOTE_MAX });
      const until = parseLocalDate(input.until);
      if (until === null) throw new UserError("attention.error.until", { value: input.until });
      const today = localDateOf(ports.now(), programme.timeZone);
      const { lastDay } = programmeDays(programme);
      if (until < today || until > lastDay)
        throw new UserError("attention.error.untilRange", { value: until, today, end: lastDay });
      const intern = await internOrRefuse(programme, input.userId);
      const actor = await actorOf(programme, caller);
      const note = await store.addNote(
        { guildId: caller.guildId, programmeId: programme.id, actorUserId: caller.userId, at: ports.now() },
        { memberId: intern.id, actorMemberId: actor.id, text, until },
      );
      return { id: note.id, until };
    },

    /** `/program attention done user:`: the intern's open notes are done. */
    async finishNotes(caller: AttentionStaffCaller, userId: string): Promise<{ closed: number }> {
      const programme = await programmeOrRefuse(caller.programmeId);
      checkRole(caller, true);
      const intern = await internOrRefuse(programme, userId);
      const closed = await store.finishNotes(
        { guildId: caller.guildId, programmeId: programme.id, actorUserId: caller.userId, at: ports.now() },
        intern.id,
        null,
      );
      if (closed === 0) throw new UserError("attention.error.noNotes", { user: `<@${userId}>` });
      return { closed };
    },

    /**
     * **Contacted**: records who reached out about which reason ("all" from the digest's button
     * for an intern); the reason hides for 72 h unless a new signal arrives.
     */
    async contacted(
      caller: AttentionStaffCaller,
      input: { programmeId: string; memberId: string; reason: AttentionReason | "all"; note: string },
    ): Promise<{ discordUserId: string }> {
      if (caller.programmeId !== input.programmeId) throw new UserError("error.customId.stale");
      const programme = await programmeOrRefuse(caller.programmeId);
      checkRole(caller, true);
      const note = input.note.trim();
      if (note.length > ATTENTION_NOTE_MAX)
        throw new UserError("attention.error.noteTooLong", { max: ATTENTION_NOTE_MAX });
      const intern = await store.internById(programme.id, input.memberId);
      if (intern === null) throw new UserError("error.customId.stale");
      const actor = await actorOf(programme, caller);
      const audit = {
        guildId: caller.guildId,
        programmeId: programme.id,
        actorUserId: caller.userId,
        at: ports.now(),
      };
      await store.recordContact(audit, {
        memberId: input.memberId,
        reason: input.reason,
        actorMemberId: actor.id,
        note: note === "" ? null : note,
      });
      return { discordUserId: intern.discordUserId };
    },

    /** An intern answered "I'll stay" to `/withdraw`: a signal for `withdrawal_risk`. */
    async withdrawKept(caller: AttentionCaller): Promise<void> {
      const programme = caller.programmeId === null ? null : await store.programme(caller.programmeId);
      if (programme === null) return;
      const member = await store.member(programme.id, caller.userId);
      if (member === null || !member.roles.includes("intern")) return;
      await store.recordWithdrawKept(
        { guildId: caller.guildId, programmeId: programme.id, actorUserId: caller.userId, at: ports.now() },
        member.id,
      );
    },

    /** The programme's attention settings (shown by `/program settings`). */
    settings: readSettings,

    /**
     * Changes the attention settings of an open programme (validated by the caller's parser);
     * returns before and after. Asking for the values already set writes nothing.
     */
    async changeSettings(
      caller: AttentionCaller,
      wanted: Partial<AttentionSettings>,
    ): Promise<{
      before: AttentionSettings;
      after: AttentionSettings;
      changed: (keyof AttentionSettings)[];
    }> {
      const programme = await programmeOrRefuse(caller.programmeId);
      if (programme.status === "closed" || programme.status === "archived")
        throw new UserError("program.settings.error.closed");
      const before = await readSettings(programme.id);
      const after = { ...before, ...wanted };
      const changed = (Object.keys(wanted) as (keyof AttentionSettings)[]).filter(
        (key) => before[key] !== after[key],
      );
      if (changed.length > 0) {
        await store.saveSettings(
          { guildId: caller.guildId, programmeId: programme.id, actorUserId: caller.userId, at: ports.now() },
          Object.fromEntries(changed.map((key) => [key, after[key]])),
          before,
        );
      }
      return { before, after, changed };
    },

    /** (Re)creates the programme's daily digest at its digest time; removes it unless open. */
    async scheduleDigest(programmeId: string): Promise<void> {
      const programme = await store.programme(programmeId);
      const settings = await store.settings(programmeId);
      if (programme === null || settings === null || programme.status !== "open") {
        await ports.digests().remove(programmeId);
        return;
      }
      await ports.digests().schedule(programmeId, settings.digestTime, programme.timeZone);
    },

    /** Counts interactions and messages (never their content) towards each member's day. */
    recordActivity(events: readonly ActivityEvent[]): Promise<number> {
      return events.length === 0 ? Promise.resolve(0) : store.recordActivity(events);
    },
  };
}

export type AttentionUseCases = ReturnType<typeof attentionUseCases>;
