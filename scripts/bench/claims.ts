/**
 * 500 interns claiming at the same instant through the Discord layer, with taiken running exactly
 * as `npm start` runs it.
 *
 * Layout (each part in its own process, so none counts against another):
 * - the fake Discord (support/fake-host.ts): validators precompiled, Discord's rate limits on
 *   (a global 50 requests/s with interaction callbacks and webhooks exempt, per-route buckets), a
 *   60 s interaction window so a late callback is measured instead of refused; it timestamps
 *   dispatch, callback and every request with its own clock;
 * - taiken: `node dist/src/main.js` (startApp: a fresh SQLite file migrated at start, Redis, the
 *   real client, router and commands), `LOG_LEVEL=info` as in production, read from stdout;
 * - the floor: a bare discord.js client (support/bare-bot.mjs) replying at once, on a fake of its
 *   own, hit by the same burst of button clicks in the same run;
 * - this process: seeds the bot's database before the bot starts (a programme with self-service
 *   on, a library of ~400 retired assignments imported as `npm run assignments:import` would),
 *   gives each intern a private project thread and a VARIED profile (skills and levels, interests,
 *   weekly hours, some wishes, ja or en), and acts as the interns through the fake's control API.
 *   Seeding first matters: the bot keeps each caller's programme and roles in memory for up to
 *   30 s and only hears of writes made through its own client, so a programme or membership
 *   written from here after the bot had looked the guild up would stay unseen for that long.
 *
 * Not measured: each intern runs `/project claim` and keeps the options message.
 * Measured: round 1 — all interns click their first option at once. The losers are then offered
 * other options; every round after that, those still holding options click their first one at
 * once, until everybody has a project or has been told none is left (fewer assignments than
 * interns, so some must be).
 *
 * Reported: duplicates (an assignment live twice: 0), lost claims (an interaction with no
 * callback, no final message, an error reply, or a "your project" reply without its allocation or
 * the reverse: 0), acknowledgement latency (INTERACTION_CREATE written → callback received, both
 * timed by the fake: Discord's 3 s window) p50/p95/p99/max, time to the final answer (the callback
 * itself when it carries the answer, else the first edit of the deferred message), the floor's
 * acknowledgement for the same burst, 429s, errors the bot logged, spec violations.
 *
 * `BENCH_CLAIMS_INTERNS` overrides the cohort size (default 500); `BENCH_CLAIMS_CPU_PROF=1` runs
 * the bot under the sampling profiler during round 1 and notes where its CPU time went.
 */
import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { REST, Routes } from "discord.js";
import type { SupportedLocale } from "../../src/config/env.ts";
import { createDatabase, type Database } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { createAllocationRepository } from "../../src/db/repositories/allocations.ts";
import { createLibraryRepository } from "../../src/db/repositories/library.ts";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { createProgrammeRepository } from "../../src/db/repositories/programmes.ts";
import { pickButtonId } from "../../src/discord/assignments/flows.ts";
import { parseLibrary } from "../../src/domain/library/parse.ts";
import { translator } from "../../src/i18n/translate.ts";
import { deployToFake } from "../harness/deploy.ts";
import type { InteractionSnapshot } from "../harness/fake-discord/control.ts";
import type {
  ApiMessage,
  RemoteFakeDiscord,
  RemoteInteractionHandle,
} from "../harness/fake-discord/index.ts";
import { Perm } from "../harness/fake-discord/index.ts";
import { syntheticLibrary } from "./library.ts";
import { summariseProfile } from "./support/cpu-profile.ts";
import { type BenchFake, startBenchFake } from "./support/fake-host.ts";
import { note, progress } from "./support/notes.ts";
import { buildBot, type NodeChild, ROOT, scratchDir, sleep, startBenchRedis } from "./support/processes.ts";
import { floorContestant, taikenContestant } from "./support/stage.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "claims";
const INTERNS = Number(process.env.BENCH_CLAIMS_INTERNS ?? 500);
/** Library entries; every tenth is still in recruitment, so about 400 may be handed out. */
const LIBRARY_SIZE = 444;
/**
 * Rounds after the first are losers clicking their next option; bounded in case none converges.
 * About 12 are needed (losers often pick among the same few options); which clicks win depends on
 * the order they reach the database, so the bound leaves room for a few more.
 */
