/**
 * `/program staff add | remove | list`: organisers make people organisers or mentors of the
 * programme. The programme's record (its `MemberRole`) is what the router checks on every
 * interaction; the workspace role is what Discord uses for channel and thread access. Both are
 * kept in step here.
 */
import { DiscordAPIError, RESTJSONErrorCodes, Routes } from "discord.js";
import { createAuditRepository } from "../../db/repositories/audit.ts";
import { createMemberRepository } from "../../db/repositories/members.ts";
import { createProgrammeRepository } from "../../db/repositories/programmes.ts";
import type { MemberRoleKind } from "../../domain/enums.ts";
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import { UserError } from "../../features/errors.ts";
import type { Translator } from "../../i18n/translate.ts";
import type { ProgrammeSummary } from "../access.ts";
import type { UserArg } from "../args.ts";
import type { CommandContext } from "../command.ts";

/** The programme roles organisers hand out with `/program staff`. */
export type StaffRole = Extract<MemberRoleKind, "organiser" | "mentor">;

/** The arguments of `/program staff add` and `/program staff remove`, as the definition declares them. */
export interface StaffArgs {
  user: UserArg;
  role: StaffRole;
}

const ROLE_KEYS: Record<StaffRole, string> = {
  organiser: ResourceKeys.roles.organiser,
  mentor: ResourceKeys.roles.mentor,
};

/** Mentions per list field: 40 mentions of up to 23 characters stay under an embed field's 1,024. */
const MENTIONS_PER_FIELD = 40;

function currentProgramme(ctx: CommandContext<unknown>): ProgrammeSummary {
  if (!ctx.programme) throw new UserError("error.access.noProgramme");
  return ctx.programme;
}

function roleName(t: Translator, role: StaffRole): string {
  return t(`program.staff.role.${role}`);
}

/** The workspace role's Discord id, or null when `/program open` has not recorded one. */
async function workspaceRoleId(ctx: CommandContext<unknown>, programmeId: string, role: StaffRole) {
  const resource = await createProgrammeRepository(ctx.app.db).discordResource(programmeId, ROLE_KEYS[role]);
  return resource?.discordId ?? null;
}

/** Whether the role still exists in the guild (Discord answers Unknown Role once it was deleted). */
async function roleExists(ctx: CommandContext<unknown>, roleId: string): Promise<boolean> {
  try {
    await ctx.interaction.client.rest.get(Routes.guildRole(ctx.guildId, roleId));
    return true;
  } catch (error) {
    if (isUnknownRole(error)) return false;
    throw error;
  }
}

/** Unknown Role means the organiser deleted the workspace role after `/program open` recorded it. */
function isUnknownRole(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.UnknownRole;
}

/**
 * Records the person as organiser or mentor (joining them to the programme if new) and gives them
 * the workspace role. Running it again is harmless and repairs a missing Discord role; only the
 * first grant is audited. Bots, people outside the server and the programme's interns are refused.
 */
export async function addStaff(ctx: CommandContext<StaffArgs>): Promise<void> {
  const { app, args, t } = ctx;
  const programme = currentProgramme(ctx);
  const user = args.user.user;
  const vars = { user: `<@${user.id}>`, role: roleName(t, args.role) };
  if (user.bot) throw new UserError("program.staff.error.bot");
  if (args.user.member === null) throw new UserError("program.staff.error.notMember", { user: vars.user });

  const members = createMemberRepository(app.db);
  const before = await members.find(programme.id, user.id);
  if (before?.roles.includes("intern"))
    throw new UserError("program.staff.error.intern", { user: vars.user });
  const roleId = await workspaceRoleId(ctx, programme.id, args.role);
  if (roleId === null) throw new UserError("program.staff.error.noRole", { role: vars.role });

  // A role deleted in Discord after /program open recorded it: say so before writing anything.
  if (!(await roleExists(ctx, roleId)))
    throw new UserError("program.staff.error.noRole", { role: vars.role });

  const already = before?.roles.includes(args.role) ?? false;
  // The record first, then Discord: a Discord role without a record would grant access (Manage
  // Threads on the projects channel, every intern's private thread) that the programme does not
  // know of. Both steps are idempotent, so running the command again repairs a failed grant.
  await members.join({
    programmeId: programme.id,
    discordUserId: user.id,
    roles: [args.role],
    grantedByUserId: ctx.userId,
    at: app.now(),
  });
  // Audited with the record, so a rerun that only repairs the Discord role ("already") loses nothing.
  if (!already) {
    await createAuditRepository(app.db).record({
      guildId: ctx.guildId,
      programmeId: programme.id,
      actorUserId: ctx.userId,
      action: "program.staff.add",
      target: `user:${user.id}`,
      data: { role: args.role },
      at: app.now(),
    });
  }
  try {
    await ctx.interaction.client.rest.put(Routes.guildMemberRole(ctx.guildId, user.id, roleId), {
      reason: `taiken: ${args.role} of ${programme.name}`,
    });
  } catch (error) {
    // Deleted between the check and the grant: the record stays, and /program open then rerunning
    // this command gives the role.
    if (isUnknownRole(error)) throw new UserError("program.staff.error.noRole", { role: vars.role });
    throw error;
  }
  ctx.logger.info({ targetUserId: user.id, role: args.role, already }, "staff added");
  await ctx.respond.reply(t(already ? "program.staff.already" : "program.staff.added", vars));
}

