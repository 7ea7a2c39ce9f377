import {
  ApplicationCommandOptionType,
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { ConstraintViolation } from "../src/db/errors.ts";
import { AGENCY_NAME_CONSTRAINT, createAgencyRepository } from "../src/db/repositories/agencies.ts";
import { createAuditRepository } from "../src/db/repositories/audit.ts";
import { createMemberRepository } from "../src/db/repositories/members.ts";
import { defineCommand } from "../src/discord/command.ts";
import { programmeOf } from "../src/discord/onboarding/flow.ts";
import { resourceId } from "../src/discord/onboarding/workspace.ts";
import { ResourceKeys } from "../src/domain/workspace/keys.ts";
import { UserError } from "../src/features/errors.ts";
import { commandText } from "../src/i18n/command-text.ts";

const T = ApplicationCommandOptionType;

/** `/agency`: support agencies, their staff (organisers), and each agency's consenting clients. */
export const definition = {
  name: "agency",
  ...commandText("agency"),
  default_member_permissions: null,
  contexts: [InteractionContextType.Guild],
  integration_types: [ApplicationIntegrationType.GuildInstall],
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
    { type: T.Subcommand, name: "list", ...commandText("agency.list") },
    { type: T.Subcommand, name: "clients", ...commandText("agency.clients") },
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
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

export const command = defineCommand(definition, {
  add: {
    access: "organiser",
    async run({ respond, args, ...scope }) {
      const programme = programmeOf(scope);
      const name = args.name.normalize("NFC").replace(/\s+/gu, " ").trim();
      if (name.length === 0 || name.length > 100) throw new UserError("agency.error.name");
      const agencies = createAgencyRepository(scope.app.db);
      let agency: Awaited<ReturnType<typeof agencies.create>>;
      try {
        agency = await agencies.create({ guildId: scope.guildId, programmeId: programme.id, name });
      } catch (error) {
        if (error instanceof ConstraintViolation && error.constraint === AGENCY_NAME_CONSTRAINT) {
          throw new UserError("agency.error.exists", { name });
        }
        throw error;
      }
      await createAuditRepository(scope.app.db).record({
        guildId: scope.guildId,
        programmeId: programme.id,
        actorUserId: scope.userId,
        action: "agency.add",
        target: `agency:${agency.id}`,
        data: { name },
        at: scope.app.now(),
      });
      await respond.reply(scope.t("agency.added", { name }));
    },
  },
  list: {
    access: ["organiser", "mentor"],
    async run({ respond, ...scope }) {
      const programme = programmeOf(scope);
      const summaries = await createAgencyRepository(scope.app.db).summaries(scope.guildId, programme.id);
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
      const programme = programmeOf(scope);
      const agencies = createAgencyRepository(scope.app.db);
      const ids = await agencies.agencyIdsOfStaff(scope.guildId, scope.userId);
      const clients = await agencies.consentingClients(programme.id, ids);
      const lines = clients.map((c) =>
        scope.t("agency.clients.line", {
          name: c.displayName ?? "-",
          user: `<@${c.discordUserId}>`,
          stage: c.stage ? scope.t(`stage.${c.stage}`) : "-",
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
  staff: {
    add: {
      access: "organiser",
      async run({ respond, args, interaction, ...scope }) {
        const programme = programmeOf(scope);
        const agencies = createAgencyRepository(scope.app.db);
        const agency = await agencies.find(scope.guildId, programme.id, args.agency);
        if (!agency) throw new UserError("agency.error.unknown");
        const user = args.user.user;
        if (user.bot || args.user.member === null) throw new UserError("agency.error.notStaff");
        const roleId = await resourceId(
          scope,
          ResourceKeys.roles.agencyObserver,
          "onboarding.workspace.observerRole",
        );
        // The record first, then Discord: both are idempotent, so running it again repairs a failure.
        const added = await agencies.addStaff(agency.id, user.id);
        await createMemberRepository(scope.app.db).join({
          programmeId: programme.id,
          discordUserId: user.id,
          roles: ["agency_staff"],
          grantedByUserId: scope.userId,
          at: scope.app.now(),
        });
        const guild = interaction.guild ?? (await interaction.client.guilds.fetch(scope.guildId));
        await guild.members.addRole({
          user: user.id,
          role: roleId,
          reason: `taiken: staff of ${agency.name}`,
        });
        if (added) {
          await createAuditRepository(scope.app.db).record({
            guildId: scope.guildId,
            programmeId: programme.id,
            actorUserId: scope.userId,
            action: "agency.staff.add",
            target: `agency:${agency.id}`,
            data: { userId: user.id },
            at: scope.app.now(),
          });
        }
        const vars = { user: `<@${user.id}>`, agency: agency.name };
        await respond.reply(scope.t(added ? "agency.staff.added" : "agency.staff.already", vars));
      },
      autocomplete: {
        async agency({ value, ...scope }) {
          if (!scope.programme) return [];
          const typed = value.trim().toLowerCase();
          const agencies = await createAgencyRepository(scope.app.db).forProgramme(
            scope.guildId,
            scope.programme.id,
          );
          return agencies
            .filter((a) => a.name.toLowerCase().includes(typed))
            .map((a) => ({ name: a.name, value: a.id }));
        },
      },
    },
  },
});
