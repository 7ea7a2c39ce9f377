import { describe, expect, it } from "vitest";
import { parsePeriod } from "../../../src/domain/programme/dates.ts";
import { milestoneJobId, planTimeline } from "../../../src/domain/programme/timeline.ts";
import { DEFAULT_TEMPLATE } from "../../../src/domain/workspace/default-template.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { overwritesFor, P } from "../../../src/domain/workspace/permissions.ts";
import { checkLimits, planWorkspace, workspaceItems } from "../../../src/domain/workspace/plan.ts";
import { CHANNEL_TOPIC_MAX, pick, pickTopic } from "../../../src/domain/workspace/template.ts";

const items = workspaceItems(DEFAULT_TEMPLATE, { locales: ["en"], community: true });

describe("planWorkspace", () => {
  it("GIVEN nothing stored THEN everything is missing, roles first and the welcome message last", () => {
    const plan = planWorkspace(items, new Map(), () => true);
    expect(plan.present).toEqual([]);
    expect(plan.missing.map((i) => i.kind).slice(0, 4)).toEqual(["role", "role", "role", "role"]);
    expect(plan.missing.at(-1)?.key).toBe(ResourceKeys.welcomeMessage);
    expect(plan.missing).toHaveLength(18);
  });

  it("GIVEN every object stored and alive THEN nothing is missing", () => {
    const stored = new Map(items.map((i, n) => [i.key, String(n)]));
    expect(planWorkspace(items, stored, () => true).missing).toEqual([]);
  });

  it("GIVEN a stored channel that no longer exists THEN only it is missing", () => {
    const stored = new Map(items.map((i, n) => [i.key, String(n)]));
    const gone = stored.get(ResourceKeys.channels.staff);
    const plan = planWorkspace(items, stored, (id) => id !== gone);
    expect(plan.missing.map((i) => i.key)).toEqual([ResourceKeys.channels.staff]);
  });

  it("GIVEN the welcome channel is missing THEN the welcome message is missing with it", () => {
    const stored = new Map(items.map((i, n) => [i.key, String(n)]));
    const gone = stored.get(ResourceKeys.channels.handbook);
    const plan = planWorkspace(items, stored, (id) => id !== gone);
    expect(plan.missing.map((i) => i.key)).toEqual([
      ResourceKeys.channels.handbook,
      ResourceKeys.welcomeMessage,
    ]);
  });

  it("GIVEN a server without Community THEN announcement and stage channels become text and voice", () => {
    const plain = workspaceItems(DEFAULT_TEMPLATE, { locales: ["ja"], community: false });
    const types = Object.fromEntries(plain.flatMap((i) => (i.kind === "channel" ? [[i.key, i.type]] : [])));
    expect(types[ResourceKeys.channels.announcements]).toBe("text");
    expect(types[ResourceKeys.channels.presentations]).toBe("voice");
    expect(types[ResourceKeys.channels.questions]).toBe("forum");
  });

  it("GIVEN no pinned language (ja, en) THEN names are Japanese AND every topic says the Japanese line, then the English one", () => {
    const both = workspaceItems(DEFAULT_TEMPLATE, { locales: ["ja", "en"], community: true });
    const channels = both.flatMap((i) => (i.kind === "channel" ? [i] : []));
    const questions = channels.find((c) => c.key === ResourceKeys.channels.questions);
    const template = DEFAULT_TEMPLATE.categories.flatMap((c) => c.channels).find((c) => c.id === "questions");
    expect(questions?.name).toBe(pick(template?.name ?? "", "ja"));
    expect(questions?.topic).toBe(
      `${pick(template?.topic ?? "", "ja")}\n${pick(template?.topic ?? "", "en")}`,
    );
    for (const channel of channels.filter((c) => c.topic !== undefined)) {
      expect(channel.topic).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(channel.topic).toMatch(/[A-Za-z]{3,}/);
    }
  });

  it("GIVEN a topic said once (a plain string) or too long for Discord in both languages THEN it is said once, in the first language", () => {
    expect(pickTopic("Ask here", ["ja", "en"])).toBe("Ask here");
    const long = { ja: "あ".repeat(CHANNEL_TOPIC_MAX), en: "a".repeat(10) };
    expect(pickTopic(long, ["ja", "en"])).toBe(long.ja);
    expect(pickTopic({ ja: "質問", en: "Questions" }, ["en", "ja"])).toBe("Questions\n質問");
  });

  it("GIVEN a server near Discord's limits THEN the limit is reported before anything is created", () => {
    expect(checkLimits(items, { channelCount: 490, roleCount: 10 })).toMatchObject({
      limit: "channels",
      max: 500,
    });
    expect(checkLimits(items, { channelCount: 10, roleCount: 248 })).toMatchObject({
      limit: "roles",
      max: 250,
    });
    expect(checkLimits(items, { channelCount: 10, roleCount: 10 })).toBeNull();
  });
});

