import {
  ApplicationCommandOptionType,
  ButtonStyle,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { z } from "zod";
import { button, buttonRow } from "../src/discord/assignments/render.ts";
import { defineCommand, guildCommand } from "../src/discord/command.ts";
import { defineButton } from "../src/discord/component.ts";
import type { Scope } from "../src/discord/route.ts";
import { teamJoinId } from "../src/discord/team/ids.ts";
import { teamEmbed, teamListEmbed } from "../src/discord/team/render.ts";
import { teamThreads } from "../src/discord/team/threads.ts";
import { parseLocalDateTime } from "../src/domain/programme/dates.ts";
import { TEAM_NAME_MAX } from "../src/domain/team/rules.ts";
import { UserError } from "../src/features/errors.ts";
import type { TeamCaller } from "../src/features/team/ports.ts";
import { commandText } from "../src/i18n/command-text.ts";
import { discordTimestamp } from "../src/i18n/time.ts";

const T = ApplicationCommandOptionType;

const teamNameOption = (key: "team.join.team" | "team.show.team" | "team.move.team" | "team.lock.team") =>
  ({ type: T.String, name: "team", max_length: TEAM_NAME_MAX * 2, ...commandText(key) }) as const;

/** `/team create|invite|join|leave|show|list|move|lock`: hackathon teams (issue 16). */
export const definition = {
  ...guildCommand("team"),
  options: [
    {
      type: T.Subcommand,
      name: "create",
      ...commandText("team.create"),
      options: [
        {
          type: T.String,
          name: "name",
          required: true,
          max_length: TEAM_NAME_MAX * 2,
          ...commandText("team.create.name"),
        },
      ],
    },
    {
      type: T.Subcommand,
      name: "invite",
      ...commandText("team.invite"),
      options: [{ type: T.User, name: "user", required: true, ...commandText("team.invite.user") }],
    },
    {
      type: T.Subcommand,
      name: "join",
      ...commandText("team.join"),
      options: [teamNameOption("team.join.team")],
    },
    { type: T.Subcommand, name: "leave", ...commandText("team.leave") },
    {
      type: T.Subcommand,
      name: "show",
      ...commandText("team.show"),
      options: [teamNameOption("team.show.team")],
    },
    { type: T.Subcommand, name: "list", ...commandText("team.list") },
    {
      type: T.Subcommand,
      name: "move",
      ...commandText("team.move"),
      options: [
        { type: T.User, name: "user", required: true, ...commandText("team.move.user") },
        { ...teamNameOption("team.move.team"), required: true },
      ],
    },
    {
      type: T.Subcommand,
      name: "lock",
      ...commandText("team.lock"),
      options: [
        teamNameOption("team.lock.team"),
        { type: T.String, name: "at", min_length: 16, max_length: 16, ...commandText("team.lock.at") },
        { type: T.Boolean, name: "unlock", ...commandText("team.lock.unlock") },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;

const caller = (scope: Scope): TeamCaller => ({
  guildId: scope.guildId,
  programmeId: scope.programme?.id ?? null,
  userId: scope.userId,
});

const snowflake = z.string().regex(/^\d{17,20}$/);
const teamName = z
  .string()
  .trim()
  .min(1)
  .max(TEAM_NAME_MAX * 2);

/** Reads options with `schema`; a value that does not fit is the usual invalid-option answer. */
function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new UserError("error.invalidOption", { option: String(parsed.error.issues[0]?.path[0] ?? "") });
  }
  return parsed.data;
}

const threadsOf = (ctx: Scope & { interaction: { client: { rest: Parameters<typeof teamThreads>[0] } } }) =>
  teamThreads(ctx.interaction.client.rest, ctx.logger);

/** Join on an invitation: only its invitee gets in (the use-case checks who pressed it). */
const joinButton = defineButton(teamJoinId, {
  access: "intern",
  async run(ctx) {
    const { team } = await ctx.app.features.team.joinByInvite(
      caller(ctx),
      ctx.payload.inviteId,
      threadsOf(ctx),
    );
    ctx.logger.info({ teamId: team.id }, "joined a team from an invitation");
    await ctx.respond.reply(ctx.t("team.join.done", { team: team.name }));
  },
});

export const command = defineCommand(
  definition,
  {
    create: {
      access: "intern",
      async run(ctx) {
        const name = parse(teamName, ctx.args.name);
        const { team } = await ctx.app.features.team.create(caller(ctx), name, threadsOf(ctx));
        ctx.logger.info({ teamId: team.id }, "team created");
        const lines = [ctx.t("team.create.done", { team: team.name })];
        lines.push(
          team.threadId
            ? ctx.t("team.show.thread", { thread: `<#${team.threadId}>` })
            : ctx.t("team.create.noThread"),
        );
        lines.push(ctx.t("team.create.next"));
        await ctx.respond.reply(lines.join("\n"));
      },
    },
    invite: {
      access: "intern",
      visibility: "public",
      async run(ctx) {
        const userId = parse(snowflake, ctx.args.user.user.id);
        const { inviteId, team } = await ctx.app.features.team.invite(caller(ctx), userId);
        ctx.logger.info({ teamId: team.id, target: userId }, "team invitation sent");
        await ctx.respond.reply({
          content: ctx.t("team.invite.message", {
            user: `<@${userId}>`,
            by: `<@${ctx.userId}>`,
            team: team.name,
          }),
          components: [
            buttonRow([
              button(teamJoinId.encode({ inviteId }), ctx.t("team.invite.join"), ButtonStyle.Success),
            ]),
          ],
          allowedMentions: { users: [userId] },
        });
      },
    },
    join: {
      access: "intern",
      async run(ctx) {
        const name = ctx.args.team === undefined ? null : parse(teamName, ctx.args.team);
        const { team } = await ctx.app.features.team.join(caller(ctx), name, threadsOf(ctx));
        ctx.logger.info({ teamId: team.id }, "joined a team");
        await ctx.respond.reply(ctx.t("team.join.done", { team: team.name }));
      },
    },
    leave: {
      access: "intern",
      async run(ctx) {
        const { team, teamRemoved } = await ctx.app.features.team.leave(caller(ctx), threadsOf(ctx));
        ctx.logger.info({ teamId: team.id, teamRemoved }, "left a team");
        await ctx.respond.reply(
          ctx.t(teamRemoved ? "team.leave.doneRemoved" : "team.leave.done", { team: team.name }),
        );
      },
    },
    show: {
      access: ["intern", "mentor", "organiser"],
      async run(ctx) {
        const name = ctx.args.team === undefined ? null : parse(teamName, ctx.args.team);
        const staff = ctx.roles.has("organiser") || ctx.roles.has("mentor");
        const view = await ctx.app.features.team.show(caller(ctx), name, staff);
        await ctx.respond.reply({ embeds: [teamEmbed(ctx.t, view)], allowedMentions: { parse: [] } });
      },
    },
    list: {
      access: ["organiser", "mentor"],
      async run(ctx) {
        const list = await ctx.app.features.team.list(caller(ctx));
        await ctx.respond.reply({ embeds: [teamListEmbed(ctx.t, list)], allowedMentions: { parse: [] } });
      },
    },
    move: {
      access: "organiser",
      async run(ctx) {
        const userId = parse(snowflake, ctx.args.user.user.id);
        const name = parse(teamName, ctx.args.team);
        const moved = await ctx.app.features.team.move(caller(ctx), userId, name, threadsOf(ctx));
        ctx.logger.info({ target: userId, teamId: moved.to.id }, "team member moved");
        await ctx.respond.reply({
          content: ctx.t(moved.from ? "team.move.done" : "team.move.doneNew", {
            user: `<@${userId}>`,
            team: moved.to.name,
            from: moved.from?.name ?? "",
          }),
          allowedMentions: { parse: [] },
        });
      },
    },
    lock: {
      access: "organiser",
      async run(ctx) {
        const name = ctx.args.team === undefined ? null : parse(teamName, ctx.args.team);
        let at: Date | null = null;
        if (ctx.args.at !== undefined) {
          const text = parse(z.string().trim().max(16), ctx.args.at);
          at = ctx.programme === null ? null : parseLocalDateTime(text, ctx.programme.timeZone);
          if (at === null) throw new UserError("team.error.badLockAt", { value: text });
        }
        const locked = await ctx.app.features.team.lock(caller(ctx), {
          teamName: name,
          at,
          unlock: ctx.args.unlock === true,
        });
        ctx.logger.info({ teamId: locked.team?.id, lockedAt: locked.lockedAt }, "teams lock changed");
        const what = locked.team ? locked.team.name : ctx.t("team.lock.allTeams");
        await ctx.respond.reply(
          locked.lockedAt === null
            ? ctx.t("team.lock.unlocked", { what })
            : ctx.t("team.lock.done", { what, at: discordTimestamp(locked.lockedAt, "f") }),
        );
      },
    },
  },
  { components: [joinButton] },
);
