/** Running one job through real workers in an integration test, and reading how it ended. */
import type { JobDefinition, JobPayload } from "../../src/jobs/definitions.ts";
import type { Queues } from "../../src/jobs/queues.ts";

/**
 * Adds `payload` as a new job (a fresh id each time, like a redelivery), waits for the workers to
 * settle it, and returns its outcome: the handler's return value, or `failed` with the reason.
 */
export async function runJob<D extends JobDefinition>(
  queues: Queues,
  definition: D,
  payload: JobPayload<D>,
): Promise<{ status: string; detail?: string }> {
  const queue = queues.byName.get(definition.queue);
  if (!queue) throw new Error(`no queue ${definition.queue}`);
  const jobId = `run-${definition.name}-${Math.random().toString(36).slice(2)}`;
  await queues.add(definition, payload, { jobId });
  for (let i = 0; i < 200; i++) {
    const job = await queue.getJob(jobId);
    const state = await job?.getState();
    // Read again: the job object fetched before its state may predate its completion.
    if (state === "completed")
      return (await queue.getJob(jobId))?.returnvalue as { status: string; detail?: string };
    if (state === "failed") return { status: "failed", detail: job?.failedReason };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("job did not settle");
}
