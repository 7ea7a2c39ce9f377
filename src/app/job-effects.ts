/** Binds the Discord effects job handlers need to the bot's REST client. */
import type { REST } from "discord.js";
import { digestPoster } from "../discord/attention/digest.ts";
import { finishOnboarding } from "../discord/onboarding/complete.ts";
import type { JobEffects } from "../jobs/handlers.ts";
import type { AppContext } from "./context.ts";

export function jobEffects(ctx: AppContext, rest: REST): JobEffects {
  return {
    rest,
    finishOnboarding: (input) => finishOnboarding({ db: ctx.db, rest, logger: ctx.logger }, input),
    attentionDigest: digestPoster(rest),
  };
}
