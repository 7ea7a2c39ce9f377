/** `/program open`: the programme, its workspace and its timeline, idempotently. */
import {
  type APIEmbed,
  type Attachment,
  ButtonStyle,
  ComponentType,
  type RESTPostAPIChannelMessageJSONBody,
  Routes,
} from "discord.js";
import { createAuditRepository } from "../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { createProgrammeRepository, type Programme } from "../../src/db/repositories/programmes.ts";
import { createWorkspaceRepository } from "../../src/db/repositories/workspace.ts";
import type { CommandContext } from "../../src/discord/command.ts";
import { joinButtonId } from "../../src/discord/shared-ids.ts";
import { buildWorkspace } from "../../src/discord/workspace/builder.ts";
import { guildSnapshot, programmeTemplate, workspaceState } from "../../src/discord/workspace/state.ts";
import { type DateProblem, type ProgrammePeriod, parsePeriod } from "../../src/domain/programme/dates.ts";
import { syncTimeline } from "../../src/domain/programme/schedule.ts";
import { planTimeline } from "../../src/domain/programme/timeline.ts";
import { DEFAULT_TEMPLATE } from "../../src/domain/workspace/default-template.ts";
import { ResourceKeys } from "../../src/domain/workspace/keys.ts";
import { P, permissionNames, permissionsUsed } from "../../src/domain/workspace/permissions.ts";
import { checkLimits } from "../../src/domain/workspace/plan.ts";
import {
  formatProblem,
  parseTemplate,
  TemplateError,
  type WorkspaceTemplate,
} from "../../src/domain/workspace/template.ts";
import { UserError } from "../../src/features/errors.ts";
import { discordTimestamp } from "../../src/i18n/time.ts";
import { t as translate } from "../../src/i18n/translate.ts";
import { milestoneJobs } from "../../src/jobs/milestone-jobs.ts";

/** Largest template file accepted. */
export const TEMPLATE_MAX_KB = 256;
/** The progress reply is edited after every this many created objects. */
const PROGRESS_EVERY = 4;

/** The arguments of `/program open`, as the definition declares them. */
export interface OpenArgs {
  name: string;
  start: string;
  end: string;
  timezone?: string;
  mode?: "internship" | "hackathon";
  template?: Attachment;
  locale?: "ja" | "en";
}

