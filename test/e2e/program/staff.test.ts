import "../../support/unhandled.ts";
import { Routes } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import {
  type ApiRole,
  type ApiUser,
  computePermissions,
  Perm,
} from "../../../scripts/harness/fake-discord/index.ts";
import type { Database } from "../../../src/db/client.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { onboard, startOnboardingBot, type Workspace } from "../onboarding/setup.ts";
import { MANAGE_GUILD, settledReply } from "./harness.ts";

const mention = (user: ApiUser) => `<@${user.id}>`;

describe("/program staff add, remove and list on the local Discord", () => {
  let bot: TestBot;
  let db: Database;
  let ws: Workspace;
  /** The tester opened the programme, so they are its first organiser. */
  let organiser: ApiUser;
  let mentor: ApiUser;
  let intern: ApiUser;

  const settled = (handle: ReturnType<TestBot["fake"]["sendSlashCommand"]>) => settledReply(bot, handle);

  function open() {
    return settled(
      bot.fake.sendSlashCommand({
        name: "program",
        subcommand: "open",
        options: { name: "2030 春インターン", start: "2030-04-01", end: "2030-06-30" },
        memberPermissions: MANAGE_GUILD,
        locale: "ja",
      }),
    );
  }

  function staff(
    subcommand: "add" | "remove" | "list",
    options: { user?: ApiUser; role?: "mentor" | "organiser" },
    as: ApiUser,
    locale = "ja",
  ) {
    return bot.fake
      .sendSlashCommand({
        name: "program",
        subcommandGroup: "staff",
        subcommand,
        options: options as Record<string, string>,
        user: as,
        locale,
      })
      .finalReply();
  }

  const ja = (key: "program.staff.role.mentor" | "program.staff.role.organiser") => t("ja", key);
  const rolesInProgramme = async (user: ApiUser) =>
    (await createMemberRepository(db).find(ws.programme.id, user.id))?.roles ?? [];
  const audited = async (action: string) =>
    (await createAuditRepository(db).recent(bot.fake.guild.id, { programmeId: ws.programme.id })).filter(
      (e) => e.action === action,
    );

  /** The workspace `/program open` left, in the shape the onboarding helpers take. */
  async function workspace(): Promise<Workspace> {
    const programmes = createProgrammeRepository(db);
    const programme = await programmes.current(bot.fake.guild.id);
    if (!programme) throw new Error("no programme after /program open");
    const id = async (key: string) => (await programmes.discordResource(programme.id, key))?.discordId ?? "";
    const role = async (key: string) => bot.fake.guild.roles.get(await id(key)) as ApiRole;
    const welcome = bot.fake.store.findMessage(await id(ResourceKeys.welcomeMessage));
    if (!welcome) throw new Error("no welcome message");
    return {
      programme,
      roles: {
        organiser: await role(ResourceKeys.roles.organiser),
        mentor: await role(ResourceKeys.roles.mentor),
        intern: await role(ResourceKeys.roles.intern),
        observer: await role(ResourceKeys.roles.agencyObserver),
      },
      projectsId: await id(ResourceKeys.channels.projects),
      questionsId: await id(ResourceKeys.channels.questions),
      welcome,
    };
  }

  /** What `user` may do in the projects channel (their private threads' parent), per the fake. */
  function projectsPermissions(user: ApiUser): bigint {
    const member = bot.fake.member(user.id);
    if (!member) throw new Error("not a member");
    const guild = bot.fake.guild;
    return computePermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      roles: guild.roles,
      member,
      channel: bot.fake.store.channels.get(ws.projectsId),
    });
  }

  beforeAll(async () => {
    bot = await startOnboardingBot();
    db = bot.db as Database;
    organiser = bot.fake.store.tester;
    expect((await open()).content).toContain("2030 春インターン");
    ws = await workspace();
    intern = bot.fake.addMember({ username: "intern" }).user;
    await onboard(bot, ws, intern, { locale: "ja", fields: { displayName: "佐藤 葵" } });
    mentor = bot.fake.addMember({ username: "mentor" }).user;
  }, 60_000);

  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN a new mentor WHEN an organiser adds them THEN they hold the mentor role, manage the project threads' parent, can view an intern's profile, and it is audited once", async () => {
    const role = ja("program.staff.role.mentor");
    expect(projectsPermissions(mentor) & Perm.ViewChannel).toBe(0n);

    const reply = await staff("add", { user: mentor, role: "mentor" }, organiser);
    expect(reply.content).toBe(t("ja", "program.staff.added", { user: mention(mentor), role }));
    expect(bot.fake.member(mentor.id)?.roles).toContain(ws.roles.mentor.id);
    expect(await rolesInProgramme(mentor)).toEqual(["mentor"]);

    const thread = (await createMemberRepository(db).find(ws.programme.id, intern.id))?.projectChannelId;
    expect(bot.fake.store.channels.get(thread ?? "")?.parent_id).toBe(ws.projectsId);
    const wanted = Perm.ViewChannel | Perm.ManageThreads | Perm.SendMessagesInThreads;
    expect(projectsPermissions(mentor) & wanted).toBe(wanted);

    const profile = await bot.fake
      .sendSlashCommand({
        name: "profile",
        subcommand: "view",
        options: { user: intern },
        user: mentor,
        locale: "ja",
      })
      .finalReply();
    expect((profile.embeds?.[0] as { title?: string } | undefined)?.title).toBe(
      t("ja", "profile.title", { name: "佐藤 葵" }),
    );

    const again = await staff("add", { user: mentor, role: "mentor" }, organiser);
    expect(again.content).toBe(t("ja", "program.staff.already", { user: mention(mentor), role }));
    expect(await audited("program.staff.add")).toEqual([
      expect.objectContaining({
        actorUserId: organiser.id,
        target: `user:${mentor.id}`,
        data: { role: "mentor" },
      }),
    ]);
  });

  it("GIVEN staff WHEN an organiser lists them THEN organisers and mentors are shown as mentions", async () => {
    const list = await staff("list", {}, organiser, "en-US");
    const embed = list.embeds?.[0] as { title?: string; fields?: { name: string; value: string }[] };
    expect(embed.title).toBe(t("en", "program.staff.list.title", { name: ws.programme.name }));
    expect(embed.fields).toEqual([
      { name: t("en", "program.staff.list.organisers", { count: 1 }), value: mention(organiser) },
      { name: t("en", "program.staff.list.mentors", { count: 1 }), value: mention(mentor) },
    ]);
    expect(embed.fields?.[1]?.value).not.toContain(intern.id);
  });

  it("GIVEN people who can't be staff THEN a bot, someone outside the server and an intern are refused, and nothing changes", async () => {
    const robot = bot.fake.addMember({ username: "helper-bot", bot: true }).user;
    expect((await staff("add", { user: robot, role: "mentor" }, organiser)).content).toBe(
      t("ja", "program.staff.error.bot"),
    );
    const outsider = bot.fake.addUser({ username: "outsider" });
    expect((await staff("add", { user: outsider, role: "organiser" }, organiser, "en-US")).content).toBe(
      t("en", "program.staff.error.notMember", { user: mention(outsider) }),
    );
    expect((await staff("add", { user: intern, role: "mentor" }, organiser)).content).toBe(
      t("ja", "program.staff.error.intern", { user: mention(intern) }),
    );
    expect(await rolesInProgramme(robot)).toEqual([]);
    expect(await rolesInProgramme(outsider)).toEqual([]);
    expect(await rolesInProgramme(intern)).toEqual(["intern"]);
    expect(bot.fake.member(intern.id)?.roles).not.toContain(ws.roles.mentor.id);
  });

  it("GIVEN an intern or a mentor WHEN they use /program staff THEN they are refused on the server side", async () => {
    const fromIntern = await staff("add", { user: intern, role: "organiser" }, intern, "en-US");
    expect(fromIntern.content).toBe(t("en", "error.access.organiser"));
    const fromMentor = await staff("list", {}, mentor);
    expect(fromMentor.content).toBe(t("ja", "error.access.organiser"));
    expect(await rolesInProgramme(intern)).toEqual(["intern"]);
    expect(bot.fake.member(intern.id)?.roles).not.toContain(ws.roles.organiser.id);
  });

  it("GIVEN a mentor WHEN an organiser removes them THEN the record and the role are gone, they lose access, and removing again says so", async () => {
    const role = ja("program.staff.role.mentor");
    const reply = await staff("remove", { user: mentor, role: "mentor" }, organiser);
    expect(reply.content).toBe(t("ja", "program.staff.removed", { user: mention(mentor), role }));
    expect(bot.fake.member(mentor.id)?.roles).not.toContain(ws.roles.mentor.id);
    expect(await rolesInProgramme(mentor)).toEqual([]);
    expect(projectsPermissions(mentor) & Perm.ViewChannel).toBe(0n);
    expect(await audited("program.staff.remove")).toHaveLength(1);

    const profile = await bot.fake
      .sendSlashCommand({
        name: "profile",
        subcommand: "view",
        options: { user: intern },
        user: mentor,
        locale: "ja",
      })
      .finalReply();
    expect(profile.content).toBe(t("ja", "error.access.denied"));

    const again = await staff("remove", { user: mentor, role: "mentor" }, organiser);
    expect(again.content).toBe(t("ja", "program.staff.notStaff", { user: mention(mentor), role }));
    expect(await audited("program.staff.remove")).toHaveLength(1);
  });

  it("GIVEN one organiser WHEN they remove themselves THEN it is refused; with a second organiser the first can step down", async () => {
    const refused = await staff("remove", { user: organiser, role: "organiser" }, organiser);
    expect(refused.content).toBe(t("ja", "program.staff.error.lastOrganiser", { user: mention(organiser) }));
    expect(await rolesInProgramme(organiser)).toEqual(["organiser"]);
    expect(bot.fake.member(organiser.id)?.roles).toContain(ws.roles.organiser.id);

    const second = bot.fake.addMember({ username: "second-organiser" }).user;
    await staff("add", { user: second, role: "organiser" }, organiser);
    expect(bot.fake.member(second.id)?.roles).toContain(ws.roles.organiser.id);
    const stepDown = await staff("remove", { user: organiser, role: "organiser" }, second, "en-US");
    expect(stepDown.content).toBe(
      t("en", "program.staff.removed", {
        user: mention(organiser),
        role: t("en", "program.staff.role.organiser"),
      }),
    );
    expect(bot.fake.member(organiser.id)?.roles).not.toContain(ws.roles.organiser.id);
    expect((await staff("list", {}, organiser)).content).toBe(t("ja", "error.access.organiser"));

    const last = await staff("remove", { user: second, role: "organiser" }, second);
    expect(last.content).toBe(t("ja", "program.staff.error.lastOrganiser", { user: mention(second) }));
    // The organiser who stepped down comes back, so the tests below run as before.
    await staff("add", { user: organiser, role: "organiser" }, second);
    expect(await rolesInProgramme(organiser)).toEqual(["organiser"]);
  });

  it("GIVEN the mentor role was deleted from the server WHEN an organiser adds a mentor THEN the reply points to /program open, which makes it again", async () => {
    await bot.client.rest.delete(Routes.guildRole(bot.fake.guild.id, ws.roles.mentor.id));
    const role = ja("program.staff.role.mentor");
    const missing = await staff("add", { user: mentor, role: "mentor" }, organiser);
    expect(missing.content).toBe(t("ja", "program.staff.error.noRole", { role }));
    expect(missing.content).toContain("/program open");
    expect(await rolesInProgramme(mentor)).toEqual([]);

    await open();
    ws = await workspace();
    expect(ws.roles.mentor).toBeDefined();
    const added = await staff("add", { user: mentor, role: "mentor" }, organiser);
    expect(added.content).toBe(t("ja", "program.staff.added", { user: mention(mentor), role }));
    expect(bot.fake.member(mentor.id)?.roles).toContain(ws.roles.mentor.id);
  });
});
