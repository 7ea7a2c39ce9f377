/**
 * Help-ticket escalation: a delayed `help-escalate` job per ticket and level. At the programme's
 * `helpEscalateHours` without a staff reply the ticket is posted in `channel:staff` mentioning the
 * mentor role; at twice that every organiser is sent a DM. The database is the truth: the job
 * re-checks the ticket before posting, posts through the delivery ledger, and the reconciler
 * re-creates every job from the tickets.
 */
import { DiscordAPIError, HTTPError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createHelpTicketRepository } from "../db/repositories/help-tickets.ts";
import { createMemberRepository } from "../db/repositories/members.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import type { Locale } from "../domain/enums.ts";
import {
  type EscalationLevel,
  escalationDue,
  escalationJobId,
  type HelpTicket,
  nextEscalation,
} from "../domain/helpdesk/rules.ts";
import { ResourceKeys } from "../domain/workspace/keys.ts";
import type { EscalationJobs } from "../features/helpdesk/ports.ts";
import { t } from "../i18n/translate.ts";
import { postOnce } from "./channel-post.ts";
import { JOBS } from "./definitions.ts";
import { DeliveryKeys, deliverOnce, EffectNotDone } from "./delivery.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** {@link EscalationJobs} over the operations queue: the ticket's next escalation, at its time. */
export function escalationJobs(queues: Queues, now: () => Date = () => new Date()): EscalationJobs {
  return {
    async schedule(ticket, escalateHours) {
      const next = nextEscalation(ticket, escalateHours);
      if (next === null) return;
      await queues.add(
        JOBS.escalateHelpTicket,
        { ticketId: ticket.id, level: next.level },
        {
          jobId: escalationJobId(ticket.id, next.level, next.dueAt),
          delay: Math.max(0, next.dueAt.getTime() - now().getTime()),
        },
      );
    },
  };
}

/** Where the question is, as a link staff can open. */
async function questionLink(db: Database, guildId: string, ticket: HelpTicket): Promise<string> {
  if (ticket.forumThreadId) return `https://discord.com/channels/${guildId}/${ticket.forumThreadId}`;
  const asker = await createMemberRepository(db).get(ticket.askerId);
  if (!asker?.projectChannelId) return "";
  return `https://discord.com/channels/${guildId}/${asker.projectChannelId}${ticket.messageId ? `/${ticket.messageId}` : ""}`;
}

export function escalateHelpTicketHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.escalateHelpTicket, async ({ ticketId, level }) => {
    const tickets = createHelpTicketRepository(ctx.db);
    const ticket = await tickets.get(ticketId);
    if (ticket === null) return done("the ticket no longer exists");
    const programmes = createProgrammeRepository(ctx.db);
    const programme = await programmes.get(ticket.programmeId);
    if (programme === null || programme.status !== "open") return done("the programme is not running");
    const hours = programme.settings.helpEscalateHours;
    const state = escalationDue(ticket, hours, level, ctx.now());
    if (state === "settled") return done("answered, resolved or already escalated");
    if (state === "early") {
      // The setting was raised after this job was queued: the new time gets its own job.
      await escalationJobs(ctx.queues, ctx.now).schedule(ticket, hours);
      return done("not due yet (the setting changed): rescheduled");
    }
    const locale = programme.forcedLocale ?? ctx.config.defaults.locale;
    const link = await questionLink(ctx.db, programme.guildId, ticket);
    const waited = level * hours;
    if (level === 1) {
      const staff = await programmes.discordResource(programme.id, ResourceKeys.channels.staff);
      const mentorRole = await programmes.discordResource(programme.id, ResourceKeys.roles.mentor);
      if (staff === null) {
        await tickets.escalate(ticket.id, level);
        await scheduleNext(ctx, ticket.id, hours);
        return giveUp("no staff channel: the organisers' DM follows at twice the time");
      }
      const content = t(locale, "helpdesk.escalate.staff", {
        role: mentorRole ? `<@&${mentorRole.discordId}>` : "",
        title: ticket.title,
        hours: waited,
        link,
      }).trim();
      const posted = await postOnce(
        { db: ctx.db, rest, now: ctx.now },
        DeliveryKeys.helpEscalation(ticket.id, 1),
        staff.discordId,
        { content, allowed_mentions: { roles: mentorRole ? [mentorRole.discordId] : [] } },
        "escalation",
      );
      if ("failed" in posted) return posted.failed;
      if (posted.delivery.status === "in_flight") return retryLater("another run is posting this escalation");
    } else {
      // Each organiser's own DM: the pinned language, else the one they chose, else the default.
      const outcome = await dmOrganisers(ctx, rest, ticket, (own) =>
        t(programme.forcedLocale ?? own ?? locale, "helpdesk.escalate.dm", {
          title: ticket.title,
          hours: waited,
          link,
        }),
      );
      if (outcome !== null) return outcome;
    }
    await tickets.escalate(ticket.id, level);
    await scheduleNext(ctx, ticket.id, hours);
    ctx.logger.info({ ticketId, level }, "help ticket escalated");
    return done();
  });
}

