import { describe, expect, it } from "vitest";
import {
  type Access,
  type AccessCheck,
  assertAccess,
  type ProgrammeRole,
  type ProgrammeSummary,
} from "../../../src/discord/access.ts";
import { UserError } from "../../../src/features/errors.ts";
import { aProgramme } from "../../support/records.ts";

const programme: ProgrammeSummary = aProgramme({ name: "Spring 2026" });

function check(roles: ProgrammeRole[], options: { programme?: boolean; manage?: boolean } = {}): AccessCheck {
  return {
    programme: options.programme === false ? null : programme,
    roles: new Set(roles),
    canManageGuild: options.manage ?? false,
  };
}

function refusal(access: Access, given: AccessCheck): string | undefined {
  try {
    assertAccess(access, given);
    return undefined;
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
}

describe("assertAccess", () => {
  it("GIVEN anyone THEN everybody passes, with or without a programme", () => {
    expect(refusal("anyone", check([], { programme: false }))).toBeUndefined();
    expect(refusal("anyone", check([]))).toBeUndefined();
  });

  it("GIVEN an intern calling an organiser route THEN they are refused even with Manage Server", () => {
    expect(refusal("organiser", check(["intern"], { manage: true }))).toBe("error.access.organiser");
  });

  it("GIVEN an organiser THEN organiser routes pass", () => {
    expect(refusal("organiser", check(["organiser"]))).toBeUndefined();
  });

  it("GIVEN no programme yet THEN Manage Server stands in for the organiser role", () => {
    expect(refusal("organiser", check([], { programme: false, manage: true }))).toBeUndefined();
    expect(refusal("organiser", check([], { programme: false }))).toBe("error.access.organiser");
  });

  it("GIVEN no programme THEN participant routes say so", () => {
    expect(refusal("intern", check([], { programme: false, manage: true }))).toBe("error.access.noProgramme");
    expect(refusal("member", check([], { programme: false }))).toBe("error.access.noProgramme");
  });

  it("GIVEN member access THEN any role passes and no role is refused", () => {
    expect(refusal("member", check(["agency_staff"]))).toBeUndefined();
    expect(refusal("member", check([]))).toBe("error.access.member");
  });

  it("GIVEN a list of roles THEN holding one of them is enough", () => {
    expect(refusal(["organiser", "mentor"], check(["mentor"]))).toBeUndefined();
    expect(refusal(["organiser", "mentor"], check(["intern"]))).toBe("error.access.denied");
  });

  it.each([
    ["mentor", "error.access.mentor"],
    ["intern", "error.access.intern"],
    ["agency_staff", "error.access.agency"],
  ] as const)("GIVEN a single %s route and someone else THEN the refusal names the role", (role, key) => {
    expect(refusal(role, check(["organiser"]))).toBe(key);
  });
});
