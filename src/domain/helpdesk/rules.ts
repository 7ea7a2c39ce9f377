/**
 * The help desk's rules: a ticket's life (open → claimed → answered → closed), who may claim,
 * release or resolve it, the forum's status tags, and when an unanswered ticket is escalated.
 */

export type HelpTicketStatus = "open" | "claimed" | "answered" | "closed";

export interface HelpTicket {
  id: string;
  programmeId: string;
  askerId: string;
  title: string;
  question: string;
  tagIds: string[];
  private: boolean;
  anonymous: boolean;
  status: HelpTicketStatus;
  claimedById: string | null;
  forumThreadId: string | null;
  messageId: string | null;
  createdAt: Date;
  firstStaffReplyAt: Date | null;
  escalationLevel: number;
  closedAt: Date | null;
  resolvedById: string | null;
}

/** Discord's limits: a thread name is at most 100 characters, a message 2,000. */
export const TITLE_MAX = 100;
export const QUESTION_MAX = 1_800;

/** Discord allows 20 tags on a forum; three of them are the status tags. */
export const FORUM_TAG_LIMIT = 20;
export const TAG_NAME_MAX = 20;

/** The status tags, kept in step with the ticket's status. `moderated`: only staff may set them. */
export const STATUS_TAGS = { open: "未回答", working: "対応中", resolved: "解決済み" } as const;
export type StatusTag = keyof typeof STATUS_TAGS;

export function statusTagOf(status: HelpTicketStatus): StatusTag {
  if (status === "open") return "open";
  if (status === "closed") return "resolved";
  return "working";
}

/** A forum tag as Discord holds it. */
export interface ForumTag {
  id?: string;
  name: string;
  moderated: boolean;
}

/**
 * The forum's tag list after adding what is missing: existing tags are kept as they are (an
 * organiser's own tags too), the status tags are added `moderated`, then the template's topic tags,
 * by name, so running it again adds nothing. `changed` is false when nothing is missing.
 */
export function forumTagsWith(
  existing: readonly ForumTag[],
  topics: readonly string[],
): { tags: ForumTag[]; changed: boolean } {
  const tags = [...existing];
  const names = new Set(existing.map((tag) => tag.name));
  const wanted: ForumTag[] = [
    ...Object.values(STATUS_TAGS).map((name) => ({ name, moderated: true })),
    ...topics.map((name) => ({ name, moderated: false })),
  ];
  for (const tag of wanted) {
    if (names.has(tag.name) || tags.length >= FORUM_TAG_LIMIT) continue;
    names.add(tag.name);
    tags.push(tag);
  }
  return { tags, changed: tags.length !== existing.length };
}

/**
 * The tags a forum post carries: its topic tags (those still on the forum) and the status tag of
 * its status, in place of any other status tag.
 */
export function appliedTags(
  forum: readonly ForumTag[],
  topicTagIds: readonly string[],
  status: HelpTicketStatus,
): string[] {
  const statusNames = new Set<string>(Object.values(STATUS_TAGS));
  const byId = new Map(forum.flatMap((tag) => (tag.id ? [[tag.id, tag] as const] : [])));
  const topics = topicTagIds.filter((id) => {
    const tag = byId.get(id);
    return tag !== undefined && !statusNames.has(tag.name);
  });
  const statusTag = forum.find((tag) => tag.name === STATUS_TAGS[statusTagOf(status)]);
  return [...topics, ...(statusTag?.id ? [statusTag.id] : [])].slice(0, 5);
}

/** The topic tags an asker may choose: every forum tag but the moderated status tags. */
export function topicTags(forum: readonly ForumTag[]): ForumTag[] {
  const statusNames = new Set<string>(Object.values(STATUS_TAGS));
  return forum.filter((tag) => !statusNames.has(tag.name) && !tag.moderated);
}

export type ClaimCheck =
  | { ok: true }
  | { ok: false; problem: "closed" }
  | { ok: false; problem: "claimed"; holderId: string }
  | { ok: false; problem: "mine" };

/** A staff member may claim a ticket nobody holds and nobody has resolved. */
export function checkClaim(ticket: HelpTicket, memberId: string): ClaimCheck {
  if (ticket.status === "closed") return { ok: false, problem: "closed" };
  if (ticket.claimedById === memberId) return { ok: false, problem: "mine" };
  if (ticket.claimedById !== null) return { ok: false, problem: "claimed", holderId: ticket.claimedById };
  return { ok: true };
}

/** Only the holder (or an organiser) may release a claim. */
export function checkRelease(
  ticket: HelpTicket,
  memberId: string,
  organiser: boolean,
): { ok: true } | { ok: false; problem: "closed" | "notClaimed" | "notHolder" } {
  if (ticket.status === "closed") return { ok: false, problem: "closed" };
  if (ticket.claimedById === null) return { ok: false, problem: "notClaimed" };
  if (ticket.claimedById !== memberId && !organiser) return { ok: false, problem: "notHolder" };
  return { ok: true };
}

/** The asker, a mentor or an organiser may resolve an open ticket. */
export function checkResolve(
  ticket: HelpTicket,
  memberId: string,
  staff: boolean,
): { ok: true } | { ok: false; problem: "closed" | "notAllowed" } {
  if (ticket.status === "closed") return { ok: false, problem: "closed" };
  if (!staff && ticket.askerId !== memberId) return { ok: false, problem: "notAllowed" };
  return { ok: true };
}

/** Level 1: posted in the staff channel; level 2: organisers are sent a DM. */
export const ESCALATION_LEVELS = [1, 2] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

const HOUR_MS = 3_600_000;

/**
 * The next escalation a ticket is waiting for, and when it is due (`level` × the programme's
 * hours after it was asked), or null: answered by staff, resolved, or already at level 2.
 */
export function nextEscalation(
  ticket: Pick<HelpTicket, "createdAt" | "firstStaffReplyAt" | "status" | "escalationLevel">,
  escalateHours: number,
): { level: EscalationLevel; dueAt: Date } | null {
  if (ticket.status === "closed" || ticket.firstStaffReplyAt !== null) return null;
  const level = ticket.escalationLevel + 1;
  if (level !== 1 && level !== 2) return null;
  return { level, dueAt: new Date(ticket.createdAt.getTime() + level * escalateHours * HOUR_MS) };
}

/** Whether a ticket still waits for escalation `level` at `now` (a job re-checks this before posting). */
export function escalationDue(
  ticket: Pick<HelpTicket, "createdAt" | "firstStaffReplyAt" | "status" | "escalationLevel">,
  escalateHours: number,
  level: EscalationLevel,
  now: Date,
): "due" | "early" | "settled" {
  const next = nextEscalation(ticket, escalateHours);
  if (next === null || next.level !== level) return "settled";
  return next.dueAt.getTime() <= now.getTime() ? "due" : "early";
}

/** The BullMQ id of one escalation (ids may not hold ":"); the due time makes a moved one new. */
export function escalationJobId(ticketId: string, level: EscalationLevel, dueAt: Date): string {
  return `help-escalate-${ticketId}-${level}-${Math.floor(dueAt.getTime() / 1000)}`;
}
