/**
 * The organisers' attention list: who needs contact, and why. Each reason is a rule against the
 * intern's own baseline with the evidence it rests on; there is no score and no reading of what
 * anyone wrote. Pure: the callers pass the clock and the facts.
 */
import { DateTime } from "luxon";
import { localDateOf, shiftLocalDate } from "../operations/rules.ts";

/** Every reason an intern may be on the list, in the order they are shown. */
export const ATTENTION_REASONS = [
  "follow_up",
  "withdrawal_risk",
  "low_wellbeing",
  "help_unanswered",
  "silent",
  "no_check_in",
  "behind_milestone",
] as const;
export type AttentionReason = (typeof ATTENTION_REASONS)[number];

/** After **Contacted**, the reason stays off the list this long unless a new signal arrives. */
export const CONTACT_HIDE_HOURS = 72;
/** The window of the intern's own rhythm (median gap between active days). */
export const RHYTHM_WINDOW_DAYS = 14;
/** `no_check_in`: working this many days without a check-in. */
export const NO_CHECK_IN_DAYS = 3;
/** `behind_milestone`: no project this many days after kick-off. */
export const PROJECT_AFTER_KICKOFF_DAYS = 2;
/** `behind_milestone`: no submission from this many days before the deadline. */
export const SUBMISSION_BEFORE_DEADLINE_DAYS = 3;
/** `low_wellbeing`: a mood at or below this, twice in a row. */
export const LOW_MOOD = 2;
/** `low_wellbeing`: the latest mood this far below the intern's own mean. */
export const MOOD_DROP = 2;
/** `low_wellbeing` only reads moods from reports this recent (days). */
export const MOOD_RECENT_DAYS = 7;
/** `withdrawal_risk`: a cancelled `/withdraw` this recent (days). */
export const WITHDRAW_KEPT_DAYS = 7;
/** Hours a day the weekly-hours fallback assumes a working day has. */
const HOURS_PER_WORKING_DAY = 8;

/** The programme-side facts the rules read. */
export interface AttentionProgramme {
  now: Date;
  timeZone: string;
  startsAt: Date;
  silentDays: number;
  helpEscalateHours: number;
  /** The kick-off milestone, if set. */
  kickoffAt: Date | null;
  /** The submission deadline milestone, if set. */
  deadlineAt: Date | null;
}

/** What the database says about one intern (counts and dates, never text they wrote). */
export interface InternFacts {
  memberId: string;
  joinedAt: Date;
  weeklyHours: number | null;
  /** `/report pause` up to and including this local day, or null. */
  pausedUntil: string | null;
  /** Local days with any activity, at least those of the last {@link RHYTHM_WINDOW_DAYS} days. */
  activeDays: readonly string[];
  /** The last local day with any activity (also before the window), or null. */
  lastActiveDay: string | null;
  checkIns: number;
  hasProject: boolean;
  hasSubmission: boolean;
  /** Moods of their recent reports (any order); reports without a mood are left out. */
  moods: ReadonlyArray<{ localDate: string; mood: number }>;
  /** When their oldest ticket without a staff answer (and not closed) was asked, or null. */
  oldestUnansweredAt: Date | null;
  /** When they last answered "no, I'll stay" to `/withdraw`, or null. */
  withdrawKeptAt: Date | null;
  /** Contacts recorded about them (at least those of the last {@link CONTACT_HIDE_HOURS} hours). */
  contacts: ReadonlyArray<{ reason: string; at: Date }>;
  /** Their open follow-up notes. */
  notes: ReadonlyArray<{ id: string; text: string; until: string; createdAt: Date }>;
}

/** The evidence of one reason, as values the renderer localises. */
export type AttentionEvidence =
  | {
      reason: "silent";
      lastActiveDay: string | null;
      days: number;
      thresholdDays: number;
      basis: SilentBasis;
    }
  | { reason: "no_check_in"; workingDays: number }
  | { reason: "behind_milestone"; milestone: "kickoff"; at: Date }
  | { reason: "behind_milestone"; milestone: "submission_deadline"; at: Date }
  | { reason: "help_unanswered"; since: Date; hours: number }
  | { reason: "low_wellbeing"; moods: number[]; kind: "twice_low" | "below_mean"; mean?: number }
  | { reason: "withdrawal_risk"; kind: "withdraw_kept"; at: Date }
  | { reason: "withdrawal_risk"; kind: "low_and_silent" }
  | { reason: "follow_up"; noteId: string; text: string; until: string; overdue: boolean };

/** Where the silent threshold came from. */
export type SilentBasis = "setting" | "rhythm" | "weekly_hours";

