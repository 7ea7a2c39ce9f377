import { describe, expect, it } from "vitest";
import {
  effectiveDeadline,
  lateness,
  planReminders,
  reminderJobId,
} from "../../../../src/domain/submission/deadline.ts";
import {
  contentMatches,
  declaredFileProblem,
  extensionOf,
  maxFileBytes,
} from "../../../../src/domain/submission/files.ts";
import { linkProblem } from "../../../../src/domain/submission/links.ts";
import { manifestHash, manifestText, shortHash } from "../../../../src/domain/submission/manifest.ts";
import {
  DEFAULT_SUBMISSION_SETTINGS,
  submissionSettingsFrom,
} from "../../../../src/domain/submission/types.ts";
import { submissionView } from "../../../../src/domain/submission/visibility.ts";

const deadline = new Date("2026-06-28T09:00:00Z");
const H = 3_600_000;

describe("effective deadline", () => {
  const base = {
    programmeDeadline: deadline,
    extension: null,
    extendedDeadlines: false,
    accommodationExtensionHours: 48,
  };

  it("GIVEN no extension THEN the programme's submission_deadline milestone", () => {
    expect(effectiveDeadline(base)).toEqual({ at: deadline, source: "programme" });
  });

  it("GIVEN an organiser's extension THEN it wins, earlier or later, over the accommodation too", () => {
    const until = new Date("2026-06-27T00:00:00Z");
    expect(effectiveDeadline({ ...base, extendedDeadlines: true, extension: { until } })).toEqual({
      at: until,
      source: "extension",
    });
  });

  it("GIVEN the extended-deadlines accommodation THEN the programme's deadline plus the accommodation hours", () => {
    expect(effectiveDeadline({ ...base, extendedDeadlines: true })).toEqual({
      at: new Date(deadline.getTime() + 48 * H),
      source: "accommodation",
    });
    expect(
      effectiveDeadline({ ...base, extendedDeadlines: true, accommodationExtensionHours: 0 })?.source,
    ).toBe("programme");
  });

  it("GIVEN no milestone and no extension THEN no deadline", () => {
    expect(effectiveDeadline({ ...base, programmeDeadline: null })).toBeNull();
  });
});

describe("lateness", () => {
  it("GIVEN a hand-in exactly on the deadline THEN on time; one millisecond later THEN late by 0 h 1 min", () => {
    expect(lateness(deadline, deadline)).toEqual({ late: false });
    expect(lateness(new Date(deadline.getTime() + 1), deadline)).toEqual({
      late: true,
      hours: 0,
      minutes: 1,
    });
  });

  it("GIVEN 2 h 5 min past THEN late by 2 h 5 min; 2 h 4 min 1 s THEN rounded up to 2 h 5 min", () => {
    expect(lateness(new Date(deadline.getTime() + 125 * 60_000), deadline)).toEqual({
      late: true,
      hours: 2,
      minutes: 5,
    });
    expect(lateness(new Date(deadline.getTime() + 124 * 60_000 + 1000), deadline)).toEqual({
      late: true,
      hours: 2,
      minutes: 5,
    });
  });

  it("GIVEN no deadline THEN never late", () => {
    expect(lateness(new Date("2030-01-01T00:00:00Z"), null)).toEqual({ late: false });
  });
});

describe("reminder plan", () => {
  const offsets = [72, 24, 3];

  it("GIVEN a deadline 4 days ahead THEN 72, 24 and 3 h reminders, soonest first", () => {
    const plan = planReminders({
      deadline,
      offsetsHours: offsets,
      fewerNotifications: false,
      now: new Date(deadline.getTime() - 96 * H),
    });
    expect(plan.map((r) => r.offsetHours)).toEqual([72, 24, 3]);
    expect(plan[0]?.dueAt).toEqual(new Date(deadline.getTime() - 72 * H));
  });

  it("GIVEN fewer notifications THEN only the 24 h reminder", () => {
    const plan = planReminders({
      deadline,
      offsetsHours: offsets,
      fewerNotifications: true,
      now: new Date(deadline.getTime() - 96 * H),
    });
    expect(plan.map((r) => r.offsetHours)).toEqual([24]);
  });

  it("GIVEN 30 h to go THEN the past 72 h one is left out, unless it came due since `includeDueSince`", () => {
    const now = new Date(deadline.getTime() - 30 * H);
    expect(
      planReminders({ deadline, offsetsHours: offsets, fewerNotifications: false, now }).map(
        (r) => r.offsetHours,
      ),
    ).toEqual([24, 3]);
    const since = new Date(now.getTime() - 50 * H);
    expect(
      planReminders({
        deadline,
        offsetsHours: offsets,
        fewerNotifications: false,
        now,
        includeDueSince: since,
      }).map((r) => r.offsetHours),
    ).toEqual([72, 24, 3]);
    const tooLate = new Date(now.getTime() - 1 * H);
    expect(
      planReminders({
        deadline,
        offsetsHours: offsets,
        fewerNotifications: false,
        now,
        includeDueSince: tooLate,
      }),
    ).toHaveLength(2);
  });

  it("GIVEN the deadline passed THEN nothing", () => {
    expect(
      planReminders({ deadline, offsetsHours: offsets, fewerNotifications: false, now: deadline }),
    ).toEqual([]);
  });

  it("GIVEN a member, offset and deadline THEN the job id the issue names, in epoch seconds", () => {
    expect(reminderJobId("m1", 24, deadline)).toBe(`submission-reminder-m1-24-${deadline.getTime() / 1000}`);
  });
});

