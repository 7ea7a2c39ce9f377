/**
 * Importing a library of 5,000 assignments (one YAML file, as an organiser would upload or pass
 * to `npm run assignments:import`) into a fresh SQLite database: parse + validate time, import
 * time (one transaction), the no-op re-import, and the process's peak resident memory while
 * doing it. In process: the import is plain code, there is no Discord in it.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "../../src/db/client.ts";
import { migrateDatabase } from "../../src/db/migrate.ts";
import { createLibraryRepository } from "../../src/db/repositories/library.ts";
import { parseLibrary } from "../../src/domain/library/parse.ts";
import { note, progress } from "./support/notes.ts";
import { round } from "./support/stats.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

const SUITE = "library";
const COUNT = 5_000;
const SKILLS = [
  "typescript",
  "react",
  "python",
  "sql",
  "go",
  "figma",
  "aws",
  "rust",
  "testing",
  "accessibility",
];

/** A realistic YAML library: titles in both languages, a paragraph of brief, skills, links. */
export function syntheticLibrary(count: number, edition = 1): string {
  const lines: string[] = ["assignments:"];
  for (let i = 0; i < count; i += 1) {
    lines.push(
      `  - id: task-${String(i).padStart(5, "0")}`,
      `    title: { ja: 課題 ${i} 第${edition}版, en: Task ${i} edition ${edition} }`,
      `    brief: "${"Build a small, well-tested feature and explain the trade-offs you made. ".repeat(4).trim()} (${i})"`,
      `    skills: [${SKILLS[i % SKILLS.length]}, ${SKILLS[(i * 7 + 3) % SKILLS.length]}]`,
      `    tags: [theme-${i % 25}]`,
      `    level: ${(i % 5) + 1}`,
      `    estimated_hours: ${10 + (i % 30)}`,
      `    origin_round: ${2020 + (i % 6)} spring`,
      `    status: ${i % 10 === 0 ? "active-in-recruitment" : "retired"}`,
      `    links: ["Spec|https://example.com/specs/${i}"]`,
    );
  }
  return `${lines.join("\n")}\n`;
}

const megabytes = (bytes: number) => round(bytes / 1024 / 1024, 1);

const suite: BenchSuite = async () => {
  const dir = await mkdtemp(join(tmpdir(), "taiken-bench-library-"));
  const url = `file:${join(dir, "bench.db")}`;
  await migrateDatabase(url);
  const db = await createDatabase(url);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 5);
  try {
    const yaml = syntheticLibrary(COUNT);
    const before = process.memoryUsage().rss;
    progress(SUITE, `parsing ${COUNT} assignments (${megabytes(Buffer.byteLength(yaml))} MB of YAML)`);
    let started = performance.now();
    const parsed = parseLibrary([{ path: "library.yaml", content: yaml }]);
    const parseMs = performance.now() - started;
    // Parsing is synchronous: the sampler cannot run inside it, so read the RSS right after (it is
    // not returned to the system that fast, so this is the parse's own peak, near enough).
    const afterParse = process.memoryUsage().rss;
    peak = Math.max(peak, afterParse);
    if (parsed.issues.length > 0)
      throw new Error(`synthetic library has issues: ${JSON.stringify(parsed.issues[0])}`);

    const library = createLibraryRepository(db);
    started = performance.now();
    const first = await library.importEntries("bench-guild", parsed.entries, {
      actorUserId: "bench",
      source: "bench",
    });
    const importMs = performance.now() - started;
    peak = Math.max(peak, process.memoryUsage().rss);

    started = performance.now();
    const again = await library.importEntries("bench-guild", parsed.entries, {
      actorUserId: "bench",
      source: "bench",
    });
    const noopMs = performance.now() - started;

    const edited = parseLibrary([{ path: "library.yaml", content: syntheticLibrary(COUNT, 2) }]);
    started = performance.now();
    const second = await library.importEntries("bench-guild", edited.entries, {
      actorUserId: "bench",
      source: "bench",
    });
    const editMs = performance.now() - started;

    if (
      first.created.length !== COUNT ||
      again.unchanged.length !== COUNT ||
      second.updated.length !== COUNT
    ) {
      throw new Error("import counts are wrong");
    }
    note(
      SUITE,
      `peak RSS ${megabytes(peak)} MB (before parsing ${megabytes(before)} MB), SQLite file, one transaction per import`,
    );
    return [
      { suite: SUITE, metric: `parse + validate ${COUNT} (YAML)`, value: round(parseMs, 0), unit: "ms" },
      {
        suite: SUITE,
        metric: `import ${COUNT} new (one transaction)`,
        value: round(importMs, 0),
        unit: "ms",
      },
      { suite: SUITE, metric: `re-import ${COUNT} unchanged (no-op)`, value: round(noopMs, 0), unit: "ms" },
      { suite: SUITE, metric: `import ${COUNT} edited (new versions)`, value: round(editMs, 0), unit: "ms" },
      { suite: SUITE, metric: "peak resident memory", value: megabytes(peak), unit: "MB" },
      {
        suite: SUITE,
        metric: "memory added by parse + validate",
        value: megabytes(afterParse - before),
        unit: "MB",
      },
      { suite: SUITE, metric: "memory added by parse + import", value: megabytes(peak - before), unit: "MB" },
    ] satisfies BenchResult[];
  } finally {
    clearInterval(sampler);
    await db.$disconnect();
    await rm(dir, { recursive: true, force: true });
  }
};

export default suite;
