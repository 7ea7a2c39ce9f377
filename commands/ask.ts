import {
  ApplicationCommandOptionType,
  type ModalSubmitInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineModal, textInput } from "../src/discord/component.ts";
import { helpdeskDiscord } from "../src/discord/helpdesk/gateway.ts";
import { askModalId } from "../src/discord/helpdesk/ids.ts";
import { type ASK_FIELDS, askModal } from "../src/discord/helpdesk/render.ts";
import { choiceText, commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/ask [visibility:] [tag:] [anonymous:]`: opens the question modal (title, question). */
export const definition = {
  ...guildCommand("ask"),
  options: [
    {
      type: T.String,
      name: "visibility",
      ...commandText("ask.visibility"),
      choices: [
        { value: "forum", ...choiceText("ask.visibility.forum") },
        { value: "private", ...choiceText("ask.visibility.private") },
      ],
    },
    { type: T.String, name: "tag", autocomplete: true, max_length: 40, ...commandText("ask.tag") },
    { type: T.Boolean, name: "anonymous", ...commandText("ask.anonymous") },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

function answers(interaction: ModalSubmitInteraction) {
  const read = (id: (typeof ASK_FIELDS)[number]) => textInput(interaction, id);
  return { title: read("title"), question: read("question") };
}

/** The modal was sent: save the ticket, post the question, say where it went. */
const askModalRoute = defineModal(askModalId, {
  access: "intern",
  async run({ interaction, respond, payload, ...scope }) {
    const { ticket, channelId } = await scope.app.features.helpdesk.ask(
      { guildId: scope.guildId, programmeId: scope.programme?.id ?? null, userId: scope.userId },
      { ...payload, tagId: payload.tagId === "" ? null : payload.tagId, ...answers(interaction) },
      helpdeskDiscord(interaction.client.rest),
    );
    const channel = `<#${channelId}>`;
    const lines = ticket.private
      ? [scope.t("ask.done.private", { channel })]
      : [
          scope.t("ask.done.forum", { channel }),
          ...(ticket.anonymous ? [scope.t("ask.done.anonymous")] : []),
        ];
    await respond.reply(lines.join("\n"));
  },
});

export const command = defineCommand(
  definition,
  {
    access: "intern",
    defer: "never",
    async run({ respond, args, interaction, ...scope }) {
      const private_ = args.visibility === "private";
      const form = await scope.app.features.helpdesk.askForm(
        { guildId: scope.guildId, programmeId: scope.programme?.id ?? null, userId: scope.userId },
        { private: private_, tag: args.tag ?? null },
        helpdeskDiscord(interaction.client.rest),
      );
      await respond.showModal(
        askModal(scope.t, {
          programmeId: form.programmeId,
          private: private_,
          anonymous: !private_ && (args.anonymous ?? false),
          tagId: form.tagId ?? "",
        }),
      );
    },
    autocomplete: {
      async tag({ value, interaction, ...scope }) {
        return scope.app.features.helpdesk.tagChoices(
          { guildId: scope.guildId, programmeId: scope.programme?.id ?? null, userId: scope.userId },
          value,
          helpdeskDiscord(interaction.client.rest),
        );
      },
    },
  },
  { components: [askModalRoute] },
);
