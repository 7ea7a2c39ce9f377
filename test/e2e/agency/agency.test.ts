import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startTestBot, type TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAgencyRepository } from "../../../src/db/repositories/agencies.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { t } from "../../../src/i18n/translate.ts";
import { onboard, seedWorkspace, type Workspace } from "../onboarding/setup.ts";

describe("agencies, agency staff and consent", () => {
  let bot: TestBot;
  let ws: Workspace;
  let organiser: ApiUser;
  let agencyId: string;
  let otherAgencyId: string;
  let staff: ApiUser;
  let sharing: ApiUser;
  let private_: ApiUser;

  const db = () => bot.db as NonNullable<TestBot["db"]>;
  const description = (message: { embeds?: unknown[] }) =>
    (message.embeds?.[0] as { description?: string } | undefined)?.description ?? "";

  beforeAll(async () => {
    bot = await startTestBot({ db: true });
    ws = await seedWorkspace(bot);
    organiser = bot.fake.addMember({ username: "organiser" }).user;
    await createMemberRepository(db()).join({
      programmeId: ws.programme.id,
      discordUserId: organiser.id,
      roles: ["organiser"],
    });
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN an organiser WHEN they register agencies THEN they are stored, audited, listed, and a duplicate name is refused", async () => {
    const added = await bot.fake
      .sendSlashCommand({
        name: "agency",
        subcommand: "add",
        options: { name: "ひかり就労支援" },
        user: organiser,
        locale: "ja",
      })
      .finalReply();
    expect(added.content).toBe(t("ja", "agency.added", { name: "ひかり就労支援" }));
    await bot.fake
      .sendSlashCommand({
        name: "agency",
        subcommand: "add",
        options: { name: "Bridge NPO" },
        user: organiser,
      })
      .finalReply();
    const again = await bot.fake
      .sendSlashCommand({
        name: "agency",
        subcommand: "add",
        options: { name: "Bridge NPO" },
        user: organiser,
      })
      .finalReply();
    expect(again.content).toBe(t("en", "agency.error.exists", { name: "Bridge NPO" }));
    const agencies = await createAgencyRepository(db()).forProgramme(bot.fake.guild.id, ws.programme.id);
    expect(agencies.map((a) => a.name)).toEqual(["Bridge NPO", "ひかり就労支援"]);
    agencyId = agencies[1]?.id ?? "";
    otherAgencyId = agencies[0]?.id ?? "";
    const audit = await createAuditRepository(db()).recent(bot.fake.guild.id, {
      programmeId: ws.programme.id,
    });
    expect(audit.filter((e) => e.action === "agency.add")).toHaveLength(2);

    const intern = bot.fake.addMember({ username: "nosy-intern" }).user;
    const refused = await bot.fake
      .sendSlashCommand({
        name: "agency",
        subcommand: "add",
        options: { name: "X" },
        user: intern,
        locale: "en-US",
      })
      .finalReply();
    expect(refused.content).toBe(t("en", "error.access.organiser"));
  });

  it("GIVEN agencies WHEN an organiser adds staff with autocomplete THEN the observer role is given, AgencyStaff recorded and the action audited", async () => {
    staff = bot.fake.addMember({ username: "staff" }).user;
    const choices = await bot.fake
      .autocomplete({
        name: "agency",
        subcommandGroup: "staff",
        subcommand: "add",
        options: { user: staff, agency: "ひかり" },
        focused: "agency",
        user: organiser,
      })
      .choices();
    expect(choices).toEqual([{ name: "ひかり就労支援", value: agencyId }]);
    const reply = await bot.fake
      .sendSlashCommand({
        name: "agency",
        subcommandGroup: "staff",
        subcommand: "add",
        options: { user: staff, agency: agencyId },
        user: organiser,
        locale: "ja",
      })
      .finalReply();
    expect(reply.content).toBe(
      t("ja", "agency.staff.added", { user: `<@${staff.id}>`, agency: "ひかり就労支援" }),
    );
    expect(bot.fake.member(staff.id)?.roles).toContain(ws.roles.observer.id);
    expect(await createAgencyRepository(db()).agencyIdsOfStaff(bot.fake.guild.id, staff.id)).toEqual(
      new Set([agencyId]),
    );
    expect((await createMemberRepository(db()).find(ws.programme.id, staff.id))?.roles).toEqual([
      "agency_staff",
    ]);
    // /program staff list names them under their agency, beside organisers and mentors.
    const list = await bot.fake
      .sendSlashCommand({
        name: "program",
        subcommandGroup: "staff",
        subcommand: "list",
        user: organiser,
        locale: "ja",
      })
      .finalReply();
    const fields = (list.embeds?.[0]?.fields ?? []) as Array<{ name: string; value: string }>;
    expect(
      fields.find(
        (f) => f.name === t("ja", "program.staff.list.agency", { agency: "ひかり就労支援", count: 1 }),
      )?.value,
    ).toBe(`<@${staff.id}>`);
    const audit = await createAuditRepository(db()).recent(bot.fake.guild.id);
    expect(audit[0]).toMatchObject({
      action: "agency.staff.add",
      actorUserId: organiser.id,
      data: { userId: staff.id },
    });
  });

  it("GIVEN two clients of the agency, only one consenting THEN consent is off by default and staff see only the consenting one", async () => {
    sharing = bot.fake.addMember({ username: "sharing" }).user;
    private_ = bot.fake.addMember({ username: "private" }).user;
    const other = bot.fake.addMember({ username: "other-agency" }).user;
    await onboard(bot, ws, sharing, {
      locale: "ja",
      fields: { displayName: "共有 さん" },
      agency: { id: agencyId, share: true },
    });
    await onboard(bot, ws, private_, {
      locale: "en-US",
      fields: { displayName: "Private Person" },
      agency: { id: agencyId, share: false },
    });
    await onboard(bot, ws, other, { locale: "en-US", agency: { id: otherAgencyId, share: true } });
    const members = createMemberRepository(db());
    expect(await members.find(ws.programme.id, private_.id)).toMatchObject({
      agencyId,
      agencyConsent: false,
    });
    expect(await members.find(ws.programme.id, sharing.id)).toMatchObject({ agencyId, agencyConsent: true });

    const list = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "clients", user: staff, locale: "ja" })
      .finalReply();
    expect(description(list)).toContain(`<@${sharing.id}>`);
    expect(description(list)).not.toContain(`<@${private_.id}>`);
    expect(description(list)).not.toContain(`<@${other.id}>`);

    const seen = await bot.fake
      .sendSlashCommand({
        name: "profile",
        subcommand: "view",
        options: { user: sharing },
        user: staff,
        locale: "ja",
      })
      .finalReply();
    const embed = seen.embeds?.[0] as {
      title?: string;
      fields?: { name: string }[];
      footer?: { text: string };
    };
    expect(embed.title).toBe(t("ja", "profile.title", { name: "共有 さん" }));
    expect(embed.footer?.text).toBe(t("ja", "profile.agencyView"));
    expect(embed.fields?.map((f) => f.name)).not.toContain(t("ja", "profile.field.accommodations"));
    for (const hidden of [private_, other]) {
      const refused = await bot.fake
        .sendSlashCommand({
          name: "profile",
          subcommand: "view",
          options: { user: hidden },
          user: staff,
          locale: "ja",
        })
        .finalReply();
      expect(refused.content).toBe(t("ja", "profile.error.notVisible"));
    }
    const organiserView = await bot.fake
      .sendSlashCommand({ name: "profile", subcommand: "view", options: { user: private_ }, user: organiser })
      .finalReply();
    expect(
      (organiserView.embeds?.[0] as { fields?: { name: string }[] } | undefined)?.fields?.map((f) => f.name),
    ).toContain(t("en", "profile.field.accommodations"));
  });

  it("GIVEN a client who said no WHEN they turn sharing on with /profile THEN it is recorded with the time and staff see them; off again hides them", async () => {
    const on = await bot.fake
      .sendSlashCommand({
        name: "profile",
        subcommand: "consent",
        options: { share: true },
        user: private_,
        locale: "en-US",
      })
      .finalReply();
    expect(on.content).toMatch(/^Sharing with \*\*ひかり就労支援\*\* is now on \(<t:\d+:f>\)\.$/);
    const member = await createMemberRepository(db()).find(ws.programme.id, private_.id);
    expect(member?.agencyConsent).toBe(true);
    expect(member?.agencyConsentChangedAt).toBeInstanceOf(Date);
    const list = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "clients", user: staff })
      .finalReply();
    expect(description(list)).toContain(`<@${private_.id}>`);

    const shown = await bot.fake
      .sendSlashCommand({ name: "profile", subcommand: "show", user: private_, locale: "en-US" })
      .finalReply();
    const toggle = (
      shown.components?.[0] as { components: { custom_id: string; label: string }[] } | undefined
    )?.components.find((c) => c.label === t("en", "profile.button.consentOff"));
    expect(toggle).toBeDefined();
    const off = await bot.fake
      .clickButton({ message: shown, customId: toggle?.custom_id ?? "", user: private_, locale: "en-US" })
      .finalReply();
    expect(off.content).toMatch(/^Sharing with \*\*ひかり就労支援\*\* is now off/);
    const after = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "clients", user: staff })
      .finalReply();
    expect(description(after)).not.toContain(`<@${private_.id}>`);
  });

  it("GIVEN an intern WHEN they edit their profile with a bad value THEN the saved profile is untouched and the fix form is pre-filled", async () => {
    const open = bot.fake.sendSlashCommand({
      name: "profile",
      subcommand: "edit",
      user: sharing,
      locale: "ja",
    });
    await open.modal();
    const bad = await bot.fake
      .submitModal({
        modal: open,
        fields: {
          displayName: "共有 さん",
          skills: "Python:2",
          interests: "",
          hours: "99",
          accommodationNotes: "",
        },
        locale: "ja",
      })
      .finalReply();
    expect(bad.content).toContain(t("ja", "onboarding.problem.hours.range", { min: 1, max: 60 }));
    const member = await createMemberRepository(db()).find(ws.programme.id, sharing.id);
    expect((await createMemberRepository(db()).profile(member?.id ?? ""))?.weeklyHoursAvailable).toBe(12);
    const good = await bot.fake
      .submitModal({
        modal: open,
        fields: {
          displayName: "共有 さん",
          skills: "Python:2",
          interests: "",
          hours: "8",
          accommodationNotes: "",
        },
        locale: "ja",
      })
      .finalReply();
    expect(good.content).toBe(t("ja", "profile.saved"));
    const profile = await createMemberRepository(db()).profile(member?.id ?? "");
    expect(profile).toMatchObject({ weeklyHoursAvailable: 8, skills: [{ name: "Python", level: 2 }] });
  });

  it("GIVEN a non-intern WHEN they use /profile show THEN they are refused; mentors and organisers list agencies", async () => {
    const reply = await bot.fake
      .sendSlashCommand({ name: "profile", subcommand: "show", user: staff, locale: "en-US" })
      .finalReply();
    expect(reply.content).toBe(t("en", "error.access.intern"));
    const list = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "list", user: organiser, locale: "en-US" })
      .finalReply();
    expect(description(list)).toContain(
      t("en", "agency.list.line", { name: "ひかり就労支援", staff: 1, clients: 2, consenting: 1 }),
    );
  });

  it("GIVEN an intern with a profile, accommodations and sharing WHEN they erase their profile THEN those are gone, they stay in the programme, it is audited without content; Keep and a stale button change nothing", async () => {
    const eraser = bot.fake.addMember({ username: "eraser" }).user;
    await onboard(bot, ws, eraser, {
      locale: "en-US",
      fields: { displayName: "Erase Me" },
      agency: { id: otherAgencyId, share: true },
    });
    const members = createMemberRepository(db());
    const member = await members.find(ws.programme.id, eraser.id);
    await db().memberProfile.update({
      where: { memberId: member?.id ?? "" },
      data: { accommodationNotes: "needs quiet room", extendedDeadlines: true },
    });
    const ask = () =>
      bot.fake
        .sendSlashCommand({ name: "profile", subcommand: "delete", user: eraser, locale: "en-US" })
        .finalReply();
    const buttons = (message: { components?: unknown[] }) =>
      (message.components?.[0] as { components: { custom_id: string }[] } | undefined)?.components.map(
        (c) => c.custom_id,
      ) ?? [];

    const first = await ask();
    expect(first.content).toBe(t("en", "profile.erase.confirm"));
    const [keep, erase] = buttons(first);
    const kept = await bot.fake
      .clickButton({ message: first, customId: keep ?? "", user: eraser, locale: "en-US" })
      .finalReply();
    expect(kept.content).toBe(t("en", "profile.erase.kept"));
    expect(await members.profile(member?.id ?? "")).not.toBeNull();

    const second = await ask();
    const done = await bot.fake
      .clickButton({ message: second, customId: buttons(second)[1] ?? "", user: eraser, locale: "en-US" })
      .finalReply();
    expect(done.content).toBe(t("en", "profile.erase.done"));
    expect(await members.profile(member?.id ?? "")).toBeNull();
    expect(await members.find(ws.programme.id, eraser.id)).toMatchObject({
      stage: "onboarded",
      agencyId: null,
      agencyConsent: false,
    });
    const [entry] = (await createAuditRepository(db()).recent(bot.fake.guild.id)).filter(
      (e) => e.action === "profile.erase",
    );
    expect(entry).toMatchObject({ actorUserId: eraser.id, data: { profile: true, agency: true } });
    expect(JSON.stringify(entry)).not.toContain("quiet room");
    // Organisers no longer see a profile; the first confirmation's button is answered, harmlessly.
    const view = await bot.fake
      .sendSlashCommand({ name: "profile", subcommand: "view", options: { user: eraser }, user: organiser })
      .finalReply();
    expect(view.content).toBe(t("en", "profile.error.notVisible"));
    const again = await bot.fake
      .clickButton({ message: first, customId: erase ?? "", user: eraser, locale: "en-US" })
      .finalReply();
    expect(again.content).toBe(t("en", "profile.erase.done"));
  });

  it("GIVEN staff of two agencies WHEN an organiser removes them from one, then the other THEN access ends at once, the observer role goes only with the last, and both are audited", async () => {
    const both = bot.fake.addMember({ username: "both" }).user;
    for (const id of [agencyId, otherAgencyId]) {
      await bot.fake
        .sendSlashCommand({
          name: "agency",
          subcommandGroup: "staff",
          subcommand: "add",
          options: { user: both, agency: id },
          user: organiser,
        })
        .finalReply();
    }
    const remove = (id: string) =>
      bot.fake
        .sendSlashCommand({
          name: "agency",
          subcommandGroup: "staff",
          subcommand: "remove",
          options: { user: both, agency: id },
          user: organiser,
          locale: "ja",
        })
        .finalReply();
    const first = await remove(agencyId);
    expect(first.content).toBe(
      t("ja", "agency.staff.removedKeepsRole", { user: `<@${both.id}>`, agency: "ひかり就労支援" }),
    );
    expect(bot.fake.member(both.id)?.roles).toContain(ws.roles.observer.id);
    const clients = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "clients", user: both, locale: "ja" })
      .finalReply();
    expect(description(clients)).not.toContain(`<@${sharing.id}>`);

    const last = await remove(otherAgencyId);
    expect(last.content).toBe(
      t("ja", "agency.staff.removed", { user: `<@${both.id}>`, agency: "Bridge NPO" }),
    );
    expect(bot.fake.member(both.id)?.roles).not.toContain(ws.roles.observer.id);
    expect((await createMemberRepository(db()).find(ws.programme.id, both.id))?.roles).toEqual([]);
    const refused = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "clients", user: both, locale: "ja" })
      .finalReply();
    expect(refused.content).toBe(t("ja", "error.access.agency"));
    const again = await remove(otherAgencyId);
    expect(again.content).toBe(t("ja", "agency.staff.error.notStaff", { agency: "Bridge NPO" }));
    const audit = await createAuditRepository(db()).recent(bot.fake.guild.id);
    expect(audit.filter((e) => e.action === "agency.staff.remove")).toHaveLength(2);
  });

  it("GIVEN an agency with staff and a consenting client WHEN an organiser removes it THEN staff lose access, the client stays without an agency and sharing off, and it is audited", async () => {
    const reply = await bot.fake
      .sendSlashCommand({
        name: "agency",
        subcommand: "remove",
        options: { agency: agencyId },
        user: organiser,
      })
      .finalReply();
    expect(reply.content).toBe(t("en", "agency.removed", { name: "ひかり就労支援", staff: 1, clients: 2 }));
    expect(bot.fake.member(staff.id)?.roles).not.toContain(ws.roles.observer.id);
    const refused = await bot.fake
      .sendSlashCommand({ name: "agency", subcommand: "clients", user: staff, locale: "ja" })
      .finalReply();
    expect(refused.content).toBe(t("ja", "error.access.agency"));
    expect(await createMemberRepository(db()).find(ws.programme.id, sharing.id)).toMatchObject({
      agencyId: null,
      agencyConsent: false,
      stage: "onboarded",
    });
    const agencies = await createAgencyRepository(db()).forProgramme(bot.fake.guild.id, ws.programme.id);
    expect(agencies.map((a) => a.name)).toEqual(["Bridge NPO"]);
    const audit = await createAuditRepository(db()).recent(bot.fake.guild.id);
    expect(audit[0]).toMatchObject({
      action: "agency.remove",
      data: { name: "ひかり就労支援", staff: 1, clients: 2 },
    });
  });
});
