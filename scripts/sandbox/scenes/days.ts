import assert from "node:assert/strict";
import { DateTime } from "luxon";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import { act, click, narrate, run, type Scene, type StageContext, submit } from "../steps.ts";

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

/** The open programme; the earlier scenes opened it. */
async function programme(ctx: StageContext) {
  const found = await createProgrammeRepository(ctx.app.ctx.db).current(ctx.fake.guild.id);
  assert.ok(found, "a programme is open (the program scene opens it)");
  return found;
}

/**
 * The kick-off's announcement is a delayed job for its time; the operator moves the clock by
 * promoting that job, and the scene waits until the worker has announced it.
 */
async function kickOffArrives(ctx: StageContext): Promise<void> {
  const { db } = ctx.app.ctx;
  const { id } = await programme(ctx);
  const kickoff = await db.milestone.findFirst({ where: { programmeId: id, kind: "kickoff" } });
  assert.ok(kickoff?.jobId, "the kick-off has an announcement job");
  const queue = ctx.app.ctx.queues.byName.get(JOBS.announceMilestone.queue);
  const job = await queue?.getJob(kickoff.jobId);
  assert.ok(job, "the kick-off's job is queued");
  // The bot's clock, as its jobs read it, stands a second after the kick-off while the job runs.
  const realNow = ctx.app.ctx.now;
  const offset = kickoff.at.getTime() + 1_000 - Date.now();
  ctx.app.ctx.now = () => new Date(Date.now() + offset);
  try {
    if (await job.isDelayed()) await job.promote();
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const now = await db.milestone.findUnique({ where: { id: kickoff.id } });
      if (now?.announcedAt) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error("the kick-off was not announced within 15 s");
  } finally {
    ctx.app.ctx.now = realNow;
  }
}

/** A day of work after allocation: swap, check-in and 日報, a hand-in, the clock, the end. */
export const dayScenes: Scene[] = [
  {
    id: "swap",
    title: "An intern swaps their project within the swap window (/project swap)",
    steps: [
      run("internEn", "/project swap", {
        id: "swap",
        expect: (seen) => assert.match(seen.text, /swap|Swap/),
      }),
      click("internEn", "swap", "prj-pick", {
        expect: (seen) => assert.doesNotMatch(seen.text, /isn't available|no longer/),
      }),
      run("internEn", "/project view", { expect: (seen) => assert.match(seen.text, /Your project/) }),
    ],
  },
  {
    id: "days",
    title: "Full-flex days: check-in, check-out and the 日報 (/checkin, /checkout, /report write)",
    steps: [
      run("internJa", "/checkin", { options: { plan: "API のテストを書く" } }),
      run("internJa", "/checkout", { id: "checkout" }),
      click("internJa", "checkout", "report-write", { id: "report-ja" }),
      submit("internJa", "report-ja", {
        done: "API のテストを 12 件書いた",
        blockers: "",
        next: "README を書く",
        mood: "4",
      }),
      narrate("How the intern feels (mood 4) is stored for the organisers' attention list, never posted."),
      run("internEn", "/report write", { id: "report-en" }),
      submit(
        "internEn",
        "report-en",
        { done: "Read the brief and set up the repository", blockers: "", next: "First page", mood: "" },
        { expect: (seen) => assert.match(seen.text, /report/i) },
      ),
    ],
  },
  {
    id: "submit",
    title: "Hand-ins: an intern submits a link and a file; the organiser sees who has handed in",
    steps: [
      run("internJa", "/submit", {
        options: {
          repository: "https://github.com/haruto/todo-api",
          file1: { filename: "report.pdf", content: PDF, contentType: "application/pdf" },
          note: "最初の版です",
        },
        expect: (seen) => assert.match(seen.text, /sha256|ハッシュ|提出/),
      }),
      run("organiser", "/submission status"),
    ],
  },
  {
    id: "announcement",
    title: "The clock reaches the kick-off: its announcement goes out once",
    steps: [
      act("move the clock to the kick-off (promote its delayed announcement job)", kickOffArrives),
      narrate(
        "The announcement is recorded as delivered: a restart or a second bot process never posts it again.",
      ),
    ],
  },
  {
    id: "close",
    title: "The end: the organiser exports everything and closes the programme",
    steps: [
      run("organiser", "/program export", {
        expect: (seen) => assert.ok(seen.message?.attachments?.length, "the export is attached"),
      }),
      run("organiser", "/program close", {
        expect: (seen) => assert.match(seen.text, /閉じ|読み取り専用|close/),
      }),
      narrate(
        `Closed on ${DateTime.now().setZone("Asia/Tokyo").toISODate()}: interns can still read, not post; the data stays until /program delete.`,
      ),
    ],
  },
];
