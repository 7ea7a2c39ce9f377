import type { Database } from "../db/client.ts";
import type { AccessPolicy, CallerStanding, ProgrammeRole } from "./access.ts";

/**
 * The {@link AccessPolicy} over the database: the server's current programme is its newest one
 * that is not archived (a draft being set up, an open one, or a closed one still presenting and
 * exporting results); the caller's roles are their `member_role` rows in it. One query per
 * interaction.
 */
export function createDatabaseAccessPolicy(db: Database): AccessPolicy {
  return {
    async standing(guildId, userId): Promise<CallerStanding> {
      const programme = await db.programme.findFirst({
        where: { guildId, status: { not: "archived" } },
        orderBy: { createdAt: "desc" },
        include: {
          members: { where: { discordUserId: userId }, include: { roles: { select: { role: true } } } },
        },
      });
      if (!programme) return { programme: null, roles: new Set() };
      const roles = new Set<ProgrammeRole>(
        programme.members.flatMap((member) => member.roles.map((r) => r.role)),
      );
      return {
        programme: {
          id: programme.id,
          name: programme.name,
          mode: programme.mode,
          status: programme.status,
          startsAt: programme.startsAt,
          endsAt: programme.endsAt,
          timeZone: programme.timeZone,
          forcedLocale: programme.forcedLocale,
        },
        roles,
      };
    },
  };
}
