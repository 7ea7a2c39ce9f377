/** Programmes (cohorts), the Discord resources the bot created for them, and their milestones. */

import type {
  DiscordResource,
  Milestone,
  NewProgramme,
  Programme,
  ProgrammeChanges,
  ProgrammeSettings,
} from "../../domain/programme/types.ts";
import type { DatabaseTransaction } from "../client.ts";
import type { MilestoneKind } from "../enums.ts";
import { mapConstraintViolations } from "../errors.ts";

export type { DiscordResource, Milestone, NewProgramme, Programme, ProgrammeChanges, ProgrammeSettings };

type ProgrammeRow = Omit<Programme, "settings"> & ProgrammeSettings;

function toProgramme(row: ProgrammeRow): Programme {
  const { selfServiceClaimEnabled, swapWindowDays, helpEscalateHours, ...rest } = row;
  return {
    id: rest.id,
    guildId: rest.guildId,
    name: rest.name,
    mode: rest.mode,
    status: rest.status,
    startsAt: rest.startsAt,
    endsAt: rest.endsAt,
    timeZone: rest.timeZone,
    forcedLocale: rest.forcedLocale,
    settings: { selfServiceClaimEnabled, swapWindowDays, helpEscalateHours },
    createdByUserId: rest.createdByUserId,
    createdAt: rest.createdAt,
  };
}

function toMilestone(row: Milestone): Milestone {
  return {
    id: row.id,
    programmeId: row.programmeId,
    kind: row.kind,
    title: row.title,
    at: row.at,
    announcedAt: row.announcedAt,
    jobId: row.jobId,
  };
}

/** Reads and writes programmes. `db` may be the client or a transaction. */
export function createProgrammeRepository(db: DatabaseTransaction) {
  return {
    /** @throws ConstraintViolation `programme_guildId_name_key` if the guild already has that name. */
    async create(input: NewProgramme): Promise<Programme> {
      const row = await mapConstraintViolations(() =>
        db.programme.create({
          data: {
            guildId: input.guildId,
            name: input.name,
            mode: input.mode,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
            createdByUserId: input.createdByUserId,
            ...(input.timeZone === undefined ? {} : { timeZone: input.timeZone }),
            forcedLocale: input.forcedLocale ?? null,
            ...input.settings,
          },
        }),
      );
      return toProgramme(row);
    },

    async get(id: string): Promise<Programme | null> {
      const row = await db.programme.findUnique({ where: { id } });
      return row === null ? null : toProgramme(row);
    },

    /** The guild's current programme: its newest one that is not archived. */
    async current(guildId: string): Promise<Programme | null> {
      const row = await db.programme.findFirst({
        where: { guildId, status: { not: "archived" } },
        orderBy: { createdAt: "desc" },
      });
      return row === null ? null : toProgramme(row);
    },

    /** Every programme of the guild, newest first. */
    async list(guildId: string): Promise<Programme[]> {
      const rows = await db.programme.findMany({ where: { guildId }, orderBy: { createdAt: "desc" } });
      return rows.map(toProgramme);
    },

    async update(id: string, changes: ProgrammeChanges): Promise<Programme> {
      const { settings, ...fields } = changes;
      const row = await mapConstraintViolations(() =>
        db.programme.update({ where: { id }, data: { ...fields, ...settings } }),
      );
      return toProgramme(row);
    },

    /** Records (or re-points) the Discord object behind `key`; setup calls it after creating one. */
    async saveDiscordResource(programmeId: string, resource: DiscordResource): Promise<DiscordResource> {
      const row = await db.discordResource.upsert({
        where: { programmeId_key: { programmeId, key: resource.key } },
        create: { programmeId, ...resource },
        update: { discordId: resource.discordId, kind: resource.kind },
      });
      return { key: row.key, discordId: row.discordId, kind: row.kind };
    },

    async discordResource(programmeId: string, key: string): Promise<DiscordResource | null> {
      const row = await db.discordResource.findUnique({ where: { programmeId_key: { programmeId, key } } });
      return row === null ? null : { key: row.key, discordId: row.discordId, kind: row.kind };
    },

    async discordResources(programmeId: string): Promise<DiscordResource[]> {
      const rows = await db.discordResource.findMany({ where: { programmeId }, orderBy: { key: "asc" } });
      return rows.map((row) => ({ key: row.key, discordId: row.discordId, kind: row.kind }));
    },

    /** Forgets a resource (e.g. the channel was deleted in Discord); true if there was one. */
    async forgetDiscordResource(programmeId: string, key: string): Promise<boolean> {
      const { count } = await db.discordResource.deleteMany({ where: { programmeId, key } });
      return count > 0;
    },

    async addMilestone(
      programmeId: string,
      milestone: { kind: MilestoneKind; title: string; at: Date },
    ): Promise<Milestone> {
      return toMilestone(await db.milestone.create({ data: { programmeId, ...milestone } }));
    },

    /** The programme's milestones in calendar order. */
    async milestones(programmeId: string): Promise<Milestone[]> {
      const rows = await db.milestone.findMany({
        where: { programmeId },
        orderBy: [{ at: "asc" }, { id: "asc" }],
      });
      return rows.map(toMilestone);
    },

    async setMilestoneJob(milestoneId: string, jobId: string | null): Promise<Milestone> {
      return toMilestone(await db.milestone.update({ where: { id: milestoneId }, data: { jobId } }));
    },

    /**
     * Marks a milestone announced, once: returns false if it already was, so a retried job
     * never announces twice.
     */
    async markMilestoneAnnounced(milestoneId: string, at: Date): Promise<boolean> {
      const { count } = await db.milestone.updateMany({
        where: { id: milestoneId, announcedAt: null },
        data: { announcedAt: at },
      });
      return count === 1;
    },
  };
}