describe("manifest hash", () => {
  const input = {
    userId: "300000000000000010",
    number: 2,
    submittedAt: deadline,
    links: [{ label: "repository" as const, url: "https://github.com/a/b" }],
    note: "done",
    files: [{ name: "a.pdf", size: 10, sha256: "ab".repeat(32) }],
  };

  it("GIVEN the same version THEN the same hash; any change THEN another; the receipt shows 10 hex digits", () => {
    const hash = manifestHash(input);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(manifestHash({ ...input })).toBe(hash);
    expect(manifestHash({ ...input, number: 3 })).not.toBe(hash);
    expect(manifestHash({ ...input, note: null })).not.toBe(hash);
    expect(
      manifestHash({ ...input, files: [{ name: "a.pdf", size: 10, sha256: "cd".repeat(32) }] }),
    ).not.toBe(hash);
    expect(shortHash(hash)).toBe(hash.slice(0, 10));
    expect(JSON.parse(manifestText(input))).toMatchObject({ v: 1, version: 2, at: deadline.toISOString() });
  });
});

describe("links", () => {
  it.each([
    ["https://github.com/a/b", null],
    ["http://localhost:3000/demo", null],
    ["ftp://example.com/x", "not_http"],
    ["javascript:alert(1)", "not_http"],
    ["https://user:token@github.com/a/b", "credentials"],
    ["https://token@github.com/a/b", "credentials"],
    ["not a url", "invalid"],
    [`https://example.com/${"a".repeat(600)}`, "too_long"],
  ])("GIVEN %s THEN %s", (url, problem) => {
    expect(linkProblem(url)).toBe(problem);
  });
});

describe("files", () => {
  const settings = DEFAULT_SUBMISSION_SETTINGS;
  const pdf = Buffer.from("%PDF-1.7\n...");
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);

  it("GIVEN a declared size over the cap or an unlisted extension THEN refused before any download", () => {
    expect(declaredFileProblem({ name: "a.pdf", size: maxFileBytes(settings) + 1 }, settings)).toEqual({
      problem: "too_large",
      maxMb: 25,
    });
    expect(declaredFileProblem({ name: "a.exe", size: 10 }, settings)?.problem).toBe("type");
    expect(declaredFileProblem({ name: "noext", size: 10 }, settings)?.problem).toBe("type");
    expect(declaredFileProblem({ name: "a.PDF", size: 10 }, settings)).toBeNull();
    expect(declaredFileProblem({ name: "a.pdf", size: 10 }, { ...settings, allowedTypes: ["zip"] })).toEqual({
      problem: "type",
      allowed: "zip",
    });
  });

  it("GIVEN content THEN its type is confirmed by its first bytes, and a renamed binary is refused", () => {
    expect(extensionOf("Report.Final.PDF")).toBe("pdf");
    expect(contentMatches("pdf", pdf)).toBe(true);
    expect(contentMatches("png", png)).toBe(true);
    expect(contentMatches("pdf", png)).toBe(false);
    expect(contentMatches("zip", Buffer.from("PK\x03\x04rest"))).toBe(true);
    expect(contentMatches("docx", Buffer.from("PK\x03\x04rest"))).toBe(true);
    expect(contentMatches("md", Buffer.from("# Title\nhello"))).toBe(true);
    expect(contentMatches("txt", Buffer.from([0x41, 0x00, 0x42]))).toBe(false);
    expect(contentMatches("webp", Buffer.from("RIFF\0\0\0\0WEBPVP8 "))).toBe(true);
    expect(contentMatches("webp", Buffer.from("RIFF\0\0\0\0WAVEfmt "))).toBe(false);
    expect(contentMatches("exe", pdf)).toBe(false);
  });
});

describe("settings and visibility", () => {
  it("GIVEN stored settings THEN missing fields take defaults, and a stale shape falls back to the defaults", () => {
    expect(submissionSettingsFrom(null)).toEqual(DEFAULT_SUBMISSION_SETTINGS);
    expect(submissionSettingsFrom({ maxFileMb: 5 })).toEqual({
      ...DEFAULT_SUBMISSION_SETTINGS,
      maxFileMb: 5,
    });
    expect(submissionSettingsFrom({ maxFileMb: "big" })).toEqual(DEFAULT_SUBMISSION_SETTINGS);
  });

  it("GIVEN agency staff THEN only a consenting client of their own agency is visible, and only as `agency`", () => {
    const staff = { userId: "s", roles: new Set(["agency_staff"] as const), agencyIds: new Set(["a1"]) };
    expect(submissionView(staff, { discordUserId: "i", agencyId: "a1", agencyConsent: true })).toBe("agency");
    expect(submissionView(staff, { discordUserId: "i", agencyId: "a1", agencyConsent: false })).toBe("none");
    expect(submissionView(staff, { discordUserId: "i", agencyId: "a2", agencyConsent: true })).toBe("none");
    const intern = { userId: "i2", roles: new Set(["intern"] as const), agencyIds: new Set<string>() };
    expect(submissionView(intern, { discordUserId: "i", agencyId: null, agencyConsent: false })).toBe("none");
    expect(submissionView(intern, { discordUserId: "i2", agencyId: null, agencyConsent: false })).toBe(
      "full",
    );
  });
});
