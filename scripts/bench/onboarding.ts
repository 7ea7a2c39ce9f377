/**
 * A kick-off-day rush: N interns (500 by default) go through onboarding at once — Join (modal),
 * send the form, Next, "Join with these answers" (4 interactions each) — against Discord-like
 * rate limits, with taiken running exactly as `npm start` runs it.
 *
 * Layout (each part in its own process, so none counts against another):
 * - the fake Discord (support/fake-host.ts): validators precompiled, `rateLimits: true` (per-route
 *   buckets such as 10 role changes per 10 s per guild and 5 thread creations per 5 s per channel,
 *   and a global 50 requests/s with interaction callbacks and webhooks exempt), a 60 s interaction
 *   window so a late callback is measured instead of refused; it timestamps dispatch and callback
 *   with its own clock;
 * - taiken: `node dist/src/main.js` (startApp: a fresh SQLite file migrated at start, Redis, the
 *   real router, commands and job workers), `LOG_LEVEL=info` as in production, read from stdout;
 * - Redis: REDIS_URL, or one private redis-server;
 * - this process: seeds the programme in the bot's database (as `/program open` leaves it), posts
 *   the welcome message with its Join button, and acts as the N interns through the fake's control
 *   API.
 *
 * Reported: how many interns completed the flow (their confirmation answered and the database
 * saying onboarded), dispatch → callback p50 / p95 / p99 per interaction (Discord's 3 s window),
 * callbacks after 3 s, unanswered ones, interactions acknowledged twice (40060), the time until the
 * LAST intern has the intern role and their private project thread (bound by Discord's rate limits:
 * when the run's time bound comes first, how many had them by then and the rate they were coming),
 * 429s, errors the bot logged, spec violations. The whole suite is bounded (~4.5 min).
 *
 * `BENCH_ONBOARDING_INTERNS` overrides the cohort size; `BENCH_ONBOARDING_BOUND_S` the time bound;
 * `BENCH_ONBOARDING_CPU_PROF=1` profiles the bot's CPU during the rush (support/cpu-profiler.mjs,
 * toggled by SIGUSR2) and notes where the time went.
 */
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { REST } from "discord.js";
import { createDatabase } from "../../src/db/client.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../src/db/repositories/programmes.ts";
import { confirmButtonId, nextButtonId } from "../../src/discord/onboarding/ids.ts";
import { joinButtonId } from "../../src/discord/shared-ids.ts";
import { ResourceKeys } from "../../src/domain/workspace/keys.ts";
import { deployToFake } from "../harness/deploy.ts";
import type { InteractionSnapshot } from "../harness/fake-discord/control.ts";
import type {
  ApiMessage,
  RemoteFakeDiscord,
  RemoteInteractionHandle,
} from "../harness/fake-discord/index.ts";
import { Perm } from "../harness/fake-discord/index.ts";
import { summariseProfile } from "./support/cpu-profile.ts";
import { type BenchFake, startBenchFake } from "./support/fake-host.ts";
import { note, progress } from "./support/notes.ts";
import { buildBot, type NodeChild, ROOT, scratchDir, sleep, startBenchRedis } from "./support/processes.ts";
import { taikenContestant } from "./support/stage.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "onboarding";
const INTERNS = Number(process.env.BENCH_ONBOARDING_INTERNS ?? 500);
/** The whole suite stops waiting for Discord steps after this long (the rush itself is inside it). */
const BOUND_MS = Number(process.env.BENCH_ONBOARDING_BOUND_S ?? 210) * 1000;
/** How long one intern waits for one step before counting it as lost. */
const STEP_TIMEOUT_MS = 60_000;
const CPU_PROFILE = process.env.BENCH_ONBOARDING_CPU_PROF === "1";
const ANSWERS = {
  displayName: "Intern",
  skills: "TypeScript:3, SQL:2",
  interests: "education, accessibility",
  hours: "12",
  accommodationNotes: "",
};

/** One intern's four interactions, as the fake recorded them. */
export interface InternRun {
  userId: string;
  snaps: InteractionSnapshot[];
  error?: string;
}

/** What the bot logged while the rush ran (LOG_LEVEL=info, JSON lines on stdout). */
interface BotLog {
  /** Handler time per route name (ms, the router's "interaction handled" line). */
  handled: Map<string, number[]>;
  warnings: Map<string, number>;
}

