/**
 * The whole journey as an English-speaking and a Japanese-speaking intern of one programme that
 * pins no language (so the deployment's default, Japanese, names the workspace): `/program open`,
 * Join, the onboarding form, a claim and a batch allocation, `/project view`, a work day
 * (check-in, check-out, the 日報, a question in the forum), a milestone announcement. Everything the bot sends a person (their interaction replies and modals, their
 * DMs, their own project thread) must be in that person's language; what everyone reads (the
 * welcome message, its button, channel topics, announcements) in both.
 */
import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import { type ApiMessage, type ApiUser, ChannelType } from "../../../scripts/harness/fake-discord/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { confirmButtonId, nextButtonId } from "../../../src/discord/onboarding/ids.ts";
import { reportButtonId } from "../../../src/discord/operations/ids.ts";
import { joinButtonId } from "../../../src/discord/shared-ids.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { en } from "../../../src/i18n/locales/en.ts";
import { ja } from "../../../src/i18n/locales/ja.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import type { Queues } from "../../../src/jobs/queues.ts";
import { customIds } from "../../support/components.ts";
import { type AboutFields, finishedReply, startOnboardingBot } from "../onboarding/setup.ts";
import { MANAGE_GUILD, settledReply } from "../program/harness.ts";

const NAME = "2030 春インターン";

const LIBRARY = `
- id: todo-api
  title: { ja: TODO API を作る, en: Build a TODO API }
  brief: Build a TODO API with tests.
  skills: [typescript, sql]
  level: 2
  estimated_hours: 20
- id: landing-page
  title: { ja: ランディングページを作る, en: Build a landing page }
  brief: Build an accessible landing page.
  skills: [html, css]
  level: 1
  estimated_hours: 15
`;

/** Kana, kanji and full-width forms (「」（）・ included): Japanese text. */
const JAPANESE = /[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** The keys of a sent body whose strings a person reads (not ids, urls or flags). */
const VISIBLE = new Set(["content", "title", "description", "name", "value", "text", "label", "placeholder"]);

/** Every string a person reads in a request body (content, embeds, components, modals, thread names). */
function visibleStrings(body: unknown, key = ""): string[] {
  if (typeof body === "string") return VISIBLE.has(key) ? [body] : [];
  if (Array.isArray(body)) return body.flatMap((item) => visibleStrings(item, key));
  if (body && typeof body === "object") {
    return Object.entries(body).flatMap(([k, v]) => visibleStrings(v, typeof v === "string" ? k : ""));
  }
  return [];
}

/** Placeholders and plural blocks, which the catalogue fills in (`{name}`, `{n, plural, one {#} …}`). */
const PLACEHOLDER = /\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/g;

/**
 * What only the English catalogue says: the literal pieces of its messages (between placeholders)
 * of two words or more that no Japanese message contains, and its one-word messages (button
 * labels such as "Next") that Japanese says differently.
 */
function englishOnly(): { phrases: string[]; words: Set<string> } {
  const japanese = Object.values(ja).join("\n");
  const phrases = new Set<string>();
  const words = new Set<string>();
  for (const [key, message] of Object.entries(en)) {
    if (message === ja[key as keyof typeof ja]) continue;
    if (/^[A-Za-z][a-z]{2,}$/.test(message)) words.add(message);
    for (const piece of message.split(PLACEHOLDER)) {
      const phrase = piece.trim();
      if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(phrase) && !japanese.includes(phrase)) phrases.add(phrase);
    }
  }
  return { phrases: [...phrases], words };
}

function embedTitle(message: ApiMessage): string | undefined {
  return (message.embeds?.[0] as { title?: string } | undefined)?.title;
}

interface Intern {
  user: ApiUser;
  locale: string;
  fields: AboutFields;
}

