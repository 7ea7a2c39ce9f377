/** {@link OperationsStore} over the repositories. */
import type { OperationsStore } from "../../features/operations/ports.ts";
import type { Database } from "../client.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createOperationsRepository } from "../repositories/operations.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function createOperationsStore(db: Database): OperationsStore {
  const operations = createOperationsRepository(db);
  const members = createMemberRepository(db);
  const programmes = createProgrammeRepository(db);
  return {
    programme: (id) => programmes.get(id),
    member: (programmeId, userId) => members.find(programmeId, userId),
    displayName: async (memberId) => (await members.profile(memberId))?.displayName ?? null,
    preferredLocale: (memberId) => members.preferredLocale(memberId),
    openCheckIn: (memberId) => operations.openCheckIn(memberId),
    startCheckIn: (memberId, plan, at) => operations.startCheckIn(memberId, plan, at),
    endCheckIn: (memberId, at) => operations.endCheckIn(memberId, at),
    report: (memberId, localDate) => operations.report(memberId, localDate),
    saveReport: (input) => operations.saveReport(input),
    setReportPost: (reportId, post) => operations.setReportPost(reportId, post),
    reminderSettings: (memberId) => operations.reminderSettings(memberId),
    saveReminderSettings: (memberId, changes) => operations.saveReminderSettings(memberId, changes),
    channel: async (programmeId, key) =>
      (await programmes.discordResource(programmeId, key))?.discordId ?? null,
  };
}
