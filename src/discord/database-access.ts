import { type DatabaseChange, databaseChanges } from "../db/changes.ts";
import type { Database } from "../db/client.ts";
import { createReadCache } from "../db/read-cache.ts";
import { createMemberRepository } from "../db/repositories/members.ts";
import { createProgrammeRepository } from "../db/repositories/programmes.ts";
import type { AccessPolicy, CallerStanding, ProgrammeRole, ProgrammeSummary } from "./access.ts";
import type { Lane } from "./assignments/lane.ts";

/**
 * How long a cached standing is served at most. Writes by this process drop it at once, and so do
 * other processes' writes when the policy is given a {@link SharedInvalidation}; the expiry is
 * what is left when neither reaches it (no bus, or Redis down).
 */
export const STANDING_TTL_MS = 30_000;
/** Most callers whose roles are kept. */
const MAX_CACHED_MEMBERS = 20_000;
const MAX_CACHED_GUILDS = 1_000;

const NO_PROGRAMME: CallerStanding = { programme: null, roles: new Set() };

/** Member fields a standing depends on (its roles are another table; these say whose they are). */
const MEMBER_IDENTITY = ["roles", "programmeId", "discordUserId", "id"];

/**
 * Whether a write can change a standing. Every programme and role write can; a member update
 * only when it touches whose roles they are (a stage move, a profile or a project thread, the
 * writes a claim or onboarding rush makes by the hundred, do not).
 */
function affectsStanding(change: DatabaseChange): boolean {
  if (change.model !== "Member" || !change.operation.startsWith("update")) return true;
  const data = change.data;
  if (typeof data !== "object" || data === null) return true;
  return MEMBER_IDENTITY.some((field) => field in data);
}

/** Which cached part of a standing a write invalidates (see `src/redis/cache-invalidation.ts`). */
export type StandingScope = "programme" | "roles";

/**
 * Invalidations shared by every process of a deployment: `publish` drops the scopes in this
 * process at once (through the subscribed listeners) and tells the others; `subscribe` receives
 * both. Implemented over Redis pub/sub by `src/redis/cache-invalidation.ts`.
 */
export interface SharedInvalidation {
  publish(scopes: readonly StandingScope[]): void;
  subscribe(listener: (event: { scopes: readonly StandingScope[] }) => void): () => void;
}

/**
 * The {@link AccessPolicy} over the repositories: the server's current programme (its newest
 * one that is not archived: a draft being set up, an open one, or a closed one still presenting
 * and exporting results) and the caller's roles in it.
 *
 * Both are read on every interaction and change rarely, so they are cached in memory: every
 * write to the programme, member or member-role tables through this process's client drops the
 * cache at once (`databaseChanges`). With `shared`, those writes are also published to the other
 * processes, and theirs drop this process's cache when they arrive; entries expire after
 * {@link STANDING_TTL_MS} for writes that reach it neither way. A client without a change feed is
 * never cached.
 *
 * With `lane`, each lookup the cache misses waits its turn in it (see assignments/lane.ts): on
 * SQLite a rush of first lookups (500 hand-ins at a deadline, each caller new to the cache) would
 * otherwise run as one synchronous chain and hold back every acknowledgement behind it.
 */
export function createDatabaseAccessPolicy(
  db: Database,
  shared?: SharedInvalidation,
  lane?: Lane,
): AccessPolicy {
  const programmes = createProgrammeRepository(db);
  const members = createMemberRepository(db);
  const inLane = <T>(task: () => Promise<T>) => (lane ? lane.run(task) : task());

  async function loadProgramme(guildId: string): Promise<ProgrammeSummary | null> {
    const programme = await inLane(() => programmes.current(guildId));
    if (!programme) return null;
    return {
      id: programme.id,
      name: programme.name,
      mode: programme.mode,
      status: programme.status,
      startsAt: programme.startsAt,
      endsAt: programme.endsAt,
      timeZone: programme.timeZone,
      forcedLocale: programme.forcedLocale,
    };
  }
  async function loadRoles(programmeId: string, userId: string): Promise<ReadonlySet<ProgrammeRole>> {
    const member = await inLane(() => members.find(programmeId, userId));
    return new Set(member?.roles ?? []);
  }

  const changes = databaseChanges(db);
  if (!changes) {
    return {
      async standing(guildId, userId) {
        const programme = await loadProgramme(guildId);
        if (!programme) return NO_PROGRAMME;
        return { programme, roles: await loadRoles(programme.id, userId) };
      },
    };
  }

  const programmeCache = createReadCache<string, ProgrammeSummary | null>({
    max: MAX_CACHED_GUILDS,
    ttlMs: STANDING_TTL_MS,
    load: loadProgramme,
  });
  const rolesCache = createReadCache<`${string}:${string}`, ReadonlySet<ProgrammeRole>>({
    max: MAX_CACHED_MEMBERS,
    ttlMs: STANDING_TTL_MS,
    load: (key) => {
      const [programmeId = "", userId = ""] = key.split(":");
      return loadRoles(programmeId, userId);
    },
  });
  const drop = (scopes: readonly StandingScope[]) => {
    if (scopes.includes("programme")) programmeCache.clear();
    if (scopes.includes("roles")) rolesCache.clear();
  };
  shared?.subscribe((event) => drop(event.scopes));
  changes.subscribe((change) => {
    if (!affectsStanding(change)) return;
    // A programme write may also remove members (cascades), so it drops both.
    const scopes: StandingScope[] = change.model === "Programme" ? ["programme", "roles"] : ["roles"];
    if (shared) shared.publish(scopes);
    else drop(scopes);
  });

  return {
    async standing(guildId, userId): Promise<CallerStanding> {
      const programme = await programmeCache.get(guildId);
      if (!programme) return NO_PROGRAMME;
      return { programme, roles: await rolesCache.get(`${programme.id}:${userId}`) };
    },
  };
}
