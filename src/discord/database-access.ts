import type { Database } from "../db/client.ts";
import { createMemberRepository } from "../db/repositories/members.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import type { AccessPolicy, CallerStanding } from "./access.ts";

/**
 * The {@link AccessPolicy} over the repositories: the server's current programme (its newest
 * one that is not archived: a draft being set up, an open one, or a closed one still presenting
 * and exporting results) and the caller's roles in it. Two indexed lookups per interaction.
 */
export function createDatabaseAccessPolicy(db: Database): AccessPolicy {
  const programmes = createProgrammeRepository(db);
  const members = createMemberRepository(db);
  return {
    async standing(guildId, userId): Promise<CallerStanding> {
      const programme = await programmes.current(guildId);
      if (!programme) return { programme: null, roles: new Set() };
      const member = await members.find(programme.id, userId);
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
        roles: new Set(member?.roles ?? []),
      };
    },
  };
}
