/** The composition of the use-cases: each feature bound to its adapters (database, clock). */

import type { Database } from "../db/client.ts";
import { createProjectStore } from "../db/stores/project.ts";
import type { Locale } from "../domain/enums.ts";
import { type ProjectUseCases, projectUseCases } from "../features/project/use-cases.ts";

/** What handlers call instead of reaching for the database. */
export interface Features {
  project: ProjectUseCases;
}

export function createFeatures(deps: { db: Database; now: () => Date; defaultLocale: Locale }): Features {
  return {
    project: projectUseCases({
      store: createProjectStore(deps.db),
      now: deps.now,
      defaultLocale: deps.defaultLocale,
    }),
  };
}
