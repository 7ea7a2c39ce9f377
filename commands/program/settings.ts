/**
 * `/program settings`: the programme's switches for `/project claim` and `/project swap`, shown,
 * or changed with an audit entry.
 */
import type { APIEmbed } from "discord.js";
import { z } from "zod";
import type { CommandContext } from "../../src/discord/command.ts";
import type { ProgrammeSettings } from "../../src/domain/programme/types.ts";
import { UserError } from "../../src/features/errors.ts";
import { SETTINGS, type Setting } from "../../src/features/programme/settings.ts";
import type { Translator } from "../../src/i18n/translate.ts";

/**
 * The longest swap window organisers may set. The swap is for finding out in the first days that
 * a task does not fit; after a month a mentor is the better help, and a programme is short.
 */
export const SWAP_WINDOW_MAX_DAYS = 30;

/** The longest wait before an unanswered help ticket is escalated: three days; a question should not wait longer. */
export const HELP_ESCALATE_MAX_HOURS = 72;

/** The arguments of `/program settings`, as the definition declares them. */
export interface SettingsArgs {
  "self-service"?: boolean;
  "swap-window-days"?: number;
  "help-escalate-hours"?: number;
}

/**
 * Discord's client enforces `min_value` / `max_value`, but the router only checks an option's type
 * and choices, and a forged or stale payload may carry any number: the bounds are checked here.
 */
const settingsArgs = z.object({
  "self-service": z.boolean().optional(),
  "swap-window-days": z.int().min(0).max(SWAP_WINDOW_MAX_DAYS).optional(),
  "help-escalate-hours": z.int().min(1).max(HELP_ESCALATE_MAX_HOURS).optional(),
});

function label(t: Translator, setting: Setting): string {
  if (setting === "helpEscalateHours") return t("program.settings.helpEscalate");
  return t(
    setting === "selfServiceClaimEnabled" ? "program.settings.selfService" : "program.settings.swapWindow",
  );
}

function shown(t: Translator, setting: Setting, settings: ProgrammeSettings): string {
  if (setting === "selfServiceClaimEnabled")
    return t(settings.selfServiceClaimEnabled ? "program.settings.on" : "program.settings.off");
  if (setting === "helpEscalateHours")
    return t("program.settings.hours", { hours: settings.helpEscalateHours });
  const days = settings.swapWindowDays;
  if (days === 0) return t("program.settings.noSwaps");
  if (days === 1) return t("program.settings.oneDay");
  return t("program.settings.days", { days });
}

/** One line per setting, `label: value`; `/program status` shows the same. */
export function settingsLines(t: Translator, settings: ProgrammeSettings): string[] {
  return SETTINGS.map((setting) =>
    t("program.settings.line", { setting: label(t, setting), value: shown(t, setting, settings) }),
  );
}

/** The requested changes, or a localised refusal naming the bad value. */
function requested(args: SettingsArgs): Partial<ProgrammeSettings> {
  const parsed = settingsArgs.safeParse(args);
  if (!parsed.success) {
    const option = String(parsed.error.issues[0]?.path[0] ?? "");
    if (option === "swap-window-days")
      throw new UserError("program.settings.error.swapWindow", {
        max: SWAP_WINDOW_MAX_DAYS,
        value: String(args["swap-window-days"]),
      });
    if (option === "help-escalate-hours")
      throw new UserError("program.settings.error.helpEscalate", {
        max: HELP_ESCALATE_MAX_HOURS,
        value: String(args["help-escalate-hours"]),
      });
    throw new UserError("error.invalidOption", { option });
  }
  const {
    "self-service": selfService,
    "swap-window-days": swapWindowDays,
    "help-escalate-hours": helpEscalateHours,
  } = parsed.data;
  return {
    ...(helpEscalateHours === undefined ? {} : { helpEscalateHours }),
    ...(selfService === undefined ? {} : { selfServiceClaimEnabled: selfService }),
    ...(swapWindowDays === undefined ? {} : { swapWindowDays }),
  };
}

/**
 * Without options, shows the settings. With options, changes them (see the use-case) and replies
 * old → new; asking for the values already set writes nothing.
 */
export async function programmeSettings(ctx: CommandContext<SettingsArgs>): Promise<void> {
  const { app, t } = ctx;
  const programmeId = ctx.programme?.id ?? null;
  if (programmeId === null) throw new UserError("error.access.noProgramme");
  const wanted = requested(ctx.args);

  if (Object.keys(wanted).length === 0) {
    const programme = await app.features.settings.show(programmeId);
    const embed: APIEmbed = {
      title: t("program.settings.title", { name: programme.name }),
      description: [...settingsLines(t, programme.settings), "", t("program.settings.howTo")].join("\n"),
    };
    await ctx.respond.reply({ embeds: [embed] });
    return;
  }

  const outcome = await app.features.settings.change(
    { guildId: ctx.guildId, programmeId, userId: ctx.userId },
    wanted,
  );
  const { name, before, after, changed } = outcome;
  if (changed.length === 0) {
    await ctx.respond.reply(t("program.settings.unchanged", { name }));
    return;
  }
  ctx.logger.info({ before, after }, "programme settings changed");
  const lines = [
    t("program.settings.changed", { name }),
    ...changed.map((setting) =>
      t("program.settings.change", {
        setting: label(t, setting),
        from: shown(t, setting, before),
        to: shown(t, setting, after),
      }),
    ),
  ];
  if (changed.includes("selfServiceClaimEnabled"))
    lines.push(
      t(
        after.selfServiceClaimEnabled
          ? "program.settings.note.selfServiceOn"
          : "program.settings.note.selfServiceOff",
      ),
    );
  if (changed.includes("swapWindowDays")) lines.push(t("program.settings.note.swapWindow"));
  if (changed.includes("helpEscalateHours")) lines.push(t("program.settings.note.helpEscalate"));
  await ctx.respond.reply(lines.join("\n"));
}