function dateError(problem: DateProblem, t: CommandContext<unknown>["t"]): UserError {
  switch (problem.problem) {
    case "timeZone":
      return new UserError("program.error.timeZone", { timeZone: problem.timeZone });
    case "format":
      return new UserError("program.error.dateFormat", {
        option: t(problem.option === "start" ? "program.error.option.start" : "program.error.option.end"),
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
  ctx: CommandContext<OpenArgs>,
  attachment: Attachment | undefined,
): Promise<WorkspaceTemplate | null> {
  if (!attachment) return null;
  if (!/\.(ya?ml|json)$/i.test(attachment.name) || attachment.size > TEMPLATE_MAX_KB * 1024) {
    throw new UserError("program.error.templateFile", { limit: TEMPLATE_MAX_KB });
  }
  let source: string;
  try {
    const response = await fetch(attachment.url, { signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    source = await response.text();
  } catch (error) {
    ctx.logger.warn({ err: error }, "template download failed");
    throw new UserError("program.error.templateDownload");
  }
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

/** The welcome message with the programme's dates and the Join button, in the workspace's language. */
export function welcomeMessage(programme: Programme, locale: "ja" | "en"): RESTPostAPIChannelMessageJSONBody {
  const embed: APIEmbed = {
    title: translate(locale, "program.welcome.title", { name: programme.name }),
    description: translate(locale, "program.welcome.body", {
      mode: translate(locale, `programme.mode.${programme.mode}`),
      starts: discordTimestamp(programme.startsAt, "D"),
      ends: discordTimestamp(programme.endsAt, "D"),
    }),
    color: 0x2ecc71,
  };
  return {
    embeds: [embed],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            label: translate(locale, "program.welcome.join"),
            custom_id: joinButtonId.encode({ programmeId: programme.id }),
          },
        ],
      },
    ],
    allowed_mentions: { parse: [] },
  };
}

/** Finds the programme to (re)build, or says why none may be opened. Never writes. */
async function existingProgramme(ctx: CommandContext<OpenArgs>): Promise<Programme | null> {
  const current = ctx.programme;
  if (!current) return null;
  if (current.name !== ctx.args.name) {
    if (current.status === "closed") return null;
    throw new UserError("program.open.otherProgramme", { name: current.name });
  }
  if (current.status === "closed")
    throw new UserError("program.open.closedProgramme", { name: current.name });
  return createProgrammeRepository(ctx.app.db).get(current.id);
}

/** The permissions the bot needs for this template, and which of them it lacks in the guild. */
function missingPermissions(ctx: CommandContext<OpenArgs>, template: WorkspaceTemplate): string[] {
  const presets = template.categories.flatMap((c) => [c.access, ...c.channels.map((ch) => ch.access)]);
  const needed = permissionsUsed(presets) | P.ManageChannels | P.ManageRoles | P.ViewChannel | P.SendMessages;
  const have = ctx.interaction.appPermissions;
  if (have.has("Administrator")) return [];
  const lacking = needed & ~have.bitfield;
  return permissionNames(lacking).map((name) => ctx.t(`program.permission.${name}`));
}

/** Whether the caller held `roleId` when they ran the command (the interaction carries their roles). */
function callerHoldsRole(ctx: CommandContext<OpenArgs>, roleId: string): boolean {
  const roles = ctx.interaction.member?.roles;
  if (!roles) return false;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}

export async function openProgramme(ctx: CommandContext<OpenArgs>): Promise<void> {
  const { app, args, interaction, t, guildId, userId } = ctx;
  const rest = interaction.client.rest;
  const parsed = parsePeriod({
    start: args.start,
    end: args.end,
    timeZone: args.timezone ?? app.config.defaults.timeZone,
  });
  if (!parsed.ok) throw dateError(parsed, t);
  const period: ProgrammePeriod = parsed.period;
  const attached = await attachedTemplate(ctx, args.template);
  const existing = await existingProgramme(ctx);
  const template = attached ?? (existing ? await programmeTemplate(app.db, existing.id) : DEFAULT_TEMPLATE);
  const missing = missingPermissions(ctx, template);
  if (missing.length > 0)
    throw new UserError("program.error.missingPermissions", { permissions: missing.join(", ") });

  const locale = args.locale ?? existing?.forcedLocale ?? app.config.defaults.locale;
  const snapshot = await guildSnapshot(interaction.guild, rest, guildId);
  const state = await workspaceState({
    db: app.db,
    rest,
    programmeId: existing?.id ?? null,
    template,
    locale,
    snapshot,
  });
  const limit = checkLimits(state.plan.missing, {
    channelCount: snapshot.channelIds.size,
    roleCount: snapshot.roleIds.size,
  });
  if (limit) {
    const { existing: count, adding, max } = limit;
    throw new UserError(
      limit.limit === "channels" ? "program.error.limit.channels" : "program.error.limit.roles",
      {
        existing: count,
        adding,
        max,
      },
    );
  }

  const programmes = createProgrammeRepository(app.db);
  const audit = createAuditRepository(app.db);
  const fields = {
    startsAt: period.startsAt,
    endsAt: period.endsAt,
    timeZone: period.timeZone,
    forcedLocale: args.locale ?? existing?.forcedLocale ?? null,
  };
  // One transaction: archiving the closed programme, creating the new one and making the caller
  // its organiser stand or fall together. A name clash (or any other failure) leaves the data as
  // it was, and a programme never exists without an organiser (who alone may run /program).
  let programme: Programme = await app.db.$transaction(async (tx) => {
    const programmesTx = createProgrammeRepository(tx);
    if (existing) {
      const updated = await programmesTx.update(existing.id, fields);
      if (attached) await createWorkspaceRepository(tx).saveTemplate(updated.id, attached);
      return updated;
    }
    if (ctx.programme?.status === "closed")
      await programmesTx.update(ctx.programme.id, { status: "archived" });
    const created = await programmesTx.create({
      guildId,
      name: args.name,
      mode: args.mode ?? "internship",
      createdByUserId: userId,
      ...fields,
    });
    await createMemberRepository(tx).join({
      programmeId: created.id,
      discordUserId: userId,
      roles: ["organiser"],
      grantedByUserId: userId,
    });
    if (attached) await createWorkspaceRepository(tx).saveTemplate(created.id, attached);
    return created;
  });
  await audit.record({
    guildId,
    programmeId: programme.id,
    actorUserId: userId,
    action: existing ? "programme.reopen" : "programme.open",
    target: `programme:${programme.id}`,
    data: {
      name: programme.name,
      start: period.startDay,
      end: period.endDay,
      timeZone: period.timeZone,
      missing: state.plan.missing.map((i) => i.key),
    },
  });

  const total = state.plan.missing.length;
  if (total > 0) await interaction.editReply({ content: t("program.open.progress", { done: 0, total }) });
  const built = await buildWorkspace({
    rest,
    guildId,
    botUserId: interaction.client.user.id,
    plan: state.plan,
    save: async (resource) => {
      await programmes.saveDiscordResource(programme.id, resource);
    },
    welcome: () => welcomeMessage(programme, locale),
    onProgress: async (done) => {
      if (done % PROGRESS_EVERY === 0 && done < total) {
        await interaction.editReply({ content: t("program.open.progress", { done, total }) });
      }
    },
  });
  // The organiser running /program open holds its organiser role. Given whenever they lack it, not
  // only when this run created the role, so running the command again repairs a failed grant.
  const organiserRole = built.ids.get(ResourceKeys.roles.organiser);
  if (organiserRole && !callerHoldsRole(ctx, organiserRole)) {
    await rest.put(Routes.guildMemberRole(guildId, userId, organiserRole));
  }
  if (programme.status === "draft") programme = await programmes.update(programme.id, { status: "open" });

  const workspace = createWorkspaceRepository(app.db);
  const timeline = await syncTimeline(
    {
      store: { ...programmes, moveMilestone: workspace.moveMilestone },
      jobs: milestoneJobs(app.queues),
      now: app.now,
    },
    programme.id,
    planTimeline(period, template),
    (kind) => translate(locale, `milestone.kind.${kind}`),
  );

  const welcome = state.items.find((i) => i.kind === "welcome");
  const welcomeChannel = welcome?.kind === "welcome" ? built.ids.get(welcome.channelKey) : undefined;
  await ctx.respond.reply(
    t("program.open.done", {
      name: programme.name,
      created: built.created.length,
      existing: state.plan.present.length,
      milestones: timeline.scheduled,
      welcome: welcomeChannel ? `<#${welcomeChannel}>` : "—",
    }),
  );
}
