/**
 * Joining a programme: the "about you" form saved as a draft, the choices (language,
 * accommodations, agency), the consent question and the confirmation that onboards the intern in
 * one transaction. The Discord steps after it (role, thread, DM) are `finishOnboarding`'s.
 */
import type { Agency } from "../../domain/agency/types.ts";
import type { ProgrammeStatus } from "../../domain/enums.ts";
import type { Member, MemberProfile, ProfileFacts } from "../../domain/member/types.ts";
import {
  type AboutAnswers,
  ACCOMMODATION_OPTIONS,
  type AccommodationOption,
  answersFromProfile,
  completeDraft,
  type DraftAnswers,
  draftAnswersSchema,
  type ProfileLocale,
  validateAbout,
} from "../../domain/onboarding/answers.ts";
import type { AnswerProblem } from "../../domain/onboarding/problems.ts";
import { decideJoin } from "../../domain/onboarding/stages.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import type { ShareRevocations } from "../agency/revocation.ts";
import { UserError } from "../errors.ts";
import type { ProfileUseCases } from "../profile/profiles.ts";

/** What completing onboarding writes. */
export interface OnboardingWrite {
  programmeId: string;
  discordUserId: string;
  profile: MemberProfile;
  agencyId: string | null;
  agencyConsent: boolean;
  at: Date;
}

/** The store behind onboarding (src/db/stores/onboarding.ts). */
export interface OnboardingStore {
  member(programmeId: string, discordUserId: string): Promise<Member | null>;
  /** When the member was last withdrawn, or null. */
  withdrawnAt(memberId: string): Promise<Date | null>;
  displayName(memberId: string): Promise<string | null>;
  draft(programmeId: string, discordUserId: string): Promise<Record<string, unknown> | null>;
  /** Merges the changes into the draft and returns the whole draft. */
  saveDraft(
    programmeId: string,
    discordUserId: string,
    changes: Record<string, unknown>,
  ): Promise<Record<string, unknown>>;
  /** Replaces an onboarded member's profile and deletes their draft, in one transaction. */
  saveProfile(member: Member, profile: MemberProfile): Promise<void>;
  agencies(guildId: string, programmeId: string): Promise<Agency[]>;
  updateChoices(
    memberId: string,
    changes: {
      preferredLocale?: MemberProfile["preferredLocale"];
      accommodations?: Omit<MemberProfile["accommodations"], "notes">;
    },
  ): Promise<void>;
  changeAgency(memberId: string, agencyId: string | null, at: Date): Promise<boolean>;
  /** The one onboarding transaction; `onboarded` is false when another request got there first. */
  complete(write: OnboardingWrite): Promise<{ member: Member; onboarded: boolean }>;
  setAgencyConsent(memberId: string, share: boolean, at: Date): Promise<Member>;
}

/** The programme as the router found it for this server. */
export interface JoiningProgramme {
  id: string;
  status: ProgrammeStatus;
}

/** The caller: who, where, and the locale a profile falls back to. */
export interface Joiner {
  guildId: string;
  userId: string;
  locale: ProfileLocale;
}

/** The choices step as shown: the picks so far and the programme's agencies. */
export interface ChoicesView {
  preferredLocale: ProfileLocale;
  accommodationOptions: readonly AccommodationOption[];
  agencyId: string | null;
  agencies: Agency[];
}

/** Where the draft goes after "Next", the consent answer, or an unfinished confirmation. */
export type NextStep =
  | { step: "about"; problems: AnswerProblem[] }
  | { step: "choices"; choices: ChoicesView }
  | { step: "consent"; agencyName: string }
  | { step: "confirm"; profile: MemberProfile; agencyName: string | null; agencyConsent: boolean };

export type ChoiceField = "language" | "accommodations" | "agency";

/** A select menu's pick, already checked against what the menu offered. */
export type ChoicePick =
  | { field: "language"; preferredLocale: ProfileLocale }
  | { field: "accommodations"; options: readonly AccommodationOption[] }
  | { field: "agency"; agencyId: string | null };

/** Joining needs an open programme: a clear word for one still in preparation or already over. */
function assertOpen(programme: JoiningProgramme): void {
  if (programme.status === "draft") throw new UserError("onboarding.notOpen");
  if (programme.status !== "open") throw new UserError("onboarding.closed");
}

