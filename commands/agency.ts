import {
  ApplicationCommandOptionType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { SupportedLocale } from "../src/config/env.ts";
import { clientEmbed, funnelEmbed } from "../src/discord/agency/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { programmeOf } from "../src/discord/onboarding/flow.ts";
import { observerRoleGateway } from "../src/discord/onboarding/workspace.ts";
import { digestMessages } from "../src/features/agency/digest-message.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/agency`: support agencies, their staff (organisers), and each agency's consenting clients. */
export const definition = {
  ...guildCommand("agency"),
  options: [
    {
      type: T.Subcommand,
      name: "add",
      ...commandText("agency.add"),
      options: [
        {
          type: T.String,
          name: "name",
          required: true,
          min_length: 1,
          max_length: 100,
          ...commandText("agency.add.name"),
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "remove",
      ...commandText("agency.remove"),
      options: [
        {
          type: T.String,
          name: "agency",
          required: true,
          autocomplete: true,
          ...commandText("agency.remove.agency"),
        },
      ],
    },
    { type: T.Subcommand, name: "list", ...commandText("agency.list") },
    { type: T.Subcommand, name: "clients", ...commandText("agency.clients") },
    {
      type: T.Subcommand,
      name: "client",
      ...commandText("agency.client"),
      options: [{ type: T.User, name: "user", required: true, ...commandText("agency.client.user") }],
    },
    { type: T.Subcommand, name: "funnel", ...commandText("agency.funnel") },
    {
      type: T.SubcommandGroup,
      name: "digest",
      ...commandText("agency.digest"),
      options: [
        {
          type: T.Subcommand,
          name: "settings",
          ...commandText("agency.digest.settings"),
          options: [
            {
              type: T.String,
              name: "delivery",
              required: true,
              ...commandText("agency.digest.settings.delivery"),
              choices: [
                { name: "dm", value: "dm" },
                { name: "thread", value: "thread" },
              ],
            },
            {
              type: T.String,
              name: "weekday",
              required: true,
              max_length: 10,
              ...commandText("agency.digest.settings.weekday"),
            },
            {
              type: T.String,
              name: "time",
              required: true,
              max_length: 5,
              ...commandText("agency.digest.settings.time"),
            },
            {
              type: T.String,
              name: "agency",
              autocomplete: true,
              ...commandText("agency.digest.settings.agency"),
            },
          ],
        },
        {
          type: T.Subcommand,
          name: "preview",
          ...commandText("agency.digest.preview"),
          options: [
            {
              type: T.String,
              name: "agency",
              autocomplete: true,
              ...commandText("agency.digest.preview.agency"),
            },
          ],
        },
      ],
    },
    {
      type: T.SubcommandGroup,
      name: "staff",
      ...commandText("agency.staff"),
      options: [
        {
          type: T.Subcommand,
          name: "add",
          ...commandText("agency.staff.add"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("agency.staff.add.user") },
            {
              type: T.String,
              name: "agency",
              required: true,
              autocomplete: true,
              ...commandText("agency.staff.add.agency"),
            },
          ],
        },
        {
          type: T.Subcommand,
          name: "remove",
          ...commandText("agency.staff.remove"),
          options: [
            { type: T.User, name: "user", required: true, ...commandText("agency.staff.remove.user") },
            {
              type: T.String,
              name: "agency",
              required: true,
              autocomplete: true,
              ...commandText("agency.staff.remove.agency"),
            },
          ],
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

/** The use-cases' view of who is asking, in the server's current programme. */
function caller(scope: Parameters<typeof programmeOf>[0]) {
  return { guildId: scope.guildId, programmeId: programmeOf(scope).id, userId: scope.userId };
}

/** The view use-cases' caller: the programme with its zone, and the reply locale. */
function viewCaller(scope: Parameters<typeof programmeOf>[0] & { locale: SupportedLocale }) {
  return {
    guildId: scope.guildId,
    userId: scope.userId,
    programme: programmeOf(scope),
    locale: scope.locale,
  };
}

/** Autocomplete of an `agency` option: the programme's agencies matching what was typed. */
const agencyChoices = {
  async agency({ value, ...scope }: { value: string } & Parameters<typeof programmeOf>[0]) {
    if (!scope.programme) return [];
    const found = await scope.app.features.agency.suggest(
      { guildId: scope.guildId, programmeId: scope.programme.id, userId: scope.userId },
      value,
    );
    return found.map((a) => ({ name: a.name, value: a.id }));
  },
};

export const command = defineCommand(definition, {
  add: {
    access: "organiser",
    async run({ respond, args, ...scope }) {
      const { name } = await scope.app.features.agency.add(caller(scope), args.name);
      await respond.reply(scope.t("agency.added", { name }));
    },
  },
  remove: {
    access: "organiser",
    async run({ respond, args, interaction, ...scope }) {
      const removed = await scope.app.features.agency.remove(
        caller(scope),
        args.agency,
        observerRoleGateway(scope, interaction),
      );
      await respond.reply(
        scope.t("agency.removed", {
          name: removed.agency.name,
          staff: removed.staff,
          clients: removed.clients,
        }),
      );
    },
    autocomplete: agencyChoices,
  },
  list: {
    access: ["organiser", "mentor"],
    async run({ respond, ...scope }) {
      const summaries = await scope.app.features.agency.list(caller(scope));
      const lines = summaries.map((a) =>
        scope.t("agency.list.line", {
          name: a.name,
          staff: a.staffCount,
          clients: a.clientCount,
          consenting: a.consentingClientCount,
        }),
      );
      await respond.reply({
        embeds: [
          {
            title: scope.t("agency.list.title"),
            description: (lines.length ? lines.join("\n") : scope.t("agency.list.empty")).slice(0, 4096),
          },
        ],
      });
    },
  },
  clients: {
    access: "agency_staff",
    async run({ respond, ...scope }) {
      const clients = await scope.app.features.agency.clients(caller(scope));
      const lines = clients.map((c) =>
        scope.t("agency.clients.line", {
          name: c.displayName ?? scope.t("value.notSet"),
          user: `<@${c.discordUserId}>`,
          stage: c.stage ? scope.t(`stage.${c.stage}`) : scope.t("value.notSet"),
        }),
      );
      await respond.reply({
        embeds: [
          {
            title: scope.t("agency.clients.title"),
            description: (lines.length ? lines.join("\n") : scope.t("agency.clients.empty")).slice(0, 4096),
          },
        ],
      });
    },
  },
  client: {
    access: "agency_staff",
    async run({ respond, args, ...scope }) {
      const client = await scope.app.features.agencyViews.client(viewCaller(scope), args.user.user.id);
      await respond.reply({ embeds: [clientEmbed(scope.locale, scope.t, client)] });
    },
  },
  funnel: {
    access: "agency_staff",
    async run({ respond, ...scope }) {
      const rows = await scope.app.features.agencyViews.agencyFunnel(viewCaller(scope));
      await respond.reply({ embeds: [funnelEmbed(scope.t, scope.t("agency.funnel.agencyTitle"), rows)] });
    },
  },
  digest: {
    settings: {
      access: "agency_staff",
      async run({ respond, args, ...scope }) {
        const caller = viewCaller(scope);
        const { agency, setting } = await scope.app.features.agencyViews.digestSettings(caller, {
          ...(args.agency === undefined ? {} : { agencyId: args.agency }),
          delivery: args.delivery,
          weekday: args.weekday,
          time: args.time,
        });
        await respond.reply(
          scope.t("agency.digest.saved", {
            agency: agency.name,
            weekday: scope.t(`weekday.${setting.weekday as 0 | 1 | 2 | 3 | 4 | 5 | 6}`),
            time: setting.time,
            zone: caller.programme.timeZone,
            delivery: scope.t(`agency.digest.delivery.${setting.delivery}`),
          }),
        );
      },
      autocomplete: agencyChoices,
    },
    preview: {
      access: "agency_staff",
      async run({ respond, args, ...scope }) {
        const content = await scope.app.features.agencyViews.digestPreview(viewCaller(scope), args.agency);
        const [first] = digestMessages(scope.locale, content);
        await respond.reply({
          content: scope.t("agency.digest.previewNote"),
          embeds: first?.body.embeds ?? [],
          allowedMentions: { parse: [] },
        });
      },
      autocomplete: agencyChoices,
    },
  },
  staff: {
    add: {
      access: "organiser",
      async run({ respond, args, interaction, ...scope }) {
        const user = args.user.user;
        const { agency, added } = await scope.app.features.agency.addStaff(
          caller(scope),
          { agencyId: args.agency, user: { id: user.id, bot: user.bot, inGuild: args.user.member !== null } },
          observerRoleGateway(scope, interaction),
        );
        const vars = { user: `<@${user.id}>`, agency: agency.name };
        await respond.reply(scope.t(added ? "agency.staff.added" : "agency.staff.already", vars));
      },
      autocomplete: agencyChoices,
    },
    remove: {
      access: "organiser",
      async run({ respond, args, interaction, ...scope }) {
        const user = args.user.user;
        const { agency, roleRemoved } = await scope.app.features.agency.removeStaff(
          caller(scope),
          { agencyId: args.agency, userId: user.id },
          observerRoleGateway(scope, interaction),
        );
        const vars = { user: `<@${user.id}>`, agency: agency.name };
        await respond.reply(
          scope.t(roleRemoved ? "agency.staff.removed" : "agency.staff.removedKeepsRole", vars),
        );
      },
      autocomplete: agencyChoices,
    },
  },
});
