import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { optionsAnswer, pickButtonId, postBrief } from "../src/discord/assignments/flows.ts";
import { claimLane } from "../src/discord/assignments/lane.ts";
import { briefMessage, titleIn } from "../src/discord/assignments/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import type { AutocompleteChoice, Scope } from "../src/discord/route.ts";
import type { Caller, PendingBrief } from "../src/features/project/use-cases.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

const preference = (name: "first" | "second" | "third", required: boolean) =>
  ({
    type: T.String,
    name,
    ...commandText(`project.preferences.${name}`),
    required,
    autocomplete: true,
    max_length: 100,
  }) as const;

/** `/project view|preferences|claim|swap`: the intern's own project. */
export const definition = {
  ...guildCommand("project"),
  options: [
    { type: T.Subcommand, name: "view", ...commandText("project.view") },
    {
      type: T.Subcommand,
      name: "preferences",
      ...commandText("project.preferences"),
      options: [preference("first", true), preference("second", false), preference("third", false)],
    },
    { type: T.Subcommand, name: "claim", ...commandText("project.claim") },
    { type: T.Subcommand, name: "swap", ...commandText("project.swap") },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The use-cases' view of who is asking. */
const caller = (scope: Scope): Caller => ({
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  locale: scope.locale,
});

async function suggestAssignments(scope: Scope, typed: string): Promise<AutocompleteChoice[]> {
  const found = await scope.app.features.project.suggest(caller(scope), typed);
  return found.map((a) => ({ name: titleIn(scope.locale, a.latest), value: a.id }));
}

/** Posts a brief; a failure is logged, the allocation stands (and `/project view` shows it). */
async function postPending(
  ctx: Scope & { interaction: { client: Parameters<typeof postBrief>[0] } },
  brief: PendingBrief,
): Promise<void> {
  try {
    await postBrief(ctx.interaction.client, ctx.logger, brief.target, brief.version, brief.swapUntil);
  } catch (error) {
    ctx.logger.error({ err: error }, "could not post the brief in the project thread");
  }
}

/**
 * A claim or swap option clicked. Acknowledged as it arrives (a deferred update shows nothing),
 * because in a claim rush the answer can take longer than Discord's 3 s and the acknowledgement
 * must not; the database work then waits its turn in the claim lane. A claim is answered before
 * its brief is read and posted (the brief waits its turn in the lane again), so in a rush every
 * answer comes before the briefs, which Discord's global limit spreads over many seconds.
 */
const pickButton = defineButton(pickButtonId, {
  access: "intern",
  acknowledgement: "update",
  defer: "now",
  async run(ctx) {
    const project = ctx.app.features.project;
    const lane = claimLane(ctx.app);
    const picked = await lane.run(() => project.pick(caller(ctx), ctx.payload));
    if (picked.kind === "answer") {
      await ctx.respond.update(optionsAnswer(ctx, picked.answer));
      return;
    }
    ctx.logger.info(
      { assignmentId: ctx.payload.assignmentId, swap: picked.kind === "swapped" },
      picked.kind === "claimed" ? "claimed" : "swapped",
    );
    if (picked.kind === "swapped") {
      // A swap is one intern's second thought, not a rush: the new brief is in the thread before
      // the answer says so.
      if (picked.brief !== null) await postPending(ctx, picked.brief);
      const content =
        picked.from !== null
          ? ctx.t("project.swap.done", { from: picked.from, to: picked.to })
          : ctx.t("project.claim.done", { title: picked.to });
      await ctx.respond.update({ content, embeds: [], components: [] });
      return;
    }
    await ctx.respond.update({
      content: ctx.t("project.claim.done", { title: picked.title }),
      embeds: [],
      components: [],
    });
    try {
      const brief = await lane.run(() => project.claimedBrief(picked));
      if (brief !== null) await postPending(ctx, brief);
    } catch (error) {
      ctx.logger.error({ err: error }, "could not post the brief of a claim");
    }
  },
});

export const command = defineCommand(
  definition,
  {
    view: {
      access: "intern",
      async run(ctx) {
        const view = await ctx.app.features.project.view(caller(ctx));
        if (view.kind === "none") {
          await ctx.respond.reply(
            ctx.t(view.selfService ? "project.view.noneSelfService" : "project.view.none"),
          );
          return;
        }
        await ctx.respond.reply(briefMessage(ctx.t, ctx.locale, view.version, view.userId, view.swapUntil));
      },
    },
    preferences: {
      access: "intern",
      autocomplete: {
        first: (ctx) => suggestAssignments(ctx, ctx.value),
        second: (ctx) => suggestAssignments(ctx, ctx.value),
        third: (ctx) => suggestAssignments(ctx, ctx.value),
      },
      async run(ctx) {
        const values = [ctx.args.first, ctx.args.second, ctx.args.third].filter(
          (v): v is string => v !== undefined,
        );
        const wishes = await ctx.app.features.project.setPreferences(caller(ctx), values);
        const list = wishes.map((w, i) => `${i + 1}. ${titleIn(ctx.locale, w.latest)}`).join(" / ");
        await ctx.respond.reply(ctx.t("project.preferences.saved", { list }));
      },
    },
    claim: {
      access: "intern",
      async run(ctx) {
        // In the claim lane: on claim day everyone opens their options at about the same time.
        const outcome = await claimLane(ctx.app).run(() => ctx.app.features.project.startClaim(caller(ctx)));
        await ctx.respond.reply(optionsAnswer(ctx, outcome));
      },
    },
    swap: {
      access: "intern",
      async run(ctx) {
        const outcome = await claimLane(ctx.app).run(() => ctx.app.features.project.startSwap(caller(ctx)));
        await ctx.respond.reply(optionsAnswer(ctx, outcome));
      },
    },
  },
  { components: [pickButton] },
);
