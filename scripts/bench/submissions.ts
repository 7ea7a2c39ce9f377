/**
 * Hand-in hour: 500 interns with live projects `/submit` two 1 MB files each within one second,
 * with taiken running exactly as `npm start` runs it.
 *
 * Layout (each part in its own process, so none counts against another):
 * - the fake Discord (support/submit-burst.ts): validators precompiled, Discord's rate limits on,
 *   a 60 s interaction window so a late callback is measured instead of refused; it makes every
 *   intern's files itself (a PDF and a ZIP, signature + random bytes, different for everyone),
 *   serves them as signed attachment URLs, spreads the commands evenly over one second, and times
 *   dispatch, callback and every request with its own clock;
 * - taiken: `node dist/src/main.js` (a fresh SQLite file migrated at start, Redis, the real
 *   client, router and commands; files stored under SUBMISSIONS_DIR), `LOG_LEVEL=info`;
 * - the floor: a bare discord.js client (support/bare-bot.mjs) replying at once, on a fake of its
 *   own, hit by the same burst (same command, same files, same spread) in the same run;
 * - this process: seeds the bot's database in bulk before the bot starts (support/cohort.ts),
 *   sets the deadline just after the burst (so every hand-in is on time by when Discord received
 *   it, and most are processed after the deadline), and checks what was stored.
 *
 * Reported: stored versions, files hash-verified (each stored blob read back from SUBMISSIONS_DIR
 * and its sha256 compared with the database row and with what the fake sent), hand-ins wrongly
 * marked late, acknowledgement (INTERACTION_CREATE written → callback received, both timed by the
 * fake) p50/p95/p99 and its p99 against the floor's, receipt (→ the deferred reply edited with the
 * receipt) p50/p95/p99, receipts posted in the project threads, 429s, errors, spec violations.
 *
 * `BENCH_SUBMISSIONS_INTERNS` overrides the cohort size (default 500).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import path from "node:path";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { createProgrammeRepository } from "../../src/db/repositories/programmes.ts";
import { translator } from "../../src/i18n/translate.ts";
import { deployToFake } from "../harness/deploy.ts";
import type { RemoteFakeDiscord } from "../harness/fake-discord/index.ts";
import { type BenchDatabase, benchDatabase } from "./support/bench-database.ts";
import { type CohortIntern, pooled, projectThreads, seedCohort } from "./support/cohort.ts";
import type { BenchFake } from "./support/fake-host.ts";
import { note, progress } from "./support/notes.ts";
import { buildBot, type NodeChild, scratchDir, sleep, startBenchRedis } from "./support/processes.ts";
import { floorContestant, taikenContestant } from "./support/stage.ts";
import { quantiles, round } from "./support/stats.ts";
import {
  type BurstFake,
  type BurstFile,
  type BurstInteraction,
  type BurstResult,
  startBurstFake,
} from "./support/submit-burst.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "submissions";
const INTERNS = Number(process.env.BENCH_SUBMISSIONS_INTERNS ?? 500);
/** Interns who hand in before the measured burst, so neither bot meets it cold. */
const WARM_UP = 10;
const WINDOW_MS = 1_000;
const MB = 1024 * 1024;
const FILES: readonly BurstFile[] = [
  { option: "file1", filename: "report.pdf", type: "pdf", contentType: "application/pdf", bytes: MB },
  { option: "file2", filename: "source.zip", type: "zip", contentType: "application/zip", bytes: MB },
];
const TARGET_RATIO = 1.5;
const STEP_TIMEOUT_MS = 60_000;
/** How long receipts may take after the burst before the missing ones count as missing. */
const RECEIPT_WAIT_MS = 180_000;
/** The deadline is this long after the last scheduled dispatch. */
const DEADLINE_MARGIN_MS = 1_000;

const FAKE_OPTIONS = { precompileValidators: true, rateLimits: true, interactionTimeoutMs: STEP_TIMEOUT_MS };

