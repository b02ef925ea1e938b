// The bench report's pass/fail column: judged on the median against the target's number and unit,
// or on the measured ratio for relative targets.
import { describe, expect, it } from 'vitest';
import { verdict } from '../../../bench/run.js';
import type { BenchResult } from '../../../bench/types.js';

const base: BenchResult = { scenario: 's', medianMs: 120, minMs: 100, maxMs: 300 };

describe('verdict', () => {
  it('passes a median at or under an absolute target and fails one over it', () => {
    expect(verdict({ ...base, target: '≤ 120 ms' }).text).toBe('pass');
    expect(verdict({ ...base, target: '≤ 119 ms' })).toEqual({ text: '**FAIL**', isMiss: true });
    expect(verdict({ ...base, target: '< 120 ms' }).isMiss).toBe(true);
  });

  it('converts seconds and thousands separators, and compares MiB with MiB', () => {
    expect(verdict({ ...base, medianMs: 1_100, target: '≤ 1 s' }).isMiss).toBe(true);
    expect(verdict({ ...base, medianMs: 1_100, target: '≤ 1,200 ms' }).text).toBe('pass');
    expect(verdict({ ...base, medianMs: 151, unit: 'MiB', target: '≤ 150 MiB' }).isMiss).toBe(true);
    expect(verdict({ ...base, medianMs: 90, unit: 'MiB', target: '≤ 150 ms' }).text).toBe('?');
  });

  it('judges relative targets on the ratio', () => {
    expect(verdict({ ...base, ratio: 1.5, target: '≤ 1.6× Ink hello (64 MiB)' }).text).toBe('pass');
    expect(verdict({ ...base, ratio: 2.3, target: '≤ 1.6× Ink hello (64 MiB)' }).isMiss).toBe(true);
    expect(verdict({ ...base, target: '≤ 1.0× Ink hello' }).text).toBe('?');
  });

  it('shows a dash without a target and a question mark for a target it cannot read', () => {
    expect(verdict(base)).toEqual({ text: '—', isMiss: false });
    expect(verdict({ ...base, target: 'fast enough' }).text).toBe('?');
  });
});
