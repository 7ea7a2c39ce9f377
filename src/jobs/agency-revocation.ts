/**
 * Revocation at once: when a client stops sharing (or leaves the agency), a `revoke-shares` job
 * deletes every message the bot posted to an agency about them and edits their digest sections
 * to "stopped sharing". The job id is per member and consent change, so repeats are no-ops; the
 * reconciler re-adds it for anyone still listed in `AgencyDelivery` without consent.
 */
import { DiscordAPIError, type REST, RESTJSONErrorCodes, Routes } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { Database } from "../db/client.ts";
import { createAgencyViewRepository } from "../db/repositories/agency-views.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import type { Locale } from "../domain/enums.ts";
import { stoppedSection } from "../features/agency/digest-message.ts";
import type { ShareRevocations } from "../features/agency/revocation.ts";
import { JOBS } from "./definitions.ts";
import { done, retryLater } from "./outcome.ts";
import type { Queues } from "./queues.ts";
import { handleJob } from "./workers.ts";

/**
 * BullMQ forbids ":" in job ids: `revoke-shares-<memberId>-<consentChangedAt ms>`, plus a `retry`
 * tag when the same change must be swept again (a digest raced it, or the reconciler found
 * messages left).
 */
const revocationJobId = (memberId: string, changedAt: Date | null, retry?: string) =>
  `revoke-shares-${memberId}-${changedAt?.getTime() ?? 0}${retry ? `-${retry}` : ""}`;

/** Adds the revocation job for one consent change (idempotent per id). */
export async function enqueueRevocation(
  queues: Queues,
  memberId: string,
  changedAt: Date | null,
  retry?: string,
): Promise<void> {
  await queues.add(JOBS.revokeShares, { memberId }, { jobId: revocationJobId(memberId, changedAt, retry) });
}

/** {@link ShareRevocations} over the agencies queue. */
export function shareRevocations(queues: Queues): ShareRevocations {
  return { revoke: (memberId, changedAt) => enqueueRevocation(queues, memberId, changedAt) };
}

/** A message or channel that is already gone is what we wanted. */
const GONE = new Set<number | string>([RESTJSONErrorCodes.UnknownMessage, RESTJSONErrorCodes.UnknownChannel]);

/**
 * Clears one member's shares. A member who shares again with the same agency before this runs
 * keeps them. Returns how many messages were deleted and sections edited.
 */
export async function revokeShares(
  deps: { db: Database; rest: REST; defaultLocale: Locale },
  memberId: string,
): Promise<{ deleted: number; edited: number; kept: number }> {
  const views = createAgencyViewRepository(deps.db);
  const member = await views.client(memberId);
  const rows = await views.deliveriesOf(memberId);
  const programme = await deps.db.member.findUnique({
    where: { id: memberId },
    select: { programmeId: true },
  });
  const forced = programme
    ? (await createProgrammeRepository(deps.db).get(programme.programmeId))?.forcedLocale
    : null;
  const locale = forced ?? deps.defaultLocale;
  let deleted = 0;
  let edited = 0;
  let kept = 0;
  for (const row of rows) {
    if (member?.agencyConsent && member.agencyId === row.agencyId) {
      kept += 1;
      continue;
    }
    try {
      if (row.kind === "digest" && row.section !== null) {
        const message = (await deps.rest.get(Routes.channelMessage(row.channelId, row.messageId))) as {
          embeds?: Array<
            { fields?: Array<{ name: string; value: string; inline?: boolean }> } & Record<string, unknown>
          >;
        };
        const embeds = message.embeds ?? [];
        const first = embeds[0];
        if (first?.fields?.[row.section]) {
          first.fields[row.section] = stoppedSection(locale);
          await deps.rest.patch(Routes.channelMessage(row.channelId, row.messageId), {
            body: { embeds: embeds.map(({ type: _type, ...rest }) => rest) },
          });
        }
        edited += 1;
      } else {
        await deps.rest.delete(Routes.channelMessage(row.channelId, row.messageId));
        deleted += 1;
      }
    } catch (error) {
      if (!(error instanceof DiscordAPIError && GONE.has(error.code))) throw error;
    }
    await views.deleteDelivery(row.id);
  }
  return { deleted, edited, kept };
}

/** The `revoke-shares` job: retried while Discord fails, so nothing stays posted. */
export function revokeSharesHandler(ctx: AppContext, rest: REST) {
  return handleJob(JOBS.revokeShares, async ({ memberId }) => {
    try {
      const r = await revokeShares({ db: ctx.db, rest, defaultLocale: ctx.config.defaults.locale }, memberId);
      return done(`${r.deleted} deleted, ${r.edited} digest sections edited, ${r.kept} kept`);
    } catch (error) {
      return retryLater(error instanceof Error ? error.message : String(error));
    }
  });
}

/** Re-adds the revocation of every member still listed without consent. Returns how many. */
export async function reconcileRevocations(deps: {
  db: Database;
  queues: Queues;
  now: () => Date;
}): Promise<number> {
  const pending = await createAgencyViewRepository(deps.db).revocationsPending();
  // One sweep id per quarter hour: a finished job under the plain id must not hide what is left.
  const sweep = `sweep${Math.floor(deps.now().getTime() / 900_000)}`;
  for (const p of pending) await enqueueRevocation(deps.queues, p.memberId, p.consentChangedAt, sweep);
  return pending.length;
}
