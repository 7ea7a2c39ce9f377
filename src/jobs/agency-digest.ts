/**
 * The weekly agency digest: a BullMQ job scheduler per agency (`agency-digest:<agencyId>`, a cron
 * pattern in the programme's zone), re-created from `AgencyDigestSetting` by the reconciler. At
 * send time the consenting clients are read again; each post goes through the delivery ledger
 * (one per agency, week and recipient), so restarts and a second process never send twice, and
 * each client's section is recorded in `AgencyDelivery` for revocation.
 */
import { ChannelType, DiscordAPIError, HTTPError, type REST, Routes } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createAgencyRepository } from "../db/repositories/agencies.ts";
import { createAgencyViewRepository } from "../db/repositories/agency-views.ts";
import { createDeliveryRepository } from "../db/repositories/deliveries.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import { createAgencyViewStore } from "../db/stores/agency-views.ts";
import { digestCronPattern, digestSchedulerId, recentWeek } from "../domain/agency/digest.ts";
import type { Locale } from "../domain/enums.ts";
import { agencyThreadKey, ResourceKeys } from "../domain/workspace/keys.ts";
import { digestMessages } from "../features/agency/digest-message.ts";
import { type DigestScheduler, digestContent } from "../features/agency/views.ts";
import { enqueueRevocation } from "./agency-revocation.ts";
import { JOBS } from "./definitions.ts";
import { deliverOnce, EffectNotDone } from "./delivery.ts";
import { done, giveUp, type JobOutcome, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/** {@link DigestScheduler} over the agencies queue. */
export function digestScheduler(queues: Queues): DigestScheduler {
  return {
    async schedule(agencyId, pattern, tz) {
      await queues.every(JOBS.sendAgencyDigest, { agencyId }, { pattern, tz }, digestSchedulerId(agencyId));
    },
  };
}

/** Re-creates every agency's digest scheduler from the database. Returns how many. */
export async function reconcileAgencyDigests(deps: { db: Database; queues: Queues }): Promise<number> {
  const settings = await createAgencyViewRepository(deps.db).activeDigestSettings();
  const scheduler = digestScheduler(deps.queues);
  for (const s of settings) await scheduler.schedule(s.agencyId, digestCronPattern(s), s.timeZone);
  return settings.length;
}

/** Discord answered with an error: nothing was posted, the claim may be released. */
function notDone(error: unknown): never {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    throw new EffectNotDone(error.message, { cause: error });
  }
  throw error;
}

/** Delivery keys of the digest. Per agency, local send day, recipient and part. */
const digestKey = (agencyId: string, day: string, to: string, part: number) =>
  `agency-digest:${agencyId}:${day}:${to}:${part}`;

/**
 * The agency's private thread in `channel:agency`, created once (the ledger key is the resource
 * key), with the agency's staff added. The shared channel itself never carries client detail.
 */
async function ensureThread(
  deps: { db: Database; rest: REST; now: () => Date },
  input: {
    programmeId: string;
    agencyId: string;
    agencyName: string;
    threadId: string | null;
    staff: string[];
  },
): Promise<string | null> {
  const programmes = createProgrammeRepository(deps.db);
  const key = agencyThreadKey(input.agencyId);
  let threadId =
    input.threadId ?? (await programmes.discordResource(input.programmeId, key))?.discordId ?? null;
  if (threadId === null) {
    const channel = await programmes.discordResource(input.programmeId, ResourceKeys.channels.agency);
    if (channel === null) return null;
    const made = await deliverOnce(createDeliveryRepository(deps.db), key, deps.now, async () => {
      const thread = (await deps.rest
        .post(Routes.threads(channel.discordId), {
          body: { name: input.agencyName.slice(0, 100), type: ChannelType.PrivateThread, invitable: false },
        })
        .catch(notDone)) as { id: string };
      return { messageId: thread.id };
    });
    if (made.status === "in_flight" || made.messageId === null) return null;
    threadId = made.messageId;
    await programmes.saveDiscordResource(input.programmeId, { key, discordId: threadId, kind: "thread" });
  }
  await createAgencyViewRepository(deps.db).setDigestThread(input.agencyId, threadId);
  for (const userId of input.staff) {
    await deps.rest.put(Routes.threadMembers(threadId, userId)).catch(() => undefined);
  }
  return threadId;
}

/**
 * Sends one agency's digest now (the scheduled job, and the benchmark). Returns the job outcome.
 */
