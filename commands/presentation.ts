import {
  ApplicationCommandOptionType,
  ChannelType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { presentationGateway } from "../src/discord/presentation/gateway.ts";
import {
  confirmButtonId,
  dropButtonId,
  liveButtonId,
  liveMessage,
  previewMessage,
} from "../src/discord/presentation/render.ts";
import type { Scope } from "../src/discord/route.ts";
import { UserError } from "../src/features/errors.ts";
import type { PresentationCaller } from "../src/features/presentation/use-cases.ts";
import { commandText } from "../src/i18n/command-text.ts";
import { sharedLocales } from "../src/i18n/shared.ts";
import { discordTimestamp } from "../src/i18n/time.ts";
import { translator } from "../src/i18n/translate.ts";

const T = ApplicationCommandOptionType;
const minutes = (name: string, min: number, max: number) =>
  ({
    type: T.Integer,
    name,
    min_value: min,
    max_value: max,
    ...commandText(`presentation.schedule.${name}` as "presentation.schedule.slot-minutes"),
  }) as const;

/** `/presentation …`: the running order of the results presentation, and the day itself. */
export const definition = {
  ...guildCommand("presentation", "manageGuild"),
  options: [
    {
      type: T.Subcommand,
      name: "schedule",
      ...commandText("presentation.schedule"),
      options: [
        {
          type: T.String,
          name: "date",
          min_length: 10,
          max_length: 10,
          ...commandText("presentation.schedule.date"),
        },
        {
          type: T.String,
          name: "start",
          min_length: 4,
          max_length: 5,
          ...commandText("presentation.schedule.start"),
        },
        minutes("slot-minutes", 2, 120),
        minutes("qa-minutes", 0, 60),
        minutes("buffer-minutes", 0, 60),
        minutes("break-every", 0, 50),
        minutes("break-minutes", 0, 120),
        {
          type: T.String,
          name: "order",
          ...commandText("presentation.schedule.order"),
          choices: [
            { name: "allocation", value: "allocation" },
            { name: "submission", value: "submission" },
            { name: "random", value: "random" },
            { name: "manual", value: "manual" },
          ],
        },
        { type: T.String, name: "seed", max_length: 64, ...commandText("presentation.schedule.seed") },
        {
          type: T.String,
          name: "include",
          ...commandText("presentation.schedule.include"),
          choices: [
            { name: "submitted", value: "submitted" },
            { name: "all", value: "all" },
          ],
        },
        {
          type: T.Channel,
          name: "channel",
          channel_types: [ChannelType.GuildStageVoice, ChannelType.GuildVoice],
          ...commandText("presentation.schedule.channel"),
        },
        { type: T.String, name: "title", max_length: 100, ...commandText("presentation.schedule.title") },
      ],
    },
    {
      type: T.Subcommand,
      name: "move",
      ...commandText("presentation.move"),
      options: [
        { type: T.User, name: "user", required: true, ...commandText("presentation.move.user") },
        {
          type: T.Integer,
          name: "position",
          required: true,
          min_value: 1,
          max_value: 1000,
          ...commandText("presentation.move.position"),
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "swap",
      ...commandText("presentation.swap"),
      options: [
        { type: T.User, name: "first", required: true, ...commandText("presentation.swap.first") },
        { type: T.User, name: "second", required: true, ...commandText("presentation.swap.second") },
      ],
    },
    {
      type: T.Subcommand,
      name: "remove",
      ...commandText("presentation.remove"),
      options: [
        { type: T.User, name: "user", required: true, ...commandText("presentation.remove.user") },
        { type: T.Boolean, name: "close-gap", ...commandText("presentation.remove.close-gap") },
      ],
    },
    {
      type: T.SubcommandGroup,
      name: "slot",
      ...commandText("presentation.slot"),
      options: [
        {
          type: T.Subcommand,
          name: "set",
          ...commandText("presentation.slot.set"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("presentation.slot.set.user") },
            {
              type: T.Integer,
              name: "minutes",
              min_value: 2,
              max_value: 120,
              ...commandText("presentation.slot.set.minutes"),
            },
            {
              type: T.String,
              name: "format",
              ...commandText("presentation.slot.set.format"),
              choices: [
                { name: "live", value: "live" },
                { name: "text", value: "text" },
                { name: "video", value: "video" },
              ],
            },
            {
              type: T.Integer,
              name: "position",
              min_value: 1,
              max_value: 1000,
              ...commandText("presentation.slot.set.position"),
            },
          ],
        },
      ],
    },
    { type: T.Subcommand, name: "start", ...commandText("presentation.start") },
    { type: T.Subcommand, name: "cancel", ...commandText("presentation.cancel") },
    { type: T.Subcommand, name: "export", ...commandText("presentation.export") },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const caller = (scope: Scope): PresentationCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  roles: scope.roles,
});

/** The Discord side: the agenda and live view in the programme's languages, not the clicker's. */
function gateway(
  ctx: Scope & { interaction: { client: { rest: Parameters<typeof presentationGateway>[0]["rest"] } } },
) {
  return presentationGateway({
    rest: ctx.interaction.client.rest,
    guildId: ctx.guildId,
    logger: ctx.logger,
    forcedLocale: ctx.programme?.forcedLocale ?? null,
    defaultLocale: ctx.app.config.defaults.locale,
  });
}

const snowflake = z.string().regex(/^\d{17,20}$/);
const scheduleArgs = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  start: z
    .string()
    .regex(/^\d{1,2}:\d{2}$/)
    .optional(),
  slotMinutes: z.number().int().min(2).max(120).default(10),
  qaMinutes: z.number().int().min(0).max(60).default(3),
  bufferMinutes: z.number().int().min(0).max(60).default(2),
  breakEvery: z.number().int().min(0).max(50).default(6),
  breakMinutes: z.number().int().min(0).max(120).default(10),
  order: z.enum(["allocation", "submission", "random", "manual"]).default("allocation"),
  seed: z.string().trim().max(64).optional(),
  include: z.enum(["submitted", "all"]).default("submitted"),
  channel: snowflake.optional(),
  title: z.string().trim().min(1).max(100).optional(),
});

