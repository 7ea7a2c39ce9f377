import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import type { DigestPoster } from "../features/attention/ports.ts";
import { sendAgencyDigestHandler } from "./agency-digest.ts";
import { revokeSharesHandler } from "./agency-revocation.ts";
import { attentionDigestHandler } from "./attention-digest.ts";
import { JOBS } from "./definitions.ts";
import { escalateHelpTicketHandler } from "./help-escalation.ts";
import { announceMilestoneHandler, remindMilestoneHandler } from "./milestones.ts";
import {
  expireOnboardingDraftsHandler,
  type FinishOnboardingSteps,
  finishOnboardingHandler,
} from "./onboarding.ts";
import { notifyPresentationSlotHandler } from "./presentation-notices.ts";
import { remindPresentationHandler } from "./presentation-reminders.ts";
import { reconcileHandler } from "./reconcile.ts";
import { reportReminderSweepHandler, sendReportReminderHandler } from "./report-reminders.ts";
import { sweepBlobsHandler } from "./submission-files.ts";
import { remindSubmissionHandler } from "./submission-reminders.ts";
import type { JobHandler } from "./workers.ts";

/** The Discord effects job handlers use, bound by the composition root (src/app/job-effects.ts). */
export interface JobEffects {
  rest: REST;
  finishOnboarding: FinishOnboardingSteps;
  attentionDigest: DigestPoster;
}

/** What a handler factory is given: the app and the Discord effects. */
type HandlerFactory<D extends (typeof JOBS)[keyof typeof JOBS]> = (
  ctx: AppContext,
  effects: JobEffects,
) => JobHandler<D>;

/**
 * One handler per job in `JOBS`, keyed like it: a job defined without a handler here (or a handler
 * for the wrong job) fails `tsc`.
 */
const HANDLERS: { [K in keyof typeof JOBS]: HandlerFactory<(typeof JOBS)[K]> } = {
  announceMilestone: (ctx, effects) => announceMilestoneHandler(ctx, effects.rest),
  remindMilestone: (ctx, effects) => remindMilestoneHandler(ctx, effects.rest),
  expireOnboardingDrafts: (ctx) => expireOnboardingDraftsHandler(ctx),
  finishOnboarding: (_ctx, effects) => finishOnboardingHandler(effects.finishOnboarding),
  reconcile: (ctx) =>
    reconcileHandler({
      db: ctx.db,
      queues: ctx.queues,
      now: () => ctx.now(),
      defaultLocale: ctx.config.defaults.locale,
      milestoneReminderHours: ctx.config.milestones.reminderHours,
    }),
  reportReminderSweep: (ctx) =>
    reportReminderSweepHandler({ db: ctx.db, queues: ctx.queues, now: () => ctx.now() }),
  sendReportReminder: (ctx, effects) => sendReportReminderHandler(ctx, effects.rest),
  remindSubmission: (ctx, effects) => remindSubmissionHandler(ctx, effects.rest),
  remindPresentation: (ctx, effects) => remindPresentationHandler(ctx, effects.rest),
  notifyPresentationSlot: (ctx, effects) => notifyPresentationSlotHandler(ctx, effects.rest),
  attentionDigest: (ctx, effects) => attentionDigestHandler(ctx, effects.attentionDigest),
  sendAgencyDigest: (ctx, effects) => sendAgencyDigestHandler(ctx, effects.rest),
  revokeShares: (ctx, effects) => revokeSharesHandler(ctx, effects.rest),
  escalateHelpTicket: (ctx, effects) => escalateHelpTicketHandler(ctx, effects.rest),
  sweepSubmissionBlobs: (ctx) => sweepBlobsHandler(ctx),
};

/** Every job handler the bot's workers run. */
export function jobHandlers(ctx: AppContext, effects: JobEffects): JobHandler[] {
  return (Object.keys(JOBS) as (keyof typeof JOBS)[]).map((kind): JobHandler => HANDLERS[kind](ctx, effects));
}
