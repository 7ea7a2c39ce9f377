import "../../support/unhandled.ts";
import { ChannelType, Routes } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAgencyRepository } from "../../../src/db/repositories/agencies.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { agencyThreadKey, ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { onboard, seedWorkspace, startOnboardingBot, type Workspace } from "../onboarding/setup.ts";

type Embed = { title?: string; description?: string; fields?: Array<{ name: string; value: string }> };

describe("the agencies' scoped view, weekly digest and revocation through the local Discord", () => {
  let bot: TestBot;
  let ws: Workspace;
  let agencyA: string;
  let agencyB: string;
  let staffA: ApiUser;
  let staffB: ApiUser;
  let sharingA: ApiUser;
  let privateA: ApiUser;
  let sharingB: ApiUser;
  let threadId: string;
  let digestMessage: ApiMessage;
  // The programme runs 2026-04-01 … 2026-06-30 (Asia/Tokyo); a Monday morning.
  const clock = new Date("2026-04-06T09:00:00+09:00");

  const db = () => bot.db as NonNullable<TestBot["db"]>;
  const slash = (options: Parameters<TestBot["fake"]["sendSlashCommand"]>[0]) =>
    bot.fake.sendSlashCommand(options).finalReply();
  const embed = (m: { embeds?: unknown[] }) => (m.embeds?.[0] ?? {}) as Embed;
  const queue = () => bot.ctx.queues.byName.get(JOBS.sendAgencyDigest.queue);
  const settled = async (id: string) => {
    for (let i = 0; i < 400; i++) {
      const state = await (await queue()?.getJob(id))?.getState();
      if (state === "completed" || state === "failed") return state;
      await new Promise((r) => setTimeout(r, 25));
    }
    return "timeout";
  };

  beforeAll(async () => {
    bot = await startOnboardingBot();
    (bot.ctx as { now: () => Date }).now = () => clock;
    ws = await seedWorkspace(bot);
    const agencyChannel = bot.fake.createChannel({ name: "agency", type: ChannelType.GuildText });
    await createProgrammeRepository(db()).saveDiscordResource(ws.programme.id, {
      key: ResourceKeys.channels.agency,
      discordId: agencyChannel.id,
      kind: "text_channel",
    });
    const agencies = createAgencyRepository(db());
    const members = createMemberRepository(db());
    agencyA = (
      await agencies.create({ guildId: bot.fake.guild.id, programmeId: ws.programme.id, name: "ひかり" })
    ).id;
    agencyB = (
      await agencies.create({ guildId: bot.fake.guild.id, programmeId: ws.programme.id, name: "Bridge" })
    ).id;
    staffA = bot.fake.addMember({ username: "staff-a" }).user;
    staffB = bot.fake.addMember({ username: "staff-b" }).user;
    for (const [agencyId, user] of [
      [agencyA, staffA],
      [agencyB, staffB],
    ] as const) {
      await agencies.addStaff(agencyId, user.id);
      await members.join({ programmeId: ws.programme.id, discordUserId: user.id, roles: ["agency_staff"] });
    }
    sharingA = bot.fake.addMember({ username: "sharing-a" }).user;
    privateA = bot.fake.addMember({ username: "private-a" }).user;
    sharingB = bot.fake.addMember({ username: "sharing-b" }).user;
    await onboard(bot, ws, sharingA, { locale: "en-US", agency: { id: agencyA, share: true } });
    await onboard(bot, ws, privateA, { locale: "en-US", agency: { id: agencyA, share: false } });
    await onboard(bot, ws, sharingB, { locale: "en-US", agency: { id: agencyB, share: true } });
    await slash({ name: "checkin", user: sharingA, locale: "ja" });
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN two agencies WHEN staff ask for one client THEN only their own consenting client is shown; everyone else gets the same refusal", async () => {
    const own = await slash({
      name: "agency",
      subcommand: "client",
      options: { user: sharingA },
      user: staffA,
    });
    expect(embed(own).description).toContain(`<@${sharingA.id}>`);
    expect(embed(own).description).toContain("Active days (last 7): 1");
    expect(embed(own).description).toContain(t("en", "agency.phase.meet"));
    const refusal = t("en", "agency.client.notYours");
    const stranger = bot.fake.addMember({ username: "stranger" }).user;
    for (const [user, target] of [
      [staffA, privateA],
      [staffA, sharingB],
      [staffA, stranger],
      [staffB, sharingA],
    ] as const) {
      const reply = await slash({ name: "agency", subcommand: "client", options: { user: target }, user });
      expect(reply.content).toBe(refusal);
      expect(reply.embeds ?? []).toEqual([]);
    }
    const intern = await slash({
      name: "agency",
      subcommand: "client",
      options: { user: sharingB },
      user: sharingA,
    });
    expect(intern.content).toBe(t("en", "error.access.agency"));
  });

  it("GIVEN digest settings WHEN bad input is given THEN a localised refusal and nothing saved; good input is saved and scheduled in the programme's zone", async () => {
    const bad = await slash({
      name: "agency",
      subcommandGroup: "digest",
      subcommand: "settings",
      options: { delivery: "thread", weekday: "funday", time: "09:00" },
      user: staffA,
      locale: "ja",
    });
    expect(bad.content).toBe(t("ja", "agency.digest.error.weekday"));
    const badTime = await slash({
      name: "agency",
      subcommandGroup: "digest",
      subcommand: "settings",
      options: { delivery: "thread", weekday: "mon", time: "9am" },
      user: staffA,
    });
    expect(badTime.content).toBe(t("en", "agency.digest.error.time"));
    expect(await db().agencyDigestSetting.count()).toBe(0);

    const saved = await slash({
      name: "agency",
      subcommandGroup: "digest",
      subcommand: "settings",
      options: { delivery: "thread", weekday: "mon", time: "09:00" },
      user: staffA,
    });
    expect(saved.content).toBe(
      t("en", "agency.digest.saved", {
        agency: "ひかり",
        weekday: t("en", "weekday.1"),
        time: "09:00",
        zone: "Asia/Tokyo",
        delivery: t("en", "agency.digest.delivery.thread"),
      }),
    );
    await slash({
      name: "agency",
      subcommandGroup: "digest",
      subcommand: "settings",
      options: { delivery: "dm", weekday: "金", time: "17:30" },
      user: staffB,
    });
    const scheduler = await queue()?.getJobScheduler(`agency-digest:${agencyA}`);
    expect(scheduler).toMatchObject({ pattern: "0 9 * * 1", tz: "Asia/Tokyo" });
    expect(await queue()?.getJobScheduler(`agency-digest:${agencyB}`)).toMatchObject({
      pattern: "30 17 * * 5",
    });
  });

  it("GIVEN the digests WHEN they are sent twice THEN each agency gets its own consenting clients once: A in its private thread, B by DM", async () => {
    await queue()?.add(JOBS.sendAgencyDigest.name, { agencyId: agencyA }, { jobId: "digest-a-1" });
    await queue()?.add(JOBS.sendAgencyDigest.name, { agencyId: agencyB }, { jobId: "digest-b-1" });
    expect(await settled("digest-a-1")).toBe("completed");
    expect(await settled("digest-b-1")).toBe("completed");
    threadId = (
      await createProgrammeRepository(db()).discordResource(ws.programme.id, agencyThreadKey(agencyA))
    )?.discordId as string;
    expect(bot.fake.channel(threadId)?.type).toBe(ChannelType.PrivateThread);
    const inThread = bot.fake.messages(threadId);
    expect(inThread).toHaveLength(1);
    digestMessage = inThread[0] as ApiMessage;
    const text = JSON.stringify(digestMessage.embeds);
    expect(text).toContain(`<@${sharingA.id}>`);
    expect(text).not.toContain(privateA.id);
    expect(text).not.toContain(sharingB.id);
    // The shared agency channel carries nothing.
    const agencyChannelId = (
      await createProgrammeRepository(db()).discordResource(ws.programme.id, ResourceKeys.channels.agency)
    )?.discordId as string;
    expect(bot.fake.messages(agencyChannelId)).toEqual([]);

    const dm = await db().agencyDelivery.findFirstOrThrow({ where: { agencyId: agencyB } });
    const dmText = JSON.stringify(bot.fake.messages(dm.channelId).map((m) => m.embeds));
    expect(dmText).toContain(`<@${sharingB.id}>`);
    expect(dmText).not.toContain(sharingA.id);

    await queue()?.add(JOBS.sendAgencyDigest.name, { agencyId: agencyA }, { jobId: "digest-a-2" });
    expect(await settled("digest-a-2")).toBe("completed");
    expect(bot.fake.messages(threadId)).toHaveLength(1);
  });

  it("GIVEN a client's posts WHEN they turn sharing off THEN their digest section says they stopped, other posts about them are deleted, and the next digest drops them", async () => {
    const member = await createMemberRepository(db()).find(ws.programme.id, sharingA.id);
    const posted = (await bot.client.rest.post(Routes.channelMessages(threadId), {
      body: { content: "certificate" },
    })) as { id: string };
    await db().agencyDelivery.create({
      data: {
        agencyId: agencyA,
        memberId: member?.id ?? "",
        kind: "certificate",
        channelId: threadId,
        messageId: posted.id,
      },
    });

    const off = await slash({
      name: "profile",
      subcommand: "consent",
      options: { share: false },
      user: sharingA,
      locale: "en-US",
    });
    expect(off.content).toMatch(/is now off/);
    await bot.fake.waitFor(() => bot.fake.messages(threadId).every((m) => m.id !== posted.id), 10_000);
    await bot.fake.waitFor(
      () =>
        embed(bot.fake.messages(threadId)[0] ?? {}).fields?.[0]?.value === t("ja", "agency.digest.stopped"),
      10_000,
    );
    expect(JSON.stringify(bot.fake.messages(threadId))).not.toContain(sharingA.id);
    // The record goes right after the edit.
    let left = -1;
    for (let i = 0; i < 200 && left !== 0; i++) {
      left = await db().agencyDelivery.count({ where: { memberId: member?.id ?? "" } });
      if (left !== 0) await new Promise((r) => setTimeout(r, 25));
    }
    expect(left).toBe(0);

    const preview = await slash({
      name: "agency",
      subcommandGroup: "digest",
      subcommand: "preview",
      user: staffA,
    });
    expect(embed(preview).description).toBe(t("en", "agency.digest.empty"));
    const refused = await slash({
      name: "agency",
      subcommand: "client",
      options: { user: sharingA },
      user: staffA,
    });
    expect(refused.content).toBe(t("en", "agency.client.notYours"));
  });

  it("GIVEN clients at different stages WHEN an organiser and staff ask for the funnel THEN the organiser sees everyone and staff only their consenting clients", async () => {
    const organiser = bot.fake.addMember({ username: "organiser" }).user;
    await createMemberRepository(db()).join({
      programmeId: ws.programme.id,
      discordUserId: organiser.id,
      roles: ["organiser"],
    });
    const all = await slash({ name: "program", subcommand: "funnel", user: organiser });
    expect(embed(all).description?.split("\n")[0]).toBe(
      t("en", "agency.funnel.line", {
        phase: t("en", "agency.phase.meet"),
        reached: 3,
        current: 3,
        withdrawn: 0,
      }),
    );
    const staffView = await slash({ name: "agency", subcommand: "funnel", user: staffB });
    expect(embed(staffView).description?.split("\n")[0]).toBe(
      t("en", "agency.funnel.line", {
        phase: t("en", "agency.phase.meet"),
        reached: 1,
        current: 1,
        withdrawn: 0,
      }),
    );
  });
});
