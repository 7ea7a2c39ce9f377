import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import type { Scope } from "../src/discord/route.ts";
import { extensionDecisionId } from "../src/discord/submission/ids.ts";
import { extensionRequestPoster } from "../src/discord/submission/post.ts";
import { shownEmbed, statusEmbed } from "../src/discord/submission/render.ts";
import { parseLocalDateTime } from "../src/domain/programme/dates.ts";
import { STATUS_FILTERS } from "../src/domain/submission/overview.ts";
import { KNOWN_FILE_TYPES } from "../src/domain/submission/types.ts";
import { UserError } from "../src/features/errors.ts";
import type { ManageCaller } from "../src/features/submission/manage.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

const T = ApplicationCommandOptionType;

/** `/submission show|extend|request-extension|status|settings|close|reopen`: versions and receipts, and the organisers' deadline controls. */
export const definition = {
  ...guildCommand("submission"),
  options: [
    {
      type: T.Subcommand,
      name: "show",
      ...commandText("submission.show"),
      options: [
        {
          type: T.Integer,
          name: "version",
          min_value: 1,
          max_value: 1000,
          ...commandText("submission.show.version"),
        },
        { type: T.User, name: "user", ...commandText("submission.show.user") },
      ],
    },
    {
      type: T.Subcommand,
      name: "extend",
      ...commandText("submission.extend"),
      options: [
        { type: T.User, name: "user", required: true, ...commandText("submission.extend.user") },
        {
          type: T.String,
          name: "until",
          min_length: 16,
          max_length: 16,
          ...commandText("submission.extend.until"),
        },
        { type: T.String, name: "reason", max_length: 300, ...commandText("submission.extend.reason") },
        { type: T.Boolean, name: "clear", ...commandText("submission.extend.clear") },
      ],
    },
    {
      type: T.Subcommand,
      name: "request-extension",
      ...commandText("submission.request-extension"),
      options: [
        {
          type: T.String,
          name: "until",
          required: true,
          min_length: 16,
          max_length: 16,
          ...commandText("submission.request-extension.until"),
        },
        {
          type: T.String,
          name: "reason",
          required: true,
          max_length: 500,
          ...commandText("submission.request-extension.reason"),
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "status",
      ...commandText("submission.status"),
      options: [
        {
          type: T.String,
          name: "filter",
          ...commandText("submission.status.filter"),
          choices: STATUS_FILTERS.map((value) => ({
            value,
            ...choiceText(`submission.status.filter.${value}`),
          })),
        },
        {
          type: T.Integer,
          name: "page",
          min_value: 1,
          max_value: 1000,
          ...commandText("submission.status.page"),
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "settings",
      ...commandText("submission.settings"),
      options: [
        {
          type: T.String,
          name: "reminders",
          max_length: 40,
          ...commandText("submission.settings.reminders"),
        },
        {
          type: T.Integer,
          name: "max-file-mb",
          min_value: 1,
          max_value: 25,
          ...commandText("submission.settings.max-file-mb"),
        },
        { type: T.String, name: "types", max_length: 200, ...commandText("submission.settings.types") },
        {
          type: T.Integer,
          name: "accommodation-extension-hours",
          min_value: 0,
          max_value: 168,
          ...commandText("submission.settings.accommodation-extension-hours"),
        },
      ],
    },
    { type: T.Subcommand, name: "close", ...commandText("submission.close") },
    { type: T.Subcommand, name: "reopen", ...commandText("submission.reopen") },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const caller = (scope: Scope): ManageCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  roles: scope.roles,
});

const snowflake = z.string().regex(/^\d{17,20}$/);
const showArgs = z.object({
  version: z.number().int().min(1).max(1000).optional(),
  user: snowflake.optional(),
});
const extendArgs = z.object({
  user: snowflake,
  until: z.string().trim().max(16).optional(),
  reason: z.string().trim().max(300).optional(),
  clear: z.boolean().optional(),
});

/** Reads options with `schema`; a value that does not fit is the usual invalid-option answer. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UserError("error.invalidOption", { option: String(parsed.error.issues[0]?.path[0] ?? "") });
  }
  return parsed.data;
}

/** `/submission settings`' options as a settings change; only what was given. */
const settingsArgs = z
  .object({
    reminders: z
      .string()
      .transform((v) =>
        v
          .split(/[,、\s]+/u)
          .filter((x) => x !== "")
          .map((x) => (/^\d+$/.test(x) ? Number(x) : Number.NaN)),
      )
      .pipe(
        z
          .array(
            z
              .number()
              .int()
              .min(1)
              .max(24 * 14),
          )
          .min(1)
          .max(6),
      )
      .transform((hours) => [...new Set(hours)].sort((a, b) => b - a))
      .optional(),
    "max-file-mb": z.number().int().min(1).max(25).optional(),
    types: z
      .string()
      .transform((v) =>
        v
          .toLowerCase()
          .split(/[,、\s]+/u)
          .map((x) => x.replace(/^\./, ""))
          .filter((x) => x !== ""),
      )
      .pipe(z.array(z.enum(KNOWN_FILE_TYPES)).min(1))
      .transform((types) => [...new Set(types)])
      .optional(),
    "accommodation-extension-hours": z.number().int().min(0).max(168).optional(),
  })
  .transform((a) => ({
    ...(a.reminders === undefined ? {} : { reminderOffsetsHours: a.reminders }),
    ...(a["max-file-mb"] === undefined ? {} : { maxFileMb: a["max-file-mb"] }),
    ...(a.types === undefined ? {} : { allowedTypes: a.types }),
    ...(a["accommodation-extension-hours"] === undefined
      ? {}
      : { accommodationExtensionHours: a["accommodation-extension-hours"] }),
  }));

const requestArgs = z.object({ until: z.string().trim().max(16), reason: z.string().trim().min(1).max(500) });

/** Approve / Decline in the staff room: organisers only (checked by the router and the use-case's programme). */
const decisionButton = defineButton(extensionDecisionId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    const poster = extensionRequestPoster(ctx.interaction.client.rest, ctx.logger);
    const decided = await ctx.app.features.submission.decideExtension(caller(ctx), ctx.payload, poster);
    ctx.logger.info({ target: decided.userId, decision: decided.decision }, "extension request decided");
    const by = `<@${ctx.userId}>`;
    const line =
      decided.decision === "approved"
        ? ctx.t("submission.request.approvedBy", { user: by, until: discordTimestamp(decided.until, "f") })
        : ctx.t("submission.request.declinedBy", { user: by });
    await ctx.respond.update({
      content: `${ctx.interaction.message.content}\n\n${line}`.slice(0, 2000),
      components: [],
      allowedMentions: { parse: [] },
    });
  },
});

export const command = defineCommand(
  definition,
  {
    show: {
      access: ["intern", "mentor", "organiser", "agency_staff"],
      async run(ctx) {
        const args = parse(showArgs, { version: ctx.args.version, user: ctx.args.user?.user.id });
        const shown = await ctx.app.features.submission.show(caller(ctx), {
          userId: args.user ?? null,
          version: args.version ?? null,
        });
        await ctx.respond.reply({ embeds: [shownEmbed(ctx.t, ctx.locale, shown)] });
      },
    },
    extend: {
      access: "organiser",
      async run(ctx) {
        const args = parse(extendArgs, {
          user: ctx.args.user.user.id,
          until: ctx.args.until,
          reason: ctx.args.reason,
          clear: ctx.args.clear,
        });
        let until: Date | null = null;
        if (args.clear !== true) {
          if (args.until === undefined) throw new UserError("submission.extend.needUntil");
          until = ctx.programme === null ? null : parseLocalDateTime(args.until, ctx.programme.timeZone);
          if (until === null) throw new UserError("submission.extend.badUntil", { value: args.until });
        }
        const outcome = await ctx.app.features.submission.extend(caller(ctx), {
          userId: args.user,
          until,
          reason: args.reason ? args.reason : null,
        });
        ctx.logger.info({ target: args.user, until: outcome.current?.at }, "submission deadline changed");
        const user = `<@${args.user}>`;
        await ctx.respond.reply(
          until === null
            ? ctx.t("submission.extend.cleared", {
                user,
                deadline:
                  outcome.current === null
                    ? ctx.t("value.notSet")
                    : discordTimestamp(outcome.current.at, "f"),
              })
            : ctx.t("submission.extend.done", { user, until: discordTimestamp(until, "f") }),
        );
      },
    },
    "request-extension": {
      access: "intern",
      async run(ctx) {
        const args = parse(requestArgs, { until: ctx.args.until, reason: ctx.args.reason });
        const until = ctx.programme === null ? null : parseLocalDateTime(args.until, ctx.programme.timeZone);
        if (until === null) throw new UserError("submission.extend.badUntil", { value: args.until });
        const { posted } = await ctx.app.features.submission.requestExtension(
          caller(ctx),
          { until, reason: args.reason },
          extensionRequestPoster(ctx.interaction.client.rest, ctx.logger),
        );
        await ctx.respond.reply(
          posted
            ? ctx.t("submission.request.sent", { until: discordTimestamp(until, "f") })
            : ctx.t("submission.request.notPosted"),
        );
      },
    },
    status: {
      access: "organiser",
      async run(ctx) {
        const filter = parse(z.enum(STATUS_FILTERS).optional(), ctx.args.filter) ?? "missing";
        const overview = await ctx.app.features.submission.status(caller(ctx), filter, ctx.args.page ?? 1);
        await ctx.respond.reply({ embeds: [statusEmbed(ctx.t, overview)], allowedMentions: { parse: [] } });
      },
    },
    settings: {
      access: "organiser",
      async run(ctx) {
        const change = parse(settingsArgs, ctx.args);
        const { settings, replanned } = await ctx.app.features.submission.updateSettings(caller(ctx), change);
        const shown = ctx.t("submission.settings.shown", {
          reminders: settings.reminderOffsetsHours.join(", "),
          maxFileMb: settings.maxFileMb,
          types: settings.allowedTypes.join(", "),
          hours: settings.accommodationExtensionHours,
        });
        await ctx.respond.reply(
          Object.keys(change).length === 0
            ? shown
            : `${ctx.t("submission.settings.saved", { replanned })}\n${shown}`,
        );
      },
    },
    close: {
      access: "organiser",
      async run(ctx) {
        await ctx.app.features.submission.close(caller(ctx));
        await ctx.respond.reply(ctx.t("submission.close.done"));
      },
    },
    reopen: {
      access: "organiser",
      async run(ctx) {
        await ctx.app.features.submission.reopen(caller(ctx));
        await ctx.respond.reply(ctx.t("submission.reopen.done"));
      },
    },
  },
  { components: [decisionButton] },
);
