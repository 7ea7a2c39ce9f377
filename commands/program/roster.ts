/** `/program roster [stage] [page]`: who is where, a page at a time, in the viewer's locale. */
import { ButtonStyle } from "discord.js";
import { z } from "zod";
import { button, buttonRow, clip, titleIn } from "../../src/discord/assignments/render.ts";
import type { CommandContext } from "../../src/discord/command.ts";
import { defineButton } from "../../src/discord/component.ts";
import { defineCustomId } from "../../src/discord/custom-id.ts";
import type { Scope } from "../../src/discord/route.ts";
import type { InternStage } from "../../src/domain/enums.ts";
import { STAGE_ORDER } from "../../src/domain/onboarding/stages.ts";
import { ROSTER_PAGE_SIZE } from "../../src/features/library/use-cases.ts";

/** The arguments of `/program roster`, as the definition declares them (page is 1-based). */
export interface RosterArgs {
  stage?: InternStage | undefined;
  page?: number | undefined;
}

/** Another page of the roster. */
const rosterPageId = defineCustomId("roster-page", 1, {
  stage: z.enum(STAGE_ORDER).nullable(),
  page: z.int().min(0).max(10_000),
});

async function rosterMessage(scope: Scope, stage: InternStage | null, page: number) {
  const { t } = scope;
  const roster = await scope.app.features.library.roster(
    { guildId: scope.guildId, programmeId: scope.programme?.id ?? null, userId: scope.userId },
    stage,
    page,
  );
  if (roster.total === 0) return { content: t("program.roster.empty"), embeds: [], components: [] };
  const lines = roster.entries.map((e) =>
    t("program.roster.line", {
      user: e.discordUserId,
      name: clip(e.displayName ?? t("program.roster.noName"), 40),
      stage: e.stage === null ? t("program.roster.noStage") : t(`stage.${e.stage}`),
      project:
        e.project === null ? t("program.roster.noProject") : clip(titleIn(scope.locale, e.project), 60),
    }),
  );
  const from = roster.page * ROSTER_PAGE_SIZE;
  const buttons = [];
  if (roster.page > 0)
    buttons.push(
      button(
        rosterPageId.encode({ stage, page: roster.page - 1 }),
        t("assignments.list.previous"),
        ButtonStyle.Secondary,
      ),
    );
  if (roster.page < roster.pages - 1)
    buttons.push(
      button(
        rosterPageId.encode({ stage, page: roster.page + 1 }),
        t("assignments.list.next"),
        ButtonStyle.Secondary,
      ),
    );
  return {
    content: "",
    embeds: [
      {
        title: t("program.roster.title", {
          from: from + 1,
          to: from + roster.entries.length,
          total: roster.total,
          page: roster.page + 1,
          pages: roster.pages,
        }),
        description: clip(lines.join("\n"), 4096),
      },
    ],
    components: buttons.length === 0 ? [] : [buttonRow(buttons)],
  };
}

export async function programmeRoster(ctx: CommandContext<RosterArgs>): Promise<void> {
  await ctx.respond.reply(await rosterMessage(ctx, ctx.args.stage ?? null, (ctx.args.page ?? 1) - 1));
}

export const rosterButton = defineButton(rosterPageId, {
  access: ["organiser", "mentor"],
  acknowledgement: "update",
  async run(ctx) {
    await ctx.respond.update(await rosterMessage(ctx, ctx.payload.stage, ctx.payload.page));
  },
});
