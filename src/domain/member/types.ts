/** A programme member as the product sees it: roles, the intern journey, the profile. */
import type { InternStage, Locale, MemberRoleKind } from "../enums.ts";

export interface Member {
  id: string;
  programmeId: string;
  discordUserId: string;
  roles: MemberRoleKind[];
  /** NULL for members who are not interns. */
  stage: InternStage | null;
  agencyId: string | null;
  agencyConsent: boolean;
  agencyConsentChangedAt: Date | null;
  projectChannelId: string | null;
  joinedAt: Date;
}

export interface StageTransition {
  from: InternStage | null;
  to: InternStage;
  /** Discord user id; null when the bot moved the intern. */
  actorUserId: string | null;
  reason: string | null;
  at: Date;
}

export interface MemberSkill {
  name: string;
  /** 1 (beginner) to 5 (expert). */
  level: number;
}

export interface Accommodations {
  notes: string | null;
  textOnlyPresentation: boolean;
  extendedDeadlines: boolean;
  fewerNotifications: boolean;
}

export interface MemberProfile {
  displayName: string;
  skills: MemberSkill[];
  interests: string[];
  weeklyHoursAvailable: number | null;
  preferredLocale: Locale | null;
  accommodations: Accommodations;
}

/** A profile as the fields people read, in the viewer's language. */
export interface ProfileFacts {
  profile: Pick<
    MemberProfile,
    "displayName" | "skills" | "interests" | "weeklyHoursAvailable" | "preferredLocale" | "accommodations"
  >;
  agencyName: string | null;
  agencyConsent: boolean;
  agencyConsentChangedAt: Date | null;
  stage?: InternStage | null;
  projectChannelId?: string | null;
}
