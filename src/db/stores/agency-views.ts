/** {@link AgencyViewStore} over the repositories: the digest setting and its audit entry in one transaction. */
import { ResourceKeys } from "../../domain/workspace/keys.ts";
import type { AgencyViewStore } from "../../features/agency/views.ts";
import type { Database } from "../client.ts";
import { createAgencyRepository } from "../repositories/agencies.ts";
import { createAgencyViewRepository } from "../repositories/agency-views.ts";
import { recordAudit } from "../repositories/audit.ts";
import { createProgrammeRepository } from "../repositories/programmes.ts";

export function createAgencyViewStore(db: Database): AgencyViewStore {
  const agencies = createAgencyRepository(db);
  const views = createAgencyViewRepository(db);
  return {
    agencyIdsOfStaff: (guildId, userId) => agencies.agencyIdsOfStaff(guildId, userId),
    agencies: (guildId, programmeId) => agencies.forProgramme(guildId, programmeId),
    clientByUser: (programmeId, userId) => views.clientByUser(programmeId, userId),
    consentingClients: (programmeId, ids) => agencies.consentingClients(programmeId, ids),
    snapshots: (input) => views.snapshots(input),
    journeyFacts: (programmeId, memberIds) => views.journeyFacts(programmeId, memberIds),
    digestSetting: (agencyId) => views.digestSetting(agencyId),
    async hasAgencyChannel(programmeId) {
      return (
        (await createProgrammeRepository(db).discordResource(programmeId, ResourceKeys.channels.agency)) !==
        null
      );
    },
    saveDigestSetting: (input) =>
      db.$transaction(async (tx) => {
        const repo = createAgencyViewRepository(tx);
        const before = await repo.digestSetting(input.setting.agencyId);
        await repo.saveDigestSetting(input.setting);
        await recordAudit(tx, input, "agency.digest.settings", `agency:${input.setting.agencyId}`, {
          before:
            before === null
              ? null
              : { delivery: before.delivery, weekday: before.weekday, time: before.time },
          after: {
            delivery: input.setting.delivery,
            weekday: input.setting.weekday,
            time: input.setting.time,
          },
        });
      }),
  };
}
