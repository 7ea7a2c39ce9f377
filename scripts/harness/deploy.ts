import { REST } from "discord.js";
import { commands as productionCommands } from "../../commands/index.ts";
import type { CommandModule } from "../../src/discord/command.ts";
import { deployCommands } from "../../src/discord/deploy.ts";

/**
 * Registers slash commands (the bot's own by default) in a local fake Discord's guild, as
 * `npm run deploy-commands -- --guild ID` would on Discord, so the fake can send them.
 */
export async function deployToFake(
  target: { apiUrl: string; token: string; guildId: string },
  commands: readonly CommandModule[] = productionCommands,
): Promise<void> {
  const rest = new REST({ api: target.apiUrl }).setToken(target.token);
  try {
    await deployCommands(
      rest,
      commands.map((c) => c.definition),
      { guildId: target.guildId },
    );
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}
