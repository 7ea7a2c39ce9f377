import { describe, expect, it } from "vitest";
import { SUPPORTED_LOCALES } from "../../../src/config/env.ts";
import { interpolate, type MessageValue, placeholdersOf } from "../../../src/i18n/catalogue.ts";
import { en } from "../../../src/i18n/locales/en.ts";
import { ja } from "../../../src/i18n/locales/ja.ts";

// Renders every message of both catalogues with sample variables, the way `t` does, and looks
// for what must never reach a user: a placeholder left over, `undefined`, `null`, `NaN`, or a
// lone `-` standing in for a value. Messages with a count are rendered with 0, 1 and 2.

const catalogues = { ja, en } satisfies Record<(typeof SUPPORTED_LOCALES)[number], Record<string, string>>;

/** Variables that hold a number (a count, a limit, a position …): rendered as 0, 1 and 2. */
const NUMBERS = new Set([
  "threshold",
  "mood",
  "mean",
  "rated",
  "reached",
  "current",
  "withdrawn",
  "fromMin",
  "fromMax",
  "teams",
  "reports",
  "titleMax",
  "questionMax",

  "absent",
  "adding",
  "allocated",
  "allocations",
  "available",
  "channels",
  "clients",
  "consenting",
  "count",
  "created",
  "damaged",
  "days",
  "deleted",
  "done",
  "estimated",
  "existing",
  "extended",
  "hours",
  "internLevel",
  "interns",
  "late",
  "level",
  "limit",
  "line",
  "max",
  "maxFileMb",
  "members",
  "milestones",
  "min",
  "minutes",
  "n",
  "notified",
  "number",
  "optimum",
  "page",
  "pages",
  "percent",
  "position",
  "present",
  "qa",
  "rank",
  "replanned",
  "score",
  "size",
  "staff",
  "submitted",
  "total",
  "unchanged",
  "unreviewed",
  "updated",
  "version",
]);

/** Variables that hold text, with a realistic sample. */
const TEXTS: Record<string, string> = {
  project: "To-do app",
  counts: "silent 2 · no check-in 1",
  last: "<t:1767225600:D>",
  basis: "their own rhythm",
  since: "<t:1767225600:f>",
  moods: "2, 1",
  text: "Call on Monday",
  today: "2026-04-01",
  phase: "before",
  opens: "<t:1767225600:D>",
  closes: "<t:1767225600:D>",
  values: "3 → 4",
  serial: "TKN-2026-123456",
  intern: "<@123>",
  team: "Owls",
  by: "<@456>",
  weekday: "Monday",
  zone: "Asia/Tokyo",
  delivery: "DM",
  tags: "Setup, Git",
  asker: "<@123>",
  holder: "<@456>",
  link: "https://discord.com/channels/1/2/3",
  tag: "Setup",

  agency: "Sakura Support",
  allowed: "pdf, zip",
  at: "<t:1767225600:f>",
  channel: "<#100>",
  comment: "Good work",
  date: "2026-04-01",
  deadline: "<t:1767225600:f>",
  detail: "line 3",
  en: "Code quality",
  end: "<t:1767225600:t>",
  ends: "<t:1767225600:D>",
  entry: "TypeScript",
  errorId: "E-7F3A",
  excluded: "yes",
  field: "title_ja",
  file: "library.csv",
  folder: "/srv/export",
  filter: "late",
  flags: " 🔒",
  format: "slides",
  from: "<t:1767225600:f>",
  hash: "ab12cd34",
  interest: "design",
  issues: "• line 2: title_ja is missing",
  item: "2",
  ja: "コードの品質",
  key: "todo-app",
  kind: "Kick-off",
  label: "Code quality",
  list: "Ann, Ben",
  missing: "#questions",
  mode: "Internship",
  name: "Spring 2026",
  note: "Thanks",
  option: "start",
  other: "Ben",
  permissions: "Manage Roles",
  plan: "3 slots",
  problems: "• roles: name is missing",
  programme: "Spring 2026",
  reason: "I was ill",
  reasons: "• Your choice no. 1",
  relative: "<t:1767225600:R>",
  released: "released",
  reminders: "24, 1",
  reserved: "no",
  role: "mentor",
  setting: "swap window",
  skill: "TypeScript",
  stage: "Working",
  start: "<t:1767225600:t>",
  starts: "<t:1767225600:D>",
  status: "active",
  thread: "<#200>",
  time: "<t:1767225600:t>",
  timeZone: "Asia/Tokyo",
  title: "To-do app",
  to: "<t:1767225600:f>",
  type: "pdf",
  types: "pdf, zip",
  until: "<t:1767225600:f>",
  url: "https://example.com/work",
  user: "<@123>",
  users: "<@123>, <@456>",
  value: "abc",
  welcome: "<#300>",
  what: "the intern role",
};

