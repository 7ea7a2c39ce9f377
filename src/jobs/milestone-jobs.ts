import type { MilestoneJobs } from "../domain/programme/schedule.ts";
import { JOBS } from "./definitions.ts";
import { DEFAULT_ADD_TIMEOUT_MS, JobsUnavailableError, type Queues, withinTimeout } from "./queues.ts";

/**
 * {@link MilestoneJobs} over the BullMQ milestones queue: delayed `announce-milestone` jobs and the
 * `remind-milestone` jobs before them (both on this queue, so `remove` finds either).
 */
export function milestoneJobs(queues: Queues): MilestoneJobs {
  const queue = () => {
    const found = queues.byName.get(JOBS.announceMilestone.queue);
    if (!found) throw new Error(`no queue ${JOBS.announceMilestone.queue}`);
    return found;
  };
  return {
    async add(jobId, payload, delayMs) {
      await queues.add(JOBS.announceMilestone, payload, { jobId, delay: Math.max(0, delayMs) });
    },
    async addReminder(jobId, payload, delayMs) {
      await queues.add(JOBS.remindMilestone, payload, { jobId, delay: Math.max(0, delayMs) });
    },
    async remove(jobId) {
      // `remove` returns 0 for a job that is gone or running: both fine, the handler is idempotent.
      // Best effort while Redis is down too: a stale job finds its milestone moved or gone and ends.
      await withinTimeout(queue().remove(jobId), DEFAULT_ADD_TIMEOUT_MS).catch((error: unknown) => {
        if (!(error instanceof JobsUnavailableError)) throw error;
      });
    },
  };
}
