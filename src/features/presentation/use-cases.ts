/**
 * `/presentation …`: the running order (preview, confirm, move, swap, remove, slot set) and the
 * day itself (start, Next ▶, No-show, +2 min, Break, End, cancel). Every change recomputes the
 * whole running order from the domain and writes it in one transaction; Discord follows after the
 * write (event times, the agenda edited in place, the interns whose slot changed).
 */
import type { MemberRoleKind, PresentationFormat, PresentationOrderMethod } from "../../domain/enums.ts";
import { toCsv } from "../../domain/export/csv.ts";
import {
  addDelay,
  advance,
  endStatus,
  type LiveState,
  type LiveStep,
  startSession,
} from "../../domain/presentation/live.ts";
import { slotNoticeJobId, slotNoticeState } from "../../domain/presentation/notices.ts";
import {
  moveTo,
  OrderChangeRefused,
  orderPresenters,
  removeFrom,
  sequenceOf,
  swap,
} from "../../domain/presentation/ordering.ts";
import {
  PRESENTATION_REMINDER_OFFSETS_MIN,
  planSlotReminders,
  presentationReminderJobId,
} from "../../domain/presentation/reminders.ts";
import {
  computeRunningOrder,
  planHash,
  type RunningOrder,
  type SequenceItem,
  type SessionTiming,
  TimingRefused,
} from "../../domain/presentation/running-order.ts";
import { localDay, parseLocalDateTime } from "../../domain/programme/dates.ts";
import { UserError } from "../errors.ts";
import type {
  Actor,
  PresentationDiscord,
  PresentationNoticeJobs,
  PresentationReminderJobs,
  PresentationStore,
  PresenterRecord,
  SessionRecord,
  SlotRecord,
  SlotWrite,
} from "./ports.ts";

export interface PresentationPorts {
  store: PresentationStore;
  /** Called when a use-case moves reminders, so reading needs no Redis. */
  reminders: () => PresentationReminderJobs;
  /** Slot notices go out as jobs: a crash half-way through a confirm loses none. */
  notices: () => PresentationNoticeJobs;
  now: () => Date;
}

export interface PresentationCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
  roles: ReadonlySet<MemberRoleKind>;
}

export interface ScheduleOptions {
  /** "YYYY-MM-DD" in the programme's zone; null: the `presentation` milestone's day. */
  date: string | null;
  /** "HH:mm"; null: the milestone's time. */
  start: string | null;
  slotMinutes: number;
  qaMinutes: number;
  bufferMinutes: number;
  breakEvery: number;
  breakMinutes: number;
  order: PresentationOrderMethod;
  seed: string | null;
  includeAll: boolean;
  /** Null: the programme's `channel:presentations`. */
  channelId: string | null;
  title: string | null;
}

/** What the preview shows, and what Confirm must find again. */
export interface SchedulePreview {
  sessionId: string;
  hash: string;
  title: string;
  plan: RunningOrder;
  /** By position: the presenter's Discord id, or null for a kept gap. */
  users: (string | null)[];
  endBy: Date;
  timeZone: string;
}

export interface ChangeOutcome {
  session: SessionRecord;
  plan: RunningOrder;
  /** Interns told about a new time. */
  notified: number;
  eventMoved: "moved" | "recreated" | "none";
}

export type LiveOutcome =
  | { kind: "changed"; session: SessionRecord }
  /** Someone else's click got there first; the message is re-rendered from the database. */
  | { kind: "stale"; session: SessionRecord };

const DEFAULT_TITLE = "成果発表会 / Results presentation";
const ADD_MINUTES = 2;
const PRESENTATIONS_CHANNEL = "channel:presentations";
const ANNOUNCEMENTS_CHANNEL = "channel:announcements";

const timingOf = (session: SessionRecord): SessionTiming => session.timing;

