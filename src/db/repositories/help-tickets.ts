/** Help tickets: questions interns ask, their claims, staff replies and escalations. */
import type { HelpTicket } from "../../domain/helpdesk/rules.ts";
import type { DatabaseTransaction } from "../client.ts";
import { stringList } from "./json.ts";

/** A ticket as the database holds it: the domain ticket with its tag ids still raw JSON. */
type TicketRow = Omit<HelpTicket, "tagIds"> & { tagIds: unknown };

function toTicket(row: TicketRow): HelpTicket {
  return {
    id: row.id,
    programmeId: row.programmeId,
    askerId: row.askerId,
    title: row.title,
    question: row.question,
    tagIds: stringList.parse(row.tagIds),
    private: row.private,
    anonymous: row.anonymous,
    status: row.status,
    claimedById: row.claimedById,
    forumThreadId: row.forumThreadId,
    messageId: row.messageId,
    createdAt: row.createdAt,
    firstStaffReplyAt: row.firstStaffReplyAt,
    escalationLevel: row.escalationLevel,
    closedAt: row.closedAt,
    resolvedById: row.resolvedById,
  };
}

export function createHelpTicketRepository(db: DatabaseTransaction) {
  return {
    async create(input: {
      programmeId: string;
      askerId: string;
      title: string;
      question: string;
      tagIds: string[];
      private: boolean;
      anonymous: boolean;
      at: Date;
    }): Promise<HelpTicket> {
      return toTicket(
        await db.helpTicket.create({
          data: {
            programmeId: input.programmeId,
            askerId: input.askerId,
            title: input.title,
            question: input.question,
            tagIds: input.tagIds,
            private: input.private,
            anonymous: input.anonymous,
            createdAt: input.at,
          },
        }),
      );
    },

    async get(id: string): Promise<HelpTicket | null> {
      const row = await db.helpTicket.findUnique({ where: { id } });
      return row ? toTicket(row) : null;
    },

    async setPost(id: string, post: { forumThreadId: string | null; messageId: string | null }) {
      await db.helpTicket.update({ where: { id }, data: post });
    },

    /** Unresolved tickets, oldest first (the `(programmeId, status, createdAt)` index). */
    async queue(
      programmeId: string,
      filter: { tagId?: string; claimedById?: string; limit: number },
    ): Promise<HelpTicket[]> {
      const rows = await db.helpTicket.findMany({
        where: {
          programmeId,
          status: { in: ["open", "claimed", "answered"] },
          ...(filter.claimedById === undefined ? {} : { claimedById: filter.claimedById }),
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      });
      // Json path filters differ between SQLite and PostgreSQL: the tag filter is applied here.
      const tickets = rows.map(toTicket);
      const tagId = filter.tagId;
      return (tagId === undefined ? tickets : tickets.filter((t) => t.tagIds.includes(tagId))).slice(
        0,
        filter.limit,
      );
    },

    /** Claims the ticket if nobody holds it (one conditional update decides a race). */
    async claim(id: string, memberId: string, at: Date): Promise<boolean> {
      const { count } = await db.helpTicket.updateMany({
        where: { id, claimedById: null, status: { in: ["open", "answered"] } },
        data: { claimedById: memberId, claimedAt: at, status: "claimed" },
      });
      return count === 1;
    },

    async release(id: string, holderId: string): Promise<boolean> {
      const ticket = await db.helpTicket.findUnique({ where: { id }, select: { firstStaffReplyAt: true } });
      const { count } = await db.helpTicket.updateMany({
        where: { id, claimedById: holderId, status: { not: "closed" } },
        data: {
          claimedById: null,
          claimedAt: null,
          status: ticket?.firstStaffReplyAt ? "answered" : "open",
        },
      });
      return count === 1;
    },

    async resolve(id: string, memberId: string, at: Date): Promise<boolean> {
      const { count } = await db.helpTicket.updateMany({
        where: { id, status: { not: "closed" } },
        data: { status: "closed", closedAt: at, resolvedById: memberId },
      });
      return count === 1;
    },

    /**
     * The unresolved tickets without a staff reply whose question is in `channelId`: the forum post
     * itself, or the asker's project thread for a private one.
     */
    async awaitingReplyIn(programmeId: string, channelId: string): Promise<HelpTicket[]> {
      const rows = await db.helpTicket.findMany({
        where: {
          programmeId,
          status: { not: "closed" },
          firstStaffReplyAt: null,
          OR: [{ forumThreadId: channelId }, { private: true, asker: { projectChannelId: channelId } }],
        },
      });
      return rows.map(toTicket);
    },

    /** Records the first staff reply; false when one was already recorded. */
    async markStaffReply(id: string, at: Date): Promise<boolean> {
      const ticket = await db.helpTicket.findUnique({ where: { id }, select: { status: true } });
      const { count } = await db.helpTicket.updateMany({
        where: { id, firstStaffReplyAt: null },
        data: {
          firstStaffReplyAt: at,
          answeredAt: at,
          ...(ticket?.status === "open" ? { status: "answered" as const } : {}),
        },
      });
      return count === 1;
    },

    /** Raises the escalation level (never lowers it); false when it was already there. */
    async escalate(id: string, level: number): Promise<boolean> {
      const { count } = await db.helpTicket.updateMany({
        where: { id, escalationLevel: { lt: level } },
        data: { escalationLevel: level },
      });
      return count === 1;
    },

    /** Every ticket that may still be escalated, in programmes that are running. */
    async escalatable(): Promise<Array<HelpTicket & { escalateHours: number }>> {
      const rows = await db.helpTicket.findMany({
        where: {
          status: { not: "closed" },
          firstStaffReplyAt: null,
          escalationLevel: { lt: 2 },
          programme: { status: "open" },
        },
        include: { programme: { select: { helpEscalateHours: true } } },
      });
      return rows.map(({ programme, ...row }) => ({
        ...toTicket(row),
        escalateHours: programme.helpEscalateHours,
      }));
    },
  };
}
