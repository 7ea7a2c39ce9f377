import { describe, expect, it } from "vitest";
import {
  checkPauseUntil,
  checkReportDate,
  localDateOf,
  parseClockTime,
  parseLocalDate,
  type ReminderFacts,
  reminderDue,
  reportDay,
} from "../../../../src/domain/operations/rules.ts";

const programme = { firstDay: "2026-04-01", lastDay: "2026-06-30", timeZone: "Asia/Tokyo" };
const jst = (iso: string) => new Date(`${iso}+09:00`);

const facts = (overrides: Partial<ReminderFacts> = {}): ReminderFacts => ({
  now: jst("2026-04-10T21:30:00"),
  programme,
  reminderTime: null,
  pausedUntil: null,
  fewerNotifications: false,
  checkedInToday: true,
  reportedToday: false,
  nudgeDays: [],
  ...overrides,
});

describe("local days and times", () => {
  it("GIVEN 23:59 and 00:00 in Tokyo THEN they fall on different local days whatever UTC says", () => {
    expect(localDateOf(jst("2026-04-10T23:59:00"), "Asia/Tokyo")).toBe("2026-04-10");
    expect(localDateOf(jst("2026-04-11T00:00:00"), "Asia/Tokyo")).toBe("2026-04-11");
    expect(localDateOf(jst("2026-04-11T00:00:00"), "UTC")).toBe("2026-04-10");
    expect(reportDay("yesterday", jst("2026-04-11T00:30:00"), "Asia/Tokyo")).toBe("2026-04-10");
  });

  it("GIVEN clock times THEN HH:mm and H:mm are accepted and normalised, anything else refused", () => {
    expect(parseClockTime("21:00")).toBe("21:00");
    expect(parseClockTime("9:05")).toBe("09:05");
    expect(parseClockTime(" 00:00 ")).toBe("00:00");
    for (const bad of ["24:00", "21:60", "2100", "21:0", "nine", ""]) expect(parseClockTime(bad)).toBeNull();
  });

  it("GIVEN dates THEN only real YYYY-MM-DD days parse", () => {
    expect(parseLocalDate("2026-04-30")).toBe("2026-04-30");
    for (const bad of ["2026-02-30", "2026-4-1", "20260401", "tomorrow"])
      expect(parseLocalDate(bad)).toBeNull();
  });
});

describe("which day a 日報 may be written for", () => {
  const now = jst("2026-04-02T00:10:00");
  it("GIVEN just after midnight THEN today and yesterday pass, two days back, tomorrow and before the programme do not", () => {
    expect(checkReportDate("2026-04-02", now, programme)).toEqual({ ok: true });
    expect(checkReportDate("2026-04-01", now, programme)).toEqual({ ok: true });
    expect(checkReportDate("2026-03-31", now, programme)).toEqual({ ok: false, problem: "tooOld" });
    expect(checkReportDate("2026-04-03", now, programme)).toEqual({ ok: false, problem: "future" });
    expect(checkReportDate("2026-03-31", jst("2026-04-01T09:00:00"), programme)).toEqual({
      ok: false,
      problem: "beforeProgramme",
    });
    expect(checkReportDate("2026-07-01", jst("2026-07-01T09:00:00"), programme)).toEqual({
      ok: false,
      problem: "afterProgramme",
    });
  });

  it("GIVEN a pause THEN it must be a real day from today up to the programme's last day", () => {
    const at = jst("2026-04-10T12:00:00");
    expect(checkPauseUntil("2026-04-10", at, programme)).toEqual({ ok: true, until: "2026-04-10" });
    expect(checkPauseUntil("2026-06-30", at, programme)).toEqual({ ok: true, until: "2026-06-30" });
    expect(checkPauseUntil("2026-07-01", at, programme)).toEqual({ ok: false, problem: "afterProgramme" });
    expect(checkPauseUntil("2026-04-09", at, programme)).toEqual({ ok: false, problem: "past" });
    expect(checkPauseUntil("next week", at, programme)).toEqual({ ok: false, problem: "format" });
  });
});

describe("reminderDue", () => {
  it("GIVEN a check-in without a report after 21:00 THEN a reminder is due for today; at 20:59 not yet", () => {
    expect(reminderDue(facts())).toEqual({ due: true, localDate: "2026-04-10" });
    expect(reminderDue(facts({ now: jst("2026-04-10T20:59:00") }))).toEqual({ due: false, reason: "notYet" });
    expect(reminderDue(facts({ now: jst("2026-04-10T23:59:00") }))).toEqual({
      due: true,
      localDate: "2026-04-10",
    });
  });

  it("GIVEN the intern's own time THEN it replaces the default; off means never", () => {
    expect(reminderDue(facts({ reminderTime: "22:00" }))).toEqual({ due: false, reason: "notYet" });
    expect(reminderDue(facts({ reminderTime: "18:30", now: jst("2026-04-10T18:30:00") })).due).toBe(true);
    expect(reminderDue(facts({ reminderTime: "off" }))).toEqual({ due: false, reason: "off" });
  });

  it("GIVEN no check-in, a report, or a nudge already today THEN nothing is due", () => {
    expect(reminderDue(facts({ checkedInToday: false }))).toEqual({ due: false, reason: "notCheckedIn" });
    expect(reminderDue(facts({ reportedToday: true }))).toEqual({ due: false, reason: "reported" });
    expect(reminderDue(facts({ nudgeDays: ["2026-04-10"] }))).toEqual({
      due: false,
      reason: "alreadyNudged",
    });
  });

  it("GIVEN a pause THEN nothing is due up to and including its last day, and again the day after", () => {
    expect(reminderDue(facts({ pausedUntil: "2026-04-10" }))).toEqual({ due: false, reason: "paused" });
    expect(reminderDue(facts({ pausedUntil: "2026-04-09" })).due).toBe(true);
  });

  it("GIVEN fewerNotifications THEN at most 2 in the 7 days ending today; an older nudge does not count", () => {
    const few = { fewerNotifications: true };
    expect(reminderDue(facts({ ...few, nudgeDays: ["2026-04-08"] })).due).toBe(true);
    expect(reminderDue(facts({ ...few, nudgeDays: ["2026-04-04", "2026-04-08"] }))).toEqual({
      due: false,
      reason: "weeklyCap",
    });
    expect(reminderDue(facts({ ...few, nudgeDays: ["2026-04-03", "2026-04-08"] })).due).toBe(true);
    // Without the accommodation a 2-days-a-week rhythm or a daily one is not capped.
    expect(reminderDue(facts({ nudgeDays: ["2026-04-04", "2026-04-08", "2026-04-09"] })).due).toBe(true);
  });

  it("GIVEN a day outside the programme THEN nothing is due", () => {
    expect(reminderDue(facts({ now: jst("2026-07-01T21:30:00") }))).toEqual({
      due: false,
      reason: "outsideProgramme",
    });
  });
});
