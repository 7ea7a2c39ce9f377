/** {@link CompetencyStore} over the repositories: each write and its audit entry in one transaction. */
import type { CompetencyStore } from "../../features/competency/ports.ts";
import type { Database } from "../client.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createCompetencyRepository } from "../repositories/competencies.ts";
import { createMemberRepository } from "../repositories/members.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function createCompetencyStore(db: Database): CompetencyStore {
  const repo = createCompetencyRepository(db);
  return {
    programme: (programmeId) => createProgrammeRepository(db).get(programmeId),
    async milestones(programmeId) {
      const rows = await createProgrammeRepository(db).milestones(programmeId);
      return rows.map((m) => ({ kind: m.kind, at: m.at }));
    },
    member: (programmeId, userId) => createMemberRepository(db).find(programmeId, userId),
    memberById: (memberId) => createMemberRepository(db).get(memberId),
    sheet: (key) => repo.sheet(key),
    sheets: (memberId) => repo.sheets(memberId),
    async saveDraft(actor, input) {
      return db.$transaction(async (tx) => {
        const saved = await createCompetencyRepository(tx).save(input);
        await recordAudit(tx, actor, `competency.${input.assessor}.draft`, `competency_sheet:${saved.id}`, {
          phase: input.phase,
          ...(input.score === undefined ? {} : { element: input.score.element, score: input.score.value }),
          ...(input.comment === undefined ? {} : { commentLength: input.comment?.length ?? 0 }),
        });
        return saved;
      });
    },
    async submit(actor, sheetId) {
      await db.$transaction(async (tx) => {
        const saved = await createCompetencyRepository(tx).submit(sheetId, actor.at);
        await recordAudit(tx, actor, `competency.${saved.assessor}.submit`, `competency_sheet:${sheetId}`, {
          phase: saved.phase,
          ratings: saved.ratings,
        });
      });
    },
    participation: (memberId) => repo.participation(memberId),
    async issueCertificate(actor, input) {
      return db.$transaction(async (tx) => {
        const issued = await createCompetencyRepository(tx).issue(input);
        if (issued === null) return false;
        await recordAudit(tx, actor, "certificate.issue", `certificate:${issued.id}`, {
          serial: input.serial,
          locale: input.locale,
          contentHash: input.contentHash,
        });
        return true;
      });
    },
    certificate: (serial, guildId) => repo.bySerial(serial, guildId),
  };
}
