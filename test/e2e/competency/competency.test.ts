import "../../support/unhandled.ts";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { ApiMessage, ApiUser } from "../../../scripts/harness/fake-discord/index.ts";
import { createAllocationRepository } from "../../../src/db/repositories/allocations.ts";
import { createAssignmentRepository } from "../../../src/db/repositories/assignments.ts";
import { createAuditRepository } from "../../../src/db/repositories/audit.ts";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import {
  sheetActionId,
  sheetCommentId,
  sheetPageId,
  sheetScoreId,
} from "../../../src/discord/competency/ids.ts";
import { COMPETENCY_ELEMENTS, pageElements, SHEET_PAGES } from "../../../src/domain/competency/elements.ts";
import { endOfLocalDayAfter } from "../../../src/domain/programme/dates.ts";
import { discordTimestamp } from "../../../src/i18n/time.ts";
import { t } from "../../../src/i18n/translate.ts";
import { assignmentContent } from "../../support/programme.ts";
import { addIntern, openProgramme } from "../assignments/harness.ts";
import { type ProgramBot, startProgramBot } from "../program/harness.ts";

/** `/competency` and `/certificate` through the local Discord and the real database. */
const DAY_MS = 24 * 60 * 60 * 1000;
type Attachment = { url: string; filename: string; size?: number };
const attachmentOf = (m: ApiMessage) => (m.attachments as Attachment[] | undefined)?.[0];

