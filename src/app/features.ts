import { randomInt } from "node:crypto";
/** The composition of the use-cases: each feature bound to its adapters (database, queues, clock). */

import type { Database } from "../db/client.ts";
import { createAgencyStore } from "../db/stores/agency.ts";
import { createAgencyViewStore } from "../db/stores/agency-views.ts";
import { createAttentionStore } from "../db/stores/attention.ts";
import { createCompetencyStore } from "../db/stores/competency.ts";
import { createExclusive } from "../db/stores/exclusive.ts";
import { createHelpdeskStore } from "../db/stores/helpdesk.ts";
import { createLibraryStore } from "../db/stores/library.ts";
import { createAboutStore, createWithdrawStore } from "../db/stores/membership.ts";
import { createOnboardingStore } from "../db/stores/onboarding.ts";
import { createOperationsStore } from "../db/stores/operations.ts";
import { createPresentationStore } from "../db/stores/presentation.ts";
import { createProfileStore } from "../db/stores/profile.ts";
import { createProgrammeStore, createSettingsStore, createStaffStore } from "../db/stores/programme.ts";
import { createProjectStore } from "../db/stores/project.ts";
import { createReviewStore } from "../db/stores/review.ts";
import { createBlobIndex, createSubmissionStore } from "../db/stores/submission.ts";
import { createTeamStore } from "../db/stores/team.ts";
import { createLane } from "../discord/assignments/lane.ts";
import { renderCertificatePdf } from "../discord/competency/certificate-pdf.ts";
import { renderChartPng } from "../discord/competency/chart.ts";
import type { Locale } from "../domain/enums.ts";
import type { MilestoneJobs } from "../domain/programme/schedule.ts";
import { type AboutUseCases, aboutUseCases } from "../features/about/about.ts";
import { type AgencyUseCases, agencyUseCases } from "../features/agency/agencies.ts";
import { type AgencyViewUseCases, agencyViewUseCases } from "../features/agency/views.ts";
import { type AttentionUseCases, attentionUseCases } from "../features/attention/use-cases.ts";
import { type CertificateUseCases, certificateUseCases } from "../features/competency/certificate.ts";
import { type CompetencyUseCases, competencyUseCases } from "../features/competency/competency.ts";
import { type HelpdeskUseCases, helpdeskUseCases } from "../features/helpdesk/use-cases.ts";
import { type LibraryUseCases, libraryUseCases } from "../features/library/use-cases.ts";
import { type WithdrawUseCases, withdrawUseCases } from "../features/membership/withdraw.ts";
import { type OnboardingUseCases, onboardingUseCases } from "../features/onboarding/onboarding.ts";
import { type OperationsUseCases, operationsUseCases } from "../features/operations/use-cases.ts";
import { type PresentationUseCases, presentationUseCases } from "../features/presentation/use-cases.ts";
import { type ProfileUseCases, profileUseCases } from "../features/profile/profiles.ts";
import { manageUseCases } from "../features/programme/manage.ts";
import { milestoneUseCases } from "../features/programme/milestones.ts";
import { openUseCases } from "../features/programme/open.ts";
import type { ProgrammePorts } from "../features/programme/ports.ts";
import { type SettingsUseCases, settingsUseCases } from "../features/programme/settings.ts";
import { type StaffUseCases, staffUseCases } from "../features/programme/staff.ts";
import { type ProjectUseCases, projectUseCases } from "../features/project/use-cases.ts";
import { type ReviewUseCases, reviewUseCases } from "../features/review/review.ts";
import { type BlobUseCases, blobUseCases } from "../features/submission/blobs.ts";
import {
  type ManageUseCases as SubmissionManageUseCases,
  manageUseCases as submissionManageUseCases,
} from "../features/submission/manage.ts";
import { type SubmitUseCases, submitUseCases } from "../features/submission/submit.ts";
import { type TeamUseCases, teamUseCases } from "../features/team/use-cases.ts";
import { digestScheduler } from "../jobs/agency-digest.ts";
import { shareRevocations } from "../jobs/agency-revocation.ts";
import { digestJobs } from "../jobs/attention-digest.ts";
import { escalationJobs } from "../jobs/help-escalation.ts";
import { milestoneJobs } from "../jobs/milestone-jobs.ts";
import { presentationNoticeJobs } from "../jobs/presentation-notices.ts";
import { presentationReminderJobs } from "../jobs/presentation-reminders.ts";
import type { Queues } from "../jobs/queues.ts";
import { reminderJobs } from "../jobs/submission-reminders.ts";
import { createHttpDownloader } from "../storage/http-download.ts";
import { createLocalFileStore } from "../storage/local-file-store.ts";

/** The `/program` flows: open, status, close, export, delete, milestone set. */
export type ProgrammeUseCases = ReturnType<typeof openUseCases> &
  ReturnType<typeof manageUseCases> & { milestones: ReturnType<typeof milestoneUseCases> };

function programmeUseCases(ports: ProgrammePorts): ProgrammeUseCases {
  return { ...openUseCases(ports), ...manageUseCases(ports), milestones: milestoneUseCases(ports) };
}

/** Milestone jobs on whatever queues the context holds when a job is added (tests swap them in). */
function lazyMilestoneJobs(queues: () => Queues): MilestoneJobs {
  return {
    add: (jobId, payload, delayMs) => milestoneJobs(queues()).add(jobId, payload, delayMs),
    addReminder: (jobId, payload, delayMs) => milestoneJobs(queues()).addReminder(jobId, payload, delayMs),
    remove: (jobId) => milestoneJobs(queues()).remove(jobId),
  };
}

