import "../../support/unhandled.ts";
import { DateTime } from "luxon";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import { CallbackType } from "../../../scripts/harness/fake-discord/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { pickButtonId } from "../../../src/discord/assignments/flows.ts";
import { endOfLocalDayAfter } from "../../../src/domain/programme/dates.ts";
import { t } from "../../../src/i18n/translate.ts";
import { addIntern, customIds, openProgramme } from "./harness.ts";

/** The allocation a swap option was computed from, read back from its button. */
function swapFrom(customId: string): string | null {
  const decoded = pickButtonId.decode(customId);
  if (!decoded.ok) throw new Error(`not a pick button: ${customId}`);
  return decoded.payload.from;
}

const LIBRARY = `
- { id: api, title: { ja: API を作る, en: Build an API }, brief: b, skills: [typescript], level: 2, estimated_hours: 20 }
- { id: bot, title: { ja: ボットを作る, en: Build a bot }, brief: b, skills: [typescript], level: 2, estimated_hours: 20 }
- { id: cli, title: { ja: CLI を作る, en: Build a CLI }, brief: b, skills: [typescript], level: 2, estimated_hours: 20 }
- { id: docs, title: { ja: ドキュメント, en: Write the docs }, brief: b, skills: [typescript], level: 2, estimated_hours: 20 }
- { id: etl, title: { ja: ETL を作る, en: Build an ETL }, brief: b, skills: [typescript], level: 2, estimated_hours: 20 }
`;

