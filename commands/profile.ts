import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
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
    {
      type: T.Subcommand,
      name: "view",
      ...commandText("profile.view"),
      options: [{ type: T.User, name: "user", required: true, ...commandText("profile.view.user") }],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = defineCommand(definition, {
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
});
