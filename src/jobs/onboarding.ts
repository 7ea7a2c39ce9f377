import { DiscordAPIError } from "discord.js";
import type { AppContext } from "../app/context.ts";
import { createProfileRepository } from "../db/repositories/profiles.ts";
import { UserError } from "../features/errors.ts";
import { JOBS, type JobPayload, ONBOARDING_DRAFT_RETENTION_DAYS } from "./definitions.ts";
import { done, giveUp, retryLater } from "./outcome.ts";
import { handleJob } from "./workers.ts";

/** The Discord steps of onboarding, as the composition root binds them (src/discord/onboarding/complete.ts). */
export type FinishOnboardingSteps = (
  input: JobPayload<typeof JOBS.finishOnboarding>,
) => Promise<{ status: "done" } | { status: "skipped"; why: string }>;

/** Discord answers no retry can change (missing access, unknown member or channel, bad request). */
function isPermanent(error: unknown): boolean {
  return (
    error instanceof DiscordAPIError && error.status >= 400 && error.status < 500 && error.status !== 429
  );
}

/**
 * Finishes an intern's onboarding after the confirmation was answered: intern role, private
 * project thread, DM summary, confirmation message edited. The steps wait in `@discordjs/rest`'s
 * queues under Discord's rate limits (role changes per server, threads per channel), which is why
 * they run here and not while the intern's click waits for its answer. Every step checks what
 * exists first, so a retry (or `/join`) completes only what is missing.
 */
export function finishOnboardingHandler(finishOnboarding: FinishOnboardingSteps) {
  return handleJob(JOBS.finishOnboarding, async (payload) => {
    try {
      const result = await finishOnboarding(payload);
      return result.status === "done" ? done() : done(result.why);
    } catch (error) {
      if (error instanceof UserError)
        return giveUp(`the workspace is incomplete (${error.key}); /join repairs it`);
      if (isPermanent(error)) return giveUp(`Discord refused a step (${(error as DiscordAPIError).code})`);
      return retryLater(error instanceof Error ? error.message : String(error));
    }
  });
}

/** Deletes abandoned onboarding drafts (see `ONBOARDING_DRAFT_RETENTION_DAYS`). */
export function expireOnboardingDraftsHandler(ctx: AppContext) {
  return handleJob(JOBS.expireOnboardingDrafts, async () => {
    const before = new Date(ctx.now().getTime() - ONBOARDING_DRAFT_RETENTION_DAYS * 24 * 3600 * 1000);
    const deleted = await createProfileRepository(ctx.db).expireDrafts(before);
    return done(`${deleted} onboarding draft(s) deleted`);
  });
}