function render(locale: keyof typeof catalogues, key: string, count: number): string {
  const message = catalogues[locale][key as keyof typeof ja];
  const vars: Record<string, MessageValue> = {};
  for (const name of placeholdersOf(message)) {
    vars[name] = NUMBERS.has(name) ? count : (TEXTS[name] ?? `(unclassified variable ${name})`);
  }
  return interpolate(message, vars, locale);
}

const keys = Object.keys(ja);
const countKeys = keys.filter((key) =>
  placeholdersOf(ja[key as keyof typeof ja]).some((v) => NUMBERS.has(v)),
);

describe("rendering every message", () => {
  it("GIVEN every variable in the catalogue THEN the test knows whether it is a number or text", () => {
    const names = new Set(keys.flatMap((key) => placeholdersOf(ja[key as keyof typeof ja])));
    const unclassified = [...names].filter((name) => !NUMBERS.has(name) && !(name in TEXTS));
    // A new variable: add it to NUMBERS or TEXTS above.
    expect(unclassified).toEqual([]);
  });

  it.each(keys.flatMap((key) => SUPPORTED_LOCALES.map((locale) => [locale, key] as const)))(
    "GIVEN %s %s with sample variables THEN no placeholder, undefined, null, NaN or lone - is shown",
    (locale, key) => {
      for (const count of [0, 1, 2]) {
        const text = render(locale, key, count);
        expect(text).not.toMatch(/[{}]/);
        expect(text).not.toMatch(/\b(undefined|null|NaN)\b/);
        expect(text).not.toMatch(/(^|[\s(（:：])-([\s)）]|$)/);
      }
    },
  );
});

describe("messages with a count", () => {
  it("GIVEN the catalogue THEN the English messages with a count use plural forms", () => {
    expect(
      countKeys.filter((key) => en[key as keyof typeof en].includes(", plural,")).length,
    ).toBeGreaterThan(25);
  });

  it.each(countKeys)("GIVEN %s rendered for 0, 1 and 2 THEN the English reads right for each", (key) => {
    const [zero, one, two] = [0, 1, 2].map((count) => render("en", key, count));
    for (const locale of SUPPORTED_LOCALES) {
      for (const count of [0, 1, 2]) expect(render(locale, key, count)).toContain(String(count));
    }
    // "1 problems", "1 new versions", "1 interns were": a plural noun or verb after the number one.
    expect(one).not.toMatch(/\b1 (?:new |more |\*\* )?(?!is\b|was\b|has\b)[a-z]+s\b/);
    expect(one).not.toMatch(/\b1 [a-z]+ (?:are|were|have)\b/);
    // "0 problem", "2 interns was": a singular noun or verb after a number other than one.
    for (const text of [zero, two]) {
      expect(text).not.toMatch(
        /\b[02] (?:new |more )?(?:problem|intern|day|hour|character|criterion|file|slot|client|member|channel|milestone|allocation|agency|version)\b/,
      );
      expect(text).not.toMatch(/\b[02] [a-z]+ (?:is|was|has)\b/);
    }
  });
});
