/** Domain records for unit tests over in-memory ports: one spring programme, one member. */
import type { Member } from "../../src/domain/member/types.ts";
import type { Programme } from "../../src/domain/programme/types.ts";
import type { ExclusivePort } from "../../src/features/ports.ts";

export const FIXTURE_NOW = new Date("2026-04-02T00:00:00Z");

export function aProgramme(overrides: Partial<Programme> = {}): Programme {
  return {
    id: "p1",
    guildId: "g1",
    name: "Spring",
    mode: "internship",
    status: "open",
    startsAt: new Date("2026-04-01T00:00:00Z"),
    endsAt: new Date("2026-06-30T00:00:00Z"),
    timeZone: "Asia/Tokyo",
    forcedLocale: null,
    settings: { selfServiceClaimEnabled: true, swapWindowDays: 3, helpEscalateHours: 4 },
    createdByUserId: "u0",
    createdAt: FIXTURE_NOW,
    ...overrides,
  };
}

export function aMember(overrides: Partial<Member> = {}): Member {
  return {
    id: "m1",
    programmeId: "p1",
    discordUserId: "u1",
    roles: ["intern"],
    stage: "onboarded",
    agencyId: null,
    agencyConsent: false,
    agencyConsentChangedAt: null,
    projectChannelId: null,
    joinedAt: FIXTURE_NOW,
    ...overrides,
  };
}

/** An in-memory {@link ExclusivePort}: one holder per key within this process, like the lease. */
export function memoryExclusive(): ExclusivePort & { held: Set<string> } {
  const held = new Set<string>();
  return {
    held,
    async run(key, work) {
      if (held.has(key)) return { busy: true };
      held.add(key);
      try {
        return { busy: false, value: await work() };
      } finally {
        held.delete(key);
      }
    },
  };
}