export function listenToBot(bot: NodeChild): BotLog {
  const log: BotLog = { handled: new Map(), warnings: new Map() };
  let partial = "";
  bot.child.stdout?.on("data", (chunk: Buffer) => {
    const lines = (partial + chunk.toString()).split("\n");
    partial = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.startsWith("{")) continue;
      let entry: { level?: number; msg?: string; name?: string; ms?: number; err?: { message?: string } };
      try {
        entry = JSON.parse(line);
      } catch {
        // A line cut by the pipe: not a log entry worth counting.
        continue;
      }
      if (entry.msg === "interaction handled" && entry.name && typeof entry.ms === "number") {
        const list = log.handled.get(entry.name) ?? [];
        list.push(entry.ms);
        log.handled.set(entry.name, list);
      }
      if ((entry.level ?? 0) >= 40) {
        const key = `${entry.msg}${entry.err?.message ? `: ${entry.err.message.slice(0, 100)}` : ""}`;
        log.warnings.set(key, (log.warnings.get(key) ?? 0) + 1);
      }
    }
  });
  return log;
}

/** Waits until the bot's gateway session reached GUILD_CREATE (it migrated its database before). */
export async function waitForBot(fake: RemoteFakeDiscord, bot: NodeChild): Promise<void> {
  const deadline = performance.now() + 60_000;
  while ((await fake.gatewayFrames("GUILD_CREATE")).length === 0) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited before connecting:\n${bot.output()}`);
    if (performance.now() > deadline)
      throw new Error(`the bot did not connect within 60 s:\n${bot.output()}`);
    await sleep(50);
  }
}

/**
 * The programme as `/program open` leaves it (see test/e2e/onboarding/setup.ts for the in-process
 * twin): roles and channels made in the fake, recorded in the bot's database, and the welcome
 * message with the Join button posted by the bot's token.
 */
export async function seed(fake: RemoteFakeDiscord, dbUrl: string) {
  const guild = (await fake.guild()) as { roles: Array<{ id: string; managed?: boolean }> };
  const botRole = guild.roles.find((r) => r.managed);
  if (!botRole) throw new Error("the fake guild has no bot role");
  const intern = await fake.createRole({ name: "インターン" });
  const mentor = await fake.createRole({ name: "メンター" });
  const view = Perm.ViewChannel | Perm.ReadMessageHistory;
  const projects = await fake.createChannel({
    name: "projects",
    type: 0,
    permissionOverwrites: [
      { id: fake.guildId, type: 0, deny: String(Perm.ViewChannel) },
      { id: intern.id, type: 0, allow: String(view | Perm.SendMessagesInThreads) },
      { id: mentor.id, type: 0, allow: String(view | Perm.ManageThreads) },
      {
        id: botRole.id,
        type: 0,
        allow: String(view | Perm.SendMessages | Perm.SendMessagesInThreads | Perm.CreatePrivateThreads),
      },
    ],
  });
  const questions = await fake.createChannel({ name: "questions-bench", type: 15 });
  const general = await fake.createChannel({ name: "welcome", type: 0 });

  const db = await createDatabase(dbUrl);
  try {
    const programmes = createProgrammeRepository(db);
    const created = await programmes.create({
      guildId: fake.guildId,
      name: "2026 kick-off rush",
      mode: "internship",
      startsAt: new Date("2026-04-01T00:00:00+09:00"),
      endsAt: new Date("2026-06-30T18:00:00+09:00"),
      createdByUserId: fake.guildId,
    });
    const programme = await programmes.update(created.id, { status: "open" });
    await programmes.saveDiscordResource(programme.id, {
      key: ResourceKeys.roles.intern,
      discordId: intern.id,
      kind: "role",
    });
    await programmes.saveDiscordResource(programme.id, {
      key: ResourceKeys.roles.mentor,
      discordId: mentor.id,
      kind: "role",
    });
    await programmes.saveDiscordResource(programme.id, {
      key: ResourceKeys.channels.projects,
      discordId: projects.id,
      kind: "text_channel",
    });
    await programmes.saveDiscordResource(programme.id, {
      key: ResourceKeys.channels.questions,
      discordId: questions.id,
      kind: "forum_channel",
    });
    const rest = new REST({ api: fake.apiUrl }).setToken(fake.token);
    try {
      const welcome = (await rest.post(`/channels/${general.id}/messages`, {
        body: {
          content: "ようこそ / Welcome",
          components: [
            {
              type: 1,
              components: [
                {
                  type: 2,
                  style: 3,
                  label: "参加する / Join",
                  custom_id: joinButtonId.encode({ programmeId: programme.id }),
                },
              ],
            },
          ],
        },
      })) as ApiMessage;
      return { programmeId: programme.id, internRoleId: intern.id, projectsId: projects.id, welcome };
    } finally {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
  } finally {
    await db.$disconnect();
  }
}

export type Seeded = Awaited<ReturnType<typeof seed>>;

/** One intern through the four steps; every snapshot is kept, whatever happens. */
export async function runIntern(
  fake: RemoteFakeDiscord,
  ws: Seeded,
  userId: string,
  i: number,
): Promise<InternRun> {
  const run: InternRun = { userId, snaps: [] };
  const locale = i % 2 ? "ja" : "en-US";
  const programmeId = ws.programmeId;
  const step = async (handle: RemoteInteractionHandle, wait: "response" | "final") => {
    if (wait === "response") await handle.response(STEP_TIMEOUT_MS);
    else await handle.finalReply(STEP_TIMEOUT_MS);
    const snap = await handle.record();
    run.snaps.push(snap);
    return snap;
  };
  try {
    const join = await fake.clickButton({
      message: ws.welcome,
      customId: joinButtonId.encode({ programmeId }),
      user: userId,
      locale,
    });
    await step(join, "response");
    const form = await step(
      await fake.submitModal({
        modal: join,
        fields: { ...ANSWERS, displayName: `Intern ${i}` },
        locale,
      }),
      "final",
    );
    const choices = form.original as ApiMessage;
    await step(
      await fake.clickButton({
        message: choices,
        customId: nextButtonId.encode({ programmeId }),
        user: userId,
        locale,
      }),
      "final",
    );
    await step(
      await fake.clickButton({
        message: choices,
        customId: confirmButtonId.encode({ programmeId }),
        user: userId,
        locale,
      }),
      "response",
    );
  } catch (error) {
    run.error = error instanceof Error ? error.message.slice(0, 160) : String(error);
  }
  return run;
}

/** The Discord side of one intern as seen in the fake's request log (fake clock). */
export interface DiscordSide {
  roleAt?: number;
  threadMemberAt?: number;
}

/** Reads new requests from the fake and notes, per user, when role and thread membership landed. */
export async function followRequests(
  fake: RemoteFakeDiscord,
  state: { since: number; sides: Map<string, DiscordSide>; statuses: Map<string, number> },
  internRoleId: string,
): Promise<void> {
  const requests = await fake.requests(state.since);
  for (const r of requests) {
    state.since = Math.max(state.since, r.id);
    const key = `${r.route} → ${r.status}`;
    if (r.status >= 400) state.statuses.set(key, (state.statuses.get(key) ?? 0) + 1);
    if (r.status >= 300) continue;
    const user = r.params.user_id;
    if (!user) continue;
    const side = state.sides.get(user) ?? {};
    if (
      r.route === "PUT /guilds/{guild_id}/members/{user_id}/roles/{role_id}" &&
      r.params.role_id === internRoleId
    )
      side.roleAt ??= r.answeredAt;
    if (r.route === "PUT /channels/{channel_id}/thread-members/{user_id}")
      side.threadMemberAt ??= r.answeredAt;
    state.sides.set(user, side);
  }
}

function pushQuantiles(out: BenchResult[], label: string, samples: number[], withTarget: boolean): void {
  const q = quantiles(samples);
  out.push({ suite: SUITE, metric: `${label} p50`, value: round(q.p50, 1), unit: "ms" });
  out.push({ suite: SUITE, metric: `${label} p95`, value: round(q.p95, 1), unit: "ms" });
  out.push({
    suite: SUITE,
    metric: `${label} p99`,
    value: round(q.p99, 1),
    unit: "ms",
    ...(withTarget ? { target: "< 3000 ms", ok: q.p99 < 3_000 } : {}),
  });
}

export const STEP_NAMES = ["join (modal)", "form sent", "next", "confirm"] as const;

const suite: BenchSuite = async () => {
  for (const warning of await buildBot()) note(SUITE, warning);
  const redis = await startBenchRedis();
  const scratch = await scratchDir("onboarding");
  let fake: BenchFake | undefined;
  let bot: NodeChild | undefined;
  const suiteStarted = performance.now();
  try {
    fake = await startBenchFake({
      precompileValidators: true,
      rateLimits: true,
      interactionTimeoutMs: 60_000,
    });
    const remote = fake.remote;
    await deployToFake(remote);
    const users = await fake.addMembers(INTERNS + 1);
    const profileDir = path.join(scratch.dir, "cpu-profile");
    const running = await taikenContestant({
      redisUrl: redis.url,
      dataDir: scratch.dir,
      logLevel: "info",
      ...(CPU_PROFILE
        ? {
            nodeArgs: ["--import", path.join(ROOT, "scripts/bench/support/cpu-profiler.mjs")],
            env: { BENCH_PROFILE_DIR: profileDir, BENCH_PROFILE_INTERVAL_US: "1000" },
          }
        : {}),
    }).start(fake);
    bot = running;
    await waitForBot(remote, running);
    const ws = await seed(remote, `file:${scratch.dir}/taiken.db`);

    // One intern first, not counted: the bot has warmed up and the fake's routes are compiled.
    progress(SUITE, "warm-up: one intern through the whole flow");
    const warm = await runIntern(remote, ws, users[INTERNS] as string, 0);
    if (warm.error)
      throw new Error(`the warm-up intern failed: ${warm.error}\n${running.output().slice(-2_000)}`);
    await sleep(2_000);
    await remote.clearLog();
    const log = listenToBot(running);

    progress(SUITE, `${INTERNS} interns at once`);
    const follow = { since: 0, sides: new Map<string, DiscordSide>(), statuses: new Map<string, number>() };
    const rushStarted = performance.now();
    if (CPU_PROFILE) {
      await mkdir(profileDir, { recursive: true });
      running.child.kill("SIGUSR2");
    }
    const runs = await Promise.all(users.slice(0, INTERNS).map((id, i) => runIntern(remote, ws, id, i)));
    if (CPU_PROFILE) running.child.kill("SIGUSR2");
    const rushSeconds = (performance.now() - rushStarted) / 1000;
    const firstDispatch = Math.min(...runs.flatMap((r) => r.snaps.map((s) => s.dispatchedAt ?? Infinity)));

    // Discord steps after the answers: wait (bounded) until every intern has role and thread.
    progress(SUITE, "waiting for every intern's role and project thread");
    const done = () =>
      users.slice(0, INTERNS).filter((id) => {
        const side = follow.sides.get(id);
        return side?.roleAt !== undefined && side.threadMemberAt !== undefined;
      }).length;
    const readyAt: number[] = [];
    let lastCount = -1;
    while (performance.now() - suiteStarted < BOUND_MS) {
      await followRequests(remote, follow, ws.internRoleId);
      const count = done();
      if (count !== lastCount) {
        readyAt.push(performance.now());
        lastCount = count;
      }
      if (count === INTERNS) break;
      await sleep(1_000);
    }
    await followRequests(remote, follow, ws.internRoleId);

    const db = await createDatabase(`file:${scratch.dir}/taiken.db`);
    let onboardedWithThread = 0;
    let onboarded = 0;
    try {
      const members = await createMemberRepository(db).list(ws.programmeId, { stage: "onboarded" });
      const ours = new Set(users.slice(0, INTERNS));
      const counted = members.filter((m) => ours.has(m.discordUserId));
      onboarded = counted.length;
      onboardedWithThread = counted.filter((m) => m.projectChannelId !== null).length;
    } finally {
      await db.$disconnect();
    }

    const snaps = runs.flatMap((r) => r.snaps);
    const latencies = snaps.flatMap((s) => (s.latencyMs === undefined ? [] : [s.latencyMs]));
    const late = latencies.filter((ms) => ms > 3_000).length;
    const expected = INTERNS * STEP_NAMES.length;
    const errors = snaps.flatMap((s) => s.errors);
    const twice = errors.filter((e) => e.code === 40060).length;
    const expired = errors.filter((e) => e.code === 10062).length;
    const failedRuns = runs.filter((r) => r.error);
    const completed = runs.filter((r) => !r.error && r.snaps.length === STEP_NAMES.length).length;
    const ready = done();
    const sides = users.slice(0, INTERNS).map((id) => follow.sides.get(id));
    const lastReady = Math.max(
      ...sides.flatMap((s) =>
        s?.roleAt !== undefined && s.threadMemberAt !== undefined
          ? [Math.max(s.roleAt, s.threadMemberAt)]
          : [],
      ),
    );
    const readySeconds = (lastReady - firstDispatch) / 1000;
    const tooMany = [...follow.statuses]
      .filter(([key]) => key.endsWith("429"))
      .reduce((n, [, c]) => n + c, 0);
    const violations = await remote.violations();

    const rows: BenchResult[] = [
      {
        suite: SUITE,
        metric: `${INTERNS} at once: completed (confirmation answered, onboarded)`,
        value: Math.min(completed, onboarded),
        unit: "interns",
        target: `= ${INTERNS}`,
        ok: completed === INTERNS && onboarded === INTERNS,
      },
      {
        suite: SUITE,
        metric: "interactions answered",
        value: latencies.length,
        unit: "count",
        target: `= ${expected}`,
        ok: latencies.length === expected,
      },
    ];
    pushQuantiles(rows, "dispatch → callback", latencies, true);
    rows.push(
      {
        suite: SUITE,
        metric: "callbacks after 3 s",
        value: late,
        unit: "count",
        target: "0",
        ok: late === 0,
      },
      {
        suite: SUITE,
        metric: "acknowledged twice (40060)",
        value: twice,
        unit: "count",
        target: "0",
        ok: twice === 0,
      },
      { suite: SUITE, metric: "rush wall time (all answers in)", value: round(rushSeconds, 1), unit: "s" },
      {
        suite: SUITE,
        metric: `with intern role + project thread within ${round(BOUND_MS / 1000, 0)} s of the suite's start`,
        value: ready,
        unit: "interns",
        target: `= ${INTERNS}`,
        ok: ready === INTERNS,
      },
      {
        suite: SUITE,
        metric:
          ready === INTERNS
            ? "time until the LAST intern has role + thread"
            : "time until the last intern seen with role + thread (bound reached first)",
        value: round(readySeconds, 1),
        unit: "s",
      },
      { suite: SUITE, metric: "429s answered to the bot", value: tooMany, unit: "count" },
      {
        suite: SUITE,
        metric: "spec violations",
        value: violations.length,
        unit: "count",
        target: "0",
        ok: violations.length === 0,
      },
    );

    for (const [index, name] of STEP_NAMES.entries()) {
      const step = runs.flatMap((r) => {
        const ms = r.snaps[index]?.latencyMs;
        return ms === undefined ? [] : [ms];
      });
      const q = quantiles(step);
      note(
        SUITE,
        `${name}: ${step.length} answered, p50 ${round(q.p50)} ms, p99 ${round(q.p99)} ms, max ${round(q.max)} ms`,
      );
    }
    for (const [name, list] of log.handled) {
      const q = quantiles(list);
      note(
        SUITE,
        `bot handler time "${name}" (router log): ${list.length}×, p50 ${q.p50} ms, p99 ${q.p99} ms, max ${q.max} ms`,
      );
    }
    note(SUITE, `database: ${onboarded} onboarded, ${onboardedWithThread} with a recorded project thread`);
    if (ready < INTERNS && readyAt.length > 1) {
      const rate = ready / ((lastReady - firstDispatch) / 1000);
      note(
        SUITE,
        `${INTERNS - ready} interns still waiting for role/thread at the bound; at the rate seen (${round(rate, 2)}/s) the last would have them after ~${round(INTERNS / rate, 0)} s`,
      );
    }
    if (failedRuns.length) {
      const reasons = new Map<string, number>();
      for (const r of failedRuns) reasons.set(r.error ?? "", (reasons.get(r.error ?? "") ?? 0) + 1);
      for (const [reason, count] of reasons) note(SUITE, `${count} interns stopped: ${reason}`);
    }
    if (expired) note(SUITE, `${expired} callbacks refused as too late (10062)`);
    for (const [key, count] of follow.statuses) note(SUITE, `fake answered ${count}× ${key}`);
    for (const [key, count] of log.warnings) note(SUITE, `bot logged ${count}× (warn/error) ${key}`);
    note(
      SUITE,
      "latency = callback received − INTERACTION_CREATE written, both timed by the fake in its own process; " +
        "the fake has Discord's rate limits on (rateLimits: true) and a 60 s window so late callbacks are measured; " +
        "taiken = node dist/src/main.js with SQLite, Redis, LOG_LEVEL=info; one warm-up intern first",
    );
    if (CPU_PROFILE) {
      await sleep(2_000);
      const [file] = (await readdir(profileDir).catch(() => [])).filter((f) => f.endsWith(".cpuprofile"));
      if (file) {
        const summary = await summariseProfile(path.join(profileDir, file), 12);
        note(SUITE, `bot CPU: ${round(summary.busyMs)} ms busy of ${round(summary.wallMs)} ms`);
        for (const g of summary.groups.slice(0, 10))
          note(SUITE, `bot CPU by package: ${g.name} ${round(g.ms)} ms (${round(g.percent, 1)} %)`);
        for (const f of summary.functions)
          note(SUITE, `bot CPU top function: ${f.name} ${round(f.ms)} ms (${round(f.percent, 1)} %)`);
      } else note(SUITE, "no CPU profile was written");
    }
    return rows;
  } finally {
    await bot?.stop();
    await fake?.close();
    await redis.stop();
    await scratch.remove();
  }
};

export default suite;
