// `npm run bench`: measures the baselines, runs every scenario module (bench/*.bench.ts, found by
// listing this directory), prints a Markdown report and writes it to BENCHMARKS.md.
//   npm run bench                   all scenarios, writes BENCHMARKS.md
//   npm run bench -- refresh list   only those modules; prints, does not write BENCHMARKS.md
//   npm run bench -- --no-write     all scenarios, print only
// A scenario that throws is reported as failed and the others still run; the exit code is 1 when
// any scenario failed to run (a missed target is reported, not an error).
import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { INK_BASELINE, NODE_BASELINE, inkBaselineResult, nodeBaselineResult } from './baselines.js';
import { rssMethod } from './measure-process.js';
import type { BenchResult } from './types.js';

const BENCH_DIR = fileURLToPath(new URL('.', import.meta.url));
const REPORT_PATH = fileURLToPath(new URL('../BENCHMARKS.md', import.meta.url));
const MODULE_SUFFIX = '.bench.ts';

/** One row of the report: a result, or a scenario that could not run. */
type Row =
  | { readonly kind: 'result'; readonly module: string; readonly result: BenchResult }
  | { readonly kind: 'failed'; readonly module: string; readonly error: string };

interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly ramGiB: number;
  readonly node: string;
  readonly os: string;
  readonly date: string;
  readonly loadBefore: readonly number[];
  loadAfter: readonly number[];
}

function machine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    ramGiB: totalmem() / 1024 ** 3,
    node: process.version,
    os: `${type()} ${release()}`,
    date: new Date().toISOString(),
    loadBefore: loadavg(),
    loadAfter: [],
  };
}

function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').trim();
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** Checks what a module returned, so a malformed result is a failed row, not a broken table. */
function validResults(value: unknown): BenchResult[] {
  if (!Array.isArray(value)) throw new Error('run() did not return an array');
  return value.map((entry: unknown, index) => {
    const r = entry as Partial<BenchResult> | null;
    if (
      r === null ||
      typeof r !== 'object' ||
      typeof r.scenario !== 'string' ||
      !isFiniteNumber(r.medianMs) ||
      !isFiniteNumber(r.minMs) ||
      !isFiniteNumber(r.maxMs)
    ) {
      throw new Error(`result #${index + 1} is not {scenario, medianMs, minMs, maxMs}`);
    }
    return r as BenchResult;
  });
}

/** Scenario modules in this directory, sorted by name. */
async function scenarioModules(): Promise<string[]> {
  const names = await readdir(BENCH_DIR);
  return names.filter((name) => name.endsWith(MODULE_SUFFIX)).sort();
}

async function runModule(file: string): Promise<Row[]> {
  const module = file.slice(0, -MODULE_SUFFIX.length);
  try {
    const loaded = (await import(pathToFileURL(join(BENCH_DIR, file)).href)) as {
      run?: unknown;
    };
    if (typeof loaded.run !== 'function') throw new Error(`${file} exports no run() function`);
    const results = validResults(await (loaded.run as () => Promise<unknown>)());
    if (results.length === 0) throw new Error('run() returned no results');
    return results.map((result) => ({ kind: 'result', module, result }));
  } catch (error) {
    return [{ kind: 'failed', module, error: errorText(error) }];
  }
}

async function baselineRows(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [name, measure] of [
    [NODE_BASELINE, nodeBaselineResult],
    [INK_BASELINE, inkBaselineResult],
  ] as const) {
    try {
      rows.push({ kind: 'result', module: 'baseline', result: await measure() });
    } catch (error) {
      rows.push({ kind: 'failed', module: `baseline: ${name}`, error: errorText(error) });
    }
  }
  return rows;
}

/** newsboat's version when it is on PATH, else null. */
function newsboatVersion(): string | null {
  const probe = spawnSync('newsboat', ['-v'], { encoding: 'utf8', timeout: 5_000 });
  if (probe.error !== undefined || probe.status !== 0) return null;
  return probe.stdout.split('\n')[0]?.trim() ?? 'newsboat';
}

