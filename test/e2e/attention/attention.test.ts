import "../../support/unhandled.ts";
import { ChannelType } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { TestBot } from "../../../scripts/harness/bot.ts";
import type { ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { digestPoster } from "../../../src/discord/attention/digest.ts";
import { contactedButtonId } from "../../../src/discord/attention/ids.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { t } from "../../../src/i18n/translate.ts";
import { attentionDigestHandler } from "../../../src/jobs/attention-digest.ts";
import { onboard, seedWorkspace, startOnboardingBot, type Workspace } from "../onboarding/setup.ts";

describe("the attention list, notes, the digest and Contacted through the local Discord", () => {
  let bot: TestBot;
  let ws: Workspace;
  let intern: ApiUser;
  let organiser: ApiUser;
  let staffId: string;
  let memberId: string;
  // The seeded programme starts before this; the intern joins now and never checks in.
  let clock = new Date("2026-04-02T10:00:00+09:00");
  const db = () => bot.db as NonNullable<TestBot["db"]>;
  const slash = (options: Parameters<TestBot["fake"]["sendSlashCommand"]>[0]) =>
    bot.fake.sendSlashCommand(options).finalReply();
  const list = (locale: "ja" | "en-US" = "ja") =>
    slash({ name: "program", subcommandGroup: "attention", subcommand: "list", user: organiser, locale });

  beforeAll(async () => {
    bot = await startOnboardingBot();
    (bot.ctx as { now: () => Date }).now = () => clock;
    ws = await seedWorkspace(bot);
    const staff = bot.fake.createChannel({ name: "staff", type: ChannelType.GuildText });
    staffId = staff.id;
    await createProgrammeRepository(db()).saveDiscordResource(ws.programme.id, {
      key: ResourceKeys.channels.staff,
      discordId: staff.id,
      kind: "text_channel",
    });
    intern = bot.fake.addMember({ username: "taro" }).user;
    await onboard(bot, ws, intern, { locale: "ja" });
    organiser = bot.fake.addMember({ username: "boss" }).user;
    await createMemberRepository(db()).join({
      programmeId: ws.programme.id,
      discordUserId: organiser.id,
      roles: ["organiser"],
    });
    memberId = (await createMemberRepository(db()).find(ws.programme.id, intern.id))?.id ?? "";
  });
  afterEach(() => {
    expect(bot.fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await bot?.close();
  });

  it("GIVEN an intern working 4 days without a check-in THEN the list names them with the evidence", async () => {
    clock = new Date("2026-04-06T10:00:00+09:00");
    const reply = await list();
    const embed = reply.embeds?.[0] as { fields?: { name: string; value: string }[] };
    const field = embed.fields?.find((f) => f.value.includes(`<@${intern.id}>`));
    expect(field?.value).toContain(t("ja", "attention.reason.no_check_in"));
    expect(field?.value).toContain(t("ja", "attention.evidence.no_check_in", { days: 4 }));
  });

  it("GIVEN a bad follow-up date THEN it is refused in ja and en and nothing is written; a good one stays on the list", async () => {
    const note = (until: string, locale: "ja" | "en-US") =>
      slash({
        name: "program",
        subcommandGroup: "attention",
        subcommand: "note",
        options: { user: intern, until, text: "ask how the week went" },
        user: organiser,
        locale,
      });
    expect((await note("tomorrow", "ja")).content).toBe(
      t("ja", "attention.error.until", { value: "tomorrow" }),
    );
    expect((await note("tomorrow", "en-US")).content).toBe(
      t("en", "attention.error.until", { value: "tomorrow" }),
    );
    expect(await db().attentionNote.count()).toBe(0);
    const saved = await note("2026-04-09", "ja");
    expect(saved.content).toBe(
      t("ja", "attention.note.saved", { user: `<@${intern.id}>`, until: "2026-04-09" }),
    );
    expect(JSON.stringify((await list()).embeds)).toContain("ask how the week went");
  });

  it("GIVEN an intern THEN the list is refused; a mentor reads it without Contacted buttons", async () => {
    const refused = await slash({
      name: "program",
      subcommandGroup: "attention",
      subcommand: "list",
      user: intern,
      locale: "en-US",
    });
    expect(refused.content).toBe(t("en", "error.access.denied"));
    const mentor = bot.fake.addMember({ username: "mentor" }).user;
    await createMemberRepository(db()).join({
      programmeId: ws.programme.id,
      discordUserId: mentor.id,
      roles: ["mentor"],
    });
    const read = await slash({
      name: "program",
      subcommandGroup: "attention",
      subcommand: "list",
      user: mentor,
      locale: "en-US",
    });
    expect(read.content).toBe(t("en", "attention.readOnly"));
    expect(JSON.stringify(read.embeds)).toContain(`<@${intern.id}>`);
    expect(read.components ?? []).toEqual([]);
  });

  it("GIVEN the digest runs twice THEN one post in the staff channel; Contacted hides no_check_in for 72 h", async () => {
    await db().programme.update({ where: { id: ws.programme.id }, data: { digestTo: "staff" } });
    const handler = attentionDigestHandler(bot.ctx, digestPoster(bot.client.rest));
    await handler.process({ programmeId: ws.programme.id }, {} as never);
    await handler.process({ programmeId: ws.programme.id }, {} as never);
    const posts = bot.fake.messages(staffId);
    expect(posts).toHaveLength(1);
    const post = posts[0];
    if (!post) throw new Error("no digest");
    const click = bot.fake.clickButton({
      message: post,
      customId: contactedButtonId.encode({ programmeId: ws.programme.id, memberId }),
      user: organiser,
      locale: "ja",
    });
    const modal = await click.modal();
    expect(modal.title).toBe(t("ja", "attention.contacted.modal"));
    const done = await bot.fake
      .submitModal({ modal: click, fields: { note: "DM sent" }, locale: "ja" })
      .finalReply();
    expect(done.content).toBe(t("ja", "attention.contacted.done", { user: `<@${intern.id}>` }));
    const after = JSON.stringify((await list()).embeds);
    expect(after).not.toContain(t("ja", "attention.reason.no_check_in"));
    expect(after).toContain("ask how the week went"); // notes stay until done
    clock = new Date(clock.getTime() + 72 * 3_600_000 + 60_000);
    expect(JSON.stringify((await list()).embeds)).toContain(t("ja", "attention.reason.no_check_in"));
  });
});