/** One line of the list: a reason and its evidence; `since` is when the signal began (for the 72 h hide). */
export interface AttentionLine {
  evidence: AttentionEvidence;
  since: Date;
}

const days = (ms: number) => ms / 86_400_000;

function dayDiff(from: string, to: string): number {
  return Math.round(
    DateTime.fromISO(to, { zone: "UTC" }).diff(DateTime.fromISO(from, { zone: "UTC" }), "days").days,
  );
}

/** The median of `values` (non-empty). */
function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The gap (days) between working days that declared weekly hours imply: 16 h → 2 days a week → 3.5. */
export function impliedGapDays(weeklyHours: number | null): number {
  if (weeklyHours === null || weeklyHours <= 0) return 1;
  const daysPerWeek = Math.min(7, Math.max(1, Math.ceil(weeklyHours / HOURS_PER_WORKING_DAY)));
  return 7 / daysPerWeek;
}

/** The first local day the intern could be expected to work: their join day or the programme's first. */
function firstDayOf(programme: AttentionProgramme, intern: InternFacts): string {
  const joined = localDateOf(intern.joinedAt, programme.timeZone);
  const started = localDateOf(programme.startsAt, programme.timeZone);
  // Local dates compare as strings: the later of the two.
  return [joined, started].sort()[1] ?? started;
}

/**
 * How many quiet days make this intern silent: max(`silent-days`, 2 × the median gap between their
 * active days over the last 14 days). Before they have 14 days (or two active days in them), the
 * gap their declared weekly hours imply stands in for the median.
 */
export function silentThreshold(
  programme: AttentionProgramme,
  intern: InternFacts,
): { thresholdDays: number; basis: SilentBasis } {
  const today = localDateOf(programme.now, programme.timeZone);
  const windowStart = shiftLocalDate(today, -RHYTHM_WINDOW_DAYS);
  const inWindow = [...new Set(intern.activeDays)].filter((d) => d >= windowStart && d <= today).sort();
  const gaps = inWindow.slice(1).map((day, i) => dayDiff(inWindow[i] ?? day, day));
  const longEnough = dayDiff(firstDayOf(programme, intern), today) >= RHYTHM_WINDOW_DAYS;
  const own = longEnough && gaps.length > 0 ? 2 * median(gaps) : impliedGapDays(intern.weeklyHours);
  const basis: SilentBasis = longEnough && gaps.length > 0 ? "rhythm" : "weekly_hours";
  return own > programme.silentDays
    ? { thresholdDays: Math.ceil(own), basis }
    : { thresholdDays: programme.silentDays, basis: "setting" };
}

function silentLine(programme: AttentionProgramme, intern: InternFacts): AttentionLine | null {
  const today = localDateOf(programme.now, programme.timeZone);
  if (intern.pausedUntil !== null && today <= intern.pausedUntil) return null;
  const first = firstDayOf(programme, intern);
  if (today < first) return null;
  const from = intern.lastActiveDay ?? shiftLocalDate(first, -1);
  const quiet = dayDiff(from, today);
  const { thresholdDays, basis } = silentThreshold(programme, intern);
  if (quiet <= thresholdDays) return null;
  const since = DateTime.fromISO(shiftLocalDate(from, thresholdDays + 1), { zone: programme.timeZone });
  return {
    evidence: {
      reason: "silent",
      lastActiveDay: intern.lastActiveDay,
      days: quiet,
      thresholdDays,
      basis,
    },
    since: since.toJSDate(),
  };
}

function noCheckInLine(programme: AttentionProgramme, intern: InternFacts): AttentionLine | null {
  if (intern.checkIns > 0) return null;
  const first = firstDayOf(programme, intern);
  const working = dayDiff(first, localDateOf(programme.now, programme.timeZone));
  if (working < NO_CHECK_IN_DAYS) return null;
  const since = DateTime.fromISO(shiftLocalDate(first, NO_CHECK_IN_DAYS), { zone: programme.timeZone });
  return { evidence: { reason: "no_check_in", workingDays: working }, since: since.toJSDate() };
}

function milestoneLines(programme: AttentionProgramme, intern: InternFacts): AttentionLine[] {
  const lines: AttentionLine[] = [];
  const now = programme.now.getTime();
  if (programme.kickoffAt && !intern.hasProject) {
    const due = programme.kickoffAt.getTime() + PROJECT_AFTER_KICKOFF_DAYS * 86_400_000;
    if (now >= due)
      lines.push({
        evidence: { reason: "behind_milestone", milestone: "kickoff", at: programme.kickoffAt },
        since: new Date(due),
      });
  }
  if (programme.deadlineAt && !intern.hasSubmission) {
    const due = programme.deadlineAt.getTime() - SUBMISSION_BEFORE_DEADLINE_DAYS * 86_400_000;
    if (now >= due)
      lines.push({
        evidence: { reason: "behind_milestone", milestone: "submission_deadline", at: programme.deadlineAt },
        since: new Date(due),
      });
  }
  return lines;
}

