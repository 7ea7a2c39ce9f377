import type {
  AnySelectMenuInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  ModalSubmitInteraction,
  REST,
} from "discord.js";
import type { Member, ProfileFacts } from "../../domain/member/types.ts";
import {
  type AboutAnswers,
  ACCOMMODATION_OPTIONS,
  PROFILE_LOCALES,
  type ProfileLocale,
} from "../../domain/onboarding/answers.ts";
import { UserError } from "../../features/errors.ts";
import type { ChoiceField, ChoicePick, Joiner, NextStep } from "../../features/onboarding/onboarding.ts";
import { discordTimestamp } from "../../i18n/time.ts";
import { JOBS } from "../../jobs/definitions.ts";
import type { ProgrammeSummary } from "../access.ts";
import { textInput } from "../component.ts";
import type { Responder } from "../responder.ts";
import type { Scope } from "../route.ts";
import { type FinishOnboarding, finishOnboarding, summaryEmbed } from "./complete.ts";
import {
  aboutModal,
  agencyFromValue,
  choicesMessage,
  confirmMessage,
  consentMessage,
  ownProfileMessage,
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

function joiner(scope: Scope): Joiner {
  return { guildId: scope.guildId, userId: scope.userId, locale: scope.locale };
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
  const joined = await scope.app.features.onboarding.join(programme, joiner(scope));
  if (joined.kind === "start") {
    await respond.showModal(
      aboutModal(scope.t, programme.id, "join", {
        ...joined.draft,
        displayName: joined.draft.displayName ?? defaultDisplayName(interaction),
      }),
    );
    return;
  }
  await respond.defer();
  const workspace = await ensureInternWorkspace(onboardingDeps(scope, interaction), {
    guildId: scope.guildId,
    programmeId: programme.id,
    member: joined.member,
    displayName: joined.facts.profile.displayName,
  });
  await respond.reply(
    ownProfileMessage(
      scope.t,
      programme.id,
      { ...joined.facts, projectChannelId: workspace.threadId },
      scope.t("onboarding.already"),
    ),
  );
}

/** The five answers of the "about you" form as typed. */
function aboutAnswers(interaction: ModalSubmitInteraction): Required<AboutAnswers> {
  return {
    displayName: textInput(interaction, "displayName"),
    skills: textInput(interaction, "skills"),
    interests: textInput(interaction, "interests"),
    hours: textInput(interaction, "hours"),
    accommodationNotes: textInput(interaction, "accommodationNotes"),
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
  const saved = await scope.app.features.onboarding.saveAbout(
    programme,
    joiner(scope),
    payload.mode,
    aboutAnswers(interaction),
  );
  if (saved.kind === "problems") {
    await respond.reply(problemsMessage(scope.t, programme.id, payload.mode, saved.problems));
  } else if (saved.kind === "choices") {
    await respond.reply(
      choicesMessage(scope.t, programme.id, "draft", saved.choices, saved.choices.agencies),
    );
  } else {
    await respond.reply(ownProfileMessage(scope.t, programme.id, saved.facts, scope.t("profile.saved")));
  }
}

/** "Fix my answers" / "Edit my profile": the form again, pre-filled. */
export async function reopenAbout(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string; mode: "join" | "edit" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const answers = await scope.app.features.onboarding.formAnswers(programme, joiner(scope), payload.mode);
  await respond.showModal(aboutModal(scope.t, programme.id, payload.mode, answers));
}

/** Reads a select menu's values, refusing anything the menu did not offer (forged or stale). */
function readChoice(field: ChoiceField, values: readonly string[]): ChoicePick {
  if (field === "language") {
    const locale = values[0];
    if (values.length !== 1 || !PROFILE_LOCALES.includes(locale as ProfileLocale)) {
      throw new UserError("error.invalidOption", { option: field });
    }
    return { field, preferredLocale: locale as ProfileLocale };
  }
  if (field === "accommodations") {
    const options = ACCOMMODATION_OPTIONS.filter((option) => values.includes(option));
    if (options.length !== new Set(values).size)
      throw new UserError("error.invalidOption", { option: field });
    return { field, options };
  }
  if (values.length !== 1) throw new UserError("error.invalidOption", { option: field });
  return { field, agencyId: agencyFromValue(values[0]) };
}

/** A pick in the choices step: saved at once (to the draft, or to the saved profile), then shown. */
export async function pickChoice(
  scope: Scope,
  interaction: AnySelectMenuInteraction,
  respond: Responder,
  payload: { programmeId: string; field: ChoiceField; target: "draft" | "profile" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const pick = readChoice(payload.field, interaction.values);
  const choices = await scope.app.features.onboarding.pick(programme, joiner(scope), payload.target, pick);
  await respond.update(choicesMessage(scope.t, programme.id, payload.target, choices, choices.agencies));
}

/** Shows the choices step again (from the confirmation, or `/profile show`). */
export async function showChoices(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string; target: "draft" | "profile" },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const choices = await scope.app.features.onboarding.choices(programme, joiner(scope), payload.target);
  await respond.update(choicesMessage(scope.t, programme.id, payload.target, choices, choices.agencies));
}

/** Renders where the draft goes next: the form's problems, the choices, consent or confirmation. */
async function showNext(scope: Scope, programmeId: string, respond: Responder, next: NextStep) {
  switch (next.step) {
    case "about":
      return respond.update(problemsMessage(scope.t, programmeId, "join", next.problems));
    case "choices":
      return respond.update(
        choicesMessage(scope.t, programmeId, "draft", next.choices, next.choices.agencies),
      );
    case "consent":
      return respond.update(consentMessage(scope.t, programmeId, next.agencyName));
    case "confirm":
      return respond.update(
        confirmMessage(scope.t, programmeId, {
          profile: next.profile,
          agencyName: next.agencyName,
          agencyConsent: next.agencyConsent,
          agencyConsentChangedAt: null,
        }),
      );
  }
}

/** "Next" on the choices step. */
export async function next(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  await showNext(
    scope,
    programme.id,
    respond,
    await scope.app.features.onboarding.next(programme, joiner(scope)),
  );
}

/** The answer to the consent question. */
export async function answerConsent(
  scope: Scope,
  respond: Responder,
  payload: { programmeId: string; share: boolean },
): Promise<void> {
  const programme = programmeOf(scope, payload.programmeId);
  const step = await scope.app.features.onboarding.answerConsent(programme, joiner(scope), payload.share);
  await showNext(scope, programme.id, respond, step);
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
 * "Join with these answers": the one onboarding transaction (the use-case), then the answer — the
 * summary, at once — and then the Discord steps (role, private project thread, DM), which Discord
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
  const outcome = await scope.app.features.onboarding.confirm(programme, joiner(scope));
  if (outcome.kind === "incomplete") return showNext(scope, programme.id, respond, outcome.next);
  if (outcome.kind === "raced") {
    // The other click of a double click onboarded them: its answer and its job fill this message.
    scope.logger.info({ memberId: outcome.memberId }, "intern already onboarded by another request");
    return;
  }
  const { member } = outcome;
  if (outcome.newlyOnboarded)
    scope.logger.info({ memberId: member.id, agency: member.agencyId !== null }, "intern onboarded");
  const displayName = outcome.displayName ?? interaction.user.displayName;
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
  const programme = programmeOf(scope, programmeId);
  const set = await scope.app.features.onboarding.setConsent(programme, joiner(scope), share);
  scope.logger.info({ memberId: set.member.id, share }, "agency consent set");
  return {
    member: set.member,
    facts: set.facts,
    message: scope.t(share ? "profile.consent.changedOn" : "profile.consent.changedOff", {
      agency: set.agencyName,
      at: discordTimestamp(set.changedAt, "f"),
    }),
  };
}
