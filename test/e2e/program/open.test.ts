import "../../support/unhandled.ts";
import { Routes } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import {
  type ApiChannel,
  type ApiMessage,
  computePermissions,
  DEFAULT_BOT_PERMISSIONS,
  Perm,
} from "../../../scripts/harness/fake-discord/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { joinButtonId } from "../../../src/discord/shared-ids.ts";
import { milestoneReminderJobId } from "../../../src/domain/programme/reminders.ts";
import { DEFAULT_TEMPLATE } from "../../../src/domain/workspace/default-template.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { digestJobs, digestSchedulerId } from "../../../src/jobs/attention-digest.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import type { Queues } from "../../../src/jobs/queues.ts";
import { MANAGE_GUILD, type ProgramBot, settledReply, startProgramBot } from "./harness.ts";

const NAME = "2030 春インターン";

describe("/program open, status, close, export and delete on the local Discord", () => {
  let bot: TestBot;
  let db: Database;
  let queues: Queues;

  const settled = (handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>) => settledReply(bot, handle);

  function open(options: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
    return settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: NAME, start: "2030-04-01", end: "2030-06-30", ...options } as Record<string, string>,
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
        ...extra,
      }),
    );
  }

  function run(subcommand: string, extra: Record<string, unknown> = {}) {
    return settled(bot.fake.sendSlashCommand({ name: "program", subcommand, locale: "ja", ...extra }));
  }

  async function resources(): Promise<Map<string, string>> {
    const rows = await db.discordResource.findMany();
    return new Map(rows.map((r) => [r.key, r.discordId]));
  }

  function creates(since: number) {
    return bot.fake.requests
      .slice(since)
      .filter((r) => r.method === "POST" && /^POST \/(guilds|channels)\//.test(r.route));
  }

  /** What a member holding `roleKeys` may do in a channel, per the fake's permission maths. */
  async function can(roleKeys: string[], channelKey: string, bit: bigint): Promise<boolean> {
    const ids = await resources();
    const channel = bot.fake.channel(ids.get(channelKey) ?? "") as ApiChannel;
    const guild = bot.fake.guild;
    const perms = computePermissions({
      guildId: guild.id,
      ownerId: "nobody",
      roles: guild.roles,
      member: { roles: roleKeys.map((k) => ids.get(k) ?? ""), user: { id: "300000000000000001" } as never },
      channel,
    });
    return (perms & bit) === bit;
  }

  /** Delayed jobs of one kind on the milestones queue (announcements and reminders share it). */
  async function delayed(name: string) {
    const jobs = (await queues.byName.get(JOBS.announceMilestone.queue)?.getDelayed()) ?? [];
    return jobs.filter((j) => j.name === name);
  }
  const reminderIds = async () => (await delayed(JOBS.remindMilestone.name)).map((j) => j.id).sort();
  /** One 24 h reminder (MILESTONE_REMINDER_HOURS unset) for each reminded milestone, at its current time. */
  async function expectedReminderIds() {
    const milestones = await db.milestone.findMany({
      where: { kind: { in: ["midpoint", "submission_deadline", "presentation"] } },
    });
    expect(milestones).toHaveLength(3);
    return milestones.map((m) => milestoneReminderJobId(m.id, 24, m.at)).sort();
  }

  let programBot: ProgramBot;

  beforeAll(async () => {
    programBot = await startProgramBot();
    ({ bot, db, queues } = programBot);
  });

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await programBot?.close();
  });

  describe("GIVEN bad input", () => {
    it.each([
      [
        "ja",
        { start: "2030-06-30", end: "2030-04-01" },
        "終了日（2030-04-01）が開始日（2030-06-30）より前です",
      ],
      [
        "en-US",
        { start: "2030-06-30", end: "2030-04-01" },
        "The end date (2030-04-01) is before the start date",
      ],
      ["ja", { timezone: "Mars/Olympus" }, "タイムゾーン「Mars/Olympus」がわかりません"],
      ["en-US", { timezone: "Mars/Olympus" }, "I don't know the time zone “Mars/Olympus”"],
      ["en-US", { start: "1 April" }, "The start date “1 April” isn't a date I can read"],
    ])(
      "GIVEN locale %s and %o THEN a localised message says what to fix and nothing is created",
      async (locale, options, text) => {
        const before = bot.fake.requests.length;
        const reply = await open(options, { locale });
        expect(reply.content).toContain(text);
        expect(creates(before)).toEqual([]);
        expect(await db.programme.count()).toBe(0);
      },
    );

    it("GIVEN a template with an unknown channel type THEN the error names the line and field, and nothing is created", async () => {
      const yaml = `version: 1
roles:
  organiser: { name: Org, color: 1 }
  mentor: { name: Men, color: 2 }
  intern: { name: Int, color: 3 }
  agencyObserver: { name: Obs, color: 4 }
welcome: announcements
categories:
  - id: main
    name: Main
    access: members
    channels:
      - { id: announcements, type: text, name: news, access: public-read }
      - { id: projects, type: hologram, name: projects, access: projects }
`;
      const before = bot.fake.requests.length;
      const reply = await open({ template: { filename: "t.yaml", content: yaml } }, { locale: "en-US" });
      expect(reply.content).toContain("The template has problems, so nothing was created.");
      expect(reply.content).toContain("line 14, categories[0].channels[1].type");
      expect(creates(before)).toEqual([]);
      expect(await db.programme.count()).toBe(0);
    });

    it("GIVEN a bot without Manage Roles THEN the reply names the permission and nothing is created", async () => {
      const before = bot.fake.requests.length;
      const reply = await open(
        {},
        { locale: "ja", appPermissions: (DEFAULT_BOT_PERMISSIONS & ~Perm.ManageRoles).toString() },
      );
      expect(reply.content).toContain("ロールの管理");
      expect(creates(before)).toEqual([]);
      expect(await db.programme.count()).toBe(0);
    });
  });

  describe("GIVEN a server without a programme", () => {
    it("WHEN an organiser opens one THEN the exact roles, channels, overwrites and welcome message exist, one request each", async () => {
      const before = bot.fake.requests.length;
      const reply = await open();
      expect(reply.content).toContain(`✅ **${NAME}** を開きました。`);

      const made = creates(before);
      expect(made.filter((r) => r.route === "POST /guilds/{guild_id}/roles")).toHaveLength(4);
      expect(made.filter((r) => r.route === "POST /guilds/{guild_id}/channels")).toHaveLength(13);
      expect(made.filter((r) => r.route === "POST /channels/{channel_id}/messages")).toHaveLength(1);
      expect(made).toHaveLength(18);
      // No follow-up edits of what was created: overwrites went in the create requests. The one
      // PATCH gives the questions forum its status and topic tags (`tags:` in the template).
      const patches = bot.fake.requests
        .slice(before)
        .filter((r) => r.route === "PATCH /channels/{channel_id}");
      expect(patches.map((r) => Object.keys(r.body as object))).toEqual([["available_tags"]]);
      expect(bot.fake.requests.slice(before).filter((r) => r.route.startsWith("PUT /channels/"))).toEqual([]);

      const ids = await resources();
      expect(ids.size).toBe(18);
      const roleNames = Object.values(ResourceKeys.roles).map((k) => bot.fake.role(ids.get(k) ?? "")?.name);
      expect(roleNames).toEqual(["運営", "メンター", "インターン", "支援機関"]);

      const shape = (key: string) => {
        const channel = bot.fake.channel(ids.get(key) ?? "") as ApiChannel;
        const parent = [...ids].find(([, id]) => id === channel.parent_id)?.[0] ?? null;
        return [channel.name, channel.type, parent];
      };
      const layout = Object.fromEntries(
        [...ids.keys()]
          .filter((k) => k.startsWith("channel:") || k.startsWith("category:"))
          .map((k) => [k, shape(k)]),
      );
      expect(layout).toEqual({
        "category:info": ["📢 全社", 4, null],
        "category:work": ["💬 業務", 4, null],
        "category:projects": ["🛠 プロジェクト", 4, null],
        "category:back-office": ["🔒 運営", 4, null],
        // Not a Community server: announcement → text, stage → voice.
        "channel:announcements": ["お知らせ", 0, "category:info"],
        "channel:handbook": ["はじめに", 0, "category:info"],
        "channel:chat": ["雑談", 0, "category:work"],
        "channel:questions": ["質問", 15, "category:work"],
        "channel:daily-reports": ["日報", 0, "category:work"],
        "channel:presentations": ["成果発表会", 2, "category:work"],
        "channel:projects": ["プロジェクト", 0, "category:projects"],
        "channel:staff": ["運営室", 0, "category:back-office"],
        "channel:agency": ["支援機関", 0, "category:back-office"],
      });

      const { roles, channels } = ResourceKeys;
      // Everyone reads announcements; only organisers (and the bot) post.
      expect(await can([], channels.announcements, Perm.ViewChannel)).toBe(true);
      expect(await can([], channels.announcements, Perm.SendMessages)).toBe(false);
      expect(await can([roles.intern], channels.announcements, Perm.SendMessages)).toBe(false);
      expect(await can([roles.organiser], channels.announcements, Perm.SendMessages)).toBe(true);
      // Interns cannot see the staff or agency rooms; agency observers read theirs.
      expect(await can([roles.intern], channels.staff, Perm.ViewChannel)).toBe(false);
      expect(await can([roles.intern], channels.agency, Perm.ViewChannel)).toBe(false);
      expect(await can([roles.agencyObserver], channels.agency, Perm.ViewChannel)).toBe(true);
      expect(await can([roles.mentor], channels.staff, Perm.ViewChannel)).toBe(true);
      // Projects: interns view and write in threads but create none; mentors manage threads; observers see nothing.
      expect(
        await can([roles.intern], channels.projects, Perm.ViewChannel | Perm.SendMessagesInThreads),
      ).toBe(true);
      expect(await can([roles.intern], channels.projects, Perm.CreatePrivateThreads)).toBe(false);
      expect(await can([roles.intern], channels.projects, Perm.CreatePublicThreads)).toBe(false);
      expect(await can([roles.intern], channels.projects, Perm.ManageThreads)).toBe(false);
      expect(await can([roles.mentor], channels.projects, Perm.ManageThreads)).toBe(true);
      expect(await can([roles.agencyObserver], channels.projects, Perm.ViewChannel)).toBe(false);
      // Outsiders see only the public area.
      expect(await can([], channels.chat, Perm.ViewChannel)).toBe(false);
      expect(await can([roles.intern], channels.chat, Perm.SendMessages)).toBe(true);

      const programme = await db.programme.findFirstOrThrow();
      expect(programme.status).toBe("open");
      const welcome = bot.fake
        .messages(ids.get(channels.handbook) ?? "")
        .find((m) => m.id === ids.get(ResourceKeys.welcomeMessage)) as ApiMessage;
      expect(JSON.stringify(welcome.embeds)).toContain(NAME);
      expect(JSON.stringify(welcome.embeds)).toContain(
        `<t:${Math.floor(programme.startsAt.getTime() / 1000)}:D>`,
      );
      const button = (
        welcome.components as Array<{ components: Array<{ custom_id: string; label: string }> }>
      )[0]?.components[0];
      expect(button?.custom_id).toBe(joinButtonId.encode({ programmeId: programme.id }));
      expect(button?.label).toBe("参加する / Join");
      // No language pinned: everyone reads the welcome and the topics in Japanese, then English.
      const [embed] = welcome.embeds as Array<{ title: string; description: string }>;
      expect(embed?.title).toBe(`ようこそ「${NAME}」へ / Welcome to ${NAME}`);
      expect(embed?.description).toMatch(/^インターンシップの期間は [\s\S]*\n\nThis Internship runs from /);
      const topic = String((bot.fake.channel(ids.get(channels.questions) ?? "") as ApiChannel).topic ?? "");
      expect(topic.split("\n")).toHaveLength(2);
      expect(topic.split("\n")[0]).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      expect(topic.split("\n")[1]).toMatch(/^[\x20-\x7e’–—]+$/);
      // The opener is an organiser, in the database and in Discord.
      expect(bot.fake.member(bot.fake.store.tester.id)?.roles).toContain(ids.get(roles.organiser));
      expect(await db.auditLogEntry.count({ where: { action: "programme.open" } })).toBe(1);
    });

    it("THEN the five milestones are delayed jobs with idempotent ids, and the review, the deadline and the presentation each have a reminder 24 h ahead", async () => {
      const jobs = await delayed(JOBS.announceMilestone.name);
      const milestones = await db.milestone.findMany({ orderBy: { at: "asc" } });
      expect(milestones.map((m) => m.kind)).toEqual([
        "kickoff",
        "midpoint",
        "submission_deadline",
        "presentation",
        "debrief",
      ]);
      expect(milestones[0]?.at.toISOString()).toBe("2030-04-01T01:00:00.000Z"); // 10:00 in Tokyo
      expect(jobs.map((j) => j.id).sort()).toEqual(milestones.map((m) => m.jobId).sort());
      for (const m of milestones) expect(m.jobId).toBe(`milestone-${m.id}-${m.at.getTime() / 1000}`);
      expect(await reminderIds()).toEqual(await expectedReminderIds());
    });

    it("WHEN /program open runs again THEN nothing is created and no job is duplicated", async () => {
      const before = bot.fake.requests.length;
      const reply = await open();
      expect(reply.content).toContain("新しく作成: 0 件 / すでにあったもの: 18 件");
      expect(creates(before)).toEqual([]);
      expect((await resources()).size).toBe(18);
      expect(await delayed(JOBS.announceMilestone.name)).toHaveLength(5);
      expect(await reminderIds()).toEqual(await expectedReminderIds());
    });

    it("WHEN one channel was deleted in Discord and /program open runs again THEN only that channel is recreated", async () => {
      const ids = await resources();
      const staff = ids.get(ResourceKeys.channels.staff) ?? "";
      await bot.client.rest.delete(Routes.channel(staff));
      await bot.fake.waitFor(
        () => !bot.client.guilds.cache.get(bot.fake.guild.id)?.channels.cache.has(staff),
        5_000,
      );
      const status = await run("status", { locale: "en-US" });
      expect(JSON.stringify(status.embeds)).toContain("Missing: `channel:staff`");

      const before = bot.fake.requests.length;
      await open();
      const made = creates(before);
      expect(made).toHaveLength(1);
      expect((made[0]?.body as { name?: string } | undefined)?.name).toBe("運営室");
      const after = await resources();
      expect(after.get(ResourceKeys.channels.staff)).not.toBe(staff);
      expect(bot.fake.channel(after.get(ResourceKeys.channels.staff) ?? "")?.parent_id).toBe(
        after.get("category:back-office"),
      );
    });

    it("WHEN the dates move THEN the milestones are rescheduled: old jobs removed, new ones added", async () => {
      await open({ end: "2030-07-31" });
      const jobs = await delayed(JOBS.announceMilestone.name);
      const milestones = await db.milestone.findMany();
      expect(milestones).toHaveLength(5);
      expect(jobs.map((j) => j.id).sort()).toEqual(milestones.map((m) => m.jobId).sort());
      // The moved ones' reminders are those of their new times only.
      expect(await reminderIds()).toEqual(await expectedReminderIds());
    });

    it("WHEN the dates move THEN the welcome message is edited in place (one PATCH) to show the new dates", async () => {
      const ids = await resources();
      const welcomeId = ids.get(ResourceKeys.welcomeMessage) ?? "";
      const handbook = ids.get(ResourceKeys.channels.handbook) ?? "";
      const before = bot.fake.requests.length;
      await open({ start: "2030-04-08", end: "2030-08-15" });

      const programme = await db.programme.findFirstOrThrow();
      const stamp = (at: Date) => `<t:${Math.floor(at.getTime() / 1000)}:D>`;
      const edits = bot.fake.requests
        .slice(before)
        .filter((r) => r.route.startsWith("GET /channels/") || r.route.startsWith("PATCH /channels/"))
        // The forum's tags are read again and, all present, left alone.
        .filter((r) => r.route !== "GET /channels/{channel_id}");
      expect(edits.map((r) => r.route)).toEqual([
        "GET /channels/{channel_id}/messages/{message_id}",
        "PATCH /channels/{channel_id}/messages/{message_id}",
      ]);
      expect(creates(before)).toEqual([]);
      expect((await resources()).get(ResourceKeys.welcomeMessage)).toBe(welcomeId);
      const welcome = bot.fake.messages(handbook).find((m) => m.id === welcomeId) as ApiMessage;
      const text = JSON.stringify(welcome.embeds);
      expect(text).toContain(stamp(programme.startsAt));
      expect(text).toContain(stamp(programme.endsAt));
      expect(programme.startsAt.toISOString()).toBe("2030-04-07T15:00:00.000Z"); // 8 April, 00:00 in Tokyo
      expect(text).not.toContain(stamp(new Date("2030-03-31T15:00:00.000Z")));
      expect(welcome.components).toHaveLength(1);
    });

    it("WHEN /program status runs THEN it shows dates, milestones as Discord timestamps and a healthy workspace", async () => {
      const reply = await run("status", { locale: "en-US" });
      const text = JSON.stringify(reply.embeds);
      expect(text).toContain("All 18 / 18 objects are there.");
      expect(text).toContain("Kick-off: <t:");
      expect(text).toContain("Asia/Tokyo");
    });

    it("WHEN /program template export runs THEN a YAML file holds the template in use", async () => {
      const reply = await run("export", { subcommandGroup: "template" });
      const file = reply.attachments?.[0] as { url: string; filename: string };
      expect(file.filename).toBe("workspace-template.yaml");
      const yaml = await (await fetch(file.url)).text();
      expect(parseYaml(yaml)).toEqual(JSON.parse(JSON.stringify(DEFAULT_TEMPLATE)));
    });

    it("WHEN /program export runs THEN JSON and CSV files hold members and milestones", async () => {
      const reply = await run("export");
      const names = (reply.attachments as Array<{ filename: string }>).map((a) => a.filename);
      expect(names).toEqual([
        "programme.json",
        "members.csv",
        "allocations.csv",
        "milestones.csv",
        "submissions.csv",
        "reviews.csv",
      ]);
      const members = (reply.attachments as Array<{ filename: string; url: string }>)[1];
      const csv = await (await fetch(members?.url ?? "")).text();
      expect(csv.split("\n")[0]).toBe(
        "discord_user_id,display_name,roles,stage,agency,agency_consent,joined_at",
      );
      expect(csv).toContain(`${bot.fake.store.tester.id},,organiser,,,false,`);
    });

    it("WHEN /program close runs THEN interns can read but no longer write, and nothing is deleted", async () => {
      const { roles, channels } = ResourceKeys;
      expect(await can([roles.intern], channels.chat, Perm.SendMessages)).toBe(true);
      const programme = await db.programme.findFirstOrThrow();
      await digestJobs(queues).schedule(programme.id, "09:00", programme.timeZone);
      const digestQueue = queues.byName.get(JOBS.attentionDigest.queue);
      const schedulers = async () => ((await digestQueue?.getJobSchedulers(0, -1)) ?? []).map((j) => j.key);
      expect(await schedulers()).toContain(digestSchedulerId(programme.id));
      const before = bot.fake.requests.length;
      const reply = await run("close");
      // The daily digest stops with the programme, not at the reconciler's next pass.
      expect(await schedulers()).not.toContain(digestSchedulerId(programme.id));
      expect(reply.content).toContain("読み取り専用");
      expect(bot.fake.requests.slice(before).filter((r) => r.method === "DELETE")).toEqual([]);
      expect(await can([roles.intern], channels.chat, Perm.ViewChannel)).toBe(true);
      expect(await can([roles.intern], channels.chat, Perm.SendMessages)).toBe(false);
      expect(await can([roles.intern], channels.projects, Perm.SendMessagesInThreads)).toBe(false);
      expect(await can([roles.mentor], channels.chat, Perm.SendMessages)).toBe(true);
      expect((await db.programme.findFirstOrThrow()).status).toBe("closed");
    });

    it("WHEN /program delete is confirmed THEN exactly the bot's objects and the programme go", async () => {
      const ids = await resources();
      const foreign = [...bot.fake.guild.channels.keys()].filter((id) => ![...ids.values()].includes(id));
      const confirm = await run("delete");
      const customId =
        (confirm.components as Array<{ components: Array<{ custom_id: string }> }>)[0]?.components[0]
          ?.custom_id ?? "";
      expect(confirm.content).toContain("/program export");
      const start = bot.fake.requests.length;
      const click = bot.fake.clickButton({ message: confirm, customId, locale: "ja" });
      // The export comes first, as its own (ephemeral) message, with what /program export sends.
      const exported = await click.followUp();
      expect(exported.content).toContain("エクスポート");
      expect((exported.attachments as Array<{ filename: string }>).map((a) => a.filename)).toEqual([
        "programme.json",
        "members.csv",
        "allocations.csv",
        "milestones.csv",
        "submissions.csv",
        "reviews.csv",
      ]);
      const done = await click.finalReply();
      expect(done.content).toContain("削除しました");
      const routes = bot.fake.requests.slice(start).map((r) => r.route);
      const sent = routes.findIndex((r) => r.startsWith("POST /webhooks/"));
      const firstDelete = routes.findIndex(
        (r) => r.startsWith("DELETE /channels/") || r.startsWith("DELETE /guilds/"),
      );
      expect(sent).toBeGreaterThanOrEqual(0);
      expect(sent).toBeLessThan(firstDelete);
      for (const [key, id] of ids) {
        if (key === ResourceKeys.welcomeMessage) continue;
        expect(bot.fake.channel(id) ?? bot.fake.role(id), key).toBeUndefined();
      }
      expect([...bot.fake.guild.channels.keys()].sort()).toEqual(foreign.sort());
      expect(await db.programme.count()).toBe(0);
      expect(await queues.byName.get(JOBS.announceMilestone.queue)?.getDelayedCount()).toBe(0);
    });
  });
});