describe("an en-US and a ja intern through the whole journey of a programme that pins no language", () => {
  let bot: TestBot;
  let db: Database;
  let programmeId: string;
  const interns: Record<"ben" | "aiko", Intern> = {} as Record<"ben" | "aiko", Intern>;

  const resource = async (key: string) =>
    (await db.discordResource.findFirstOrThrow({ where: { programmeId, key } })).discordId;

  async function welcomeMessage(): Promise<ApiMessage> {
    const handbook = await resource(ResourceKeys.channels.handbook);
    const welcomeId = await resource(ResourceKeys.welcomeMessage);
    const welcome = bot.fake.messages(handbook).find((m) => m.id === welcomeId);
    if (!welcome) throw new Error("no welcome message in the handbook channel");
    return welcome;
  }

  /** The person's project thread, made by the onboarding job. */
  const threadOf = async (user: ApiUser) =>
    (await db.member.findFirstOrThrow({ where: { programmeId, discordUserId: user.id } })).projectChannelId;

  const userOf = (payload: Record<string, unknown> | undefined) =>
    ((payload?.member as { user?: ApiUser } | undefined)?.user ?? (payload?.user as ApiUser | undefined))?.id;

  /** Everything the bot sent this person alone: replies to their interactions, their DMs, their thread. */
  async function sentTo(user: ApiUser): Promise<string[]> {
    const { fake } = bot;
    const thread = await threadOf(user);
    const dm = [...fake.store.channels.values()].find(
      (c) => c.type === ChannelType.DM && c.recipients?.[0]?.id === user.id,
    )?.id;
    const texts: string[] = [];
    for (const request of fake.requests) {
      const { route, params } = request;
      let mine = false;
      if (route === "POST /interactions/{interaction_id}/{interaction_token}/callback") {
        mine = userOf(fake.interactions.get(params.interaction_id ?? "")?.payload) === user.id;
      } else if (route.startsWith("POST /webhooks/") || route.startsWith("PATCH /webhooks/")) {
        mine = userOf(fake.interactionsByToken.get(params.webhook_token ?? "")?.payload) === user.id;
      } else if (/^(POST|PATCH) \/channels\/\{channel_id\}\/messages/.test(route)) {
        mine = params.channel_id !== undefined && [thread, dm].includes(params.channel_id);
      } else if (route === "POST /channels/{channel_id}/threads") {
        mine = (request.response as { id?: string } | undefined)?.id === thread;
      }
      if (mine) texts.push(...visibleStrings(request.body));
    }
    return texts;
  }

  /** Join → the form → Next → "Join with these answers", waiting for the onboarding job. */
  async function join(intern: Intern, welcome: ApiMessage): Promise<ApiMessage> {
    const { user, locale } = intern;
    const click = bot.fake.clickButton({
      message: welcome,
      customId: joinButtonId.encode({ programmeId }),
      user,
      locale,
    });
    await click.modal();
    const choices = await bot.fake.submitModal({ modal: click, fields: intern.fields, locale }).finalReply();
    await bot.fake
      .clickButton({ message: choices, customId: nextButtonId.encode({ programmeId }), user, locale })
      .finalReply();
    const confirm = bot.fake.clickButton({
      message: choices,
      customId: confirmButtonId.encode({ programmeId }),
      user,
      locale,
    });
    return finishedReply(bot, confirm);
  }

  beforeAll(async () => {
    bot = await startOnboardingBot();
    db = bot.db as Database;
    interns.ben = {
      user: bot.fake.addMember({ username: "ben" }).user,
      locale: "en-US",
      fields: {
        displayName: "Ben Carter",
        skills: "HTML:2, CSS:2",
        interests: "accessibility, design",
        hours: "10",
        accommodationNotes: "I answer slowly in the mornings",
      },
    };
    interns.aiko = {
      user: bot.fake.addMember({ username: "aiko" }).user,
      locale: "ja",
      fields: {
        displayName: "佐藤 愛子",
        skills: "TypeScript:3, SQL:2",
        interests: "教育, バックエンド",
        hours: "12",
        accommodationNotes: "",
      },
    };
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN an organiser opens the programme, loads the library and lets interns claim THEN each step answers them", async () => {
    const opened = await settledReply(
      bot,
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: NAME, start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
    expect(opened.content).toContain(`✅ **${NAME}** を開きました。`);
    programmeId = (await db.programme.findFirstOrThrow({ where: { name: NAME } })).id;
    const imported = await bot.fake
      .sendSlashCommand({
        name: "assignments",
        subcommand: "import",
        options: { file: { filename: "library.yaml", content: LIBRARY } },
        locale: "ja",
      })
      .finalReply();
    expect(imported.content).toBe(
      "✅ 課題ライブラリを取り込みました: 新規 2 件、新しい版 0 件、変更なし 0 件。",
    );
    const settings = await settledReply(
      bot,
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "settings",
        options: { "self-service": true },
        locale: "ja",
      }),
    );
    expect(settings.content).toContain("オフ → オン");
  });

  it("THEN the welcome message, its Join button and the channel topics everyone reads are in Japanese and in English", async () => {
    const welcome = await welcomeMessage();
    const [embed] = welcome.embeds as Array<{ title: string; description: string }>;
    expect(embed?.title).toBe(`ようこそ「${NAME}」へ / Welcome to ${NAME}`);
    const [ja, en] = (embed?.description ?? "").split("\n\n");
    expect(ja).toMatch(JAPANESE);
    expect(en).toContain("Press **Join** below");
    expect(en?.replace(NAME, "")).not.toMatch(JAPANESE);
    const [row] = welcome.components as Array<{ components: Array<{ label: string }> }>;
    expect(row?.components[0]?.label).toBe("参加する / Join");

    for (const key of [ResourceKeys.channels.questions, ResourceKeys.channels.announcements]) {
      const topic = String(bot.fake.channel(await resource(key))?.topic ?? "");
      const [first, second] = topic.split("\n");
      expect(first).toMatch(JAPANESE);
      expect(second).toMatch(/[A-Za-z]{3,}/);
      expect(second).not.toMatch(JAPANESE);
    }
  });

  it("WHEN both interns join from it THEN each finishes onboarding in their own language, with a project thread", async () => {
    const welcome = await welcomeMessage();
    const benDone = await join(interns.ben, welcome);
    const aikoDone = await join(interns.aiko, welcome);
    expect(JSON.stringify(benDone)).toContain("Ben Carter");
    expect(JSON.stringify(benDone)).not.toMatch(JAPANESE);
    expect(JSON.stringify(aikoDone)).toMatch(JAPANESE);
    expect(await threadOf(interns.ben.user)).not.toBeNull();
    expect(await threadOf(interns.aiko.user)).not.toBeNull();
    const profiles = await db.memberProfile.findMany({
      select: { displayName: true, preferredLocale: true },
    });
    expect(Object.fromEntries(profiles.map((p) => [p.displayName, p.preferredLocale]))).toEqual({
      "Ben Carter": "en",
      "佐藤 愛子": "ja",
    });
  });

  it("WHEN the English speaker claims and the organiser allocates the other THEN each brief is posted in its owner's language", async () => {
    const { user, locale } = interns.ben;
    const options = await bot.fake
      .sendSlashCommand({ name: "project", subcommand: "claim", user, locale })
      .finalReply();
    const [first] = customIds(options);
    const claimed = await bot.fake
      .clickButton({ message: options, customId: first ?? "", user, locale })
      .finalReply();
    expect(claimed.content).toMatch(/^🎉 “Build a (TODO API|landing page)” is now your project\./);

    const preview = await bot.fake
      .sendSlashCommand({ name: "assignments", subcommand: "allocate", locale: "ja" })
      .finalReply();
    const [confirm] = customIds(preview);
    const applied = await bot.fake
      .clickButton({ message: preview, customId: confirm ?? "", locale: "ja" })
      .finalReply();
    expect(applied.content).toMatch(/^✅ 1 人に課題を割り当てました。/);
    const aikoThread = (await threadOf(interns.aiko.user)) ?? "";
    const brief = bot.fake.messages(aikoThread).at(-1) as ApiMessage;
    expect(embedTitle(brief)).toMatch(/^📘 あなたのプロジェクト: /);

    for (const intern of [interns.ben, interns.aiko]) {
      const view = await bot.fake
        .sendSlashCommand({ name: "project", subcommand: "view", user: intern.user, locale: intern.locale })
        .finalReply();
      expect(embedTitle(view)).toMatch(
        intern === interns.ben ? /^📘 Your project: Build a / : /^📘 あなたのプロジェクト: /,
      );
    }
  });

  it("WHEN both check in, check out, send a 日報 and ask in the forum THEN the posts everyone reads label themselves in both languages", async () => {
    const dailyReports = await resource(ResourceKeys.channels.dailyReports);
    const work = [
      [interns.ben, { done: "Built the login page", blockers: "Slow CI", next: "Write tests" }],
      [interns.aiko, { done: "ログイン画面を作った", blockers: "CI が遅い", next: "テストを書く" }],
    ] as const;
    for (const [{ user, locale }, report] of work) {
      bot.ctx.now = () => new Date("2030-04-02T10:00:00+09:00");
      await bot.fake.sendSlashCommand({ name: "checkin", user, locale }).finalReply();
      bot.ctx.now = () => new Date("2030-04-02T18:00:00+09:00");
      const checkout = await bot.fake.sendSlashCommand({ name: "checkout", user, locale }).finalReply();
      const click = bot.fake.clickButton({
        message: checkout,
        customId: reportButtonId.encode({ programmeId }),
        user,
        locale,
      });
      await click.modal();
      await bot.fake.submitModal({ modal: click, fields: { ...report, mood: "3" }, locale }).finalReply();
      const post = bot.fake.messages(dailyReports).find((m) => m.content === `<@${user.id}>`);
      const fields = (post?.embeds?.[0] as { fields?: Array<{ name: string }> } | undefined)?.fields ?? [];
      expect(fields.map((f) => f.name)).toEqual([
        "やったこと / Done",
        "困っていること / Blockers",
        "次にやること / Next",
      ]);

      const ask = bot.fake.sendSlashCommand({ name: "ask", options: {} as never, user, locale });
      await ask.modal();
      const title = locale === "ja" ? "CI が遅い" : "Slow CI";
      await bot.fake
        .submitModal({ modal: ask, fields: { title, question: report.blockers }, locale })
        .finalReply();
      const ticket = await db.helpTicket.findFirstOrThrow({ where: { programmeId, title } });
      const [starter] = bot.fake.messages(ticket.forumThreadId ?? "");
      // Who asked, said in both languages.
      const by = { user: `<@${user.id}>` };
      expect(starter?.content.split("\n").at(-1)).toBe(
        `-# ${t("ja", "helpdesk.post.by", by)} / ${t("en", "helpdesk.post.by", by)}`,
      );
      const [row] = (starter?.components ?? []) as Array<{ components: Array<{ label: string }> }>;
      expect(row?.components[0]?.label).toMatch(JAPANESE);
      expect(row?.components[0]?.label).toMatch(/ \/ [A-Za-z]/);
    }
  });

  it("WHEN the mid-point review comes THEN the announcement everyone reads says it in Japanese and then in English", async () => {
    const midpoint = await db.milestone.findFirstOrThrow({ where: { programmeId, kind: "midpoint" } });
    const queues = bot.ctx.queues as Queues;
    const job = await queues.byName.get(JOBS.announceMilestone.queue)?.getJob(midpoint.jobId ?? "");
    expect(job).toBeDefined();
    bot.ctx.now = () => new Date(midpoint.at.getTime() + 1_000);
    await job?.promote();
    const announcements = await resource(ResourceKeys.channels.announcements);
    const post = await bot.fake.waitFor(
      () => bot.fake.messages(announcements).find((m) => m.content.startsWith("📣")),
      10_000,
      "the mid-point announcement",
    );
    const at = Math.floor(midpoint.at.getTime() / 1000);
    expect(post.content).toBe(
      `📣 **中間レビュー**（中間レビュー）\n<t:${at}:F>（<t:${at}:R>）\n\n📣 **Mid-point review** (Mid-point review)\n<t:${at}:F> (<t:${at}:R>)`,
    );
  });

  /** Japanese in what `user` was sent; the language menu names Japanese in Japanese, as pickers do. */
  async function japaneseSentTo(user: ApiUser): Promise<string[]> {
    const endonym = en["profile.value.language.ja"];
    return (await sentTo(user))
      .map((text) => text.replaceAll(NAME, "<programme>").replaceAll(endonym, "<日本語>"))
      .filter((text) => JAPANESE.test(text.replaceAll("<日本語>", "")));
  }

  /** English catalogue texts in what `user` was sent. */
  async function englishSentTo(user: ApiUser): Promise<string[]> {
    const { phrases, words } = englishOnly();
    expect(phrases.length).toBeGreaterThan(500);
    return (await sentTo(user)).flatMap((text) => [
      ...phrases.filter((phrase) => text.includes(phrase)).map((phrase) => `${phrase} ← ${text}`),
      ...(words.has(text.trim()) ? [text] : []),
    ]);
  }

  it("THEN nothing the bot sent the en-US intern personally is Japanese (names and their own answers aside)", async () => {
    expect((await sentTo(interns.ben.user)).length).toBeGreaterThan(10);
    expect(await japaneseSentTo(interns.ben.user)).toEqual([]);
    // The same check finds Japanese in what the other intern was sent: it is not blind.
    expect((await japaneseSentTo(interns.aiko.user)).length).toBeGreaterThan(10);
  });

  it("THEN nothing the bot sent the ja intern personally is an English catalogue text (names and their own answers aside)", async () => {
    expect((await sentTo(interns.aiko.user)).length).toBeGreaterThan(10);
    expect(await englishSentTo(interns.aiko.user)).toEqual([]);
    expect((await englishSentTo(interns.ben.user)).length).toBeGreaterThan(10);
  });
});

