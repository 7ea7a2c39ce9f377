import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository, type Member } from "../../../src/db/repositories/members.ts";
import {
  createProgrammeRepository,
  type ProgrammeSettings,
} from "../../../src/db/repositories/programmes.ts";
import { t } from "../../../src/i18n/translate.ts";
import { customIds } from "../../support/components.ts";
import { MANAGE_GUILD, type ProgramBot, settledReply, startProgramBot } from "./harness.ts";

const NAME = "2030 春インターン";

const LIBRARY = `
- id: todo-api
  title: { ja: TODO API を作る, en: Build a TODO API }
  brief: Build a TODO API with tests.
  skills: [typescript, sql]
  level: 2
  estimated_hours: 20
- id: chat-bot
  title: { ja: チャットボット, en: Chat bot }
  brief: A Discord bot.
  skills: [typescript]
  level: 2
  estimated_hours: 20
`;

interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string }[];
}

const embedOf = (message: ApiMessage): Embed => (message.embeds?.[0] ?? {}) as Embed;

/** The settings as `/program settings` and `/program status` print them, per locale. */
function lines(locale: "ja" | "en", selfService: string, swapWindow: string): string {
  return [
    t(locale, "program.settings.line", {
      setting: t(locale, "program.settings.selfService"),
      value: selfService,
    }),
    t(locale, "program.settings.line", {
      setting: t(locale, "program.settings.swapWindow"),
      value: swapWindow,
    }),
    t(locale, "program.settings.line", {
      setting: t(locale, "program.settings.helpEscalate"),
      value: t(locale, "program.settings.hours", { hours: 4 }),
    }),
  ].join("\n");
}

