import {
  ApplicationIntegrationType,
  ButtonStyle,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { createMemberRepository } from "../src/db/repositories/members.ts";
import { currentProgramme, runs } from "../src/discord/assignments/flows.ts";
import { button, buttonRow } from "../src/discord/assignments/render.ts";
import { defineCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { defineCustomId } from "../src/discord/custom-id.ts";
import type { Scope } from "../src/discord/route.ts";
import { UserError } from "../src/features/errors.ts";
import { commandText } from "../src/i18n/command-text.ts";

/**
 * `/withdraw`: the "this doesn't suit me" exit. Leaving is a legitimate outcome of a
 * workplace-experience programme, so the confirmation thanks the intern and says what happens,
 * without pressure either way.
 */
export const definition = {
  name: "withdraw",
  ...commandText("withdraw"),
  default_member_permissions: null,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The two answers to the confirmation. */
export const withdrawButtonId = defineCustomId("withdraw", 1, { confirm: z.boolean() });

async function internOrRefuse(scope: Scope) {
  const programme = await currentProgramme(scope);
  const member = await createMemberRepository(scope.app.db).find(programme.id, scope.userId);
  if (member === null || !member.roles.includes("intern")) throw new UserError("project.notIntern");
  if (member.stage === "withdrawn") throw new UserError("withdraw.already");
  return { programme, member };
}

const withdrawButton = defineButton(withdrawButtonId, {
  access: "intern",
  acknowledgement: "update",
  async run(ctx) {
    if (!ctx.payload.confirm) {
      await ctx.respond.update({ content: ctx.t("withdraw.kept"), components: [] });
      return;
    }
    const { programme, member } = await internOrRefuse(ctx);
    const released = await runs(ctx).release({
      guildId: programme.guildId,
      programmeId: programme.id,
      memberId: member.id,
      reason: "withdrawn",
      stage: "withdrawn",
      actorUserId: ctx.userId,
      at: ctx.app.now(),
    });
    ctx.logger.info({ released: released?.id ?? null }, "intern withdrew");
    await ctx.respond.update({ content: ctx.t("withdraw.done"), components: [] });
  },
});

export const command = defineCommand(
  definition,
  {
    access: "intern",
    async run(ctx) {
      await internOrRefuse(ctx);
      await ctx.respond.reply({
        content: ctx.t("withdraw.confirm"),
        components: [
          buttonRow([
            button(withdrawButtonId.encode({ confirm: false }), ctx.t("withdraw.no"), ButtonStyle.Primary),
            button(withdrawButtonId.encode({ confirm: true }), ctx.t("withdraw.yes"), ButtonStyle.Secondary),
          ]),
        ],
      });
    },
  },
  { components: [withdrawButton] },
);
