/** A programme (cohort), its settings, milestones and the Discord objects made for it. */
import type { DiscordResourceKind, Locale, MilestoneKind, ProgrammeMode, ProgrammeStatus } from "../enums.ts";

/** Per-programme switches organisers can change. */
export interface ProgrammeSettings {
  selfServiceClaimEnabled: boolean;
  swapWindowDays: number;
  /** Hours without a staff reply before a help ticket is escalated (organisers are sent a DM at twice that). */
  helpEscalateHours: number;
}

export interface Programme {
  id: string;
  guildId: string;
  name: string;
  mode: ProgrammeMode;
  status: ProgrammeStatus;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  forcedLocale: Locale | null;
  settings: ProgrammeSettings;
  createdByUserId: string;
  createdAt: Date;
}

export interface NewProgramme {
  guildId: string;
  name: string;
  mode: ProgrammeMode;
  startsAt: Date;
  endsAt: Date;
  createdByUserId: string;
  /** Defaults to Asia/Tokyo. */
  timeZone?: string;
  forcedLocale?: Locale | null;
  settings?: Partial<ProgrammeSettings>;
}

export interface ProgrammeChanges {
  name?: string;
  status?: ProgrammeStatus;
  startsAt?: Date;
  endsAt?: Date;
  timeZone?: string;
  forcedLocale?: Locale | null;
  settings?: Partial<ProgrammeSettings>;
}

/** A Discord object the bot created for a programme, under a stable logical key. */
export interface DiscordResource {
  key: string;
  discordId: string;
  kind: DiscordResourceKind;
}

export interface Milestone {
  id: string;
  programmeId: string;
  kind: MilestoneKind;
  title: string;
  at: Date;
  announcedAt: Date | null;
  jobId: string | null;
}
