import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { defineCommand } from "../src/discord/command.ts";
import { onboardingComponents } from "../src/discord/onboarding/components.ts";
import { startJoin } from "../src/discord/onboarding/flow.ts";
import { commandText } from "../src/i18n/command-text.ts";

/**
 * `/join`: the same as the Join button on the welcome message, for people who cannot find it.
 * The onboarding flow's components are registered with this command.
 */
export const definition = {
  name: "join",
  ...commandText("join"),
  default_member_permissions: null,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = defineCommand(
  definition,
  {
    // Not a member yet: anyone may ask; the flow checks the programme and the caller.
    access: "anyone",
    // Opens a modal, which must be the first response.
    defer: "never",
    run: ({ interaction, respond, args: _args, ...scope }) => startJoin(scope, interaction, respond),
  },
  { components: onboardingComponents },
);
