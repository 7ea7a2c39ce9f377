import { describe, expect, it } from "vitest";
import type { Agency } from "../../../src/domain/agency/types.ts";
import type { Member, MemberProfile } from "../../../src/domain/member/types.ts";
import { UserError } from "../../../src/features/errors.ts";
import { type OnboardingStore, onboardingUseCases } from "../../../src/features/onboarding/onboarding.ts";
import { profileUseCases } from "../../../src/features/profile/profiles.ts";
import { aMember } from "../../support/records.ts";

/** Onboarding over an in-memory store: the steps a draft goes through, and the races at the end. */
const NOW = new Date("2026-04-02T00:00:00Z");
const open = { id: "p1", status: "open" as const };
const who = { guildId: "g1", userId: "u1", locale: "en" as const };
const agency: Agency = { id: "ag1", guildId: "g1", programmeId: null, name: "Hikari", createdAt: NOW };
const answers = {
  displayName: "Aoi",
  skills: "typescript:3",
  interests: "web",
  hours: "10",
  accommodationNotes: "",
};

function memory(options: { staff?: boolean; raceWith?: Member["stage"] } = {}) {
  const drafts = new Map<string, Record<string, unknown>>();
  const members = new Map<string, Member>();
  const profiles = new Map<string, MemberProfile>();
  const completed: string[] = [];
  if (options.staff) {
    members.set("u1", aMember({ id: "m0", roles: ["organiser"], stage: null }));
  }
  const store: OnboardingStore = {
    member: async (_p, userId) => members.get(userId) ?? null,
    withdrawnAt: async () => new Date("2026-04-01T00:00:00Z"),
    displayName: async (id) => profiles.get(id)?.displayName ?? null,
    draft: async (_p, userId) => drafts.get(userId) ?? null,
    async saveDraft(_p, userId, changes) {
      const next = { ...drafts.get(userId), ...changes };
      drafts.set(userId, next);
      return next;
    },
    saveProfile: async (member, profile) => void profiles.set(member.id, profile),
    agencies: async () => [agency],
    updateChoices: async () => undefined,
    changeAgency: async () => true,
    async complete(write) {
      const member: Member = {
        id: "m1",
        programmeId: write.programmeId,
        discordUserId: write.discordUserId,
        roles: ["intern"],
        stage: options.raceWith ?? "onboarded",
        agencyId: write.agencyId,
        agencyConsent: write.agencyConsent,
        agencyConsentChangedAt: write.agencyConsent ? write.at : null,
        projectChannelId: null,
        joinedAt: write.at,
      };
      members.set(write.discordUserId, member);
      if (options.raceWith) return { member, onboarded: false };
      profiles.set(member.id, write.profile);
      completed.push(member.id);
      return { member, onboarded: true };
    },
    setAgencyConsent: async (memberId) => {
      throw new Error(`not expected for ${memberId}`);
    },
  };
  const profileStore = {
    member: store.member,
    profile: async (id: string) => profiles.get(id) ?? null,
    agency: async () => agency,
    agencyIdsOfStaff: async () => new Set<string>(),
    eraseProfile: async () => {
      throw new Error("not used by onboarding");
    },
  };
  const useCases = onboardingUseCases({
    store,
    profiles: profileUseCases({ store: profileStore, now: () => NOW }),
    now: () => NOW,
  });
  return { useCases, drafts, completed };
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error.key;
}

describe("onboarding use-cases", () => {
  it("refuses staff and a programme that is not open, and starts a new person with their draft", async () => {
    expect(await refusal(memory({ staff: true }).useCases.join(open, who))).toBe("onboarding.staff");
    const { useCases, drafts } = memory();
    expect(await refusal(useCases.join({ id: "p1", status: "draft" }, who))).toBe("onboarding.notOpen");
    expect(await refusal(useCases.join({ id: "p1", status: "closed" }, who))).toBe("onboarding.closed");
    drafts.set("u1", { displayName: "Ao" });
    expect(await useCases.join(open, who)).toEqual({ kind: "start", draft: { displayName: "Ao" } });
  });

  it("keeps wrong answers as typed and reports every problem at once", async () => {
    const { useCases, drafts } = memory();
    const saved = await useCases.saveAbout(open, who, "join", { ...answers, displayName: "", hours: "lots" });
    expect(saved.kind).toBe("problems");
    if (saved.kind === "problems") expect(saved.problems.length).toBe(2);
    expect(drafts.get("u1")).toMatchObject({ hours: "lots" });
  });

  it("walks answers → choices → consent → confirm, then onboards once", async () => {
    const { useCases, completed } = memory();
    const choices = await useCases.saveAbout(open, who, "join", answers);
    expect(choices).toMatchObject({ kind: "choices", choices: { preferredLocale: "en", agencyId: null } });
    await expect(useCases.pick(open, who, "draft", { field: "agency", agencyId: "gone" })).rejects.toThrow(
      "agency.error.unknown",
    );
    const picked = await useCases.pick(open, who, "draft", { field: "agency", agencyId: "ag1" });
    expect(picked.agencyId).toBe("ag1");
    expect(await useCases.next(open, who)).toEqual({ step: "consent", agencyName: "Hikari" });
    const step = await useCases.answerConsent(open, who, true);
    expect(step).toMatchObject({ step: "confirm", agencyName: "Hikari", agencyConsent: true });
    const confirmed = await useCases.confirm(open, who);
    expect(confirmed).toMatchObject({ kind: "ready", newlyOnboarded: true, displayName: "Aoi" });
    expect(completed).toEqual(["m1"]);
    // The second click finds them onboarded: the Discord steps again, no second transaction.
    expect(await useCases.confirm(open, who)).toMatchObject({ kind: "ready", newlyOnboarded: false });
    expect(completed).toEqual(["m1"]);
  });

  it("sends an unfinished draft back to the form instead of onboarding", async () => {
    const { useCases, drafts, completed } = memory();
    drafts.set("u1", { displayName: "Aoi" });
    const outcome = await useCases.confirm(open, who);
    expect(outcome).toMatchObject({ kind: "incomplete", next: { step: "about" } });
    expect(completed).toEqual([]);
  });

  it("reports a lost race, and a withdrawal that happened in between", async () => {
    const raced = memory({ raceWith: "onboarded" });
    await raced.useCases.saveAbout(open, who, "join", answers);
    expect(await raced.useCases.confirm(open, who)).toEqual({ kind: "raced", memberId: "m1" });
    const withdrawn = memory({ raceWith: "withdrawn" });
    await withdrawn.useCases.saveAbout(open, who, "join", answers);
    expect(await refusal(withdrawn.useCases.confirm(open, who))).toBe("onboarding.withdrawn");
  });
});
