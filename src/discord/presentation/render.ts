/** How the presentation reads in Discord: the preview, the agenda, the notices and the live view. */
import { ButtonStyle } from "discord.js";
import { z } from "zod";
import { minutesLate, nowOn, upNext } from "../../domain/presentation/live.ts";
import type { PlannedSlot, RunningOrder } from "../../domain/presentation/running-order.ts";
import type { SessionRecord, SlotRecord } from "../../features/presentation/ports.ts";
import { liveState, type SchedulePreview } from "../../features/presentation/use-cases.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";
import { button, buttonRow, clip } from "../assignments/render.ts";
import { defineCustomId } from "../custom-id.ts";

const cuid = z.string().min(1).max(40);

/** Confirm carries the plan's hash: a plan that changed since the preview is refused. */
export const confirmButtonId = defineCustomId("prs-confirm", 1, {
  sessionId: cuid,
  hash: z.string().regex(/^[0-9a-f]{16}$/),
});
export const dropButtonId = defineCustomId("prs-drop", 1, { sessionId: cuid });
/** A live button carries the position it expects to be on, so a double click applies once. */
export const liveButtonId = defineCustomId("prs-live", 1, {
  sessionId: cuid,
  action: z.enum(["next", "no_show", "plus", "break", "end"]),
  expected: z.number().int().min(0).max(10_000),
});

function planLines(
  t: Translator,
  plan: RunningOrder,
  who: (slot: PlannedSlot) => string | null,
  status: (slot: PlannedSlot) => string | null = () => null,
): string[] {
  const lines: string[] = [];
  for (const slot of plan.slots) {
    const time = discordTimestamp(slot.startsAt, "t");
    const user = who(slot);
    const extra = status(slot);
    lines.push(
      slot.gap || user === null
        ? t("presentation.line.gap", { position: slot.position, time })
        : `${t("presentation.line", {
            position: slot.position,
            time,
            user,
            minutes: slot.minutes,
            format: t(`presentation.format.${slot.format}`),
          })}${extra === null ? "" : ` — ${extra}`}`,
    );
    const pause = plan.breaks.find((b) => b.afterPosition === slot.position);
    if (pause !== undefined) {
      lines.push(
        t("presentation.line.break", {
          time: discordTimestamp(pause.startsAt, "t"),
          minutes: Math.round((pause.endsAt.getTime() - pause.startsAt.getTime()) / 60_000),
        }),
      );
    }
  }
  return lines;
}

/** The preview reply: times, total, overrun, and Confirm / Cancel. */
export function previewMessage(t: Translator, preview: SchedulePreview) {
  const { plan } = preview;
  const lines = planLines(t, plan, (s) => {
    const user = preview.users[s.position - 1];
    return user ? `<@${user}>` : null;
  });
  const summary = [
    t("presentation.preview.total", {
      minutes: plan.totalMinutes,
      start: discordTimestamp(plan.startsAt, "f"),
      end: discordTimestamp(plan.endsAt, "t"),
    }),
    plan.overrunMinutes > 0
      ? t("presentation.preview.overrun", {
          minutes: plan.overrunMinutes,
          end: discordTimestamp(preview.endBy, "f"),
        })
      : t("presentation.preview.fits"),
    t("presentation.preview.hint"),
  ];
  return {
    embeds: [
      {
        title: clip(t("presentation.preview.title", { title: preview.title }), 256),
        description: clip([...lines, "", ...summary].join("\n"), 4096),
      },
    ],
    components: [
      buttonRow([
        button(
          confirmButtonId.encode({ sessionId: preview.sessionId, hash: preview.hash }),
          t("presentation.button.confirm"),
          ButtonStyle.Success,
        ),
        button(
          dropButtonId.encode({ sessionId: preview.sessionId }),
          t("presentation.button.cancel"),
          ButtonStyle.Secondary,
        ),
      ]),
    ],
  };
}

/** The session's running order as stored (for the agenda). */
function storedPlan(session: SessionRecord): { plan: RunningOrder; bySlot: Map<number, SlotRecord> } {
  const inOrder = session.slots.filter((s) => s.order > 0);
  const slots: PlannedSlot[] = inOrder.map((s) => ({
    key: s.memberId,
    position: s.order,
    startsAt: s.startsAt,
    qaStartsAt: new Date(s.startsAt.getTime() + (s.minutes - session.timing.qaMinutes) * 60_000),
    endsAt: new Date(s.startsAt.getTime() + s.minutes * 60_000),
    minutes: s.minutes,
    format: s.format,
    gap: s.status === "removed",
  }));
  const breaks = [];
  const every = session.timing.breakEvery;
  for (const slot of slots) {
    if (every > 0 && slot.position % every === 0 && slot.position < slots.length) {
      breaks.push({
        afterPosition: slot.position,
        startsAt: slot.endsAt,
        endsAt: new Date(slot.endsAt.getTime() + session.timing.breakMinutes * 60_000),
      });
    }
  }
  const last = slots.at(-1);
  const endsAt = last?.endsAt ?? session.timing.startsAt;
  return {
    plan: {
      slots,
      breaks,
      startsAt: session.timing.startsAt,
      endsAt,
      totalMinutes: Math.round((endsAt.getTime() - session.timing.startsAt.getTime()) / 60_000),
      overrunMinutes: 0,
    },
    bySlot: new Map(inOrder.map((s) => [s.order, s])),
  };
}

