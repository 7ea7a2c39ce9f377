import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiMessage } from "../../../scripts/harness/fake-discord/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { createLibraryRepository } from "../../../src/db/repositories/library.ts";
import { parseLibrary } from "../../../src/domain/library/parse.ts";
import { addIntern, customIds, openProgramme } from "./harness.ts";

const LIBRARY = `
- { id: only-one, title: { ja: 人気の課題, en: The popular one }, brief: b, skills: [typescript], level: 2, estimated_hours: 10 }
- { id: second, title: { ja: 二番目, en: The second one }, brief: b, skills: [go], level: 4, estimated_hours: 40 }
`;

describe("self-service claims through Discord", () => {
  let bot: TestBot;
  let db: Database;
  let programmeId: string;
  const interns: string[] = [];

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    db = bot.db as Database;
    programmeId = await openProgramme(bot, {
      name: "claims",
      mode: "hackathon",
      days: 14,
      selfService: true,
    });
    const parsed = parseLibrary([{ path: "l.yaml", content: LIBRARY }]);
    await createLibraryRepository(db).importEntries(bot.fake.guild.id, parsed.entries, {
      actorUserId: "1",
      source: "t",
    });
    for (const name of ["rin", "sam", "tao"]) {
      const user = bot.fake.addMember({ username: name }).user.id;
      interns.push(user);
      await addIntern(db, programmeId, user, { name, hours: 5 });
    }
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN an intern ranking wishes THEN autocomplete finds titles AND the wishes are saved", async () => {
    const choices = await bot.fake
      .autocomplete({
        name: "project",
        subcommand: "preferences",
        focused: "first",
        user: interns[0]!,
        options: { first: "popular" },
      })
      .choices();
    expect(choices.map((c) => c.name)).toEqual(["The popular one"]);
    const saved = await bot.fake
      .sendSlashCommand({
        name: "project",
        subcommand: "preferences",
        user: interns[0]!,
        options: { first: String(choices[0]!.value), second: "second" },
      })
      .finalReply();
    expect(saved.content).toBe("Saved your wishes: 1. The popular one / 2. The second one");
  });

  it("GIVEN two interns clicking the same assignment at the same instant THEN exactly one gets it AND the other is offered the next", async () => {
    const [a, b] = await Promise.all(
      interns
        .slice(0, 2)
        .map((user) =>
          bot.fake.sendSlashCommand({ name: "project", subcommand: "claim", user }).finalReply(),
        ),
    );
    const first = (m: ApiMessage) => customIds(m)[0]!;
    expect(first(a!)).toBe(first(b!));
    const [ra, rb] = await Promise.all([
      bot.fake.clickButton({ message: a!, customId: first(a!), user: interns[0]! }).finalReply(),
      bot.fake.clickButton({ message: b!, customId: first(b!), user: interns[1]! }).finalReply(),
    ]);
    const replies = [ra!.content, rb!.content].sort();
    expect(replies[0]).toContain("Just missed it: “The popular one” went to someone else");
    expect(replies[1]).toBe(
      "🎉 “The popular one” is now your project. I posted the brief in your project thread.",
    );
    const live = await db.allocation.count({ where: { programmeId, live: "active" } });
    expect(live).toBe(1);

    const loser = [ra, rb].find((r) => r!.content?.startsWith("Just missed"))!;
    const loserUser = loser === ra ? interns[0]! : interns[1]!;
    const next = await bot.fake
      .clickButton({ message: loser, customId: customIds(loser)[0]!, user: loserUser })
      .finalReply();
    expect(next.content).toBe(
      "🎉 “The second one” is now your project. I posted the brief in your project thread.",
    );
  });

  it("GIVEN nothing is left THEN the third intern gets a friendly answer, not an error", async () => {
    const reply = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user: interns[2]!, locale: "ja" })
      .finalReply();
    expect(reply.content).toBe("いま選べる課題が残っていません。運営に声をかけてください。");
  });
});
