import type {
  AnySelectMenuInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  REST,
} from "discord.js";
import { type Agency, createAgencyRepository } from "../../db/repositories/agencies.ts";
import { createMemberRepository, type Member } from "../../db/repositories/members.ts";
import { createProfileRepository } from "../../db/repositories/profiles.ts";
import {
  type AboutAnswers,
  ACCOMMODATION_OPTIONS,
  answersFromProfile,
  completeDraft,
  type DraftAnswers,
  draftAnswersSchema,
  PROFILE_LOCALES,
  type ProfileLocale,
  validateAbout,
} from "../../domain/onboarding/answers.ts";
import { decideJoin } from "../../domain/onboarding/stages.ts";
import { UserError } from "../../features/errors.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { JOBS } from "../../jobs/definitions.ts";
import type { ProgrammeSummary } from "../access.ts";
import type { Responder } from "../responder.ts";
import type { Scope } from "../route.ts";
import { type FinishOnboarding, finishOnboarding, summaryEmbed } from "./complete.ts";
import {
  aboutModal,
  agencyFromValue,
  type Choices,
  choicesMessage,
  confirmMessage,
  consentMessage,
  ownProfileMessage,
  type ProfileFacts,
  problemsMessage,
} from "./render.ts";
import { ensureInternWorkspace, internWorkspaceIds } from "./workspace.ts";

/** The server's current programme; a button from another programme is stale. */
export function programmeOf(scope: Scope, payloadProgrammeId?: string): ProgrammeSummary {
  const programme = scope.programme;
  if (!programme) throw new UserError("error.access.noProgramme");
  if (payloadProgrammeId !== undefined && payloadProgrammeId !== programme.id) {
    throw new UserError("onboarding.staleProgramme");
  }
  return programme;
}

/** Joining needs an open programme: a clear word for one still in preparation or already over. */
function assertOpen(programme: ProgrammeSummary): void {
  if (programme.status === "draft") throw new UserError("onboarding.notOpen");
  if (programme.status !== "open") throw new UserError("onboarding.closed");
}

/** The person's draft answers in this programme ({} when none, or when the stored JSON is unusable). */
async function loadDraft(scope: Scope, programmeId: string): Promise<DraftAnswers> {
  const raw = await createProfileRepository(scope.app.db).draft(programmeId, scope.userId);
  const parsed = draftAnswersSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : {};
}

function choicesOfDraft(scope: Scope, draft: DraftAnswers): Choices {
  return {
    preferredLocale: draft.preferredLocale ?? scope.locale,
    accommodationOptions: draft.accommodationOptions ?? [],
    agencyId: draft.agencyId ?? null,
  };
}

function agencyName(agencies: readonly Agency[], id: string | null): string | null {
  return id === null ? null : (agencies.find((a) => a.id === id)?.name ?? null);
}

/** A member's saved profile as the fields shown, or null if they have none yet. */
export function factsOf(scope: Scope, member: Member): Promise<ProfileFacts | null> {
  return scope.app.features.profile.factsOf(scope.guildId, member);
}

/** The caller as an intern with a saved profile, or a polite refusal. */
export function ownMember(
  scope: Scope,
  programmeId: string,
): Promise<{ member: Member; facts: ProfileFacts }> {
  return scope.app.features.profile.own({ guildId: scope.guildId, programmeId, userId: scope.userId });
}

function defaultDisplayName(interaction: ButtonInteraction | ChatInputCommandInteraction): string {
  if (interaction.inCachedGuild()) return interaction.member.displayName;
  const member = interaction.member as { nick?: string | null } | null;
  return member?.nick ?? interaction.user.displayName;
}

/**
 * What Join (the welcome message's button) and `/join` do: open the form (pre-filled with any
 * earlier answers) for someone new; for an intern who already joined, repair whatever Discord
 * step is missing and show their profile; explain kindly to everyone else.
 */
