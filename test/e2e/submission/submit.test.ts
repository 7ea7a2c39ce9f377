import "../../support/unhandled.ts";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../../../src/db/repositories/assignments.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createSubmissionRepository } from "../../../src/db/repositories/submissions.ts";
import { formatLocalDateTime } from "../../../src/domain/programme/dates.ts";
import { reminderJobId } from "../../../src/domain/submission/deadline.ts";
import { t } from "../../../src/i18n/translate.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { assignmentContent } from "../../support/programme.ts";
import { addIntern, openProgramme } from "../assignments/harness.ts";
import { type ProgramBot, startProgramBot } from "../program/harness.ts";

/** `/submit` and `/submission` through the local Discord, the real database, disk and Redis. */
const H = 3_600_000;
const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(3000, 0x41)]);
const sha = (data: Buffer) => createHash("sha256").update(data).digest("hex");

interface Embed {
  title?: string;
  description?: string;
}
const embedOf = (message: { embeds?: unknown[] }): Embed => (message.embeds?.[0] ?? {}) as Embed;

describe("submissions end to end: submit → receipt → refusals → extend → late → show → close → reopen", () => {
  let pb: ProgramBot;
  let programmeId: string;
  let memberId: string;
  let organiser: ApiUser;
  let intern: ApiUser;
  let other: ApiUser;
  let threadId: string;
  let deadline: Date;

  const bot = () => pb.bot;
  const submit = (user: ApiUser, options: Record<string, unknown>, locale = "en-US") =>
    bot()
      .fake.sendSlashCommand({ name: "submit", options: options as never, user, locale })
      .finalReply();
  const versions = () => createSubmissionRepository(pb.db).versions(programmeId, memberId);

  beforeAll(async () => {
    pb = await startProgramBot();
    organiser = bot().fake.addMember({ username: "organiser" }).user;
    intern = bot().fake.addMember({ username: "aiko" }).user;
    other = bot().fake.addMember({ username: "ben" }).user;
    programmeId = await openProgramme(bot(), { name: "Spring", organiser: organiser.id, days: 10 });
    deadline = new Date(Date.now() + 5 * 24 * H);
    await createProgrammeRepository(pb.db).addMilestone(programmeId, {
      kind: "submission_deadline",
      title: "Deadline",
      at: deadline,
    });
    threadId = bot().fake.channel("general")?.id ?? "";
    const member = await addIntern(pb.db, programmeId, intern.id, {
      name: "Aiko",
      projectChannelId: threadId,
    });
    await addIntern(pb.db, programmeId, other.id, { name: "Ben" });
    memberId = member.id;
    const assignment = await createAssignmentRepository(pb.db).importVersion(
      bot().fake.guild.id,
      "todo",
      assignmentContent("todo"),
    );
    await createAllocationRepository(pb.db).allocate({
      programmeId,
      memberId,
      assignmentId: assignment.assignment.id,
      method: "manual",
    });
    await createMemberRepository(pb.db).moveStage(memberId, "working", { actorUserId: null });
  });
  afterEach(() => {
    expect(bot().fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await pb?.close();
  });

  it("GIVEN an intern with a project WHEN they submit a link and a PDF THEN the ephemeral receipt and the thread post show version, size and hash; the file is stored by sha256; they move to submitted", async () => {
    const reply = await submit(intern, {
      repository: "https://github.com/aiko/todo",
      file1: { filename: "report.pdf", content: PDF, contentType: "application/pdf" },
      note: "First version",
    });
    expect(reply.flags).toBe(64);
    expect(reply.content).toBe(t("en", "submission.receipt.posted"));
    const embed = embedOf(reply);
    expect(embed.title).toBe(t("en", "submission.receipt.title", { number: 1 }));
    const [version] = await versions();
    expect(version?.files[0]).toMatchObject({ name: "report.pdf", size: PDF.length, sha256: sha(PDF) });
    expect(embed.description).toContain(
      t("en", "submission.receipt.hash", { hash: version?.manifestHash.slice(0, 10) ?? "" }),
    );
    expect(embed.description).toContain("• 📎 report.pdf (2.9 KB)");
    expect(embed.description).toContain("• Repository: https://github.com/aiko/todo");
    expect(embed.description).toContain(
      t("en", "submission.receipt.onTime", { deadline: `<t:${Math.floor(deadline.getTime() / 1000)}:f>` }),
    );
    const stored = path.join(bot().ctx.config.submissionsDir, version?.files[0]?.storageKey ?? "");
    expect(sha(await readFile(stored))).toBe(sha(PDF));

    const posts = bot()
      .fake.messages(threadId)
      .filter((m) => m.embeds?.length);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.content).toBe(`<@${intern.id}>`);
    expect(embedOf(posts[0] ?? {}).title).toBe(t("ja", "submission.receipt.title", { number: 1 }));
    expect((await createMemberRepository(pb.db).get(memberId))?.stage).toBe("submitted");
  });

  it("GIVEN an expired attachment URL, a download cut short, a link with credentials or a disallowed file THEN a localised refusal and no new version", async () => {
    const expired = await submit(intern, {
      file1: { filename: "late.pdf", content: PDF, expiresInMs: -60_000 },
    });
    expect(expired.content).toBe(t("en", "submission.error.download", { name: "late.pdf" }));
    const cut = await submit(intern, {
      file1: { filename: "cut.pdf", content: PDF, servedBytes: 100 },
    });
    expect(cut.content).toBe(t("en", "submission.error.download", { name: "cut.pdf" }));
    const credentials = await submit(
      intern,
      { repository: "https://aiko:ghp_secret@github.com/aiko/todo" },
      "ja",
    );
    expect(credentials.content).toBe(t("ja", "submission.error.linkCredentials", { option: "repository" }));
    const exe = await submit(intern, { file1: { filename: "setup.exe", content: PDF } });
    expect(exe.content).toContain("“setup.exe” is not a file type we accept");
    const nothing = await submit(intern, { note: "only a note" });
    expect(nothing.content).toBe(t("en", "submission.error.empty"));
    expect(await versions()).toHaveLength(1);
  });

  it("GIVEN someone who is not an intern, or an intern without a project THEN refused by the router or the use-case", async () => {
    const stranger = bot().fake.addMember({ username: "stranger" }).user;
    expect((await submit(stranger, { link: "https://x.test" })).content).toBe(t("en", "error.access.intern"));
    expect((await submit(other, { link: "https://x.test" })).content).toBe(
      t("en", "submission.error.noAllocation"),
    );
  });

  it("GIVEN an organiser moves the intern's deadline into the past THEN the next hand-in is version 2, marked late; interns cannot extend", async () => {
    const until = new Date(Date.now() - 2 * H - 30 * 60_000);
    const text = formatLocalDateTime(until, "Asia/Tokyo");
    const refused = await bot()
      .fake.sendSlashCommand({
        name: "submission",
        subcommand: "extend",
        options: { user: intern, until: text },
        user: intern,
      })
      .finalReply();
    expect(refused.content).toBe(t("en", "error.access.organiser"));
    const done = await bot()
      .fake.sendSlashCommand({
        name: "submission",
        subcommand: "extend",
        options: { user: intern, until: text, reason: "clinic appointment" },
        user: organiser,
      })
      .finalReply();
    const minute = new Date(Math.floor(until.getTime() / 60_000) * 60_000);
    expect(done.content).toBe(
      t("en", "submission.extend.done", {
        user: `<@${intern.id}>`,
        until: `<t:${minute.getTime() / 1000}:f>`,
      }),
    );
    // They handed in already: no reminders for the new deadline.
    const queue = pb.queues.byName.get(JOBS.remindSubmission.queue);
    expect(await queue?.getJob(reminderJobId(memberId, 3, minute))).toBeUndefined();

    const late = await submit(intern, { demo: "https://aiko.test/demo" });
    expect(embedOf(late).title).toBe(t("en", "submission.receipt.title", { number: 2 }));
    expect(embedOf(late).description).toMatch(/⚠️ Late by 2 h 3\d min/);
    expect((await versions()).map((v) => v.late)).toEqual([false, true]);
    const audit = await createAuditRepository(pb.db).recent(bot().fake.guild.id, { programmeId });
    expect(audit.map((a) => a.action)).toEqual([
      "submission.version",
      "submission.extension.set",
      "submission.version",
    ]);
  });

  it("GIVEN show THEN the intern sees both versions and the reason; another intern sees nothing", async () => {
    const own = await bot()
      .fake.sendSlashCommand({ name: "submission", subcommand: "show", user: intern })
      .finalReply();
    const description = embedOf(own).description ?? "";
    expect(description).toContain(t("en", "submission.show.reason", { reason: "clinic appointment" }));
    expect(description.match(/Version \d/g)).toEqual(["Version 2", "Version 1"]);
    const one = await bot()
      .fake.sendSlashCommand({
        name: "submission",
        subcommand: "show",
        options: { version: 1 },
        user: organiser,
      })
      .finalReply();
    expect(one.content).toBe(t("en", "project.notIntern"));
    const byOrganiser = await bot()
      .fake.sendSlashCommand({
        name: "submission",
        subcommand: "show",
        options: { version: 1, user: intern },
        user: organiser,
      })
      .finalReply();
    expect(embedOf(byOrganiser).description?.match(/Version \d/g)).toEqual(["Version 1"]);
    const nosy = await bot()
      .fake.sendSlashCommand({
        name: "submission",
        subcommand: "show",
        options: { user: intern },
        user: other,
      })
      .finalReply();
    expect(nosy.content).toBe(t("en", "submission.error.notVisible"));
  });

  it("GIVEN the organiser closes submissions THEN /submit is refused until they reopen", async () => {
    const close = () =>
      bot().fake.sendSlashCommand({ name: "submission", subcommand: "close", user: organiser }).finalReply();
    expect((await close()).content).toBe(t("en", "submission.close.done"));
    expect((await close()).content).toBe(t("en", "submission.close.already"));
    expect((await submit(intern, { link: "https://x.test" })).content).toBe(
      t("en", "submission.error.closed"),
    );
    const reopened = await bot()
      .fake.sendSlashCommand({ name: "submission", subcommand: "reopen", user: organiser })
      .finalReply();
    expect(reopened.content).toBe(t("en", "submission.reopen.done"));
    expect(embedOf(await submit(intern, { link: "https://x.test" })).title).toBe(
      t("en", "submission.receipt.title", { number: 3 }),
    );
  });

  it("GIVEN one intern with a project who handed in late THEN /submission status counts them as handed in, late and waiting for review, lists them under late, and interns are refused", async () => {
    const status = (options: Record<string, string | number>, user = organiser) =>
      bot()
        .fake.sendSlashCommand({
          name: "submission",
          subcommand: "status",
          options: options as Record<string, string>,
          user,
          locale: "ja",
        })
        .finalReply();
    const shown = embedOf(await status({}));
    expect(shown.description).toContain(
      t("ja", "submission.status.counts", {
        interns: 1,
        submitted: 1,
        missing: 0,
        late: 1,
        unreviewed: 1,
        extended: 1,
      }),
    );
    const field = (e: typeof shown) => (e as { fields?: Array<{ name: string; value: string }> }).fields?.[0];
    expect(field(shown)?.value).toBe(t("ja", "submission.status.none"));
    const late = embedOf(await status({ filter: "late", page: 1 }));
    expect(field(late)?.name).toBe(
      t("ja", "submission.status.list", {
        filter: t("ja", "submission.status.filterName.late"),
        page: 1,
        pages: 1,
      }),
    );
    expect(field(late)?.value).toBe(`<@${intern.id}>`);
    expect((await status({}, intern)).content).toBe(t("ja", "error.access.organiser"));

    // /program export carries the evidence: each version with its hash and its files' sha256.
    const exported = await bot()
      .fake.sendSlashCommand({ name: "program", subcommand: "export", user: organiser, locale: "en" })
      .finalReply();
    const csvFile = (exported.attachments as Array<{ filename: string; url: string }>).find(
      (a) => a.filename === "submissions.csv",
    );
    const csv = await (await fetch(csvFile?.url ?? "")).text();
    const [header, ...rows] = csv.trim().split("\n");
    expect(header).toBe(
      "discord_user_id,assignment_key,version,submitted_at,late,deadline_at,manifest_hash,links,files",
    );
    const stored = await pb.db.submissionVersion.findMany({
      include: { files: true },
      orderBy: { number: "asc" },
    });
    expect(rows).toHaveLength(stored.length);
    for (const version of stored) {
      const row = rows.find((r) => r.includes(version.manifestHash));
      expect(row?.startsWith(`${intern.id},todo,${version.number},`)).toBe(true);
      for (const f of version.files) expect(row).toContain(f.sha256);
    }
    expect((exported.attachments as Array<{ filename: string }>).map((a) => a.filename)).toContain(
      "reviews.csv",
    );
  });

  it("GIVEN /submission settings THEN no option shows them, a change is saved and audited, a bad value is refused and changes nothing, and interns are refused", async () => {
    const settings = (options: Record<string, string | number>, user = organiser) =>
      bot()
        .fake.sendSlashCommand({
          name: "submission",
          subcommand: "settings",
          options: options as Record<string, string>,
          user,
          locale: "en",
        })
        .finalReply();
    const shown = await settings({});
    expect(shown.content).toContain("72, 24, 3");
    const saved = await settings({ reminders: "6, 48", "max-file-mb": 10, types: "PDF, .zip" });
    expect(saved.content).toContain(t("en", "submission.settings.saved", { replanned: 0 }));
    expect(saved.content).toContain("48, 6");
    const stored = await pb.db.programme.findUniqueOrThrow({ where: { id: programmeId } });
    expect(stored.submissionSettings).toMatchObject({
      reminderOffsetsHours: [48, 6],
      maxFileMb: 10,
      allowedTypes: ["pdf", "zip"],
    });
    expect(await pb.db.auditLogEntry.count({ where: { action: "submission.settings" } })).toBe(1);
    const refused = await settings({ types: "exe" });
    expect(refused.content).toBe(t("en", "error.invalidOption", { option: "types" }));
    expect((await settings({ reminders: "soon" })).content).toBe(
      t("en", "error.invalidOption", { option: "reminders" }),
    );
    expect(
      (await pb.db.programme.findUniqueOrThrow({ where: { id: programmeId } })).submissionSettings,
    ).toEqual(stored.submissionSettings);
    expect((await settings({}, intern)).content).toBe(t("en", "error.access.organiser"));
  });
});
