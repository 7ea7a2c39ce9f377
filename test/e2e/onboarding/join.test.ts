import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import { type ApiUser, computePermissions, Perm } from "../../../scripts/harness/fake-discord/index.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProfileRepository } from "../../../src/db/repositories/profiles.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { confirmButtonId, reopenButtonId } from "../../../src/discord/onboarding/ids.ts";
import { joinButtonId } from "../../../src/discord/shared-ids.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import {
  clickJoinAndSubmit,
  goodAnswers,
  onboard,
  onboardDoubleClick,
  onboardHandle,
  seedWorkspace,
  startOnboardingBot,
  type Workspace,
} from "./setup.ts";

const PRIVATE_THREAD = 12;

describe("onboarding through the Join button", () => {
  let bot: TestBot;
  let ws: Workspace;

  beforeAll(async () => {
    bot = await startOnboardingBot();
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  const newUser = (name: string): ApiUser => bot.fake.addMember({ username: name }).user;
  const members = () => createMemberRepository(bot.db as NonNullable<TestBot["db"]>);
  const threadsOf = (userId: string) =>
    [...bot.fake.guild.threads.values()].filter((thread) =>
      bot.fake.store.threadMembers.get(thread.id)?.has(userId),
    );

  it("GIVEN a new intern (ja) WHEN they click Join and answer every step THEN they are onboarded: role, private thread with them in it, stage, profile, summary", async () => {
    ws = await seedWorkspace(bot);
    const user = newUser("hanako");
    const final = await onboard(bot, ws, user, {
      locale: "ja",
      language: "ja",
      accommodations: ["textOnlyPresentation", "extendedDeadlines"],
    });

    const embed = final.embeds?.[0] as { title?: string; description?: string };
    expect(embed.title).toBe(t("ja", "onboarding.done.title", { name: "山田 花子" }));
    expect(embed.description).toContain(`<t:${Math.floor(ws.programme.startsAt.getTime() / 1000)}:F>`);
    expect(embed.description).toContain(`<#${ws.questionsId}>`);
    expect(final.components ?? []).toEqual([]);
    expect(final.content).toBe(t("ja", "onboarding.done.dmSent"));

    expect(bot.fake.member(user.id)?.roles).toContain(ws.roles.intern.id);
    const [thread, ...others] = threadsOf(user.id);
    expect(others).toEqual([]);
    expect(thread?.type).toBe(PRIVATE_THREAD);
    expect(thread?.parent_id).toBe(ws.projectsId);
    expect((thread?.thread_metadata as { invitable?: boolean } | undefined)?.invitable).toBe(false);
    expect(embed.description).toContain(`<#${thread?.id}>`);
    expect(bot.fake.messages(thread?.id ?? "").at(-1)?.content).toContain(`<@${user.id}>`);

    const member = await members().find(ws.programme.id, user.id);
    expect(member).toMatchObject({ stage: "onboarded", roles: ["intern"], projectChannelId: thread?.id });
    expect((await members().stageHistory(member?.id ?? "")).map((s) => [s.from, s.to])).toEqual([
      [null, "applied"],
      ["applied", "onboarded"],
    ]);
    expect(await members().profile(member?.id ?? "")).toEqual({
      displayName: "山田 花子",
      skills: [
        { name: "SQL", level: 2 },
        { name: "TypeScript", level: 3 },
      ],
      interests: ["教育", "アクセシビリティ"],
      weeklyHoursAvailable: 12,
      preferredLocale: "ja",
      accommodations: {
        notes: "午前中は連絡が遅れます",
        textOnlyPresentation: true,
        extendedDeadlines: true,
        fewerNotifications: false,
      },
    });
    expect(
      await createProfileRepository(bot.db as NonNullable<TestBot["db"]>).draft(ws.programme.id, user.id),
    ).toBeNull();
    const dm = bot.fake.store.dmChannel(user);
    expect((bot.fake.messages(dm.id).at(-1)?.embeds?.[0] as { title?: string })?.title).toBe(embed.title);
  });

  it("GIVEN wrong hours and a skill level out of range (en) THEN every problem is explained in English, the answers are kept, and fixing one field completes the step", async () => {
    const user = newUser("amir");
    const typed = { ...goodAnswers, displayName: "Amir", skills: "TypeScript:9, Go", hours: "lots" };
    const problems = await clickJoinAndSubmit(bot, ws, user, "en-US", typed);
    expect(problems.content).toContain(t("en", "onboarding.problems.intro", { count: 3 }));
    expect(problems.content).toContain(t("en", "onboarding.problem.skills.level", { entry: "TypeScript:9" }));
    expect(problems.content).toContain(t("en", "onboarding.problem.skills.format", { entry: "Go" }));
    expect(problems.content).toContain(t("en", "onboarding.problem.hours.notWhole", { value: "lots" }));
    expect(await members().find(ws.programme.id, user.id)).toBeNull();

    const reopen = bot.fake.clickButton({
      message: problems,
      customId: reopenButtonId.encode({ programmeId: ws.programme.id, mode: "join" }),
      user,
      locale: "en-US",
    });
    const modal = await reopen.modal();
    const values = Object.fromEntries(
      (modal.components as Array<{ components: Array<{ custom_id: string; value?: string }> }>).map((row) => [
        row.components[0]?.custom_id,
        row.components[0]?.value,
      ]),
    );
    expect(values).toEqual(typed);

    const fixed = await bot.fake
      .submitModal({
        modal: reopen,
        fields: { ...typed, skills: "TypeScript:4, Go:1", hours: "２０" },
        locale: "en-US",
      })
      .finalReply();
    expect(fixed.content).toContain(t("en", "onboarding.choices.title"));
  });

  it("GIVEN an onboarded intern WHEN they click Join again or press confirm twice THEN nothing is duplicated and they see their profile", async () => {
    const user = newUser("twice");
    const final = await onboard(bot, ws, user, { locale: "en-US" });
    const again = bot.fake.clickButton({
      message: final,
      customId: confirmButtonId.encode({ programmeId: ws.programme.id }),
      user,
      locale: "en-US",
    });
    await again.finalReply();
    const rejoin = await bot.fake
      .clickButton({
        message: ws.welcome,
        customId: joinButtonId.encode({ programmeId: ws.programme.id }),
        user,
        locale: "en-US",
      })
      .finalReply();
    expect(rejoin.content).toBe(t("en", "onboarding.already"));
    expect((rejoin.embeds?.[0] as { title?: string } | undefined)?.title).toBe(
      t("en", "profile.title", { name: "山田 花子" }),
    );
    expect(threadsOf(user.id)).toHaveLength(1);
    const member = await members().find(ws.programme.id, user.id);
    expect((await members().stageHistory(member?.id ?? "")).map((s) => s.to)).toEqual([
      "applied",
      "onboarded",
    ]);
  });

  it("GIVEN closed DMs (50007) THEN onboarding still completes and the reply says the summary is only shown here", async () => {
    const user = newUser("nodm");
    bot.fake.failNext({
      route: (route) =>
        route === "POST /channels/{channel_id}/messages" &&
        bot.fake
          .requestsTo("POST /users/@me/channels")
          .some((r) => (r.body as { recipient_id?: string })?.recipient_id === user.id),
      status: 403,
      body: { code: 50007, message: "Cannot send messages to this user" },
    });
    const final = await onboard(bot, ws, user, { locale: "en-US" });
    expect(final.content).toBe(t("en", "onboarding.done.dmClosed"));
    expect(final.embeds?.[0]).toBeDefined();
    expect((await members().find(ws.programme.id, user.id))?.stage).toBe("onboarded");
  });

  it("GIVEN the projects channel is not set up yet WHEN an intern confirms THEN they are told what is missing, the record is kept, and /join later completes the Discord steps", async () => {
    const broken = await seedWorkspace(bot, { record: { projects: false } });
    const user = newUser("early");
    const confirm = await onboardHandle(bot, broken, user, { locale: "ja" });
    const failed = await confirm.followUp(1);
    expect(failed.content).toBe(
      t("ja", "onboarding.workspaceMissing", { what: t("ja", "onboarding.workspace.projectsChannel") }),
    );
    const member = await members().find(broken.programme.id, user.id);
    expect(member).toMatchObject({ stage: "onboarded", projectChannelId: null });
    expect(threadsOf(user.id)).toEqual([]);

    const projects = bot.fake.channel("projects");
    await createProgrammeRepository(bot.db as NonNullable<TestBot["db"]>).saveDiscordResource(
      broken.programme.id,
      {
        key: ResourceKeys.channels.projects,
        discordId: projects?.id ?? "",
        kind: "text_channel",
      },
    );
    const repaired = await bot.fake.sendSlashCommand({ name: "join", user, locale: "ja" }).finalReply();
    expect(repaired.content).toBe(t("ja", "onboarding.already"));
    expect(threadsOf(user.id)).toHaveLength(1);
    expect((await members().find(broken.programme.id, user.id))?.projectChannelId).toBe(
      threadsOf(user.id)[0]?.id,
    );
  });

  it("GIVEN a withdrawn intern WHEN they use /join THEN they get a kind way back, not the form", async () => {
    const fresh = await seedWorkspace(bot);
    const user = newUser("left");
    await onboard(bot, fresh, user, { locale: "en-US" });
    const member = await members().find(fresh.programme.id, user.id);
    await members().moveStage(member?.id ?? "", "withdrawn", { actorUserId: user.id });
    const reply = await bot.fake.sendSlashCommand({ name: "join", user, locale: "en-US" }).finalReply();
    expect(reply.content).toMatch(/^You withdrew on <t:\d+:D>\./);
  });

  it("GIVEN two onboarded interns and an agency observer THEN the resulting permissions keep each thread private to its intern and staff", async () => {
    const ws2 = await seedWorkspace(bot);
    const a = newUser("intern-a");
    const b = newUser("intern-b");
    await onboard(bot, ws2, a, { locale: "ja" });
    await onboard(bot, ws2, b, { locale: "en-US" });
    const [threadA] = threadsOf(a.id);
    const [threadB] = threadsOf(b.id);
    expect(threadA && threadB && threadA.id !== threadB.id).toBe(true);
    const members = bot.fake.store.threadMembers;
    expect(members.get(threadA?.id ?? "")?.has(b.id)).toBe(false);
    expect(members.get(threadB?.id ?? "")?.has(a.id)).toBe(false);

    const projects = bot.fake.store.channels.get(ws2.projectsId);
    const guild = bot.fake.guild;
    const permissionsOf = (userId: string) => {
      const member = bot.fake.member(userId);
      if (!member) throw new Error("not a member");
      return computePermissions({
        guildId: guild.id,
        ownerId: guild.ownerId,
        roles: guild.roles,
        member,
        channel: projects,
      });
    };
    // A private thread is visible to its members and to those with Manage Threads on the parent.
    for (const intern of [a, b]) {
      const perms = permissionsOf(intern.id);
      expect(perms & Perm.ViewChannel).toBe(Perm.ViewChannel);
      expect(perms & Perm.ManageThreads).toBe(0n);
      expect(perms & Perm.CreatePrivateThreads).toBe(0n);
    }
    const observer = bot.fake.addMember({ username: "observer", roles: [ws2.roles.observer.id] }).user;
    expect(permissionsOf(observer.id) & Perm.ViewChannel).toBe(0n);
    const mentor = bot.fake.addMember({ username: "mentor", roles: [ws2.roles.mentor.id] }).user;
    expect(permissionsOf(mentor.id) & (Perm.ViewChannel | Perm.ManageThreads)).toBe(
      Perm.ViewChannel | Perm.ManageThreads,
    );
  });

  it("GIVEN a double click WHEN two confirms of one intern run at once THEN they are onboarded once: two stage-history rows, one thread, one role grant", async () => {
    const own = await seedWorkspace(bot);
    const user = newUser("doubleclick");
    const clicks = await onboardDoubleClick(bot, own, user, "ja");
    await Promise.all(clicks.map((click) => click.response()));
    // Whichever click onboarded edits the message twice: its answer, then its job's full summary.
    await bot.fake.waitFor(
      () => clicks.some((click) => click.record.originalEdits >= 2),
      10_000,
      "the finished onboarding summary",
    );
    const member = await members().find(own.programme.id, user.id);
    const memberId = member?.id ?? "";
    // The other click either found the member onboarded inside its transaction (and wrote and
    // queued nothing) or, if it read them after the first committed, repaired what was missing.
    const settled = () =>
      bot.logs.filter(
        (line) =>
          line.memberId === memberId &&
          (line.msg === "intern already onboarded by another request" ||
            line.msg === "intern workspace ready"),
      ).length >= 2;
    await vi.waitFor(() => expect(settled()).toBe(true), { timeout: 10_000 });
    expect(clicks.flatMap((click) => click.record.errors)).toEqual([]);

    expect(member).toMatchObject({ stage: "onboarded", roles: ["intern"] });
    expect((await members().stageHistory(memberId)).map((s) => [s.from, s.to])).toEqual([
      [null, "applied"],
      ["applied", "onboarded"],
    ]);
    expect(
      bot.logs.filter((line) => line.msg === "intern onboarded" && line.memberId === memberId),
    ).toHaveLength(1);
    const threads = threadsOf(user.id);
    expect(threads).toHaveLength(1);
    expect((await members().find(own.programme.id, user.id))?.projectChannelId).toBe(threads[0]?.id);
    expect(bot.fake.member(user.id)?.roles.filter((role) => role === own.roles.intern.id)).toHaveLength(1);
  });

  it("GIVEN two onboarding transactions of one intern racing THEN one onboards and the other writes nothing", async () => {
    const own = await seedWorkspace(bot);
    const user = newUser("race");
    const profiles = createProfileRepository(bot.db as NonNullable<TestBot["db"]>);
    const write = {
      programmeId: own.programme.id,
      discordUserId: user.id,
      profile: {
        displayName: "Race",
        skills: [{ name: "SQL", level: 2 }],
        interests: [],
        weeklyHoursAvailable: 10,
        preferredLocale: "en" as const,
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: false,
        },
      },
      agencyId: null,
      agencyConsent: false,
      at: new Date(),
    };
    const results = await Promise.all([
      profiles.completeOnboarding(write),
      profiles.completeOnboarding(write),
    ]);
    expect(results.map((r) => r.onboarded).sort()).toEqual([false, true]);
    expect(results[0]?.member.id).toBe(results[1]?.member.id);
    expect((await members().stageHistory(results[0]?.member.id ?? "")).map((s) => [s.from, s.to])).toEqual([
      [null, "applied"],
      ["applied", "onboarded"],
    ]);
    // Already onboarded or further: a later completion writes no stage move either.
    await members().moveStage(results[0]?.member.id ?? "", "working", { actorUserId: null });
    const later = await profiles.completeOnboarding(write);
    expect(later).toMatchObject({ onboarded: false, member: { stage: "working" } });
    expect(await members().stageHistory(later.member.id)).toHaveLength(3);
  });

  it("GIVEN an intern who moved on to working before the onboarding job ran THEN the job still grants the role and makes the private thread", async () => {
    const own = await seedWorkspace(bot);
    const user = newUser("quick");
    const db = bot.db as NonNullable<TestBot["db"]>;
    const { member } = await createProfileRepository(db).completeOnboarding({
      programmeId: own.programme.id,
      discordUserId: user.id,
      profile: {
        displayName: "Quick",
        skills: [],
        interests: [],
        weeklyHoursAvailable: 8,
        preferredLocale: "ja",
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: false,
        },
      },
      agencyId: null,
      agencyConsent: false,
      at: new Date(),
    });
    await members().moveStage(member.id, "working", { actorUserId: null });
    await bot.ctx.queues.add(
      JOBS.finishOnboarding,
      { guildId: bot.fake.guild.id, programmeId: own.programme.id, memberId: member.id, locale: "ja" },
      { jobId: `onboard-test-${member.id}` },
    );
    const [thread] = await bot.fake.waitFor(
      () => (threadsOf(user.id).length > 0 ? threadsOf(user.id) : undefined),
      10_000,
      "the intern's project thread",
    );
    expect(thread?.parent_id).toBe(own.projectsId);
    expect(bot.fake.member(user.id)?.roles).toContain(own.roles.intern.id);
    const after = await members().find(own.programme.id, user.id);
    expect(after).toMatchObject({ stage: "working", projectChannelId: thread?.id });
  });
});
