/** How teams are shown: `/team show` and `/team list`. */
import type { APIEmbed } from "discord.js";
import type { TeamLimits, TeamWithMembers } from "../../domain/team/rules.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { Translator } from "../../i18n/translate.ts";

/** One team: its members, thread, size against the limits, and whether it is locked. */
export function teamEmbed(
  t: Translator,
  view: { team: TeamWithMembers; locked: boolean; limits: TeamLimits },
): APIEmbed {
  const { team, limits } = view;
  const lines = [
    t("team.show.size", { size: team.members.length, min: limits.min, max: limits.max }),
    t("team.show.members", { members: team.members.map((m) => `<@${m.discordUserId}>`).join(", ") }),
    team.threadId ? t("team.show.thread", { thread: `<#${team.threadId}>` }) : t("team.show.noThread"),
  ];
  if (view.locked) lines.push(t("team.show.locked"));
  else if (team.members.length < limits.min) lines.push(t("team.show.underMin", { min: limits.min }));
  return { title: t("team.show.title", { team: team.name }), description: lines.join("\n") };
}

/** Every team, one line each, and how many participants still have none. */
export function teamListEmbed(
  t: Translator,
  list: {
    teams: { team: TeamWithMembers; locked: boolean }[];
    limits: TeamLimits;
    lockedAt: Date | null;
    withoutTeam: number;
  },
): APIEmbed {
  const lines = list.teams.map(({ team, locked }) =>
    t("team.list.line", {
      team: team.name,
      size: team.members.length,
      max: list.limits.max,
      members: team.members.map((m) => `<@${m.discordUserId}>`).join(" "),
      flags: `${locked ? " 🔒" : ""}${team.members.length < list.limits.min ? " ⚠️" : ""}`,
    }),
  );
  if (lines.length === 0) lines.push(t("team.list.none"));
  lines.push("", t("team.list.withoutTeam", { count: list.withoutTeam }));
  lines.push(t("team.list.limits", { min: list.limits.min, max: list.limits.max }));
  if (list.lockedAt) lines.push(t("team.list.lockedAt", { at: discordTimestamp(list.lockedAt, "f") }));
  const description = lines.join("\n");
  return {
    title: t("team.list.title", { count: list.teams.length }),
    description: description.length > 4000 ? `${description.slice(0, 3990)}\n…` : description,
  };
}
