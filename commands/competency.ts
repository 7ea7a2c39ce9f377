import {
  ApplicationCommandOptionType,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { sheetActionId, sheetCommentId, sheetPageId, sheetScoreId } from "../src/discord/competency/ids.ts";
import { chartMessage, commentModal, sheetMessage } from "../src/discord/competency/render.ts";
import { defineButton, defineModal, defineSelectMenu, textInput } from "../src/discord/component.ts";
import type { Scope } from "../src/discord/route.ts";
import type { CompetencyCaller } from "../src/features/competency/competency.ts";
import { UserError } from "../src/features/errors.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/competency rate|mentor|show`: the 社会人基礎力 sheet and its radar chart. */
export const definition = {
  ...guildCommand("competency"),
  options: [
    {
      type: T.Subcommand,
      name: "rate",
      ...commandText("competency.rate"),
      options: [
        {
          type: T.String,
          name: "phase",
          required: true,
          ...commandText("competency.rate.phase"),
          choices: [
            { value: "before", ...choiceText("competency.rate.phase.before") },
            { value: "during", ...choiceText("competency.rate.phase.during") },
            { value: "after", ...choiceText("competency.rate.phase.after") },
          ],
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "mentor",
      ...commandText("competency.mentor"),
      options: [
        { type: T.User, name: "user", required: true, ...commandText("competency.mentor.user") },
        {
          type: T.String,
          name: "phase",
          required: true,
          ...commandText("competency.mentor.phase"),
          choices: [
            { value: "before", ...choiceText("competency.mentor.phase.before") },
            { value: "during", ...choiceText("competency.mentor.phase.during") },
            { value: "after", ...choiceText("competency.mentor.phase.after") },
          ],
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "show",
      ...commandText("competency.show"),
      options: [{ type: T.User, name: "user", ...commandText("competency.show.user") }],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const caller = (scope: Scope): CompetencyCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  roles: scope.roles,
});

const phaseArg = z.enum(["before", "during", "after"]);
const SHEET_USERS = ["intern", "mentor"] as const;

function commentOf(interaction: ModalSubmitInteraction): string {
  return textInput(interaction, "comment");
}

const sheetRef = (p: {
  memberId: string;
  phase: "before" | "during" | "after";
  assessor: "self" | "mentor";
}) => ({
  memberId: p.memberId,
  phase: p.phase,
  assessor: p.assessor,
});

const pageButton = defineButton(sheetPageId, {
  access: [...SHEET_USERS],
  acknowledgement: "update",
  async run(ctx) {
    const page = await ctx.app.features.competency.page(caller(ctx), sheetRef(ctx.payload), ctx.payload.page);
    await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, page));
  },
});

const scoreSelect = defineSelectMenu(sheetScoreId, {
  access: [...SHEET_USERS],
  acknowledgement: "update",
  async run(ctx) {
    const page = await ctx.app.features.competency.score(caller(ctx), sheetRef(ctx.payload), {
      page: ctx.payload.page,
      element: ctx.payload.element,
      score: Number(ctx.interaction.values[0]),
    });
    await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, page));
  },
});

const actionButton = defineButton(sheetActionId, {
  access: [...SHEET_USERS],
  defer: "never",
  async run(ctx) {
    const competency = ctx.app.features.competency;
    if (ctx.payload.action === "comment") {
      const page = await competency.page(caller(ctx), sheetRef(ctx.payload), ctx.payload.page);
      await ctx.respond.showModal(commentModal(ctx.t, page));
      return;
    }
    const page = await competency.submit(caller(ctx), sheetRef(ctx.payload), ctx.payload.page);
    await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, page));
  },
});

const commentRoute = defineModal(sheetCommentId, {
  access: [...SHEET_USERS],
  acknowledgement: "update",
  async run(ctx) {
    const page = await ctx.app.features.competency.comment(caller(ctx), sheetRef(ctx.payload), {
      page: ctx.payload.page,
      comment: commentOf(ctx.interaction),
    });
    await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, page));
  },
});

export const command = defineCommand(
  definition,
  {
    rate: {
      access: "intern",
      async run(ctx) {
        const phase = phaseArg.safeParse(ctx.args.phase);
        if (!phase.success) throw new UserError("error.invalidOption", { option: "phase" });
        const page = await ctx.app.features.competency.rate(caller(ctx), phase.data);
        await ctx.respond.reply(sheetMessage(ctx.t, ctx.locale, page));
      },
    },
    mentor: {
      access: "mentor",
      async run(ctx) {
        const phase = phaseArg.safeParse(ctx.args.phase);
        if (!phase.success) throw new UserError("error.invalidOption", { option: "phase" });
        const page = await ctx.app.features.competency.mentor(caller(ctx), {
          userId: ctx.args.user.user.id,
          phase: phase.data,
        });
        await ctx.respond.reply(sheetMessage(ctx.t, ctx.locale, page));
      },
    },
    show: {
      access: ["intern", "mentor", "organiser"],
      defer: "now",
      async run(ctx) {
        const shown = await ctx.app.features.competency.show(caller(ctx), {
          userId: ctx.args.user?.user.id ?? null,
          locale: ctx.locale,
        });
        await ctx.respond.reply(chartMessage(ctx.t, shown.change, shown.spec, shown.png));
      },
    },
  },
  { components: [pageButton, scoreSelect, actionButton, commentRoute] },
);
