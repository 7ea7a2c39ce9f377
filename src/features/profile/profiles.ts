/** Profiles: an intern's own, and someone else's as far as the viewer may see it. */
import type { Agency } from "../../domain/agency/types.ts";
import type { MemberRoleKind } from "../../domain/enums.ts";
import type { Member, MemberProfile, ProfileFacts } from "../../domain/member/types.ts";
import { type ProfileView, profileView } from "../../domain/profile/visibility.ts";
import type { ShareRevocations } from "../agency/revocation.ts";
import { UserError } from "../errors.ts";

/** The store behind the profile flows (src/db/stores/profile.ts). */
export interface ProfileStore {
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  profile(memberId: string): Promise<MemberProfile | null>;
  agency(guildId: string, programmeId: string, agencyId: string): Promise<Agency | null>;
  agencyIdsOfStaff(guildId: string, discordUserId: string): Promise<Set<string>>;
  /**
   * Erases the member's personal data in one transaction with its audit entry: the profile
   * (name, interests, hours, language, accommodations, reminder settings), skills, unfinished
   * onboarding answers, assignment preferences, and the agency link and consent. Returns what
   * there was.
   */
  eraseProfile(input: {
    guildId: string;
    programmeId: string;
    memberId: string;
    discordUserId: string;
    actorUserId: string;
    at: Date;
  }): Promise<{ profile: boolean; skills: number; preferences: number; draft: boolean; agency: boolean }>;
}

export function profileUseCases(ports: {
  store: ProfileStore;
  now: () => Date;
  /** Clears what agencies were sent when sharing stops (erasing a profile ends it). */
  revocations?: () => ShareRevocations;
}) {
  const { store } = ports;

  /** What a profile shows of a member, or null without a saved profile. */
  async function factsOf(guildId: string, member: Member): Promise<ProfileFacts | null> {
    const profile = await store.profile(member.id);
    if (!profile) return null;
    const agency =
      member.agencyId === null ? null : await store.agency(guildId, member.programmeId, member.agencyId);
    return {
      profile,
      agencyName: agency?.name ?? null,
      agencyConsent: member.agencyConsent,
      agencyConsentChangedAt: member.agencyConsentChangedAt,
      stage: member.stage,
      projectChannelId: member.projectChannelId,
    };
  }

  return {
    factsOf,

    /** The caller's own profile, or a polite refusal when they have not joined. */
    async own(caller: { guildId: string; programmeId: string; userId: string }) {
      const member = await store.member(caller.programmeId, caller.userId);
      const facts = member ? await factsOf(caller.guildId, member) : null;
      if (!member || !facts) throw new UserError("profile.error.notJoined");
      return { member, facts };
    },

    /**
     * The caller erases their own profile (data rights). What the programme's record needs stays:
     * membership and stage, allocations, submissions, check-ins and 日報, the audit log.
     * `programmeId` is the one the confirmation was shown for: a stale button is refused.
     */
    async erase(
      caller: { guildId: string; programmeId: string | null; userId: string },
      programmeId: string,
    ) {
      if (caller.programmeId !== programmeId) throw new UserError("error.customId.stale");
      const member = await store.member(programmeId, caller.userId);
      if (!member) throw new UserError("profile.error.notJoined");
      const at = ports.now();
      const erased = await store.eraseProfile({
        guildId: caller.guildId,
        programmeId,
        memberId: member.id,
        discordUserId: caller.userId,
        actorUserId: caller.userId,
        at,
      });
      // Saved already: were Redis down, the reconciler queues it from the database.
      if (erased.agency)
        await ports
          .revocations?.()
          .revoke(member.id, at)
          .catch(() => undefined);
      return erased;
    },

    /**
     * Someone's profile as the caller may see it. Whatever the reason (not joined, not consenting,
     * another agency's client), one answer: agency staff must not learn that a person exists.
     */
    async view(
      caller: { guildId: string; programmeId: string; userId: string; roles: ReadonlySet<MemberRoleKind> },
      targetUserId: string,
    ): Promise<{ memberId: string; facts: ProfileFacts; view: Exclude<ProfileView, "none"> }> {
      const member = await store.member(caller.programmeId, targetUserId);
      const facts = member?.roles.includes("intern") ? await factsOf(caller.guildId, member) : null;
      if (!member || !facts) throw new UserError("profile.error.notVisible");
      const agencyIds = caller.roles.has("agency_staff")
        ? await store.agencyIdsOfStaff(caller.guildId, caller.userId)
        : new Set<string>();
      const view = profileView(
        { userId: caller.userId, roles: caller.roles, agencyIds },
        {
          discordUserId: member.discordUserId,
          agencyId: member.agencyId,
          agencyConsent: member.agencyConsent,
        },
      );
      if (view === "none") throw new UserError("profile.error.notVisible");
      return { memberId: member.id, facts, view };
    },
  };
}

export type ProfileUseCases = ReturnType<typeof profileUseCases>;