const MAX_ROUNDS = 20;
const STEP_TIMEOUT_MS = 60_000;
/** Discord's window for the first response. */
const ACK_BUDGET_MS = 3_000;
const CPU_PROFILE = process.env.BENCH_CLAIMS_CPU_PROF === "1";

/** Skills as the synthetic library spells them, with how common each is among interns. */
const SKILL_WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ["typescript", 25],
  ["react", 15],
  ["python", 15],
  ["sql", 10],
  ["testing", 8],
  ["accessibility", 7],
  ["figma", 6],
  ["aws", 6],
  ["go", 5],
  ["rust", 3],
];
/** How interns rate themselves, levels 1–5. */
const LEVEL_WEIGHTS = [20, 30, 28, 15, 7] as const;
const HOURS = [3, 5, 8, 10, 12, 15, 20, 25, 30, 40] as const;
/** How people spell a skill in the form: the allocator normalises these. */
const SPELLINGS: Record<string, string> = {
  typescript: "TypeScript",
  react: "React",
  sql: "SQL",
  aws: "AWS",
};

/** A small seeded PRNG (mulberry32), so every run seeds the same cohort. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r < 0) return item;
  }
  return (items.at(-1) as readonly [T, number])[0];
}

/** One intern of a realistic cohort: nobody is quite like anybody else. */
interface Profile {
  skills: Array<{ name: string; level: number }>;
  interests: string[];
  hours: number | null;
  /** Indexes into the hot list of assignments (the ones everybody has heard of). */
  wishes: number[];
  locale: SupportedLocale;
}

function cohort(count: number): Profile[] {
  const random = prng(20_260_401);
  const levels = LEVEL_WEIGHTS.map((w, i) => [i + 1, w] as const);
  return Array.from({ length: count }, () => {
    const skills = new Map<string, number>();
    const skillCount = 1 + Math.floor(random() * 4);
    while (skills.size < skillCount) {
      const name = weighted(random, SKILL_WEIGHTS);
      if (!skills.has(name)) skills.set(name, weighted(random, levels));
    }
    const interests = new Set<string>();
    const interestCount = random() < 0.15 ? 0 : 1 + Math.floor(random() * 3);
    // Some themes are far more popular than others (a skewed pick over 25).
    while (interests.size < interestCount) interests.add(`theme-${Math.floor(25 * random() ** 2)}`);
    const wishes: number[] = [];
    if (random() < 0.25) {
      const wishCount = 1 + Math.floor(random() * 3);
      while (wishes.length < wishCount) {
        const hot = Math.floor(20 * random() ** 2);
        if (!wishes.includes(hot)) wishes.push(hot);
      }
    }
    return {
      skills: [...skills].map(([name, level]) => ({ name: SPELLINGS[name] ?? name, level })),
      interests: [...interests],
      hours: random() < 0.15 ? null : (HOURS[Math.floor(random() * HOURS.length)] as number),
      wishes,
      locale: random() < 0.6 ? "ja" : "en",
    };
  });
}

const discordLocale = (locale: SupportedLocale) => (locale === "ja" ? "ja" : "en-US");