/** Discord refuses a message whose embeds hold more than 6000 characters in all. */
const EMBED_TOTAL_MAX = 6000;

/**
 * The embeds, or the first alone when together they would exceed Discord's total (a long running
 * order in two languages): the first language then stands for both.
 */
function withinEmbedTotal<E extends { title: string; description: string }>(embeds: E[]): E[] {
  const total = embeds.reduce((sum, e) => sum + e.title.length + e.description.length, 0);
  return total <= EMBED_TOTAL_MAX ? embeds : embeds.slice(0, 1);
}

/**
 * The agenda in the announcements channel, edited in place after every change: one embed per
 * language everyone reads (see `sharedLocales`).
 */
export function agendaMessage(translators: readonly Translator[], session: SessionRecord) {
  return {
    embeds: withinEmbedTotal(translators.map((t) => agendaEmbed(t, session))),
    allowed_mentions: { parse: [] as never[] },
  };
}

function agendaEmbed(t: Translator, session: SessionRecord) {
  const { plan, bySlot } = storedPlan(session);
  const lines = planLines(
    t,
    plan,
    (s) => {
      const slot = bySlot.get(s.position);
      return slot ? `<@${slot.discordUserId}>` : null;
    },
    (s) => {
      const status = bySlot.get(s.position)?.status;
      return status === "presented" || status === "no_show" || status === "live"
        ? t(`presentation.slotStatus.${status}`)
        : null;
    },
  );
  const footer =
    session.status === "completed"
      ? [t("presentation.agenda.ended")]
      : session.status === "cancelled"
        ? [t("presentation.agenda.cancelled")]
        : [];
  return {
    title: clip(t("presentation.agenda.title", { title: session.title }), 256),
    description: clip([...lines, ...(footer.length > 0 ? ["", ...footer] : [])].join("\n"), 4096),
  };
}

/**
 * The live view: Now, Next, minutes late (one embed per language everyone reads), and the
 * organisers' buttons carrying the position shown, labelled in each language.
 */
export function liveMessage(translators: readonly Translator[], session: SessionRecord, now: Date) {
  const expected = session.currentOrder ?? 0;
  const id = (action: "next" | "no_show" | "plus" | "break" | "end") =>
    liveButtonId.encode({ sessionId: session.id, action, expected });
  const label = (key: Parameters<Translator>[0] & `presentation.button.${string}`) =>
    [...new Set(translators.map((t) => t(key)))].join(" / ");
  return {
    embeds: withinEmbedTotal(translators.map((t) => liveEmbed(t, session, now))),
    components:
      session.status === "live"
        ? [
            buttonRow([
              button(id("next"), label("presentation.button.next"), ButtonStyle.Primary),
              button(id("no_show"), label("presentation.button.noShow"), ButtonStyle.Secondary),
              button(id("plus"), label("presentation.button.plus"), ButtonStyle.Secondary),
              button(id("break"), label("presentation.button.break"), ButtonStyle.Secondary),
              button(id("end"), label("presentation.button.end"), ButtonStyle.Danger),
            ]),
          ]
        : [],
    allowed_mentions: { parse: [] as never[] },
  };
}

function liveEmbed(t: Translator, session: SessionRecord, now: Date) {
  const state = liveState(session);
  const userOf = (key: string | undefined) => {
    const slot = session.slots.find((s) => s.id === key);
    return slot ? `<@${slot.discordUserId}>` : t("presentation.live.none");
  };
  const current = nowOn(state);
  const { next, afterNext } = upNext(state);
  const makeUps = session.slots.filter((s) => s.status === "no_show").map((s) => `<@${s.discordUserId}>`);
  const lines = [
    `**${t("presentation.live.now")}**: ${current ? userOf(current.key) : t("presentation.live.none")}`,
    `**${t("presentation.live.next")}**: ${next ? userOf(next.key) : t("presentation.live.none")}`,
    `**${t("presentation.live.late")}**: ${t("presentation.live.lateMinutes", { minutes: minutesLate(state, now) })}`,
  ];
  if (afterNext !== null && next !== null) {
    lines.push(t("presentation.live.afterNext", { user: userOf(afterNext.key), name: userOf(next.key) }));
  }
  if (makeUps.length > 0) lines.push(t("presentation.live.makeUps", { users: makeUps.join(" ") }));
  if (session.status !== "live") lines.push(t("presentation.live.ended"));
  return {
    title: clip(t("presentation.live.title", { title: session.title }), 256),
    description: lines.join("\n"),
  };
}