/** The sequence stored in a session's slots: kept gaps (removed, positive order) included. */
function storedSequence(session: SessionRecord): { items: SequenceItem[]; byKey: Map<string, SlotRecord> } {
  const inOrder = session.slots.filter((s) => s.order > 0).sort((a, b) => a.order - b.order);
  return {
    items: inOrder.map((s) => ({
      key: s.memberId,
      minutes: s.minutes,
      format: s.format,
      gap: s.status === "removed",
    })),
    byKey: new Map(session.slots.map((s) => [s.memberId, s])),
  };
}

/** Slot writes for a plan; slots not in it (a closed gap) become removed with a negative order. */
function writesFor(plan: RunningOrder, session: SessionRecord, removedKey: string | null): SlotWrite[] {
  const byKey = new Map(session.slots.map((s) => [s.memberId, s]));
  const writes: SlotWrite[] = plan.slots.map((p) => {
    const slot = byKey.get(p.key);
    return {
      memberId: p.key,
      allocationId: slot?.allocationId ?? null,
      order: p.position,
      startsAt: p.startsAt,
      minutes: p.minutes,
      format: p.format,
      status: p.gap ? "removed" : (slot?.status ?? "planned"),
    };
  });
  const inPlan = new Set(plan.slots.map((p) => p.key));
  let out = 0;
  for (const slot of session.slots) {
    if (inPlan.has(slot.memberId)) continue;
    out += 1;
    writes.push({
      memberId: slot.memberId,
      allocationId: slot.allocationId,
      order: -out,
      startsAt: slot.startsAt,
      minutes: slot.minutes,
      format: slot.format,
      status: slot.memberId === removedKey || slot.status === "removed" ? "removed" : slot.status,
    });
  }
  return writes;
}

function orderRefusal(error: unknown): never {
  if (error instanceof OrderChangeRefused) throw new UserError(`presentation.error.${error.problem}`);
  if (error instanceof TimingRefused) throw new UserError(`presentation.error.${error.problem}`);
  throw error;
}

/** The live state machine's view of a session: its status, position, delay and presented slots. */
export function liveState(session: SessionRecord): LiveState {
  return {
    status: session.status,
    currentOrder: session.currentOrder,
    delayMinutes: session.delayMinutes,
    slots: session.slots
      .filter((s) => s.order > 0)
      .map((s) => ({
        key: s.id,
        position: s.order,
        status: s.status,
        plannedStartsAt: s.startsAt,
        startedAt: s.startedAt,
      })),
  };
}

