/** `/taiken about`: what runs in this server; the journey's stage counts are for staff only. */
import type { InternStage } from "../../domain/enums.ts";

export interface AboutStore {
  stageCounts(programmeId: string): Promise<Map<InternStage, number>>;
}

/** Who may see how many interns are at each stage (how many withdrew, among others). */
const SEES_STAGES = new Set(["organiser", "mentor"]);

export function aboutUseCases(ports: { store: AboutStore }) {
  return {
    /** Interns per stage, or null when the caller is not staff of the programme. */
    async stageCounts(
      programmeId: string,
      callerRoles: ReadonlySet<string>,
    ): Promise<Map<InternStage, number> | null> {
      if (![...callerRoles].some((role) => SEES_STAGES.has(role))) return null;
      return ports.store.stageCounts(programmeId);
    },
  };
}

export type AboutUseCases = ReturnType<typeof aboutUseCases>;
