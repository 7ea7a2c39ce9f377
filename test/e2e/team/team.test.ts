import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createTeamRepository } from "../../../src/db/repositories/teams.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { addIntern, customIds, openProgramme } from "../assignments/harness.ts";
import { type ProgramBot, startProgramBot } from "../program/harness.ts";

/** `/team` through the local Discord on the real database: create → invite → join → show, refusals, threads. */
describe("hackathon teams end to end", () => {
  let pb: ProgramBot;
  let programmeId: string;
  let organiser: ApiUser;
  let aiko: ApiUser;
  let ben: ApiUser;
  let chika: ApiUser;
  let dan: ApiUser;
  let outsider: ApiUser;

  const bot = () => pb.bot;
  const team = (user: ApiUser, subcommand: string, options: Record<string, unknown> = {}, locale = "en-US") =>
    bot()
      .fake.sendSlashCommand({ name: "team", subcommand, options: options as never, user, locale })
      .finalReply();
  const teams = () => createTeamRepository(pb.db).list(programmeId);
  const threadMembers = (threadId: string) => [
    ...(bot().fake.store.threadMembers.get(threadId)?.keys() ?? []),
  ];

  beforeAll(async () => {
    pb = await startProgramBot();
    organiser = bot().fake.addMember({ username: "organiser" }).user;
    aiko = bot().fake.addMember({ username: "aiko" }).user;
    ben = bot().fake.addMember({ username: "ben" }).user;
    chika = bot().fake.addMember({ username: "chika" }).user;
    dan = bot().fake.addMember({ username: "dan" }).user;
    outsider = bot().fake.addMember({ username: "outsider" }).user;
    programmeId = await openProgramme(bot(), { name: "Hack", mode: "hackathon", organiser: organiser.id });
    const projects = bot().fake.channel("general")?.id ?? "";
    await createProgrammeRepository(pb.db).saveDiscordResource(programmeId, {
      key: ResourceKeys.channels.projects,
      discordId: projects,
      kind: "text_channel",
    });
    for (const [user, name] of [
      [aiko, "Aiko"],
      [ben, "Ben"],
      [chika, "Chika"],
      [dan, "Dan"],
    ] as const) {
      await addIntern(pb.db, programmeId, user.id, { name });
    }
  });
  afterEach(() => {
    expect(bot().fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await pb?.close();
  });

  it("GIVEN an organiser WHEN they set team-max 2 with /program settings THEN the limit is stored and audited", async () => {
    const reply = await bot()
      .fake.sendSlashCommand({
        name: "program",
        subcommand: "settings",
        options: { "team-max": 2 },
        user: organiser,
        locale: "en-US",
      })
      .finalReply();
    expect(reply.content).toBe(t("en", "team.settings.changed", { fromMin: 1, fromMax: 4, min: 1, max: 2 }));
    expect((await createTeamRepository(pb.db).settings(programmeId))?.limits).toEqual({ min: 1, max: 2 });
    const bad = await bot()
      .fake.sendSlashCommand({
        name: "program",
        subcommand: "settings",
        options: { "team-min": 3 },
        user: organiser,
        locale: "ja",
      })
      .finalReply();
    expect(bad.content).toBe(t("ja", "team.error.limitsOrder", { min: 3, max: 2 }));
    expect((await createTeamRepository(pb.db).settings(programmeId))?.limits).toEqual({ min: 1, max: 2 });
  });

  let invite: ApiMessage;
  let threadId: string;

  it("GIVEN a participant WHEN they create a team and invite a teammate who presses Join THEN both are in the team and its private thread; /team show lists them", async () => {
    const created = await team(aiko, "create", { name: "  Ｒｏｃｋｅｔ  Crew " });
    expect(created.content).toContain(t("en", "team.create.done", { team: "Rocket Crew" }));
    const [rocket] = await teams();
    expect(rocket?.name).toBe("Rocket Crew");
    threadId = rocket?.threadId ?? "";
    expect(bot().fake.store.channels.get(threadId)?.type).toBe(12); // private thread
    expect(threadMembers(threadId)).toEqual(expect.arrayContaining([aiko.id, organiser.id]));

    invite = await team(aiko, "invite", { user: ben.id });
    expect(invite.flags ?? 0).toBe(0); // public: the invitee sees it
    expect(invite.content).toBe(
      t("en", "team.invite.message", { user: `<@${ben.id}>`, by: `<@${aiko.id}>`, team: "Rocket Crew" }),
    );
    const [joinId] = customIds(invite);
    // Someone else pressing Join is refused and nothing changes.
    const stranger = await bot()
      .fake.clickButton({ message: invite, customId: joinId ?? "", user: chika, locale: "ja" })
      .finalReply();
    expect(stranger.content).toBe(t("ja", "team.error.notYourInvite"));
    const joined = await bot()
      .fake.clickButton({ message: invite, customId: joinId ?? "", user: ben, locale: "en-US" })
      .finalReply();
    expect(joined.content).toBe(t("en", "team.join.done", { team: "Rocket Crew" }));
    expect((await teams())[0]?.members.map((m) => m.discordUserId)).toEqual([aiko.id, ben.id]);
    expect(threadMembers(threadId)).toContain(ben.id);

    const shown = await team(ben, "show");
    const embed = shown.embeds?.[0] as { title?: string; description?: string };
    expect(embed.title).toBe(t("en", "team.show.title", { team: "Rocket Crew" }));
    expect(embed.description).toContain(`<@${aiko.id}>, <@${ben.id}>`);
    expect(embed.description).toContain(t("en", "team.show.size", { size: 2, min: 1, max: 2 }));
    const audit = await createAuditRepository(pb.db).recent(bot().fake.guild.id, { programmeId });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(["team.create", "team.invite", "team.join", "team.limits"]),
    );
  });

  it("GIVEN a full team, a second team, an outsider and a name clash THEN localised refusals in ja and en, and nothing changes", async () => {
    await team(chika, "create", { name: "Owls" });
    const before = JSON.stringify(await teams());
    expect((await team(aiko, "invite", { user: dan.id })).content).toBe(
      t("en", "team.error.full", { team: "Rocket Crew", max: 2 }),
    );
    expect((await team(aiko, "invite", { user: dan.id }, "ja")).content).toBe(
      t("ja", "team.error.full", { team: "Rocket Crew", max: 2 }),
    );
    expect((await team(chika, "invite", { user: outsider.id }, "ja")).content).toBe(
      t("ja", "team.error.outsider", { user: `<@${outsider.id}>` }),
    );
    expect((await team(chika, "invite", { user: ben.id })).content).toBe(
      t("en", "team.error.inviteeHasTeam", { user: `<@${ben.id}>` }),
    );
    expect((await team(dan, "create", { name: "Owls" }, "ja")).content).toBe(
      t("ja", "team.error.nameTaken", { team: "Owls" }),
    );
    expect((await team(ben, "create", { name: "Ben's" })).content).toBe(t("en", "team.error.alreadyInTeam"));
    expect((await team(dan, "join")).content).toBe(t("en", "team.error.noInvite"));
    expect(JSON.stringify(await teams())).toBe(before);
  });

  it("GIVEN the organiser locks teams THEN leaving, joining and moving are refused in ja and en; unlocking lets a member leave and the thread loses them", async () => {
    // An invitation sent before the lock cannot be accepted after it.
    const owlsInvite = await team(chika, "invite", { user: dan.id });
    const locked = await team(organiser, "lock");
    expect(locked.content).toContain("🔒");
    expect((await team(ben, "leave")).content).toBe(t("en", "team.error.locked"));
    expect((await team(ben, "leave", {}, "ja")).content).toBe(t("ja", "team.error.locked"));
    const [joinId] = customIds(owlsInvite);
    const late = await bot()
      .fake.clickButton({ message: owlsInvite, customId: joinId ?? "", user: dan, locale: "ja" })
      .finalReply();
    expect(late.content).toBe(t("ja", "team.error.locked"));
    expect((await team(organiser, "move", { user: ben.id, team: "Owls" })).content).toBe(
      t("en", "team.error.locked"),
    );
    expect((await teams()).map((x) => x.members.length)).toEqual([2, 1]);

    await team(organiser, "lock", { unlock: true });
    const left = await team(ben, "leave");
    expect(left.content).toBe(t("en", "team.leave.done", { team: "Rocket Crew" }));
    expect(threadMembers(threadId)).not.toContain(ben.id);
    const moved = await team(organiser, "move", { user: dan.id, team: "Owls" });
    expect(moved.content).toBe(t("en", "team.move.doneNew", { user: `<@${dan.id}>`, team: "Owls" }));
    const list = await team(organiser, "list");
    const description = ((list.embeds?.[0] ?? {}) as { description?: string }).description ?? "";
    expect(description).toContain(t("en", "team.list.withoutTeam", { count: 1 }));
  });

  it("GIVEN an internship programme WHEN a participant runs /team create THEN a clear refusal", async () => {
    await pb.db.programme.update({ where: { id: programmeId }, data: { mode: "internship" } });
    try {
      expect((await team(aiko, "create", { name: "Solo" }, "ja")).content).toBe(
        t("ja", "team.error.notHackathon"),
      );
    } finally {
      await pb.db.programme.update({ where: { id: programmeId }, data: { mode: "hackathon" } });
    }
  });
});