/** Reads options with `schema`; a value that does not fit is the usual invalid-option answer. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UserError("error.invalidOption", { option: String(parsed.error.issues[0]?.path[0] ?? "") });
  }
  return parsed.data;
}

const confirmButton = defineButton(confirmButtonId, {
  access: "organiser",
  acknowledgement: "update",
  defer: "now",
  async run(ctx) {
    const out = await ctx.app.features.presentation.confirm(
      caller(ctx),
      ctx.payload.sessionId,
      ctx.payload.hash,
      gateway(ctx),
    );
    ctx.logger.info({ sessionId: out.session.id, slots: out.plan.slots.length }, "presentation scheduled");
    await ctx.respond.update({
      content: ctx.t("presentation.confirmed", {
        count: out.plan.slots.length,
        start: discordTimestamp(out.plan.startsAt, "f"),
        notified: out.notified,
      }),
      components: [],
    });
  },
});

const dropButton = defineButton(dropButtonId, {
  access: "organiser",
  acknowledgement: "update",
  async run(ctx) {
    await ctx.respond.update({ content: ctx.t("presentation.preview.dropped"), embeds: [], components: [] });
  },
});

const liveButton = defineButton(liveButtonId, {
  access: "organiser",
  acknowledgement: "update",
  defer: "now",
  async run(ctx) {
    const { sessionId, action, expected } = ctx.payload;
    const presentation = ctx.app.features.presentation;
    const discord = gateway(ctx);
    const programme = { forcedLocale: ctx.programme?.forcedLocale ?? null };
    const t = sharedLocales(programme, ctx.app.config.defaults.locale).map(translator);
    if (action === "end") {
      const ended = await presentation.finish(caller(ctx), "end", discord);
      await ctx.respond.update(liveMessage(t, ended, ctx.app.now()));
      return;
    }
    const out = await presentation.step(caller(ctx), sessionId, action, expected, discord);
    if (out.kind === "stale") ctx.logger.info({ sessionId, action, expected }, "stale live click");
    await ctx.respond.update(liveMessage(t, out.session, ctx.app.now()));
  },
});

export const command = defineCommand(
  definition,
  {
    schedule: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        const a = parse(scheduleArgs, {
          date: ctx.args.date,
          start: ctx.args.start,
          slotMinutes: ctx.args["slot-minutes"],
          qaMinutes: ctx.args["qa-minutes"],
          bufferMinutes: ctx.args["buffer-minutes"],
          breakEvery: ctx.args["break-every"],
          breakMinutes: ctx.args["break-minutes"],
          order: ctx.args.order,
          seed: ctx.args.seed,
          include: ctx.args.include,
          channel: ctx.args.channel?.id,
          title: ctx.args.title,
        });
        const preview = await ctx.app.features.presentation.preview(
          caller(ctx),
          {
            date: a.date ?? null,
            start: a.start ?? null,
            slotMinutes: a.slotMinutes,
            qaMinutes: a.qaMinutes,
            bufferMinutes: a.bufferMinutes,
            breakEvery: a.breakEvery,
            breakMinutes: a.breakMinutes,
            order: a.order,
            seed: a.seed ?? (a.order === "random" ? String(ctx.app.now().getTime()) : null),
            includeAll: a.include === "all",
            channelId: a.channel ?? null,
            title: a.title ?? null,
          },
          gateway(ctx),
        );
        await ctx.respond.reply(previewMessage(ctx.t, preview));
      },
    },
    move: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        const out = await ctx.app.features.presentation.move(
          caller(ctx),
          ctx.args.user.user.id,
          ctx.args.position,
          gateway(ctx),
        );
        await ctx.respond.reply(
          ctx.t("presentation.changed", {
            end: discordTimestamp(out.plan.endsAt, "t"),
            notified: out.notified,
          }),
        );
      },
    },
    swap: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        const out = await ctx.app.features.presentation.swap(
          caller(ctx),
          ctx.args.first.user.id,
          ctx.args.second.user.id,
          gateway(ctx),
        );
        await ctx.respond.reply(
          ctx.t("presentation.changed", {
            end: discordTimestamp(out.plan.endsAt, "t"),
            notified: out.notified,
          }),
        );
      },
    },
    remove: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        const out = await ctx.app.features.presentation.remove(
          caller(ctx),
          ctx.args.user.user.id,
          ctx.args["close-gap"] ?? false,
          gateway(ctx),
        );
        await ctx.respond.reply(
          ctx.t("presentation.changed", {
            end: discordTimestamp(out.plan.endsAt, "t"),
            notified: out.notified,
          }),
        );
      },
    },
    slot: {
      set: {
        access: "organiser",
        defer: "now",
        async run(ctx) {
          const out = await ctx.app.features.presentation.setSlot(
            caller(ctx),
            ctx.args.user.user.id,
            {
              minutes: ctx.args.minutes ?? null,
              format: ctx.args.format ?? null,
              position: ctx.args.position ?? null,
            },
            gateway(ctx),
          );
          await ctx.respond.reply(
            ctx.t("presentation.changed", {
              end: discordTimestamp(out.plan.endsAt, "t"),
              notified: out.notified,
            }),
          );
        },
      },
    },
    start: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        await ctx.app.features.presentation.start(caller(ctx), gateway(ctx));
        await ctx.respond.reply(ctx.t("presentation.started"));
      },
    },
    export: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        const file = await ctx.app.features.presentation.exportOrder(caller(ctx));
        await ctx.respond.reply({
          content: ctx.t("presentation.exported"),
          files: [{ name: file.name, attachment: Buffer.from(file.content) }],
        });
      },
    },
    cancel: {
      access: "organiser",
      defer: "now",
      async run(ctx) {
        await ctx.app.features.presentation.finish(caller(ctx), "cancel", gateway(ctx));
        await ctx.respond.reply(ctx.t("presentation.cancelled"));
      },
    },
  },
  { components: [confirmButton, dropButton, liveButton] },
);
