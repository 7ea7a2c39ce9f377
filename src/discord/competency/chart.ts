/** The radar chart of the competency change: Chart.js 4 drawn by Skia (`@napi-rs/canvas`), as a PNG. */
import { createCanvas } from "@napi-rs/canvas";
import { Chart, type ChartConfiguration, registerables } from "chart.js";
import type { ChartRenderer, ChartSeries } from "../../features/competency/ports.ts";
import { registerChartFont } from "./fonts.ts";

Chart.register(...registerables);

const WIDTH = 640;
const HEIGHT = 600;

/** Colour-blind-safe (Okabe–Ito) colours; the mentors' line is dashed as well. */
const STYLE: Record<ChartSeries["kind"], { colour: string; dash: number[] }> = {
  selfBefore: { colour: "#E69F00", dash: [] },
  selfDuring: { colour: "#56B4E9", dash: [] },
  selfAfter: { colour: "#009E73", dash: [] },
  mentorAfter: { colour: "#CC79A7", dash: [8, 4] },
};

export const renderChartPng: ChartRenderer = async (spec) => {
  const family = registerChartFont();
  const canvas = createCanvas(WIDTH, HEIGHT);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, WIDTH, HEIGHT);
  const config: ChartConfiguration<"radar", (number | null)[], string> = {
    type: "radar",
    data: {
      labels: spec.labels,
      datasets: spec.series.map((s) => ({
        label: s.label,
        data: s.values,
        borderColor: STYLE[s.kind].colour,
        backgroundColor: `${STYLE[s.kind].colour}22`,
        borderDash: STYLE[s.kind].dash,
        pointBackgroundColor: STYLE[s.kind].colour,
        borderWidth: 2,
        spanGaps: true,
      })),
    },
    options: {
      responsive: false,
      animation: false,
      devicePixelRatio: 1,
      font: { family, size: 14 },
      scales: {
        r: {
          min: 0,
          max: 5,
          ticks: { stepSize: 1, font: { family, size: 12 }, backdropColor: "#ffffff" },
          pointLabels: { font: { family, size: 15 }, color: "#222222" },
        },
      },
      plugins: {
        title: {
          display: true,
          text: spec.title,
          font: { family, size: 20, weight: "bold" },
          color: "#222222",
        },
        legend: { position: "bottom", labels: { font: { family, size: 14 }, color: "#222222" } },
      },
    },
  };
  // Chart.js accepts any object with getContext; Skia's canvas is not a DOM canvas.
  const chart = new Chart(ctx as unknown as ConstructorParameters<typeof Chart>[0], config);
  try {
    return await canvas.encode("png");
  } finally {
    chart.destroy();
  }
};
