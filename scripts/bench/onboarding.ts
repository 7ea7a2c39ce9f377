/**
 * Onboarding 500 interns at once through the Discord layer: each clicks Join, sends the form,
 * presses Next and confirms (4 interactions), all 500 started together, against the local
 * Discord-compatible server with the real discord.js client, router and a fresh SQLite database
 * (PostgreSQL when DATABASE_URL says so), in this process.
 *
 * Reported: how many completed (role given, private thread recorded, stage onboarded), the p50 /
 * p99 handling latency per interaction (gateway dispatch → interaction callback, as Discord
 * measures its 3 s window), how many callbacks missed that window, and the wall time.
 * The fake allows 60 s per interaction so a slow callback is measured, not dropped.
 */
import { performance } from "node:perf_hooks";
import { createMemberRepository } from "../../src/db/repositories/members.ts";
import { onboard, seedWorkspace } from "../../test/e2e/onboarding/setup.ts";
import { startTestBot } from "../../test/support/bot.ts";
import { quantiles, round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

/** `BENCH_ONBOARDING_INTERNS` overrides the cohort size (for a quick look). */
const INTERNS = Number(process.env.BENCH_ONBOARDING_INTERNS ?? 500);
const SUITE = "onboarding";

const suite: BenchSuite = async () => {
  const bot = await startTestBot({ db: true, fake: { interactionTimeoutMs: 60_000 } });
  try {
    const ws = await seedWorkspace(bot);
    const users = Array.from(
      { length: INTERNS },
      (_, i) => bot.fake.addMember({ username: `bench-${i}` }).user,
    );
    bot.fake.clearLog();
    bot.fake.interactions.clear();
    const started = performance.now();
    const outcomes = await Promise.allSettled(
      users.map((user, i) =>
        onboard(bot, ws, user, {
          locale: i % 2 ? "ja" : "en-US",
          fields: { displayName: `Intern ${i}` },
          timeoutMs: 300_000,
        }),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const db = bot.db;
    if (!db) throw new Error("no database");
    const onboarded = await createMemberRepository(db).list(ws.programme.id, { stage: "onboarded" });
    const complete = onboarded.filter(
      (m) =>
        m.projectChannelId !== null && bot.fake.member(m.discordUserId)?.roles.includes(ws.roles.intern.id),
    ).length;
    const latencies = [...bot.fake.interactions.values()].flatMap((r) =>
      r.dispatchedAt !== undefined && r.callbackAt !== undefined ? [r.callbackAt - r.dispatchedAt] : [],
    );
    const q = quantiles(latencies);
    const failed = outcomes.filter((o) => o.status === "rejected").length;
    const reasons = new Map<string, number>();
    for (const outcome of outcomes) {
      if (outcome.status === "rejected") {
        const reason = String(outcome.reason).slice(0, 120);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
    }
    for (const [reason, count] of reasons) process.stderr.write(`[bench:onboarding] ${count}× ${reason}\n`);
    const errors = bot.logs.filter((line) => Number(line.level) >= 40).map((line) => String(line.msg));
    if (errors.length)
      process.stderr.write(
        `[bench:onboarding] ${errors.length} warnings/errors logged, e.g. ${JSON.stringify(bot.logs.find((l) => Number(l.level) >= 40))?.slice(0, 600)}\n`,
      );
    const late = latencies.filter((ms) => ms > 3_000).length;
    return [
      {
        suite: SUITE,
        metric: `${INTERNS} concurrent: completed`,
        value: complete,
        unit: "interns",
        target: `= ${INTERNS}`,
        ok: complete === INTERNS && failed === 0,
      },
      { suite: SUITE, metric: "interactions handled", value: latencies.length, unit: "count" },
      { suite: SUITE, metric: "handling latency p50", value: round(q.p50, 1), unit: "ms" },
      {
        suite: SUITE,
        metric: "handling latency p99",
        value: round(q.p99, 1),
        unit: "ms",
        target: "< 3000 ms",
        ok: q.p99 < 3_000,
      },
      {
        suite: SUITE,
        metric: "callbacks after 3 s",
        value: late,
        unit: "count",
        target: "0",
        ok: late === 0,
      },
      { suite: SUITE, metric: `${INTERNS} concurrent: total time`, value: round(seconds, 2), unit: "s" },
      {
        suite: SUITE,
        metric: "spec violations",
        value: bot.fake.violations.length,
        unit: "count",
        target: "0",
        ok: bot.fake.violations.length === 0,
      },
    ] satisfies BenchResult[];
  } finally {
    await bot.close();
  }
};

export default suite;
