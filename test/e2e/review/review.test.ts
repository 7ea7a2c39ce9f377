import { CallbackType } from "../../../scripts/harness/fake-discord/index.ts";
import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../../../src/db/repositories/assignments.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createSubmissionRepository } from "../../../src/db/repositories/submissions.ts";
import {
  commentModalId,
  openReviewId,
  scoreSelectId,
  sheetActionId,
} from "../../../src/discord/review/ids.ts";
import { formatLocalDateTime } from "../../../src/domain/programme/dates.ts";
import { DEFAULT_RUBRIC } from "../../../src/domain/review/rubric.ts";
import { t } from "../../../src/i18n/translate.ts";
import { assignmentContent } from "../../support/programme.ts";
import { addIntern, openProgramme } from "../assignments/harness.ts";
import { type ProgramBot, startProgramBot } from "../program/harness.ts";

/** `/review` through the local Discord and the real database: queue → sheet → draft → publish once. */
interface Embed {
  title?: string;
  description?: string;
}
/** Every custom id on a message's components, in order. */
const customIds = (message: { components?: unknown }): string[] =>
  ((message.components ?? []) as { components?: { custom_id?: string }[] }[]).flatMap((row) =>
    (row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
  );
const embedOf = (message: { embeds?: unknown[] }): Embed => (message.embeds?.[0] ?? {}) as Embed;

describe("reviews end to end: queue → review → comment → draft → publish (posted once) → resubmit re-enters", () => {
  let pb: ProgramBot;
  let programmeId: string;
  let organiser: ApiUser;
  let mentor: ApiUser;
  let mentor2: ApiUser;
  let mentorMemberId: string;
  let intern: ApiUser;
  let threadId: string;
  let versionId: string;

  const bot = () => pb.bot;
  const queue = (user: ApiUser, filter?: string) =>
    bot()
      .fake.sendSlashCommand({
        name: "review",
        subcommand: "queue",
        options: (filter ? { filter } : {}) as never,
        user,
        locale: "en-US",
      })
      .finalReply();
  const feedbackPosts = () =>
    bot()
      .fake.messages(threadId)
      .filter((m) => embedOf(m).title?.startsWith("📝"));
  const submitLink = (url: string) =>
    bot()
      .fake.sendSlashCommand({
        name: "submit",
        options: { repository: url } as never,
        user: intern,
        locale: "en-US",
      })
      .finalReply();

  const queueVersion = async () => {
    const reply = await queue(mentor);
    const id = openReviewId.decode(customIds(reply).find((id) => id.startsWith("rvw-open:")) ?? "");
    return id.ok ? id.payload.versionId : "";
  };

  beforeAll(async () => {
    pb = await startProgramBot();
    organiser = bot().fake.addMember({ username: "organiser" }).user;
    mentor = bot().fake.addMember({ username: "mika" }).user;
    mentor2 = bot().fake.addMember({ username: "ken" }).user;
    intern = bot().fake.addMember({ username: "aiko" }).user;
    programmeId = await openProgramme(bot(), { name: "Spring", organiser: organiser.id, days: 10 });
    const members = createMemberRepository(pb.db);
    mentorMemberId = (await members.join({ programmeId, discordUserId: mentor.id, roles: ["mentor"] })).id;
    await members.join({ programmeId, discordUserId: mentor2.id, roles: ["mentor"] });
    threadId = bot().fake.channel("general")?.id ?? "";
    const member = await addIntern(pb.db, programmeId, intern.id, {
      name: "Aiko",
      projectChannelId: threadId,
    });
    const assignment = await createAssignmentRepository(pb.db).importVersion(
      bot().fake.guild.id,
      "todo",
      assignmentContent("todo"),
    );
    await createAllocationRepository(pb.db).allocate({
      programmeId,
      memberId: member.id,
      assignmentId: assignment.assignment.id,
      method: "manual",
    });
    await createMemberRepository(pb.db).moveStage(member.id, "working", { actorUserId: null });
    await submitLink("https://github.com/aiko/todo");
  });
  afterEach(() => {
    expect(bot().fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await pb?.close();
  });

  let sheet: ApiMessage;

  it("GIVEN a submitted version WHEN a mentor opens the queue THEN it lists the intern with a Review button; an intern is refused", async () => {
    const reply = await queue(mentor);
    expect(reply.flags).toBe(64);
    expect(reply.content).toContain(t("en", "review.queue.title", { filter: "all", total: 1 }));
    expect(reply.content).toContain(`<@${intern.id}> — version 1`);
    const button = customIds(reply).find((id) => id.startsWith("rvw-open:")) ?? "";
    const decoded = openReviewId.decode(button);
    expect(decoded.ok).toBe(true);
    versionId = decoded.ok ? decoded.payload.versionId : "";

    const refused = await bot()
      .fake.sendSlashCommand({ name: "review", subcommand: "queue", user: intern, locale: "en-US" })
      .finalReply();
    expect(refused.content).not.toContain(t("en", "review.queue.title", { filter: "all", total: 1 }));

    sheet = await bot().fake.clickButton({ message: reply, customId: button, user: mentor }).finalReply();
    expect(sheet.flags).toBe(64);
    expect(sheet.content).toContain(t("en", "review.sheet.title", { user: `<@${intern.id}>`, number: 1 }));
    // One select per criterion (4) and the button row.
    expect(sheet.components).toHaveLength(DEFAULT_RUBRIC.length + 1);
  });

  it("WHEN the mentor publishes before scoring everything THEN refused; after four scores and a comment THEN published, posted once in the thread, even when Publish is pressed twice", async () => {
    const ids = { versionId, reviewerId: mentorMemberId };
    const early = await bot()
      .fake.clickButton({
        message: sheet,
        customId: sheetActionId.encode({ ...ids, action: "publish" }),
        user: mentor,
      })
      .finalReply();
    expect(early.content).toBe(t("en", "review.error.noDraft"));

    for (const [i, c] of DEFAULT_RUBRIC.entries()) {
      const picked = await bot()
        .fake.selectMenu({
          message: sheet,
          customId: scoreSelectId.encode({ ...ids, key: c.key }),
          values: [String(i + 2)],
          user: mentor,
        })
        .response();
      expect(picked.type).toBe(7);
      if (i === 1) {
        const partial = await bot()
          .fake.clickButton({
            message: sheet,
            customId: sheetActionId.encode({ ...ids, action: "publish" }),
            user: mentor,
          })
          .finalReply();
        expect(partial.content).toBe(t("en", "review.error.unscored", { count: 2 }));
      }
    }
    const open = bot().fake.clickButton({
      message: sheet,
      customId: sheetActionId.encode({ ...ids, action: "comment" }),
      user: mentor,
    });
    const modal = await open.modal();
    expect(modal.custom_id).toBe(commentModalId.encode(ids));
    const commented = await bot()
      .fake.submitModal({ modal: open, fields: { comment: "Clear README, tests next." }, locale: "en-US" })
      .response();
    expect(commented.type).toBe(7);
    expect(JSON.stringify(commented.data)).toContain("Clear README, tests next.");

    // Another mentor pressing this sheet's Publish is refused: it is not their draft.
    const foreign = await bot()
      .fake.clickButton({
        message: sheet,
        customId: sheetActionId.encode({ ...ids, action: "publish" }),
        user: mentor2,
      })
      .finalReply();
    expect(foreign.content).toBe(t("en", "review.error.notYours"));
    expect(feedbackPosts()).toHaveLength(0);

    const press = async () => {
      const click = bot().fake.clickButton({
        message: sheet,
        customId: sheetActionId.encode({ ...ids, action: "publish" }),
        user: mentor,
      });
      // Acknowledged before the feedback is posted, so a slow thread never costs the 3 s window.
      expect((await click.response()).type).toBe(CallbackType.DeferredChannelMessageWithSource);
      return click.finalReply();
    };
    const [a, b] = await Promise.all([press(), press()]);
    const answers = [a.content, b.content].sort();
    expect(answers).toEqual(
      [
        t("en", "review.publish.already"),
        t("en", "review.publish.done", { user: `<@${intern.id}>`, number: 1 }),
      ].sort(),
    );
    const posts = feedbackPosts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toBe(`<@${intern.id}>`);
    const embed = embedOf(posts[0] ?? {});
    expect(embed.title).toBe(t("ja", "review.feedback.title", { number: 1 }));
    expect(embed.description).toContain(`${DEFAULT_RUBRIC[0]?.ja}: 2 / 5 点`);
    expect(embed.description).toContain(`${DEFAULT_RUBRIC[3]?.ja}: 5 / 5 点`);
    expect(embed.description).toContain("Clear README, tests next.");
    const actions = (await createAuditRepository(pb.db).recent(bot().fake.guild.id, { programmeId })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === "review.publish")).toHaveLength(1);
  });

  it("THEN the queue is empty; a resubmission re-enters it as version 2", async () => {
    expect((await queue(mentor)).content).toContain(t("en", "review.queue.empty"));
    await submitLink("https://github.com/aiko/todo2");
    const again = await queue(mentor, "unreviewed");
    expect(again.content).toContain(t("en", "review.queue.title", { filter: "not started", total: 1 }));
    expect(again.content).toContain(`<@${intern.id}> — version 2`);
  });

  it("GIVEN the intern WHEN they open /submission show THEN version 1 lists the published feedback", async () => {
    const shown = await bot()
      .fake.sendSlashCommand({ name: "submission", subcommand: "show", user: intern, locale: "en-US" })
      .finalReply();
    expect(embedOf(shown).description).toContain(`${DEFAULT_RUBRIC[0]?.en}: 2 / 5`);
  });

  it("/review rubric show lists the default; set from a YAML file replaces it, a bad file names the line and field", async () => {
    const shown = await bot()
      .fake.sendSlashCommand({
        name: "review",
        subcommandGroup: "rubric",
        subcommand: "show",
        user: mentor,
        locale: "en-US",
      })
      .finalReply();
    expect(shown.content).toContain("`brief` — Meets the brief (Japanese: 課題の要件を満たしている)");
    const setRubric = (content: string) =>
      bot()
        .fake.sendSlashCommand({
          name: "review",
          subcommandGroup: "rubric",
          subcommand: "set",
          options: {
            file: { filename: "rubric.yaml", content: Buffer.from(content), contentType: "text/yaml" },
          } as never,
          user: organiser,
          locale: "en-US",
        })
        .finalReply();
    const bad = await setRubric(
      "- key: design\n  ja: 設計\n  en: Design\n- key: Code\n  ja: コード\n  en: Code\n",
    );
    expect(bad.content).toBe(t("en", "review.rubric.error.badKey", { line: 4, item: 2, field: "key" }));
    const byMentor = await bot()
      .fake.sendSlashCommand({
        name: "review",
        subcommandGroup: "rubric",
        subcommand: "set",
        options: { file: { filename: "r.json", content: Buffer.from("[]") } } as never,
        user: mentor,
        locale: "en-US",
      })
      .finalReply();
    expect(byMentor.content).toBe(t("en", "error.access.organiser"));
    const good = await setRubric(
      "criteria:\n  - key: design\n    ja: 設計\n    en: Design\n  - key: code\n    ja: コード\n    en: Code\n",
    );
    expect(good.content).toContain(t("en", "review.rubric.set.done", { count: 2 }));
    const reopened = await bot()
      .fake.clickButton({
        message: await queue(mentor),
        customId: openReviewId.encode({ versionId: await queueVersion() }),
        user: mentor,
      })
      .finalReply();
    expect(reopened.components).toHaveLength(3);
  });

  it("GIVEN an intern WHEN they request an extension THEN it is posted in the staff room; an intern's Approve is refused; the organiser's Approve sets it, tells the intern, and a second press is already decided", async () => {
    const staff = bot().fake.createChannel({ name: "staff-room" });
    await createProgrammeRepository(pb.db).saveDiscordResource(programmeId, {
      key: "channel:staff",
      discordId: staff.id,
      kind: "text_channel",
    });
    const programme = await createProgrammeRepository(pb.db).get(programmeId);
    const until = new Date((programme?.endsAt.getTime() ?? 0) - 24 * 3_600_000);
    until.setUTCSeconds(0, 0);
    const local = formatLocalDateTime(until, programme?.timeZone ?? "Asia/Tokyo");
    const asked = await bot()
      .fake.sendSlashCommand({
        name: "submission",
        subcommand: "request-extension",
        options: { until: local, reason: "Hospital visit" } as never,
        user: intern,
        locale: "en-US",
      })
      .finalReply();
    const stamp = `<t:${Math.floor(until.getTime() / 1000)}:f>`;
    expect(asked.content).toBe(t("en", "submission.request.sent", { until: stamp }));
    const [post] = bot().fake.messages(staff.id);
    expect(post?.content).toContain("Hospital visit");
    const approve = customIds(post ?? {}).find((id) => id.includes("approved")) ?? "";
    expect(approve).not.toBe("");

    const byIntern = await bot()
      .fake.clickButton({ message: post ?? "", customId: approve, user: intern })
      .finalReply();
    expect(byIntern.content).toBe(t("en", "error.access.organiser"));

    const approved = await bot()
      .fake.clickButton({ message: post ?? "", customId: approve, user: organiser })
      .response();
    expect(approved.type).toBe(7);
    const member = await createMemberRepository(pb.db).find(programmeId, intern.id);
    expect(await createSubmissionRepository(pb.db).extension(member?.id ?? "")).toMatchObject({
      until,
      source: "request",
    });
    await bot().fake.waitFor(() =>
      bot()
        .fake.messages(threadId)
        .some((m) => m.content?.includes(stamp)),
    );
    const again = await bot()
      .fake.clickButton({ message: post ?? "", customId: approve, user: organiser })
      .finalReply();
    expect(again.content).toBe(t("en", "submission.request.decided"));
  });
});
