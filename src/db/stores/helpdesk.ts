/** {@link HelpdeskStore} over the repositories: each write and its audit entry in one transaction. */
import type { HelpdeskActor, HelpdeskStore } from "../../features/helpdesk/ports.ts";
import type { Database } from "../client.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createHelpTicketRepository } from "../repositories/help-tickets.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function createHelpdeskStore(db: Database): HelpdeskStore {
  const tickets = createHelpTicketRepository(db);
  const members = createMemberRepository(db);
  const programmes = createProgrammeRepository(db);
  const audited = <T>(
    actor: HelpdeskActor,
    action: string,
    ticketId: string,
    write: (repo: ReturnType<typeof createHelpTicketRepository>) => Promise<T>,
    data?: unknown,
  ): Promise<T> =>
    db.$transaction(async (tx) => {
      const result = await write(createHelpTicketRepository(tx));
      // A write that lost its race changed nothing: nothing to audit.
      if (result !== false) await recordAudit(tx, actor, action, `help_ticket:${ticketId}`, data);
      return result;
    });
  return {
    programme: (id) => programmes.get(id),
    currentProgramme: (guildId) => programmes.current(guildId),
    member: (programmeId, userId) => members.find(programmeId, userId),
    memberById: (memberId) => members.get(memberId),
    displayName: async (memberId) => (await members.profile(memberId))?.displayName ?? null,
    preferredLocale: (memberId) => members.preferredLocale(memberId),
    resource: async (programmeId, key) =>
      (await programmes.discordResource(programmeId, key))?.discordId ?? null,
    ask: (actor, input) =>
      db.$transaction(async (tx) => {
        const ticket = await createHelpTicketRepository(tx).create({
          ...input,
          programmeId: actor.programmeId,
          at: actor.at,
        });
        // The question itself is the intern's; the audit log records only that one was asked.
        await recordAudit(tx, actor, "help.ask", `help_ticket:${ticket.id}`, {
          private: ticket.private,
          anonymous: ticket.anonymous,
          tagIds: ticket.tagIds,
        });
        return ticket;
      }),
    setPost: (ticketId, post) => tickets.setPost(ticketId, post),
    ticket: (ticketId) => tickets.get(ticketId),
    queue: (programmeId, filter) => tickets.queue(programmeId, filter),
    claim: (actor, ticketId, memberId) =>
      audited(actor, "help.claim", ticketId, (repo) => repo.claim(ticketId, memberId, actor.at)),
    release: (actor, ticketId, holderId) =>
      audited(actor, "help.release", ticketId, (repo) => repo.release(ticketId, holderId), { holderId }),
    resolve: (actor, ticketId, memberId) =>
      audited(actor, "help.resolve", ticketId, (repo) => repo.resolve(ticketId, memberId, actor.at)),
    awaitingReplyIn: (programmeId, channelId) => tickets.awaitingReplyIn(programmeId, channelId),
    markStaffReply: (ticketId, at) => tickets.markStaffReply(ticketId, at),
  };
}
