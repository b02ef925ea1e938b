// Runs a child process and measures it as a user would feel it: wall time from spawn to exit, and
// its peak resident memory. Peak RSS comes from `/usr/bin/time -v` when present, else from a tiny
// `--import` preload that writes `process.resourceUsage().maxRSS` to a file on exit (Node only).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GNU_TIME = '/usr/bin/time';

/** One run of a child process. */
export interface ProcessRun {
  readonly ms: number;
  /** Peak RSS in KiB, or null when it could not be measured. */
  readonly maxRssKiB: number | null;
  /** User + system CPU time of the child in ms (GNU time only; else null). Less sensitive to load. */
  readonly cpuMs: number | null;
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall time of a `node -e 0` run right before this one (runNodePaired only). */
  readonly baselineMs?: number;
}

/** How peak RSS is measured on this machine, for the report. */
export function rssMethod(): string {
  return existsSync(GNU_TIME)
    ? '/usr/bin/time -v (Maximum resident set size)'
    : 'process.resourceUsage().maxRSS written on exit by an --import preload';
}

let preloadDir: Promise<string> | null = null;

async function rssPreload(): Promise<string> {
  preloadDir ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-bench-rss-'));
    await writeFile(
      join(dir, 'report-rss.mjs'),
      [
        "import { writeFileSync } from 'node:fs';",
        "process.on('exit', () => {",
        '  const file = process.env.TIDINGS_BENCH_RSS_FILE;',
        '  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));',
        '});',
        '',
      ].join('\n'),
    );
    return dir;
  })();
  return join(await preloadDir, 'report-rss.mjs');
}

/**
 * Runs `node <args>` (the same Node as the bench) with the given environment and measures it.
 * The wall time includes process start-up and exit, as for a user typing the command.
 */
export async function runNode(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<ProcessRun> {
  const childEnv: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) childEnv[key] = value;
  let command: string;
  let argv: string[];
  let rssFile: string | null = null;
  if (existsSync(GNU_TIME)) {
    command = GNU_TIME;
    argv = ['-v', process.execPath, ...args];
  } else {
    const preload = await rssPreload();
    rssFile = join(tmpdir(), `tidings-bench-rss-${process.pid}-${Date.now()}.txt`);
    childEnv['TIDINGS_BENCH_RSS_FILE'] = rssFile;
    command = process.execPath;
    argv = ['--import', pathToFileURL(preload).href, ...args];
  }
  const started = performance.now();
  const child = spawn(command, argv, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (exitCode) => resolve(exitCode));
  });
  const ms = performance.now() - started;
  let errText = Buffer.concat(stderr).toString('utf8');
  let maxRssKiB: number | null = null;
  let cpuMs: number | null = null;
  if (rssFile === null) {
    // GNU time appends its report to stderr; cut it off so callers see only the child's stderr.
    const marker = errText.lastIndexOf('\tCommand being timed:');
    const report = marker >= 0 ? errText.slice(marker) : '';
    if (marker >= 0) {
      errText = errText
        .slice(0, marker)
        .replace(/Command (exited with non-zero status|terminated by signal) \d+\n$/, '');
    }
    const match = /Maximum resident set size \(kbytes\): (\d+)/.exec(report);
    if (match?.[1] !== undefined) maxRssKiB = Number(match[1]);
    const user = /User time \(seconds\): ([\d.]+)/.exec(report)?.[1];
    const system = /System time \(seconds\): ([\d.]+)/.exec(report)?.[1];
    if (user !== undefined && system !== undefined) cpuMs = (Number(user) + Number(system)) * 1000;
  } else {
    try {
      maxRssKiB = Number(await readFile(rssFile, 'utf8'));
    } catch {
      maxRssKiB = null;
    }
    await rm(rssFile, { force: true });
  }
  return {
    ms,
    maxRssKiB,
    cpuMs,
    code,
    stdout: Buffer.concat(stdout).toString('utf8'),
    stderr: errText,
  };
}

/** The environment for a measured tidings child: no CI (Ink), no colour, a private home. */
export function childEnv(home: string): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    TIDINGS_HOME: home,
    NO_COLOR: '1',
  };
  delete env['CI'];
  delete env['NODE_OPTIONS'];
  delete env['TIDINGS_DEBUG'];
  return env;
}

/** "; CPU user+sys median N ms" for a report note, or "" when CPU time was not measured. */
export function cpuNote(runs: readonly ProcessRun[]): string {
  const samples = runs.flatMap((run) => (run.cpuMs === null ? [] : [run.cpuMs]));
  if (samples.length === 0) return '';
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = sorted[Math.floor(sorted.length / 2)] ?? 0;
  return `; CPU time (user+sys) median ${Math.round(middle)} ms`;
}

/** The baseline named by {@link pairedRatio}. */
export const PAIRED_BASELINE = 'node -e 0, paired';

/**
 * Runs `node -e 0` and then `node <args>`, both measured the same way. Pairing each run with a
 * baseline taken seconds earlier keeps the ratio meaningful when the machine's load changes.
 */
export async function runNodePaired(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): Promise<ProcessRun> {
  const baseline = await runNode(['-e', '0'], env);
  if (baseline.code !== 0) throw new Error(`node -e 0 exited ${baseline.code}`);
  return { ...(await runNode(args, env)), baselineMs: baseline.ms };
}

/** The median of each run's time over its paired `node -e 0` time, or undefined when unpaired. */
export function pairedRatio(runs: readonly ProcessRun[]): number | undefined {
  const ratios = runs.flatMap((run) =>
    run.baselineMs === undefined || run.baselineMs <= 0 ? [] : [run.ms / run.baselineMs],
  );
  if (ratios.length === 0) return undefined;
  const sorted = ratios.sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
