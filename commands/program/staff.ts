/** `/program staff add | remove | list`: parse, call the use-case, render. */
import type { UserArg } from "../../src/discord/args.ts";
import type { CommandContext } from "../../src/discord/command.ts";
import type { Scope } from "../../src/discord/route.ts";
import { interactionWorkspace } from "../../src/discord/workspace/gateway.ts";
import type { StaffCaller, StaffRole } from "../../src/features/programme/staff.ts";
import type { Translator } from "../../src/i18n/translate.ts";

/** The arguments of `/program staff add` and `/program staff remove`, as the definition declares them. */
export interface StaffArgs {
  user: UserArg;
  role: StaffRole;
}

/** Mentions per list field: 40 mentions of up to 23 characters stay under an embed field's 1,024. */
const MENTIONS_PER_FIELD = 40;

function callerOf(scope: Scope): StaffCaller {
  return {
    guildId: scope.guildId,
    userId: scope.userId,
    locale: scope.locale,
    programme: scope.programme ? { id: scope.programme.id, name: scope.programme.name } : null,
  };
}

const varsOf = (t: Translator, args: StaffArgs) => ({
  user: `<@${args.user.user.id}>`,
  role: t(`program.staff.role.${args.role}`),
});

/** Records the person as organiser or mentor and gives them the workspace role (see the use-case). */
export async function addStaff(ctx: CommandContext<StaffArgs>): Promise<void> {
  const { args, t } = ctx;
  const user = args.user.user;
  const { already } = await ctx.app.features.staff.add(
    callerOf(ctx),
    { user: { id: user.id, bot: user.bot, inGuild: args.user.member !== null }, role: args.role },
    interactionWorkspace(ctx),
  );
  ctx.logger.info({ targetUserId: user.id, role: args.role, already }, "staff added");
  await ctx.respond.reply(t(already ? "program.staff.already" : "program.staff.added", varsOf(t, args)));
}

/** Takes the role away in the record and in Discord; the last organiser stays. */
export async function removeStaff(ctx: CommandContext<StaffArgs>): Promise<void> {
  const { args, t } = ctx;
  const user = args.user.user;
  const { held } = await ctx.app.features.staff.remove(
    callerOf(ctx),
    { user: { id: user.id, inGuild: args.user.member !== null }, role: args.role },
    interactionWorkspace(ctx),
  );
  ctx.logger.info({ targetUserId: user.id, role: args.role, held }, "staff removed");
  await ctx.respond.reply(t(held ? "program.staff.removed" : "program.staff.notStaff", varsOf(t, args)));
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

/** Agencies listed one per embed field. */
const AGENCY_FIELDS = 22;

/** The programme's organisers and mentors, longest-serving first, and each agency's staff, as mentions. */
export async function listStaff(ctx: CommandContext<unknown>): Promise<void> {
  const { t } = ctx;
  const { name, organisers, mentors, agencies } = await ctx.app.features.staff.list(callerOf(ctx));
  // An embed holds 25 fields: organisers, mentors, 22 agencies and a last one saying how many more.
  const shown = agencies.slice(0, AGENCY_FIELDS);
  const hidden = agencies.length - shown.length;
  await ctx.respond.reply({
    embeds: [
      {
        title: t("program.staff.list.title", { name }),
        fields: [
          {
            name: t("program.staff.list.organisers", { count: organisers.length }),
            value: mentionList(t, organisers),
          },
          {
            name: t("program.staff.list.mentors", { count: mentors.length }),
            value: mentionList(t, mentors),
          },
          ...shown.map((a) => ({
            name: t("program.staff.list.agency", { agency: a.agency, count: a.staff.length }),
            value: mentionList(t, a.staff),
          })),
          ...(hidden > 0
            ? [{ name: "…", value: t("program.staff.list.moreAgencies", { count: hidden }) }]
            : []),
        ],
      },
    ],
  });
}
