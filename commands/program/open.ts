/** `/program open`: the programme, its workspace and its timeline, idempotently (see the use-case). */
import { type Attachment, PermissionFlagsBits } from "discord.js";
import type { CommandContext } from "../../src/discord/command.ts";
import { interactionWorkspace } from "../../src/discord/workspace/gateway.ts";
import { discordTimestamp } from "../../src/i18n/time.ts";

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

/** The roles the caller held when they ran the command (the interaction carries them). */
function callerRoleIds(ctx: CommandContext<OpenArgs>): ReadonlySet<string> {
  const roles = ctx.interaction.member?.roles;
  if (!roles) return new Set();
  return new Set(Array.isArray(roles) ? roles : roles.cache.keys());
}

export async function openProgramme(ctx: CommandContext<OpenArgs>): Promise<void> {
  const { args, interaction, t } = ctx;
  const permissions = interaction.appPermissions;
  const opened = await ctx.app.features.programme.open(
    {
      guildId: ctx.guildId,
      userId: ctx.userId,
      locale: ctx.locale,
      current: ctx.programme,
      botPermissions: permissions.bitfield,
      botIsAdministrator: permissions.has(PermissionFlagsBits.Administrator),
      callerRoleIds: callerRoleIds(ctx),
      progress: async (done, total) => {
        if (done % PROGRESS_EVERY === 0 && done < total)
          await interaction.editReply({ content: t("program.open.progress", { done, total }) });
      },
    },
    {
      name: args.name,
      start: args.start,
      end: args.end,
      ...(args.timezone === undefined ? {} : { timeZone: args.timezone }),
      ...(args.mode === undefined ? {} : { mode: args.mode }),
      ...(args.locale === undefined ? {} : { locale: args.locale }),
      ...(args.template === undefined
        ? {}
        : { template: { name: args.template.name, size: args.template.size, url: args.template.url } }),
    },
    interactionWorkspace(ctx),
  );
  const done = t("program.open.done", {
    name: opened.programme.name,
    created: opened.created,
    existing: opened.existing,
    milestones: opened.milestones,
    welcome: opened.welcomeChannelId ? `<#${opened.welcomeChannelId}>` : t("value.notSet"),
  });
  const past = opened.pastMilestones;
  const { reminders } = opened;
  const lines = [done];
  if (reminders.count > 0) {
    lines.push(
      t("program.open.reminders", {
        count: reminders.count,
        hours: reminders.leadHours.join(", "),
      }),
    );
  }
  await ctx.respond.reply(
    past.length === 0
      ? lines.join("\n")
      : `${lines.join("\n")}\n${t("program.open.pastMilestones", {
          count: past.length,
          list: past
            .map((m) =>
              t("program.open.pastMilestone", {
                kind: t(`milestone.kind.${m.kind}`),
                at: discordTimestamp(m.at, "f"),
              }),
            )
            .join("\n"),
        })}`,
  );
}
