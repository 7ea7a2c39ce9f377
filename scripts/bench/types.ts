/** One measured figure, printed as a row of `npm run bench`'s table. */
export interface BenchResult {
  /** Which benchmark the figure belongs to, e.g. "allocation". */
  suite: string;
  /** What was measured, e.g. "batch 10000×12000 time". */
  metric: string;
  value: number;
  unit: string;
  /** The target the issue sets, as text ("< 1000 ms"), if any. */
  target?: string;
  /** Whether the figure meets its target, if it has one. */
  ok?: boolean;
}

/** A benchmark suite: runs, measures, and returns its figures. It must stop by itself. */
export type BenchSuite = () => Promise<BenchResult[]>;
