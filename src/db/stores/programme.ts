/** The stores of the programme use-cases, over the repositories. */
import type { SettingsStore } from "../../features/programme/settings.ts";
import type { Database } from "../client.ts";
import { createAuditRepository } from "../repositories/audit.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function createSettingsStore(db: Database): SettingsStore {
  return {
    programme: (id) => createProgrammeRepository(db).get(id),
    transaction: (work) =>
      db.$transaction((tx) => {
        const programmes = createProgrammeRepository(tx);
        return work({
          programme: (id) => programmes.get(id),
          updateSettings: async (id, settings) => {
            await programmes.update(id, { settings });
          },
          audit: createAuditRepository(tx),
        });
      }),
  };
}
