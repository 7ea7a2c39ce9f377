import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { createAgencyRepository } from "../src/db/repositories/agencies.ts";
import { createMemberRepository } from "../src/db/repositories/members.ts";
import { defineCommand } from "../src/discord/command.ts";
import { factsOf, ownMember, programmeOf, reopenAbout, setConsent } from "../src/discord/onboarding/flow.ts";
import { ownProfileMessage, profileEmbed } from "../src/discord/onboarding/render.ts";
import { profileView } from "../src/domain/profile/visibility.ts";
import { UserError } from "../src/features/errors.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/profile`: an intern's own profile (show, edit, agency consent) and, for staff, others'. */
export const definition = {
  name: "profile",
  ...commandText("profile"),
  default_member_permissions: null,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
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
      const { facts } = await ownMember(scope, programme.id);
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
      const member = await createMemberRepository(scope.app.db).find(programme.id, args.user.user.id);
      const facts = member?.roles.includes("intern") ? await factsOf(scope, member) : null;
      // Whatever the reason (not joined, not consenting, another agency's client), one answer:
      // agency staff must not learn that a person exists in the programme.
      if (!member || !facts) throw new UserError("profile.error.notVisible");
      const agencyIds = scope.roles.has("agency_staff")
        ? await createAgencyRepository(scope.app.db).agencyIdsOfStaff(scope.guildId, scope.userId)
        : new Set<string>();
      const view = profileView(
        { userId: scope.userId, roles: scope.roles, agencyIds },
        {
          discordUserId: member.discordUserId,
          agencyId: member.agencyId,
          agencyConsent: member.agencyConsent,
        },
      );
      if (view === "none") throw new UserError("profile.error.notVisible");
      scope.logger.info({ memberId: member.id, view }, "profile viewed");
      await respond.reply({ embeds: [profileEmbed(scope.t, facts, view)] });
    },
  },
});
