// Baselines measured in the same run as the scenarios, so ratios compare like with like on this
// machine at this moment: `node -e 0` (the floor for any Node CLI) and a one-line bundled Ink app
// (the floor for a full-screen UI). Each is measured once per bench process and shared.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { childEnv, cpuNote, runNode, type ProcessRun } from './measure-process.js';
import { summarize } from './stats.js';
import type { BenchResult } from './types.js';
import { nodeBundleOptions, requireBanner } from '../scripts/esbuild-options.mjs';

export const NODE_BASELINE = 'node -e 0';
export const INK_BASELINE = 'one-line bundled Ink app';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 15;

async function measure(
  scenario: string,
  args: readonly string[],
  note: string,
): Promise<BenchResult> {
  const home = await mkdtemp(join(tmpdir(), 'tidings-bench-baseline-'));
  try {
    const env = childEnv(home);
    await runNode(args, env); // warm-up: file cache, not counted
    const runs: ProcessRun[] = [];
    const times: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const run = await runNode(args, env);
      if (run.code !== 0) throw new Error(`${scenario} exited ${run.code}: ${run.stderr.trim()}`);
      runs.push(run);
      times.push(run.ms);
      if (run.maxRssKiB !== null) rss.push(run.maxRssKiB / 1024);
    }
    const rssNote =
      rss.length > 0
        ? `; peak RSS ${Math.round(Math.min(...rss))}–${Math.round(Math.max(...rss))} MiB`
        : '';
    return summarize(scenario, times, {
      note: `${note}${rssNote}${cpuNote(runs)}`,
      ratio: 1,
      ratioTo: scenario,
    });
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** Bundles `render(<Text>tidings</Text>)` + unmount the way scripts/build.mjs bundles the CLI. */
async function bundleInkApp(dir: string): Promise<string> {
  const outfile = join(dir, 'ink-hello.mjs');
  await build({
    stdin: {
      contents: [
        "import React from 'react';",
        "import { render, Text } from 'ink';",
        "const app = render(React.createElement(Text, null, 'tidings'));",
        'app.unmount();',
      ].join('\n'),
      resolveDir: REPO_ROOT,
      loader: 'js',
    },
    outfile,
    ...nodeBundleOptions,
    define: { 'process.env.NODE_ENV': '"production"' },
    banner: { js: requireBanner },
  });
  return outfile;
}

let nodeBaseline: Promise<BenchResult> | null = null;
let inkBaseline: Promise<BenchResult> | null = null;

/** `node -e 0`, spawned and timed exactly like the measured CLI runs. */
export function nodeBaselineResult(): Promise<BenchResult> {
  nodeBaseline ??= measure(
    NODE_BASELINE,
    ['-e', '0'],
    `${RUNS} runs, whole process, same spawn path as the CLI runs`,
  );
  return nodeBaseline;
}

/** A one-line Ink app (bundled with esbuild like dist/cli.js): renders one Text and exits. */
export function inkBaselineResult(): Promise<BenchResult> {
  inkBaseline ??= (async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-bench-ink-'));
    try {
      const file = await bundleInkApp(dir);
      return await measure(
        INK_BASELINE,
        [file],
        `${RUNS} runs; render(<Text>) then unmount, stdout a pipe`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  })();
  return inkBaseline;
}

/** Ratio of a median to the `node -e 0` median measured in this run. */
export async function ratioToNode(medianMs: number): Promise<number> {
  return medianMs / (await nodeBaselineResult()).medianMs;
}
