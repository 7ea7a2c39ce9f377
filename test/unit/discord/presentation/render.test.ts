import { describe, expect, it } from "vitest";
import { agendaMessage } from "../../../../src/discord/presentation/render.ts";
import type { SessionRecord, SlotRecord } from "../../../../src/features/presentation/ports.ts";
import { translator } from "../../../../src/i18n/translate.ts";

const START = new Date("2030-06-30T05:00:00Z");

function session(slots: number): SessionRecord {
  return {
    id: "s1",
    programmeId: "p1",
    title: "成果発表会",
    status: "scheduled",
    channelId: null,
    scheduledEventId: null,
    agendaChannelId: "announcements",
    agendaMessageId: null,
    liveChannelId: null,
    liveMessageId: null,
    timing: {
      startsAt: START,
      slotMinutes: 10,
      qaMinutes: 3,
      bufferMinutes: 2,
      breakEvery: 0,
      breakMinutes: 0,
    },
    orderMethod: "allocation",
    seed: null,
    includeAll: true,
    currentOrder: null,
    delayMinutes: 0,
    startedAt: null,
    endedAt: null,
    slots: Array.from(
      { length: slots },
      (_, i): SlotRecord => ({
        id: `slot-${i}`,
        memberId: `m${i}`,
        allocationId: null,
        discordUserId: `${100000000000000000n + BigInt(i)}`,
        projectChannelId: null,
        order: i + 1,
        startsAt: new Date(START.getTime() + i * 12 * 60_000),
        minutes: 10,
        format: "live",
        status: "confirmed",
        startedAt: null,
        endedAt: null,
        fewerNotifications: false,
        locale: null,
      }),
    ),
  };
}

const both = [translator("ja"), translator("en")];
const size = (embeds: Array<{ title: string; description: string }>) =>
  embeds.reduce((sum, e) => sum + e.title.length + e.description.length, 0);

describe("agendaMessage", () => {
  it("GIVEN both languages THEN one embed in Japanese, then one in English", () => {
    const { embeds } = agendaMessage(both, session(3));
    expect(embeds).toHaveLength(2);
    expect(embeds[0]?.description).toMatch(/[\u3040-\u30ff]/);
    expect(embeds[1]?.description).not.toMatch(/[\u3040-\u30ff]/);
  });

  it("GIVEN a running order too long for both within Discord's 6000 characters THEN the first language alone", () => {
    const long = session(80);
    expect(size(agendaMessage([translator("ja")], long).embeds) * 2).toBeGreaterThan(6000);
    const { embeds } = agendaMessage(both, long);
    expect(embeds).toHaveLength(1);
    expect(size(embeds)).toBeLessThanOrEqual(6000);
  });
});