function agencyName(agencies: readonly Agency[], id: string | null): string | null {
  return id === null ? null : (agencies.find((a) => a.id === id)?.name ?? null);
}

export function onboardingUseCases(ports: {
  store: OnboardingStore;
  profiles: Pick<ProfileUseCases, "factsOf" | "own">;
  now: () => Date;
  /** Clears what agencies were sent when sharing stops. */
  revocations?: () => ShareRevocations;
}) {
  const { store, profiles, now } = ports;

  /**
   * Queues the revocation of what agencies were sent. The change is already saved: were Redis
   * down, the reconciler finds the member's messages and queues it then.
   */
  async function revokeShares(memberId: string, at: Date | null): Promise<void> {
    await ports
      .revocations?.()
      .revoke(memberId, at)
      .catch(() => undefined);
  }

  /** The person's draft ({} when none, or when the stored JSON is unusable). */
  async function loadDraft(programmeId: string, userId: string): Promise<DraftAnswers> {
    const parsed = draftAnswersSchema.safeParse((await store.draft(programmeId, userId)) ?? {});
    return parsed.success ? parsed.data : {};
  }

  function draftChoices(who: Joiner, draft: DraftAnswers, agencies: Agency[]): ChoicesView {
    return {
      preferredLocale: draft.preferredLocale ?? who.locale,
      accommodationOptions: draft.accommodationOptions ?? [],
      agencyId: draft.agencyId ?? null,
      agencies,
    };
  }

  async function profileChoices(who: Joiner, programmeId: string, agencies: Agency[]): Promise<ChoicesView> {
    const { member, facts } = await profiles.own({ guildId: who.guildId, programmeId, userId: who.userId });
    return {
      preferredLocale: facts.profile.preferredLocale ?? "ja",
      accommodationOptions: ACCOMMODATION_OPTIONS.filter((o) => facts.profile.accommodations[o]),
      agencyId: member.agencyId,
      agencies,
    };
  }

  async function nextStep(who: Joiner, programmeId: string, askConsent: boolean): Promise<NextStep> {
    const draft = await loadDraft(programmeId, who.userId);
    const agencies = await store.agencies(who.guildId, programmeId);
    const result = completeDraft(draft, who.locale, new Set(agencies.map((a) => a.id)));
    if (!result.ok && result.step === "about") return { step: "about", problems: result.problems };
    if (!result.ok) return { step: "choices", choices: draftChoices(who, draft, agencies) };
    const name = agencyName(agencies, result.value.agencyId);
    if (askConsent && name !== null) return { step: "consent", agencyName: name };
    return {
      step: "confirm",
      profile: result.value.profile,
      agencyName: name,
      agencyConsent: result.value.agencyConsent,
    };
  }

  async function refuseWithdrawn(member: Member | null): Promise<never> {
    const at = (member ? await store.withdrawnAt(member.id) : null) ?? now();
    throw new UserError("onboarding.withdrawn", { at: discordTimestamp(at, "D") });
  }

  /** Refuses staff and explains a withdrawal; otherwise says whether the person is new or joined. */
  async function decide(
    programme: JoiningProgramme,
    who: Joiner,
  ): Promise<{ kind: "onboarded"; member: Member } | { kind: "start"; member: Member | null }> {
    const member = await store.member(programme.id, who.userId);
    switch (decideJoin(member)) {
      case "staff":
        throw new UserError("onboarding.staff");
      case "withdrawn":
        return refuseWithdrawn(member);
      case "onboarded":
        if (!member) throw new Error("onboarded without a member");
        return { kind: "onboarded", member };
      case "start":
        return { kind: "start", member };
    }
  }

  return {
    /**
     * Join (the welcome button) and `/join`: the draft to pre-fill the form for someone new; the
     * member and their profile for an intern who already joined (whose Discord steps are repaired).
     */
    async join(
      programme: JoiningProgramme,
      who: Joiner,
    ): Promise<
      { kind: "start"; draft: DraftAnswers } | { kind: "onboarded"; member: Member; facts: ProfileFacts }
    > {
      const decision = await decide(programme, who);
      if (decision.kind === "onboarded") {
        const facts = await profiles.factsOf(who.guildId, decision.member);
        if (!facts) throw new UserError("profile.error.notJoined");
        return { kind: "onboarded", member: decision.member, facts };
      }
      assertOpen(programme);
      return { kind: "start", draft: await loadDraft(programme.id, who.userId) };
    },

    /**
     * The form was sent. While joining, the answers are saved as typed first, whatever their state,
     * then checked; problems come back all at once. Editing a saved profile replaces it when valid
     * (and keeps the typed answers as a draft when not).
     */
    async saveAbout(
      programme: JoiningProgramme,
      who: Joiner,
      mode: "join" | "edit",
      answers: Required<AboutAnswers>,
    ): Promise<
      | { kind: "problems"; problems: AnswerProblem[] }
      | { kind: "choices"; choices: ChoicesView }
      | { kind: "saved"; facts: ProfileFacts }
    > {
      if (mode === "join") {
        assertOpen(programme);
        const draft = draftAnswersSchema.parse(await store.saveDraft(programme.id, who.userId, answers));
        const about = validateAbout(draft);
        if (!about.ok) return { kind: "problems", problems: about.problems };
        const agencies = await store.agencies(who.guildId, programme.id);
        return { kind: "choices", choices: draftChoices(who, draft, agencies) };
      }
      const { member, facts } = await profiles.own({
        guildId: who.guildId,
        programmeId: programme.id,
        userId: who.userId,
      });
      const about = validateAbout(answers);
      if (!about.ok) {
        await store.saveDraft(programme.id, who.userId, answers);
        return { kind: "problems", problems: about.problems };
      }
      const profile = {
        ...facts.profile,
        displayName: about.value.displayName,
        skills: about.value.skills,
        interests: about.value.interests,
        weeklyHoursAvailable: about.value.weeklyHoursAvailable,
        accommodations: { ...facts.profile.accommodations, notes: about.value.accommodationNotes },
      };
      await store.saveProfile(member, profile);
      return { kind: "saved", facts: { ...facts, profile } };
    },

    /** "Fix my answers" / "Edit my profile": the answers to pre-fill the form with. */
    async formAnswers(
      programme: JoiningProgramme,
      who: Joiner,
      mode: "join" | "edit",
    ): Promise<DraftAnswers> {
      const draft = await loadDraft(programme.id, who.userId);
      if (mode === "join") {
        assertOpen(programme);
        return draft;
      }
      const { facts } = await profiles.own({
        guildId: who.guildId,
        programmeId: programme.id,
        userId: who.userId,
      });
      return draft.displayName !== undefined ? draft : answersFromProfile(facts.profile);
    },

    /** A pick in the choices step, saved at once (to the draft, or to the saved profile). */
    async pick(
      programme: JoiningProgramme,
      who: Joiner,
      target: "draft" | "profile",
      pick: ChoicePick,
    ): Promise<ChoicesView> {
      const agencies = await store.agencies(who.guildId, programme.id);
      if (
        pick.field === "agency" &&
        pick.agencyId !== null &&
        !agencies.some((a) => a.id === pick.agencyId)
      ) {
        throw new UserError("agency.error.unknown");
      }
      if (target === "draft") {
        assertOpen(programme);
        const before = await loadDraft(programme.id, who.userId);
        const changes: DraftAnswers =
          pick.field === "language"
            ? { preferredLocale: pick.preferredLocale }
            : pick.field === "accommodations"
              ? { accommodationOptions: [...pick.options] }
              : {
                  agencyId: pick.agencyId,
                  // Consent belongs to one agency: choosing another (or none) asks again, off by default.
                  ...(pick.agencyId !== (before.agencyId ?? null) ? { agencyConsent: false } : {}),
                };
        const draft = draftAnswersSchema.parse(await store.saveDraft(programme.id, who.userId, changes));
        return draftChoices(who, draft, agencies);
      }
      const { member } = await profiles.own({
        guildId: who.guildId,
        programmeId: programme.id,
        userId: who.userId,
      });
      if (pick.field === "language") {
        await store.updateChoices(member.id, { preferredLocale: pick.preferredLocale });
      } else if (pick.field === "accommodations") {
        const chosen = new Set(pick.options);
        await store.updateChoices(member.id, {
          accommodations: {
            textOnlyPresentation: chosen.has("textOnlyPresentation"),
            extendedDeadlines: chosen.has("extendedDeadlines"),
            fewerNotifications: chosen.has("fewerNotifications"),
          },
        });
      } else {
        const at = now();
        await store.changeAgency(member.id, pick.agencyId, at);
        if (pick.agencyId !== member.agencyId) await revokeShares(member.id, at);
      }
      return profileChoices(who, programme.id, agencies);
    },

    /** The choices step again (from the confirmation, or `/profile show`). */
    async choices(
      programme: JoiningProgramme,
      who: Joiner,
      target: "draft" | "profile",
    ): Promise<ChoicesView> {
      const agencies = await store.agencies(who.guildId, programme.id);
      if (target === "profile") return profileChoices(who, programme.id, agencies);
      return draftChoices(who, await loadDraft(programme.id, who.userId), agencies);
    },

    /** "Next" on the choices step. */
    async next(programme: JoiningProgramme, who: Joiner): Promise<NextStep> {
      assertOpen(programme);
      return nextStep(who, programme.id, true);
    },

    /** The answer to the consent question, saved to the draft. */
    async answerConsent(programme: JoiningProgramme, who: Joiner, share: boolean): Promise<NextStep> {
      assertOpen(programme);
      await store.saveDraft(programme.id, who.userId, { agencyConsent: share });
      return nextStep(who, programme.id, false);
    },

    /**
     * "Join with these answers": everything in the database in one transaction (member, intern
     * role, stage `onboarded` with its history, profile, agency, consent). `incomplete` sends the
     * draft back to its unfinished step; `raced` means another request (the other click of a
     * double click) onboarded them and this one adds nothing; `ready` is also the answer for an
     * intern who already joined, whose Discord steps are completed again.
     */
    async confirm(
      programme: JoiningProgramme,
      who: Joiner,
    ): Promise<
      | { kind: "incomplete"; next: NextStep }
      | { kind: "raced"; memberId: string }
      | { kind: "ready"; member: Member; displayName: string | null; newlyOnboarded: boolean }
    > {
      const decision = await decide(programme, who);
      if (decision.kind === "onboarded") {
        const member = decision.member;
        return {
          kind: "ready",
          member,
          displayName: await store.displayName(member.id),
          newlyOnboarded: false,
        };
      }
      assertOpen(programme);
      const draft = await loadDraft(programme.id, who.userId);
      const agencies = await store.agencies(who.guildId, programme.id);
      const result = completeDraft(draft, who.locale, new Set(agencies.map((a) => a.id)));
      if (!result.ok) return { kind: "incomplete", next: await nextStep(who, programme.id, false) };
      const written = await store.complete({
        programmeId: programme.id,
        discordUserId: who.userId,
        profile: result.value.profile,
        agencyId: result.value.agencyId,
        agencyConsent: result.value.agencyConsent,
        at: now(),
      });
      if (!written.onboarded) {
        // Withdrawn in between by an organiser: the same answer as a withdrawn person's Join.
        if (decideJoin(written.member) === "withdrawn") await refuseWithdrawn(written.member);
        return { kind: "raced", memberId: written.member.id };
      }
      return {
        kind: "ready",
        member: written.member,
        displayName: result.value.profile.displayName,
        newlyOnboarded: true,
      };
    },

    /** `/profile show`'s sharing toggle and `/profile consent`: on or off, with the time it changed. */
    async setConsent(
      programme: JoiningProgramme,
      who: Joiner,
      share: boolean,
    ): Promise<{ member: Member; facts: ProfileFacts; changedAt: Date; agencyName: string }> {
      const { member, facts } = await profiles.own({
        guildId: who.guildId,
        programmeId: programme.id,
        userId: who.userId,
      });
      if (facts.agencyName === null) throw new UserError("profile.error.noAgency");
      const at = now();
      const updated =
        member.agencyConsent === share ? member : await store.setAgencyConsent(member.id, share, at);
      if (member.agencyConsent && !share) await revokeShares(member.id, updated.agencyConsentChangedAt);
      return {
        member: updated,
        facts: {
          ...facts,
          agencyConsent: updated.agencyConsent,
          agencyConsentChangedAt: updated.agencyConsentChangedAt,
        },
        changedAt: updated.agencyConsentChangedAt ?? at,
        agencyName: facts.agencyName,
      };
    },
  };
}

export type OnboardingUseCases = ReturnType<typeof onboardingUseCases>;
