/** The ports of the help desk: its store, the Discord side of a question, and the escalation jobs. */
import type { Locale } from "../../domain/enums.ts";
import type { ForumTag, HelpTicket } from "../../domain/helpdesk/rules.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import type { SharedLocales } from "../../i18n/shared.ts";

/** Who acted, where and when: what each write's audit entry records. */
export interface HelpdeskActor {
  guildId: string;
  programmeId: string;
  actorUserId: string;
  at: Date;
}

/** The store behind the help desk (src/db/stores/helpdesk.ts); every write is audited with it. */
export interface HelpdeskStore {
  programme(programmeId: string): Promise<Programme | null>;
  /** The server's open programme, for events that carry only the guild. */
  currentProgramme(guildId: string): Promise<Programme | null>;
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  memberById(memberId: string): Promise<Member | null>;
  displayName(memberId: string): Promise<string | null>;
  preferredLocale(memberId: string): Promise<Locale | null>;
  /** The Discord id of a programme channel or role recorded under `key`, or null. */
  resource(programmeId: string, key: string): Promise<string | null>;
  ask(
    actor: HelpdeskActor,
    input: {
      askerId: string;
      title: string;
      question: string;
      tagIds: string[];
      private: boolean;
      anonymous: boolean;
    },
  ): Promise<HelpTicket>;
  setPost(ticketId: string, post: { forumThreadId: string | null; messageId: string | null }): Promise<void>;
  ticket(ticketId: string): Promise<HelpTicket | null>;
  /** Unresolved tickets, oldest first. */
  queue(
    programmeId: string,
    filter: { tagId?: string; claimedById?: string; limit: number },
  ): Promise<HelpTicket[]>;
  /** False when someone else holds it (or it was resolved) by now. */
  claim(actor: HelpdeskActor, ticketId: string, memberId: string): Promise<boolean>;
  release(actor: HelpdeskActor, ticketId: string, holderId: string): Promise<boolean>;
  resolve(actor: HelpdeskActor, ticketId: string, memberId: string): Promise<boolean>;
  awaitingReplyIn(programmeId: string, channelId: string): Promise<HelpTicket[]>;
  /** False when a staff reply was already recorded. */
  markStaffReply(ticketId: string, at: Date): Promise<boolean>;
}

/** A question as it is posted: in the forum (`anonymous` hides the name) or the project thread. */
export interface QuestionPost {
  /**
   * The languages of its labels: in the forum everyone reads, the programme's pinned one or both;
   * in the asker's own thread (a private question), the asker's.
   */
  locales: SharedLocales;
  ticketId: string;
  programmeId: string;
  title: string;
  question: string;
  /** Null for an anonymous forum post. */
  asker: { discordUserId: string; displayName: string } | null;
  tagNames: string[];
}

/** The Discord side of a question (src/discord/helpdesk/gateway.ts). */
export interface HelpdeskDiscord {
  forumTags(forumId: string): Promise<ForumTag[]>;
  /** Opens a forum post with the question as its first message; resolves with the post's id. */
  postInForum(forumId: string, post: QuestionPost, appliedTags: string[]): Promise<{ threadId: string }>;
  postInThread(threadId: string, post: QuestionPost): Promise<{ messageId: string }>;
  /** Replaces a forum post's tags (a post that is gone is fine). */
  setTags(threadId: string, tagIds: string[]): Promise<void>;
}

/** Schedules a ticket's next escalation (src/jobs/help-escalation.ts). */
export interface EscalationJobs {
  schedule(ticket: HelpTicket, escalateHours: number): Promise<void>;
}
