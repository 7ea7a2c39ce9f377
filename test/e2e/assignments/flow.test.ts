import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { addIntern, customIds, openProgramme } from "./harness.ts";

interface Embed {
  title?: string;
  description?: string;
}

function embedOf(message: { embeds?: unknown[] }): Embed {
  return (message.embeds?.[0] ?? {}) as Embed;
}

const LIBRARY = `
- id: todo-api
  title: { ja: TODO API を作る, en: Build a TODO API }
  brief: Build a TODO API with tests.
  skills: [typescript, sql]
  level: 2
  estimated_hours: 20
  links: ["Spec|https://example.com/todo"]
- id: landing-page
  title: { ja: ランディングページ, en: Landing page }
  brief: Build an accessible landing page.
  skills: [html, css]
  tags: [accessibility]
  level: 1
  estimated_hours: 15
- id: data-report
  title: { ja: データレポート, en: Data report }
  brief: Analyse a CSV and write a report.
  skills: [python]
  level: 3
  estimated_hours: 25
- id: chat-bot
  title: { ja: チャットボット, en: Chat bot }
  brief: A Discord bot.
  skills: [typescript]
  level: 2
  estimated_hours: 20
- id: live-round
  title: { ja: 採用中の課題, en: Live recruitment task }
  brief: Still used in recruitment.
  skills: [typescript]
  level: 2
  estimated_hours: 20
  status: active-in-recruitment
`;

