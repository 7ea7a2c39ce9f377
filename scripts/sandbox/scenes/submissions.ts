import assert from "node:assert/strict";
import type { Job, Queue } from "bullmq";
import { createMemberRepository } from "../../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../../src/db/repositories/programmes.ts";
import { createSubmissionRepository } from "../../../src/db/repositories/submissions.ts";
import { formatLocalDateTime } from "../../../src/domain/programme/dates.ts";
import { effectiveDeadline, reminderJobId } from "../../../src/domain/submission/deadline.ts";
import { ResourceKeys } from "../../../src/domain/workspace/keys.ts";
import { JOBS } from "../../../src/jobs/definitions.ts";
import type { ApiUser } from "../../harness/fake-discord/index.ts";
import type { PersonKey } from "../cast.ts";
import {
  act,
  type CommandStep,
  choose,
  click,
  type NarrationStep,
  narrate,
  run,
  type Scene,
  type StageContext,
  submit,
} from "../steps.ts";

const PDF = (title: string) =>
  Buffer.from(
    `%PDF-1.4\n% ${title}\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
  );
const HOUR_MS = 3_600_000;
/** The reason the organiser gives when she sets 田中's deadline (never shown to the agency). */
const LATE_REASON = "サンドボックス: 締切が過ぎた後の提出を見せるため";

/**
 * What the steps need but cannot know when the list is built (ids and times are made as the story
 * runs): filled in by each scene's first step, read by the getters below when a step is played.
 */
const story: {
  ctx?: StageContext;
  programmeId?: string;
  timeZone?: string;
  startsAt?: Date;
  endsAt?: Date;
  /** The programme's submission deadline (the program scene moves it). */
  deadline?: Date;
  staffRoomId?: string;
  /** Member ids and project threads of the two interns. */
  interns: Map<PersonKey, { memberId: string; threadId: string }>;
  /** Told in narration once the operator's action has run. */
  queued: string[];
} = { interns: new Map(), queued: [] };

function userOf(key: PersonKey): ApiUser {
  if (!story.ctx) throw new Error("the scene's first step has not run");
  return story.ctx.person(key).user;
}

function internOf(key: PersonKey): { memberId: string; threadId: string } {
  const intern = story.interns.get(key);
  if (!intern) throw new Error(`the scene's first step found no project thread for ${key}`);
  return intern;
}

/** `YYYY-MM-DD HH:mm` in the programme's time zone, as an organiser or intern types it. */
function local(at: Date): string {
  return formatLocalDateTime(at, story.timeZone ?? "Asia/Tokyo");
}

/** Narration worked out when the step runs (the list of steps is built before anything exists). */
function narrateFrom(text: () => string): NarrationStep {
  return {
    kind: "narrate",
    get text() {
      return text();
    },
  };
}

/**
 * The stage as the earlier scenes leave it: an open programme with its staff room, a mentor, an
 * agency observer whose client 田中 shares with her agency (Maya does not), and two interns with
 * projects and threads, of whom only 田中 has handed in (the hand-in scene).
 */
async function stageIsSet(ctx: StageContext): Promise<void> {
  story.ctx = ctx;
  const db = ctx.app.ctx.db;
  const programmes = createProgrammeRepository(db);
  const programme = await programmes.current(ctx.fake.guild.id);
  assert.ok(programme, "a programme is open (the program scene opens it)");
  story.programmeId = programme.id;
  story.timeZone = programme.timeZone;
  story.startsAt = programme.startsAt;
  story.endsAt = programme.endsAt;
  const terms = await createSubmissionRepository(db).programmeTerms(programme.id);
  assert.ok(terms?.deadline, "the programme has a submission deadline");
  story.deadline = terms.deadline;
  const staffRoom = await programmes.discordResource(programme.id, ResourceKeys.channels.staff);
  assert.ok(staffRoom, "the workspace has its staff room");
  story.staffRoomId = staffRoom.discordId;
  const members = createMemberRepository(db);
  for (const key of ["internJa", "internEn"] as const) {
    const member = await members.find(programme.id, ctx.person(key).user.id);
    assert.ok(member?.projectChannelId, `${key} joined and has a project thread (the onboarding scene)`);
    story.interns.set(key, { memberId: member.id, threadId: member.projectChannelId });
    const shares = key === "internJa";
    assert.equal(
      member.agencyConsent,
      shares,
      `${key} ${shares ? "shares" : "does not share"} with the agency`,
    );
  }
  const observer = await members.find(programme.id, ctx.person("observer").user.id);
  assert.ok(observer?.roles.includes("agency_staff"), "the observer is agency staff (the onboarding scene)");
}

