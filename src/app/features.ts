/** The composition of the use-cases: each feature bound to its adapters (database, clock). */

import type { Database } from "../db/client.ts";
import { createAgencyStore } from "../db/stores/agency.ts";
import { createAboutStore, createWithdrawStore } from "../db/stores/membership.ts";
import { createProfileStore } from "../db/stores/profile.ts";
import { createSettingsStore } from "../db/stores/programme.ts";
import { createProjectStore } from "../db/stores/project.ts";
import { createSubmissionStore } from "../db/stores/submission.ts";
import type { Locale } from "../domain/enums.ts";
import { type AboutUseCases, aboutUseCases } from "../features/about/about.ts";
import { type AgencyUseCases, agencyUseCases } from "../features/agency/agencies.ts";
import { type WithdrawUseCases, withdrawUseCases } from "../features/membership/withdraw.ts";
import { type ProfileUseCases, profileUseCases } from "../features/profile/profiles.ts";
import { type SettingsUseCases, settingsUseCases } from "../features/programme/settings.ts";
import { type ProjectUseCases, projectUseCases } from "../features/project/use-cases.ts";
import { type ManageUseCases, manageUseCases } from "../features/submission/manage.ts";
import { type SubmitUseCases, submitUseCases } from "../features/submission/submit.ts";
import type { Queues } from "../jobs/queues.ts";
import { reminderJobs } from "../jobs/submission-reminders.ts";
import { createHttpDownloader } from "../storage/http-download.ts";
import { createLocalFileStore } from "../storage/local-file-store.ts";

/** What handlers call instead of reaching for the database. */
export interface Features {
  project: ProjectUseCases;
  withdraw: WithdrawUseCases;
  about: AboutUseCases;
  settings: SettingsUseCases;
  agency: AgencyUseCases;
  profile: ProfileUseCases;
  submission: SubmitUseCases & ManageUseCases;
}

/** How long one submitted file's download may take, body included. */
const SUBMISSION_DOWNLOAD_TIMEOUT_MS = 60_000;

export function createFeatures(deps: {
  db: Database;
  now: () => Date;
  defaultLocale: Locale;
  submissionsDir: string;
  /** Read when a use-case schedules jobs, so features can be built before the queues. */
  queues: () => Queues;
}): Features {
  const submissionStore = createSubmissionStore(deps.db);
  return {
    submission: {
      ...submitUseCases({
        store: submissionStore,
        files: createLocalFileStore(deps.submissionsDir),
        downloader: createHttpDownloader(),
        defaultLocale: deps.defaultLocale,
        downloadTimeoutMs: SUBMISSION_DOWNLOAD_TIMEOUT_MS,
      }),
      ...manageUseCases({
        store: submissionStore,
        reminders: () => reminderJobs(deps.queues()),
        now: deps.now,
      }),
    },
    profile: profileUseCases({ store: createProfileStore(deps.db) }),
    agency: agencyUseCases({ store: createAgencyStore(deps.db), now: deps.now }),
    settings: settingsUseCases({ store: createSettingsStore(deps.db), now: deps.now }),
    withdraw: withdrawUseCases({ store: createWithdrawStore(deps.db), now: deps.now }),
    about: aboutUseCases({ store: createAboutStore(deps.db) }),
    project: projectUseCases({
      store: createProjectStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaultLocale,
    }),
  };
}
