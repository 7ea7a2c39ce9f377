/**
 * `/program settings`: the programme's switches for `/project claim` and `/project swap`, shown,
 * or changed with an audit entry in the same transaction.
 */
import type { Programme, ProgrammeSettings } from "../../domain/programme/types.ts";
import { UserError } from "../errors.ts";
import type { AuditPort } from "../ports.ts";

/** The settings organisers may change, in the order they are shown. */
export const SETTINGS = [
  "selfServiceClaimEnabled",
  "swapWindowDays",
  "helpEscalateHours",
] as const satisfies readonly (keyof ProgrammeSettings)[];
export type Setting = (typeof SETTINGS)[number];

/** What a settings change may do inside its transaction. */
export interface SettingsTransaction {
  programme(programmeId: string): Promise<Programme | null>;
  updateSettings(programmeId: string, settings: Partial<ProgrammeSettings>): Promise<void>;
  audit: AuditPort;
}

export interface SettingsStore {
  programme(programmeId: string): Promise<Programme | null>;
  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  transaction<T>(work: (tx: SettingsTransaction) => Promise<T>): Promise<T>;
}

export type SettingsChange = {
  name: string;
  before: ProgrammeSettings;
  after: ProgrammeSettings;
  /** Empty when the values asked for were already set (nothing was written). */
  changed: Setting[];
};

export function settingsUseCases(ports: { store: SettingsStore; now: () => Date }) {
  return {
    async show(programmeId: string | null): Promise<Programme> {
      const programme = programmeId === null ? null : await ports.store.programme(programmeId);
      if (programme === null) throw new UserError("error.access.noProgramme");
      return programme;
    },

    /**
     * Changes the settings of an open programme (a closed one is read-only). The read, the write
     * and the audit entry share one transaction, so the entry records exactly what changed.
     */
    async change(
      caller: { guildId: string; programmeId: string | null; userId: string },
      wanted: Partial<ProgrammeSettings>,
    ): Promise<SettingsChange> {
      const { programmeId } = caller;
      if (programmeId === null) throw new UserError("error.access.noProgramme");
      return ports.store.transaction(async (tx) => {
        const programme = await tx.programme(programmeId);
        if (!programme) throw new UserError("error.access.noProgramme");
        if (programme.status === "closed" || programme.status === "archived")
          throw new UserError("program.settings.error.closed");
        const before = programme.settings;
        const after: ProgrammeSettings = { ...before, ...wanted };
        const changed = SETTINGS.filter((setting) => before[setting] !== after[setting]);
        if (changed.length > 0) {
          const pick = (settings: ProgrammeSettings) =>
            Object.fromEntries(changed.map((setting) => [setting, settings[setting]]));
          await tx.updateSettings(programme.id, pick(after));
          await tx.audit.record({
            guildId: caller.guildId,
            programmeId: programme.id,
            actorUserId: caller.userId,
            action: "programme.settings",
            target: `programme:${programme.id}`,
            data: { from: pick(before), to: pick(after) },
            at: ports.now(),
          });
        }
        return { name: programme.name, before, after, changed };
      });
    },
  };
}

export type SettingsUseCases = ReturnType<typeof settingsUseCases>;
