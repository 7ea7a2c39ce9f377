/**
 * `/competency rate|mentor|show` (issue 15 items 4–5): an intern rates the 12 elements of
 * 社会人基礎力 on an ephemeral sheet of 4 pages (3 selects each) and a comment, kept as a draft
 * until submitted, inside the phase's window; the mentors keep one shared sheet per intern and
 * phase, edited in place; the radar chart compares self before/during/after with the mentors'
 * after. `change` and `chart` are what the agency view reuses.
 */
import {
  type Assessor,
  COMPETENCY_ELEMENTS,
  type CompetencyElementKey,
  elementLabel,
  isElementKey,
  isRating,
  meanRating,
  type Phase,
  type Ratings,
  SHEET_PAGES,
  unrated,
} from "../../domain/competency/elements.ts";
import {
  isWithin,
  milestoneDates,
  type RatingWindow,
  ratingWindow,
} from "../../domain/competency/windows.ts";
import type { Locale, MemberRoleKind } from "../../domain/enums.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { t } from "../../i18n/translate.ts";
import { UserError } from "../errors.ts";
import type { ChartRenderer, ChartSeries, ChartSpec, CompetencyStore, SheetRecord } from "./ports.ts";

/** A modal paragraph holds 4,000; the certificate prints the mentors' comment. */
export const MAX_SHEET_COMMENT = 1000;

export interface CompetencyPorts {
  store: CompetencyStore;
  chart: ChartRenderer;
  now: () => Date;
}

export interface CompetencyCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
  roles: ReadonlySet<MemberRoleKind>;
}

/** Which sheet a page shows: the subject (member id), the phase and whose sheet. */
export interface SheetRef {
  memberId: string;
  phase: Phase;
  assessor: Assessor;
}

/** One page of the ephemeral sheet. */
export interface SheetPage extends SheetRef {
  subjectUserId: string;
  /** 0-based, of {@link SHEET_PAGES}. */
  page: number;
  ratings: Ratings;
  comment: string | null;
  submittedAt: Date | null;
  /** Who last edited a mentors' sheet. */
  assessedByUserId: string | null;
  window: RatingWindow | null;
}

/** Self before/during/after and the mentors' after, element by element (null: not rated). */
export interface CompetencyChange {
  memberId: string;
  internUserId: string;
  series: Record<ChartSeries["kind"], Ratings | null>;
  /** The mentors' after comment (or the latest mentors' comment), if any. */
  mentorComment: string | null;
}

const SERIES: readonly { kind: ChartSeries["kind"]; phase: Phase; assessor: Assessor }[] = [
  { kind: "selfBefore", phase: "before", assessor: "self" },
  { kind: "selfDuring", phase: "during", assessor: "self" },
  { kind: "selfAfter", phase: "after", assessor: "self" },
  { kind: "mentorAfter", phase: "after", assessor: "mentor" },
];

const isStaff = (m: Member) => m.roles.some((r) => r === "mentor" || r === "organiser");

