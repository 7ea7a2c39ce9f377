import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { onboardingComponents } from "../src/discord/onboarding/components.ts";
import { startJoin } from "../src/discord/onboarding/flow.ts";

/**
 * `/join`: the same as the Join button on the welcome message, for people who cannot find it.
 * The onboarding flow's components are registered with this command.
 */
export const definition = {
  ...guildCommand("join"),
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
