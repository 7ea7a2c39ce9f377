/** The ports of the attention list, the follow-up notes, **Contacted** and the activity counts. */
import type { AttentionProgramme, InternFacts } from "../../domain/attention/rules.ts";
import type { Locale } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import type { AuditRecord } from "../ports.ts";
import type { AttentionOverview } from "./use-cases.ts";

/** Who acted, where and when (the audit entry's header). */
export type AuditActor = Pick<AuditRecord, "guildId" | "programmeId" | "actorUserId" | "at">;

/** Where the daily digest goes: each organiser by DM, or `channel:staff`. */
export type DigestTarget = "dm" | "staff";

/** The attention list's settings (`/program settings silent-days digest-time digest-to`). */
export interface AttentionSettings {
  silentDays: number;
  /** `HH:mm` in the programme's zone. */
  digestTime: string;
  digestTo: DigestTarget;
}

/** One intern as the list names them, with the facts the rules read. */
export interface InternRecord extends InternFacts {
  discordUserId: string;
  displayName: string;
}

/** Everything the rules need about a programme's interns, read in a few set-wise queries. */
export interface AttentionSnapshot {
  programme: Omit<AttentionProgramme, "now">;
  interns: InternRecord[];
}

/** One counted event: who did something, where and when (never what they said). */
export interface ActivityEvent {
  guildId: string;
  userId: string;
  kind: "interaction" | "message";
  at: Date;
}

/** The store behind the attention list (src/db/stores/attention.ts). */
export interface AttentionStore {
  programme(programmeId: string): Promise<Programme | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  /** The programme's attention settings, or null when there is no such programme. */
  settings(programmeId: string): Promise<AttentionSettings | null>;
  /** Saves changed settings with an audit entry of old and new values, in one transaction. */
  saveSettings(
    actor: AuditActor,
    changes: Partial<AttentionSettings>,
    before: AttentionSettings,
  ): Promise<void>;
  /** An intern of the programme by member id (a button's payload), or null. */
  internById(programmeId: string, memberId: string): Promise<{ discordUserId: string } | null>;
  /** The facts of every intern who has not withdrawn, as of `now`. */
  snapshot(programmeId: string, now: Date): Promise<AttentionSnapshot>;
  /** Adds a follow-up note, audited in the same transaction. */
  addNote(
    actor: AuditActor,
    note: { memberId: string; actorMemberId: string; text: string; until: string },
  ): Promise<{ id: string }>;
  /** Marks the member's open notes done (one, or all with null); how many it closed. */
  finishNotes(actor: AuditActor, memberId: string, noteId: string | null): Promise<number>;
  /** Records a contact, audited in the same transaction. */
  recordContact(
    actor: AuditActor,
    contact: { memberId: string; reason: string; actorMemberId: string; note: string | null },
  ): Promise<void>;
  /** Records that the intern answered "I'll stay" to `/withdraw`. */
  recordWithdrawKept(actor: AuditActor, memberId: string): Promise<void>;
  /** Adds the counts to each member's row of their programme's local day (one upsert per member and day). */
  recordActivity(events: readonly ActivityEvent[]): Promise<number>;
  /** The organisers' Discord ids and languages (digest by DM). */
  organisers(programmeId: string): Promise<Array<{ discordUserId: string; locale: Locale | null }>>;
  /** The Discord id of a programme channel recorded under `key`, or null. */
  channel(programmeId: string, key: string): Promise<string | null>;
}

/** Who is asking, in the server's current programme. */
export interface AttentionCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
}

/** Where one digest message goes: the staff channel, or one organiser's DM. */
export type DigestDestination = { channelId: string } | { userId: string };

/** Posts the digest (src/discord/attention/digest.ts); throws when Discord refused it. */
export interface DigestPoster {
  post(
    destination: DigestDestination,
    digest: { overview: AttentionOverview; locale: Locale; date: string },
  ): Promise<{ messageId: string | null }>;
}

/** The per-programme digest schedule (src/jobs/attention-digest.ts). */
export interface DigestJobs {
  /** Creates or moves the programme's daily digest to `time` (`HH:mm`) in `timeZone`. */
  schedule(programmeId: string, time: string, timeZone: string): Promise<void>;
  remove(programmeId: string): Promise<void>;
}