describe("the competency sheet, its chart and the certificate end to end", () => {
  let pb: ProgramBot;
  let programmeId: string;
  let mentor: ApiUser;
  let mentor2: ApiUser;
  let intern: ApiUser;
  let internMemberId: string;
  let debriefId: string;
  let midpoint: Date;
  let serial = "";

  const bot = () => pb.bot;
  const slash = (user: ApiUser, name: string, subcommand: string, options: Record<string, unknown> = {}) =>
    bot()
      .fake.sendSlashCommand({ name, subcommand, options: options as never, user, locale: "en-US" })
      .finalReply();

  beforeAll(async () => {
    pb = await startProgramBot();
    const organiser = bot().fake.addMember({ username: "organiser" }).user;
    mentor = bot().fake.addMember({ username: "mika" }).user;
    mentor2 = bot().fake.addMember({ username: "ken" }).user;
    intern = bot().fake.addMember({ username: "aiko" }).user;
    programmeId = await openProgramme(bot(), { name: "Spring", organiser: organiser.id, days: 40 });
    const members = createMemberRepository(pb.db);
    await members.join({ programmeId, discordUserId: mentor.id, roles: ["mentor"] });
    await members.join({ programmeId, discordUserId: mentor2.id, roles: ["mentor"] });
    const member = await addIntern(pb.db, programmeId, intern.id, { name: "Aiko" });
    internMemberId = member.id;
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
    await members.moveStage(member.id, "working", { actorUserId: null });
    const programmes = createProgrammeRepository(pb.db);
    const now = Date.now();
    midpoint = new Date(now + 20 * DAY_MS);
    await programmes.addMilestone(programmeId, {
      kind: "kickoff",
      title: "Kick-off",
      at: new Date(now - 3600_000),
    });
    await programmes.addMilestone(programmeId, { kind: "midpoint", title: "Mid-point", at: midpoint });
    debriefId = (
      await programmes.addMilestone(programmeId, {
        kind: "debrief",
        title: "Debrief",
        at: new Date(now + 30 * DAY_MS),
      })
    ).id;
  });
  afterEach(() => {
    expect(bot().fake.violations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await pb?.close();
  });

  it("GIVEN the mid-point is 20 days away WHEN the intern rates 'during' THEN the reply names the window and nothing is written", async () => {
    const reply = await slash(intern, "competency", "rate", { phase: "during" });
    expect(reply.content).toBe(
      t("en", "competency.error.window.during", {
        opens: discordTimestamp(new Date(midpoint.getTime() - 5 * DAY_MS), "f"),
        // The window closes at the end of the fifth day after, in the programme's time zone.
        closes: discordTimestamp(
          endOfLocalDayAfter(
            midpoint,
            5,
            (await pb.db.programme.findUniqueOrThrow({ where: { id: programmeId } })).timeZone,
          ),
          "f",
        ),
      }),
    );
    expect(await pb.db.competencySheet.count()).toBe(0);
  });

  it("WHEN the intern rates 'before' over the 4 pages THEN a half-filled sheet is refused with the draft kept, and the full one is submitted once", async () => {
    const sheet = await slash(intern, "competency", "rate", { phase: "before" });
    expect(sheet.flags).toBe(64);
    expect(sheet.content).toContain(t("en", "competency.sheet.titleSelf", { phase: "before" }));
    expect(sheet.components).toHaveLength(4);
    const ref = { memberId: internMemberId, phase: "before", assessor: "self" } as const;
    for (let page = 0; page < SHEET_PAGES; page += 1) {
      if (page > 0) {
        const shown = await bot()
          .fake.clickButton({ message: sheet, customId: sheetPageId.encode({ ...ref, page }), user: intern })
          .response();
        expect(shown.type).toBe(7);
        expect(JSON.stringify(shown.data)).toContain(
          t("en", "competency.sheet.page", { page: page + 1, pages: 4 }),
        );
      }
      for (const [i, e] of pageElements(page).entries()) {
        const picked = await bot()
          .fake.selectMenu({
            message: sheet,
            customId: sheetScoreId.encode({ ...ref, page, element: e.key }),
            values: [String(1 + ((page + i) % 5))],
            user: intern,
          })
          .response();
        expect(picked.type).toBe(7);
      }
      if (page === 0) {
        const early = await bot()
          .fake.clickButton({
            message: sheet,
            customId: sheetActionId.encode({ ...ref, page, action: "submit" }),
            user: intern,
          })
          .finalReply();
        expect(early.content).toBe(t("en", "competency.error.unrated", { count: 9 }));
        expect(await pb.db.competencyScore.count({ where: { memberId: internMemberId } })).toBe(3);
        expect((await pb.db.competencySheet.findFirst())?.submittedAt).toBeNull();
      }
    }
    // Someone else pressing the intern's sheet is refused.
    const foreign = await bot()
      .fake.selectMenu({
        message: sheet,
        customId: sheetScoreId.encode({ ...ref, page: 0, element: "initiative" }),
        values: ["5"],
        user: mentor,
      })
      .finalReply();
    expect(foreign.content).toBe(t("en", "competency.error.noSheet"));

    const open = bot().fake.clickButton({
      message: sheet,
      customId: sheetActionId.encode({ ...ref, page: 3, action: "comment" }),
      user: intern,
    });
    expect((await open.modal()).custom_id).toBe(sheetCommentId.encode({ ...ref, page: 3 }));
    const commented = await bot()
      .fake.submitModal({ modal: open, fields: { comment: "緊張しています" }, locale: "en-US" })
      .response();
    expect(JSON.stringify(commented.data)).toContain("緊張しています");

    const submitted = await bot()
      .fake.clickButton({
        message: sheet,
        customId: sheetActionId.encode({ ...ref, page: 3, action: "submit" }),
        user: intern,
      })
      .response();
    expect(submitted.type).toBe(7);
    expect(JSON.stringify(submitted.data)).toContain("✅");
    const row = await pb.db.competencySheet.findFirst({
      where: { memberId: internMemberId, assessor: "self" },
    });
    expect(row?.submittedAt).not.toBeNull();
    expect(row?.comment).toBe("緊張しています");
    expect(await pb.db.competencyScore.count({ where: { memberId: internMemberId, assessor: "self" } })).toBe(
      12,
    );
    const again = await bot()
      .fake.selectMenu({
        message: sheet,
        customId: sheetScoreId.encode({ ...ref, page: 0, element: "initiative" }),
        values: ["5"],
        user: intern,
      })
      .finalReply();
    expect(again.content).toBe(t("en", "competency.error.submitted"));
  });

  it("WHEN a mentor rates a non-intern THEN refused; rating the intern's 'after' sheet is edited in place by two mentors and audited", async () => {
    const refused = await slash(mentor, "competency", "mentor", { user: mentor2, phase: "after" });
    expect(refused.content).toBe(t("en", "competency.error.notIntern"));
    const byIntern = await slash(intern, "competency", "mentor", { user: intern, phase: "after" });
    expect(byIntern.content).not.toContain(
      t("en", "competency.sheet.titleMentor", { user: `<@${intern.id}>`, phase: "after" }),
    );

    const sheet = await slash(mentor, "competency", "mentor", { user: intern, phase: "after" });
    expect(sheet.content).toContain(
      t("en", "competency.sheet.titleMentor", { user: `<@${intern.id}>`, phase: "after" }),
    );
    const ref = { memberId: internMemberId, phase: "after", assessor: "mentor" } as const;
    for (const [n, e] of COMPETENCY_ELEMENTS.entries()) {
      const page = Math.floor(n / 3);
      await bot()
        .fake.selectMenu({
          message: sheet,
          customId: sheetScoreId.encode({ ...ref, page, element: e.key }),
          values: ["4"],
          user: n === 11 ? mentor2 : mentor,
        })
        .response();
    }
    const done = await bot()
      .fake.clickButton({
        message: sheet,
        customId: sheetActionId.encode({ ...ref, page: 3, action: "submit" }),
        user: mentor,
      })
      .response();
    expect(done.type).toBe(7);
    // The second mentor's edit lands in the same sheet.
    expect(
      await pb.db.competencySheet.count({ where: { memberId: internMemberId, assessor: "mentor" } }),
    ).toBe(1);
    const actions = (await createAuditRepository(pb.db).recent(bot().fake.guild.id, { programmeId })).map(
      (e) => e.action,
    );
    expect(actions.filter((a) => a === "competency.mentor.draft")).toHaveLength(12);
    expect(actions).toContain("competency.mentor.submit");
  });

  it("WHEN the intern runs /competency show THEN the reply has a valid PNG and the numbers as text in English", async () => {
    const reply = await slash(intern, "competency", "show");
    const file = attachmentOf(reply);
    expect(file?.filename).toBe("competency.png");
    const png = Buffer.from(await (await fetch(file?.url ?? "")).arrayBuffer());
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(640);
    expect(reply.content).toContain("Initiative: Self (before) 1 / Mentors (after) 4");
    expect(reply.content).toContain("Stress control: Self (before) 1 / Mentors (after) 4");
    expect(reply.content).toContain("Mean: Self (before) 3.1 / Mentors (after) 4");
  });

  it("WHEN the intern asks for a certificate before the debrief THEN refused; after it THEN a valid PDF whose serial verifies", async () => {
    const early = await slash(intern, "certificate", "get");
    const debrief = await pb.db.milestone.findUniqueOrThrow({ where: { id: debriefId } });
    expect(early.content).toBe(
      t("en", "certificate.error.beforeDebrief", { at: discordTimestamp(debrief.at, "f") }),
    );
    expect(await pb.db.certificate.count()).toBe(0);

    await pb.db.milestone.update({ where: { id: debriefId }, data: { at: new Date(Date.now() - DAY_MS) } });
    const reply = await slash(intern, "certificate", "get", { language: "ja" });
    const file = attachmentOf(reply);
    const row = await pb.db.certificate.findFirstOrThrow();
    serial = row.serial;
    expect(serial).toMatch(/^TKN-\d{4}-\d{6}$/);
    expect(reply.content).toBe(t("en", "certificate.get.done", { serial }));
    expect(file?.filename).toBe(`${serial}.pdf`);
    const pdf = Buffer.from(await (await fetch(file?.url ?? "")).arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.subarray(-6).toString("latin1")).toContain("%%EOF");
    expect(pdf.length).toBeLessThan(1.5 * 1024 * 1024);
    expect(row.locale).toBe("ja");

    const valid = await slash(mentor2, "certificate", "verify", { serial: serial.toLowerCase() });
    expect(valid.content).toContain(row.contentHash);
    expect(valid.content).toContain(`✅ ${serial}`);
    const unknown = serial === "TKN-2026-000000" ? "TKN-2026-000001" : "TKN-2026-000000";
    expect((await slash(mentor2, "certificate", "verify", { serial: unknown })).content).toBe(
      t("en", "certificate.error.unknownSerial"),
    );
    expect((await slash(mentor2, "certificate", "verify", { serial: "nope" })).content).toBe(
      t("en", "certificate.error.badSerial"),
    );
  });
});