/** Matches a message against a translation in either language, whatever its variables. */
function answerMatcher(): (content: string) => "won" | "next" | "none" | "already" | "other" {
  const MARK = "\u0000";
  const pattern = (text: string) =>
    new RegExp(
      `^${text
        .split(MARK)
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join("[\\s\\S]*")}$`,
    );
  const kinds = (["ja", "en"] as const).map((locale) => {
    const t = translator(locale);
    return [
      ["won", pattern(t("project.claim.done", { title: MARK }))],
      ["next", pattern(t("project.claim.taken", { title: MARK }))],
      ["none", pattern(t("project.claim.takenNoMore", { title: MARK }))],
      ["already", pattern(t("project.claim.already", { title: MARK }))],
    ] as const;
  });
  return (content) => {
    for (const list of kinds) for (const [kind, re] of list) if (re.test(content)) return kind;
    return "other";
  };
}

/** The option buttons of a claim message, best first. */
function picks(message: ApiMessage): string[] {
  const rows = (message.components ?? []) as Array<{ components?: Array<{ custom_id?: string }> }>;
  const ids = rows.flatMap((row) =>
    (row.components ?? []).flatMap((c) => (c.custom_id ? [c.custom_id] : [])),
  );
  return ids.filter((id) => pickButtonId.decode(id).ok);
}

function firstPick(message: ApiMessage): string | undefined {
  return picks(message)[0];
}

/** What the bot logged while the claims ran (LOG_LEVEL=info, JSON lines on stdout). */
interface BotLog {
  failed: number;
  warnings: Map<string, number>;
}

function listenToBot(bot: NodeChild): BotLog {
  const log: BotLog = { failed: 0, warnings: new Map() };
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

async function waitForGuild(fake: RemoteFakeDiscord, bot: NodeChild): Promise<void> {
  const deadline = performance.now() + 60_000;
  while ((await fake.gatewayFrames("GUILD_CREATE")).length === 0) {
    if (bot.child.exitCode !== null) throw new Error(`the bot exited before connecting:\n${bot.output()}`);
    if (performance.now() > deadline)
      throw new Error(`the bot did not connect within 60 s:\n${bot.output()}`);
    await sleep(50);
  }
}

/** Runs `task` over `items` with at most `limit` at a time. */
async function pooled<T, R>(items: readonly T[], limit: number, task: (item: T, i: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next;
        next += 1;
        out[i] = await task(items[i] as T, i);
      }
    }),
  );
  return out;
}

/**
 * The programme as interns find it on claim day: open, self-service on, the library imported,
 * everyone onboarded with a profile and their own private project thread (made by the bot's
 * token, as onboarding does). Rate limits are off while seeding: setting up is not measured.
 */
