/** `/ask` and `/helpdesk`: questions, the staff queue, claims, resolution and staff replies. */
import type { Locale } from "../../domain/enums.ts";
import {
  appliedTags,
  checkClaim,
  checkRelease,
  checkResolve,
  type HelpTicket,
  QUESTION_MAX,
  TITLE_MAX,
  topicTags,
} from "../../domain/helpdesk/rules.ts";
import type { Member } from "../../domain/member/types.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { sharedLocales } from "../../i18n/shared.ts";
import { UserError } from "../errors.ts";
import type { EscalationJobs, HelpdeskActor, HelpdeskDiscord, HelpdeskStore, QuestionPost } from "./ports.ts";

export interface HelpdeskPorts {
  store: HelpdeskStore;
  escalations: () => EscalationJobs;
  now: () => Date;
  defaultLocale: Locale;
  /** Logs a failure that the reconciler repairs (a lost escalation job). */
  onScheduleError?: (error: unknown) => void;
}

/** Who is asking, in the server's current programme. */
export interface HelpdeskCaller {
  guildId: string;
  programmeId: string | null;
  userId: string;
}

/** How many tickets one `/helpdesk queue` page shows (one row of buttons each; Discord allows 5). */
export const QUEUE_PAGE = 5;

/** A ticket with the names staff see on its card. */
export interface TicketCard {
  ticket: HelpTicket;
  askerUserId: string;
  askerName: string;
  /** The asker's project thread, where a private question is. */
  askerThreadId: string | null;
  holderUserId: string | null;
  tagNames: string[];
}

const isStaff = (member: Member) => member.roles.includes("mentor") || member.roles.includes("organiser");

