/**
 * `/program open`: the programme, its workspace and its timeline, idempotently. Running it again
 * with the same name re-plans the workspace, creates what is missing and moves the timeline.
 */
import type { Locale, ProgrammeMode, ProgrammeStatus } from "../../domain/enums.ts";
import { type DateProblem, parsePeriod } from "../../domain/programme/dates.ts";
import { syncTimeline, type TimelineSync } from "../../domain/programme/schedule.ts";
import { planTimeline } from "../../domain/programme/timeline.ts";
import type { Programme } from "../../domain/programme/types.ts";
import { DEFAULT_TEMPLATE } from "../../domain/workspace/default-template.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { P, permissionNames, permissionsUsed } from "../../domain/workspace/permissions.ts";
import { checkLimits } from "../../domain/workspace/plan.ts";
import {
  formatProblem,
  parseTemplate,
  TemplateError,
  type WorkspaceTemplate,
} from "../../domain/workspace/template.ts";
import { sharedLocales } from "../../i18n/shared.ts";
import { t as translate } from "../../i18n/translate.ts";
import { UserError } from "../errors.ts";
import { ExclusiveKeys, exclusively } from "../ports.ts";
import type { ProgrammeCaller, ProgrammePorts, WorkspaceDiscord } from "./ports.ts";
import { programmeTemplate, workspaceState } from "./workspace.ts";

/** Largest template file accepted. */
export const TEMPLATE_MAX_KB = 256;

/** The options of `/program open`, parsed. */
export interface OpenInput {
  name: string;
  start: string;
  end: string;
  timeZone?: string;
  mode?: ProgrammeMode;
  locale?: Locale;
  template?: { name: string; size: number; url: string };
}

/** The caller of `/program open`: the server's current programme and what the bot may do there. */
export interface OpenCaller extends ProgrammeCaller {
  current: { id: string; name: string; status: ProgrammeStatus } | null;
  /** The bot's permissions in the guild (the interaction's app permissions). */
  botPermissions: bigint;
  botIsAdministrator: boolean;
  /** The roles the caller held when they ran the command. */
  callerRoleIds: ReadonlySet<string>;
  /** Called with 0 before the first object is created, then after each one. */
  progress(done: number, total: number): Promise<void>;
}

/** What the reply reports. */
export interface Opened {
  programme: Programme;
  created: number;
  existing: number;
  milestones: number;
  /** Reminder jobs queued ahead of milestones, and their leads in hours (MILESTONE_REMINDER_HOURS). */
  reminders: { count: number; leadHours: readonly number[] };
  /** Milestones already past when the programme opened: not announced (see {@link TimelineSync}). */
  pastMilestones: TimelineSync["past"];
  welcomeChannelId: string | null;
}

function dateError(problem: DateProblem, locale: Locale): UserError {
  switch (problem.problem) {
    case "timeZone":
      return new UserError("program.error.timeZone", { timeZone: problem.timeZone });
    case "format":
      return new UserError("program.error.dateFormat", {
        option: translate(
          locale,
          problem.option === "start" ? "program.error.option.start" : "program.error.option.end",
        ),
        value: problem.value,
      });
    case "order":
      return new UserError("program.error.dateOrder", { start: problem.start, end: problem.end });
    case "tooLong":
      return new UserError("program.error.tooLong", { days: problem.days, max: problem.max });
  }
}

/** Reads an attached template, or null without one. Errors name the line and field. */
async function attachedTemplate(
  discord: WorkspaceDiscord,
  attachment: OpenInput["template"],
): Promise<WorkspaceTemplate | null> {
  if (!attachment) return null;
  if (!/\.(ya?ml|json)$/i.test(attachment.name) || attachment.size > TEMPLATE_MAX_KB * 1024) {
    throw new UserError("program.error.templateFile", { limit: TEMPLATE_MAX_KB });
  }
  const source = await discord.download(attachment.url);
  try {
    return parseTemplate(source);
  } catch (error) {
    if (error instanceof TemplateError) {
      throw new UserError("program.error.template", {
        problems: error.problems.map((p) => `• ${formatProblem(p)}`).join("\n"),
      });
    }
    throw error;
  }
}

/** The permissions the bot needs for this template, and which of them it lacks in the guild. */
function missingPermissions(caller: OpenCaller, template: WorkspaceTemplate): string[] {
  if (caller.botIsAdministrator) return [];
  const presets = template.categories.flatMap((c) => [c.access, ...c.channels.map((ch) => ch.access)]);
  const needed = permissionsUsed(presets) | P.ManageChannels | P.ManageRoles | P.ViewChannel | P.SendMessages;
  const lacking = needed & ~caller.botPermissions;
  return permissionNames(lacking).map((name) => translate(caller.locale, `program.permission.${name}`));
}

