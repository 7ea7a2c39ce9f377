import { describe, expect, it } from "vitest";
import type { MemberRoleKind } from "../../../src/domain/enums.ts";
import { profileView } from "../../../src/domain/profile/visibility.ts";

const viewer = (roles: MemberRoleKind[], agencyIds: string[] = [], userId = "viewer") => ({
  userId,
  roles: new Set(roles),
  agencyIds: new Set(agencyIds),
});
const client = { discordUserId: "intern", agencyId: "a1", agencyConsent: true };

describe("profileView", () => {
  it.each([
    ["the intern themself", viewer(["intern"], [], "intern"), client, "full"],
    ["an organiser", viewer(["organiser"]), client, "full"],
    ["a mentor", viewer(["mentor"]), { ...client, agencyConsent: false }, "full"],
    ["staff of the consenting client's agency", viewer(["agency_staff"], ["a1"]), client, "agency"],
    [
      "staff of the agency without consent",
      viewer(["agency_staff"], ["a1"]),
      { ...client, agencyConsent: false },
      "none",
    ],
    ["staff of another agency", viewer(["agency_staff"], ["a2"]), client, "none"],
    [
      "staff, for an intern without agency",
      viewer(["agency_staff"], ["a1"]),
      { ...client, agencyId: null },
      "none",
    ],
    ["another intern", viewer(["intern"]), client, "none"],
  ] as const)("GIVEN %s THEN the view is %s", (_who, who, subject, expected) => {
    expect(profileView(who, subject)).toBe(expected);
  });
});