describe("overwritesFor", () => {
  const of = (preset: Parameters<typeof overwritesFor>[0], target: string, archived = false) =>
    overwritesFor(preset, { archived }).find((o) => o.target === target);

  it("GIVEN projects THEN interns write in threads but open none, observers see nothing, mentors manage threads", () => {
    expect((of("projects", "intern")?.allow ?? 0n) & P.SendMessagesInThreads).toBe(P.SendMessagesInThreads);
    expect((of("projects", "intern")?.deny ?? 0n) & (P.CreatePrivateThreads | P.CreatePublicThreads)).toBe(
      P.CreatePrivateThreads | P.CreatePublicThreads,
    );
    expect((of("projects", "agencyObserver")?.deny ?? 0n) & P.ViewChannel).toBe(P.ViewChannel);
    expect((of("projects", "mentor")?.allow ?? 0n) & P.ManageThreads).toBe(P.ManageThreads);
  });

  it("GIVEN an archived members channel THEN interns keep reading and lose writing", () => {
    const intern = of("members", "intern", true);
    expect((intern?.allow ?? 0n) & P.ViewChannel).toBe(P.ViewChannel);
    expect((intern?.deny ?? 0n) & P.SendMessages).toBe(P.SendMessages);
    expect(of("members", "mentor", true)).toEqual(of("members", "mentor"));
  });
});

describe("programme dates and timeline", () => {
  it("GIVEN dates in Tokyo THEN the period runs from local midnight to the end of the last day", () => {
    const parsed = parsePeriod({ start: "2026-04-01", end: "2026-06-30", timeZone: "Asia/Tokyo" });
    expect(parsed.ok && parsed.period.startsAt.toISOString()).toBe("2026-03-31T15:00:00.000Z");
    expect(parsed.ok && parsed.period.endsAt.toISOString()).toBe("2026-06-30T14:59:59.999Z");
  });

  it.each([
    [{ start: "2026-04-02", end: "2026-04-01", timeZone: "Asia/Tokyo" }, "order"],
    [{ start: "2026-02-30", end: "2026-04-01", timeZone: "Asia/Tokyo" }, "format"],
    [{ start: "2026-04-01", end: "2026-04-01", timeZone: "Asia/Nowhere" }, "timeZone"],
    [{ start: "2026-01-01", end: "2027-06-01", timeZone: "UTC" }, "tooLong"],
  ])("GIVEN %o THEN the problem is %s", (input, problem) => {
    expect(parsePeriod(input)).toMatchObject({ ok: false, problem });
  });

  it("GIVEN a European summer-time change THEN local times stay local", () => {
    const parsed = parsePeriod({ start: "2026-03-20", end: "2026-04-10", timeZone: "Europe/Berlin" });
    if (!parsed.ok) throw new Error("dates refused");
    const [kickoff, , , presentation] = planTimeline(parsed.period);
    expect(kickoff?.at.toISOString()).toBe("2026-03-20T09:00:00.000Z"); // 10:00 CET
    expect(presentation?.at.toISOString()).toBe("2026-04-10T12:00:00.000Z"); // 14:00 CEST
  });

  it("GIVEN a one-day hackathon THEN the milestones stay inside the day and in order", () => {
    const parsed = parsePeriod({ start: "2026-05-10", end: "2026-05-10", timeZone: "Asia/Tokyo" });
    if (!parsed.ok) throw new Error("dates refused");
    const times = planTimeline(parsed.period).map((m) => m.at.getTime());
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    for (const t of times) {
      expect(t).toBeGreaterThanOrEqual(parsed.period.startsAt.getTime());
      expect(t).toBeLessThanOrEqual(parsed.period.endsAt.getTime());
    }
  });

  it("GIVEN a milestone and a time THEN the job id is deterministic and changes with the time", () => {
    const at = new Date("2026-04-01T01:00:00Z");
    expect(milestoneJobId("m1", at)).toBe("milestone-m1-1775005200");
    expect(milestoneJobId("m1", new Date(at.getTime() + 60_000))).not.toBe(milestoneJobId("m1", at));
  });
});
