import fc from "fast-check";
import { gzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { formatImportFailure } from "../../../src/discord/assignments/import-report.ts";
import { parseLibrary } from "../../../src/domain/library/parse.ts";
import { filesFromUpload } from "../../../src/domain/library/sources.ts";
import type { ImportIssueCode } from "../../../src/domain/library/types.ts";
import { translator } from "../../../src/i18n/translate.ts";
import { tarGzOf, tarOf } from "../../support/tar.ts";

/**
 * The import paths under fuzzing (fast-check, fixed seed so a failure replays): valid libraries in
 * every format (CSV, YAML, Markdown, JSON, zip, tar, .tar.gz, an archive inside an archive), then
 * cut, bit-flipped, spliced with random bytes, given a BOM, re-encoded as UTF-16, with mixed line
 * ends, blown up, or replaced by noise. Whatever comes in: no exception, either a library or a list
 * of known problems (never both empty), and the report reads without a placeholder in ja and en.
 */
const enc = new TextEncoder();
const md = (id: string) =>
  `---\nid: ${id}\ntitle_ja: 課題 ${id}\nlevel: 2\nestimated_hours: 10\n---\nBrief of ${id}.\n`;
const CSV =
  "id,title_ja,brief,level,estimated_hours\ncsv-a,課題 A,Build A.,1,5\ncsv-b,課題 B,Build B.,3,12\n";
const YAML =
  "assignments:\n  - id: y-a\n    title_ja: 一\n    brief: b\n    level: 1\n    estimated_hours: 2\n";
const JSON_LIST = JSON.stringify([{ id: "j-a", title_ja: "三", brief: "b", level: 2, estimated_hours: 4 }]);
const zip = zipSync({ "lib/a.md": enc.encode(md("z-a")), "lib/list.csv": enc.encode(CSV) });
const tarEntries = [
  { path: "lib/", type: "Directory" as const },
  { path: "lib/a.md", content: md("t-a") },
  { path: "lib/list.yaml", content: YAML },
];
const CORPUS: readonly { name: string; bytes: Uint8Array }[] = [
  { name: "library.csv", bytes: enc.encode(CSV) },
  { name: "library.yaml", bytes: enc.encode(YAML) },
  { name: "task.md", bytes: enc.encode(md("m-a")) },
  { name: "library.json", bytes: enc.encode(JSON_LIST) },
  { name: "library.zip", bytes: zip },
  { name: "library.tar", bytes: tarOf(tarEntries) },
  { name: "library.tar.gz", bytes: tarGzOf(tarEntries) },
  { name: "nested.zip", bytes: zipSync({ "inner.zip": zip, "b.md": enc.encode(md("n-b")) }) },
  { name: "nested.tgz", bytes: gzipSync(tarOf([{ path: "inner.zip", content: Buffer.from(zip) }])) },
];

const KNOWN_CODES = new Set<ImportIssueCode>([
  "syntax",
  "csv_quote",
  "front_matter_missing",
  "not_a_list",
  "unsupported_file",
  "archive_invalid",
  "archive_truncated",
  "archive_too_large",
  "archive_unsafe_path",
  "required",
  "invalid_value",
  "invalid_level",
  "invalid_status",
  "invalid_url",
  "too_long",
  "unknown_field",
  "duplicate_id",
  "empty",
  "encoding_invalid",
]);

type Mutation = (bytes: Uint8Array) => Uint8Array;
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const utf16le = (bytes: Uint8Array) => {
  const text = new TextDecoder().decode(bytes);
  const out = new Uint8Array(2 + text.length * 2);
  out.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[2 + i * 2] = code & 0xff;
    out[3 + i * 2] = code >> 8;
  }
  return out;
};

