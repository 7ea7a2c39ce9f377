/**
 * What agency staff see of their clients: one client (`/agency client`), the journey funnel, and
 * the weekly digest's settings and preview. Consent is checked on every read, through
 * `profileView`: an unknown person, another agency's client and a client who does not share get
 * the same refusal, so nothing leaks.
 */
import {
  type ClientSnapshot,
  type DigestSetting,
  digestCronPattern,
  parseDigestSetting,
  recentWeek,
} from "../../domain/agency/digest.ts";
import { deriveFunnel, type FunnelRow, type JourneyFacts } from "../../domain/agency/funnel.ts";
import type { Agency, AgencyClient } from "../../domain/agency/types.ts";
import type { Locale } from "../../domain/enums.ts";
import { profileView } from "../../domain/profile/visibility.ts";
import { UserError } from "../errors.ts";

/** The store behind the agency views (src/db/stores/agency-views.ts). */
export interface AgencyViewStore {
  agencyIdsOfStaff(guildId: string, discordUserId: string): Promise<Set<string>>;
  agencies(guildId: string, programmeId: string): Promise<Agency[]>;
  clientByUser(
    programmeId: string,
    discordUserId: string,
  ): Promise<{
    memberId: string;
    discordUserId: string;
    agencyId: string | null;
    agencyConsent: boolean;
  } | null>;
  consentingClients(programmeId: string, agencyIds: ReadonlySet<string>): Promise<AgencyClient[]>;
  snapshots(input: {
    memberIds: readonly string[];
    week: { from: string; to: string };
    timeZone: string;
    locale: Locale;
  }): Promise<ClientSnapshot[]>;
  journeyFacts(programmeId: string, memberIds?: readonly string[]): Promise<JourneyFacts[]>;
  digestSetting(agencyId: string): Promise<DigestSetting | null>;
  /** Whether the programme's workspace has `channel:agency` (where digest threads go). */
  hasAgencyChannel(programmeId: string): Promise<boolean>;
  /** Saves the setting with its audit entry (the old values), in one transaction. */
  saveDigestSetting(input: {
    guildId: string;
    programmeId: string;
    actorUserId: string;
    setting: Omit<DigestSetting, "threadId">;
    at: Date;
  }): Promise<void>;
}

/** The digest's job scheduler (src/jobs/agency-digest.ts). */
export interface DigestScheduler {
  /** Creates or replaces `agency-digest:<agencyId>` on the cron `pattern` in `tz`. */
  schedule(agencyId: string, pattern: string, tz: string): Promise<void>;
}

/** Who asks, in which programme. */
export interface ViewCaller {
  guildId: string;
  userId: string;
  programme: { id: string; timeZone: string };
  locale: Locale;
}

/** One agency's digest content, as a preview shows it and the job sends it. */
export interface DigestContent {
  agency: Agency;
  week: { from: string; to: string };
  clients: ClientSnapshot[];
}

/**
 * The consenting clients' snapshots of one agency, read now (consent is checked at read time).
 * Shared by the preview and the scheduled job.
 */
export async function digestContent(
  store: Pick<AgencyViewStore, "consentingClients" | "snapshots">,
  input: { agency: Agency; programmeId: string; timeZone: string; locale: Locale; at: Date },
): Promise<DigestContent> {
  const week = recentWeek(input.at, input.timeZone);
  const clients = await store.consentingClients(input.programmeId, new Set([input.agency.id]));
  const snapshots = await store.snapshots({
    memberIds: clients.map((c) => c.memberId),
    week,
    timeZone: input.timeZone,
    locale: input.locale,
  });
  return { agency: input.agency, week: { from: week.from, to: week.to }, clients: snapshots };
}

