import {
  type APIEmbed,
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { DependencyStatus } from "../src/app/context.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import type { Scope } from "../src/discord/route.ts";
import { STAGE_ORDER } from "../src/domain/onboarding/stages.ts";
import { commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";
import type { MessageKey } from "../src/i18n/translate.ts";

/** `/taiken about`: what this bot is, whether it is healthy, and what runs in this server. */
export const definition = {
  ...guildCommand("taiken"),
  options: [{ type: ApplicationCommandOptionType.Subcommand, name: "about", ...commandText("taiken.about") }],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function statusText(t: Scope["t"], status: DependencyStatus): string {
  return t(status === "ok" ? "about.status.ok" : "about.status.down");
}

async function programmeFields(scope: Scope, database: DependencyStatus): Promise<APIEmbed["fields"]> {
  const { t, programme } = scope;
  const name = t("about.programme");
  if (database !== "ok") return [{ name, value: t("about.programme.unavailable") }];
  if (!programme) return [{ name, value: t("about.programme.none") }];
  const modeKey: MessageKey =
    programme.mode === "hackathon" ? "programme.mode.hackathon" : "programme.mode.internship";
  const fields = [
    {
      name,
      value: t("about.programme.summary", {
        name: programme.name,
        mode: t(modeKey),
        starts: discordTimestamp(programme.startsAt, "F"),
        ends: discordTimestamp(programme.endsAt, "F"),
      }),
    },
  ];
  const counts = await scope.app.features.about.stageCounts(programme.id, scope.roles);
  if (counts !== null && counts.size > 0) {
    const lines = STAGE_ORDER.filter((stage) => counts.has(stage)).map((stage) =>
      t("about.programme.stage", { stage: t(`stage.${stage}`), count: counts.get(stage) ?? 0 }),
    );
    fields.push({ name: t("about.programme.stages"), value: lines.join("\n") });
  }
  return fields;
}

export const command = defineCommand(definition, {
  about: {
    access: "anyone",
    visibility: "ephemeral",
    async run(ctx) {
      const { app, t, respond } = ctx;
      const dependencies = await app.checkDependencies();
      const embed: APIEmbed = {
        title: t("about.title"),
        fields: [
          { name: t("about.version"), value: `\`${app.version}\``, inline: true },
          {
            name: t("about.uptime"),
            value: `${discordTimestamp(app.startedAt, "F")} (${discordTimestamp(app.startedAt, "R")})`,
            inline: true,
          },
          { name: t("about.database"), value: statusText(t, dependencies.database), inline: true },
          { name: t("about.redis"), value: statusText(t, dependencies.redis), inline: true },
          ...((await programmeFields(ctx, dependencies.database)) ?? []),
        ],
      };
      await respond.reply({ embeds: [embed] });
    },
  },
});