export async function startJoin(
  scope: Scope,
  interaction: ButtonInteraction | ChatInputCommandInteraction,
  respond: Responder,
  payloadProgrammeId?: string,
): Promise<void> {
  const programme = programmeOf(scope, payloadProgrammeId);
  const members = createMemberRepository(scope.app.db);
  const member = await members.find(programme.id, scope.userId);
  switch (decideJoin(member)) {
    case "staff":
      throw new UserError("onboarding.staff");
    case "withdrawn": {
      const history = member ? await members.stageHistory(member.id) : [];
      const at = history.findLast((h) => h.to === "withdrawn")?.at ?? new Date();
      throw new UserError("onboarding.withdrawn", { at: discordTimestamp(at, "D") });
    }
    case "onboarded": {
      if (!member) throw new Error("onboarded without a member");
      await respond.defer();
      const facts = await factsOf(scope, member);
      if (!facts) throw new UserError("profile.error.notJoined");
      const workspace = await ensureInternWorkspace(onboardingDeps(scope, interaction), {
        guildId: scope.guildId,
        programmeId: programme.id,
        member,
        displayName: facts.profile.displayName,
      });
      await respond.reply(
        ownProfileMessage(
          scope.t,
          programme.id,
          { ...facts, projectChannelId: workspace.threadId },
          scope.t("onboarding.already"),
        ),
      );
      return;
    }
    case "start": {
      assertOpen(programme);
      const draft = await loadDraft(scope, programme.id);
      await respond.showModal(
        aboutModal(scope.t, programme.id, "join", {
          ...draft,
          displayName: draft.displayName ?? defaultDisplayName(interaction),
        }),
      );
    }
  }
}

function textField(interaction: ModalSubmitInteraction, id: string): string {
  return interaction.fields.fields.get(id)?.type === 4 ? interaction.fields.getTextInputValue(id) : "";
}

/** The five answers of the "about you" form as typed. */
function aboutAnswers(interaction: ModalSubmitInteraction): Required<AboutAnswers> {
  return {
    displayName: textField(interaction, "displayName"),
    skills: textField(interaction, "skills"),
    interests: textField(interaction, "interests"),
    hours: textField(interaction, "hours"),
    accommodationNotes: textField(interaction, "accommodationNotes"),
  };
}

/**
 * The form was sent. The answers are saved as typed first, whatever their state, then checked:
 * problems come back all at once with a button that re-opens the form pre-filled.
 */
