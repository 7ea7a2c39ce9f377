/**
 * `/program settings`: the programme's switches for `/project claim` and `/project swap`, shown,
 * or changed with an audit entry.
 */
import type { APIEmbed } from "discord.js";
import { z } from "zod";
import type { CommandContext } from "../../src/discord/command.ts";
import { parseClockTime } from "../../src/domain/operations/rules.ts";
import type { ProgrammeSettings } from "../../src/domain/programme/types.ts";
import { TEAM_SIZE_LIMIT } from "../../src/domain/team/rules.ts";
import type { AttentionSettings, DigestTarget } from "../../src/features/attention/ports.ts";
import { UserError } from "../../src/features/errors.ts";
import { SETTINGS, type Setting } from "../../src/features/programme/settings.ts";
import type { Translator } from "../../src/i18n/translate.ts";

/**
 * The longest swap window organisers may set. The swap is for finding out in the first days that
 * a task does not fit; after a month a mentor is the better help, and a programme is short.
 */
export const SWAP_WINDOW_MAX_DAYS = 30;
/** The bounds of `silent-days` (the attention list's quiet days before "silent"). */
export const SILENT_DAYS_MIN = 1;
export const SILENT_DAYS_MAX = 14;

/** The longest wait before an unanswered help ticket is escalated: three days; a question should not wait longer. */
export const HELP_ESCALATE_MAX_HOURS = 72;

/** The arguments of `/program settings`, as the definition declares them. */
export interface SettingsArgs {
  "self-service"?: boolean;
  "swap-window-days"?: number;
  "team-min"?: number;
  "team-max"?: number;
  "silent-days"?: number;
  "digest-time"?: string;
  "digest-to"?: DigestTarget;
  "help-escalate-hours"?: number;
}

/**
 * Discord's client enforces `min_value` / `max_value`, but the router only checks an option's type
 * and choices, and a forged or stale payload may carry any number: the bounds are checked here.
 */
const settingsArgs = z.object({
  "self-service": z.boolean().optional(),
  "swap-window-days": z.int().min(0).max(SWAP_WINDOW_MAX_DAYS).optional(),
  "team-min": z.int().min(1).max(TEAM_SIZE_LIMIT).optional(),
  "team-max": z.int().min(1).max(TEAM_SIZE_LIMIT).optional(),
  "silent-days": z.int().min(SILENT_DAYS_MIN).max(SILENT_DAYS_MAX).optional(),
  "digest-time": z.string().optional(),
  "digest-to": z.enum(["dm", "staff"]).optional(),
  "help-escalate-hours": z.int().min(1).max(HELP_ESCALATE_MAX_HOURS).optional(),
});

const ATTENTION_SETTINGS = ["silentDays", "digestTime", "digestTo"] as const;

function attentionLabel(t: Translator, setting: keyof AttentionSettings): string {
  return t(`attention.settings.${setting}`);
}

function attentionShown(
  t: Translator,
  setting: keyof AttentionSettings,
  settings: AttentionSettings,
): string {
  if (setting === "silentDays") return t("attention.settings.days", { days: settings.silentDays });
  if (setting === "digestTime") return settings.digestTime;
  return t(`attention.settings.${settings.digestTo}`);
}

