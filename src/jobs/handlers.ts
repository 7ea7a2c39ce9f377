import type { REST } from "discord.js";
import type { AppContext } from "../app/context.ts";
import { announceMilestoneHandler } from "./milestones.ts";
import { expireOnboardingDraftsHandler, finishOnboardingHandler } from "./onboarding.ts";
import { reconcileHandler } from "./reconcile.ts";
import type { JobHandler } from "./workers.ts";

/** Every job handler the bot's workers run; one per job in `JOBS`. */
export function jobHandlers(ctx: AppContext, rest: REST): JobHandler[] {
  return [
    announceMilestoneHandler(ctx, rest),
    finishOnboardingHandler(ctx, rest),
    expireOnboardingDraftsHandler(ctx),
    reconcileHandler({ db: ctx.db, queues: ctx.queues, now: () => ctx.now() }),
  ];
}
