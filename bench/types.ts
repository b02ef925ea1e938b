// The shape every bench scenario returns. A scenario module is bench/<name>.bench.ts exporting
// `async function run(): Promise<BenchResult[]>`; bench/run.ts discovers and runs them all.

/** One measured figure: the median, min and max of repeated samples. */
export interface BenchResult {
  /** What was measured, e.g. "refresh: cold (empty cache)". */
  readonly scenario: string;
  /** Median of the samples, in `unit` (milliseconds unless said otherwise). */
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The goal, e.g. "≤ 550 ms" or "≤ 150 MiB"; run.ts derives pass/fail from it. */
  readonly target?: string;
  /** One line of context: workload, repetitions, caveats. */
  readonly note?: string;
  /** Median divided by the median of the baseline named in `ratioTo` (same run), unless the note says otherwise. */
  readonly ratio?: number;
  /** The baseline `ratio` refers to. @default "node -e 0" */
  readonly ratioTo?: string;
  /** Unit of medianMs/minMs/maxMs. @default "ms" */
  readonly unit?: 'ms' | 'MiB';
  /** How many samples the figures come from. */
  readonly samples?: number;
}

/** A scenario module as bench/run.ts sees it. */
export interface BenchModule {
  run(): Promise<readonly BenchResult[]>;
}