/** What handlers call instead of reaching for the database. */
export interface Features {
  project: ProjectUseCases;
  withdraw: WithdrawUseCases;
  about: AboutUseCases;
  settings: SettingsUseCases;
  programme: ProgrammeUseCases;
  staff: StaffUseCases;
  agency: AgencyUseCases;
  agencyViews: AgencyViewUseCases;
  profile: ProfileUseCases;
  onboarding: OnboardingUseCases;
  library: LibraryUseCases;
  operations: OperationsUseCases;
  submission: SubmitUseCases & SubmissionManageUseCases & BlobUseCases;
  review: ReviewUseCases;
  presentation: PresentationUseCases;
  team: TeamUseCases;
  competency: CompetencyUseCases;
  certificate: CertificateUseCases;
  attention: AttentionUseCases;
  helpdesk: HelpdeskUseCases;
}

/** Submitted files downloaded at once, across every /submit. */
const SUBMISSION_TRANSFERS = 8;

/** How long one submitted file's download may take, body included. */
const SUBMISSION_DOWNLOAD_TIMEOUT_MS = 60_000;

export function createFeatures(deps: {
  db: Database;
  /** Read when a use-case schedules jobs, so features can be built before the queues. */
  queues: () => Queues;
  now: () => Date;
  defaults: { locale: Locale; timeZone: string };
  /** MILESTONE_REMINDER_HOURS: when milestone reminders are queued. */
  milestoneReminderHours: readonly number[];
  submissionsDir: string;
}): Features {
  const revocations = () => shareRevocations(deps.queues());
  const profile = profileUseCases({ store: createProfileStore(deps.db), now: deps.now, revocations });
  const exclusive = createExclusive(deps.db, deps.now);
  const submissionStore = createSubmissionStore(deps.db);
  const files = createLocalFileStore(deps.submissionsDir);
  const blobs = blobUseCases({
    files,
    index: createBlobIndex(deps.db),
    now: deps.now,
  });
  const competencyStore = createCompetencyStore(deps.db);
  const competency = competencyUseCases({ store: competencyStore, chart: renderChartPng, now: deps.now });
  return {
    competency,
    certificate: certificateUseCases({
      store: competencyStore,
      competency,
      render: renderCertificatePdf,
      now: deps.now,
      random: () => randomInt(1_000_000),
    }),
    onboarding: onboardingUseCases({
      store: createOnboardingStore(deps.db),
      profiles: profile,
      now: deps.now,
      revocations,
    }),
    programme: programmeUseCases({
      store: createProgrammeStore(deps.db),
      jobs: lazyMilestoneJobs(deps.queues),
      exclusive,
      releaseBlobs: blobs.releaseBlobs,
      // A failed removal (Redis down) is left to the reconciler, which drops schedulers of
      // programmes that are not open; the close or delete itself has committed.
      endSchedules: (programmeId) =>
        digestJobs(deps.queues())
          .remove(programmeId)
          .catch(() => undefined),
      now: deps.now,
      defaults: deps.defaults,
      milestoneReminderHours: deps.milestoneReminderHours,
    }),
    staff: staffUseCases({ store: createStaffStore(deps.db), exclusive, now: deps.now }),
    profile,
    submission: {
      ...blobs,
      ...submitUseCases({
        store: submissionStore,
        files,
        downloader: createHttpDownloader(),
        defaultLocale: deps.defaults.locale,
        downloadTimeoutMs: SUBMISSION_DOWNLOAD_TIMEOUT_MS,
        transfers: createLane(SUBMISSION_TRANSFERS),
      }),
      ...submissionManageUseCases({
        store: submissionStore,
        reminders: () => reminderJobs(deps.queues()),
        now: deps.now,
        defaultLocale: deps.defaults.locale,
      }),
    },
    review: reviewUseCases({
      store: createReviewStore(deps.db),
      downloader: createHttpDownloader(),
      now: deps.now,
      defaultLocale: deps.defaults.locale,
    }),
    agency: agencyUseCases({ store: createAgencyStore(deps.db), now: deps.now }),
    agencyViews: agencyViewUseCases({
      store: createAgencyViewStore(deps.db),
      scheduler: () => digestScheduler(deps.queues()),
      now: deps.now,
    }),
    settings: settingsUseCases({ store: createSettingsStore(deps.db), now: deps.now }),
    withdraw: withdrawUseCases({ store: createWithdrawStore(deps.db), now: deps.now }),
    about: aboutUseCases({ store: createAboutStore(deps.db) }),
    project: projectUseCases({
      store: createProjectStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaults.locale,
    }),
    presentation: presentationUseCases({
      store: createPresentationStore(deps.db),
      reminders: () => presentationReminderJobs(deps.queues()),
      notices: () => presentationNoticeJobs(deps.queues()),
      now: deps.now,
    }),
    attention: attentionUseCases({
      store: createAttentionStore(deps.db),
      digests: () => digestJobs(deps.queues()),
      now: deps.now,
    }),
    operations: operationsUseCases({
      store: createOperationsStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaults.locale,
    }),
    library: libraryUseCases({
      store: createLibraryStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaults.locale,
    }),
    team: teamUseCases({ store: createTeamStore(deps.db), now: deps.now }),
    helpdesk: helpdeskUseCases({
      store: createHelpdeskStore(deps.db),
      escalations: () => escalationJobs(deps.queues(), deps.now),
      now: deps.now,
      defaultLocale: deps.defaults.locale,
    }),
  };
}