export function helpdeskUseCases(ports: HelpdeskPorts) {
  const { store } = ports;

  async function programmeOf(caller: HelpdeskCaller, payloadProgrammeId?: string): Promise<Programme> {
    if (payloadProgrammeId !== undefined && caller.programmeId !== payloadProgrammeId) {
      throw new UserError("error.customId.stale");
    }
    const programme = caller.programmeId === null ? null : await store.programme(caller.programmeId);
    if (programme === null) throw new UserError("error.access.noProgramme");
    return programme;
  }

  async function internOf(caller: HelpdeskCaller, payloadProgrammeId?: string) {
    const programme = await programmeOf(caller, payloadProgrammeId);
    const member = await store.member(programme.id, caller.userId);
    if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
    if (member.stage === "withdrawn") throw new UserError("project.withdrawn");
    return { programme, member };
  }

  async function staffOf(caller: HelpdeskCaller) {
    const programme = await programmeOf(caller);
    const member = await store.member(programme.id, caller.userId);
    if (member === null || !isStaff(member)) throw new UserError("error.access.mentor");
    return { programme, member };
  }

  /** The ticket a button names, or why the button is stale. */
  async function ticketOf(programme: Programme, ticketId: string): Promise<HelpTicket> {
    const ticket = await store.ticket(ticketId);
    if (ticket === null || ticket.programmeId !== programme.id) throw new UserError("helpdesk.error.gone");
    return ticket;
  }

  const actorOf = (caller: HelpdeskCaller, programme: Programme): HelpdeskActor => ({
    guildId: caller.guildId,
    programmeId: programme.id,
    actorUserId: caller.userId,
    at: ports.now(),
  });

  async function forumOrRefuse(programme: Programme): Promise<string> {
    const forum = await store.resource(programme.id, ResourceKeys.channels.questions);
    if (forum === null) throw new UserError("helpdesk.error.noForum");
    return forum;
  }

  /** Keeps a forum post's status tag in step with its ticket. */
  async function syncTags(discord: HelpdeskDiscord, programme: Programme, ticket: HelpTicket) {
    if (ticket.forumThreadId === null) return;
    const forum = await store.resource(programme.id, ResourceKeys.channels.questions);
    if (forum === null) return;
    const tags = await discord.forumTags(forum);
    await discord.setTags(ticket.forumThreadId, appliedTags(tags, ticket.tagIds, ticket.status));
  }

  async function scheduleEscalation(programme: Programme, ticket: HelpTicket) {
    try {
      await ports.escalations().schedule(ticket, programme.settings.helpEscalateHours);
    } catch (error) {
      // The reconciler re-creates every escalation from the database.
      ports.onScheduleError?.(error);
    }
  }

  async function card(
    _programme: Programme,
    ticket: HelpTicket,
    tagNames: Map<string, string>,
  ): Promise<TicketCard> {
    const asker = await store.memberById(ticket.askerId);
    const holder = ticket.claimedById === null ? null : await store.memberById(ticket.claimedById);
    return {
      ticket,
      askerUserId: asker?.discordUserId ?? "",
      askerName: (await store.displayName(ticket.askerId)) ?? asker?.discordUserId ?? "?",
      askerThreadId: asker?.projectChannelId ?? null,
      holderUserId: holder?.discordUserId ?? null,
      tagNames: ticket.tagIds.flatMap((id) => tagNames.get(id) ?? []),
    };
  }

  async function tagNamesOf(programme: Programme, discord: HelpdeskDiscord): Promise<Map<string, string>> {
    const forum = await store.resource(programme.id, ResourceKeys.channels.questions);
    if (forum === null) return new Map();
    return new Map((await discord.forumTags(forum)).flatMap((t) => (t.id ? [[t.id, t.name] as const] : [])));
  }

  return {
    /** `/ask`'s checks before the modal opens: an intern, and somewhere to ask. */
    async askForm(
      caller: HelpdeskCaller,
      input: { private: boolean; tag: string | null },
      discord: HelpdeskDiscord,
    ): Promise<{ programmeId: string; tagId: string | null }> {
      const { programme, member } = await internOf(caller);
      if (input.private) {
        if (member.projectChannelId === null) throw new UserError("helpdesk.error.noThread");
        return { programmeId: programme.id, tagId: null };
      }
      const forum = await forumOrRefuse(programme);
      if (input.tag === null || input.tag.trim() === "") return { programmeId: programme.id, tagId: null };
      const wanted = input.tag.trim();
      const tag = topicTags(await discord.forumTags(forum)).find((t) => t.id === wanted || t.name === wanted);
      if (!tag?.id) throw new UserError("helpdesk.error.unknownTag", { tag: wanted });
      return { programmeId: programme.id, tagId: tag.id };
    },

    /** The topic tags matching what was typed, for `/ask tag:`'s autocomplete. */
    async tagChoices(caller: HelpdeskCaller, typed: string, discord: HelpdeskDiscord) {
      const programme = await programmeOf(caller);
      const forum = await store.resource(programme.id, ResourceKeys.channels.questions);
      if (forum === null) return [];
      const needle = typed.trim().toLowerCase();
      return topicTags(await discord.forumTags(forum))
        .filter((t) => t.id && t.name.toLowerCase().includes(needle))
        .slice(0, 25)
        .map((t) => ({ name: t.name, value: t.id as string }));
    },

    /**
     * Saves the question and posts it: a forum post with its topic tag and the 未回答 status tag
     * (without the asker's name when anonymous), or a message in the asker's project thread. The
     * first escalation is scheduled. An oversized field is refused with the text given back.
     */
    async ask(
      caller: HelpdeskCaller,
      input: {
        programmeId: string;
        private: boolean;
        anonymous: boolean;
        tagId: string | null;
        title: string;
        question: string;
      },
      discord: HelpdeskDiscord,
    ): Promise<{ ticket: HelpTicket; channelId: string }> {
      const { programme, member } = await internOf(caller, input.programmeId);
      const title = input.title.trim();
      const question = input.question.trim();
      if (title === "" || question === "") throw new UserError("helpdesk.error.empty");
      if (title.length > TITLE_MAX || question.length > QUESTION_MAX) {
        throw new UserError("helpdesk.error.tooLong", {
          titleMax: TITLE_MAX,
          questionMax: QUESTION_MAX,
          text: `${title}\n\n${question}`,
        });
      }
      const target = input.private ? member.projectChannelId : await forumOrRefuse(programme);
      if (target === null) throw new UserError("helpdesk.error.noThread");
      const forumTags = input.private ? [] : await discord.forumTags(target);
      const tagIds =
        input.tagId !== null && topicTags(forumTags).some((t) => t.id === input.tagId) ? [input.tagId] : [];
      const ticket = await store.ask(actorOf(caller, programme), {
        askerId: member.id,
        title,
        question,
        tagIds,
        private: input.private,
        anonymous: input.private ? false : input.anonymous,
      });
      const post: QuestionPost = {
        locales: input.private
          ? [programme.forcedLocale ?? (await store.preferredLocale(member.id)) ?? ports.defaultLocale]
          : sharedLocales(programme, ports.defaultLocale),
        ticketId: ticket.id,
        programmeId: programme.id,
        title,
        question,
        asker: ticket.anonymous
          ? null
          : {
              discordUserId: member.discordUserId,
              displayName: (await store.displayName(member.id)) ?? member.discordUserId,
            },
        tagNames: forumTags.filter((t) => t.id && tagIds.includes(t.id)).map((t) => t.name),
      };
      let posted: HelpTicket;
      let channelId: string;
      if (input.private) {
        const { messageId } = await discord.postInThread(target, post);
        await store.setPost(ticket.id, { forumThreadId: null, messageId });
        posted = { ...ticket, messageId };
        channelId = target;
      } else {
        const { threadId } = await discord.postInForum(target, post, appliedTags(forumTags, tagIds, "open"));
        await store.setPost(ticket.id, { forumThreadId: threadId, messageId: threadId });
        posted = { ...ticket, forumThreadId: threadId, messageId: threadId };
        channelId = threadId;
      }
      await scheduleEscalation(programme, posted);
      return { ticket: posted, channelId };
    },

    /** `/helpdesk queue`: unresolved tickets, oldest first, optionally one tag's or the caller's. */
    async queue(
      caller: HelpdeskCaller,
      filter: { tag: string | null; mine: boolean },
      discord: HelpdeskDiscord,
    ): Promise<{ cards: TicketCard[]; more: boolean }> {
      const { programme, member } = await staffOf(caller);
      const names = await tagNamesOf(programme, discord);
      let tagId: string | undefined;
      if (filter.tag !== null && filter.tag.trim() !== "") {
        const wanted = filter.tag.trim();
        tagId = [...names].find(([id, name]) => id === wanted || name === wanted)?.[0];
        if (tagId === undefined) throw new UserError("helpdesk.error.unknownTag", { tag: wanted });
      }
      const tickets = await store.queue(programme.id, {
        ...(tagId === undefined ? {} : { tagId }),
        ...(filter.mine ? { claimedById: member.id } : {}),
        limit: QUEUE_PAGE + 1,
      });
      const cards = await Promise.all(tickets.slice(0, QUEUE_PAGE).map((t) => card(programme, t, names)));
      return { cards, more: tickets.length > QUEUE_PAGE };
    },

    /** Claims a ticket; one somebody else holds is refused with the holder's name. */
    async claim(caller: HelpdeskCaller, ticketId: string, discord: HelpdeskDiscord): Promise<TicketCard> {
      const { programme, member } = await staffOf(caller);
      const refuse = async (ticket: HelpTicket): Promise<never> => {
        const check = checkClaim(ticket, member.id);
        if (check.ok) throw new UserError("helpdesk.error.gone");
        if (check.problem === "claimed") {
          const holder = await store.memberById(check.holderId);
          throw new UserError("helpdesk.error.claimed", { holder: `<@${holder?.discordUserId ?? "?"}>` });
        }
        throw new UserError(check.problem === "closed" ? "helpdesk.error.closed" : "helpdesk.error.yours");
      };
      const ticket = await ticketOf(programme, ticketId);
      if (!checkClaim(ticket, member.id).ok) await refuse(ticket);
      if (!(await store.claim(actorOf(caller, programme), ticket.id, member.id))) {
        await refuse(await ticketOf(programme, ticketId));
      }
      const claimed = await ticketOf(programme, ticketId);
      await syncTags(discord, programme, claimed);
      return card(programme, claimed, await tagNamesOf(programme, discord));
    },

    /** Gives a claimed ticket back to the queue (its holder, or an organiser). */
    async release(caller: HelpdeskCaller, ticketId: string, discord: HelpdeskDiscord): Promise<HelpTicket> {
      const { programme, member } = await staffOf(caller);
      const ticket = await ticketOf(programme, ticketId);
      const check = checkRelease(ticket, member.id, member.roles.includes("organiser"));
      if (!check.ok) throw new UserError(`helpdesk.error.release.${check.problem}`);
      const holderId = ticket.claimedById as string;
      if (!(await store.release(actorOf(caller, programme), ticket.id, holderId))) {
        throw new UserError("helpdesk.error.release.notClaimed");
      }
      const released = await ticketOf(programme, ticketId);
      await syncTags(discord, programme, released);
      return released;
    },

    /** Resolves a ticket: the asker, a mentor or an organiser. */
    async resolve(caller: HelpdeskCaller, ticketId: string, discord: HelpdeskDiscord): Promise<HelpTicket> {
      const programme = await programmeOf(caller);
      const member = await store.member(programme.id, caller.userId);
      if (member === null) throw new UserError("error.access.member");
      const ticket = await ticketOf(programme, ticketId);
      const check = checkResolve(ticket, member.id, isStaff(member));
      if (!check.ok) {
        throw new UserError(check.problem === "closed" ? "helpdesk.error.closed" : "helpdesk.error.notAsker");
      }
      if (!(await store.resolve(actorOf(caller, programme), ticket.id, member.id))) {
        throw new UserError("helpdesk.error.closed");
      }
      const resolved = await ticketOf(programme, ticketId);
      await syncTags(discord, programme, resolved);
      return resolved;
    },

    /**
     * A message was written in `channelId` (author and time only: its content is never read). When
     * the author is a mentor or organiser and it is where an unanswered ticket's question is, that
     * ticket has its first staff reply: no escalation after this. Returns how many tickets it answered.
     */
    async staffReply(
      event: { guildId: string; channelId: string; userId: string; at: Date },
      discord: HelpdeskDiscord,
    ): Promise<number> {
      const programme = await store.currentProgramme(event.guildId);
      if (programme === null) return 0;
      const waiting = await store.awaitingReplyIn(programme.id, event.channelId);
      if (waiting.length === 0) return 0;
      const member = await store.member(programme.id, event.userId);
      if (member === null || !isStaff(member)) return 0;
      let answered = 0;
      for (const ticket of waiting) {
        if (!(await store.markStaffReply(ticket.id, event.at))) continue;
        answered += 1;
        const now = await store.ticket(ticket.id);
        if (now) await syncTags(discord, programme, now);
      }
      return answered;
    },
  };
}

export type HelpdeskUseCases = ReturnType<typeof helpdeskUseCases>;
