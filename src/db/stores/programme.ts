/** The stores of the programme use-cases, over the repositories. */
import type { ProgrammeStore } from "../../features/programme/ports.ts";
import type { SettingsStore } from "../../features/programme/settings.ts";
import type { StaffStore } from "../../features/programme/staff.ts";
import type { Database } from "../client.ts";
import { createAgencyRepository } from "../repositories/agencies.ts";
import { createAuditRepository } from "../repositories/audit.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";
import { createSubmissionRepository } from "../repositories/submissions.ts";
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
    saveTemplate: (id, template) => workspace.saveTemplate(id, template),
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
    exportVersions: (id) => workspace.exportVersions(id),
    exportReviews: (id) => workspace.exportReviews(id),
    submittedBlobs: (id) => createSubmissionRepository(db).programmeBlobs(id),
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
          markMilestoneAnnounced: async (id, at) => {
            await programmesTx.markMilestoneAnnounced(id, at);
          },
          deleteProgramme: (id) => workspaceTx.deleteProgramme(id),
          audit: createAuditRepository(tx),
        });
      }),
  };
}

export function createStaffStore(db: Database): StaffStore {
  const members = createMemberRepository(db);
  return {
    member: (programmeId, userId) => members.find(programmeId, userId),
    discordResource: (programmeId, key) => createProgrammeRepository(db).discordResource(programmeId, key),
    holders: async (programmeId, role) =>
      (await members.list(programmeId, { role })).map((m) => m.discordUserId),
    async agencyStaff(guildId, programmeId) {
      const agencies = createAgencyRepository(db);
      const list = [];
      for (const agency of await agencies.forProgramme(guildId, programmeId)) {
        list.push({ agency: agency.name, staff: await agencies.staffOf(agency.id) });
      }
      return list;
    },
    revoke: (programmeId, memberId, role, audit) =>
      members.revokeRoleKeepingAnOrganiser(programmeId, memberId, role, (tx) =>
        createAuditRepository(tx).record(audit),
      ),
    transaction: (work) =>
      db.$transaction((tx) =>
        work({
          grant: async (input) => {
            await createMemberRepository(tx).join({
              programmeId: input.programmeId,
              discordUserId: input.userId,
              roles: [input.role],
              grantedByUserId: input.grantedByUserId,
              at: input.at,
            });
          },
          audit: createAuditRepository(tx),
        }),
      ),
  };
}
