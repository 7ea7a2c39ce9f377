import {
  ApplicationCommandOptionType,
  AttachmentBuilder,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import type { Scope } from "../src/discord/route.ts";
import type { CompetencyCaller } from "../src/features/competency/competency.ts";
import { UserError } from "../src/features/errors.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

const T = ApplicationCommandOptionType;

/** `/certificate get|verify`: the intern's certificate PDF and the check of a serial. */
export const definition = {
  ...guildCommand("certificate"),
  options: [
    {
      type: T.Subcommand,
      name: "get",
      ...commandText("certificate.get"),
      options: [
        {
          type: T.String,
          name: "language",
          ...commandText("certificate.get.language"),
          choices: [
            { value: "ja", ...choiceText("certificate.get.language.ja") },
            { value: "en", ...choiceText("certificate.get.language.en") },
          ],
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "verify",
      ...commandText("certificate.verify"),
      options: [
        {
          type: T.String,
          name: "serial",
          required: true,
          max_length: 20,
          ...commandText("certificate.verify.serial"),
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const caller = (scope: Scope): CompetencyCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
  roles: scope.roles,
});

const languageArg = z.enum(["ja", "en"]).optional();
const serialArg = z.string().min(1).max(20);

export const command = defineCommand(definition, {
  get: {
    access: "intern",
    defer: "now",
    async run(ctx) {
      const language = languageArg.safeParse(ctx.args.language);
      if (!language.success) throw new UserError("error.invalidOption", { option: "language" });
      const user = ctx.interaction.user;
      const issued = await ctx.app.features.certificate.get(caller(ctx), {
        locale: language.data ?? ctx.locale,
        displayName: user.globalName ?? user.username,
      });
      ctx.logger.info(
        { serial: issued.serial, kind: issued.kind, bytes: issued.pdf.length },
        "certificate issued",
      );
      await ctx.respond.reply({
        content: ctx.t(
          issued.kind === "completion" ? "certificate.get.done" : "certificate.get.participation",
          {
            serial: issued.serial,
          },
        ),
        files: [new AttachmentBuilder(issued.pdf, { name: `${issued.serial}.pdf` })],
      });
    },
  },
  verify: {
    access: "member",
    async run(ctx) {
      const serial = serialArg.safeParse(ctx.args.serial);
      if (!serial.success) throw new UserError("error.invalidOption", { option: "serial" });
      const found = await ctx.app.features.certificate.verify(caller(ctx), serial.data);
      await ctx.respond.reply({
        content:
          found.revokedAt !== null
            ? ctx.t("certificate.verify.revoked", {
                serial: found.serial,
                at: discordTimestamp(found.revokedAt, "f"),
              })
            : ctx.t("certificate.verify.valid", {
                serial: found.serial,
                user: `<@${found.internUserId}>`,
                programme: found.programmeName,
                at: discordTimestamp(found.issuedAt, "f"),
                hash: found.contentHash,
              }),
        allowedMentions: { parse: [] },
      });
    },
  },
});