async function seed(remote: RemoteFakeDiscord, db: Database, users: readonly string[], profiles: Profile[]) {
  const guild = (await remote.guild()) as { roles: Array<{ id: string; managed?: boolean }> };
  const botRole = guild.roles.find((r) => r.managed);
  if (!botRole) throw new Error("the fake guild has no bot role");
  const view = Perm.ViewChannel | Perm.ReadMessageHistory;
  const projects = await remote.createChannel({
    name: "projects",
    type: 0,
    permissionOverwrites: [
      { id: remote.guildId, type: 0, deny: String(Perm.ViewChannel) },
      {
        id: botRole.id,
        type: 0,
        allow: String(
          view |
            Perm.SendMessages |
            Perm.SendMessagesInThreads |
            Perm.CreatePrivateThreads |
            Perm.ManageThreads,
        ),
      },
    ],
  });

  const programmes = createProgrammeRepository(db);
  const created = await programmes.create({
    guildId: remote.guildId,
    name: "claim day",
    mode: "internship",
    startsAt: new Date(Date.now() - 86_400_000),
    endsAt: new Date(Date.now() + 42 * 86_400_000),
    createdByUserId: remote.guildId,
  });
  await programmes.update(created.id, { status: "open" });
  await db.programme.update({ where: { id: created.id }, data: { selfServiceClaimEnabled: true } });

  const parsed = parseLibrary([{ path: "library.yaml", content: syntheticLibrary(LIBRARY_SIZE) }]);
  if (parsed.issues.length > 0) throw new Error(`synthetic library: ${JSON.stringify(parsed.issues[0])}`);
  await createLibraryRepository(db).importEntries(remote.guildId, parsed.entries, {
    actorUserId: "bench",
    source: "bench",
  });
  const retired = await db.assignmentVersion.findMany({
    where: { status: "retired" },
    select: { assignmentId: true },
    orderBy: { assignmentId: "asc" },
  });
  // The "hot" assignments everybody has heard of: a fixed, spread-out handful.
  const hot = Array.from(
    { length: 20 },
    (_, k) => retired[(k * 37) % retired.length]?.assignmentId as string,
  );

  const rest = new REST({ api: remote.apiUrl, globalRequestsPerSecond: 10_000 }).setToken(remote.token);
  const members = createMemberRepository(db);
  const allocations = createAllocationRepository(db);
  try {
    await pooled(users, 8, async (user, i) => {
      const profile = profiles[i] as Profile;
      const thread = (await rest.post(Routes.threads(projects.id), {
        body: { name: `project-${i}`, type: 12, invitable: false },
      })) as { id: string };
      const member = await members.join({ programmeId: created.id, discordUserId: user, roles: ["intern"] });
      await db.member.update({
        where: { id: member.id },
        data: { stage: "onboarded", projectChannelId: thread.id },
      });
      await members.saveProfile(member.id, {
        displayName: `intern ${i}`,
        skills: profile.skills,
        interests: profile.interests,
        weeklyHoursAvailable: profile.hours,
        preferredLocale: profile.locale,
        accommodations: {
          notes: null,
          textOnlyPresentation: false,
          extendedDeadlines: false,
          fewerNotifications: false,
        },
      });
      if (profile.wishes.length > 0)
        await allocations.setPreferences(
          member.id,
          profile.wishes.map((w) => hot[w] as string),
        );
    });
  } finally {
    rest.clearHashSweeper();
    rest.clearHandlerSweeper();
  }
  return { programmeId: created.id, retired: retired.length };
}

/** One intern's click in one round, as the fake saw it. */
interface Click {
  user: string;
  snap?: InteractionSnapshot;
  final?: ApiMessage;
  error?: string;
}

/** Every intern in `pending` clicks at once; resolves when each has a final answer (or timed out). */
async function burst(
  remote: RemoteFakeDiscord,
  pending: ReadonlyArray<{ user: string; message: ApiMessage; locale: SupportedLocale; customId: string }>,
): Promise<Click[]> {
  const handles = await Promise.all(
    pending.map((p) =>
      remote
        .clickButton({
          message: p.message,
          customId: p.customId,
          user: p.user,
          locale: discordLocale(p.locale),
        })
        .then(
          (handle) => ({ user: p.user, handle }),
          (error: unknown) => ({ user: p.user, error: String(error) }),
        ),
    ),
  );
  return Promise.all(
    handles.map(async (h): Promise<Click> => {
      if (!("handle" in h)) return { user: h.user, error: h.error };
      const handle = h.handle as RemoteInteractionHandle;
      let final: ApiMessage | undefined;
      let error: string | undefined;
      try {
        final = await handle.finalReply(STEP_TIMEOUT_MS);
      } catch (e) {
        error = e instanceof Error ? e.message.slice(0, 160) : String(e);
      }
      const snap = await handle.record();
      return { user: h.user, snap, ...(final ? { final } : {}), ...(error ? { error } : {}) };
    }),
  );
}

/** Routes answered with 429, for the notes. */
const limited = new Map<string, number>();

/** When each interaction's deferred message was first edited (fake clock), by token. */
async function firstEdits(remote: RemoteFakeDiscord, since: number) {
  const edits = new Map<string, number>();
  let last = since;
  let tooMany = 0;
  const briefs: number[] = [];
  for (const r of await remote.requests(since)) {
    last = Math.max(last, r.id);
    if (r.status === 429) {
      tooMany += 1;
      limited.set(r.route, (limited.get(r.route) ?? 0) + 1);
    }
    if (r.status >= 300) continue;
    if (r.method === "PATCH" && r.path.startsWith("/webhooks/") && r.path.endsWith("/messages/@original")) {
      const token = r.path.split("/")[3] as string;
      if (!edits.has(token)) edits.set(token, r.answeredAt);
    }
    if (r.route === "POST /channels/{channel_id}/messages") briefs.push(r.answeredAt);
  }
  return { edits, last, tooMany, briefs };
}

