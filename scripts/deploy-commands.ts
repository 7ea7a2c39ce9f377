/**
 * Deploys the slash commands in commands/index.ts.
 *
 *   npm run deploy-commands -- --guild 123456789012345678   # one server, visible at once
 *   npm run deploy-commands                                  # globally
 *   npm run deploy-commands -- --guild 1234 --dry-run        # only show what would change
 *   npm run deploy-commands -- --help
 *
 * Reads DISCORD_TOKEN (and DISCORD_API_URL, for a local test server) from .env or the environment.
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { DiscordAPIError, REST } from "discord.js";
import { commands } from "../commands/index.ts";
import { ConfigError, loadConfig } from "../src/config/env.ts";
import { deployCommands, formatDiff } from "../src/discord/deploy.ts";
import { discordHost, networkErrorCode } from "../src/discord/network.ts";

const USAGE = "usage: npm run deploy-commands -- [--guild <server id>] [--dry-run] [--force]";

const HELP = `Deploys the slash commands in commands/index.ts to Discord.

${USAGE}

--guild <id>   deploy to one server (17–20 digits), visible at once; without it, globally.
--dry-run      only show what would change; nothing is sent.
--force        send the commands even when nothing seems to have changed.
--help         show this help.

Reads DISCORD_TOKEN (and DISCORD_API_URL, for a local test server) from .env or the environment.
Exit codes: 0 deployed or nothing to change, 1 Discord or settings problem, 2 wrong arguments.`;

async function main(): Promise<number> {
  let flags: {
    guild?: string | undefined;
    "dry-run"?: boolean | undefined;
    force?: boolean | undefined;
    help?: boolean | undefined;
  };
  try {
    ({ values: flags } = parseArgs({
      options: {
        guild: { type: "string" },
        "dry-run": { type: "boolean" },
        force: { type: "boolean" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (flags.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  if (flags.guild !== undefined && !/^\d{17,20}$/.test(flags.guild)) {
    process.stderr.write(`--guild must be a server id (17–20 digits), got "${flags.guild}"\n${USAGE}\n`);
    return 2;
  }

  if (existsSync(".env")) process.loadEnvFile(".env");
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) process.stderr.write(`deploy-commands: ${problem}\n`);
    return 1;
  }

  const rest = new REST(config.discord.apiUrl ? { api: config.discord.apiUrl } : {}).setToken(
    config.discord.token,
  );
  try {
    const { applicationId, diff, deployed } = await deployCommands(
      rest,
      commands.map((c) => c.definition),
      { guildId: flags.guild, dryRun: flags["dry-run"], force: flags.force },
    );
    const scope = flags.guild ? `server ${flags.guild}` : "all servers (global)";
    process.stdout.write(`Application ${applicationId}, ${scope}:\n`);
    for (const line of formatDiff(diff)) process.stdout.write(`  ${line}\n`);
    process.stdout.write(
      deployed
        ? "Deployed.\n"
        : flags["dry-run"]
          ? "Dry run: nothing sent.\n"
          : "Nothing changed: nothing sent.\n",
    );
    return 0;
  } catch (error) {
    if (error instanceof DiscordAPIError && error.status === 401) {
      process.stderr.write("deploy-commands: Discord rejected DISCORD_TOKEN (401 Unauthorized)\n");
      return 1;
    }
    if (error instanceof DiscordAPIError && (error.status === 403 || error.status === 404) && flags.guild) {
      process.stderr.write(
        `deploy-commands: cannot deploy to server ${flags.guild} (${error.status}): is the bot invited with the applications.commands scope?\n`,
      );
      return 1;
    }
    const code = networkErrorCode(error);
    if (code !== null) {
      process.stderr.write(
        `deploy-commands: could not reach ${discordHost(config.discord.apiUrl)} (${code}); check the network, or DISCORD_API_URL if you use a local test server\n`,
      );
      return 1;
    }
    throw error;
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
}

process.exitCode = await main();