export async function sendAgencyDigest(
  deps: { db: Database; rest: REST; now: () => Date; queues: Queues; defaultLocale: Locale },
  agencyId: string,
): Promise<JobOutcome> {
  const agencyRow = await deps.db.agency.findUnique({ where: { id: agencyId } });
  if (agencyRow === null) return done("the agency no longer exists");
  const programmes = createProgrammeRepository(deps.db);
  const programme =
    agencyRow.programmeId === null
      ? await programmes.current(agencyRow.guildId)
      : await programmes.get(agencyRow.programmeId);
  if (programme === null || (programme.status !== "open" && programme.status !== "draft")) {
    return done("the programme is not running");
  }
  const views = createAgencyViewRepository(deps.db);
  const setting = await views.digestSetting(agencyId);
  if (setting === null) return done("no digest setting");
  const staff = await createAgencyRepository(deps.db).staffOf(agencyId);
  if (staff.length === 0) return done("the agency has no staff");
  const locale = programme.forcedLocale ?? deps.defaultLocale;
  const now = deps.now();
  const day = recentWeek(now, programme.timeZone).key;
  // Consent is read now, at send time.
  const content = await digestContent(createAgencyViewStore(deps.db), {
    agency: {
      id: agencyRow.id,
      guildId: agencyRow.guildId,
      programmeId: agencyRow.programmeId,
      name: agencyRow.name,
      createdAt: agencyRow.createdAt,
    },
    programmeId: programme.id,
    timeZone: programme.timeZone,
    locale,
    at: now,
  });
  const messages = digestMessages(locale, content);

  const targets: Array<{ to: string; channelId: () => Promise<string | null> }> = [];
  if (setting.delivery === "thread") {
    targets.push({
      to: "thread",
      channelId: () =>
        ensureThread(deps, {
          programmeId: programme.id,
          agencyId,
          agencyName: agencyRow.name,
          threadId: setting.threadId,
          staff,
        }),
    });
  } else {
    for (const userId of staff) {
      targets.push({
        to: `dm:${userId}`,
        channelId: async () => {
          const dm = (await deps.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as {
            id: string;
          };
          return dm.id;
        },
      });
    }
  }

  const ledger = createDeliveryRepository(deps.db);
  let sent = 0;
  let pending = 0;
  for (const target of targets) {
    for (const [part, message] of messages.entries()) {
      const key = digestKey(agencyId, day, target.to, part);
      if ((await ledger.find(key))?.status === "sent") continue;
      let channelId: string | null;
      try {
        channelId = await target.channelId();
      } catch {
        // A staff member who does not take DMs: the others still get theirs.
        continue;
      }
      if (channelId === null) return giveUp("no agency channel or thread to post in");
      const target_ = channelId;
      try {
        const outcome = await deliverOnce(ledger, key, deps.now, async () => {
          const posted = (await deps.rest
            .post(Routes.channelMessages(target_), {
              body: { ...message.body, allowed_mentions: { parse: [] } },
            })
            .catch(notDone)) as { id: string };
          await views.recordDeliveries(
            message.sections.map((memberId, section) => ({
              agencyId,
              memberId,
              kind: "digest",
              channelId: target_,
              messageId: posted.id,
              section,
              at: now,
            })),
          );
          return { messageId: posted.id };
        });
        if (outcome.status === "in_flight") pending += 1;
        else if (outcome.status === "sent") sent += 1;
      } catch (error) {
        pending += 1;
        if (!(error instanceof EffectNotDone)) throw error;
      }
    }
  }
  // A client who stopped sharing while this was being sent: their section goes at once.
  for (const client of content.clients) {
    const current = await views.client(client.memberId);
    if (current !== null && (!current.agencyConsent || current.agencyId !== agencyId)) {
      await enqueueRevocation(deps.queues, client.memberId, current.consentChangedAt, `digest${day}`);
    }
  }
  if (pending > 0) return retryLater(`${pending} digest posts not yet delivered`);
  return done(`${sent} digest messages sent`);
}

/** The scheduled digest job. */
export function sendAgencyDigestHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.sendAgencyDigest, async ({ agencyId }) =>
    sendAgencyDigest(
      {
        db: ctx.db,
        rest,
        now: () => ctx.now(),
        queues: ctx.queues,
        defaultLocale: ctx.config.defaults.locale,
      },
      agencyId,
    ),
  );
}
