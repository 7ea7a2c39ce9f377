import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import { t } from "../../../src/i18n/translate.ts";
import { MANAGE_GUILD, type ProgramBot, settledReply, startProgramBot } from "./harness.ts";

const NAME = "2030 春インターン";

/** Issue 10, item 5: overlapping calls create each Discord object and row once. */
describe("overlapping /program open and /program staff add hold the per-server lease", () => {
  let programBot: ProgramBot;
  let bot: TestBot;

  beforeAll(async () => {
    programBot = await startProgramBot();
    ({ bot } = programBot);
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await programBot?.close();
  });

  const open = (locale: "ja" | "en") =>
    bot.fake.sendSlashCommand({
      name: "program",
      subcommand: "open",
      options: { name: NAME, start: "2030-04-01", end: "2030-06-30" },
      memberPermissions: MANAGE_GUILD,
      locale,
    });
  const creates = (since: number, route: string) =>
    bot.fake.requests.slice(since).filter((r) => r.route === route).length;

  it("GIVEN three /program open at once THEN one builds the workspace once and the others are told it is under way, in their language; the lease is free afterwards", async () => {
    const before = bot.fake.requests.length;
    const handles = [open("ja"), open("en"), open("ja")];
    const replies = await Promise.all(handles.map((h) => settledReply(bot, h)));
    const busy = replies.filter(
      (r) => r.content === t("ja", "error.busy") || r.content === t("en", "error.busy"),
    );
    expect(busy).toHaveLength(2);
    expect(replies.filter((r) => r.content?.includes(NAME))).toHaveLength(1);

    const { db } = programBot;
    expect(await db.programme.count()).toBe(1);
    expect(await db.auditLogEntry.count({ where: { action: "programme.open" } })).toBe(1);
    // Each object Discord was asked to create is one the database recorded: none left behind.
    const recorded = await db.discordResource.groupBy({ by: ["kind"], _count: true });
    const count = (kind: string) => recorded.find((r) => r.kind === kind)?._count ?? 0;
    expect(creates(before, "POST /guilds/{guild_id}/roles")).toBe(count("role"));
    const channels = recorded
      .filter((r) => r.kind === "category" || r.kind.endsWith("_channel"))
      .reduce((sum, r) => sum + r._count, 0);
    expect(creates(before, "POST /guilds/{guild_id}/channels")).toBe(channels);
    expect(await db.lease.count()).toBe(0);

    // Once the first has finished, running it again is the repair, and creates nothing.
    const again = bot.fake.requests.length;
    expect((await settledReply(bot, open("ja"))).content).toContain(NAME);
    expect(creates(again, "POST /guilds/{guild_id}/roles")).toBe(0);
    expect(creates(again, "POST /guilds/{guild_id}/channels")).toBe(0);
  });

  it("GIVEN two /program staff add for one mentor at once THEN the grant is audited once and the other caller is told it is under way or that it was done", async () => {
    const mentor = bot.fake.addMember({ username: "mentor-a" }).user;
    const add = () =>
      settledReply(
        bot,
        bot.fake.sendSlashCommand({
          name: "program",
          subcommandGroup: "staff",
          subcommand: "add",
          options: { user: mentor, role: "mentor" } as unknown as Record<string, string>,
          user: bot.fake.store.tester,
          locale: "en",
        }),
      );
    const replies = await Promise.all([add(), add()]);
    const added = t("en", "program.staff.added", {
      user: `<@${mentor.id}>`,
      role: t("en", "program.staff.role.mentor"),
    });
    const told = replies.map((r) => r.content);
    expect(told).toContain(added);
    for (const content of told)
      expect([
        added,
        t("en", "error.busy"),
        t("en", "program.staff.already", {
          user: `<@${mentor.id}>`,
          role: t("en", "program.staff.role.mentor"),
        }),
      ]).toContain(content);
    expect(bot.fake.member(mentor.id)?.roles).toHaveLength(1);
    const { db } = programBot;
    expect(await db.auditLogEntry.count({ where: { action: "program.staff.add" } })).toBe(1);
    expect(await db.lease.count()).toBe(0);
  });
});
