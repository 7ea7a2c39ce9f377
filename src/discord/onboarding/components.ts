import type { ComponentRoute } from "../component.ts";
import { defineButton, defineModal, defineSelectMenu } from "../component.ts";
import { joinButtonId } from "../shared-ids.ts";
import {
  answerConsent,
  confirmJoin,
  next,
  pickChoice,
  reopenAbout,
  setConsent,
  showChoices,
  startJoin,
  submitAbout,
} from "./flow.ts";
import {
  aboutModalId,
  choiceSelectId,
  choicesButtonId,
  confirmButtonId,
  consentButtonId,
  nextButtonId,
  profileConsentButtonId,
  reopenButtonId,
} from "./ids.ts";
import { ownProfileMessage } from "./render.ts";

/**
 * The onboarding flow's buttons, select menus and modal. Access is "anyone": people who have not
 * joined yet are not members, and each handler checks the programme and the caller itself.
 * Steps that only open a modal never defer; steps that edit the flow message acknowledge by
 * updating it, so the whole flow stays in one ephemeral message.
 */
export const onboardingComponents: readonly ComponentRoute[] = [
  defineButton(joinButtonId, {
    access: "anyone",
    defer: "never",
    run: ({ interaction, respond, payload, ...scope }) =>
      startJoin({ ...scope }, interaction, respond, payload.programmeId),
  }),
  defineModal(aboutModalId, {
    access: "anyone",
    run: ({ interaction, respond, payload, ...scope }) => submitAbout(scope, interaction, respond, payload),
  }),
  defineButton(reopenButtonId, {
    access: "anyone",
    defer: "never",
    run: ({ respond, payload, interaction: _i, ...scope }) => reopenAbout(scope, respond, payload),
  }),
  defineSelectMenu(choiceSelectId, {
    access: "anyone",
    acknowledgement: "update",
    run: ({ interaction, respond, payload, ...scope }) => pickChoice(scope, interaction, respond, payload),
  }),
  defineButton(choicesButtonId, {
    access: "anyone",
    acknowledgement: "update",
    run: ({ respond, payload, interaction: _i, ...scope }) => showChoices(scope, respond, payload),
  }),
  defineButton(nextButtonId, {
    access: "anyone",
    acknowledgement: "update",
    run: ({ respond, payload, interaction: _i, ...scope }) => next(scope, respond, payload),
  }),
  defineButton(consentButtonId, {
    access: "anyone",
    acknowledgement: "update",
    run: ({ respond, payload, interaction: _i, ...scope }) => answerConsent(scope, respond, payload),
  }),
  defineButton(confirmButtonId, {
    access: "anyone",
    acknowledgement: "update",
    // Database, role, thread, DM: several requests, so acknowledge at once.
    defer: "now",
    run: ({ interaction, respond, payload, ...scope }) => confirmJoin(scope, interaction, respond, payload),
  }),
  defineButton(profileConsentButtonId, {
    access: "intern",
    acknowledgement: "update",
    async run({ respond, payload, interaction: _i, ...scope }) {
      const { facts, message } = await setConsent(scope, payload.programmeId, payload.share);
      await respond.update(ownProfileMessage(scope.t, payload.programmeId, facts, message));
    },
  }),
];
