/**
 * `npm run bench`: runs every benchmark suite and prints one table.
 *
 *   npm run bench                              # every suite, table on stdout
 *   npm run bench -- --only interactions,memory
 *   npm run bench -- --json results.json       # also write the rows (and notes) as JSON
 *   npm run bench -- --json                    # JSON on stdout, the table on stderr
 *   npm run bench -- --no-build                # reuse dist/ (the suites run the compiled bot)
 *
 * Suites are loaded by a fixed list, each from its own module, so a missing module is reported in
 * the table instead of stopping the others. A missed target is a row that says so (exit 0); only a
 * suite that crashes makes the exit code non-zero.
 */
import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { notes } from "./support/notes.ts";
import { configureBuild } from "./support/processes.ts";
import type { BenchResult, BenchSuite } from "./types.ts";

/** Every suite, in the order they run. Adding one: write `scripts/bench/<name>.ts` with a default-exported BenchSuite. */
const SUITES = [
  "interactions",
  "memory",
  "allocation",
  "workspace",
  "onboarding",
  "library",
  "claims",
  "agencies",
  "submissions",
  "reminders",
  "faults",
] as const;

const USAGE = "usage: npm run bench -- [--only <suite,...>] [--json [file]] [--no-build]";

interface Outcome {
  suite: string;
  status: "ok" | "missing" | "crashed";
  rows: BenchResult[];
  seconds: number;
  error?: string;
}

async function runSuite(name: string): Promise<Outcome> {
  const started = performance.now();
  const url = new URL(`./${name}.ts`, import.meta.url);
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  if (!existsSync(fileURLToPath(url))) {
    return {
      suite: name,
      status: "missing",
      rows: [],
      seconds: 0,
      error: `scripts/bench/${name}.ts not found`,
    };
  }
  try {
    const module = (await import(url.href)) as { default?: unknown };
    if (typeof module.default !== "function")
      throw new Error("the module has no default-exported BenchSuite");
    const rows = await (module.default as BenchSuite)();
    return { suite: name, status: "ok", rows, seconds: seconds() };
  } catch (error) {
    process.stderr.write(
      `[bench:${name}] crashed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    return {
      suite: name,
      status: "crashed",
      rows: [],
      seconds: seconds(),
      error: error instanceof Error ? error.message.split("\n")[0] : String(error),
    };
  }
}

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  if (abs >= 1000) return Math.round(value).toLocaleString("en-US");
  if (abs >= 100) return value.toFixed(1);
  return value.toFixed(2);
}

/** The table: one row per figure, plus one for each suite that is missing or crashed. */
export function formatTable(outcomes: readonly Outcome[]): string {
  const header = ["suite", "metric", "value", "unit", "target", "ok"];
  const lines: string[][] = [];
  for (const outcome of outcomes) {
    if (outcome.status !== "ok") {
      const ok = outcome.status === "crashed" ? "CRASHED" : "";
      lines.push([outcome.suite, `(${outcome.status}: ${outcome.error ?? ""})`, "–", "", "", ok]);
      continue;
    }
    for (const row of outcome.rows) {
      lines.push([
        row.suite,
        row.metric,
        formatValue(row.value),
        row.unit,
        row.target ?? "",
        row.ok === undefined ? "" : row.ok ? "yes" : "MISSED",
      ]);
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? "").length)));
  const rightAligned = new Set([2]);
  const render = (cells: string[]) =>
    cells
      .map((cell, i) => (rightAligned.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [render(header), widths.map((w) => "─".repeat(w)).join("  "), ...lines.map(render)].join("\n");
}

async function main(): Promise<number> {
  let values: {
    only?: string | undefined;
    json?: boolean | undefined;
    "no-build"?: boolean | undefined;
    help?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        only: { type: "string" },
        json: { type: "boolean" },
        "no-build": { type: "boolean" },
        help: { type: "boolean" },
      },
      allowPositionals: true,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(
      `Runs the benchmark suites and prints their figures as one table.\n\n${USAGE}\n\n` +
        `--only <suites>   some suites, comma-separated: ${SUITES.join(", ")}.\n` +
        "--json [file]     also write the rows as JSON to file (or JSON on stdout, the table on stderr).\n" +
        "--no-build        reuse dist/ instead of compiling the bot first.\n" +
        "--help            show this help.\n\n" +
        "A missed target is a row that says so (exit 0); a suite that crashes makes the exit code 1.\n",
    );
    return 0;
  }
  // `--json file`: the file is the positional argument that follows.
  const jsonFile = values.json ? positionals[0] : undefined;
  if (positionals.length > (values.json ? 1 : 0)) {
    process.stderr.write(`unexpected argument ${positionals.at(-1)}\n${USAGE}\n`);
    return 2;
  }
  const selected = values.only
    ? values.only
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean)
    : [...SUITES];
  const unknown = selected.filter((s) => !(SUITES as readonly string[]).includes(s));
  if (unknown.length > 0) {
    process.stderr.write(`unknown suite(s): ${unknown.join(", ")}; known: ${SUITES.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  configureBuild({ skip: values["no-build"] ?? false });

  const outcomes: Outcome[] = [];
  for (const name of selected) {
    process.stderr.write(`[bench] ${name}…\n`);
    const outcome = await runSuite(name);
    process.stderr.write(`[bench] ${name}: ${outcome.status} in ${outcome.seconds} s\n`);
    outcomes.push(outcome);
  }

  const table = formatTable(outcomes);
  const noteLines = notes().map((n) => `- ${n.suite}: ${n.text}`);
  const text = `${table}\n${noteLines.length ? `\nnotes:\n${noteLines.join("\n")}\n` : ""}`;
  const json = JSON.stringify(
    {
      rows: outcomes.flatMap((o) => o.rows),
      suites: outcomes.map(({ suite, status, seconds, error }) => ({ suite, status, seconds, error })),
      notes: notes(),
    },
    null,
    2,
  );
  if (values.json && !jsonFile) {
    process.stderr.write(text);
    process.stdout.write(`${json}\n`);
  } else {
    process.stdout.write(text);
    if (jsonFile) await writeFile(jsonFile, `${json}\n`);
  }
  return outcomes.some((o) => o.status === "crashed") ? 1 : 0;
}

// Ctrl-C or a kill: exit through process.on("exit"), which stops every child the suites started.
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    process.stderr.write(`[bench] ${signal}: stopping\n`);
    process.exit(130);
  });
}

process.exitCode = await main();
// Every suite stops what it started; should a handle still linger, do not hang the terminal.
setTimeout(() => {
  process.stderr.write("[bench] something was left running; exiting anyway\n");
  process.exit(process.exitCode ?? 1);
}, 10_000).unref();
