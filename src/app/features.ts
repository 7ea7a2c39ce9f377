/** The composition of the use-cases: each feature bound to its adapters (database, clock). */

import type { Database } from "../db/client.ts";
import { createAgencyStore } from "../db/stores/agency.ts";
import { createLibraryStore } from "../db/stores/library.ts";
import { createAboutStore, createWithdrawStore } from "../db/stores/membership.ts";
import { createOnboardingStore } from "../db/stores/onboarding.ts";
import { createOperationsStore } from "../db/stores/operations.ts";
import { createProfileStore } from "../db/stores/profile.ts";
import { createSettingsStore } from "../db/stores/programme.ts";
import { createProjectStore } from "../db/stores/project.ts";
import type { Locale } from "../domain/enums.ts";
import { type AboutUseCases, aboutUseCases } from "../features/about/about.ts";
import { type AgencyUseCases, agencyUseCases } from "../features/agency/agencies.ts";
import { type LibraryUseCases, libraryUseCases } from "../features/library/use-cases.ts";
import { type WithdrawUseCases, withdrawUseCases } from "../features/membership/withdraw.ts";
import { type OnboardingUseCases, onboardingUseCases } from "../features/onboarding/onboarding.ts";
import { type OperationsUseCases, operationsUseCases } from "../features/operations/use-cases.ts";
import { type ProfileUseCases, profileUseCases } from "../features/profile/profiles.ts";
import { type SettingsUseCases, settingsUseCases } from "../features/programme/settings.ts";
import { type ProjectUseCases, projectUseCases } from "../features/project/use-cases.ts";

/** What handlers call instead of reaching for the database. */
export interface Features {
  project: ProjectUseCases;
  withdraw: WithdrawUseCases;
  about: AboutUseCases;
  settings: SettingsUseCases;
  agency: AgencyUseCases;
  profile: ProfileUseCases;
  onboarding: OnboardingUseCases;
  library: LibraryUseCases;
  operations: OperationsUseCases;
}

export function createFeatures(deps: { db: Database; now: () => Date; defaultLocale: Locale }): Features {
  const profile = profileUseCases({ store: createProfileStore(deps.db) });
  return {
    profile,
    onboarding: onboardingUseCases({
      store: createOnboardingStore(deps.db),
      profiles: profile,
      now: deps.now,
    }),
    agency: agencyUseCases({ store: createAgencyStore(deps.db), now: deps.now }),
    settings: settingsUseCases({ store: createSettingsStore(deps.db), now: deps.now }),
    withdraw: withdrawUseCases({ store: createWithdrawStore(deps.db), now: deps.now }),
    about: aboutUseCases({ store: createAboutStore(deps.db) }),
    project: projectUseCases({
      store: createProjectStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaultLocale,
    }),
    operations: operationsUseCases({
      store: createOperationsStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaultLocale,
    }),
    library: libraryUseCases({
      store: createLibraryStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaultLocale,
    }),
  };
}