describe("/program settings on the local Discord", () => {
  let programBot: ProgramBot;
  let bot: TestBot;
  let db: Database;
  let programmeId: string;
  /** The tester opened the programme, so they are its organiser. */
  let organiser: ApiUser;
  let intern: ApiUser;
  let internMember: Member;

  const settled = (handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>) => settledReply(bot, handle);

  function settings(
    options: Record<string, boolean | number> = {},
    as: { user?: ApiUser; locale?: string; memberPermissions?: string } = {},
  ) {
    return settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "settings",
        options,
        user: as.user ?? organiser,
        locale: as.locale ?? "ja",
        ...(as.memberPermissions ? { memberPermissions: as.memberPermissions } : {}),
      }),
    );
  }

  const project = (subcommand: "claim" | "swap", locale = "en-US") =>
    settled(bot.fake.sendSlashCommand({ name: "project", subcommand, user: intern, locale }));

  const stored = async (): Promise<ProgrammeSettings> =>
    (await createProgrammeRepository(db).get(programmeId))?.settings ?? {
      selfServiceClaimEnabled: false,
      swapWindowDays: -1,
      helpEscalateHours: -1,
    };

  const audited = async () =>
    (await createAuditRepository(db).recent(bot.fake.guild.id, { programmeId })).filter(
      (e) => e.action === "programme.settings",
    );

  beforeAll(async () => {
    programBot = await startProgramBot();
    ({ bot, db } = programBot);
    organiser = bot.fake.store.tester;
    const opened = await settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: NAME, start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
    expect(opened.content).toContain(NAME);
    const programme = await createProgrammeRepository(db).current(bot.fake.guild.id);
    if (!programme) throw new Error("no programme after /program open");
    programmeId = programme.id;

    // An intern as /join leaves them: onboarded, with a profile and a project thread.
    intern = bot.fake.addMember({ username: "aoi" }).user;
    const members = createMemberRepository(db);
    internMember = await members.join({ programmeId, discordUserId: intern.id, roles: ["intern"] });
    await members.moveStage(internMember.id, "onboarded", { actorUserId: null });
    await members.saveProfile(internMember.id, {
      displayName: "Aoi",
      skills: [{ name: "typescript", level: 2 }],
      interests: [],
      weeklyHoursAvailable: 10,
      preferredLocale: "en",
      accommodations: {
        notes: null,
        textOnlyPresentation: false,
        extendedDeadlines: false,
        fewerNotifications: false,
      },
    });
    await members.setProjectChannel(internMember.id, bot.fake.createChannel({ name: "project-aoi" }).id);

    const imported = await settled(
      bot.fake.sendSlashCommand({
        name: "assignments",
        subcommand: "import",
        options: { file: { filename: "library.yaml", content: LIBRARY } },
        user: organiser,
        locale: "ja",
      }),
    );
    expect(imported.content).toContain("新規 2 件");
  }, 60_000);

  afterEach(() => {
    bot.ctx.now = () => new Date();
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await programBot?.close();
  });

  it("GIVEN a new programme WHEN an organiser runs /program settings without options THEN the defaults are shown in their language and nothing is written", async () => {
    const ja = embedOf(await settings());
    expect(ja.title).toBe(t("ja", "program.settings.title", { name: NAME }));
    expect(ja.description).toBe(
      [
        lines("ja", "オフ", t("ja", "program.settings.days", { days: 3 })),
        // The attention list's settings (issue 14) follow, at their defaults.
        t("ja", "program.settings.line", {
          setting: t("ja", "attention.settings.silentDays"),
          value: t("ja", "attention.settings.days", { days: 3 }),
        }),
        t("ja", "program.settings.line", {
          setting: t("ja", "attention.settings.digestTime"),
          value: "09:00",
        }),
        t("ja", "program.settings.line", {
          setting: t("ja", "attention.settings.digestTo"),
          value: t("ja", "attention.settings.dm"),
        }),
        "",
        t("ja", "program.settings.howTo"),
      ].join("\n"),
    );
    const en = embedOf(await settings({}, { locale: "en-GB" }));
    expect(en.description).toContain(lines("en", "Off", "3 days"));
    expect(en.description).toContain("`/program settings`");
    expect(await stored()).toEqual({
      selfServiceClaimEnabled: false,
      swapWindowDays: 3,
      helpEscalateHours: 4,
    });
    expect(await audited()).toEqual([]);
  });

  it("GIVEN self-service is off THEN /project claim is refused", async () => {
    expect((await project("claim")).content).toBe(t("en", "project.claim.disabled"));
  });

  describe("GIVEN values outside 0–30 days or not whole days", () => {
    it.each([
      ["ja", { "swap-window-days": 31 }, "31", "交換期間は 0 〜 30 の整数"],
      ["en-US", { "swap-window-days": -1 }, "-1", "from 0 to 30 (0 = no swaps), not -1"],
      ["en-US", { "swap-window-days": 2.5 }, "2.5", "not 2.5"],
      ["ja", { "self-service": true, "swap-window-days": 1000 }, "1000", "「1000」は使えません"],
    ])(
      "GIVEN locale %s and %o THEN a localised message says why and nothing changes",
      async (locale, options, value, text) => {
        const reply = await settings(options, { locale });
        const lang = locale === "ja" ? "ja" : "en";
        expect(reply.content).toBe(t(lang, "program.settings.error.swapWindow", { max: 30, value }));
        expect(reply.content).toContain(text);
        expect(await stored()).toEqual({
          selfServiceClaimEnabled: false,
          swapWindowDays: 3,
          helpEscalateHours: 4,
        });
        expect(await audited()).toEqual([]);
      },
    );
  });

  it("GIVEN an intern, or a member with Manage Server who is not an organiser, WHEN they change the settings THEN the bot refuses and nothing changes", async () => {
    const fromIntern = await settings({ "self-service": true }, { user: intern, locale: "en-US" });
    expect(fromIntern.content).toBe(t("en", "error.access.organiser"));
    const admin = bot.fake.addMember({ username: "server-admin" }).user;
    const fromAdmin = await settings(
      { "swap-window-days": 10 },
      { user: admin, memberPermissions: MANAGE_GUILD },
    );
    expect(fromAdmin.content).toBe(t("ja", "error.access.organiser"));
    const look = await settings({}, { user: intern });
    expect(look.content).toBe(t("ja", "error.access.organiser"));
    expect(await stored()).toEqual({
      selfServiceClaimEnabled: false,
      swapWindowDays: 3,
      helpEscalateHours: 4,
    });
    expect(await audited()).toEqual([]);
  });

  it("GIVEN an organiser WHEN they turn self-service on and set 5 days THEN the reply shows old → new, it is audited, /program status shows it and the intern can claim", async () => {
    const reply = await settings({ "self-service": true, "swap-window-days": 5 }, { locale: "en-US" });
    expect(reply.content).toBe(
      [
        t("en", "program.settings.changed", { name: NAME }),
        t("en", "program.settings.change", {
          setting: t("en", "program.settings.selfService"),
          from: "Off",
          to: "On",
        }),
        t("en", "program.settings.change", {
          setting: t("en", "program.settings.swapWindow"),
          from: "3 days",
          to: "5 days",
        }),
        t("en", "program.settings.note.selfServiceOn"),
        t("en", "program.settings.note.swapWindow"),
      ].join("\n"),
    );
    expect(await stored()).toEqual({
      selfServiceClaimEnabled: true,
      swapWindowDays: 5,
      helpEscalateHours: 4,
    });
    expect(await audited()).toEqual([
      expect.objectContaining({
        actorUserId: organiser.id,
        target: `programme:${programmeId}`,
        data: {
          from: { selfServiceClaimEnabled: false, swapWindowDays: 3 },
          to: { selfServiceClaimEnabled: true, swapWindowDays: 5 },
        },
      }),
    ]);

    const status = embedOf(
      await settled(bot.fake.sendSlashCommand({ name: "program", subcommand: "status", locale: "ja" })),
    );
    expect(status.fields).toContainEqual({
      name: t("ja", "program.status.settings"),
      value: lines("ja", "オン", "5 日間"),
    });

    const offered = await project("claim");
    expect(embedOf(offered).title).toBe(t("en", "project.claim.title"));
    expect(customIds(offered).length).toBeGreaterThan(0);
  });

  it("GIVEN the same values again THEN nothing changes and nothing more is audited", async () => {
    const reply = await settings({ "self-service": true, "swap-window-days": 5 });
    expect(reply.content).toBe(t("ja", "program.settings.unchanged", { name: NAME }));
    expect(await audited()).toHaveLength(1);
  });

  it("GIVEN an intern who claimed a task an hour ago WHEN the window is set to 0 THEN /project swap is refused; back at 3 days THEN it offers options", async () => {
    const claimedAt = new Date();
    bot.ctx.now = () => claimedAt;
    const offered = await project("claim");
    const [first] = customIds(offered);
    const claimed = await bot.fake
      .clickButton({ message: offered, customId: first ?? "", user: intern })
      .finalReply();
    expect(claimed.content).toMatch(/^🎉/);
    expect(await createAllocationRepository(db).liveForMember(programmeId, internMember.id)).not.toBeNull();
    bot.ctx.now = () => new Date(claimedAt.getTime() + 60 * 60 * 1000);

    const none = await settings({ "swap-window-days": 0 }, { locale: "en-US" });
    expect(none.content).toContain(
      t("en", "program.settings.change", {
        setting: t("en", "program.settings.swapWindow"),
        from: "5 days",
        to: "No swaps",
      }),
    );
    expect(none.content).not.toContain(t("en", "program.settings.note.selfServiceOn"));
    expect((await project("swap")).content).toBe(t("en", "project.swap.off"));

    await settings({ "swap-window-days": 3 });
    expect((await project("swap")).content).toContain("Options to swap to");
    const entries = (await audited()).map((e) => e.data);
    expect(entries).toHaveLength(3);
    expect(entries).toEqual(
      expect.arrayContaining([
        { from: { swapWindowDays: 5 }, to: { swapWindowDays: 0 } },
        { from: { swapWindowDays: 0 }, to: { swapWindowDays: 3 } },
      ]),
    );
  });

  it("GIVEN self-service turned off THEN the reply says so and an intern without a task can't claim", async () => {
    const reply = await settings({ "self-service": false });
    expect(reply.content).toContain(t("ja", "program.settings.note.selfServiceOff"));
    expect(await stored()).toEqual({
      selfServiceClaimEnabled: false,
      swapWindowDays: 3,
      helpEscalateHours: 4,
    });
    const other = bot.fake.addMember({ username: "ren" }).user;
    const member = await createMemberRepository(db).join({
      programmeId,
      discordUserId: other.id,
      roles: ["intern"],
    });
    await createMemberRepository(db).moveStage(member.id, "onboarded", { actorUserId: null });
    const refused = await settled(
      bot.fake.sendSlashCommand({ name: "project", subcommand: "claim", user: other, locale: "ja" }),
    );
    expect(refused.content).toBe(t("ja", "project.claim.disabled"));
  });

  it("GIVEN a closed programme THEN its settings are shown but can't be changed", async () => {
    const closed = await settled(
      bot.fake.sendSlashCommand({ name: "program", subcommand: "close", locale: "ja" }),
    );
    expect(closed.content).toContain("読み取り専用");
    const refused = await settings({ "self-service": true }, { locale: "en-US" });
    expect(refused.content).toBe(t("en", "program.settings.error.closed"));
    expect(await stored()).toEqual({
      selfServiceClaimEnabled: false,
      swapWindowDays: 3,
      helpEscalateHours: 4,
    });
    expect(embedOf(await settings()).description).toContain(lines("ja", "オフ", "3 日間"));
    expect(await audited()).toHaveLength(4);
  });
});
