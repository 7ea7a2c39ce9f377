import { z } from "zod";

/** BullMQ queue names. BullMQ forbids ":" in names, hence the dashes. */
export const QUEUE_NAMES = {
  /** Programme timeline: milestone announcements at their time. */
  milestones: "taiken-milestones",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/** A kind of job: where it goes, its name, and the schema its payload must satisfy. */
export interface JobDefinition<Name extends string = string, Schema extends z.ZodType = z.ZodType> {
  queue: QueueName;
  name: Name;
  schema: Schema;
}

function defineJob<const Name extends string, Schema extends z.ZodType>(
  queue: QueueName,
  name: Name,
  schema: Schema,
): JobDefinition<Name, Schema> {
  return { queue, name, schema };
}

/** Every job taiken runs. A processor parses its payload with the schema before anything else. */
export const JOBS = {
  announceMilestone: defineJob(
    QUEUE_NAMES.milestones,
    "announce-milestone",
    z.object({ programmeId: z.string().min(1), milestoneId: z.string().min(1) }),
  ),
} as const;

/** The payload type of a job definition. */
export type JobPayload<D extends JobDefinition> = z.infer<D["schema"]>;