export function openUseCases(ports: ProgrammePorts) {
  const { store } = ports;

  /** Finds the programme to (re)build, or says why none may be opened. Never writes. */
  async function existingProgramme(caller: OpenCaller, name: string): Promise<Programme | null> {
    const current = caller.current;
    if (!current) return null;
    if (current.name !== name) {
      if (current.status === "closed") return null;
      throw new UserError("program.open.otherProgramme", { name: current.name });
    }
    if (current.status === "closed")
      throw new UserError("program.open.closedProgramme", { name: current.name });
    return store.programme(current.id);
  }

  /**
   * Opens (or re-opens) the programme: checks dates, template, permissions and Discord's limits
   * before writing; then the programme, its organiser, template and audit entry in one
   * transaction; then the workspace, the caller's organiser role and the timeline.
   */
  async function openNow(caller: OpenCaller, input: OpenInput, discord: WorkspaceDiscord): Promise<Opened> {
    const parsed = parsePeriod({
      start: input.start,
      end: input.end,
      timeZone: input.timeZone ?? ports.defaults.timeZone,
    });
    if (!parsed.ok) throw dateError(parsed, caller.locale);
    const period = parsed.period;
    const attached = await attachedTemplate(discord, input.template);
    const existing = await existingProgramme(caller, input.name);
    const template = attached ?? (existing ? await programmeTemplate(store, existing.id) : DEFAULT_TEMPLATE);
    const missing = missingPermissions(caller, template);
    if (missing.length > 0)
      throw new UserError("program.error.missingPermissions", { permissions: missing.join(", ") });

    const forcedLocale = input.locale ?? existing?.forcedLocale ?? null;
    const locales = sharedLocales({ forcedLocale }, ports.defaults.locale);
    const snapshot = await discord.snapshot();
    const state = await workspaceState(
      { store, discord },
      { programmeId: existing?.id ?? null, template, locales, snapshot },
    );
    const limit = checkLimits(state.plan.missing, {
      channelCount: snapshot.channelIds.size,
      roleCount: snapshot.roleIds.size,
    });
    if (limit) {
      const { existing: count, adding, max } = limit;
      throw new UserError(
        limit.limit === "channels" ? "program.error.limit.channels" : "program.error.limit.roles",
        { existing: count, adding, max },
      );
    }

    const fields = {
      startsAt: period.startsAt,
      endsAt: period.endsAt,
      timeZone: period.timeZone,
      forcedLocale,
    };
    // Archiving the closed programme, creating the new one, making the caller its organiser and
    // the audit entry stand or fall together: a name clash leaves the data as it was, and a
    // programme never exists without an organiser (who alone may run /program).
    let programme = await store.transaction(async (tx) => {
      let written: Programme;
      if (existing) {
        written = await tx.update(existing.id, fields);
      } else {
        if (caller.current?.status === "closed") await tx.update(caller.current.id, { status: "archived" });
        written = await tx.create({
          guildId: caller.guildId,
          name: input.name,
          mode: input.mode ?? "internship",
          createdByUserId: caller.userId,
          ...fields,
        });
        await tx.addOrganiser(written.id, caller.userId, ports.now());
      }
      if (attached) await tx.saveTemplate(written.id, attached);
      await tx.audit.record({
        guildId: caller.guildId,
        programmeId: written.id,
        actorUserId: caller.userId,
        action: existing ? "programme.reopen" : "programme.open",
        target: `programme:${written.id}`,
        data: {
          name: written.name,
          start: period.startDay,
          end: period.endDay,
          timeZone: period.timeZone,
          missing: state.plan.missing.map((i) => i.key),
        },
        at: ports.now(),
      });
      return written;
    });

    const total = state.plan.missing.length;
    if (total > 0) await caller.progress(0, total);
    const built = await discord.build({
      plan: state.plan,
      welcome: { programme, locales },
      save: (resource) => store.saveDiscordResource(programme.id, resource),
      onProgress: (done) => caller.progress(done, total),
    });
    // Given whenever the caller lacks it, not only when this run created the role, so running
    // the command again repairs a failed grant.
    const organiserRole = built.ids.get(ResourceKeys.roles.organiser);
    if (organiserRole && !caller.callerRoleIds.has(organiserRole))
      await discord.addMemberRole(caller.userId, organiserRole);
    const forum = built.ids.get(ResourceKeys.channels.questions);
    if (forum) await discord.ensureForumTags(forum, template.tags ?? []);
    if (programme.status === "draft") programme = await store.update(programme.id, { status: "open" });

    const timeline = await syncTimeline(
      { store, jobs: ports.jobs, now: ports.now, reminderHours: ports.milestoneReminderHours },
      programme.id,
      planTimeline(period, template),
      (kind) => translate(locales[0], `milestone.kind.${kind}`),
    );

    const welcome = state.items.find((i) => i.kind === "welcome");
    const welcomeChannelId = welcome?.kind === "welcome" ? built.ids.get(welcome.channelKey) : undefined;
    return {
      programme,
      created: built.created.length,
      existing: state.plan.present.length,
      milestones: timeline.scheduled,
      reminders: { count: timeline.reminders, leadHours: ports.milestoneReminderHours },
      pastMilestones: timeline.past,
      welcomeChannelId: welcomeChannelId ?? null,
    };
  }

  return {
    /** {@link openNow}, one at a time per server. */
    open(caller: OpenCaller, input: OpenInput, discord: WorkspaceDiscord): Promise<Opened> {
      // Two opens at once (a second organiser, a worried re-run while the first still builds)
      // would each create every missing channel and role: the second is told it is under way.
      return exclusively(ports.exclusive, ExclusiveKeys.workspace(caller.guildId), () =>
        openNow(caller, input, discord),
      );
    },
  };
}