/** Milliseconds since the Unix epoch at which Discord made a snowflake. */
const snowflakeMs = (id: string) => Number((BigInt(id) >> 22n) + 1_420_070_400_000n);

const discordLocale = (locale: "ja" | "en") => (locale === "ja" ? "ja" : "en-US");

/** Prepares files for `users`, dispatches their `/submit`s over `windowMs`, returns what the fake saw. */
async function handIn(
  fake: BurstFake,
  users: readonly string[],
  locales: readonly string[],
  windowMs: number,
  beforeDispatch?: () => Promise<void>,
): Promise<{ burst: BurstResult; sha256: Map<string, string[]> }> {
  const prepared = await fake.prepare({ users: [...users], files: [...FILES] });
  await beforeDispatch?.();
  const burst = await fake.burst({
    command: "submit",
    users: [...users],
    locales: [...locales],
    windowMs,
    timeoutMs: STEP_TIMEOUT_MS,
  });
  return { burst, sha256: new Map(users.map((u, i) => [u, prepared.sha256[i] ?? []])) };
}

const acks = (burst: BurstResult) =>
  burst.interactions.flatMap((i) => (i.callbackAt === undefined ? [] : [i.callbackAt - i.dispatchedAt]));

/** The floor: the same burst answered by a bare discord.js client on a fake of its own. */
async function floorBurst(): Promise<{ acks: number[]; unanswered: number; spanMs: number }> {
  const fake = await startBurstFake(FAKE_OPTIONS);
  let bot: NodeChild | undefined;
  try {
    await deployToFake(fake.remote);
    const users = await fake.addMembers(INTERNS + WARM_UP);
    // A contestant only reads `remote` from the fake it is given.
    bot = await floorContestant().start(fake as unknown as BenchFake);
    await bot.waitForMessage("ready", 60_000);
    const locales = users.map((_, i) => discordLocale(i % 5 < 3 ? "ja" : "en"));
    await handIn(fake, users.slice(INTERNS), locales.slice(INTERNS), 200);
    const { burst } = await handIn(fake, users.slice(0, INTERNS), locales.slice(0, INTERNS), WINDOW_MS);
    const answered = acks(burst);
    return { acks: answered, unanswered: INTERNS - answered.length, spanMs: burst.dispatchSpanMs };
  } finally {
    await bot?.stop();
    await fake.close();
  }
}