/** One mutation of a corpus file, chosen and parameterised by fast-check. */
const mutation: fc.Arbitrary<{ label: string; apply: Mutation }> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((f) => ({
    label: "truncated",
    apply: (b: Uint8Array) => b.subarray(0, Math.floor(b.length * f)),
  })),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })).map(([f, v]) => ({
    label: "byte flipped",
    apply: (b: Uint8Array) => {
      const out = Uint8Array.from(b);
      if (out.length > 0) out[Math.min(out.length - 1, Math.floor(out.length * f))] = v;
      return out;
    },
  })),
  fc
    .tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.uint8Array({ minLength: 1, maxLength: 64 }))
    .map(([f, noise]) => ({
      label: "spliced",
      apply: (b: Uint8Array) => {
        const at = Math.floor(b.length * f);
        return concat(b.subarray(0, at), noise, b.subarray(at));
      },
    })),
  fc.constant({ label: "utf-8 BOM", apply: (b: Uint8Array) => concat(Uint8Array.of(0xef, 0xbb, 0xbf), b) }),
  fc.constant({ label: "utf-16", apply: utf16le }),
  fc.constant({
    label: "mixed line ends",
    apply: (b: Uint8Array) =>
      enc.encode(
        new TextDecoder()
          .decode(b)
          .split("\n")
          .map((line, i) => (i % 2 ? `${line}\r` : i % 3 ? `${line}\r\r` : line))
          .join("\n"),
      ),
  }),
  fc.integer({ min: 50, max: 4_000 }).map((n) => ({
    label: "blown up",
    // Up to 1 MB: a large library, within the test's time.
    apply: (b: Uint8Array) =>
      concat(...Array.from({ length: Math.min(n, Math.floor(1_000_000 / Math.max(1, b.length))) }, () => b)),
  })),
  fc.uint8Array({ maxLength: 2_048 }).map((noise) => ({ label: "noise", apply: () => noise })),
);

describe("import fuzzing", () => {
  it("GIVEN 500 mutated uploads in every format (FUZZ_RUNS for more) THEN none throws, each is a library or known problems, and every report reads in ja and en", () => {
    const tally = { runs: 0, accepted: 0, refused: 0 };
    // Reported, not asserted (timings belong to benchmarks): the slowest single upload's parse.
    const slowest = { ms: 0, what: "", bytes: 0 };
    const codes = new Map<string, number>();
    const ja = translator("ja");
    const en = translator("en");
    fc.assert(
      fc.property(
        fc.constantFrom(...CORPUS),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (base, steps) => {
          const bytes = steps.reduce((b, step) => step.apply(b), base.bytes);
          const started = performance.now();
          const read = filesFromUpload(base.name, bytes);
          const library = parseLibrary(read.files);
          const ms = performance.now() - started;
          if (ms > slowest.ms) {
            const what = `${base.name}: ${steps.map((step) => step.label).join(" + ")}`;
            Object.assign(slowest, { ms, what, bytes: bytes.length });
          }
          const issues = [...read.issues, ...library.issues];
          tally.runs += 1;
          if (issues.length === 0) {
            expect(library.entries.length).toBeGreaterThan(0);
            tally.accepted += 1;
            return;
          }
          tally.refused += 1;
          for (const issue of issues) {
            expect(KNOWN_CODES.has(issue.code), issue.code).toBe(true);
            codes.set(issue.code, (codes.get(issue.code) ?? 0) + 1);
          }
          for (const t of [ja, en]) {
            const report = formatImportFailure(t, issues, 5);
            expect(report).not.toMatch(/undefined|\bnull\b|NaN|\{\w+\}/);
          }
        },
      ),
      { seed: 20261206, numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
    expect(tally.runs).toBe(Number(process.env.FUZZ_RUNS ?? 500));
    // Both sides are exercised: some mutations leave a valid library, most break it.
    expect(tally.accepted).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(tally.accepted);
    console.info(
      `import fuzz: ${tally.runs} uploads, ${tally.accepted} accepted, ${tally.refused} refused (${[...codes]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(
          ", ",
        )}), 0 exceptions; slowest parse ${Math.round(slowest.ms)} ms (${slowest.what}, ${slowest.bytes} bytes)`,
    );
  }, 120_000);
});
