import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import { helpdeskDiscord } from "../src/discord/helpdesk/gateway.ts";
import { claimButtonId, releaseButtonId, resolveButtonId } from "../src/discord/helpdesk/ids.ts";
import { queueMessage } from "../src/discord/helpdesk/render.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/helpdesk queue [tag:] [mine:]`: the unresolved questions, oldest first, with their buttons. */
export const definition = {
  ...guildCommand("helpdesk"),
  options: [
    {
      type: T.Subcommand,
      name: "queue",
      ...commandText("helpdesk.queue"),
      options: [
        {
          type: T.String,
          name: "tag",
          autocomplete: true,
          max_length: 40,
          ...commandText("helpdesk.queue.tag"),
        },
        { type: T.Boolean, name: "mine", ...commandText("helpdesk.queue.mine") },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

type Caller = { guildId: string; programme: { id: string } | null; userId: string };
const caller = (scope: Caller) => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
});

const claimRoute = defineButton(claimButtonId, {
  access: ["mentor", "organiser"],
  async run({ interaction, respond, payload, ...scope }) {
    const card = await scope.app.features.helpdesk.claim(
      caller(scope),
      payload.ticketId,
      helpdeskDiscord(interaction.client.rest),
    );
    const channel = card.ticket.forumThreadId ?? card.askerThreadId;
    await respond.reply(
      scope.t("helpdesk.claimed", { title: card.ticket.title, link: channel ? `<#${channel}>` : "" }),
    );
  },
});

const releaseRoute = defineButton(releaseButtonId, {
  access: ["mentor", "organiser"],
  async run({ interaction, respond, payload, ...scope }) {
    const ticket = await scope.app.features.helpdesk.release(
      caller(scope),
      payload.ticketId,
      helpdeskDiscord(interaction.client.rest),
    );
    await respond.reply(scope.t("helpdesk.released", { title: ticket.title }));
  },
});

/** On the queue (staff) and under the question itself (the asker). */
const resolveRoute = defineButton(resolveButtonId, {
  access: ["intern", "mentor", "organiser"],
  async run({ interaction, respond, payload, ...scope }) {
    const ticket = await scope.app.features.helpdesk.resolve(
      caller(scope),
      payload.ticketId,
      helpdeskDiscord(interaction.client.rest),
    );
    await respond.reply(scope.t("helpdesk.resolved", { title: ticket.title }));
  },
});

export const command = defineCommand(
  definition,
  {
    queue: {
      access: ["mentor", "organiser"],
      async run({ respond, args, interaction, ...scope }) {
        const { cards, more } = await scope.app.features.helpdesk.queue(
          caller(scope),
          { tag: args.tag ?? null, mine: args.mine ?? false },
          helpdeskDiscord(interaction.client.rest),
        );
        await respond.reply(queueMessage(scope.t, scope.guildId, cards, more));
      },
      autocomplete: {
        async tag({ value, interaction, ...scope }) {
          return scope.app.features.helpdesk.tagChoices(
            caller(scope),
            value,
            helpdeskDiscord(interaction.client.rest),
          );
        },
      },
    },
  },
  { components: [claimRoute, releaseRoute, resolveRoute] },
);