export function agencyViewUseCases(ports: {
  store: AgencyViewStore;
  scheduler: () => DigestScheduler;
  now: () => Date;
}) {
  const { store } = ports;

  /** The caller's agencies in this programme; `agencyId` picks one when they work for several. */
  async function ownAgency(caller: ViewCaller, agencyId: string | undefined): Promise<Agency> {
    const ids = await store.agencyIdsOfStaff(caller.guildId, caller.userId);
    const own = (await store.agencies(caller.guildId, caller.programme.id)).filter((a) => ids.has(a.id));
    if (agencyId !== undefined) {
      const picked = own.find((a) => a.id === agencyId);
      if (!picked) throw new UserError("agency.error.notYourAgency");
      return picked;
    }
    const [only, ...more] = own;
    if (!only) throw new UserError("agency.error.noAgency");
    if (more.length > 0) throw new UserError("agency.error.pickAgency");
    return only;
  }

  return {
    /** `/agency client user:`: one consenting client of the caller's agencies, or the same refusal. */
    async client(caller: ViewCaller, targetUserId: string): Promise<ClientSnapshot> {
      const agencyIds = await store.agencyIdsOfStaff(caller.guildId, caller.userId);
      const subject = await store.clientByUser(caller.programme.id, targetUserId);
      const view =
        subject === null
          ? "none"
          : profileView(
              { userId: caller.userId, roles: new Set(["agency_staff"]), agencyIds },
              {
                discordUserId: subject.discordUserId,
                agencyId: subject.agencyId,
                agencyConsent: subject.agencyConsent,
              },
            );
      if (subject === null || view !== "agency") throw new UserError("agency.client.notYours");
      const [snapshot] = await store.snapshots({
        memberIds: [subject.memberId],
        week: recentWeek(ports.now(), caller.programme.timeZone),
        timeZone: caller.programme.timeZone,
        locale: caller.locale,
      });
      if (!snapshot) throw new UserError("agency.client.notYours");
      return snapshot;
    },

    /** `/agency funnel`: the funnel over the caller's consenting clients only. */
    async agencyFunnel(caller: ViewCaller): Promise<FunnelRow[]> {
      const ids = await store.agencyIdsOfStaff(caller.guildId, caller.userId);
      const clients = await store.consentingClients(caller.programme.id, ids);
      if (clients.length === 0) return deriveFunnel([]);
      return deriveFunnel(
        await store.journeyFacts(
          caller.programme.id,
          clients.map((c) => c.memberId),
        ),
      );
    },

    /** `/program funnel` (organisers): every intern of the programme. */
    async programmeFunnel(caller: ViewCaller): Promise<FunnelRow[]> {
      return deriveFunnel(await store.journeyFacts(caller.programme.id));
    },

    /** `/agency digest settings`: validated, saved with its audit entry, then scheduled. */
    async digestSettings(
      caller: ViewCaller,
      input: { agencyId?: string; delivery: string; weekday: string; time: string },
    ): Promise<{ agency: Agency; setting: Omit<DigestSetting, "agencyId" | "threadId"> }> {
      const parsed = parseDigestSetting(input);
      if (!parsed.ok) throw new UserError(`agency.digest.error.${parsed.field}`);
      const agency = await ownAgency(caller, input.agencyId);
      if (parsed.value.delivery === "thread" && !(await store.hasAgencyChannel(caller.programme.id))) {
        throw new UserError("agency.digest.error.noChannel");
      }
      await store.saveDigestSetting({
        guildId: caller.guildId,
        programmeId: caller.programme.id,
        actorUserId: caller.userId,
        setting: { agencyId: agency.id, ...parsed.value },
        at: ports.now(),
      });
      // Saved first: were Redis down, the reconciler schedules it from the database.
      await ports.scheduler().schedule(agency.id, digestCronPattern(parsed.value), caller.programme.timeZone);
      return { agency, setting: parsed.value };
    },

    /** `/agency digest preview`: what the next digest would hold, read now. */
    async digestPreview(caller: ViewCaller, agencyId?: string): Promise<DigestContent> {
      const agency = await ownAgency(caller, agencyId);
      return digestContent(store, {
        agency,
        programmeId: caller.programme.id,
        timeZone: caller.programme.timeZone,
        locale: caller.locale,
        at: ports.now(),
      });
    },
  };
}

export type AgencyViewUseCases = ReturnType<typeof agencyViewUseCases>;
