/** `/program status|close|export|delete|template export`: parse, call the use-case, render. */
import { type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { z } from "zod";
import type { CommandContext } from "../../src/discord/command.ts";
import { defineButton } from "../../src/discord/component.ts";
import { defineCustomId } from "../../src/discord/custom-id.ts";
import type { Scope } from "../../src/discord/route.ts";
import { interactionWorkspace } from "../../src/discord/workspace/gateway.ts";
import { STAGE_ORDER } from "../../src/domain/onboarding/stages.ts";
import type { ManageCaller } from "../../src/features/programme/manage.ts";
import { discordTimestamp } from "../../src/i18n/time.ts";
import { settingsLines } from "./settings.ts";

function callerOf(scope: Scope): ManageCaller {
  return {
    guildId: scope.guildId,
    userId: scope.userId,
    locale: scope.locale,
    programmeId: scope.programme?.id ?? null,
  };
}

/**
 * `/program status`: dates, milestones (Discord timestamps), the claim and swap settings, workspace
 * health and interns per stage.
 */
export async function programmeStatus(ctx: CommandContext<unknown>): Promise<void> {
  const { t } = ctx;
  const { programme, milestones, present, total, missing, stages } = await ctx.app.features.programme.status(
    callerOf(ctx),
    interactionWorkspace(ctx),
  );
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
            .map((m) => {
              const kind = t(`milestone.kind.${m.kind}`);
              const at = discordTimestamp(m.at, "f");
              if (m.announcement === "announced") return t("program.status.milestoneAnnounced", { kind, at });
              if (m.announcement === "skipped") return t("program.status.milestoneSkipped", { kind, at });
              return t("program.status.milestone", { kind, at, relative: discordTimestamp(m.at, "R") });
            })
            .join("\n") || t("program.status.noMilestones"),
      },
      {
        name: t("program.status.workspace"),
        value:
          missing.length === 0
            ? t("program.status.workspaceOk", { present, total })
            : t("program.status.workspaceMissing", {
                present,
                total,
                missing: missing.map((key) => `\`${key}\``).join(", "),
              }),
      },
      { name: t("program.status.settings"), value: settingsLines(t, programme.settings).join("\n") },
      {
        name: t("program.status.stages"),
        value:
          STAGE_ORDER.filter((s) => stages.has(s))
            .map((s) => t("about.programme.stage", { stage: t(`stage.${s}`), count: stages.get(s) ?? 0 }))
            .join("\n") || t("program.status.noInterns"),
      },
    ],
  };
  await ctx.respond.reply({ embeds: [embed] });
}

/**
 * `/program close`: every category and channel the bot created becomes read-only for interns and
 * agency observers; nothing is deleted.
 */
export async function closeProgramme(ctx: CommandContext<unknown>): Promise<void> {
  const { programme, channels } = await ctx.app.features.programme.close(
    callerOf(ctx),
    interactionWorkspace(ctx),
  );
  await ctx.respond.reply(ctx.t("program.close.done", { name: programme.name, channels }));
}

/** `/program export`: the programme's data as one JSON file and CSV files (members, allocations, milestones). */
export async function exportProgramme(ctx: CommandContext<unknown>): Promise<void> {
  const exported = await ctx.app.features.programme.export(callerOf(ctx));
  await ctx.respond.reply({
    content: ctx.t("program.export.done", {
      name: exported.programme.name,
      members: exported.members,
      allocations: exported.allocations,
      milestones: exported.milestones,
    }),
    files: exported.files.map((file) => ({ name: file.name, attachment: Buffer.from(file.content) })),
  });
}

/** `/program template export`: the template in use, as YAML. */
export async function exportTemplate(ctx: CommandContext<unknown>): Promise<void> {
  const yaml = await ctx.app.features.programme.exportTemplate(callerOf(ctx));
  await ctx.respond.reply({
    content: ctx.t("program.template.exported"),
    files: [{ name: "workspace-template.yaml", attachment: Buffer.from(yaml) }],
  });
}

/** The confirmation button of `/program delete`. */
export const deleteProgrammeId = defineCustomId("program-delete", 1, {
  programmeId: z.string().min(1).max(40),
});

/** `/program delete`: asks for confirmation, naming how many objects will go. */
export async function confirmDelete(ctx: CommandContext<unknown>): Promise<void> {
  const { programme, count } = await ctx.app.features.programme.deletion(callerOf(ctx));
  await ctx.respond.reply({
    content: ctx.t("program.delete.confirm", { name: programme.name, count }),
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

/**
 * The confirmed delete: sends the organiser the full export (what `/program export` sends), then
 * removes exactly the recorded objects, the pending jobs, then the programme.
 */
export const deleteButton = defineButton(deleteProgrammeId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const { t } = ctx;
    const caller = callerOf(ctx);
    if (caller.programmeId === ctx.payload.programmeId) {
      // The export first: if it cannot be sent, nothing is deleted.
      const exported = await ctx.app.features.programme.export(caller);
      await ctx.respond.defer();
      await ctx.respond.followUp({
        content: t("program.delete.exported", { name: exported.programme.name }),
        files: exported.files.map((file) => ({ name: file.name, attachment: Buffer.from(file.content) })),
      });
    }
    const outcome = await ctx.app.features.programme.delete(
      callerOf(ctx),
      ctx.payload.programmeId,
      interactionWorkspace(ctx),
    );
    await ctx.respond.update({
      content:
        outcome.kind === "gone"
          ? t("program.delete.gone")
          : t("program.delete.done", { name: outcome.name, deleted: outcome.deleted }),
      components: [],
    });
  },
});
