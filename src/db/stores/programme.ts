/** The stores of the programme use-cases, over the repositories. */
import type { ProgrammeStore } from "../../features/programme/ports.ts";
import type { SettingsStore } from "../../features/programme/settings.ts";
import type { Database } from "../client.ts";
import { createAuditRepository } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";
import { createWorkspaceRepository } from "../repositories/workspace.ts";

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

export function createProgrammeStore(db: Database): ProgrammeStore {
  const programmes = createProgrammeRepository(db);
  const workspace = createWorkspaceRepository(db);
  return {
    programme: (id) => programmes.get(id),
    template: (id) => workspace.template(id),
    discordResources: (id) => programmes.discordResources(id),
    saveDiscordResource: async (id, resource) => {
      await programmes.saveDiscordResource(id, resource);
    },
    forgetDiscordResource: async (id, key) => {
      await programmes.forgetDiscordResource(id, key);
    },
    update: (id, changes) => programmes.update(id, changes),
    milestones: (id) => programmes.milestones(id),
    addMilestone: (id, milestone) => programmes.addMilestone(id, milestone),
    moveMilestone: (id, at) => workspace.moveMilestone(id, at),
    setMilestoneJob: (id, jobId) => programmes.setMilestoneJob(id, jobId),
    stageCounts: (id) => workspace.stageCounts(id),
    exportMembers: (id) => workspace.exportMembers(id),
    exportAllocations: (id) => workspace.exportAllocations(id),
    audit: createAuditRepository(db),
    transaction: (work) =>
      db.$transaction((tx) => {
        const programmesTx = createProgrammeRepository(tx);
        const workspaceTx = createWorkspaceRepository(tx);
        return work({
          create: (input) => programmesTx.create(input),
          update: (id, changes) => programmesTx.update(id, changes),
          addOrganiser: async (programmeId, userId, at) => {
            await createMemberRepository(tx).join({
              programmeId,
              discordUserId: userId,
              roles: ["organiser"],
              grantedByUserId: userId,
              at,
            });
          },
          saveTemplate: (id, template) => workspaceTx.saveTemplate(id, template),
          deleteProgramme: (id) => workspaceTx.deleteProgramme(id),
          audit: createAuditRepository(tx),
        });
      }),
  };
}