interface Verdict {
  readonly text: string;
  readonly isMiss: boolean;
}

/** Pass/fail from a target such as "≤ 550 ms", "< 1 s" or "≤ 150 MiB", judged on the median. */
export function verdict(result: BenchResult): Verdict {
  if (result.target === undefined) return { text: '—', isMiss: false };
  // "≤ 1.6× Ink hello (64 MiB)": judged on the ratio the scenario measured against that baseline.
  const relative = /^\s*(≤|<=|<)\s*(\d+(?:\.\d+)?)\s*×/.exec(result.target);
  if (relative !== null) {
    if (result.ratio === undefined) return { text: '?', isMiss: false };
    const bound = Number(relative[2]);
    const isPass = relative[1] === '<' ? result.ratio < bound : result.ratio <= bound;
    return isPass ? { text: 'pass', isMiss: false } : { text: '**FAIL**', isMiss: true };
  }
  const match = /^\s*(≤|<=|<|≥|>=|>)\s*([\d,]+(?:\.\d+)?)\s*(ms|s|MiB)?\s*$/.exec(result.target);
  if (match === null) return { text: '?', isMiss: false };
  const [, op, rawLimit, targetUnit] = match;
  let limit = Number((rawLimit ?? '').replace(/,/g, ''));
  const unit = result.unit ?? 'ms';
  if (targetUnit === 's' && unit === 'ms') limit *= 1000;
  else if (targetUnit !== undefined && targetUnit !== unit) return { text: '?', isMiss: false };
  const value = result.medianMs;
  const isPass =
    op === '≤' || op === '<='
      ? value <= limit
      : op === '<'
        ? value < limit
        : op === '>'
          ? value > limit
          : value >= limit;
  return isPass ? { text: 'pass', isMiss: false } : { text: '**FAIL**', isMiss: true };
}

