/** `/program milestone set`: an organiser moves one milestone of the timeline. */
import type { ProgrammeStatus } from "../../domain/enums.ts";
import { parseLocalDateTime, storedPeriod } from "../../domain/programme/dates.ts";
import { syncTimeline } from "../../domain/programme/schedule.ts";
import { placeMilestone } from "../../domain/programme/timeline.ts";
import type { TimelineKind } from "../../domain/workspace/template.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { t as translate } from "../../i18n/translate.ts";
import { UserError } from "../errors.ts";
import type { ProgrammeCaller, ProgrammePorts } from "./ports.ts";
import { programmeTemplate } from "./workspace.ts";

/** The caller of `/program milestone set`: the server's current programme (null: none). */
export interface MilestoneCaller extends ProgrammeCaller {
  programme: { id: string; status: ProgrammeStatus; timeZone: string } | null;
}

/** What the move came to: nothing (already at that time), or moved from → to. */
export type MilestoneMove =
  | { kind: "unchanged"; at: Date }
  | {
      kind: "moved";
      from: Date | null;
      to: Date;
      /** Whether it lies ahead (then a job announces it). */
      future: boolean;
      /** Announced already and moved into the future: announced again. */
      reannounced: boolean;
    };

export function milestoneUseCases(ports: ProgrammePorts) {
  const { store } = ports;
  return {
    /**
     * Moves one milestone: checks the time (inside the programme, in calendar order), stores it in
     * the programme's template timeline (so re-running `/program open` keeps it) and on the
     * milestone, replaces its announcement job and records who moved it. A milestone already
     * announced and moved into the future is announced again at its new time, because the first
     * announcement now gives the wrong time; moved into the past it keeps its announcement.
     */
    async set(caller: MilestoneCaller, input: { kind: TimelineKind; at: string }): Promise<MilestoneMove> {
      const summary = caller.programme;
      if (!summary) throw new UserError("error.access.noProgramme");
      if (summary.status === "closed" || summary.status === "archived")
        throw new UserError("program.milestone.error.closed");
      const t = (k: TimelineKind) => translate(caller.locale, `milestone.kind.${k}`);
      const kind = t(input.kind);
      const at = parseLocalDateTime(input.at, summary.timeZone);
      if (!at)
        throw new UserError("program.milestone.error.format", {
          value: input.at,
          timeZone: summary.timeZone,
        });

      const programme = await store.programme(summary.id);
      if (!programme) throw new UserError("error.access.noProgramme");
      const period = storedPeriod(programme);
      const template = await programmeTemplate(store, programme.id);
      const placed = placeMilestone(period, template, input.kind, at);
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
          { kind, other: t(placed.other), at: discordTimestamp(placed.at, "f") },
        );
      }

      const before = (await store.milestones(programme.id)).find((m) => m.kind === input.kind);
      if (before && before.at.getTime() === at.getTime()) return { kind: "unchanged", at };
      await store.saveTemplate(programme.id, placed.template);
      const locale = programme.forcedLocale ?? ports.defaults.locale;
      await syncTimeline(
        { store, jobs: ports.jobs, now: ports.now, reminderHours: ports.milestoneReminderHours },
        programme.id,
        placed.planned,
        (k) => translate(locale, `milestone.kind.${k}`),
      );
      const future = at.getTime() > ports.now().getTime();
      const after = (await store.milestones(programme.id)).find((m) => m.kind === input.kind);
      if (!after) throw new Error(`milestone ${input.kind} of ${programme.id} is missing after the move`);

      await store.transaction(async (tx) => {
        // Moving a milestone forgets its announcement; one moved into the past was still announced.
        if (!future && before?.announcedAt) await tx.markMilestoneAnnounced(after.id, before.announcedAt);
        await tx.audit.record({
          guildId: caller.guildId,
          programmeId: programme.id,
          actorUserId: caller.userId,
          action: "programme.milestone.move",
          target: `milestone:${after.id}`,
          data: {
            kind: input.kind,
            from: before?.at.toISOString() ?? null,
            to: at.toISOString(),
            timeZone: programme.timeZone,
            jobId: after.jobId,
            announcedBefore: before?.announcedAt?.toISOString() ?? null,
          },
          at: ports.now(),
        });
      });
      return {
        kind: "moved",
        from: before?.at ?? null,
        to: at,
        future,
        reannounced: future && Boolean(before?.announcedAt),
      };
    },
  };
}
