import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import { JOBS } from "./definitions.ts";
import { announceMilestoneHandler } from "./milestones.ts";
import { expireOnboardingDraftsHandler, finishOnboardingHandler } from "./onboarding.ts";
import type { JobHandler } from "./workers.ts";

/** What a handler factory is given: the app and the bot's REST client. */
type HandlerFactory<D extends (typeof JOBS)[keyof typeof JOBS]> = (
  ctx: AppContext,
  rest: REST,
) => JobHandler<D>;

/**
 * One handler per job in `JOBS`, keyed like it: a job defined without a handler here (or a handler
 * for the wrong job) fails `tsc`.
 */
const HANDLERS: { [K in keyof typeof JOBS]: HandlerFactory<(typeof JOBS)[K]> } = {
  announceMilestone: announceMilestoneHandler,
  expireOnboardingDrafts: (ctx) => expireOnboardingDraftsHandler(ctx),
  finishOnboarding: finishOnboardingHandler,
};

/** Every job handler the bot's workers run. */
export function jobHandlers(ctx: AppContext, rest: REST): JobHandler[] {
  return (Object.keys(JOBS) as (keyof typeof JOBS)[]).map((kind): JobHandler => HANDLERS[kind](ctx, rest));
}