export function competencyUseCases(ports: CompetencyPorts) {
  const { store } = ports;

  async function programmeOf(caller: CompetencyCaller): Promise<Programme> {
    const programme = caller.programmeId === null ? null : await store.programme(caller.programmeId);
    if (programme === null) throw new UserError("error.access.noProgramme");
    return programme;
  }

  async function windowOf(programme: Programme, phase: Phase, subject: Member) {
    return ratingWindow(
      phase,
      milestoneDates(await store.milestones(programme.id)),
      subject.joinedAt,
      programme.timeZone,
    );
  }

  function refuseOutside(phase: Phase, window: RatingWindow | null, at: Date): void {
    if (window === null) {
      throw new UserError(`competency.error.noWindow.${phase}`);
    }
    if (!isWithin(window, at)) {
      throw new UserError(`competency.error.window.${phase}`, {
        opens: discordTimestamp(window.opensAt, "f"),
        closes: discordTimestamp(window.closesAt, "f"),
      });
    }
  }

  /** The caller may act on this sheet: their own self sheet, or a mentors' sheet as a mentor. */
  async function authorise(programme: Programme, caller: CompetencyCaller, ref: SheetRef) {
    const me = await store.member(programme.id, caller.userId);
    const subject = await store.memberById(ref.memberId);
    if (me === null || subject === null || subject.programmeId !== programme.id) {
      throw new UserError("competency.error.noSheet");
    }
    if (ref.assessor === "self" && subject.id !== me.id) throw new UserError("competency.error.noSheet");
    if (ref.assessor === "mentor" && !me.roles.includes("mentor")) {
      throw new UserError("competency.error.notMentor");
    }
    return { me, subject };
  }

  function pageOf(
    ref: SheetRef,
    subject: Member,
    page: number,
    sheet: SheetRecord | null,
    window: RatingWindow | null,
  ): SheetPage {
    return {
      ...ref,
      subjectUserId: subject.discordUserId,
      page: Math.min(Math.max(page, 0), SHEET_PAGES - 1),
      ratings: sheet?.ratings ?? {},
      comment: sheet?.comment ?? null,
      submittedAt: sheet?.submittedAt ?? null,
      assessedByUserId: sheet?.assessedByUserId ?? null,
      window,
    };
  }

  /** Checks and loads what every sheet step needs; self sheets must be inside their window and not submitted. */
  async function step(caller: CompetencyCaller, ref: SheetRef, write: boolean) {
    const programme = await programmeOf(caller);
    const { me, subject } = await authorise(programme, caller, ref);
    const window = await windowOf(programme, ref.phase, subject);
    const sheet = await store.sheet(ref);
    if (ref.assessor === "self") {
      if (sheet?.submittedAt != null && write) throw new UserError("competency.error.submitted");
      if (write || sheet === null) refuseOutside(ref.phase, window, ports.now());
    }
    const actor = {
      guildId: caller.guildId,
      programmeId: programme.id,
      actorUserId: caller.userId,
      at: ports.now(),
    };
    return { programme, me, subject, window, sheet, actor };
  }

  async function change(programmeId: string, memberId: string): Promise<CompetencyChange> {
    const member = await store.memberById(memberId);
    if (member === null || member.programmeId !== programmeId)
      throw new UserError("competency.error.noSheet");
    const sheets = await store.sheets(memberId);
    const find = (phase: Phase, assessor: Assessor) =>
      sheets.find((s) => s.phase === phase && s.assessor === assessor && s.submittedAt !== null) ?? null;
    const series = Object.fromEntries(
      SERIES.map((s) => [s.kind, find(s.phase, s.assessor)?.ratings ?? null]),
    ) as CompetencyChange["series"];
    const mentorSheets = (["after", "during", "before"] as const).flatMap((p) => {
      const sheet = sheets.find((s) => s.phase === p && s.assessor === "mentor");
      return sheet?.comment ? [sheet.comment] : [];
    });
    return { memberId, internUserId: member.discordUserId, series, mentorComment: mentorSheets[0] ?? null };
  }

  /** The chart of a change, with labels in `locale`. */
  function chartSpec(c: CompetencyChange, locale: Locale): ChartSpec {
    return {
      title: t(locale, "competency.chart.title"),
      labels: COMPETENCY_ELEMENTS.map((e) => elementLabel(e, locale)),
      series: SERIES.flatMap((s) => {
        const ratings = c.series[s.kind];
        return ratings === null
          ? []
          : [
              {
                kind: s.kind,
                label: t(locale, `competency.series.${s.kind}`),
                values: COMPETENCY_ELEMENTS.map((e) => ratings[e.key] ?? null),
              },
            ];
      }),
    };
  }

  return {
    /** `/competency rate phase:` — the intern's own sheet, page 1 (inside the window). */
    async rate(caller: CompetencyCaller, phase: Phase): Promise<SheetPage> {
      const programme = await programmeOf(caller);
      const me = await store.member(programme.id, caller.userId);
      if (me === null || me.stage === null) throw new UserError("competency.error.notIntern");
      const ref = { memberId: me.id, phase, assessor: "self" } as const;
      const s = await step(caller, ref, false);
      if (s.sheet?.submittedAt == null) refuseOutside(phase, s.window, ports.now());
      return pageOf(ref, me, 0, s.sheet, s.window);
    },

    /** `/competency mentor user: phase:` — the mentors' sheet of an intern. */
    async mentor(caller: CompetencyCaller, input: { userId: string; phase: Phase }): Promise<SheetPage> {
      const programme = await programmeOf(caller);
      const me = await store.member(programme.id, caller.userId);
      if (me === null || !me.roles.includes("mentor")) throw new UserError("competency.error.notMentor");
      const subject = await store.member(programme.id, input.userId);
      if (subject === null || subject.stage === null) throw new UserError("competency.error.notIntern");
      const ref = { memberId: subject.id, phase: input.phase, assessor: "mentor" } as const;
      const s = await step(caller, ref, false);
      return pageOf(ref, subject, 0, s.sheet, s.window);
    },

    /** A page button: shows page `page` of the sheet. */
    async page(caller: CompetencyCaller, ref: SheetRef, page: number): Promise<SheetPage> {
      const s = await step(caller, ref, false);
      return pageOf(ref, s.subject, page, s.sheet, s.window);
    },

    /** A select: one element's score, saved in the draft at once. */
    async score(
      caller: CompetencyCaller,
      ref: SheetRef,
      input: { page: number; element: string; score: number },
    ): Promise<SheetPage> {
      if (!isElementKey(input.element)) throw new UserError("competency.error.element");
      if (!isRating(input.score)) throw new UserError("competency.error.score");
      const s = await step(caller, ref, true);
      const saved = await store.saveDraft(s.actor, {
        ...ref,
        assessedById: ref.assessor === "mentor" ? s.me.id : null,
        score: { element: input.element as CompetencyElementKey, value: input.score },
      });
      return pageOf(ref, s.subject, input.page, saved, s.window);
    },

    /** The comment modal. */
    async comment(caller: CompetencyCaller, ref: SheetRef, input: { page: number; comment: string }) {
      const comment = input.comment.trim();
      if (comment.length > MAX_SHEET_COMMENT) {
        throw new UserError("competency.error.comment", { max: MAX_SHEET_COMMENT });
      }
      const s = await step(caller, ref, true);
      const saved = await store.saveDraft(s.actor, {
        ...ref,
        assessedById: ref.assessor === "mentor" ? s.me.id : null,
        comment: comment === "" ? null : comment,
      });
      return pageOf(ref, s.subject, input.page, saved, s.window);
    },

    /** Submit: every element must be scored, else the draft is kept and the reply says how many are left. */
    async submit(caller: CompetencyCaller, ref: SheetRef, page: number): Promise<SheetPage> {
      const s = await step(caller, ref, true);
      const missing = unrated(s.sheet?.ratings ?? {});
      if (s.sheet === null || missing.length > 0) {
        throw new UserError("competency.error.unrated", { count: missing.length });
      }
      await store.submit(s.actor, s.sheet.id);
      return pageOf(ref, s.subject, page, { ...s.sheet, submittedAt: s.actor.at }, s.window);
    },

    /** `/competency show [user:]` — the caller's own change, or (mentors, organisers) an intern's. */
    async show(
      caller: CompetencyCaller,
      input: { userId: string | null; locale: Locale },
    ): Promise<{ change: CompetencyChange; spec: ChartSpec; png: Buffer }> {
      const programme = await programmeOf(caller);
      const me = await store.member(programme.id, caller.userId);
      if (me === null) throw new UserError("competency.error.notIntern");
      let subject = me;
      if (input.userId !== null && input.userId !== caller.userId) {
        if (!isStaff(me)) throw new UserError("competency.error.notMentor");
        const found = await store.member(programme.id, input.userId);
        if (found === null || found.stage === null) throw new UserError("competency.error.notIntern");
        subject = found;
      } else if (me.stage === null) {
        throw new UserError("competency.error.notIntern");
      }
      const c = await change(programme.id, subject.id);
      if (SERIES.every((s) => c.series[s.kind] === null)) throw new UserError("competency.error.nothingYet");
      const spec = chartSpec(c, input.locale);
      return { change: c, spec, png: await ports.chart(spec) };
    },

    /** One member's competency change (for the agency view; the caller checks consent). */
    change,
    /** The radar chart PNG of a change, in `locale` (for the agency view and the certificate). */
    async chart(c: CompetencyChange, locale: Locale): Promise<Buffer> {
      return ports.chart(chartSpec(c, locale));
    },
    chartSpec,
  };
}

/** The mean score of each series, for the text version of the chart. */
export function seriesMeans(change: CompetencyChange): Record<ChartSeries["kind"], number | null> {
  return Object.fromEntries(
    SERIES.map((s) => [
      s.kind,
      change.series[s.kind] === null ? null : meanRating(change.series[s.kind] ?? {}),
    ]),
  ) as Record<ChartSeries["kind"], number | null>;
}

export type CompetencyUseCases = ReturnType<typeof competencyUseCases>;