async function waitForGuild(remote: RemoteFakeDiscord, bot: NodeChild): Promise<void> {
  const deadline = performance.now() + 60_000;
  while ((await remote.gatewayFrames("GUILD_CREATE")).length === 0) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited before connecting:\n${bot.output()}`);
    if (performance.now() > deadline)
      throw new Error(`the bot did not connect within 60 s:\n${bot.output()}`);
    await sleep(50);
  }
}

/** What the bot logged (LOG_LEVEL=info, JSON lines on stdout). */
function listenToBot(bot: NodeChild): { failed: number; warnings: Map<string, number> } {
  const log = { failed: 0, warnings: new Map<string, number>() };
  let partial = "";
  bot.child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      let entry: { level?: number; msg?: string; err?: { message?: string } };
      try {
        entry = JSON.parse(line);
      } catch {
        // A line cut by the pipe: not a log entry worth counting.
        continue;
      }
      if (entry.msg === "interaction failed") log.failed += 1;
      if ((entry.level ?? 0) >= 40) {
        const key = `${entry.msg}${entry.err?.message ? `: ${entry.err.message.slice(0, 100)}` : ""}`;
        log.warnings.set(key, (log.warnings.get(key) ?? 0) + 1);
      }
    }
  });
  return log;
}

/** Routes answered with 429, for the notes. */
const limited = new Map<string, number>();

/** The receipt edits (first successful PATCH of @original per token), thread posts and 429s since `since`. */
async function requestsSince(remote: RemoteFakeDiscord, since: number) {
  const edits = new Map<string, { at: number; body: unknown }>();
  const posts = new Map<string, number>();
  let last = since;
  let tooMany = 0;
  for (const r of await remote.requests(since)) {
    last = Math.max(last, r.id);
    if (r.status === 429) {
      tooMany += 1;
      limited.set(r.route, (limited.get(r.route) ?? 0) + 1);
    }
    if (r.status >= 300) continue;
    if (r.method === "PATCH" && r.path.startsWith("/webhooks/") && r.path.endsWith("/messages/@original")) {
      const token = r.path.split("/")[3] as string;
      if (!edits.has(token)) edits.set(token, { at: r.answeredAt, body: r.body });
    }
    if (r.route === "POST /channels/{channel_id}/messages") {
      const channel = r.path.split("/")[2] as string;
      posts.set(channel, (posts.get(channel) ?? 0) + 1);
    }
  }
  return { edits, posts, last, tooMany };
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** Whether an edit carries a receipt: the posted/not-posted line in either language and an embed. */
function receiptMatcher(): (body: unknown) => boolean {
  const lines = new Set(
    (["ja", "en"] as const).flatMap((locale) => {
      const t = translator(locale);
      return [t("submission.receipt.posted"), t("submission.receipt.notPosted")];
    }),
  );
  return (body) => {
    const b = body as { content?: string; embeds?: unknown[] } | null;
    return lines.has(b?.content ?? "") && (b?.embeds?.length ?? 0) > 0;
  };
}

function pushQuantiles(out: BenchResult[], label: string, samples: readonly number[], target?: number): void {
  const q = quantiles(samples);
  for (const p of ["p50", "p95", "p99"] as const) {
    out.push({
      suite: SUITE,
      metric: `${label} ${p}`,
      value: round(q[p], 0),
      unit: "ms",
      ...(p === "p99" && target !== undefined ? { target: `< ${target} ms`, ok: q.p99 < target } : {}),
    });
  }
}

const suite: BenchSuite = async () => {
  // The fakes' children and IPC channels are unref'd: keep this process alive while it waits on them.
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    return await handInHour();
  } finally {
    clearInterval(keepAlive);
  }
};

async function handInHour(): Promise<BenchResult[]> {
  for (const warning of await buildBot()) note(SUITE, warning);
  progress(SUITE, `floor: a bare discord.js client, ${INTERNS} /submit with two 1 MB files within 1 s`);
  const floor = await floorBurst();

  const redis = await startBenchRedis();
  const scratch = await scratchDir("submissions");
  const submissionsDir = path.join(scratch.dir, "submissions");
  let fake: BurstFake | undefined;
  let bot: NodeChild | undefined;
  let db: Database | undefined;
  let database: BenchDatabase | undefined;
  try {
    fake = await startBurstFake(FAKE_OPTIONS);
    const remote = fake.remote;
    await deployToFake(remote);
    const users = await fake.addMembers(INTERNS + WARM_UP);
    const locales = users.map((_, i): "ja" | "en" => (i % 5 < 3 ? "ja" : "en"));

    progress(SUITE, `seeding: ${INTERNS + WARM_UP} interns with live projects and their threads (bulk)`);
    const seedStarted = performance.now();
    await remote.setRateLimits(false);
    const threads = await projectThreads(remote, users.length);
    await remote.setRateLimits(true);
    database = await benchDatabase(scratch.dir);
    db = await createDatabase(database.url);
    const interns: CohortIntern[] = users.map((discordUserId, i) => ({
      discordUserId,
      threadId: threads[i] as string,
      locale: locales[i] as "ja" | "en",
    }));
    const cohort = await seedCohort(db, { guildId: remote.guildId, name: "hand-in hour", interns });
    const milestone = await createProgrammeRepository(db).addMilestone(cohort.programmeId, {
      kind: "submission_deadline",
      title: "Deadline",
      // Far enough ahead that no reminder is due while the suite runs; moved just before the burst.
      at: new Date(Date.now() + 20 * 86_400_000),
    });
    const seedSeconds = (performance.now() - seedStarted) / 1000;

    const running = await taikenContestant({
      redisUrl: redis.url,
      dataDir: scratch.dir,
      logLevel: "info",
      env: { SUBMISSIONS_DIR: submissionsDir, DATABASE_URL: database.url },
    }).start(fake as unknown as BenchFake);
    bot = running;
    await waitForGuild(remote, running);
    const log = listenToBot(running);

    progress(SUITE, `warm-up: ${WARM_UP} interns hand in first`);
    const warm = await handIn(fake, users.slice(INTERNS), locales.slice(INTERNS).map(discordLocale), 200);
    const warmTokens = new Set(warm.burst.interactions.map((i) => i.token));
    let scan = await requestsSince(remote, 0);
    const warmDeadline = performance.now() + RECEIPT_WAIT_MS;
    while ([...warmTokens].some((t) => !scan.edits.has(t)) && performance.now() < warmDeadline) {
      await sleep(500);
      const more = await requestsSince(remote, scan.last);
      for (const [t, e] of more.edits) scan.edits.set(t, e);
      scan = { ...scan, last: more.last };
    }
    const since = scan.last;

    // The deadline falls just after the burst: on time by when Discord received each hand-in, late
    // by when most are processed.
    let deadline = new Date(0);
    progress(SUITE, `${INTERNS} interns /submit two 1 MB files each within ${WINDOW_MS / 1000} s`);
    const measured = await handIn(
      fake,
      users.slice(0, INTERNS),
      locales.slice(0, INTERNS).map(discordLocale),
      WINDOW_MS,
      async () => {
        deadline = new Date(Date.now() + WINDOW_MS + DEADLINE_MARGIN_MS);
        await db?.milestone.update({ where: { id: milestone.id }, data: { at: deadline } });
      },
    );
    const burst = measured.burst;

    progress(SUITE, "waiting for the receipts");
    const edits = new Map<string, { at: number; body: unknown }>();
    const posts = new Map<string, number>();
    let tooMany = 0;
    let cursor = since;
    const tokens = burst.interactions.map((i) => i.token);
    const receiptDeadline = performance.now() + RECEIPT_WAIT_MS;
    for (;;) {
      const more = await requestsSince(remote, cursor);
      cursor = more.last;
      tooMany += more.tooMany;
      for (const [t, e] of more.edits) if (!edits.has(t)) edits.set(t, e);
      for (const [c, n] of more.posts) posts.set(c, (posts.get(c) ?? 0) + n);
      const threadPosts = [...posts.values()].reduce((a, b) => a + b, 0);
      if (tokens.every((t) => edits.has(t)) && threadPosts >= INTERNS) break;
      if (performance.now() > receiptDeadline) break;
      await sleep(1_000);
    }

    progress(SUITE, "checking what was stored");
    const byUser = new Map<string, BurstInteraction>(burst.interactions.map((i) => [i.user, i]));
    const measuredMembers = new Set(cohort.memberIds.slice(0, INTERNS));
    const versions = await db.submissionVersion.findMany({
      where: { submission: { programmeId: cohort.programmeId, memberId: { in: [...measuredMembers] } } },
      select: {
        number: true,
        late: true,
        submittedAt: true,
        deadlineAt: true,
        submission: { select: { member: { select: { discordUserId: true } } } },
        files: { select: { name: true, sha256: true, storageKey: true, size: true } },
      },
    });
    const fileIndex = new Map(FILES.map((f, j) => [f.filename, j]));
    const checks = await pooled(
      versions.flatMap((v) => v.files.map((f) => ({ user: v.submission.member.discordUserId, file: f }))),
      8,
      async ({ user, file }) => {
        const sent = measured.sha256.get(user)?.[fileIndex.get(file.name) ?? -1];
        const stored = await sha256File(path.join(submissionsDir, file.storageKey)).catch(() => null);
        return stored !== null && stored === file.sha256 && stored === sent && file.size === MB;
      },
    );
    const verified = checks.filter(Boolean).length;
    const deadlineMs = deadline.getTime();
    let wronglyLate = 0;
    let wronglyOnTime = 0;
    let sentAfterDeadline = 0;
    for (const v of versions) {
      const interaction = byUser.get(v.submission.member.discordUserId);
      const receivedMs = interaction ? snowflakeMs(interaction.id) : v.submittedAt.getTime();
      if (receivedMs > deadlineMs) sentAfterDeadline += 1;
      if (v.late && receivedMs <= deadlineMs) wronglyLate += 1;
      if (!v.late && receivedMs > deadlineMs) wronglyOnTime += 1;
    }
    const isReceipt = receiptMatcher();
    const receipts: number[] = [];
    const notReceipts = new Map<string, number>();
    let editedAfterDeadline = 0;
    // Fake clock (performance.now in the fake) → wall clock, through the first dispatch's snowflake.
    const first = burst.interactions[0];
    const offset = first ? snowflakeMs(first.id) - first.dispatchedAt : 0;
    for (const interaction of burst.interactions) {
      const edit = edits.get(interaction.token);
      if (!edit) continue;
      if (!isReceipt(edit.body)) {
        // Error ids differ per reply; the same message with another id is the same failure.
        const content = ((edit.body as { content?: string } | null)?.content ?? "")
          .replace(/E-[0-9A-F]{4}/g, "E-…")
          .slice(0, 120);
        notReceipts.set(content, (notReceipts.get(content) ?? 0) + 1);
        continue;
      }
      receipts.push(edit.at - interaction.dispatchedAt);
      if (edit.at + offset > deadlineMs) editedAfterDeadline += 1;
    }
    const lastReceiptMs = receipts.length ? Math.max(...receipts) : Number.NaN;
    const threadPosts = cohort.memberIds
      .slice(0, INTERNS)
      .reduce((n, _, i) => n + (posts.get(threads[i] as string) ?? 0), 0);
    const ackSamples = acks(burst);
    const ackQ = quantiles(ackSamples);
    const floorQ = quantiles(floor.acks);
    const ratio = ackQ.p99 / floorQ.p99;
    const violations = await remote.violations();

    const rows: BenchResult[] = [
      {
        suite: SUITE,
        metric: `${INTERNS} hand-ins within ${WINDOW_MS / 1000} s: stored versions`,
        value: versions.length,
        unit: "count",
        target: `= ${INTERNS}`,
        ok: versions.length === INTERNS,
      },
      {
        suite: SUITE,
        metric: "files hash-verified (blob on disk = DB row = sent)",
        value: verified,
        unit: "count",
        target: `= ${INTERNS * FILES.length}`,
        ok: verified === INTERNS * FILES.length,
      },
      {
        suite: SUITE,
        metric: "wrongly late (received on time, marked late)",
        value: wronglyLate,
        unit: "count",
        target: "0",
        ok: wronglyLate === 0,
      },
      {
        suite: SUITE,
        metric: "wrongly on time (received late, not marked)",
        value: wronglyOnTime,
        unit: "count",
        target: "0",
        ok: wronglyOnTime === 0,
      },
    ];
    pushQuantiles(rows, "acknowledgement", ackSamples, 3_000);
    rows.push({
      suite: SUITE,
      metric: "floor (bare discord.js), same burst: acknowledgement p99",
      value: round(floorQ.p99, 0),
      unit: "ms",
    });
    rows.push({
      suite: SUITE,
      metric: "acknowledgement p99 / floor p99",
      value: round(ratio),
      unit: "×",
      target: `≤ ${TARGET_RATIO}×`,
      ok: ratio <= TARGET_RATIO && ackSamples.length === INTERNS,
    });
    pushQuantiles(rows, "receipt (reply edited with it)", receipts);
    rows.push(
      {
        suite: SUITE,
        metric: "receipts in the replies",
        value: receipts.length,
        unit: "count",
        target: `= ${INTERNS}`,
        ok: receipts.length === INTERNS,
      },
      {
        suite: SUITE,
        metric: "receipts posted in the project threads",
        value: threadPosts,
        unit: "count",
        target: `= ${INTERNS}`,
        ok: threadPosts === INTERNS,
      },
      {
        suite: SUITE,
        metric: "429 responses",
        value: tooMany,
        unit: "count",
        target: "0",
        ok: tooMany === 0,
      },
      {
        suite: SUITE,
        metric: "interactions the bot logged as failed",
        value: log.failed,
        unit: "count",
        target: "0",
        ok: log.failed === 0,
      },
      {
        suite: SUITE,
        metric: "spec violations",
        value: violations.length,
        unit: "count",
        target: "0",
        ok: violations.length === 0,
      },
    );

    note(
      SUITE,
      `taiken = node dist/src/main.js (startApp, ${database.provider === "sqlite" ? "SQLite file" : "PostgreSQL"}, Redis: ${redis.source}, LOG_LEVEL=info, ` +
        "SUBMISSIONS_DIR on the local disk) on a fake Discord in its own process with Discord's rate limits; the " +
        "floor = support/bare-bot.mjs on a fake of its own, replying at once to the same burst. Each intern sends " +
        "report.pdf and source.zip, 1 MiB each (signature + random bytes, made by the fake); acknowledgement = " +
        "callback received − INTERACTION_CREATE written; receipt = the first edit of the deferred reply − " +
        "INTERACTION_CREATE written; both timed by the fake. Both bots had a warm-up burst of " +
        `${WARM_UP} hand-ins first`,
    );
    note(
      SUITE,
      `seeding ${INTERNS + WARM_UP} interns (threads through the fake's REST, rows in bulk) took ` +
        `${round(seedSeconds, 1)} s; dispatch span: taiken ${round(burst.dispatchSpanMs, 0)} ms, floor ` +
        `${round(floor.spanMs, 0)} ms; floor unanswered: ${floor.unanswered}; the last receipt came ` +
        `${round(lastReceiptMs / 1000, 1)} s after the first hand-in was sent`,
    );
    note(
      SUITE,
      `the deadline was ${DEADLINE_MARGIN_MS} ms after the last scheduled dispatch: ${sentAfterDeadline} hand-ins ` +
        `reached the fake after it, ${editedAfterDeadline} of ${receipts.length} receipts were written after it ` +
        "(processed after the deadline, yet on time by when Discord received them)",
    );
    for (const [content, n] of notReceipts)
      note(SUITE, `${n} replies were edited with no receipt but: ${content}`);
    const unanswered = burst.interactions.filter((i) => i.callbackAt === undefined).length;
    if (unanswered > 0) note(SUITE, `${unanswered} interactions got no callback`);
    const errors = burst.interactions.flatMap((i) => i.errors);
    if (errors.length > 0) note(SUITE, `fake answered errors (first 3): ${errors.slice(0, 3).join(" | ")}`);
    if (limited.size > 0)
      note(SUITE, `429s by route: ${[...limited].map(([route, n]) => `${n}× ${route}`).join(", ")}`);
    for (const [warning, n] of [...log.warnings].slice(0, 5)) note(SUITE, `bot logged ${n}× ${warning}`);
    if (violations.length > 0) note(SUITE, `first spec violation: ${violations[0]?.route}`);
    return rows;
  } finally {
    await db?.$disconnect();
    await bot?.stop();
    await database?.drop();
    await fake?.close();
    await redis.stop();
    await scratch.remove();
  }
}

export default suite;
