import {
  ApplicationCommandOptionType,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton, defineModal, defineSelectMenu, textInput } from "../src/discord/component.ts";
import {
  commentModalId,
  openReviewId,
  queuePageId,
  scoreSelectId,
  sheetActionId,
} from "../src/discord/review/ids.ts";
import { feedbackPoster } from "../src/discord/review/post.ts";
import { commentModal, queueMessage, rubricMessage, sheetMessage } from "../src/discord/review/render.ts";
import type { Scope } from "../src/discord/route.ts";
import { DEFAULT_RUBRIC } from "../src/domain/review/rubric.ts";
import { UserError } from "../src/features/errors.ts";
import type { ReviewCaller } from "../src/features/review/review.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;
const REVIEWERS = ["mentor", "organiser"] as const;

/** `/review queue|rubric show|rubric set`: the mentors' queue and the organisers' rubric. */
export const definition = {
  ...guildCommand("review"),
  options: [
    {
      type: T.Subcommand,
      name: "queue",
      ...commandText("review.queue"),
      options: [
        {
          type: T.String,
          name: "filter",
          ...commandText("review.queue.filter"),
          choices: [
            { value: "unreviewed", ...choiceText("review.queue.filter.unreviewed") },
            { value: "mine", ...choiceText("review.queue.filter.mine") },
            { value: "late", ...choiceText("review.queue.filter.late") },
          ],
        },
      ],
    },
    {
      type: T.SubcommandGroup,
      name: "rubric",
      ...commandText("review.rubric"),
      options: [
        { type: T.Subcommand, name: "show", ...commandText("review.rubric.show") },
        {
          type: T.Subcommand,
          name: "set",
          ...commandText("review.rubric.set"),
          options: [
            { type: T.Attachment, name: "file", required: true, ...commandText("review.rubric.set.file") },
          ],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const caller = (scope: Scope): ReviewCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  roles: scope.roles,
});

const filterArg = z.enum(["unreviewed", "mine", "late"]).optional();

function commentOf(interaction: ModalSubmitInteraction): string {
  return textInput(interaction, "comment");
}

const pageButton = defineButton(queuePageId, {
  access: [...REVIEWERS],
  acknowledgement: "update",
  async run(ctx) {
    const queue = await ctx.app.features.review.queue(caller(ctx), ctx.payload);
    await ctx.respond.update(queueMessage(ctx.t, queue));
  },
});

const openButton = defineButton(openReviewId, {
  access: [...REVIEWERS],
  async run(ctx) {
    const sheet = await ctx.app.features.review.open(caller(ctx), ctx.payload.versionId);
    await ctx.respond.reply(sheetMessage(ctx.t, ctx.locale, sheet));
  },
});

const scoreSelect = defineSelectMenu(scoreSelectId, {
  access: [...REVIEWERS],
  acknowledgement: "update",
  async run(ctx) {
    const score = Number(ctx.interaction.values[0]);
    const sheet = await ctx.app.features.review.score(caller(ctx), { ...ctx.payload, score });
    await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, sheet));
  },
});

const actionButton = defineButton(sheetActionId, {
  access: [...REVIEWERS],
  defer: "never",
  async run(ctx) {
    const review = ctx.app.features.review;
    const target = { versionId: ctx.payload.versionId, reviewerId: ctx.payload.reviewerId };
    switch (ctx.payload.action) {
      case "comment": {
        const sheet = await review.open(caller(ctx), target.versionId);
        if (sheet.reviewerId !== target.reviewerId) throw new UserError("review.error.notYours");
        await ctx.respond.showModal(commentModal(ctx.t, sheet));
        return;
      }
      case "save": {
        const sheet = await review.saveDraft(caller(ctx), target);
        await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, sheet));
        return;
      }
      case "publish": {
        // Publishing posts in the intern's thread: acknowledge first so a slow post never runs past
        // Discord's 3 s (this route cannot defer up front: "comment" answers with a modal).
        await ctx.respond.defer();
        const outcome = await review.publish(
          caller(ctx),
          target,
          feedbackPoster(ctx.interaction.client.rest, ctx.app),
        );
        ctx.logger.info({ versionNumber: outcome.versionNumber, posted: outcome.posted }, "review published");
        await ctx.respond.reply(
          ctx.t(outcome.posted ? "review.publish.done" : "review.publish.doneNotPosted", {
            user: `<@${outcome.internUserId}>`,
            number: outcome.versionNumber,
          }),
        );
        return;
      }
    }
  },
});

const commentModalRoute = defineModal(commentModalId, {
  access: [...REVIEWERS],
  acknowledgement: "update",
  async run(ctx) {
    const sheet = await ctx.app.features.review.comment(caller(ctx), {
      ...ctx.payload,
      comment: commentOf(ctx.interaction),
    });
    await ctx.respond.update(sheetMessage(ctx.t, ctx.locale, sheet));
  },
});

export const command = defineCommand(
  definition,
  {
    queue: {
      access: [...REVIEWERS],
      async run(ctx) {
        const parsed = filterArg.safeParse(ctx.args.filter);
        if (!parsed.success) throw new UserError("error.invalidOption", { option: "filter" });
        const queue = await ctx.app.features.review.queue(caller(ctx), {
          filter: parsed.data ?? "all",
          page: 0,
        });
        await ctx.respond.reply(queueMessage(ctx.t, queue));
      },
    },
    rubric: {
      show: {
        access: [...REVIEWERS],
        async run(ctx) {
          const rubric = await ctx.app.features.review.rubric(caller(ctx));
          await ctx.respond.reply(rubricMessage(ctx.t, rubric, rubric === DEFAULT_RUBRIC));
        },
      },
      set: {
        access: "organiser",
        defer: "now",
        async run(ctx) {
          const rubric = await ctx.app.features.review.setRubric(caller(ctx), {
            url: ctx.args.file.url,
            size: ctx.args.file.size,
          });
          ctx.logger.info({ criteria: rubric.length }, "review rubric set");
          await ctx.respond.reply(
            [
              ctx.t("review.rubric.set.done", { count: rubric.length }),
              rubricMessage(ctx.t, rubric, false),
            ].join("\n\n"),
          );
        },
      },
    },
  },
  { components: [pageButton, openButton, scoreSelect, actionButton, commentModalRoute] },
);
