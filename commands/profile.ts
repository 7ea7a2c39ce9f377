import {
  ApplicationCommandOptionType,
  ButtonStyle,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { button, buttonRow } from "../src/discord/assignments/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { defineCustomId } from "../src/discord/custom-id.ts";
import { programmeOf, reopenAbout, setConsent } from "../src/discord/onboarding/flow.ts";
import { ownProfileMessage, profileEmbed } from "../src/discord/onboarding/render.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/profile`: an intern's own profile (show, edit, agency consent) and, for staff, others'. */
export const definition = {
  ...guildCommand("profile"),
  options: [
    { type: T.Subcommand, name: "show", ...commandText("profile.show") },
    { type: T.Subcommand, name: "edit", ...commandText("profile.edit") },
    {
      type: T.Subcommand,
      name: "consent",
      ...commandText("profile.consent"),
      options: [{ type: T.Boolean, name: "share", required: true, ...commandText("profile.consent.share") }],
    },
    { type: T.Subcommand, name: "delete", ...commandText("profile.delete") },
    {
      type: T.Subcommand,
      name: "view",
      ...commandText("profile.view"),
      options: [{ type: T.User, name: "user", required: true, ...commandText("profile.view.user") }],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The two answers to `/profile delete`'s confirmation, for the programme it was shown in. */
export const eraseButtonId = defineCustomId("profile-erase", 1, {
  programmeId: z.string().min(1).max(40),
  confirm: z.boolean(),
});

const eraseButton = defineButton(eraseButtonId, {
  access: "intern",
  acknowledgement: "update",
  async run(ctx) {
    if (!ctx.payload.confirm) {
      await ctx.respond.update({ content: ctx.t("profile.erase.kept"), components: [] });
      return;
    }
    const erased = await ctx.app.features.profile.erase(
      { guildId: ctx.guildId, programmeId: ctx.programme?.id ?? null, userId: ctx.userId },
      ctx.payload.programmeId,
    );
    ctx.logger.info({ erased }, "intern erased their profile");
    await ctx.respond.update({ content: ctx.t("profile.erase.done"), components: [] });
  },
});

export const command = defineCommand(
  definition,
  {
    show: {
      access: "intern",
      async run({ respond, ...scope }) {
        const programme = programmeOf(scope);
        const { facts } = await scope.app.features.profile.own({
          guildId: scope.guildId,
          programmeId: programme.id,
          userId: scope.userId,
        });
        await respond.reply(ownProfileMessage(scope.t, programme.id, facts));
      },
    },
    edit: {
      access: "intern",
      defer: "never",
      run: ({ respond, ...scope }) =>
        reopenAbout(scope, respond, { programmeId: programmeOf(scope).id, mode: "edit" }),
    },
    consent: {
      access: "intern",
      async run({ respond, args, ...scope }) {
        const programme = programmeOf(scope);
        const { facts, message } = await setConsent(scope, programme.id, args.share);
        await respond.reply(ownProfileMessage(scope.t, programme.id, facts, message));
      },
    },
    delete: {
      access: "intern",
      async run({ respond, ...scope }) {
        const programme = programmeOf(scope);
        await respond.reply({
          content: scope.t("profile.erase.confirm"),
          components: [
            buttonRow([
              button(
                eraseButtonId.encode({ programmeId: programme.id, confirm: false }),
                scope.t("profile.erase.no"),
                ButtonStyle.Primary,
              ),
              button(
                eraseButtonId.encode({ programmeId: programme.id, confirm: true }),
                scope.t("profile.erase.yes"),
                ButtonStyle.Danger,
              ),
            ]),
          ],
        });
      },
    },
    view: {
      access: ["organiser", "mentor", "agency_staff"],
      async run({ respond, args, ...scope }) {
        const programme = programmeOf(scope);
        const { memberId, facts, view } = await scope.app.features.profile.view(
          { guildId: scope.guildId, programmeId: programme.id, userId: scope.userId, roles: scope.roles },
          args.user.user.id,
        );
        scope.logger.info({ memberId, view }, "profile viewed");
        await respond.reply({ embeds: [profileEmbed(scope.t, facts, view)] });
      },
    },
  },
  { components: [eraseButton] },
);
