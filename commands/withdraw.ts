import { ButtonStyle, type RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { z } from "zod";
import { button, buttonRow } from "../src/discord/assignments/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { defineCustomId } from "../src/discord/custom-id.ts";

/**
 * `/withdraw`: the "this doesn't suit me" exit. Leaving is a legitimate outcome of a
 * workplace-experience programme, so the confirmation thanks the intern and says what happens,
 * without pressure either way.
 */
export const definition = {
  ...guildCommand("withdraw"),
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/**
 * The two answers to the confirmation, for the programme it was shown in (version 1 carried no
 * programme and is answered as out of date).
 */
export const withdrawButtonId = defineCustomId("withdraw", 2, {
  programmeId: z.string().min(1).max(40),
  confirm: z.boolean(),
});

const withdrawButton = defineButton(withdrawButtonId, {
  access: "intern",
  acknowledgement: "update",
  async run(ctx) {
    if (!ctx.payload.confirm) {
      // "I'll stay" is a signal for the attention list (withdrawal_risk), never shown to the intern.
      await ctx.app.features.attention.withdrawKept({
        guildId: ctx.guildId,
        programmeId: ctx.programme?.id ?? null,
        userId: ctx.userId,
      });
      await ctx.respond.update({ content: ctx.t("withdraw.kept"), components: [] });
      return;
    }
    const caller = { programmeId: ctx.programme?.id ?? null, userId: ctx.userId };
    const { releasedAllocationId } = await ctx.app.features.withdraw.withdraw(
      caller,
      ctx.payload.programmeId,
    );
    ctx.logger.info({ released: releasedAllocationId }, "intern withdrew");
    await ctx.respond.update({ content: ctx.t("withdraw.done"), components: [] });
  },
});

export const command = defineCommand(
  definition,
  {
    access: "intern",
    async run(ctx) {
      const { programmeId } = await ctx.app.features.withdraw.check({
        programmeId: ctx.programme?.id ?? null,
        userId: ctx.userId,
      });
      await ctx.respond.reply({
        content: ctx.t("withdraw.confirm"),
        components: [
          buttonRow([
            button(
              withdrawButtonId.encode({ confirm: false, programmeId }),
              ctx.t("withdraw.no"),
              ButtonStyle.Primary,
            ),
            button(
              withdrawButtonId.encode({ confirm: true, programmeId }),
              ctx.t("withdraw.yes"),
              ButtonStyle.Secondary,
            ),
          ]),
        ],
      });
    },
  },
  { components: [withdrawButton] },
);
