import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

/** `/checkin [plan:]`: full-flex, so starting at any hour is fine and nothing is ever late. */
export const definition = {
  ...guildCommand("checkin"),
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: "plan",
      max_length: 200,
      ...commandText("checkin.plan"),
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = defineCommand(definition, {
  access: "intern",
  async run({ respond, args, ...scope }) {
    const { status, checkIn } = await scope.app.features.operations.checkIn(
      { programmeId: scope.programme?.id ?? null, userId: scope.userId },
      args.plan ?? null,
    );
    const at = discordTimestamp(checkIn.startedAt, "t");
    const lines = [scope.t(status === "started" ? "checkin.started" : "checkin.alreadyOpen", { at })];
    if (checkIn.plan) lines.push(scope.t("checkin.plan", { plan: checkIn.plan }));
    await respond.reply(lines.join("\n"));
  },
});