/**
 * Takes the role away in the record and in Discord. The last organiser cannot be removed, or
 * nobody could run the programme any more (see `revokeRoleKeepingAnOrganiser`: a refusal leaves
 * the record as it was, and two organisers removing each other at once cannot both succeed).
 */
export async function removeStaff(ctx: CommandContext<StaffArgs>): Promise<void> {
  const { app, args, t } = ctx;
  const programme = currentProgramme(ctx);
  const user = args.user.user;
  const vars = { user: `<@${user.id}>`, role: roleName(t, args.role) };

  const member = await createMemberRepository(app.db).find(programme.id, user.id);
  const held = member?.roles.includes(args.role) ?? false;
  if (member && held) {
    const outcome = await createMemberRepository(app.db).revokeRoleKeepingAnOrganiser(
      programme.id,
      member.id,
      args.role,
    );
    if (outcome === "last_organiser") {
      throw new UserError("program.staff.error.lastOrganiser", { user: vars.user });
    }
  }
  const roleId = await workspaceRoleId(ctx, programme.id, args.role);
  // Someone who left the server has no roles to take away; a deleted role is held by nobody.
  if (roleId !== null && args.user.member !== null) {
    try {
      await ctx.interaction.client.rest.delete(Routes.guildMemberRole(ctx.guildId, user.id, roleId), {
        reason: `taiken: no longer ${args.role} of ${programme.name}`,
      });
    } catch (error) {
      if (!isUnknownRole(error)) throw error;
    }
  }
  if (held) {
    await createAuditRepository(app.db).record({
      guildId: ctx.guildId,
      programmeId: programme.id,
      actorUserId: ctx.userId,
      action: "program.staff.remove",
      target: `user:${user.id}`,
      data: { role: args.role },
      at: app.now(),
    });
  }
  ctx.logger.info({ targetUserId: user.id, role: args.role, held }, "staff removed");
  await ctx.respond.reply(t(held ? "program.staff.removed" : "program.staff.notStaff", vars));
}

/** Mentions of `userIds`, cut to what one embed field holds, with how many more there are. */
function mentionList(t: Translator, userIds: readonly string[]): string {
  if (userIds.length === 0) return t("program.staff.list.none");
  const shown = userIds.slice(0, MENTIONS_PER_FIELD).map((id) => `<@${id}>`);
  const hidden = userIds.length - shown.length;
  return hidden > 0
    ? `${shown.join(" ")} ${t("program.staff.list.more", { count: hidden })}`
    : shown.join(" ");
}

/** The programme's organisers and mentors, longest-serving first, as mentions. */
export async function listStaff(ctx: CommandContext<unknown>): Promise<void> {
  const { app, t } = ctx;
  const programme = currentProgramme(ctx);
  const members = createMemberRepository(app.db);
  const organisers = await members.list(programme.id, { role: "organiser" });
  const mentors = await members.list(programme.id, { role: "mentor" });
  const ids = (list: typeof organisers) => list.map((m) => m.discordUserId);
  await ctx.respond.reply({
    embeds: [
      {
        title: t("program.staff.list.title", { name: programme.name }),
        fields: [
          {
            name: t("program.staff.list.organisers", { count: organisers.length }),
            value: mentionList(t, ids(organisers)),
          },
          {
            name: t("program.staff.list.mentors", { count: mentors.length }),
            value: mentionList(t, ids(mentors)),
          },
        ],
      },
    ],
  });
}
