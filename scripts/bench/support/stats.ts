/** Small statistics for benchmark samples. */

/** The `p`-th percentile (0–100) by the nearest-rank method; NaN for no samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** The median (nearest rank, so always one of the samples). */
export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

/** p50, p95 and p99 of a set of latencies. */
export interface Quantiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  count: number;
}

export function quantiles(samples: readonly number[]): Quantiles {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: samples.length ? Math.max(...samples) : Number.NaN,
    count: samples.length,
  };
}

/** Rounds to `digits` decimals (keeps tables and JSON readable). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
