/** What the presentation flows need from the outside world. */
import type {
  Locale,
  PresentationFormat,
  PresentationOrderMethod,
  PresentationSlotStatus,
  PresentationStatus,
} from "../../domain/enums.ts";
import type { Presenter } from "../../domain/presentation/ordering.ts";
import type { SessionTiming } from "../../domain/presentation/running-order.ts";
import type { Programme } from "../../domain/programme/types.ts";

/** An intern who can present, with where their notices go. */
export interface PresenterRecord extends Presenter {
  discordUserId: string;
  projectChannelId: string | null;
  locale: Locale | null;
  fewerNotifications: boolean;
}

export interface SlotRecord {
  id: string;
  memberId: string;
  allocationId: string | null;
  discordUserId: string;
  projectChannelId: string | null;
  /** Position in the sequence; negative once removed with its gap closed. */
  order: number;
  startsAt: Date;
  minutes: number;
  format: PresentationFormat;
  status: PresentationSlotStatus;
  startedAt: Date | null;
  endedAt: Date | null;
  fewerNotifications: boolean;
  /** The intern's chosen language, for the notices in their own thread. */
  locale: Locale | null;
}

export interface SessionRecord {
  id: string;
  programmeId: string;
  title: string;
  status: PresentationStatus;
  channelId: string | null;
  scheduledEventId: string | null;
  agendaChannelId: string | null;
  agendaMessageId: string | null;
  liveChannelId: string | null;
  liveMessageId: string | null;
  timing: SessionTiming;
  orderMethod: PresentationOrderMethod;
  seed: string | null;
  includeAll: boolean;
  currentOrder: number | null;
  delayMinutes: number;
  startedAt: Date | null;
  endedAt: Date | null;
  /** By order; removed slots with a closed gap last. */
  slots: SlotRecord[];
}

/** A slot as a write leaves it. */
export interface SlotWrite {
  memberId: string;
  allocationId: string | null;
  order: number;
  startsAt: Date;
  minutes: number;
  format: PresentationFormat;
  status: PresentationSlotStatus;
}

export interface Actor {
  guildId: string;
  programmeId: string;
  actorUserId: string;
  at: Date;
}

/** The store behind the presentation flows (src/db/stores/presentation.ts). */
export interface PresentationStore {
  programme(programmeId: string): Promise<{ programme: Programme; presentationAt: Date | null } | null>;
  /** The Discord id of a programme resource, e.g. `channel:presentations`; null when not created. */
  resource(programmeId: string, key: string): Promise<string | null>;
  /** Interns with a live allocation (with `includeAll` false: only those with a version). */
  presenters(programmeId: string, includeAll: boolean): Promise<PresenterRecord[]>;
  /** The draft, scheduled or live session of the programme, if any. */
  openSession(programmeId: string): Promise<SessionRecord | null>;
  session(sessionId: string): Promise<SessionRecord | null>;
  /** The programme's most recent session that is not a draft (any status), if any. */
  latestSession(programmeId: string): Promise<SessionRecord | null>;
  /** Replaces the programme's draft (if any) with this one, audited. */
  saveDraft(
    actor: Actor,
    draft: Omit<
      SessionRecord,
      | "id"
      | "status"
      | "slots"
      | "scheduledEventId"
      | "agendaChannelId"
      | "agendaMessageId"
      | "liveChannelId"
      | "liveMessageId"
      | "currentOrder"
      | "delayMinutes"
      | "startedAt"
      | "endedAt"
    >,
    slots: SlotWrite[],
  ): Promise<SessionRecord>;
  /**
   * `draft → scheduled` with these slots, audited; false when the session was no longer a draft
   * (a second Confirm).
   */
  confirm(actor: Actor, sessionId: string, slots: SlotWrite[]): Promise<boolean>;
  /** Rewrites every slot's order, time, length, format and status in one transaction, audited. */
  reorder(actor: Actor, sessionId: string, action: string, slots: SlotWrite[], data: unknown): Promise<void>;
  setDiscordIds(
    sessionId: string,
    ids: Partial<
      Pick<
        SessionRecord,
        "scheduledEventId" | "agendaChannelId" | "agendaMessageId" | "liveChannelId" | "liveMessageId"
      >
    >,
  ): Promise<void>;
  /**
   * One live step in one transaction, guarded by `expectedOrder` (the current position must still
   * be it, so two clicks apply once): the session's status, position and delay, the changed slots,
   * and `submitted → presented` for a presented slot's intern. False when the guard failed.
   */
  applyLive(
    actor: Actor,
    step: {
      sessionId: string;
      action: string;
      expectedStatus: PresentationStatus;
      expectedOrder: number | null;
      status: PresentationStatus;
      currentOrder: number | null;
      delayMinutes: number;
      startedAt?: Date;
      endedAt?: Date;
      slots: { id: string; status: PresentationSlotStatus; startedAt: Date | null; endedAt: Date | null }[];
      presentedMemberId: string | null;
    },
  ): Promise<boolean>;
}

/** The Discord side of a session (src/discord/presentation/). */
export interface PresentationDiscord {
  /** Checks the channel is a stage (entity 1) or voice (2) channel the bot may manage events in. */
  channelKind(channelId: string): Promise<"stage" | "voice" | "other" | "forbidden">;
  createEvent(input: {
    channelId: string;
    kind: "stage" | "voice";
    name: string;
    startsAt: Date;
    endsAt: Date;
  }): Promise<string>;
  /** Moves the event's times; `gone` when it was deleted in Discord (10070). */
  moveEvent(eventId: string, startsAt: Date, endsAt: Date): Promise<"moved" | "gone">;
  setEventStatus(eventId: string, status: "active" | "completed" | "cancelled"): Promise<void>;
  /** On a stage channel: opens (topic given) or closes (null) its stage instance; never throws. */
  setStage(session: SessionRecord, topic: string | null): Promise<void>;
  /** Posts the agenda (or edits it in place when `messageId` is given); returns where it is. */
  publishAgenda(
    session: SessionRecord,
    at: { channelId: string | null; messageId: string | null },
  ): Promise<{ channelId: string; messageId: string } | null>;
  /** Tells an intern their slot (new or changed) in their project thread; never throws. */
  notifySlot(
    session: SessionRecord,
    slot: SlotRecord,
    change: "scheduled" | "changed" | "removed",
  ): Promise<boolean>;
  /** Posts or edits the live message in the session's channel chat. */
  publishLive(session: SessionRecord, now: Date): Promise<{ channelId: string; messageId: string } | null>;
  /** A kind note to an intern who missed their slot; never throws. */
  notifyNoShow(session: SessionRecord, slot: SlotRecord): Promise<boolean>;
}

/** Delayed reminder jobs (src/jobs/presentation-reminders.ts). */
export interface PresentationReminderJobs {
  /** Adds a delayed job under `jobId`; adding an id that exists does nothing. */
  add(
    jobId: string,
    payload: { sessionId: string; slotId: string; offsetMin: number; startsAtEpochS: number },
    delayMs: number,
  ): Promise<void>;
  /** Removes a job if it is still waiting; no error if it is gone. */
  remove(jobId: string): Promise<void>;
}