async function scheduleNext(ctx: AppContext, ticketId: string, hours: number) {
  const ticket = await createHelpTicketRepository(ctx.db).get(ticketId);
  if (ticket) await escalationJobs(ctx.queues, ctx.now).schedule(ticket, hours);
}

/** One DM per organiser, each once; closed DMs are the organiser's choice and are skipped. */
async function dmOrganisers(
  ctx: AppContext,
  rest: REST,
  ticket: HelpTicket,
  contentIn: (locale: Locale | null) => string,
) {
  const organisers = await ctx.db.member.findMany({
    where: { programmeId: ticket.programmeId, roles: { some: { role: "organiser" } } },
    select: { id: true, discordUserId: true, profile: { select: { preferredLocale: true } } },
  });
  const ledger = createDeliveryRepository(ctx.db);
  for (const organiser of organisers) {
    const content = contentIn(organiser.profile?.preferredLocale ?? null);
    try {
      const delivery = await deliverOnce(
        ledger,
        DeliveryKeys.helpEscalation(ticket.id, 2 satisfies EscalationLevel, organiser.id),
        ctx.now,
        async () => {
          try {
            const dm = (await rest.post(Routes.userChannels(), {
              body: { recipient_id: organiser.discordUserId },
            })) as { id: string };
            const message = (await rest.post(Routes.channelMessages(dm.id), {
              body: { content, allowed_mentions: { parse: [] } },
            })) as { id?: string };
            return { messageId: message.id ?? null };
          } catch (error) {
            if (error instanceof DiscordAPIError || error instanceof HTTPError) {
              throw new EffectNotDone(error.message, { cause: error });
            }
            throw error;
          }
        },
      );
      if (delivery.status === "in_flight") return retryLater("another run is sending these DMs");
    } catch (error) {
      const cause = error instanceof EffectNotDone ? error.cause : error;
      if (
        cause instanceof DiscordAPIError &&
        cause.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser
      ) {
        ctx.logger.info({ memberId: organiser.id }, "organiser has DMs closed; escalation DM skipped");
        continue;
      }
      return retryLater(cause instanceof Error ? cause.message : String(cause));
    }
  }
  return null;
}

/**
 * Re-creates every escalation job Redis should hold: each unresolved ticket without a staff reply
 * in a running programme gets its next level's job under its idempotent id (one already due runs
 * now; the delivery ledger stops a second post). Returns how many it added or confirmed.
 */
export async function reconcileHelpEscalations(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const jobs = escalationJobs(deps.queues, deps.now);
  let ensured = 0;
  for (const ticket of await createHelpTicketRepository(deps.db).escalatable()) {
    await jobs.schedule(ticket, ticket.escalateHours);
    ensured += 1;
  }
  return ensured;
}
