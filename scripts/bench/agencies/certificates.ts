/**
 * The chart and certificate rows of the `agencies` suite (issue 15): chart PNG p95 < 150 ms,
 * certificate PDF p95 < 800 ms and < 1.5 MB, 100 PDFs at once: RSS growth < 150 MB. Runs the
 * real renderers in this process (no database: the facts are synthetic, the longest labels).
 */
import { renderCertificatePdf } from "../../../src/discord/competency/certificate-pdf.ts";
import { renderChartPng } from "../../../src/discord/competency/chart.ts";
import { certificateHash } from "../../../src/domain/competency/certificate.ts";
import { COMPETENCY_ELEMENTS, elementLabel } from "../../../src/domain/competency/elements.ts";
import type { CertificateFacts, ChartSpec } from "../../../src/features/competency/ports.ts";
import type { BenchResult } from "../types.ts";

const SUITE = "agencies";
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.ceil(xs.length * 0.95) - 1] ?? 0;
const round = (n: number) => Math.round(n * 10) / 10;

function spec(i: number): ChartSpec {
  const v = (k: number) => COMPETENCY_ELEMENTS.map((_, e) => 1 + ((i + e + k) % 5));
  return {
    title: "社会人基礎力の変化",
    labels: COMPETENCY_ELEMENTS.map((e) => elementLabel(e, "ja")),
    series: [
      { kind: "selfBefore", label: "自己（開始前）", values: v(0) },
      { kind: "selfDuring", label: "自己（中間）", values: v(1) },
      { kind: "selfAfter", label: "自己（終了後）", values: v(2) },
      { kind: "mentorAfter", label: "メンター（終了後）", values: v(3) },
    ],
  };
}

function facts(i: number): CertificateFacts {
  return {
    kind: "completion",
    serial: `TKN-2026-${String(i).padStart(6, "0")}`,
    locale: "ja",
    programme: "2026年春 就労体験プログラム",
    startsOn: "2026-01-05",
    endsOn: "2026-03-27",
    intern: `参加者 ${i}`,
    project: "地域の子ども食堂の予約管理アプリ",
    activeDays: 40,
    reports: 38,
    submissions: 3,
    presentedOn: "2026-03-20",
    change: { selfBefore: 2.4, selfDuring: 3.1, selfAfter: 3.8, mentorAfter: 3.6 },
    mentorComment: "毎日の日報が丁寧で、チームへの発信が目に見えて増えました。".repeat(4),
    issuedOn: "2026-03-25",
  };
}

/** One certificate as `/certificate get` builds it: the chart, then the PDF. */
async function certificate(i: number): Promise<Buffer> {
  const s = spec(i);
  const f = facts(i);
  return renderCertificatePdf({
    facts: f,
    hash: certificateHash(f),
    chart: await renderChartPng(s),
    table: COMPETENCY_ELEMENTS.map((e, n) => ({
      label: e.ja,
      values: s.series.map((x) => x.values[n] ?? null),
    })),
  });
}

export async function certificateRows(): Promise<BenchResult[]> {
  // Warm-up: font registration and unpacking happen once per process.
  await certificate(0);
  const charts: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await renderChartPng(spec(i));
    charts.push(performance.now() - started);
  }
  const pdfs: number[] = [];
  let largest = 0;
  for (let i = 0; i < 20; i++) {
    const started = performance.now();
    const pdf = await certificate(i);
    pdfs.push(performance.now() - started);
    largest = Math.max(largest, pdf.length);
  }
  const before = process.memoryUsage().rss;
  let peak = before;
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  const started = performance.now();
  await Promise.all(Array.from({ length: 100 }, (_, i) => certificate(i)));
  const burst = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  const growth = (peak - before) / (1024 * 1024);
  const chartP95 = p95(charts);
  const pdfP95 = p95(pdfs);
  const mb = largest / (1024 * 1024);
  return [
    {
      suite: SUITE,
      metric: "chart PNG p95",
      value: round(chartP95),
      unit: "ms",
      target: "< 150 ms",
      ok: chartP95 < 150,
    },
    {
      suite: SUITE,
      metric: "certificate PDF p95 (chart + PDF)",
      value: round(pdfP95),
      unit: "ms",
      target: "< 800 ms",
      ok: pdfP95 < 800,
    },
    {
      suite: SUITE,
      metric: "certificate PDF size (largest)",
      value: round(mb * 1000) / 1000,
      unit: "MB",
      target: "< 1.5 MB",
      ok: mb < 1.5,
    },
    {
      suite: SUITE,
      metric: "100 PDFs at once: RSS growth",
      value: round(growth),
      unit: "MB",
      target: "< 150 MB",
      ok: growth < 150,
    },
    { suite: SUITE, metric: "100 PDFs at once: total", value: round(burst), unit: "ms" },
  ];
}
