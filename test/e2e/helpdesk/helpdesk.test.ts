import "../../support/unhandled.ts";
import { ChannelType } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { claimButtonId, resolveButtonId } from "../../../src/discord/helpdesk/ids.ts";
import { forumTagsWith, STATUS_TAGS } from "../../../src/domain/helpdesk/rules.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { reconcileHelpEscalations } from "../../../src/jobs/help-escalation.ts";
import { onboard, seedWorkspace, startOnboardingBot, type Workspace } from "../onboarding/setup.ts";

async function until<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > end) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe("the help desk through the local Discord", () => {
  let bot: TestBot;
  let ws: Workspace;
  let intern: ApiUser;
  let mentor: ApiUser;
  let mentor2: ApiUser;
  let organiser: ApiUser;
  let staffId: string;
  let clock = new Date("2026-04-02T10:00:00+09:00");
  const db = () => bot.db as NonNullable<TestBot["db"]>;

  const tagId = (name: string) =>
    ((bot.fake.channel(ws.questionsId)?.available_tags ?? []) as { id: string; name: string }[]).find(
      (t) => t.name === name,
    )?.id ?? "";

  async function ask(
    fields: { title: string; question: string },
    options: Record<string, unknown>,
    locale = "ja",
  ) {
    const open = bot.fake.sendSlashCommand({ name: "ask", options: options as never, user: intern, locale });
    await open.modal();
    return bot.fake.submitModal({ modal: open, fields, locale }).finalReply();
  }

  /** Runs the delayed jobs of the operations queue now (the fake clock says they are due). */
  async function runDelayed() {
    const queue = bot.ctx.queues.byName.get(JOBS.escalateHelpTicket.queue);
    for (const job of (await queue?.getDelayed()) ?? []) await job.promote().catch(() => undefined);
  }

  beforeAll(async () => {
    bot = await startOnboardingBot();
    (bot.ctx as { now: () => Date }).now = () => clock;
    ws = await seedWorkspace(bot);
    const forum = bot.fake.channel(ws.questionsId);
    if (forum)
      forum.available_tags = forumTagsWith([], ["Git", "インフラ"]).tags.map((tag, i) => ({
        ...tag,
        id: `${9000 + i}`,
      }));
    const staff = bot.fake.createChannel({ name: "staff", type: ChannelType.GuildText });
    staffId = staff.id;
    await createProgrammeRepository(db()).saveDiscordResource(ws.programme.id, {
      key: ResourceKeys.channels.staff,
      discordId: staff.id,
      kind: "text_channel",
    });
    intern = bot.fake.addMember({ username: "hanako" }).user;
    await onboard(bot, ws, intern, { locale: "ja" });
    mentor = bot.fake.addMember({ username: "mentor1" }).user;
    mentor2 = bot.fake.addMember({ username: "mentor2" }).user;
    organiser = bot.fake.addMember({ username: "boss" }).user;
    const members = createMemberRepository(db());
    await members.join({ programmeId: ws.programme.id, discordUserId: mentor.id, roles: ["mentor"] });
    await members.join({ programmeId: ws.programme.id, discordUserId: mentor2.id, roles: ["mentor"] });
    const boss = await members.join({
      programmeId: ws.programme.id,
      discordUserId: organiser.id,
      roles: ["organiser"],
    });
    // The organiser chose English: DMs to them alone are in English.
    await db().memberProfile.create({
      data: { memberId: boss.id, displayName: "Boss", interests: [], preferredLocale: "en" },
    });
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN a tagged anonymous forum question THEN a forum post carries the topic and 未回答 tags and no name; staff see the name in the queue", async () => {
    const reply = await ask(
      { title: "git push が拒否される", question: "main に push すると rejected になります" },
      { tag: tagId("Git"), anonymous: true },
    );
    const ticket = await db().helpTicket.findFirstOrThrow({ where: { title: "git push が拒否される" } });
    expect(reply.content).toBe(
      [
        t("ja", "ask.done.forum", { channel: `<#${ticket.forumThreadId}>` }),
        t("ja", "ask.done.anonymous"),
      ].join("\n"),
    );
    const thread = bot.fake.channel(ticket.forumThreadId ?? "");
    expect(thread?.parent_id).toBe(ws.questionsId);
    expect(thread?.applied_tags).toEqual([tagId("Git"), tagId(STATUS_TAGS.open)]);
    const [starter] = bot.fake.messages(ticket.forumThreadId ?? "");
    expect(starter?.content).toContain("main に push すると rejected になります");
    expect(starter?.content).not.toContain(intern.id);
    // Everyone reads the forum: its labels say Japanese, then English.
    expect(starter?.content).toContain(
      `${t("ja", "helpdesk.post.anonymous")} / ${t("en", "helpdesk.post.anonymous")}`,
    );

    const queue = await bot.fake
      .sendSlashCommand({ name: "helpdesk", subcommand: "queue", user: mentor, locale: "en-US" })
      .finalReply();
    const text = JSON.stringify(queue.embeds);
    expect(text).toContain("git push が拒否される");
    expect(text).toContain(`<@${intern.id}>`);
    expect(text).toContain(t("en", "helpdesk.queue.anonymous"));
  });

  it("GIVEN a private question THEN it goes to the intern's project thread, not the forum", async () => {
    const before = [...bot.fake.store.channels.values()].filter((c) => c.parent_id === ws.questionsId).length;
    const member = await createMemberRepository(db()).find(ws.programme.id, intern.id);
    const reply = await ask(
      { title: "体調のこと", question: "相談があります" },
      { visibility: "private" },
      "en-US",
    );
    expect(reply.content).toBe(t("en", "ask.done.private", { channel: `<#${member?.projectChannelId}>` }));
    const posted = bot.fake.messages(member?.projectChannelId ?? "").at(-1);
    expect(posted?.content).toContain("相談があります");
    // The asker's own thread: the asker's language (Japanese, chosen when they joined) only.
    expect(posted?.content).toContain(t("ja", "helpdesk.post.private", { title: "体調のこと" }));
    expect(posted?.content).not.toContain(t("en", "helpdesk.post.private", { title: "体調のこと" }));
    expect([...bot.fake.store.channels.values()].filter((c) => c.parent_id === ws.questionsId).length).toBe(
      before,
    );
  });

  it("GIVEN a claimed ticket WHEN another mentor claims it THEN the holder is named (ja and en); the asker resolves it and the status tag follows", async () => {
    const ticket = await db().helpTicket.findFirstOrThrow({ where: { title: "git push が拒否される" } });
    const message = bot.fake.messages(ticket.forumThreadId ?? "")[0];
    if (!message) throw new Error("no starter message");
    const claim = (user: ApiUser, locale: string) =>
      bot.fake
        .clickButton({ message, customId: claimButtonId.encode({ ticketId: ticket.id }), user, locale })
        .finalReply();
    expect((await claim(mentor, "ja")).content).toContain(
      t("ja", "helpdesk.claimed", { title: ticket.title, link: `<#${ticket.forumThreadId}>` }),
    );
    await until(
      () => bot.fake.channel(ticket.forumThreadId ?? "")?.applied_tags,
      (tags) => JSON.stringify(tags).includes(tagId(STATUS_TAGS.working)),
    );
    expect(bot.fake.channel(ticket.forumThreadId ?? "")?.applied_tags).toEqual([
      tagId("Git"),
      tagId(STATUS_TAGS.working),
    ]);
    expect((await claim(mentor2, "ja")).content).toBe(
      t("ja", "helpdesk.error.claimed", { holder: `<@${mentor.id}>` }),
    );
    expect((await claim(mentor2, "en-US")).content).toBe(
      t("en", "helpdesk.error.claimed", { holder: `<@${mentor.id}>` }),
    );

    const resolve = (user: ApiUser) =>
      bot.fake
        .clickButton({
          message,
          customId: resolveButtonId.encode({ ticketId: ticket.id }),
          user,
          locale: "ja",
        })
        .finalReply();
    expect((await resolve(intern)).content).toBe(t("ja", "helpdesk.resolved", { title: ticket.title }));
    expect(bot.fake.channel(ticket.forumThreadId ?? "")?.applied_tags).toEqual([
      tagId("Git"),
      tagId(STATUS_TAGS.resolved),
    ]);
    expect((await resolve(intern)).content).toBe(t("ja", "helpdesk.error.closed"));
    expect(await db().auditLogEntry.count({ where: { target: `help_ticket:${ticket.id}` } })).toBe(3);
  });

  it("GIVEN no staff reply WHEN the clock passes 4 h and 8 h THEN the staff channel is told once, then organisers get a DM; a mentor's message stops a second ticket's escalation", async () => {
    clock = new Date("2026-04-02T11:00:00+09:00");
    await ask({ title: "CI が落ちる", question: "テストが通りません" }, {});
    await ask({ title: "DB 接続", question: "接続できません" }, {});
    const ci = await db().helpTicket.findFirstOrThrow({ where: { title: "CI が落ちる" } });
    const dbq = await db().helpTicket.findFirstOrThrow({ where: { title: "DB 接続" } });
    // A mentor writes in the DB question's post: its author, channel and time are all that is used.
    bot.fake.sendUserMessage({ channelId: dbq.forumThreadId ?? "", user: mentor, content: "見てみます" });
    await until(
      () => db().helpTicket.findUniqueOrThrow({ where: { id: dbq.id } }),
      (t) => t.firstStaffReplyAt !== null,
    );
    expect((await db().helpTicket.findUniqueOrThrow({ where: { id: dbq.id } })).status).toBe("answered");
    // An intern's message does not count.
    bot.fake.sendUserMessage({ channelId: ci.forumThreadId ?? "", user: intern, content: "追記です" });

    clock = new Date("2026-04-02T15:00:00+09:00");
    const staffPosts = () => bot.fake.messages(staffId);
    // The fake clock moved 4 h: the reconciler confirms the jobs from the database (same ids, so
    // nothing is added twice) and the delayed ones are run now.
    expect(await reconcileHelpEscalations({ db: db(), queues: bot.ctx.queues, now: () => clock })).toBe(2);
    await runDelayed();
    // The CI question and the private one from before; the answered DB question is not escalated.
    await until(staffPosts, (posts) => posts.length >= 2);
    // Reconciling again adds nothing new: the delivery ledger and the job ids keep it to one post.
    await reconcileHelpEscalations({ db: db(), queues: bot.ctx.queues, now: () => clock });
    await new Promise((r) => setTimeout(r, 300));
    expect(staffPosts()).toHaveLength(2);
    expect(staffPosts()[0]?.content).toContain(`<@&${ws.roles.mentor.id}>`);
    expect(
      staffPosts()
        .map((p) => p.content)
        .join("\n"),
    ).toContain("CI が落ちる");
    expect(
      staffPosts()
        .map((p) => p.content)
        .join("\n"),
    ).not.toContain("DB 接続");
    expect((await db().helpTicket.findUniqueOrThrow({ where: { id: ci.id } })).escalationLevel).toBe(1);

    clock = new Date("2026-04-02T19:00:00+09:00");
    await new Promise((r) => setTimeout(r, 300));
    await runDelayed();

    const dm = await until(
      () => bot.fake.messages(bot.fake.store.dmChannel(organiser).id),
      (list) => list.length >= 2,
    );
    expect(dm).toHaveLength(2);
    expect(JSON.stringify(dm)).toContain("CI が落ちる");
    expect(dm.map((m) => m.content).join("\n")).toContain("has had no staff reply for 8 hours");
    expect(dm.map((m) => m.content).join("\n")).not.toContain("時間スタッフの返信がありません");
    expect((await db().helpTicket.findUniqueOrThrow({ where: { id: ci.id } })).escalationLevel).toBe(2);
    expect((await db().helpTicket.findUniqueOrThrow({ where: { id: dbq.id } })).escalationLevel).toBe(0);
  });
});
