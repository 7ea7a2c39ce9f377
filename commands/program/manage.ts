/** `/program status|close|export|delete|template export`. */
import {
  type APIEmbed,
  type ButtonInteraction,
  ButtonStyle,
  type ChatInputCommandInteraction,
  ComponentType,
  type RESTPatchAPIChannelJSONBody,
  Routes,
} from "discord.js";
import { z } from "zod";
import { createAuditRepository } from "../../src/db/repositories/audit.ts";
import { createProgrammeRepository } from "../../src/db/repositories/programmes.ts";
import { createWorkspaceRepository } from "../../src/db/repositories/workspace.ts";
import type { ProgrammeSummary } from "../../src/discord/access.ts";
import type { CommandContext } from "../../src/discord/command.ts";
import { defineButton } from "../../src/discord/component.ts";
import { defineCustomId } from "../../src/discord/custom-id.ts";
import type { Scope } from "../../src/discord/route.ts";
import { isGone, resolveOverwrites } from "../../src/discord/workspace/builder.ts";
import { guildSnapshot, programmeTemplate, workspaceState } from "../../src/discord/workspace/state.ts";
import type { DiscordResourceKind } from "../../src/domain/enums.ts";
import { toCsv } from "../../src/domain/export/csv.ts";
import { STAGE_ORDER } from "../../src/domain/onboarding/stages.ts";
import { cancelTimeline } from "../../src/domain/programme/schedule.ts";
import { overwritesFor } from "../../src/domain/workspace/permissions.ts";
import { templateToYaml, type WorkspaceRole } from "../../src/domain/workspace/template.ts";
import { UserError } from "../../src/features/errors.ts";
import { discordTimestamp } from "../../src/i18n/time.ts";
import { milestoneJobs } from "../../src/jobs/milestone-jobs.ts";
import { settingsLines } from "./settings.ts";

/** The server's programme; the router guarantees one for organiser routes once it exists. */
function programmeOf(scope: Scope): ProgrammeSummary {
  if (!scope.programme) throw new UserError("error.access.noProgramme");
  return scope.programme;
}

function localeOf(scope: Scope, programme: ProgrammeSummary): "ja" | "en" {
  return programme.forcedLocale ?? scope.app.config.defaults.locale;
}

async function stateOf(ctx: Scope & { interaction: ChatInputCommandInteraction | ButtonInteraction }) {
  const programme = programmeOf(ctx);
  const rest = ctx.interaction.client.rest;
  const template = await programmeTemplate(ctx.app.db, programme.id);
  const snapshot = await guildSnapshot(ctx.interaction.guild, rest, ctx.guildId);
  const state = await workspaceState({
    db: ctx.app.db,
    rest,
    programmeId: programme.id,
    template,
    locale: localeOf(ctx, programme),
    snapshot,
  });
  return { programme, template, state, rest };
}

/**
 * `/program status`: dates, milestones (Discord timestamps), the claim and swap settings, workspace
 * health and interns per stage.
 */
export async function programmeStatus(ctx: CommandContext<unknown>): Promise<void> {
  const { t, app } = ctx;
  const { programme, state } = await stateOf(ctx);
  const programmes = createProgrammeRepository(app.db);
  const [milestones, stored] = await Promise.all([
    programmes.milestones(programme.id),
    programmes.get(programme.id),
  ]);
  if (!stored) throw new UserError("error.access.noProgramme");
  const counts = await createWorkspaceRepository(app.db).stageCounts(programme.id);
  const present = state.plan.present.length;
  const total = state.items.length;
  const embed: APIEmbed = {
    title: t("program.status.title", { name: programme.name }),
    fields: [
      {
        name: t("program.status.period"),
        value: t("program.status.periodValue", {
          starts: discordTimestamp(programme.startsAt, "D"),
          ends: discordTimestamp(programme.endsAt, "D"),
          timeZone: programme.timeZone,
        }),
        inline: true,
      },
      { name: t("program.status.state"), value: t(`program.status.state.${programme.status}`), inline: true },
      {
        name: t("program.status.milestones"),
        value:
          milestones
            .map((m) =>
              m.announcedAt
                ? t("program.status.milestoneAnnounced", {
                    kind: t(`milestone.kind.${m.kind}`),
                    at: discordTimestamp(m.at, "f"),
                  })
                : t("program.status.milestone", {
                    kind: t(`milestone.kind.${m.kind}`),
                    at: discordTimestamp(m.at, "f"),
                    relative: discordTimestamp(m.at, "R"),
                  }),
            )
            .join("\n") || t("program.status.noMilestones"),
      },
      {
        name: t("program.status.workspace"),
        value:
          state.plan.missing.length === 0
            ? t("program.status.workspaceOk", { present, total })
            : t("program.status.workspaceMissing", {
                present,
                total,
                missing: state.plan.missing.map((i) => `\`${i.key}\``).join(", "),
              }),
      },
      { name: t("program.status.settings"), value: settingsLines(t, stored.settings).join("\n") },
      {
        name: t("program.status.stages"),
        value:
          STAGE_ORDER.filter((s) => counts.has(s))
            .map((s) => t("about.programme.stage", { stage: t(`stage.${s}`), count: counts.get(s) ?? 0 }))
            .join("\n") || t("program.status.noInterns"),
      },
    ],
  };
  await ctx.respond.reply({ embeds: [embed] });
}