describe("a programme opened with its language pinned to English", () => {
  let bot: TestBot;

  beforeAll(async () => {
    bot = await startOnboardingBot();
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("THEN the welcome message, its button and the channel topics are in English alone", async () => {
    const db = bot.db as Database;
    const opened = await settledReply(
      bot,
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: "Autumn cohort", start: "2030-09-01", end: "2030-11-30", locale: "en" },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
    expect(opened.content).toContain("**Autumn cohort**");
    const programme = await db.programme.findFirstOrThrow({ where: { name: "Autumn cohort" } });
    const resource = async (key: string) =>
      (await db.discordResource.findFirstOrThrow({ where: { programmeId: programme.id, key } })).discordId;
    const welcomeId = await resource(ResourceKeys.welcomeMessage);
    const welcome = bot.fake
      .messages(await resource(ResourceKeys.channels.handbook))
      .find((m) => m.id === welcomeId) as ApiMessage;
    const [embed] = welcome.embeds as Array<{ title: string; description: string }>;
    expect(embed?.title).toBe("Welcome to Autumn cohort");
    expect(embed?.description).not.toMatch(JAPANESE);
    const [row] = welcome.components as Array<{ components: Array<{ label: string }> }>;
    expect(row?.components[0]?.label).toBe("Join");
    const topic = String(bot.fake.channel(await resource(ResourceKeys.channels.questions))?.topic ?? "");
    expect(topic).toMatch(/[A-Za-z]{3,}/);
    expect(topic).not.toContain("\n");
    expect(topic).not.toMatch(JAPANESE);
  });
});