describe("assignments end to end: import → allocate → claim → swap → withdraw", () => {
  let bot: TestBot;
  let db: Database;
  let programmeId: string;
  const users: Record<"organiser" | "aiko" | "ben" | "chen", string> = {
    organiser: "",
    aiko: "",
    ben: "",
    chen: "",
  };
  const threads: Record<string, string> = {};

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    db = bot.db as Database;
    for (const name of Object.keys(users) as Array<keyof typeof users>) {
      users[name] = bot.fake.addMember({ username: name }).user.id;
    }
    programmeId = await openProgramme(bot, { name: "2026 春インターン", organiser: users.organiser });
    const profiles = {
      aiko: { skills: [{ name: "typescript", level: 3 }], interests: ["api"], hours: 10 },
      ben: { skills: [{ name: "html", level: 1 }], interests: ["accessibility"], hours: 8 },
      chen: { skills: [{ name: "python", level: 3 }], interests: [], hours: 12 },
    };
    for (const name of ["aiko", "ben", "chen"] as const) {
      const thread = bot.fake.createChannel({ name: `project-${name}` });
      threads[name] = thread.id;
      await addIntern(db, programmeId, users[name], {
        name,
        ...profiles[name],
        locale: name === "aiko" ? "ja" : "en",
        onboarded: true,
        ...(name === "chen" ? {} : { projectChannelId: thread.id }),
      });
    }
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN a CSV with a broken quote THEN the organiser gets a localised error naming the line AND nothing is imported", async () => {
    const reply = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "import",
        user: users.organiser,
        locale: "ja",
        options: {
          file: {
            filename: "lib.csv",
            content: 'id,title_ja,brief,level,estimated_hours\nx,"broken,b,1,2\n',
          },
        },
      })
      .finalReply();
    expect(reply.content).toContain("取り込みませんでした");
    expect(reply.content).toContain("lib.csv 2 行目");
    expect(await db.assignment.count()).toBe(0);
  });

  it("GIVEN a 50 MB attachment THEN it is refused by its declared size AND never downloaded", async () => {
    const handle = bot.fake.sendSlashCommand({
      name: "assignments",
      subcommand: "import",
      user: users.organiser,
      options: { file: { filename: "huge.zip", content: Buffer.alloc(50 * 1024 * 1024) } },
    });
    const reply = await handle.finalReply();
    expect(reply.content).toContain("too large (50 MB)");
    expect(await db.assignment.count()).toBe(0);
  });

  it("GIVEN a YAML library THEN it imports AND re-importing it changes nothing", async () => {
    const send = () =>
      bot.fake
        .sendSlashCommand({
          name: "assignments",
          subcommand: "import",
          user: users.organiser,
          options: { file: { filename: "library.yaml", content: LIBRARY } },
        })
        .finalReply();
    expect((await send()).content).toBe("✅ Library imported: 5 new, 0 new versions, 0 unchanged.");
    expect((await send()).content).toBe("✅ Library imported: 0 new, 0 new versions, 5 unchanged.");
  });

  it("GIVEN onboarded interns THEN the batch preview shows who gets what and why, AND Confirm applies it and posts the briefs", async () => {
    // Chen is allocated later by self-service: keep them out of the batch.
    await db.member.updateMany({
      where: { programmeId, discordUserId: users.chen },
      data: { stage: "applied" },
    });
    const preview = await bot.fake
      .sendSlashCommand({ name: "assignments", subcommand: "allocate", user: users.organiser })
      .finalReply();
    const embed = embedOf(preview);
    expect(embed.title).toBe("Batch allocation preview");
    expect(embed.description).toContain("2 interns / 2 allocated");
    expect(embed.description).toContain("Against the exact optimum: 100.0%");
    expect(embed.description).toContain(`<@${users.aiko}> → **`);
    expect(embed.description).not.toContain("Live recruitment task");
    const [confirm] = customIds(preview);
    expect(confirm).toMatch(/^asg-confirm:v1:/);

    const applied = await bot.fake
      .clickButton({ message: preview, customId: confirm!, user: users.organiser })
      .finalReply();
    expect(applied.content).toContain("Assigned projects to 2 interns");
    const aikoBrief = bot.fake.messages(threads.aiko!).at(-1);
    expect(embedOf(aikoBrief ?? {}).title).toMatch(/^📘 あなたのプロジェクト: /);
    expect(aikoBrief?.content).toContain(`<@${users.aiko}>`);
    const benBrief = bot.fake.messages(threads.ben!).at(-1);
    expect(embedOf(benBrief ?? {}).title).toBe("📘 Your project: Landing page");
    const stages = await db.member.findMany({
      where: { programmeId, discordUserId: { in: [users.aiko, users.ben] } },
    });
    expect(stages.map((m) => m.stage)).toEqual(["working", "working"]);

    const again = await bot.fake
      .clickButton({ message: preview, customId: confirm!, user: users.organiser })
      .finalReply();
    expect(again.content).toBe("This preview has already been applied.");
  });

  it("GIVEN self-service is off THEN a claim is kindly refused; GIVEN it is on THEN the intern claims one of their best fits", async () => {
    await db.member.updateMany({
      where: { programmeId, discordUserId: users.chen },
      data: { stage: "onboarded" },
    });
    const refused = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user: users.chen })
      .finalReply();
    expect(refused.content).toBe(
      "In this programme the organisers allocate assignments. Please wait for yours.",
    );

    await db.programme.update({ where: { id: programmeId }, data: { selfServiceClaimEnabled: true } });
    const options = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user: users.chen })
      .finalReply();
    expect(embedOf(options).description).toContain("**1. Data report**");
    const [first] = customIds(options);
    const claimed = await bot.fake
      .clickButton({ message: options, customId: first!, user: users.chen })
      .finalReply();
    expect(claimed.content).toBe(
      "🎉 “Data report” is now your project. I posted the brief in your project thread.",
    );

    const twice = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user: users.chen })
      .finalReply();
    expect(twice.content).toBe("You're already working on “Data report”. See it with `/project view`.");
    const view = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "view", user: users.chen })
      .finalReply();
    expect(embedOf(view).title).toBe("📘 Your project: Data report");
  });

  it("GIVEN an allocated intern in the swap window THEN they swap once, AND a second swap is kindly refused", async () => {
    const options = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "swap", user: users.ben, locale: "en-US" })
      .finalReply();
    expect(options.content).toContain("Options to swap to");
    const [first] = customIds(options);
    const swapped = await bot.fake
      .clickButton({ message: options, customId: first!, user: users.ben })
      .finalReply();
    expect(swapped.content).toMatch(/^🔁 Swapped “Landing page” for “.+”/);
    expect(bot.fake.messages(threads.ben!)).toHaveLength(2);

    const again = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "swap", user: users.ben, locale: "ja" })
      .finalReply();
    expect(again.content).toBe(
      "交換はすでに一度使いました。困っていることがあれば、メンターや運営に相談してください。",
    );
  });

  it("GIVEN an intern withdraws after a kind confirmation THEN the assignment returns to the pool AND history is kept", async () => {
    const ask = await bot.fake
      .sendSlashCommand({ name: "withdraw", user: users.aiko, locale: "ja" })
      .finalReply();
    expect(ask.content).toContain("合わないと感じたら、やめることも大切な選択です");
    const yes = customIds(ask).find((id) => id.endsWith(",true]"));
    // A confirmation made for another programme, or before buttons carried one, changes nothing.
    for (const stale of [yes!.replace(programmeId, "other-programme"), "withdraw:v1:[true]"]) {
      const refused = await bot.fake
        .clickButton({ message: ask, customId: stale, user: users.aiko, locale: "en-US" })
        .finalReply();
      expect(refused.content).toContain("out of date");
      const still = await db.member.findFirstOrThrow({ where: { programmeId, discordUserId: users.aiko } });
      expect(still.stage).not.toBe("withdrawn");
    }
    const done = await bot.fake
      .clickButton({ message: ask, customId: yes!, user: users.aiko, locale: "ja" })
      .finalReply();
    expect(done.content).toContain("辞退を受け付けました");

    const member = await db.member.findFirstOrThrow({ where: { programmeId, discordUserId: users.aiko } });
    expect(member.stage).toBe("withdrawn");
    const history = await db.allocation.findMany({ where: { memberId: member.id } });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ live: null, releaseReason: "withdrawn" });

    const claim = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user: users.aiko })
      .finalReply();
    expect(claim.content).toContain("You have withdrawn from this programme");
  });

  it("GIVEN the organiser views the library THEN list, show (usage history) and release work", async () => {
    const list = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "list",
        user: users.organiser,
        options: { status: "retired" },
      })
      .finalReply();
    expect(embedOf(list).title).toBe("Assignment library (1–4 of 4)");
    const todo = await db.assignment.findFirstOrThrow({ where: { key: "todo-api" } });
    const choices = await bot.fake
      .autocomplete({
        name: "assignments",
        subcommand: "show",
        user: users.organiser,
        focused: "assignment",
        options: { assignment: "todo" },
      })
      .choices();
    expect(choices[0]).toEqual({ name: "Build a TODO API (todo-api)", value: todo.id });
    const show = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "show",
        user: users.organiser,
        options: { assignment: todo.id },
      })
      .finalReply();
    expect(JSON.stringify(show.embeds)).toContain("2026 春インターン");

    const released = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "release",
        user: users.organiser,
        options: { user: users.chen },
      })
      .finalReply();
    expect(released.content).toContain("Released “Data report”");
  });
});
