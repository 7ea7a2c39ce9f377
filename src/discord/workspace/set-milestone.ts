/** `/program milestone set`: an organiser moves one milestone of the timeline. */
import { createAuditRepository } from "../../db/repositories/audit.ts";
import { createProgrammeRepository } from "../../db/repositories/programmes.ts";
import { createWorkspaceRepository } from "../../db/repositories/workspace.ts";
import { parseLocalDateTime, storedPeriod } from "../../domain/programme/dates.ts";
import { syncTimeline } from "../../domain/programme/schedule.ts";
import { placeMilestone } from "../../domain/programme/timeline.ts";
import { DEFAULT_TEMPLATE } from "../../domain/workspace/default-template.ts";
import { type TimelineKind, validateTemplate } from "../../domain/workspace/template.ts";
import { UserError } from "../../features/errors.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { t as translate } from "../../i18n/translate.ts";
import { milestoneJobs } from "../../jobs/milestone-jobs.ts";
import type { CommandContext } from "../command.ts";

/** The arguments of `/program milestone set`, as the definition declares them. */
export interface SetMilestoneArgs {
  kind: TimelineKind;
  /** `YYYY-MM-DD HH:mm` in the programme's time zone. */
  at: string;
}

/**
 * Moves one milestone: checks the time (inside the programme, in calendar order), stores it in the
 * programme's template timeline (so re-running `/program open` keeps it) and on the milestone,
 * replaces its announcement job (the old id is removed, the new idempotent one added) and records
 * who moved it. A milestone already announced and moved into the future is announced again at its
 * new time, because the first announcement now gives the wrong time; moved into the past it keeps
 * its announcement and gets no new one.
 */
export async function setMilestone(ctx: CommandContext<SetMilestoneArgs>): Promise<void> {
  const { app, args, t, guildId, userId } = ctx;
  const summary = ctx.programme;
  if (!summary) throw new UserError("error.access.noProgramme");
  if (summary.status === "closed" || summary.status === "archived")
    throw new UserError("program.milestone.error.closed");
  const kind = t(`milestone.kind.${args.kind}`);
  const at = parseLocalDateTime(args.at, summary.timeZone);
  if (!at)
    throw new UserError("program.milestone.error.format", { value: args.at, timeZone: summary.timeZone });

  const programmes = createProgrammeRepository(app.db);
  const workspace = createWorkspaceRepository(app.db);
  const programme = await programmes.get(summary.id);
  if (!programme) throw new UserError("error.access.noProgramme");
  const period = storedPeriod(programme);
  const stored = await workspace.template(programme.id);
  const template = stored === null ? DEFAULT_TEMPLATE : validateTemplate(stored);
  const placed = placeMilestone(period, template, args.kind, at);
  if (!placed.ok) {
    if (placed.problem === "outside") {
      throw new UserError("program.milestone.error.outside", {
        kind,
        start: discordTimestamp(period.startsAt, "D"),
        end: discordTimestamp(period.endsAt, "D"),
      });
    }
    throw new UserError(
      placed.problem === "before" ? "program.milestone.error.before" : "program.milestone.error.after",
      { kind, other: t(`milestone.kind.${placed.other}`), at: discordTimestamp(placed.at, "f") },
    );
  }

  const before = (await programmes.milestones(programme.id)).find((m) => m.kind === args.kind);
  if (before && before.at.getTime() === at.getTime()) {
    await ctx.respond.reply(t("program.milestone.unchanged", { kind, at: discordTimestamp(at, "f") }));
    return;
  }
  await workspace.saveTemplate(programme.id, placed.template);
  const locale = programme.forcedLocale ?? app.config.defaults.locale;
  await syncTimeline(
    {
      store: { ...programmes, moveMilestone: workspace.moveMilestone },
      jobs: milestoneJobs(app.queues),
      now: app.now,
    },
    programme.id,
    placed.planned,
    (k) => translate(locale, `milestone.kind.${k}`),
  );
  const future = at.getTime() > app.now().getTime();
  const after = (await programmes.milestones(programme.id)).find((m) => m.kind === args.kind);
  if (!after) throw new Error(`milestone ${args.kind} of ${programme.id} is missing after the move`);
  // Moving a milestone forgets its announcement; one moved into the past was still announced.
  if (!future && before?.announcedAt) await programmes.markMilestoneAnnounced(after.id, before.announcedAt);

  await createAuditRepository(app.db).record({
    guildId,
    programmeId: programme.id,
    actorUserId: userId,
    action: "programme.milestone.move",
    target: `milestone:${after.id}`,
    data: {
      kind: args.kind,
      from: before?.at.toISOString() ?? null,
      to: at.toISOString(),
      timeZone: programme.timeZone,
      jobId: after.jobId,
      announcedBefore: before?.announcedAt?.toISOString() ?? null,
    },
  });

  const lines = [
    t("program.milestone.moved", {
      kind,
      from: before ? discordTimestamp(before.at, "f") : "—",
      to: discordTimestamp(at, "f"),
    }),
    future
      ? t("program.milestone.scheduled", { relative: discordTimestamp(at, "R") })
      : t("program.milestone.past"),
  ];
  if (future && before?.announcedAt) lines.push(t("program.milestone.reannounce"));
  await ctx.respond.reply(lines.join("\n"));
}