export function presentationUseCases(ports: PresentationPorts) {
  const { store } = ports;

  /**
   * Replaces the reminder jobs of slots whose start changed (or that were removed) with those of
   * their new start; `before` null: a fresh schedule (nothing to remove).
   */
  async function moveReminders(before: SessionRecord | null, after: SessionRecord) {
    const jobs = ports.reminders();
    const now = ports.now();
    const old = new Map((before?.slots ?? []).map((s) => [s.id, s]));
    const live = after.status === "scheduled";
    for (const slot of after.slots) {
      const previous = old.get(slot.id);
      const waiting = live && slot.order > 0 && (slot.status === "planned" || slot.status === "confirmed");
      const same =
        previous !== undefined &&
        previous.startsAt.getTime() === slot.startsAt.getTime() &&
        previous.status === slot.status;
      if (same && waiting) continue;
      if (previous !== undefined) {
        for (const offsetMin of PRESENTATION_REMINDER_OFFSETS_MIN) {
          await jobs.remove(presentationReminderJobId(slot.id, offsetMin, previous.startsAt));
        }
      }
      if (!waiting) continue;
      for (const r of planSlotReminders({
        startsAt: slot.startsAt,
        fewerNotifications: slot.fewerNotifications,
        now,
      })) {
        await jobs.add(
          presentationReminderJobId(slot.id, r.offsetMin, slot.startsAt),
          {
            sessionId: after.id,
            slotId: slot.id,
            offsetMin: r.offsetMin,
            startsAtEpochS: Math.floor(slot.startsAt.getTime() / 1000),
          },
          r.dueAt.getTime() - now.getTime(),
        );
      }
    }
  }

  /** Queues the notice of the slot's current state; false when the intern has no thread to read it in. */
  async function queueNotice(session: SessionRecord, slot: SlotRecord): Promise<boolean> {
    if (slot.projectChannelId === null) return false;
    await ports
      .notices()
      .add(slotNoticeJobId(slot.id, slotNoticeState(slot)), { sessionId: session.id, slotId: slot.id });
    return true;
  }

  function organiser(caller: PresentationCaller): string {
    if (caller.programmeId === null) throw new UserError("error.access.noProgramme");
    if (!caller.roles.has("organiser")) throw new UserError("presentation.error.organiserOnly");
    return caller.programmeId;
  }

  /** The slots a plan writes (for the draft and for Confirm), each with its presenter's allocation. */
  function plannedSlots(plan: RunningOrder, byId: ReadonlyMap<string, PresenterRecord>): SlotWrite[] {
    return plan.slots.map((p) => ({
      memberId: p.key,
      allocationId: byId.get(p.key)?.allocationId ?? null,
      order: p.position,
      startsAt: p.startsAt,
      minutes: p.minutes,
      format: p.format,
      status: "planned",
    }));
  }

  function actorOf(caller: PresentationCaller, programmeId: string): Actor {
    return { guildId: caller.guildId, programmeId, actorUserId: caller.userId, at: ports.now() };
  }

  async function programmeOf(programmeId: string) {
    const found = await store.programme(programmeId);
    if (found === null) throw new UserError("error.access.noProgramme");
    return found;
  }

  /** The programme's scheduled or live session; drafts do not count. */
  async function scheduledSession(programmeId: string): Promise<SessionRecord> {
    const session = await store.openSession(programmeId);
    if (session === null || session.status === "draft") throw new UserError("presentation.error.noSession");
    return session;
  }

  async function planFor(programmeId: string, options: ScheduleOptions) {
    const { programme, presentationAt } = await programmeOf(programmeId);
    const zone = programme.timeZone;
    const milestone = presentationAt ?? null;
    const date = options.date ?? (milestone === null ? null : localDay(milestone, zone));
    const time =
      options.start ??
      (milestone === null
        ? null
        : new Intl.DateTimeFormat("en-GB", {
            timeZone: zone,
            hour: "2-digit",
            minute: "2-digit",
            hourCycle: "h23",
          }).format(milestone));
    if (date === null || time === null) throw new UserError("presentation.error.needStart");
    const startsAt = parseLocalDateTime(`${date} ${time}`, zone);
    if (startsAt === null) throw new UserError("presentation.error.badStart", { value: `${date} ${time}` });
    if (startsAt.getTime() <= ports.now().getTime()) throw new UserError("presentation.error.startPast");
    if (startsAt.getTime() > programme.endsAt.getTime()) throw new UserError("presentation.error.startAfter");
    if (options.slotMinutes <= options.qaMinutes)
      throw new UserError("presentation.error.slot_shorter_than_qa");
    const presenters = await store.presenters(programmeId, options.includeAll);
    const ordered = orderPresenters(presenters, options.order, { seed: options.seed });
    const timing: SessionTiming = {
      startsAt,
      slotMinutes: options.slotMinutes,
      qaMinutes: options.qaMinutes,
      bufferMinutes: options.bufferMinutes,
      breakEvery: options.breakEvery,
      breakMinutes: options.breakMinutes,
    };
    let plan: RunningOrder;
    try {
      plan = computeRunningOrder(timing, sequenceOf(ordered), programme.endsAt);
    } catch (error) {
      orderRefusal(error);
    }
    return { programme, presenters: ordered, timing, plan };
  }

  /** Recomputes a changed sequence, writes it, and lets Discord follow. */
  async function applyChange(
    caller: PresentationCaller,
    session: SessionRecord,
    sequence: SequenceItem[],
    action: string,
    data: Record<string, unknown>,
    discord: PresentationDiscord,
    removedKey: string | null = null,
  ): Promise<ChangeOutcome> {
    const programmeId = session.programmeId;
    if (session.status !== "scheduled") throw new UserError("presentation.error.notScheduled");
    const { programme } = await programmeOf(programmeId);
    let plan: RunningOrder;
    try {
      plan = computeRunningOrder(timingOf(session), sequence, programme.endsAt);
    } catch (error) {
      orderRefusal(error);
    }
    const writes = writesFor(plan, session, removedKey);
    await store.reorder(actorOf(caller, programmeId), session.id, action, writes, {
      ...data,
      endsAt: plan.endsAt.toISOString(),
    });
    const after = (await store.session(session.id)) as SessionRecord;
    await moveReminders(session, after);
    const eventMoved = await followEvent(after, plan, discord);
    await followAgenda(after, discord);
    let notified = 0;
    const before = new Map(session.slots.map((s) => [s.memberId, s]));
    for (const slot of after.slots) {
      const old = before.get(slot.memberId);
      if (old === undefined) continue;
      const removedNow = slot.status === "removed" && old.status !== "removed";
      const moved =
        slot.status !== "removed" &&
        (old.startsAt.getTime() !== slot.startsAt.getTime() ||
          old.minutes !== slot.minutes ||
          old.format !== slot.format);
      if (!removedNow && !moved) continue;
      if (await queueNotice(after, slot)) notified += 1;
    }
    return { session: (await store.session(session.id)) as SessionRecord, plan, notified, eventMoved };
  }

  async function followEvent(session: SessionRecord, plan: RunningOrder, discord: PresentationDiscord) {
    if (session.scheduledEventId === null || session.channelId === null) return "none" as const;
    const moved = await discord.moveEvent(session.scheduledEventId, plan.startsAt, plan.endsAt);
    if (moved === "moved") return "moved" as const;
    // Deleted in Discord (10070): a new event at the next change.
    const kind = await discord.channelKind(session.channelId);
    const eventId = await discord.createEvent({
      channelId: session.channelId,
      kind: kind === "voice" ? "voice" : "stage",
      name: session.title,
      startsAt: plan.startsAt,
      endsAt: plan.endsAt,
    });
    await store.setDiscordIds(session.id, { scheduledEventId: eventId });
    return "recreated" as const;
  }

  async function followAgenda(session: SessionRecord, discord: PresentationDiscord) {
    const where = await discord.publishAgenda(session, {
      channelId:
        session.agendaChannelId ?? (await store.resource(session.programmeId, ANNOUNCEMENTS_CHANNEL)),
      messageId: session.agendaMessageId,
    });
    if (where !== null && where.messageId !== session.agendaMessageId) {
      await store.setDiscordIds(session.id, {
        agendaChannelId: where.channelId,
        agendaMessageId: where.messageId,
      });
    }
  }

  async function applyStep(
    caller: PresentationCaller,
    session: SessionRecord,
    step: LiveStep,
    action: string,
    expectedOrder: number | null,
    discord: PresentationDiscord,
    extra: { startedAt?: Date; endedAt?: Date } = {},
  ): Promise<LiveOutcome> {
    if (step.kind === "refused") throw new UserError(`presentation.error.${step.reason}`);
    if (step.kind === "stale") return { kind: "stale", session };
    const now = ports.now();
    const changedSlots = step.state.slots.filter((s) => {
      const old = session.slots.find((o) => o.id === s.key);
      return old !== undefined && old.status !== s.status;
    });
    const finished = step.finished === null ? null : session.slots.find((s) => s.id === step.finished);
    const finishedStatus = changedSlots.find((s) => s.key === step.finished)?.status;
    const applied = await store.applyLive(actorOf(caller, session.programmeId), {
      sessionId: session.id,
      action,
      expectedStatus: session.status,
      expectedOrder,
      status: step.state.status,
      currentOrder: step.state.currentOrder,
      delayMinutes: step.state.delayMinutes,
      ...extra,
      slots: changedSlots.map((s) => ({
        id: s.key,
        status: s.status,
        startedAt: s.startedAt,
        endedAt: s.key === step.finished ? now : null,
      })),
      presentedMemberId: finished && finishedStatus === "presented" ? finished.memberId : null,
    });
    const after = (await store.session(session.id)) as SessionRecord;
    if (!applied) return { kind: "stale", session: after };
    if (finished && finishedStatus === "no_show") await discord.notifyNoShow(after, finished);
    return { kind: "changed", session: after };
  }

  async function publishLive(session: SessionRecord, discord: PresentationDiscord) {
    const where = await discord.publishLive(session, ports.now());
    if (where !== null && where.messageId !== session.liveMessageId) {
      await store.setDiscordIds(session.id, {
        liveChannelId: where.channelId,
        liveMessageId: where.messageId,
      });
    }
  }

  return {
    /** Computes a running order and keeps it as the programme's draft; nothing is posted yet. */
    async preview(
      caller: PresentationCaller,
      options: ScheduleOptions,
      discord: Pick<PresentationDiscord, "channelKind">,
    ): Promise<SchedulePreview> {
      const programmeId = organiser(caller);
      const open = await store.openSession(programmeId);
      if (open !== null && open.status !== "draft")
        throw new UserError("presentation.error.alreadyScheduled");
      const channelId = options.channelId ?? (await store.resource(programmeId, PRESENTATIONS_CHANNEL));
      if (channelId === null) throw new UserError("presentation.error.noChannel");
      const kind = await discord.channelKind(channelId);
      if (kind === "other") throw new UserError("presentation.error.channelKind");
      if (kind === "forbidden") throw new UserError("presentation.error.channelPermissions");
      const { programme, presenters, timing, plan } = await planFor(programmeId, options);
      const title = options.title ?? DEFAULT_TITLE;
      const byId = new Map(presenters.map((p) => [p.memberId, p]));
      const draft = await store.saveDraft(
        actorOf(caller, programmeId),
        {
          programmeId,
          title,
          channelId,
          timing,
          orderMethod: options.order,
          seed: options.seed,
          includeAll: options.includeAll,
        },
        plannedSlots(plan, byId),
      );
      return {
        sessionId: draft.id,
        hash: planHash(plan),
        title,
        plan,
        users: plan.slots.map((p) => byId.get(p.key)?.discordUserId ?? null),
        endBy: programme.endsAt,
        timeZone: programme.timeZone,
      };
    },

    /**
     * Applies the draft exactly as previewed: the plan is recomputed from today's presenters and
     * settings, and refused when its hash differs from the one the Confirm button carries.
     */
    async confirm(
      caller: PresentationCaller,
      sessionId: string,
      hash: string,
      discord: PresentationDiscord,
    ): Promise<{ session: SessionRecord; plan: RunningOrder; notified: number }> {
      const programmeId = organiser(caller);
      const draft = await store.session(sessionId);
      if (draft === null || draft.programmeId !== programmeId)
        throw new UserError("presentation.error.noSession");
      if (draft.status !== "draft") throw new UserError("presentation.error.alreadyConfirmed");
      const { programme } = await programmeOf(programmeId);
      const presenters = orderPresenters(
        await store.presenters(programmeId, draft.includeAll),
        draft.orderMethod,
        {
          seed: draft.seed,
        },
      );
      let plan: RunningOrder;
      try {
        plan = computeRunningOrder(draft.timing, sequenceOf(presenters), programme.endsAt);
      } catch (error) {
        orderRefusal(error);
      }
      if (planHash(plan) !== hash) throw new UserError("presentation.error.changed");
      if (draft.timing.startsAt.getTime() <= ports.now().getTime())
        throw new UserError("presentation.error.startPast");
      const confirmed = await store.confirm(
        actorOf(caller, programmeId),
        sessionId,
        plannedSlots(plan, new Map(presenters.map((p) => [p.memberId, p]))),
      );
      if (!confirmed) throw new UserError("presentation.error.alreadyConfirmed");
      let session = (await store.session(sessionId)) as SessionRecord;
      await moveReminders(null, session);
      if (session.channelId !== null) {
        const kind = await discord.channelKind(session.channelId);
        const eventId = await discord.createEvent({
          channelId: session.channelId,
          kind: kind === "voice" ? "voice" : "stage",
          name: session.title,
          startsAt: plan.startsAt,
          endsAt: plan.endsAt,
        });
        await store.setDiscordIds(sessionId, { scheduledEventId: eventId });
      }
      session = (await store.session(sessionId)) as SessionRecord;
      await followAgenda(session, discord);
      session = (await store.session(sessionId)) as SessionRecord;
      let notified = 0;
      for (const slot of session.slots) {
        if (await queueNotice(session, slot)) notified += 1;
      }
      return { session, plan, notified };
    },

    async move(caller: PresentationCaller, userId: string, position: number, discord: PresentationDiscord) {
      const session = await scheduledSession(organiser(caller));
      const slot = slotOfUser(session, userId);
      const { items } = storedSequence(session);
      let next: SequenceItem[];
      try {
        next = moveTo(items, slot.memberId, position);
      } catch (error) {
        orderRefusal(error);
      }
      return applyChange(caller, session, next, "presentation.move", { slot: slot.id, position }, discord);
    },

    async swap(caller: PresentationCaller, first: string, second: string, discord: PresentationDiscord) {
      const session = await scheduledSession(organiser(caller));
      const a = slotOfUser(session, first);
      const b = slotOfUser(session, second);
      let next: SequenceItem[];
      try {
        next = swap(storedSequence(session).items, a.memberId, b.memberId);
      } catch (error) {
        orderRefusal(error);
      }
      return applyChange(caller, session, next, "presentation.swap", { first: a.id, second: b.id }, discord);
    },

    async remove(
      caller: PresentationCaller,
      userId: string,
      closeGap: boolean,
      discord: PresentationDiscord,
    ) {
      const session = await scheduledSession(organiser(caller));
      const slot = slotOfUser(session, userId);
      let next: SequenceItem[];
      try {
        next = removeFrom(storedSequence(session).items, slot.memberId, closeGap);
      } catch (error) {
        orderRefusal(error);
      }
      return applyChange(
        caller,
        session,
        next,
        "presentation.remove",
        { slot: slot.id, closeGap },
        discord,
        slot.memberId,
      );
    },

    /** `/presentation slot set`: a slot's own length, format or position. */
    async setSlot(
      caller: PresentationCaller,
      userId: string,
      change: { minutes: number | null; format: PresentationFormat | null; position: number | null },
      discord: PresentationDiscord,
    ) {
      const session = await scheduledSession(organiser(caller));
      const slot = slotOfUser(session, userId);
      if (change.minutes !== null && change.minutes <= session.timing.qaMinutes) {
        throw new UserError("presentation.error.slot_shorter_than_qa");
      }
      let next = storedSequence(session).items.map((item) =>
        item.key === slot.memberId
          ? { ...item, minutes: change.minutes ?? item.minutes, format: change.format ?? item.format }
          : item,
      );
      try {
        if (change.position !== null) next = moveTo(next, slot.memberId, change.position);
      } catch (error) {
        orderRefusal(error);
      }
      return applyChange(
        caller,
        session,
        next,
        "presentation.slot.set",
        { slot: slot.id, ...change },
        discord,
      );
    },

    /** `SCHEDULED → ACTIVE`: the event starts, the first slot is on, the live message is posted. */
    async start(caller: PresentationCaller, discord: PresentationDiscord): Promise<LiveOutcome> {
      const session = await scheduledSession(organiser(caller));
      const now = ports.now();
      const outcome = await applyStep(
        caller,
        session,
        startSession(liveState(session), now),
        "presentation.start",
        session.currentOrder,
        discord,
        { startedAt: now },
      );
      if (outcome.kind === "changed") {
        if (outcome.session.scheduledEventId !== null)
          await discord.setEventStatus(outcome.session.scheduledEventId, "active");
        await discord.setStage(outcome.session, outcome.session.title);
        await publishLive(outcome.session, discord);
      }
      return { ...outcome, session: (await store.session(session.id)) as SessionRecord };
    },

    /** A live button: `expected` is the position the message showed, so a double click applies once. */
    async step(
      caller: PresentationCaller,
      sessionId: string,
      action: "next" | "no_show" | "plus" | "break",
      expected: number,
      discord: PresentationDiscord,
    ): Promise<LiveOutcome> {
      const programmeId = organiser(caller);
      const session = await store.session(sessionId);
      if (session === null || session.programmeId !== programmeId)
        throw new UserError("presentation.error.noSession");
      const state = liveState(session);
      const now = ports.now();
      const step =
        action === "next"
          ? advance(state, expected, now)
          : action === "no_show"
            ? advance(state, expected, now, "no_show")
            : addDelay(state, expected, action === "plus" ? ADD_MINUTES : session.timing.breakMinutes);
      const outcome = await applyStep(caller, session, step, `presentation.${action}`, expected, discord);
      await publishLive(outcome.session, discord);
      return outcome;
    },

    /** `/presentation export`: the running order of the latest session as CSV (formula cells neutralised). */
    async exportOrder(caller: PresentationCaller): Promise<{ name: string; content: string }> {
      const programmeId = organiser(caller);
      const session = await store.latestSession(programmeId);
      if (session === null) throw new UserError("presentation.error.noSession");
      const iso = (d: Date | null) => (d === null ? "" : d.toISOString());
      const rows = session.slots.map((s) => ({
        position: s.order > 0 ? s.order : "",
        discord_user_id: s.discordUserId,
        planned_start: iso(s.startsAt),
        minutes: s.minutes,
        format: s.format,
        status: s.status,
        started_at: iso(s.startedAt),
        ended_at: iso(s.endedAt),
      }));
      return {
        name: `presentation-${session.timing.startsAt.toISOString().slice(0, 10)}.csv`,
        content: toCsv(rows, [
          "position",
          "discord_user_id",
          "planned_start",
          "minutes",
          "format",
          "status",
          "started_at",
          "ended_at",
        ]),
      };
    },

    /** **End** (`live → completed`) or `/presentation cancel` (`scheduled → cancelled`). */
    async finish(
      caller: PresentationCaller,
      how: "end" | "cancel",
      discord: PresentationDiscord,
    ): Promise<SessionRecord> {
      const session = await scheduledSession(organiser(caller));
      const status = endStatus(session.status, how);
      if (status === null)
        throw new UserError(
          how === "end" ? "presentation.error.not_live" : "presentation.error.notScheduled",
        );
      const now = ports.now();
      const state = liveState(session);
      const current = state.slots.find((s) => s.status === "live");
      const applied = await store.applyLive(actorOf(caller, session.programmeId), {
        sessionId: session.id,
        action: `presentation.${how}`,
        expectedStatus: session.status,
        expectedOrder: session.currentOrder,
        status,
        currentOrder: session.currentOrder,
        delayMinutes: session.delayMinutes,
        endedAt: now,
        slots:
          current === undefined
            ? []
            : [{ id: current.key, status: "presented", startedAt: current.startedAt, endedAt: now }],
        presentedMemberId:
          current === undefined ? null : (session.slots.find((s) => s.id === current.key)?.memberId ?? null),
      });
      if (!applied) throw new UserError("presentation.error.changedMeanwhile");
      if (how === "cancel") await moveReminders(session, (await store.session(session.id)) as SessionRecord);
      if (session.scheduledEventId !== null) {
        await discord.setEventStatus(session.scheduledEventId, how === "end" ? "completed" : "cancelled");
      }
      const after = (await store.session(session.id)) as SessionRecord;
      if (how === "end") {
        await discord.setStage(after, null);
        await publishLive(after, discord);
      }
      await followAgenda(after, discord);
      return after;
    },
  };
}

function slotOfUser(session: SessionRecord, discordUserId: string): SlotRecord {
  const slot = session.slots.find((s) => s.discordUserId === discordUserId && s.status !== "removed");
  if (slot === undefined) throw new UserError("presentation.error.noSlot", { user: `<@${discordUserId}>` });
  return slot;
}

export type PresentationUseCases = ReturnType<typeof presentationUseCases>;