/** Each intern who still owes a hand-in, with their effective deadline (extension included). */
async function owing(ctx: StageContext): Promise<Array<{ memberId: string; deadline: Date }>> {
  const submissions = createSubmissionRepository(ctx.app.ctx.db);
  const programmeId = story.programmeId ?? "";
  const terms = await submissions.programmeTerms(programmeId);
  assert.ok(terms, "the programme has submission terms");
  return (await submissions.awaiting(programmeId)).flatMap((row) => {
    const deadline = effectiveDeadline({
      programmeDeadline: terms.deadline,
      extension: row.extension,
      extendedDeadlines: row.extendedDeadlines,
      accommodationExtensionHours: terms.settings.accommodationExtensionHours,
    });
    return deadline === null ? [] : [{ memberId: row.memberId, deadline: deadline.at }];
  });
}

/** Who a member id belongs to, by name. */
function nameOf(memberId: string): string {
  for (const [key, intern] of story.interns) {
    if (intern.memberId === memberId) return userOf(key).global_name ?? key;
  }
  return memberId;
}

/** Waits (bounded) until a job has run: completed (or removed after completing), or throws if it failed. */
async function ranToEnd(queue: Queue, job: Job, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const state = await job.getState();
    if (state === "completed" || state === "unknown") return;
    if (state === "failed") {
      const failed = await queue.getJob(job.id ?? "");
      throw new Error(`${what} failed: ${failed?.failedReason ?? "no reason recorded"}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not run within 15 s`);
}

/** The reminder jobs queued for one intern's deadline, as "72 h, 24 h, 3 h". */
async function queuedFor(ctx: StageContext, memberId: string, deadline: Date): Promise<string> {
  const queue = ctx.app.ctx.queues.byName.get(JOBS.remindSubmission.queue);
  assert.ok(queue, "the submissions queue exists");
  const terms = await createSubmissionRepository(ctx.app.ctx.db).programmeTerms(story.programmeId ?? "");
  const offsets: number[] = [];
  for (const offset of terms?.settings.reminderOffsetsHours ?? []) {
    const job = await queue.getJob(reminderJobId(memberId, offset, deadline));
    if (job && (await job.isDelayed())) offsets.push(offset);
  }
  return offsets.length ? offsets.map((h) => `${h} h`).join(", ") : "none";
}

/**
 * The bot's reconciler (a job scheduler, every 15 minutes) re-derives every reminder job from the
 * database; interns allocated since its last pass get theirs from it. The operator runs its next
 * scheduled pass now, by promoting that delayed job, and reads what the submissions queue holds.
 */
async function reconcilerRuns(ctx: StageContext): Promise<void> {
  const queue = ctx.app.ctx.queues.byName.get(JOBS.reconcile.queue);
  assert.ok(queue, "the milestones queue exists");
  const next = (await queue.getDelayed()).find((job) => job.name === JOBS.reconcile.name);
  assert.ok(next, "the reconciler's next run is scheduled");
  await next.promote();
  await ranToEnd(queue, next, "the reconciler");
  const due = await owing(ctx);
  assert.equal(due.length, 1, "one intern still owes a hand-in");
  story.queued = [];
  for (const key of ["internJa", "internEn"] as const) {
    const { memberId } = internOf(key);
    const mine = due.find((d) => d.memberId === memberId);
    const jobs = mine ? await queuedFor(ctx, memberId, mine.deadline) : "none (handed in)";
    story.queued.push(`${nameOf(memberId)}: ${jobs}`);
  }
  const [maya] = due;
  assert.equal(maya?.memberId, internOf("internEn").memberId, "Maya is the one who owes a hand-in");
  assert.match(story.queued.join("\n"), /Maya Chen: 72 h, 24 h, 3 h/);
}

/**
 * Moves the bot's clock, as its jobs read it, to a second after the first reminder comes due (72 h
 * before the deadline), promotes every remind-submission job due by then, and waits until the
 * worker has run each. Only the delivery ledger decides what was posted.
 */
async function firstRemindersComeDue(ctx: StageContext): Promise<void> {
  const queue = ctx.app.ctx.queues.byName.get(JOBS.remindSubmission.queue);
  assert.ok(queue, "the submissions queue exists");
  const due = await owing(ctx);
  const earliest = Math.min(...due.map((d) => d.deadline.getTime())) - 72 * HOUR_MS;
  const realNow = ctx.app.ctx.now;
  const offset = earliest + 1_000 - Date.now();
  ctx.app.ctx.now = () => new Date(Date.now() + offset);
  try {
    const clock = ctx.app.ctx.now().getTime();
    let ran = 0;
    for (const { memberId, deadline } of due) {
      for (const hours of [72, 24, 3]) {
        if (deadline.getTime() - hours * HOUR_MS > clock) continue;
        const job = await queue.getJob(reminderJobId(memberId, hours, deadline));
        if (!job) continue;
        if (await job.isDelayed()) await job.promote();
        await ranToEnd(queue, job, `the ${hours} h reminder`);
        ran += 1;
      }
    }
    assert.equal(ran, 1, "one reminder was due");
  } finally {
    ctx.app.ctx.now = realNow;
  }
  const delivered = await ctx.app.ctx.db.delivery.findMany({
    where: { key: { startsWith: "submission-reminder:" }, status: "sent" },
  });
  assert.equal(delivered.length, 1, "one reminder is recorded as delivered");
  const inThread = (key: PersonKey) =>
    ctx.fake.messages(internOf(key).threadId).filter((m) => m.content.includes("⏰")).length;
  assert.equal(inThread("internEn"), 1, "Maya's thread has the reminder");
  assert.equal(inThread("internJa"), 0, "田中's thread has none: he handed in");
}

/** After the approval: the old deadline's reminder jobs are gone, the new deadline's are queued. */
async function remindersMoved(ctx: StageContext): Promise<void> {
  const { memberId } = internOf("internEn");
  const terms = await createSubmissionRepository(ctx.app.ctx.db).programmeTerms(story.programmeId ?? "");
  assert.ok(terms?.deadline, "the programme has a deadline");
  const [maya] = await owing(ctx);
  assert.ok(maya && maya.deadline.getTime() > terms.deadline.getTime(), "Maya's deadline is later now");
  const old = await queuedFor(ctx, memberId, terms.deadline);
  const current = await queuedFor(ctx, memberId, maya.deadline);
  story.queued = [`for ${local(terms.deadline)}: ${old}`, `for ${local(maya.deadline)}: ${current}`];
  assert.equal(old, "none");
  assert.equal(current, "72 h, 24 h, 3 h");
}

/** Two days after the programme deadline (and before the programme's end), in local time. */
function requestedUntil(): string {
  if (!story.deadline || !story.endsAt) throw new Error("the scene's first step has not run");
  const until = Math.min(story.deadline.getTime() + 48 * HOUR_MS, story.endsAt.getTime() - HOUR_MS);
  return local(new Date(until));
}

/**
 * A time earlier today, after the programme's start, in whole minutes: 田中's own deadline, so that
 * his next hand-in is past it (the sandbox cannot wait five weeks).
 */
function earlierToday(): string {
  if (!story.startsAt) throw new Error("the scene's first step has not run");
  const before = Math.max(Date.now() - 2 * HOUR_MS - 5 * 60_000, story.startsAt.getTime());
  return local(new Date(before));
}

/** `/submission show user:<someone>`, checked with `expect`. */
function showSubmissions(who: PersonKey, of: PersonKey, expect: CommandStep["expect"]): CommandStep {
  return {
    ...run(who, "/submission show", expect ? { expect } : {}),
    options: {
      get user() {
        return userOf(of);
      },
    },
  };
}

/**
 * Submissions after the hand-in scene: the reminder reaches only the intern with nothing handed in
 * (the reconciler queues it, the clock brings it due, the ledger records it once); she asks for an
 * extension and an organiser approves it in the staff room; a hand-in past a deadline is marked
 * late, hers within her extension is on time; the mentor reviews from the queue and publishes, the
 * feedback lands in the intern's thread; the agency observer sees her consenting client's
 * hand-ins (never the reason of an extension) and nothing of the other intern's.
 */
export const submissionScenes: Scene[] = [
  {
    id: "remind",
    title: "Before the deadline: a reminder for the one intern with nothing handed in, and an extension",
    steps: [
      act("the stage as the earlier scenes leave it (田中 handed in, Maya has not)", stageIsSet),
      act("15 minutes pass: the bot's reconciler runs (promote its next scheduled pass)", reconcilerRuns),
      narrateFrom(() => `Reminder jobs queued (remind-submission): ${story.queued.join(" · ")}`),
      act(
        "move the clock to 72 h before the deadline and run the reminder jobs due by then",
        firstRemindersComeDue,
      ),
      narrate(
        "One post, in Maya's thread only. Its delivery row (member, offset, deadline) is claimed before posting: a restart or a second run never sends it again.",
      ),
      {
        ...run("internEn", "/submission request-extension", {
          expect: (seen) => {
            assert.ok(seen.ephemeral);
            assert.match(seen.text, /sent to the organisers/);
            assert.match(seen.text, /が締切の延長を申請しました/, "posted in the staff room");
          },
        }),
        options: {
          get until() {
            return requestedUntil();
          },
          reason: "My school exams run until the deadline week.",
        },
      },
      click(
        "organiser",
        {
          get channel() {
            if (!story.staffRoomId) throw new Error("no staff room yet");
            return story.staffRoomId;
          },
        },
        "承認",
        {
          expect: (seen) => {
            assert.match(seen.text, /が承認しました（新しい締切/);
            assert.match(seen.text, /extension request was approved/);
          },
        },
      ),
      act("look at Maya's reminder jobs in the submissions queue", remindersMoved),
      narrateFrom(() => `Maya's reminder jobs — ${story.queued.join(" · ")}`),
    ],
  },
  {
    id: "late",
    title: "Past a deadline: a hand-in marked late, and one on time within its extension",
    steps: [
      act("the stage as the earlier scenes leave it", stageIsSet),
      narrate(
        "The sandbox cannot wait five weeks for the deadline. The organiser sets 田中's own deadline to earlier today: for him it has passed.",
      ),
      {
        ...run("organiser", "/submission extend", {
          expect: (seen) => assert.match(seen.text, /の締切を .* にしました/),
        }),
        options: {
          get user() {
            return userOf("internJa");
          },
          get until() {
            return earlierToday();
          },
          reason: LATE_REASON,
        },
      },
      run("internJa", "/submit", {
        options: {
          repository: "https://github.com/haruto/todo-api",
          demo: "https://haruto.example.com/todo",
          file1: { filename: "report-v2.pdf", content: PDF("v2"), contentType: "application/pdf" },
          note: "README と設計の説明を追加しました",
        },
        expect: (seen) => {
          assert.match(seen.text, /第 2 版/);
          assert.match(seen.text, /⚠️ 締切から \d+ 時間 \d+ 分遅れ/);
        },
      }),
      narrate("Maya hands in within her extension: on time, against her own deadline."),
      run("internEn", "/submit", {
        options: {
          link: "https://maya.example.com/sales-report",
          file1: { filename: "sales-report.pdf", content: PDF("report"), contentType: "application/pdf" },
        },
        expect: (seen) => {
          assert.match(seen.text, /version 1/);
          assert.match(seen.text, /✅ On time/);
          assert.doesNotMatch(seen.text, /Late by/);
        },
      }),
      run("organiser", "/submission status", {
        expect: (seen) => assert.match(seen.text, /遅れ \*\*1\*\*/),
      }),
    ],
  },
  {
    id: "review",
    title: "The mentor reviews from the queue and publishes; the agency sees only its consenting client",
    steps: [
      act("the stage as the earlier scenes leave it", stageIsSet),
      run("mentor", "/review queue", {
        id: "queue",
        expect: (seen) => {
          assert.match(seen.text, /Waiting for review \(.*\): 2/);
          assert.match(seen.text, /1\. @田中 陽翔 — version 2 — .* — ⚠️ late/);
        },
      }),
      click("mentor", "queue", "Review 1", {
        id: "sheet",
        expect: (seen) => assert.match(seen.text, /Reviewing @田中 陽翔's version 2/),
      }),
      choose("mentor", "sheet", /^rvw-score:.*"brief"\]$/, ["4"]),
      choose("mentor", "sheet", /^rvw-score:.*"quality"\]$/, ["4"]),
      choose("mentor", "sheet", /^rvw-score:.*"explanation"\]$/, ["5"]),
      choose("mentor", "sheet", /^rvw-score:.*"planning"\]$/, ["3"]),
      click("mentor", "sheet", "Comment", { id: "comment" }),
      submit(
        "mentor",
        "comment",
        { comment: "The README explains the design clearly. Next time, plan the tests before the API." },
        { expect: (seen) => assert.match(seen.text, /The README explains/) },
      ),
      click("mentor", "sheet", "Publish", {
        expect: (seen, ctx) => {
          assert.match(seen.text, /published and posted in their project thread/);
          assert.match(seen.text, /計画と進め方: 3 \/ 5 点/);
          const inThread = ctx.fake
            .messages(internOf("internJa").threadId)
            .filter((m) => m.embeds.some((e) => e.title === "📝 第 2 版へのフィードバック"));
          assert.equal(inThread.length, 1, "the feedback is in 田中's thread, once");
        },
      }),
      narrate(
        "The agency observer opens 田中's hand-ins (he shares with her agency), then Maya's (she does not).",
      ),
      showSubmissions("observer", "internJa", (seen) => {
        assert.match(seen.text, /第 2 版/);
        assert.match(seen.text, /第 1 版/);
        assert.doesNotMatch(seen.text, new RegExp(LATE_REASON), "agencies never see extension reasons");
      }),
      showSubmissions("observer", "internEn", (seen) => {
        assert.ok(seen.ephemeral);
        assert.match(seen.text, /その人の提出は表示できません/);
        assert.doesNotMatch(seen.text, /Maya|sales-report/);
      }),
    ],
  },
];