/**
 * `/program close`: every category and channel the bot created becomes read-only for interns and
 * agency observers (their overwrites, one edit per channel); nothing is deleted.
 */
export async function closeProgramme(ctx: CommandContext<unknown>): Promise<void> {
  const { app, t, guildId, userId } = ctx;
  const { programme, state, rest } = await stateOf(ctx);
  if (programme.status === "closed" || programme.status === "archived")
    throw new UserError("program.close.notOpen");
  const roles: Partial<Record<WorkspaceRole, string>> = {};
  for (const { item, discordId } of state.plan.present)
    if (item.kind === "role") roles[item.role] = discordId;
  let channels = 0;
  for (const { item, discordId } of state.plan.present) {
    if (item.kind !== "category" && item.kind !== "channel") continue;
    const body: RESTPatchAPIChannelJSONBody = {
      permission_overwrites: resolveOverwrites(overwritesFor(item.access, { archived: true }), {
        guildId,
        botUserId: ctx.interaction.client.user.id,
        roles,
      }),
    };
    await rest.patch(Routes.channel(discordId), { body });
    channels += 1;
  }
  await createProgrammeRepository(app.db).update(programme.id, { status: "closed" });
  await createAuditRepository(app.db).record({
    guildId,
    programmeId: programme.id,
    actorUserId: userId,
    action: "programme.close",
    target: `programme:${programme.id}`,
    data: { channels },
  });
  await ctx.respond.reply(t("program.close.done", { name: programme.name, channels }));
}

const iso = (d: Date | null) => (d ? d.toISOString() : "");

/** `/program export`: the programme's data as one JSON file and CSV files (members, allocations, milestones). */
export async function exportProgramme(ctx: CommandContext<unknown>): Promise<void> {
  const { app, t, guildId, userId } = ctx;
  const programme = programmeOf(ctx);
  const workspace = createWorkspaceRepository(app.db);
  const [members, allocations, milestones, stages] = await Promise.all([
    workspace.exportMembers(programme.id),
    workspace.exportAllocations(programme.id),
    createProgrammeRepository(app.db).milestones(programme.id),
    workspace.stageCounts(programme.id),
  ]);
  const data = {
    programme: {
      id: programme.id,
      name: programme.name,
      mode: programme.mode,
      status: programme.status,
      startsAt: programme.startsAt.toISOString(),
      endsAt: programme.endsAt.toISOString(),
      timeZone: programme.timeZone,
    },
    stages: Object.fromEntries(stages),
    members,
    allocations,
    milestones: milestones.map((m) => ({
      kind: m.kind,
      title: m.title,
      at: m.at,
      announcedAt: m.announcedAt,
    })),
  };
  const files = [
    { name: "programme.json", attachment: Buffer.from(JSON.stringify(data, null, 2)) },
    {
      name: "members.csv",
      attachment: Buffer.from(
        toCsv(
          members.map((m) => ({
            discord_user_id: m.discordUserId,
            display_name: m.displayName ?? "",
            roles: m.roles.join(" "),
            stage: m.stage ?? "",
            agency: m.agency ?? "",
            agency_consent: m.agencyConsent,
            joined_at: iso(m.joinedAt),
          })),
          ["discord_user_id", "display_name", "roles", "stage", "agency", "agency_consent", "joined_at"],
        ),
      ),
    },
    {
      name: "allocations.csv",
      attachment: Buffer.from(
        toCsv(
          allocations.map((a) => ({
            discord_user_id: a.discordUserId,
            assignment_key: a.assignmentKey,
            assignment_title: a.assignmentTitle,
            assignment_version: a.assignmentVersion,
            method: a.method,
            allocated_at: iso(a.allocatedAt),
            released_at: iso(a.releasedAt),
            release_reason: a.releaseReason ?? "",
          })),
          [
            "discord_user_id",
            "assignment_key",
            "assignment_title",
            "assignment_version",
            "method",
            "allocated_at",
            "released_at",
            "release_reason",
          ],
        ),
      ),
    },
    {
      name: "milestones.csv",
      attachment: Buffer.from(
        toCsv(
          milestones.map((m) => ({
            kind: m.kind,
            title: m.title,
            at: iso(m.at),
            announced_at: iso(m.announcedAt),
          })),
          ["kind", "title", "at", "announced_at"],
        ),
      ),
    },
  ];
  await createAuditRepository(app.db).record({
    guildId,
    programmeId: programme.id,
    actorUserId: userId,
    action: "programme.export",
    target: `programme:${programme.id}`,
  });
  await ctx.respond.reply({
    content: t("program.export.done", {
      name: programme.name,
      members: members.length,
      allocations: allocations.length,
      milestones: milestones.length,
    }),
    files,
  });
}

