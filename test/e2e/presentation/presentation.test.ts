import { jobEffects } from "../../../src/app/job-effects.ts";
import { jobHandlers } from "../../../src/jobs/handlers.ts";
import { createWorkers, type Workers } from "../../../src/jobs/workers.ts";
import "../../support/unhandled.ts";
import { ChannelType, REST, Routes } from "discord.js";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../../../src/db/repositories/assignments.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { formatLocalDateTime } from "../../../src/domain/programme/dates.ts";
import { t } from "../../../src/i18n/translate.ts";
import { customIds } from "../../support/components.ts";
import { assignmentContent } from "../../support/programme.ts";
import { addIntern, openProgramme } from "../assignments/harness.ts";
import { type ProgramBot, startProgramBot } from "../program/harness.ts";

/** `/presentation` through the local Discord and the real database: schedule → confirm → swap → start → next / double click / no-show → end. */
const DAY = 86_400_000;
interface Embed {
  title?: string;
  description?: string;
}
const embedOf = (message: { embeds?: unknown[] }): Embed => (message.embeds?.[0] ?? {}) as Embed;

/** Kana or kanji: a post that should be in English must have none. */
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe("the results presentation end to end", () => {
  let pb: ProgramBot;
  let programmeId: string;
  let organiser: ApiUser;
  let interns: ApiUser[];
  const threads: string[] = [];
  let stageId: string;
  let announcementsId: string;
  let day: string;

  const bot = () => pb.bot;
  let workers: Workers | undefined;
  const slash = (subcommand: string, options: Record<string, unknown> = {}, user = organiser, extra = {}) =>
    bot()
      .fake.sendSlashCommand({
        name: "presentation",
        subcommand,
        options: options as never,
        user,
        locale: "en-US",
        ...extra,
      })
      .finalReply();
  const click = (message: ApiMessage, customId: string, user = organiser) =>
    bot().fake.clickButton({ message, customId, user, locale: "en-US" }).finalReply();

  beforeAll(async () => {
    pb = await startProgramBot();
    // Slot notices are jobs: the workers run here as `npm start` runs them.
    workers = createWorkers({
      connection: pb.redis.redis,
      prefix: pb.redis.prefix,
      logger: bot().ctx.logger,
      handlers: jobHandlers(bot().ctx, jobEffects(bot().ctx, bot().client.rest)),
    });
    organiser = bot().fake.addMember({ username: "organiser" }).user;
    interns = ["aiko", "ben", "chen"].map((username) => bot().fake.addMember({ username }).user);
    programmeId = await openProgramme(bot(), { name: "Spring", organiser: organiser.id, days: 10 });
    stageId = bot().fake.createChannel({
      name: "results-presentation",
      type: ChannelType.GuildStageVoice,
    }).id;
    announcementsId = bot().fake.createChannel({ name: "announcements" }).id;
    await pb.db.discordResource.create({
      data: {
        programmeId,
        key: "channel:announcements",
        discordId: announcementsId,
        kind: "announcement_channel",
      },
    });
    const assignments = createAssignmentRepository(pb.db);
    const members = createMemberRepository(pb.db);
    for (const [i, user] of interns.entries()) {
      const thread = bot().fake.createChannel({ name: `project-${user.username}` }).id;
      threads.push(thread);
      const member = await addIntern(pb.db, programmeId, user.id, {
        name: user.username,
        projectChannelId: thread,
        // chen reads English: their own notices come in it, the agenda is in both (the programme pins no language).
        ...(i === 2 ? { locale: "en" as const } : {}),
      });
      const version = await assignments.importVersion(
        bot().fake.guild.id,
        `task-${i}`,
        assignmentContent(`task-${i}`),
      );
      await members.moveStage(member.id, "working", { actorUserId: null });
      await createAllocationRepository(pb.db).allocate({
        programmeId,
        memberId: member.id,
        assignmentId: version.assignment.id,
        method: "manual",
      });
      // Allocated in order aiko, ben, chen.
      await pb.db.allocation.updateMany({
        where: { memberId: member.id },
        data: { allocatedAt: new Date(Date.UTC(2026, 0, 1 + i)) },
      });
    }
    await pb.db.memberProfile.updateMany({
      where: { member: { discordUserId: interns[2]!.id } },
      data: { textOnlyPresentation: true },
    });
    day = formatLocalDateTime(new Date(Date.now() + 3 * DAY), "Asia/Tokyo").slice(0, 10);
  });
  afterEach(() => {
    expect(bot().fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await workers?.close();
    await pb?.close();
  });

  let agendaId: string;
  let eventId: string;

  it("GIVEN three interns WHEN the organiser schedules THEN a preview with times and total; Confirm creates the stage event, posts the agenda and each slot", async () => {
    const refused = await slash("schedule", { date: day, start: "14:00", include: "all" }, interns[0]);
    expect(refused.content).toBe(t("en", "error.access.organiser"));
    const preview = await slash("schedule", {
      date: day,
      start: "14:00",
      include: "all",
      "break-every": 0,
      channel: stageId,
    });
    const embed = embedOf(preview);
    expect(embed.title).toBe(
      t("en", "presentation.preview.title", { title: "成果発表会 / Results presentation" }),
    );
    expect(embed.description).toContain(`1. <t:`);
    expect(embed.description).toContain(`<@${interns[0]!.id}> (10 min, live)`);
    expect(embed.description).toContain(`<@${interns[2]!.id}> (10 min, text)`);
    expect(embed.description).toContain("34 min in all");
    const [confirm, drop] = customIds(preview);
    expect(confirm).toMatch(/^prs-confirm:v1:/);
    expect(drop).toMatch(/^prs-drop:v1:/);
    expect(bot().fake.requestsTo("POST /guilds/{guild_id}/scheduled-events")).toHaveLength(0);

    const confirmed = await click(preview, confirm!);
    expect(confirmed.content).toContain("The presentation is confirmed (3 slots");
    const events = [...bot().fake.guild.scheduledEvents.values()];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ entity_type: 1, channel_id: stageId, status: 1 });
    eventId = events[0]!.id;
    const agenda = bot().fake.messages(announcementsId);
    expect(agenda).toHaveLength(1);
    agendaId = agenda[0]!.id;
    // The notices are jobs: each intern's arrives in their thread shortly after the reply.
    await bot().fake.waitFor(
      () => threads.every((thread) => bot().fake.messages(thread).length === 1),
      10_000,
    );
    // Everyone reads the agenda: one embed in Japanese, then the same in English.
    const descriptions = (agenda[0]?.embeds ?? []).map((e) => (e as Embed).description ?? "");
    expect(descriptions).toHaveLength(2);
    expect(descriptions[0]).toMatch(/[\u3040-\u30ff]/);
    expect(descriptions[1]).not.toMatch(/[\u3040-\u30ff]/);
    for (const [i, thread] of threads.entries()) {
      const posts = bot().fake.messages(thread);
      expect(posts).toHaveLength(1);
      // Each intern's notice reads in their own language: Japanese by default, English for chen.
      if (i === 2) expect(posts[0]?.content).not.toMatch(JAPANESE);
      else expect(posts[0]?.content).toContain(`${i + 1} 番目`);
    }
    // A second click on the same preview is refused in a follow-up; nothing is created twice.
    const again = await bot()
      .fake.clickButton({ message: preview, customId: confirm!, user: organiser, locale: "en-US" })
      .followUp();
    expect(again.content).toBe(t("en", "presentation.error.alreadyConfirmed"));
    expect(bot().fake.guild.scheduledEvents.size).toBe(1);
  });

  it("GIVEN a schedule WHEN aiko and chen swap THEN the event is PATCHed, the agenda edited in place, both told", async () => {
    const before = bot().fake.requestsTo(
      "PATCH /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}",
    ).length;
    const done = await slash("swap", { first: interns[0], second: interns[2] });
    expect(done.content).toContain("Running order updated");
    expect(
      bot().fake.requestsTo("PATCH /guilds/{guild_id}/scheduled-events/{guild_scheduled_event_id}").length,
    ).toBe(before + 1);
    const agenda = bot().fake.messages(announcementsId);
    expect(agenda.map((m) => m.id)).toEqual([agendaId]);
    const lines = embedOf(agenda[0]!).description?.split("\n") ?? [];
    expect(lines[0]).toContain(`<@${interns[2]!.id}>`);
    expect(lines[2]).toContain(`<@${interns[0]!.id}>`);
    await bot().fake.waitFor(
      () => bot().fake.messages(threads[0]!).length === 2 && bot().fake.messages(threads[2]!).length === 2,
      10_000,
    );
    expect(bot().fake.messages(threads[0]!)).toHaveLength(2);
    expect(bot().fake.messages(threads[1]!)).toHaveLength(1);
    expect(bot().fake.messages(threads[2]!)).toHaveLength(2);
    expect(bot().fake.messages(threads[0]!).at(-1)?.content).toMatch(JAPANESE);
    expect(bot().fake.messages(threads[2]!).at(-1)?.content).not.toMatch(JAPANESE);
    const refused = await slash("swap", { first: interns[0], second: organiser });
    expect(refused.content).toBe(t("en", "presentation.error.noSlot", { user: `<@${organiser.id}>` }));
  });

  it("GIVEN the day WHEN started THEN the event is ACTIVE and the live view shows Now / Next; a double click on Next advances once; No-show; End completes", async () => {
    const started = await slash("start");
    expect(started.content).toBe(t("en", "presentation.started"));
    expect(bot().fake.guild.scheduledEvents.get(eventId)?.status).toBe(2);
    expect(bot().fake.guild.stageInstances.get(stageId)).toMatchObject({ guild_scheduled_event_id: eventId });
    const live = bot().fake.messages(stageId).at(-1)!;
    expect(embedOf(live).description).toContain(`**いま**: <@${interns[2]!.id}>`);
    expect(embedOf(live).description).toContain(`**次**: <@${interns[1]!.id}>`);
    const ids = customIds(live);
    expect(ids).toHaveLength(5);
    const next = ids[0]!;

    const first = await click(live, next);
    expect(embedOf(first).description).toContain(`**いま**: <@${interns[1]!.id}>`);
    const second = await click(live, next);
    // The second click of the same message finds the session moved on: nothing changes.
    expect(embedOf(second).description).toContain(`**いま**: <@${interns[1]!.id}>`);
    const slots = await pb.db.presentationSlot.findMany({
      where: { session: { programmeId } },
      orderBy: { order: "asc" },
    });
    expect(slots.map((s) => s.status)).toEqual(["presented", "live", "planned"]);

    const noShow = await click(first, customIds(first)[1]!);
    expect(embedOf(noShow).description).toContain(`**いま**: <@${interns[0]!.id}>`);
    expect(embedOf(noShow).description).toContain(
      t("ja", "presentation.live.makeUps", { users: `<@${interns[1]!.id}>` }),
    );
    expect(bot().fake.messages(threads[1]!).at(-1)?.content).toBe(
      t("ja", "presentation.notice.noShow", { user: `<@${interns[1]!.id}>` }),
    );
    const ended = await click(noShow, customIds(noShow)[4]!);
    expect(embedOf(ended).description).toContain(t("ja", "presentation.live.ended"));
    expect(customIds(ended)).toEqual([]);
    expect(bot().fake.guild.scheduledEvents.get(eventId)?.status).toBe(3);
    expect(bot().fake.guild.stageInstances.size).toBe(0);
    // Discord's lifecycle: a completed event cannot become active again.
    const rest = new REST({ api: bot().fake.apiUrl, retries: 0 }).setToken(bot().fake.token);
    const reopened = await rest
      .patch(Routes.guildScheduledEvent(bot().fake.guild.id, eventId), { body: { status: 2 } })
      .catch((e: unknown) => e);
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
    expect(reopened).toMatchObject({ status: 400 });
    const session = await pb.db.presentationSession.findFirstOrThrow({ where: { programmeId } });
    expect(session.status).toBe("completed");
    const after = await slash("start");
    expect(after.content).toBe(t("en", "presentation.error.noSession"));

    const exported = await slash("export");
    expect(exported.content).toBe(t("en", "presentation.exported"));
    expect(exported.attachments?.[0]?.filename).toMatch(/^presentation-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