/** The floor: the same burst of button clicks answered by a bare discord.js client. */
async function floorBurst(users: number): Promise<number[]> {
  const fake = await startBenchFake({
    precompileValidators: true,
    rateLimits: true,
    interactionTimeoutMs: STEP_TIMEOUT_MS,
  });
  let bot: NodeChild | undefined;
  try {
    const ids = await fake.addMembers(users);
    bot = await floorContestant().start(fake);
    await bot.waitForMessage("ready", 60_000);
    const channel = await fake.remote.createChannel({ name: "floor", type: 0 });
    const rest = new REST({ api: fake.remote.apiUrl }).setToken(fake.remote.token);
    let message: ApiMessage;
    try {
      message = (await rest.post(Routes.channelMessages(channel.id), {
        body: {
          content: "claim",
          components: [{ type: 1, components: [{ type: 2, style: 1, label: "1", custom_id: "floor-pick" }] }],
        },
      })) as ApiMessage;
    } finally {
      rest.clearHashSweeper();
      rest.clearHandlerSweeper();
    }
    // Warm-up, not counted.
    await (
      await fake.remote.clickButton({ message, customId: "floor-pick", user: ids[0] as string })
    ).response(10_000);
    const handles = await Promise.all(
      ids.map((user) => fake.remote.clickButton({ message, customId: "floor-pick", user })),
    );
    const snaps = await Promise.all(
      handles.map(async (h) => {
        await h.response(STEP_TIMEOUT_MS).catch(() => undefined);
        return h.record();
      }),
    );
    return snaps.flatMap((s) => (s.latencyMs === undefined ? [] : [s.latencyMs]));
  } finally {
    await bot?.stop();
    await fake.close();
  }
}

/** Notes where the bot's CPU time went during round 1 (BENCH_CLAIMS_CPU_PROF=1). */
async function noteProfile(dir: string): Promise<void> {
  await sleep(2_000);
  const [file] = (await readdir(dir).catch(() => [])).filter((f) => f.endsWith(".cpuprofile"));
  if (!file) {
    note(SUITE, "no CPU profile was written");
    return;
  }
  const summary = await summariseProfile(path.join(dir, file), 15);
  note(SUITE, `round 1, bot CPU: ${round(summary.busyMs)} ms busy of ${round(summary.wallMs)} ms`);
  for (const g of summary.groups.slice(0, 10))
    note(SUITE, `round 1, bot CPU by package: ${g.name} ${round(g.ms)} ms (${round(g.percent, 1)} %)`);
  for (const f of summary.functions)
    note(SUITE, `round 1, bot CPU top function: ${f.name} ${round(f.ms)} ms (${round(f.percent, 1)} %)`);
}

function pushQuantiles(out: BenchResult[], label: string, samples: readonly number[], target?: number): void {
  const q = quantiles(samples);
  out.push({ suite: SUITE, metric: `${label} p50`, value: round(q.p50, 0), unit: "ms" });
  out.push({ suite: SUITE, metric: `${label} p95`, value: round(q.p95, 0), unit: "ms" });
  out.push({
    suite: SUITE,
    metric: `${label} p99`,
    value: round(q.p99, 0),
    unit: "ms",
    ...(target === undefined ? {} : { target: `< ${target} ms`, ok: q.p99 < target }),
  });
  out.push({
    suite: SUITE,
    metric: `${label} max`,
    value: round(q.max, 0),
    unit: "ms",
    ...(target === undefined ? {} : { target: `< ${target} ms`, ok: q.max < target }),
  });
}