function helpLine(programme: AttentionProgramme, intern: InternFacts): AttentionLine | null {
  if (intern.oldestUnansweredAt === null) return null;
  const limitMs = 2 * programme.helpEscalateHours * 3_600_000;
  const waited = programme.now.getTime() - intern.oldestUnansweredAt.getTime();
  if (waited <= limitMs) return null;
  return {
    evidence: {
      reason: "help_unanswered",
      since: intern.oldestUnansweredAt,
      hours: Math.floor(waited / 3_600_000),
    },
    since: new Date(intern.oldestUnansweredAt.getTime() + limitMs),
  };
}

function wellbeingLine(programme: AttentionProgramme, intern: InternFacts): AttentionLine | null {
  const today = localDateOf(programme.now, programme.timeZone);
  const moods = [...intern.moods].sort((a, b) => (a.localDate < b.localDate ? -1 : 1));
  const latest = moods.at(-1);
  if (!latest || dayDiff(latest.localDate, today) > MOOD_RECENT_DAYS) return null;
  const since = DateTime.fromISO(latest.localDate, { zone: programme.timeZone }).toJSDate();
  const previous = moods.at(-2);
  if (previous && previous.mood <= LOW_MOOD && latest.mood <= LOW_MOOD) {
    return {
      evidence: { reason: "low_wellbeing", moods: [previous.mood, latest.mood], kind: "twice_low" },
      since,
    };
  }
  const earlier = moods.slice(0, -1);
  if (earlier.length === 0) return null;
  const mean = earlier.reduce((sum, m) => sum + m.mood, 0) / earlier.length;
  if (latest.mood <= mean - MOOD_DROP) {
    return {
      evidence: {
        reason: "low_wellbeing",
        moods: [latest.mood],
        kind: "below_mean",
        mean: Math.round(mean * 10) / 10,
      },
      since,
    };
  }
  return null;
}

function noteLines(programme: AttentionProgramme, intern: InternFacts): AttentionLine[] {
  const today = localDateOf(programme.now, programme.timeZone);
  return intern.notes.map((note) => ({
    evidence: {
      reason: "follow_up",
      noteId: note.id,
      text: note.text,
      until: note.until,
      overdue: note.until < today,
    },
    since: note.createdAt,
  }));
}

/**
 * Whether a reason is hidden by a contact: one recorded for it (or for every reason) in the last
 * {@link CONTACT_HIDE_HOURS} hours, after the signal began. A signal that began after the contact is
 * new and shows. Follow-up notes stay until done.
 */
export function hiddenByContact(line: AttentionLine, contacts: InternFacts["contacts"], now: Date): boolean {
  if (line.evidence.reason === "follow_up") return false;
  const reason = line.evidence.reason;
  return contacts.some(
    (contact) =>
      (contact.reason === reason || contact.reason === "all") &&
      now.getTime() - contact.at.getTime() < CONTACT_HIDE_HOURS * 3_600_000 &&
      contact.at.getTime() >= line.since.getTime(),
  );
}

/** Every line for one intern, contacts applied, in {@link ATTENTION_REASONS} order. */
export function attentionLines(programme: AttentionProgramme, intern: InternFacts): AttentionLine[] {
  const silent = silentLine(programme, intern);
  const wellbeing = wellbeingLine(programme, intern);
  const lines: AttentionLine[] = [...noteLines(programme, intern)];
  if (
    intern.withdrawKeptAt &&
    days(programme.now.getTime() - intern.withdrawKeptAt.getTime()) <= WITHDRAW_KEPT_DAYS
  ) {
    lines.push({
      evidence: { reason: "withdrawal_risk", kind: "withdraw_kept", at: intern.withdrawKeptAt },
      since: intern.withdrawKeptAt,
    });
  } else if (silent && wellbeing) {
    lines.push({
      evidence: { reason: "withdrawal_risk", kind: "low_and_silent" },
      since: new Date(Math.max(silent.since.getTime(), wellbeing.since.getTime())),
    });
  }
  if (wellbeing) lines.push(wellbeing);
  const help = helpLine(programme, intern);
  if (help) lines.push(help);
  if (silent) lines.push(silent);
  const noCheckIn = noCheckInLine(programme, intern);
  if (noCheckIn) lines.push(noCheckIn);
  lines.push(...milestoneLines(programme, intern));
  return lines.filter((line) => !hiddenByContact(line, intern.contacts, programme.now));
}