/** `/program template export`: the template in use, as YAML. */
export async function exportTemplate(ctx: CommandContext<unknown>): Promise<void> {
  const programme = programmeOf(ctx);
  const template = await programmeTemplate(ctx.app.db, programme.id);
  await ctx.respond.reply({
    content: ctx.t("program.template.exported"),
    files: [{ name: "workspace-template.yaml", attachment: Buffer.from(templateToYaml(template)) }],
  });
}

/** The confirmation button of `/program delete`. */
export const deleteProgrammeId = defineCustomId("program-delete", 1, {
  programmeId: z.string().min(1).max(40),
});

/** `/program delete`: asks for confirmation, naming how many objects will go. */
export async function confirmDelete(ctx: CommandContext<unknown>): Promise<void> {
  const programme = programmeOf(ctx);
  const resources = await createProgrammeRepository(ctx.app.db).discordResources(programme.id);
  await ctx.respond.reply({
    content: ctx.t("program.delete.confirm", { name: programme.name, count: resources.length }),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: ctx.t("program.delete.button"),
            custom_id: deleteProgrammeId.encode({ programmeId: programme.id }),
          },
        ],
      },
    ],
  });
}

/** Deletion order: threads, messages and channels before their categories, roles last. */
const DELETE_ORDER = [
  "scheduled_event",
  "webhook",
  "thread",
  "message",
  "text_channel",
  "announcement_channel",
  "forum_channel",
  "voice_channel",
  "stage_channel",
  "category",
  "role",
] as const;

function deleteRoute(guildId: string, kind: DiscordResourceKind, id: string): `/${string}` {
  if (kind === "role") return Routes.guildRole(guildId, id);
  if (kind === "scheduled_event") return Routes.guildScheduledEvent(guildId, id);
  if (kind === "webhook") return Routes.webhook(id);
  return Routes.channel(id);
}

/** The confirmed delete: removes exactly the recorded objects, the pending jobs, then the programme. */
export const deleteButton = defineButton(deleteProgrammeId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const { app, t, guildId, userId, payload } = ctx;
    const programme = ctx.programme;
    if (!programme || programme.id !== payload.programmeId) {
      await ctx.respond.update({ content: t("program.delete.gone"), components: [] });
      return;
    }
    const rest = ctx.interaction.client.rest;
    const programmes = createProgrammeRepository(app.db);
    await cancelTimeline({ store: programmes, jobs: milestoneJobs(app.queues) }, programme.id);
    const resources = await programmes.discordResources(programme.id);
    const ordered = [...resources].sort(
      (a, b) =>
        DELETE_ORDER.indexOf(a.kind as (typeof DELETE_ORDER)[number]) -
        DELETE_ORDER.indexOf(b.kind as (typeof DELETE_ORDER)[number]),
    );
    let deleted = 0;
    for (const resource of ordered) {
      try {
        // A message goes with its channel.
        if (resource.kind !== "message")
          await rest.delete(deleteRoute(guildId, resource.kind, resource.discordId));
        if (resource.kind !== "message") deleted += 1;
      } catch (error) {
        if (!isGone(error)) throw error;
      }
      await programmes.forgetDiscordResource(programme.id, resource.key);
    }
    await createAuditRepository(app.db).record({
      guildId,
      programmeId: programme.id,
      actorUserId: userId,
      action: "programme.delete",
      target: `programme:${programme.id}`,
      data: { name: programme.name, deleted },
    });
    await createWorkspaceRepository(app.db).deleteProgramme(programme.id);
    await ctx.respond.update({
      content: t("program.delete.done", { name: programme.name, deleted }),
      components: [],
    });
  },
});
