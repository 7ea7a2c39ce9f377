/** {@link PresentationStore} over the repositories: each write and its audit entry in one transaction. */
import type { PresentationStore } from "../../features/presentation/ports.ts";
import type { Database } from "../client.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createPresentationRepository } from "../repositories/presentations.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function createPresentationStore(db: Database): PresentationStore {
  const repo = createPresentationRepository(db);
  return {
    async programme(programmeId) {
      const programme = await createProgrammeRepository(db).get(programmeId);
      if (programme === null) return null;
      const milestone = await db.milestone.findFirst({
        where: { programmeId, kind: "presentation" },
        orderBy: { at: "asc" },
        select: { at: true },
      });
      return { programme, presentationAt: milestone?.at ?? null };
    },
    async resource(programmeId, key) {
      const row = await db.discordResource.findUnique({
        where: { programmeId_key: { programmeId, key } },
        select: { discordId: true },
      });
      return row?.discordId ?? null;
    },
    presenters: (programmeId, includeAll) => repo.presenters(programmeId, includeAll),
    openSession: (programmeId) => repo.openSession(programmeId),
    session: (sessionId) => repo.session(sessionId),
    latestSession: (programmeId) => repo.latestSession(programmeId),
    async saveDraft(actor, draft, slots) {
      const id = await db.$transaction(async (tx) => {
        const sessionId = await createPresentationRepository(tx).createDraft(draft, slots);
        await recordAudit(tx, actor, "presentation.draft", `presentation_session:${sessionId}`, {
          startsAt: draft.timing.startsAt.toISOString(),
          slots: slots.length,
          order: draft.orderMethod,
          seed: draft.seed,
        });
        return sessionId;
      });
      return (await repo.session(id)) as NonNullable<Awaited<ReturnType<typeof repo.session>>>;
    },
    async confirm(actor, sessionId, slots) {
      return db.$transaction(async (tx) => {
        const r = createPresentationRepository(tx);
        if (!(await r.transition(sessionId, { status: "draft" }, { status: "scheduled" }))) return false;
        await r.writeSlots(sessionId, slots);
        await recordAudit(tx, actor, "presentation.schedule", `presentation_session:${sessionId}`, {
          slots: slots.length,
        });
        return true;
      });
    },
    async reorder(actor, sessionId, action, slots, data) {
      await db.$transaction(async (tx) => {
        await createPresentationRepository(tx).writeSlots(sessionId, slots);
        await recordAudit(tx, actor, action, `presentation_session:${sessionId}`, data);
      });
    },
    setDiscordIds: (sessionId, ids) => repo.setDiscordIds(sessionId, ids),
    async applyLive(actor, step) {
      return db.$transaction(async (tx) => {
        const r = createPresentationRepository(tx);
        const moved = await r.transition(
          step.sessionId,
          { status: step.expectedStatus, currentOrder: step.expectedOrder },
          {
            status: step.status,
            currentOrder: step.currentOrder,
            delayMinutes: step.delayMinutes,
            ...(step.startedAt ? { startedAt: step.startedAt } : {}),
            ...(step.endedAt ? { endedAt: step.endedAt } : {}),
          },
        );
        if (!moved) return false;
        for (const slot of step.slots) await r.setSlotState(slot.id, slot);
        if (step.presentedMemberId !== null) {
          const member = await tx.member.findUniqueOrThrow({
            where: { id: step.presentedMemberId },
            select: { stage: true },
          });
          // Without a version the stage stays `working`; the slot records that they presented.
          if (member.stage === "submitted") {
            await tx.member.update({ where: { id: step.presentedMemberId }, data: { stage: "presented" } });
            await tx.stageTransition.create({
              data: {
                memberId: step.presentedMemberId,
                fromStage: "submitted",
                toStage: "presented",
                actorUserId: actor.actorUserId,
                reason: "presented",
                at: actor.at,
              },
            });
          }
        }
        await recordAudit(tx, actor, step.action, `presentation_session:${step.sessionId}`, {
          currentOrder: step.currentOrder,
          status: step.status,
          delayMinutes: step.delayMinutes,
        });
        return true;
      });
    },
  };
}
