/**
 * What a job processor reports. Processors return an outcome instead of throwing so the
 * decision to retry is explicit: `retry` counts an attempt and backs off exponentially,
 * `give-up` fails the job for good (BullMQ's UnrecoverableError).
 */
export type JobOutcome =
  | { status: "done"; detail?: string }
  | { status: "retry"; reason: string }
  | { status: "give-up"; reason: string };

export const done = (detail?: string): JobOutcome =>
  detail ? { status: "done", detail } : { status: "done" };
export const retryLater = (reason: string): JobOutcome => ({ status: "retry", reason });
export const giveUp = (reason: string): JobOutcome => ({ status: "give-up", reason });
