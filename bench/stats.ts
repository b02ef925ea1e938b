// Small statistics helpers for bench scenarios: median / min / max of repeated samples.
import type { BenchResult } from './types.js';

/** The median of the samples (the mean of the two middle ones for an even count). */
export function median(samples: readonly number[]): number {
  if (samples.length === 0) throw new Error('median of no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? upper) + upper) / 2;
}

/** Builds a result from raw samples. */
export function summarize(
  scenario: string,
  samples: readonly number[],
  extra: Omit<BenchResult, 'scenario' | 'medianMs' | 'minMs' | 'maxMs' | 'samples'> = {},
): BenchResult {
  if (samples.length === 0) throw new Error(`${scenario}: no samples`);
  return {
    scenario,
    medianMs: median(samples),
    minMs: Math.min(...samples),
    maxMs: Math.max(...samples),
    samples: samples.length,
    ...extra,
  };
}