export async function submitAbout(
  scope: Scope,
  interaction: ModalSubmitInteraction,
  respond: Responder,
  payload: { programmeId: string; mode: "join" | "edit" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const profiles = createProfileRepository(scope.app.db);
  const answers = aboutAnswers(interaction);
  if (payload.mode === "join") {
    assertOpen(programme);
    const draft = draftAnswersSchema.parse(await profiles.saveDraft(programme.id, scope.userId, answers));
    const about = validateAbout(draft);
    if (!about.ok) {
      await respond.reply(problemsMessage(scope.t, programme.id, "join", about.problems));
      return;
    }
    const agencies = await createAgencyRepository(scope.app.db).forProgramme(scope.guildId, programme.id);
    await respond.reply(
      choicesMessage(scope.t, programme.id, "draft", choicesOfDraft(scope, draft), agencies),
    );
    return;
  }
  const { member, facts } = await ownMember(scope, programme.id);
  const about = validateAbout(answers);
  if (!about.ok) {
    await profiles.saveDraft(programme.id, scope.userId, answers);
    await respond.reply(problemsMessage(scope.t, programme.id, "edit", about.problems));
    return;
  }
  const profile = {
    ...facts.profile,
    displayName: about.value.displayName,
    skills: about.value.skills,
    interests: about.value.interests,
    weeklyHoursAvailable: about.value.weeklyHoursAvailable,
    accommodations: { ...facts.profile.accommodations, notes: about.value.accommodationNotes },
  };
  await profiles.saveProfileFromDraft(member, profile);
  await respond.reply(
    ownProfileMessage(scope.t, programme.id, { ...facts, profile }, scope.t("profile.saved")),
  );
}

/** "Fix my answers" / "Edit my profile": the form again, pre-filled. */
export async function reopenAbout(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string; mode: "join" | "edit" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const draft = await loadDraft(scope, programme.id);
  if (payload.mode === "join") {
    assertOpen(programme);
    await respond.showModal(aboutModal(scope.t, programme.id, "join", draft));
    return;
  }
  const { facts } = await ownMember(scope, programme.id);
  const hasDraft = draft.displayName !== undefined;
  await respond.showModal(
    aboutModal(scope.t, programme.id, "edit", hasDraft ? draft : answersFromProfile(facts.profile)),
  );
}

type ChoiceField = "language" | "accommodations" | "agency";

/** Reads a select menu's values, refusing anything the menu did not offer (forged or stale). */
async function readChoice(
  scope: Scope,
  programmeId: string,
  field: ChoiceField,
  values: readonly string[],
): Promise<Partial<Choices>> {
  if (field === "language") {
    const locale = values[0];
    if (values.length !== 1 || !PROFILE_LOCALES.includes(locale as ProfileLocale)) {
      throw new UserError("error.invalidOption", { option: field });
    }
    return { preferredLocale: locale as ProfileLocale };
  }
  if (field === "accommodations") {
    const options = ACCOMMODATION_OPTIONS.filter((option) => values.includes(option));
    if (options.length !== new Set(values).size)
      throw new UserError("error.invalidOption", { option: field });
    return { accommodationOptions: options };
  }
  const agencyId = agencyFromValue(values[0]);
  if (values.length !== 1) throw new UserError("error.invalidOption", { option: field });
  if (agencyId !== null) {
    const agency = await createAgencyRepository(scope.app.db).find(scope.guildId, programmeId, agencyId);
    if (!agency) throw new UserError("agency.error.unknown");
  }
  return { agencyId };
}

/** A pick in the choices step: saved at once (to the draft, or to the saved profile), then shown. */
export async function pickChoice(
  scope: Scope,
  interaction: AnySelectMenuInteraction,
  respond: Responder,
  payload: { programmeId: string; field: ChoiceField; target: "draft" | "profile" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const picked = await readChoice(scope, programme.id, payload.field, interaction.values);
  const agencies = await createAgencyRepository(scope.app.db).forProgramme(scope.guildId, programme.id);
  if (payload.target === "draft") {
    assertOpen(programme);
    const profiles = createProfileRepository(scope.app.db);
    const before = await loadDraft(scope, programme.id);
    const changes: DraftAnswers = {
      ...(picked.preferredLocale ? { preferredLocale: picked.preferredLocale } : {}),
      ...(picked.accommodationOptions ? { accommodationOptions: [...picked.accommodationOptions] } : {}),
      ...(picked.agencyId !== undefined ? { agencyId: picked.agencyId } : {}),
      // Consent belongs to one agency: choosing another (or none) asks again, off by default.
      ...(picked.agencyId !== undefined && picked.agencyId !== (before.agencyId ?? null)
        ? { agencyConsent: false }
        : {}),
    };
    const draft = draftAnswersSchema.parse(await profiles.saveDraft(programme.id, scope.userId, changes));
    await respond.update(
      choicesMessage(scope.t, programme.id, "draft", choicesOfDraft(scope, draft), agencies),
    );
    return;
  }
  const { member } = await ownMember(scope, programme.id);
  const profiles = createProfileRepository(scope.app.db);
  if (picked.preferredLocale)
    await profiles.updateChoices(member.id, { preferredLocale: picked.preferredLocale });
  if (picked.accommodationOptions) {
    const chosen = new Set(picked.accommodationOptions);
    await profiles.updateChoices(member.id, {
      accommodations: {
        textOnlyPresentation: chosen.has("textOnlyPresentation"),
        extendedDeadlines: chosen.has("extendedDeadlines"),
        fewerNotifications: chosen.has("fewerNotifications"),
      },
    });
  }
  if (picked.agencyId !== undefined) await profiles.changeAgency(member.id, picked.agencyId, scope.app.now());
  const after = await ownMember(scope, programme.id);
  await respond.update(
    choicesMessage(scope.t, programme.id, "profile", profileChoices(after.facts, after.member), agencies),
  );
}

function profileChoices(facts: ProfileFacts, member: Member): Choices {
  return {
    preferredLocale: facts.profile.preferredLocale ?? "ja",
    accommodationOptions: ACCOMMODATION_OPTIONS.filter((o) => facts.profile.accommodations[o]),
    agencyId: member.agencyId,
  };
}

/** Shows the choices step again (from the confirmation, or `/profile show`). */
export async function showChoices(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string; target: "draft" | "profile" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const agencies = await createAgencyRepository(scope.app.db).forProgramme(scope.guildId, programme.id);
  if (payload.target === "draft") {
    const draft = await loadDraft(scope, programme.id);
    await respond.update(
      choicesMessage(scope.t, programme.id, "draft", choicesOfDraft(scope, draft), agencies),
    );
    return;
  }
  const { member, facts } = await ownMember(scope, programme.id);
  await respond.update(
    choicesMessage(scope.t, programme.id, "profile", profileChoices(facts, member), agencies),
  );
}

/**
 * Where the draft goes next: back to the form if an answer is wrong (say, a hand-edited draft),
 * back to the choices if the agency is gone, to the consent question when an agency is picked
 * and not yet answered, otherwise to the confirmation.
 */
async function nextStep(scope: Scope, programmeId: string, respond: Responder, askConsent: boolean) {
  const draft = await loadDraft(scope, programmeId);
  const agencies = await createAgencyRepository(scope.app.db).forProgramme(scope.guildId, programmeId);
  const result = completeDraft(draft, scope.locale, new Set(agencies.map((a) => a.id)));
  if (!result.ok && result.step === "about") {
    await respond.update(problemsMessage(scope.t, programmeId, "join", result.problems));
    return;
  }
  if (!result.ok) {
    await respond.update(
      choicesMessage(scope.t, programmeId, "draft", choicesOfDraft(scope, draft), agencies),
    );
    return;
  }
  const name = agencyName(agencies, result.value.agencyId);
  if (askConsent && name !== null) {
    await respond.update(consentMessage(scope.t, programmeId, name));
    return;
  }
  await respond.update(
    confirmMessage(scope.t, programmeId, {
      profile: result.value.profile,
      agencyName: name,
      agencyConsent: result.value.agencyConsent,
      agencyConsentChangedAt: null,
    }),
  );
}

/** "Next" on the choices step. */
export async function next(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  assertOpen(programme);
  await nextStep(scope, programme.id, respond, true);
}

/** The answer to the consent question. */
export async function answerConsent(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string; share: boolean },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  assertOpen(programme);
  await createProfileRepository(scope.app.db).saveDraft(programme.id, scope.userId, {
    agencyConsent: payload.share,
  });
  await nextStep(scope, programme.id, respond, false);
}

/** What the onboarding steps after the answer need, from an interaction's scope. */
function onboardingDeps(scope: Scope, interaction: { client: { rest: REST } }) {
  return { db: scope.app.db, rest: interaction.client.rest, logger: scope.logger, t: scope.t };
}

/**
 * Hands the Discord steps to the onboarding job (one per click, so each click's message gets its
 * final edit). When the queue cannot take it (Redis down), they run here instead, after the answer:
 * slower for this intern under Discord's rate limits, but nobody is left without role and thread.
 */
async function finishLater(
  scope: Scope,
  interaction: ButtonInteraction,
  input: FinishOnboarding & { confirmation: { applicationId: string; token: string } },
): Promise<void> {
  try {
    await scope.app.queues.add(JOBS.finishOnboarding, input, { jobId: `onboard-${interaction.id}` });
    return;
  } catch (error) {
    scope.logger.warn({ err: error }, "onboarding job not queued; doing the Discord steps now");
  }
  try {
    await finishOnboarding({ db: scope.app.db, rest: interaction.client.rest, logger: scope.logger }, input);
  } catch (error) {
    // A missing workspace part was already told under the confirmation; /join repairs it later.
    if (!(error instanceof UserError)) throw error;
  }
}

/**
 * "Join with these answers": everything in the database in one transaction (member, intern role,
 * stage `onboarded` with its history, profile, agency and consent), then the answer — the summary,
 * at once — and then the Discord steps (role, private project thread, DM), which Discord
 * rate-limits per server and per channel, in the onboarding job; the job edits this message with
 * the full summary when they are done. If they fail for good, the record says "onboarded" and
 * `/join` (or this button again) completes the missing steps.
 */
export async function confirmJoin(
  scope: Scope,
  interaction: ButtonInteraction,
  respond: Responder,
  payload: { programmeId: string },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const members = createMemberRepository(scope.app.db);
  let member = await members.find(programme.id, scope.userId);
  const decision = decideJoin(member);
  if (decision === "staff") throw new UserError("onboarding.staff");
  if (decision === "withdrawn") return startJoin(scope, interaction, respond, payload.programmeId);
  let displayName: string;
  if (decision === "start") {
    assertOpen(programme);
    const draft = await loadDraft(scope, programme.id);
    const agencies = await createAgencyRepository(scope.app.db).forProgramme(scope.guildId, programme.id);
    const result = completeDraft(draft, scope.locale, new Set(agencies.map((a) => a.id)));
    if (!result.ok) {
      await nextStep(scope, programme.id, respond, false);
      return;
    }
    const written = await createProfileRepository(scope.app.db).completeOnboarding({
      programmeId: programme.id,
      discordUserId: scope.userId,
      profile: result.value.profile,
      agencyId: result.value.agencyId,
      agencyConsent: result.value.agencyConsent,
      at: scope.app.now(),
    });
    member = written.member;
    if (!written.onboarded) {
      // Another request changed the member since the read above: the other click of a double
      // click onboarded them (its answer and its job fill this message; this click, already
      // acknowledged, adds no second job), or an organiser withdrew them.
      if (decideJoin(member) === "withdrawn") {
        return startJoin(scope, interaction, respond, payload.programmeId);
      }
      scope.logger.info({ memberId: member.id }, "intern already onboarded by another request");
      return;
    }
    displayName = result.value.profile.displayName;
    scope.logger.info({ memberId: member.id, agency: result.value.agencyId !== null }, "intern onboarded");
  } else {
    if (!member) throw new Error("onboarded without a member");
    displayName = (await members.profile(member.id))?.displayName ?? interaction.user.displayName;
  }
  // A part of the workspace setup has not made yet is said now, not after the summary.
  await internWorkspaceIds(onboardingDeps(scope, interaction), programme.id);
  const embed = await summaryEmbed(scope.app.db, scope.t, programme, displayName, member.projectChannelId);
  // The answer first: the job's final edit must come after it, never be overwritten by it.
  await respond.update({ content: "", embeds: [embed], components: [] });
  await finishLater(scope, interaction, {
    guildId: scope.guildId,
    programmeId: programme.id,
    memberId: member.id,
    locale: scope.locale,
    confirmation: { applicationId: interaction.applicationId, token: interaction.token },
  });
}

/** `/profile show`'s sharing toggle and `/profile consent`: on or off, with the time it changed. */
export async function setConsent(
  scope: Scope,
  programmeId: string,
  share: boolean,
): Promise<{ member: Member; facts: ProfileFacts; message: string }> {
  const { member, facts } = await ownMember(scope, programmeOf(scope, programmeId).id);
  if (facts.agencyName === null) throw new UserError("profile.error.noAgency");
  const at = scope.app.now();
  const updated =
    member.agencyConsent === share
      ? member
      : await createMemberRepository(scope.app.db).setAgencyConsent(member.id, share, at);
  const changedAt = updated.agencyConsentChangedAt ?? at;
  scope.logger.info({ memberId: member.id, share }, "agency consent set");
  return {
    member: updated,
    facts: {
      ...facts,
      agencyConsent: updated.agencyConsent,
      agencyConsentChangedAt: updated.agencyConsentChangedAt,
    },
    message: scope.t(share ? "profile.consent.changedOn" : "profile.consent.changedOff", {
      agency: facts.agencyName,
      at: discordTimestamp(changedAt, "f"),
    }),
  };
}
