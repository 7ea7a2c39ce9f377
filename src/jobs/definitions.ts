import { z } from "zod";
import { SUPPORTED_LOCALES } from "../config/env.ts";

/** BullMQ queue names. BullMQ forbids ":" in names, hence the dashes. */
export const QUEUE_NAMES = {
  /** Programme timeline: milestone announcements at their time, and reminders before them. */
  milestones: "taiken-milestones",
  /** Onboarding's Discord steps (role, project thread, DM), done after the intern's click is answered. */
  onboarding: "taiken-onboarding",
  /** Daily operations: 日報 reminders, help-ticket escalations. */
  operations: "taiken-operations",
  /** Submission deadline reminders to interns who have handed in nothing yet. */
  submissions: "taiken-submissions",
  /** Reminders to presenters before their slot. */
  presentations: "taiken-presentations",
  /** Agencies: weekly digests and revocations of what was shared. */
  agencies: "taiken-agencies",
} as const;

export type QueueName = (typeof QUEUE_NAMES)[keyof typeof QUEUE_NAMES];

/**
 * Jobs run at once per worker, where the default (5) does not fit. Onboarding jobs mostly wait in
 * `@discordjs/rest`'s queues for Discord's per-server and per-channel buckets; enough of them in
 * flight keep every bucket busy (role, thread, DM) instead of one waiting on another.
 */
export const QUEUE_CONCURRENCY: Partial<Record<QueueName, number>> = {
  [QUEUE_NAMES.onboarding]: 25,
};

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
  /** Reminds the interns of one milestone some hours ahead, in the announcements channel (src/jobs/milestones.ts). */
  remindMilestone: defineJob(
    QUEUE_NAMES.milestones,
    "remind-milestone",
    z.object({
      programmeId: z.string().min(1),
      milestoneId: z.string().min(1),
      leadHours: z.number().int().positive(),
      atEpochS: z.number().int().nonnegative(),
    }),
  ),
  /** Reminds one intern with no version of their deadline (src/jobs/submission-reminders.ts). */
  remindSubmission: defineJob(
    QUEUE_NAMES.submissions,
    "remind-submission",
    z.object({
      programmeId: z.string().min(1),
      memberId: z.string().min(1),
      offsetHours: z.number().int().positive(),
      deadlineEpochS: z.number().int().nonnegative(),
    }),
  ),
  /** Reminds one presenter before their slot (src/jobs/presentation-reminders.ts). */
  remindPresentation: defineJob(
    QUEUE_NAMES.presentations,
    "remind-presentation",
    z.object({
      sessionId: z.string().min(1),
      slotId: z.string().min(1),
      offsetMin: z.number().int().positive(),
      startsAtEpochS: z.number().int().nonnegative(),
    }),
  ),
  /** Tells one intern their slot's current state (src/jobs/presentation-notices.ts). */
  notifyPresentationSlot: defineJob(
    QUEUE_NAMES.presentations,
    "notify-presentation-slot",
    z.object({ sessionId: z.string().min(1), slotId: z.string().min(1) }),
  ),
  /** Re-creates from the database the jobs Redis lost (src/jobs/reconcile.ts); scheduled. */
  reconcile: defineJob(QUEUE_NAMES.milestones, "reconcile", z.object({})),
  /** Deletes abandoned onboarding drafts (personal answers never submitted); scheduled, see below. */
  expireOnboardingDrafts: defineJob(QUEUE_NAMES.onboarding, "expire-onboarding-drafts", z.object({})),
  finishOnboarding: defineJob(
    QUEUE_NAMES.onboarding,
    "finish-onboarding",
    z.object({
      guildId: z.string().min(1),
      programmeId: z.string().min(1),
      memberId: z.string().min(1),
      locale: z.enum(SUPPORTED_LOCALES),
      // The confirmation's interaction webhook (valid 15 min): edited with the full summary.
      confirmation: z.object({ applicationId: z.string().min(1), token: z.string().min(1) }).optional(),
    }),
  ),
  /** Finds the interns whose 日報 reminder is due and adds their reminder jobs (src/jobs/report-reminders.ts); scheduled. */
  reportReminderSweep: defineJob(QUEUE_NAMES.operations, "report-reminder-sweep", z.object({})),
  /** One gentle 日報 reminder, for one member and local day. */
  sendReportReminder: defineJob(
    QUEUE_NAMES.operations,
    "send-report-reminder",
    z.object({ memberId: z.string().min(1), localDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  ),
  /** The daily attention digest of one programme (src/jobs/attention-digest.ts); scheduled per programme. */
  attentionDigest: defineJob(
    QUEUE_NAMES.operations,
    "attention-digest",
    z.object({ programmeId: z.string().min(1) }),
  ),
  /** One agency's weekly digest (src/jobs/agency-digest.ts); a job scheduler per agency. */
  sendAgencyDigest: defineJob(
    QUEUE_NAMES.agencies,
    "send-agency-digest",
    z.object({ agencyId: z.string().min(1) }),
  ),
  /** Deletes or blanks what was posted to agencies about a client who stopped sharing (src/jobs/agency-revocation.ts). */
  revokeShares: defineJob(QUEUE_NAMES.agencies, "revoke-shares", z.object({ memberId: z.string().min(1) })),
  /** Deletes submitted files no version refers to (src/features/submission/blobs.ts); scheduled. */
  sweepSubmissionBlobs: defineJob(QUEUE_NAMES.submissions, "sweep-submission-blobs", z.object({})),
  /** Escalates one unanswered help ticket: the staff channel (level 1), organisers' DMs (level 2). */
  escalateHelpTicket: defineJob(
    QUEUE_NAMES.operations,
    "help-escalate",
    z.object({ ticketId: z.string().min(1), level: z.union([z.literal(1), z.literal(2)]) }),
  ),
} as const;

/** The payload type of a job definition. */
export type JobPayload<D extends JobDefinition> = z.infer<D["schema"]>;

/**
 * Onboarding drafts keep a person's half-given answers (skills, hours, accommodations) so that
 * `/join` can resume. One untouched this long, or one in a programme that has closed, is
 * deleted: nobody will finish it, and personal data is not kept without a purpose.
 */
export const ONBOARDING_DRAFT_RETENTION_DAYS = 30;
/** How often the sweep runs (a BullMQ job scheduler, one per Redis whatever the restarts). */
export const ONBOARDING_DRAFT_SWEEP_EVERY_MS = 6 * 3600 * 1000;
/** How often unreferenced submitted files are looked for (each is kept an hour first). */
export const BLOB_SWEEP_EVERY_MS = 3600 * 1000;
