import type { MemberRoleKind } from "../enums.ts";

/**
 * How much of an intern's profile someone may see:
 * - `"full"`: everything, accommodations included (the intern themself, organisers, mentors);
 * - `"agency"`: what the agency needs, without accommodations (staff of the intern's own agency,
 *   and only while the intern consents);
 * - `"none"`: nothing, not even whether the intern exists.
 */
export type ProfileView = "full" | "agency" | "none";

/** Who asks to see a profile. */
export interface Viewer {
  userId: string;
  roles: ReadonlySet<MemberRoleKind>;
  /** The agencies the viewer works for. */
  agencyIds: ReadonlySet<string>;
}

/** The intern whose profile is asked for. */
export interface Subject {
  discordUserId: string;
  agencyId: string | null;
  agencyConsent: boolean;
}

/** Decides {@link ProfileView}. Consent is checked here, on every view, never cached. */
export function profileView(viewer: Viewer, subject: Subject): ProfileView {
  if (viewer.userId === subject.discordUserId) return "full";
  if (viewer.roles.has("organiser") || viewer.roles.has("mentor")) return "full";
  if (
    viewer.roles.has("agency_staff") &&
    subject.agencyId !== null &&
    subject.agencyConsent &&
    viewer.agencyIds.has(subject.agencyId)
  ) {
    return "agency";
  }
  return "none";
}
