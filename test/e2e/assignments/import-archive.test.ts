import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { Database } from "../../../src/db/client.ts";
import { type TarEntrySpec, tarGzOf } from "../../support/tar.ts";
import { openProgramme } from "./harness.ts";

const task = (id: string, level: number | string = 2) =>
  `---\nid: ${id}\ntitle: { ja: 課題 ${id}, en: Task ${id} }\nlevel: ${level}\nestimated_hours: 10\nskills: [typescript]\n---\nBrief of ${id}.\n`;

const LIBRARY: TarEntrySpec[] = [
  { path: "library/", type: "Directory" },
  { path: "library/todo-api.md", content: task("todo-api") },
  { path: "library/web/landing-page.md", content: task("landing-page") },
  { path: "library/web/data-report.md", content: task("data-report") },
  { path: "library/README.txt", content: "not an assignment" },
];

describe("/assignments import with a .tar.gz attachment", () => {
  let bot: TestBot;
  let db: Database;
  let organiser = "";

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    db = bot.db as Database;
    organiser = bot.fake.addMember({ username: "organiser" }).user.id;
    await openProgramme(bot, { name: "2026 春インターン", organiser });
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  const upload = (filename: string, content: Uint8Array, locale: "ja" | "en" = "en") =>
    bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "import",
        user: organiser,
        locale,
        options: { file: { filename, content: Buffer.from(content) } },
      })
      .finalReply();

  it("GIVEN a truncated .tar.gz THEN the organiser is told in Japanese that it is incomplete AND nothing is imported", async () => {
    const gz = tarGzOf(LIBRARY);
    const reply = await upload("library.tar.gz", gz.subarray(0, gz.length - 40), "ja");
    expect(reply.content).toContain("取り込みませんでした");
    expect(reply.content).toContain("library.tar.gz: 圧縮ファイルが途中で切れています");
    expect(await db.assignment.count()).toBe(0);
  });

  it("GIVEN a .tar.gz with one bad file THEN the problem names the file inside the archive, its line and field AND nothing is imported", async () => {
    const reply = await upload(
      "library.tgz",
      tarGzOf([...LIBRARY, { path: "library/broken.md", content: task("broken", 9) }]),
    );
    expect(reply.content).toContain("library.tgz/library/broken.md line 4 (field `level`)");
    expect(await db.assignment.count()).toBe(0);
  });

  it("GIVEN a .tar.gz with a path leaving the archive THEN it is refused by name AND nothing is imported", async () => {
    const reply = await upload(
      "library.tar.gz",
      tarGzOf([...LIBRARY, { path: "../../outside.md", content: task("outside") }]),
    );
    expect(reply.content).toContain("outside its folder");
    expect(reply.content).toContain("../../outside.md");
    expect(await db.assignment.count()).toBe(0);
  });

  it("GIVEN a .tar.gz library THEN its Markdown files are imported AND re-importing it changes nothing", async () => {
    const archive = tarGzOf(LIBRARY);
    expect((await upload("library.tar.gz", archive)).content).toBe(
      "✅ Library imported: 3 new, 0 new versions, 0 unchanged.",
    );
    expect((await upload("library.tar.gz", archive)).content).toBe(
      "✅ Library imported: 0 new, 0 new versions, 3 unchanged.",
    );
    const keys = await db.assignment.findMany({ select: { key: true }, orderBy: { key: "asc" } });
    expect(keys.map((row) => row.key)).toEqual(["data-report", "landing-page", "todo-api"]);
  });
});
