import "../../support/unhandled.ts";
import { Routes } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { MANAGE_GUILD, type ProgramBot, settledReply, startProgramBot } from "./harness.ts";

const SPRING = "2030 春インターン";
const AUTUMN = "2030 秋インターン";

describe("/program open writes all or nothing, and repairs the organiser's role", () => {
  let bot: TestBot;
  let db: Database;

  const settled = (handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>) => settledReply(bot, handle);

  function open(name: string) {
    return settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name, start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
  }

  function close() {
    return settled(bot.fake.sendSlashCommand({ name: "program", subcommand: "close", locale: "ja" }));
  }

  async function organiserRoleOf(name: string): Promise<string> {
    const programme = await db.programme.findFirstOrThrow({ where: { name } });
    const row = await db.discordResource.findUniqueOrThrow({
      where: { programmeId_key: { programmeId: programme.id, key: ResourceKeys.roles.organiser } },
    });
    return row.discordId;
  }

  const tester = () => bot.fake.store.tester.id;
  const rolePuts = (since: number) =>
    bot.fake.requests
      .slice(since)
      .filter((r) => r.route === "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}");

  let programBot: ProgramBot;

  beforeAll(async () => {
    programBot = await startProgramBot();
    ({ bot, db } = programBot);
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await programBot?.close();
  });

  it("GIVEN the opener lost the organiser role in Discord WHEN /program open runs again THEN they get it back; holding it, no request is made", async () => {
    expect((await open(SPRING)).content).toContain(SPRING);
    const role = await organiserRoleOf(SPRING);
    expect(bot.fake.member(tester())?.roles).toContain(role);

    await bot.client.rest.delete(Routes.guildMemberRole(bot.fake.guild.id, tester(), role));
    expect(bot.fake.member(tester())?.roles).not.toContain(role);

    const before = bot.fake.requests.length;
    expect((await open(SPRING)).content).toContain("新しく作成: 0 件");
    expect(bot.fake.member(tester())?.roles).toContain(role);
    expect(rolePuts(before)).toHaveLength(1);

    const again = bot.fake.requests.length;
    await open(SPRING);
    expect(rolePuts(again)).toEqual([]);
  });

  it("GIVEN a closed programme and an archived one WHEN /program open reuses the archived one's name THEN the name is refused and nothing changes", async () => {
    expect((await close()).content).toContain("読み取り専用");
    expect((await open(AUTUMN)).content).toContain(AUTUMN);
    expect((await close()).content).toContain("読み取り専用");
    const statuses = async () =>
      Object.fromEntries((await db.programme.findMany()).map((p) => [p.name, p.status]));
    expect(await statuses()).toEqual({ [SPRING]: "archived", [AUTUMN]: "closed" });
    const counts = async () => ({
      members: await db.member.count(),
      roles: await db.memberRole.count(),
      resources: await db.discordResource.count(),
      audit: await db.auditLogEntry.count(),
    });
    const countsBefore = await counts();

    const before = bot.fake.requests.length;
    const reply = await open(SPRING);
    expect(reply.content).toBe(t("ja", "error.constraint.programmeName"));
    // The closed programme was not archived by the failed command, and nothing was created.
    expect(await statuses()).toEqual({ [SPRING]: "archived", [AUTUMN]: "closed" });
    expect(await counts()).toEqual(countsBefore);
    expect(
      bot.fake.requests
        .slice(before)
        .filter((r) => r.method === "POST" && r.route.startsWith("POST /guilds/")),
    ).toEqual([]);
  });
});