/** The attention list's settings changes asked for, or a localised refusal. */
function attentionRequested(args: SettingsArgs): Partial<AttentionSettings> {
  const wanted: Partial<AttentionSettings> = {};
  const silentDays = args["silent-days"];
  if (silentDays !== undefined) {
    if (!Number.isInteger(silentDays) || silentDays < SILENT_DAYS_MIN || silentDays > SILENT_DAYS_MAX)
      throw new UserError("attention.error.silentDays", {
        min: SILENT_DAYS_MIN,
        max: SILENT_DAYS_MAX,
        value: String(silentDays),
      });
    wanted.silentDays = silentDays;
  }
  const time = args["digest-time"];
  if (time !== undefined) {
    const parsed = parseClockTime(time);
    if (parsed === null) throw new UserError("attention.error.digestTime", { value: time });
    wanted.digestTime = parsed;
  }
  if (args["digest-to"] !== undefined) wanted.digestTo = args["digest-to"];
  return wanted;
}

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
  const attentionWanted = attentionRequested(ctx.args);
  const wanted = requested(ctx.args);
  const teamLines = await teamSettings(ctx, programmeId);

  if (Object.keys(wanted).length === 0 && Object.keys(attentionWanted).length === 0) {
    if (teamLines.changed) {
      await ctx.respond.reply(teamLines.lines.join("\n"));
      return;
    }
    const programme = await app.features.settings.show(programmeId);
    const attention = await app.features.attention.settings(programmeId);
    const embed: APIEmbed = {
      title: t("program.settings.title", { name: programme.name }),
      description: [
        ...settingsLines(t, programme.settings),
        ...teamLines.lines,
        ...ATTENTION_SETTINGS.map((setting) =>
          t("program.settings.line", {
            setting: attentionLabel(t, setting),
            value: attentionShown(t, setting, attention),
          }),
        ),
        "",
        t("program.settings.howTo"),
      ].join("\n"),
    };
    await ctx.respond.reply({ embeds: [embed] });
    return;
  }

  const who = { guildId: ctx.guildId, programmeId, userId: ctx.userId };
  const outcome = await app.features.settings.change(who, wanted);
  const { name, before, after, changed } = outcome;
  const attention =
    Object.keys(attentionWanted).length === 0
      ? null
      : await app.features.attention.changeSettings(who, attentionWanted);
  if (changed.length === 0 && (attention === null || attention.changed.length === 0)) {
    await ctx.respond.reply(
      teamLines.changed ? teamLines.lines.join("\n") : t("program.settings.unchanged", { name }),
    );
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
  if (teamLines.changed) lines.push(...teamLines.lines);
  if (attention !== null) {
    for (const setting of attention.changed) {
      lines.push(
        t("program.settings.change", {
          setting: attentionLabel(t, setting),
          from: attentionShown(t, setting, attention.before),
          to: attentionShown(t, setting, attention.after),
        }),
      );
    }
    if (attention.changed.some((setting) => setting !== "silentDays")) {
      // Redis down: the reconciler (every 15 min and at start) moves the digest from the database.
      await app.features.attention
        .scheduleDigest(programmeId)
        .catch((error: unknown) => ctx.logger.warn({ err: error }, "digest not rescheduled yet"));
    }
  }
  if (changed.includes("helpEscalateHours")) lines.push(t("program.settings.note.helpEscalate"));
  await ctx.respond.reply(lines.join("\n"));
}

/**
 * `team-min` / `team-max` (hackathon programmes): changed through the team feature, which checks
 * them together and audits them; without them, the current limits as a line for the settings view.
 */
async function teamSettings(
  ctx: CommandContext<SettingsArgs>,
  programmeId: string,
): Promise<{ changed: boolean; lines: string[] }> {
  const { t } = ctx;
  const min = ctx.args["team-min"];
  const max = ctx.args["team-max"];
  if (min === undefined && max === undefined) {
    const limits = await ctx.app.features.team.limits(programmeId);
    return { changed: false, lines: limits === null ? [] : [t("team.settings.line", limits)] };
  }
  const outcome = await ctx.app.features.team.setLimits(
    { guildId: ctx.guildId, programmeId, userId: ctx.userId },
    { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) },
  );
  if (!outcome.changed) return { changed: true, lines: [t("team.settings.line", outcome.limits)] };
  ctx.logger.info({ before: outcome.before, after: outcome.limits }, "team size limits changed");
  return {
    changed: true,
    lines: [
      t("team.settings.changed", {
        fromMin: outcome.before.min,
        fromMax: outcome.before.max,
        min: outcome.limits.min,
        max: outcome.limits.max,
      }),
    ],
  };
}