describe("a swap clicked after the intern's project changed", () => {
  let bot: TestBot;
  let db: Database;
  let programmeId: string;
  const users = { organiser: "", dana: "", eli: "" };

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    db = bot.db as Database;
    for (const name of Object.keys(users) as Array<keyof typeof users>) {
      users[name] = bot.fake.addMember({ username: name }).user.id;
    }
    programmeId = await openProgramme(bot, {
      name: "swaps",
      days: 30,
      selfService: true,
      organiser: users.organiser,
    });
    for (const name of ["dana", "eli"] as const) {
      // Eli stays "applied" (out of the organiser's batch) until their own test claims.
      await addIntern(db, programmeId, users[name], {
        name,
        onboarded: name === "dana",
        locale: name === "dana" ? "en" : "ja",
        projectChannelId: bot.fake.createChannel({ name: `project-${name}` }).id,
      });
    }
    const imported = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "import",
        user: users.organiser,
        options: { file: { filename: "library.yaml", content: LIBRARY } },
      })
      .finalReply();
    expect(imported.content).toBe("✅ Library imported: 5 new, 0 new versions, 0 unchanged.");
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  async function claimFirst(user: string, locale: "en-US" | "ja") {
    const options = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user, locale })
      .finalReply();
    const [first] = customIds(options);
    expect(swapFrom(first!)).toBeNull();
    await bot.fake.clickButton({ message: options, customId: first!, user, locale }).finalReply();
  }

  async function live(user: string) {
    return db.allocation.findFirst({
      where: { programmeId, live: "active", member: { discordUserId: user } },
      include: { assignmentVersion: true },
    });
  }

  async function swapsOf(user: string) {
    return db.allocation.count({ where: { programmeId, method: "swap", member: { discordUserId: user } } });
  }

  it("GIVEN swap options AND an organiser then reassigns the intern THEN the old option swaps nothing, says why AND offers options for the new project", async () => {
    await claimFirst(users.dana, "en-US");
    const claimed = await live(users.dana);
    const options = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "swap", user: users.dana, locale: "en-US" })
      .finalReply();
    const stale = customIds(options)[0]!;
    expect(swapFrom(stale)).toBe(claimed!.id);
    // The window ends at the end of the third local day after the claim, not to the minute.
    const { timeZone } = await db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    const until = endOfLocalDayAfter(claimed!.allocatedAt, 3, timeZone);
    expect(DateTime.fromJSDate(until, { zone: timeZone }).toFormat("HH:mm:ss")).toBe("23:59:59");
    expect(JSON.stringify(options)).toContain(`(until <t:${Math.floor(until.getTime() / 1000)}:f>)`);

    // The organiser takes the project back and allocates again (the batch may even hand out the
    // same assignment: it is a new allocation either way).
    const released = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "release",
        user: users.organiser,
        options: { user: users.dana },
      })
      .finalReply();
    expect(released.content).toContain("Released");
    const preview = await bot.fake
      .sendSlashCommand({ name: "assignments", subcommand: "allocate", user: users.organiser })
      .finalReply();
    const [confirm] = customIds(preview);
    const applied = await bot.fake
      .clickButton({ message: preview, customId: confirm!, user: users.organiser })
      .finalReply();
    expect(applied.content).toContain("Assigned projects to 1 intern");
    const reassigned = await live(users.dana);
    expect(reassigned!.id).not.toBe(claimed!.id);
    const title = reassigned!.assignmentVersion.titleEn!;

    const answer = await bot.fake
      .clickButton({ message: options, customId: stale, user: users.dana, locale: "en-US" })
      .finalReply();
    expect(answer.content).toContain(
      `Your project changed after these options were shown: it is now “${title}”. Nothing was swapped.`,
    );
    expect((await live(users.dana))!.id).toBe(reassigned!.id);
    expect(await swapsOf(users.dana)).toBe(0);

    // The fresh options are computed from the new project, and swap it.
    const fresh = customIds(answer);
    expect(fresh.length).toBeGreaterThan(0);
    expect(fresh.every((id) => swapFrom(id) === reassigned!.id)).toBe(true);
    const swapped = await bot.fake
      .clickButton({ message: answer, customId: fresh[0]!, user: users.dana, locale: "en-US" })
      .finalReply();
    expect(swapped.content).toMatch(new RegExp(`^🔁 Swapped “${title}” for “.+”`));
    expect(await swapsOf(users.dana)).toBe(1);
    const released2 = await db.allocation.findUniqueOrThrow({ where: { id: reassigned!.id } });
    expect(released2).toMatchObject({ live: null, releaseReason: "swapped" });
  });

  it("GIVEN swap options AND an organiser then releases the project THEN the old option swaps nothing AND the intern is told, in their language", async () => {
    await claimFirst(users.eli, "ja");
    const options = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "swap", user: users.eli, locale: "ja" })
      .finalReply();
    await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "release",
        user: users.organiser,
        options: { user: users.eli },
      })
      .finalReply();

    const click = bot.fake.clickButton({
      message: options,
      customId: customIds(options)[0]!,
      user: users.eli,
      locale: "ja",
    });
    const refusal = await click.followUp();
    expect(refusal.content).toBe(t("ja", "project.swap.none"));
    expect(Number(refusal.flags ?? 0) & 64).toBe(64);
    // The options message itself is left as it was.
    expect(bot.fake.findInteractionMessage(options.id)?.content).toBe(options.content);
    expect(await live(users.eli)).toBeNull();
    expect(await swapsOf(users.eli)).toBe(0);
  });

  it("GIVEN an option button from before swaps carried their allocation (version 1) THEN the intern is politely told it is out of date AND nothing changes", async () => {
    const before = await db.allocation.count({ where: { programmeId } });
    // An answer of the bot's to click the hand-made old id on, as on a message sent before an upgrade.
    const message = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "view", user: users.dana, locale: "en-US" })
      .finalReply();
    const assignment = await db.assignment.findFirstOrThrow({ where: { key: "etl" } });
    const callback = await bot.fake
      .clickButton({
        message,
        customId: `prj-pick:v1:${JSON.stringify([assignment.id, true])}`,
        user: users.dana,
        locale: "en-US",
      })
      .response();
    expect(callback.type).toBe(CallbackType.ChannelMessageWithSource);
    expect(callback.data).toMatchObject({ content: t("en", "error.customId.stale"), flags: 64 });
    expect(await db.allocation.count({ where: { programmeId } })).toBe(before);
  });
});
