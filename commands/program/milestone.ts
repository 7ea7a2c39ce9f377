/** `/program milestone set`: parse, call the use-case, render. */
import type { CommandContext } from "../../src/discord/command.ts";
import type { TimelineKind } from "../../src/domain/workspace/template.ts";
import { discordTimestamp } from "../../src/i18n/time.ts";

/** The arguments of `/program milestone set`, as the definition declares them. */
export interface SetMilestoneArgs {
  kind: TimelineKind;
  /** `YYYY-MM-DD HH:mm` in the programme's time zone. */
  at: string;
}

/** Moves one milestone (see the use-case) and says from when to when, and whether it is announced. */
export async function setMilestone(ctx: CommandContext<SetMilestoneArgs>): Promise<void> {
  const { args, t } = ctx;
  const move = await ctx.app.features.programme.milestones.set(
    {
      guildId: ctx.guildId,
      userId: ctx.userId,
      locale: ctx.locale,
      programme: ctx.programme,
    },
    { kind: args.kind, at: args.at },
  );
  const kind = t(`milestone.kind.${args.kind}`);
  if (move.kind === "unchanged") {
    await ctx.respond.reply(t("program.milestone.unchanged", { kind, at: discordTimestamp(move.at, "f") }));
    return;
  }
  const lines = [
    t("program.milestone.moved", {
      kind,
      from: move.from ? discordTimestamp(move.from, "f") : t("value.notSet"),
      to: discordTimestamp(move.to, "f"),
    }),
    move.future
      ? t("program.milestone.scheduled", { relative: discordTimestamp(move.to, "R") })
      : t("program.milestone.past"),
  ];
  if (move.reannounced) lines.push(t("program.milestone.reannounce"));
  await ctx.respond.reply(lines.join("\n"));
}