const suite: BenchSuite = async () => {
  // The fakes' children and IPC channels are unref'd: while this process only waits on them,
  // nothing else would keep it alive and Node would quit mid-suite.
  const keepAlive = setInterval(() => undefined, 1_000);
  try {
    return await claimDay();
  } finally {
    clearInterval(keepAlive);
  }
};

async function claimDay(): Promise<BenchResult[]> {
  for (const warning of await buildBot()) note(SUITE, warning);
  progress(SUITE, `floor: a bare discord.js client, ${INTERNS} button clicks at once`);
  const floor = await floorBurst(INTERNS);

  const redis = await startBenchRedis();
  const scratch = await scratchDir("claims");
  let fake: BenchFake | undefined;
  let bot: NodeChild | undefined;
  let db: Database | undefined;
  try {
    fake = await startBenchFake({
      precompileValidators: true,
      rateLimits: true,
      interactionTimeoutMs: STEP_TIMEOUT_MS,
    });
    const remote = fake.remote;
    await deployToFake(remote);
    const users = await fake.addMembers(INTERNS);

    progress(SUITE, `seeding: library, ${INTERNS} interns with varied profiles and their project threads`);
    const profiles = cohort(INTERNS);
    const databaseUrl = `file:${scratch.dir}/taiken.db`;
    await migrateDatabase(databaseUrl);
    db = await createDatabase(databaseUrl);
    await remote.setRateLimits(false);
    const seeded = await seed(remote, db, users, profiles);
    await remote.setRateLimits(true);

    const profileDir = path.join(scratch.dir, "profiles");
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
    await waitForGuild(remote, running);

    progress(SUITE, "each intern opens /project claim");
    const opened = await pooled(users, 4, async (user, i) => {
      const handle = await remote.sendSlashCommand({
        name: "project",
        subcommand: "claim",
        user,
        locale: discordLocale((profiles[i] as Profile).locale),
      });
      return handle.finalReply(STEP_TIMEOUT_MS);
    });
    const firstChoices = new Set(opened.map((m) => firstPick(m)));
    await sleep(1_000);
    const { last: beforeRush } = await firstEdits(remote, 0);
    const log = listenToBot(running);
    const classify = answerMatcher();

    // Round 1: everybody clicks their best option (the most contested case). Afterwards, a loser
    // picks one of the options offered to them, as people do (seeded, so runs compare).
    const choose = prng(7);
    let pending = users.flatMap((user, i) => {
      const message = opened[i] as ApiMessage;
      const customId = firstPick(message);
      return customId === undefined
        ? []
        : [{ user, message, locale: (profiles[i] as Profile).locale, customId }];
    });
    const rounds: Array<{ clicks: Click[]; acks: number[]; finals: number[]; kinds: Map<string, number> }> =
      [];
    const wonBy = new Set<string>();
    const toldNone = new Set<string>();
    const unclear: string[] = [];
    const ackAll: number[] = [];
    const finalAll: number[] = [];
    const callbackTypes = new Map<number, number>();
    let since = beforeRush;
    let tooMany = 0;
    const briefs: number[] = [];
    const rushStarted = performance.now();
    let rushFirstDispatch = Number.POSITIVE_INFINITY;
    let rushLastFinal = 0;
    for (let r = 1; r <= MAX_ROUNDS && pending.length > 0; r += 1) {
      progress(SUITE, `round ${r}: ${pending.length} interns click at once`);
      const profiling = CPU_PROFILE && r === 1;
      if (profiling) {
        await mkdir(profileDir, { recursive: true });
        running.child.kill("SIGUSR2");
      }
      const clicks = await burst(remote, pending);
      if (profiling) running.child.kill("SIGUSR2");
      const requests = await firstEdits(remote, since);
      since = requests.last;
      tooMany += requests.tooMany;
      briefs.push(...requests.briefs);
      const acks: number[] = [];
      const finals: number[] = [];
      const kinds = new Map<string, number>();
      const next: typeof pending = [];
      for (const click of clicks) {
        const snap = click.snap;
        if (snap?.dispatchedAt !== undefined)
          rushFirstDispatch = Math.min(rushFirstDispatch, snap.dispatchedAt);
        if (snap?.latencyMs !== undefined) acks.push(snap.latencyMs);
        const type = snap?.callback?.type;
        if (type !== undefined) callbackTypes.set(type, (callbackTypes.get(type) ?? 0) + 1);
        const answeredAt = type === 7 ? snap?.callbackAt : requests.edits.get(snap?.token ?? "");
        if (answeredAt !== undefined && snap?.dispatchedAt !== undefined) {
          finals.push(answeredAt - snap.dispatchedAt);
          rushLastFinal = Math.max(rushLastFinal, answeredAt);
        }
        const kind = click.final ? classify(click.final.content ?? "") : "other";
        kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
        const locale = (profiles[users.indexOf(click.user)] as Profile).locale;
        if (kind === "won") wonBy.add(click.user);
        else if (kind === "none") toldNone.add(click.user);
        else if (kind === "next" && click.final && picks(click.final).length > 0) {
          const offered = picks(click.final);
          const customId = offered[Math.floor(choose() * offered.length)] as string;
          next.push({ user: click.user, message: click.final, locale, customId });
        } else
          unclear.push(
            `${kind}: ${click.error ?? (click.final?.content ?? "").slice(0, 100)} ${(snap?.errors ?? [])
              .map((e) => `${e.code} ${e.message}`)
              .join("; ")}`,
          );
      }
      ackAll.push(...acks);
      finalAll.push(...finals);
      rounds.push({ clicks, acks, finals, kinds });
      pending = next;
    }
    const rushSeconds = (performance.now() - rushStarted) / 1000;
    // Briefs are posted after the answer; wait (bounded) for the last ones under the rate limits.
    const briefDeadline = performance.now() + 30_000;
    while (briefs.length < wonBy.size && performance.now() < briefDeadline) {
      await sleep(500);
      const requests = await firstEdits(remote, since);
      since = requests.last;
      tooMany += requests.tooMany;
      briefs.push(...requests.briefs);
    }

    const live = await db.allocation.findMany({
      where: { programmeId: seeded.programmeId, live: "active" },
      select: { assignmentId: true, member: { select: { discordUserId: true } } },
    });
    const duplicates = live.length - new Set(live.map((a) => a.assignmentId)).size;
    const allocated = new Set(live.map((a) => a.member.discordUserId));
    const mismatched =
      [...wonBy].filter((u) => !allocated.has(u)).length + [...allocated].filter((u) => !wonBy.has(u)).length;
    const undecided = pending.length;
    const lost = unclear.length + mismatched + undecided;
    const violations = await remote.violations();
    const first = rounds[0];
    const late = ackAll.filter((ms) => ms > ACK_BUDGET_MS).length;

    const rows: BenchResult[] = [
      {
        suite: SUITE,
        metric: `${INTERNS} simultaneous claims: duplicates`,
        value: duplicates,
        unit: "count",
        target: "0",
        ok: duplicates === 0,
      },
      {
        suite: SUITE,
        metric: `${INTERNS} simultaneous claims: lost`,
        value: lost,
        unit: "count",
        target: "0",
        ok: lost === 0,
      },
      {
        suite: SUITE,
        metric: "round 1: got the project they clicked",
        value: first?.kinds.get("won") ?? 0,
        unit: "interns",
      },
      {
        suite: SUITE,
        metric: "round 1: lost the race, offered the next",
        value: first?.kinds.get("next") ?? 0,
        unit: "interns",
      },
    ];
    pushQuantiles(rows, "round 1: acknowledgement", first?.acks ?? [], ACK_BUDGET_MS);
    pushQuantiles(rows, "round 1: final answer", first?.finals ?? []);
    pushQuantiles(rows, "floor (bare discord.js), same burst: acknowledgement", floor);
    rows.push(
      { suite: SUITE, metric: "rounds until everyone was answered", value: rounds.length, unit: "rounds" },
      { suite: SUITE, metric: "in the end: with a project", value: wonBy.size, unit: "interns" },
      { suite: SUITE, metric: "in the end: told none is left", value: toldNone.size, unit: "interns" },
    );
    pushQuantiles(rows, "all rounds: acknowledgement", ackAll, ACK_BUDGET_MS);
    pushQuantiles(rows, "all rounds: final answer", finalAll);
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
        metric: "briefs posted in project threads",
        value: briefs.length,
        unit: "count",
        target: `= ${wonBy.size}`,
        ok: briefs.length === wonBy.size,
      },
      {
        suite: SUITE,
        metric: "first click → last brief posted",
        value: briefs.length ? round((Math.max(...briefs) - rushFirstDispatch) / 1000, 1) : Number.NaN,
        unit: "s",
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

    const spans = rounds.map((rd) => {
      const at = rd.clicks.flatMap((c) => (c.snap?.dispatchedAt === undefined ? [] : [c.snap.dispatchedAt]));
      return Math.round(Math.max(...at) - Math.min(...at));
    });
    note(
      SUITE,
      `taiken = node dist/src/main.js (startApp, SQLite file, Redis: ${redis.source}, LOG_LEVEL=info) on a fake ` +
        "Discord in its own process with Discord's rate limits; the floor = support/bare-bot.mjs on a fake of its own, " +
        "replying at once to the same burst. Acknowledgement = callback received − INTERACTION_CREATE written; final " +
        "answer = the callback when it carries the answer (type 7), else the first edit of the deferred message; " +
        "both timed by the fake",
    );
    note(
      SUITE,
      `${INTERNS} interns with varied profiles (1–4 skills of 10 with levels, 0–3 of 25 themes, weekly hours or ` +
        `none, 25 % with 1–3 wishes among 20 popular tasks, 60 % ja / 40 % en), ${seeded.retired} retired ` +
        `assignments; ${firstChoices.size} distinct first options; rounds: ${rounds
          .map(
            (rd, i) =>
              `${i + 1}: ${rd.clicks.length} clicked (${[...rd.kinds].map(([k, n]) => `${n} ${k}`).join(", ")})`,
          )
          .join("; ")}`,
    );
    note(
      SUITE,
      `dispatch span per round (first → last INTERACTION_CREATE): ${spans.join(", ")} ms; callbacks by type: ${[
        ...callbackTypes,
      ]
        .map(([type, n]) => `${n}× ${type}`)
        .join(", ")}; all rounds took ${round(rushSeconds, 1)} s wall, last final answer ${round(
        (rushLastFinal - rushFirstDispatch) / 1000,
        1,
      )} s after the first click`,
    );
    if (unclear.length > 0) note(SUITE, `unclear answers (first 3): ${unclear.slice(0, 3).join(" | ")}`);
    if (mismatched > 0) note(SUITE, `${mismatched} "your project" replies and allocations did not match`);
    if (limited.size > 0)
      note(SUITE, `429s by route: ${[...limited].map(([route, n]) => `${n}× ${route}`).join(", ")}`);
    if (undecided > 0) note(SUITE, `${undecided} interns still held options after ${MAX_ROUNDS} rounds`);
    for (const [warning, n] of [...log.warnings].slice(0, 5)) note(SUITE, `bot logged ${n}× ${warning}`);
    if (violations.length > 0) note(SUITE, `first spec violation: ${violations[0]?.route}`);
    if (CPU_PROFILE) await noteProfile(profileDir);
    return rows;
  } finally {
    await db?.$disconnect();
    await bot?.stop();
    await fake?.close();
    await redis.stop();
    await scratch.remove();
  }
}

export default suite;
