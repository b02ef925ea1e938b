// Refresh bench: the whole `tidings fetch --catalog FILE` process over 100 generated feeds × 50
// items (~14 MB of XML) served from a separate local server process: cold (empty cache), warm
// (every feed answers 304) and cold with 50 ms added per request; plus the CLI's peak RSS.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli } from './cli-path.js';
import {
  startBenchFeedServer,
  writeBenchCatalog,
  type BenchFeedServer,
} from './feed-server-client.js';
import {
  PAIRED_BASELINE,
  childEnv,
  cpuNote,
  pairedRatio,
  runNodePaired,
  type ProcessRun,
} from './measure-process.js';
import { summarize } from './stats.js';
import type { BenchResult } from './types.js';

const COLD_RUNS = 7;
const WARM_RUNS = 9;
const LATENCY_MS = 50;

interface Expect {
  readonly ok: number;
  readonly notModified: number;
}

/** Runs one fetch and checks that it did the work it is timed for (so a broken run never counts). */
async function timedFetch(
  server: BenchFeedServer,
  cli: string,
  catalog: string,
  home: string,
  expect: Expect,
  extraEnv: Record<string, string> = {},
): Promise<ProcessRun> {
  await server.resetStats();
  const run = await runNodePaired([cli, 'fetch', '--catalog', catalog], {
    ...childEnv(home),
    ...extraEnv,
  });
  const feeds = server.feedUrls.length;
  const summary = run.stdout.trim().split('\n').at(-1) ?? '';
  const expected = `${feeds} feeds: ${expect.ok} ok, ${expect.notModified} not modified, 0 failed`;
  if (run.code !== 0 || summary !== expected) {
    throw new Error(
      `fetch exited ${run.code} with "${summary}" (expected "${expected}"): ${run.stderr.trim().split('\n')[0] ?? ''}`,
    );
  }
  const stats = await server.stats();
  if (stats.ok !== expect.ok || stats.notModified !== expect.notModified) {
    throw new Error(
      `server saw ${stats.ok} × 200 and ${stats.notModified} × 304, expected ${expect.ok} and ${expect.notModified}`,
    );
  }
  return run;
}

async function coldRuns(
  server: BenchFeedServer,
  cli: string,
  catalog: string,
  count: number,
  extraEnv: Record<string, string> = {},
): Promise<ProcessRun[]> {
  const feeds = server.feedUrls.length;
  const runs: ProcessRun[] = [];
  for (let i = 0; i < count; i += 1) {
    const home = await mkdtemp(join(tmpdir(), 'tidings-bench-refresh-'));
    try {
      runs.push(
        await timedFetch(server, cli, catalog, home, { ok: feeds, notModified: 0 }, extraEnv),
      );
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  }
  return runs;
}

function rssMiB(runs: readonly ProcessRun[]): number[] {
  return runs.flatMap((run) => (run.maxRssKiB === null ? [] : [run.maxRssKiB / 1024]));
}

export async function run(): Promise<BenchResult[]> {
  const cli = requireBuiltCli();
  const server = await startBenchFeedServer();
  const work = await mkdtemp(join(tmpdir(), 'tidings-bench-refresh-work-'));
  try {
    const catalog = join(work, 'catalog.json');
    await writeBenchCatalog(catalog, server.feedUrls);
    const feeds = server.feedUrls.length;
    const kinds = server.ready.feeds.map((feed) => feed.kind);
    const workload = `${feeds} feeds × ${server.ready.totalItems / feeds} items, ${(server.ready.totalBytes / 1e6).toFixed(1)} MB XML (${kinds.filter((k) => k === 'atom').length} Atom, ${kinds.filter((k) => k === 'rss-gbk').length} GBK), concurrency 8`;

    await coldRuns(server, cli, catalog, 1); // warm-up: page cache and server JIT, not counted
    const cold = await coldRuns(server, cli, catalog, COLD_RUNS);
    // The same cold refresh with every feed parsed on the main thread: the worker pool's baseline.
    const mainThread = await coldRuns(server, cli, catalog, COLD_RUNS, {
      TIDINGS_FEED_READERS: '0',
    });

    const warmHome = await mkdtemp(join(tmpdir(), 'tidings-bench-refresh-warm-'));
    const warm: ProcessRun[] = [];
    try {
      await timedFetch(server, cli, catalog, warmHome, { ok: feeds, notModified: 0 });
      for (let i = 0; i < WARM_RUNS; i += 1) {
        warm.push(await timedFetch(server, cli, catalog, warmHome, { ok: 0, notModified: feeds }));
      }
    } finally {
      await rm(warmHome, { recursive: true, force: true });
    }

    await server.setLatency(LATENCY_MS);
    const slow = await coldRuns(server, cli, catalog, COLD_RUNS);
    await server.setLatency(0);

    const coldResult = summarize(
      'refresh: cold (empty cache)',
      cold.map((r) => r.ms),
      {
        target: '≤ 550 ms',
        note: `${workload}; fresh TIDINGS_HOME per run${cpuNote(cold)}; newsboat 2.21 (issue 2 reference, not measured here): 966 ms`,
      },
    );
    const warmResult = summarize(
      'refresh: warm (all 304)',
      warm.map((r) => r.ms),
      {
        target: '≤ 200 ms',
        note: `same feeds, every one answers 304 to If-None-Match${cpuNote(warm)}; newsboat reference: 401 ms`,
      },
    );
    const slowResult = summarize(
      `refresh: cold, +${LATENCY_MS} ms per request`,
      slow.map((r) => r.ms),
      {
        target: '≤ 900 ms',
        note: `server waits ${LATENCY_MS} ms before each answer${cpuNote(slow)}; newsboat reference: 6,200 ms (1,270 ms with 8 reload threads)`,
      },
    );
    const mainThreadResult = summarize(
      'refresh: cold, parsed on the main thread (TIDINGS_FEED_READERS=0)',
      mainThread.map((r) => r.ms),
      { note: `baseline for the feed-reader workers${cpuNote(mainThread)}` },
    );
    const results: BenchResult[] = [];
    for (const [result, runs] of [
      [mainThreadResult, mainThread],
      [coldResult, cold],
      [warmResult, warm],
      [slowResult, slow],
    ] as const) {
      const ratio = pairedRatio(runs);
      results.push(ratio === undefined ? result : { ...result, ratio, ratioTo: PAIRED_BASELINE });
    }
    const mainMedian = mainThreadResult.medianMs;
    const coldIndex = results.findIndex((r) => r.scenario === coldResult.scenario);
    const coldWithRatio = results[coldIndex];
    if (coldWithRatio !== undefined && mainMedian > 0) {
      results[coldIndex] = {
        ...coldWithRatio,
        note: `${coldWithRatio.note ?? ''}; ${(coldWithRatio.medianMs / mainMedian).toFixed(2)}× the same refresh parsed on the main thread`,
      };
    }
    const memory: [string, ProcessRun[]][] = [
      ['cold', cold],
      ['cold, main thread', mainThread],
      ['warm', warm],
      [`cold +${LATENCY_MS} ms`, slow],
    ];
    for (const [label, runs] of memory) {
      const samples = rssMiB(runs);
      if (samples.length === 0) continue;
      results.push(
        summarize(`refresh: peak RSS (${label})`, samples, {
          unit: 'MiB',
          target: '≤ 150 MiB',
          note: 'maximum resident set size of the fetch process',
        }),
      );
    }
    return results;
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) console.log(JSON.stringify(result));
}