function formatValue(value: number, unit: 'ms' | 'MiB'): string {
  const digits = value >= 100 ? 0 : value >= 10 ? 1 : 2;
  const text = value.toLocaleString('en-US', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
  return `${text} ${unit}`;
}

function formatRange(result: BenchResult): string {
  const unit = result.unit ?? 'ms';
  const low = formatValue(result.minMs, unit).replace(` ${unit}`, '');
  return `${low}–${formatValue(result.maxMs, unit)}`;
}

function formatRatio(result: BenchResult): string {
  if (result.ratio === undefined) return '—';
  const to = result.ratioTo ?? NODE_BASELINE;
  if (to === result.scenario) return 'baseline';
  return `${result.ratio.toFixed(1)}× \`${to}\``;
}

/** A warning when other work competed for the CPU: wall times are then inflated. */
function busyWarning(info: Machine): string[] {
  const peak = Math.max(info.loadBefore[0] ?? 0, info.loadAfter[0] ?? 0);
  if (peak <= info.cores) return [];
  return [
    '',
    `> **The machine was busy during this run** (1-minute load average up to ${peak.toFixed(1)} on ${info.cores} cores):`,
    '> other processes competed for the CPU, so every wall time here is inflated, the baselines',
    '> included. The ratios to `node -e 0` are the fairer comparison; rerun `npm run bench` on a',
    '> quiet machine for absolute figures.',
  ];
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The whole Markdown report. */
function report(
  rows: readonly Row[],
  info: Machine,
  newsboat: string | null,
  modules: readonly string[],
): string {
  const results = rows.filter((row) => row.kind === 'result');
  const failed = rows.filter((row) => row.kind === 'failed');
  const misses = results.filter((row) => verdict(row.result).isMiss);
  const lines: string[] = [
    '# tidings benchmarks',
    '',
    'Written by `npm run bench` (bench/run.ts). Every figure below was measured in one run on the',
    'machine described here; ratios compare against baselines measured in that same run.',
    '',
    '## Machine',
    '',
    `- CPU: ${info.cpu}, ${info.cores} cores`,
    `- RAM: ${info.ramGiB.toFixed(1)} GiB`,
    `- Node: ${info.node} on ${info.os}`,
    `- Date: ${info.date}`,
    `- Load average (1/5/15 min) before: ${info.loadBefore.map((n) => n.toFixed(2)).join(' / ')}, after: ${info.loadAfter.map((n) => n.toFixed(2)).join(' / ')}`,
    `- Peak RSS measured with ${rssMethod()}`,
    ...busyWarning(info),
    '',
    '## Results',
    '',
    'Median of repeated runs; process scenarios time the whole command from spawn to exit.',
    'Pass/fail compares the median with the target. A ratio to `node -e 0, paired` is the median',
    'over runs of (run time ÷ the time of a `node -e 0` spawned just before it), which stays',
    'meaningful when the load on the machine changes during the run.',
    '',
    '| Scenario | Median | Min–max | Runs | Target | Result | Ratio |',
    '| --- | ---: | ---: | ---: | --- | --- | ---: |',
  ];
  for (const row of rows) {
    if (row.kind === 'failed') {
      lines.push(`| ${cell(row.module)} | — | — | — | — | **FAILED TO RUN** | — |`);
      continue;
    }
    const r = row.result;
    lines.push(
      `| ${cell(r.scenario)} | ${formatValue(r.medianMs, r.unit ?? 'ms')} | ${formatRange(r)} | ${r.samples ?? '—'} | ${cell(r.target ?? '—')} | ${verdict(r).text} | ${cell(formatRatio(r))} |`,
    );
  }
  lines.push(
    '',
    `Summary: ${results.length} figures, ${misses.length} missed target${misses.length === 1 ? '' : 's'}, ${failed.length} scenario${failed.length === 1 ? '' : 's'} failed to run.`,
    '',
    '## Notes',
    '',
  );
  for (const row of results) {
    if (row.result.note !== undefined)
      lines.push(`- **${row.result.scenario}**: ${row.result.note}`);
  }
  for (const row of failed) lines.push(`- **${row.module}** failed: ${row.error}`);
  lines.push(
    `- newsboat: ${newsboat === null ? "not installed on this machine, so not measured; the newsboat figures quoted in the notes are issue 2's reference numbers, not measurements of this run" : `${newsboat} is installed but this harness does not drive it yet; the quoted newsboat figures are issue 2's reference numbers`}.`,
    `- Scenario modules run: ${modules.map((m) => `\`bench/${m}\``).join(', ')}.`,
    '- The feed server runs in its own process on the same machine, so on 2 cores it competes',
    '  with the measured CLI for CPU, as any local server would.',
    '',
  );
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const isNoWrite = args.includes('--no-write');
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const info = machine();
  const all = await scenarioModules();
  const modules =
    filters.length === 0 ? all : all.filter((file) => filters.some((f) => file.includes(f)));
  if (modules.length === 0) throw new Error(`no scenario module matches ${filters.join(', ')}`);

  const rows: Row[] = [];
  process.stderr.write('bench: baselines…\n');
  rows.push(...(await baselineRows()));
  for (const file of modules) {
    const started = performance.now();
    process.stderr.write(`bench: ${file}…\n`);
    const moduleRows = await runModule(file);
    rows.push(...moduleRows);
    const failures = moduleRows.filter((row) => row.kind === 'failed');
    process.stderr.write(
      `bench: ${file} ${failures.length > 0 ? 'FAILED' : 'done'} in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
    );
  }
  info.loadAfter = loadavg();
  // Formatted as the repo's Prettier config wants it, so `npm run check` passes on the report.
  const markdown = await format(report(rows, info, newsboatVersion(), modules), {
    ...((await resolveConfig(REPORT_PATH)) ?? {}),
    parser: 'markdown',
  });
  process.stdout.write(markdown);
  if (filters.length === 0 && !isNoWrite) {
    await writeFile(REPORT_PATH, markdown);
    process.stderr.write(`bench: wrote ${REPORT_PATH}\n`);
  }
  if (rows.some((row) => row.kind === 'failed')) process.exitCode = 1;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await main();
}
