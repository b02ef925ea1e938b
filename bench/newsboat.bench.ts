// newsboat, the reader tidings means to beat, over the same workloads when it is installed (the
// issues quote its figures; here they are measured in the same run): refresh cold, warm (all 304)
// and cold with 50 ms per request (1 and 8 reload threads), and printing the unread count over the
// 5,000 cached items. Skipped, with a note, where newsboat is not on the PATH.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBenchFeedServer, type BenchFeedServer } from './feed-server-client.js';
import { summarize } from './stats.js';
import type { BenchResult } from './types.js';

const COLD_RUNS = 5;
const WARM_RUNS = 7;
const SLOW_RUNS = 3;
const UNREAD_RUNS = 9;
const LATENCY_MS = 50;
const GNU_TIME = '/usr/bin/time';

interface Run {
  readonly ms: number;
  readonly maxRssKiB: number | null;
  readonly stdout: string;
  readonly code: number | null;
}

function newsboatVersion(): string | null {
  const probe = spawnSync('newsboat', ['--version'], { encoding: 'utf8' });
  if (probe.error !== undefined || probe.status !== 0) return null;
  return /newsboat ([\d.]+)/.exec(probe.stdout)?.[1] ?? 'unknown';
}

/** Runs newsboat with its own home, config, URL list and cache; whole process timed. */
async function runNewsboat(
  dir: string,
  cache: string,
  config: string,
  command: string,
): Promise<Run> {
  const args = ['-u', join(dir, 'urls'), '-c', cache, '-C', config, '-x', command];
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime
    ? [GNU_TIME, ['-f', 'tidings-bench-rss %M', 'newsboat', ...args]]
    : ['newsboat', args];
  const started = performance.now();
  const child = spawn(file, argv, {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', HOME: dir, LANG: 'C.UTF-8' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('close', resolve);
  });
  const ms = performance.now() - started;
  const rss = /tidings-bench-rss (\d+)/.exec(stderr)?.[1];
  return { ms, maxRssKiB: rss === undefined ? null : Number(rss), stdout, code };
}

async function coldRuns(
  server: BenchFeedServer,
  dir: string,
  config: string,
  count: number,
): Promise<Run[]> {
  const runs: Run[] = [];
  for (let i = 0; i < count; i += 1) {
    const cache = join(dir, `cold-${i}-${Date.now()}.db`);
    await server.resetStats();
    const run = await runNewsboat(dir, cache, config, 'reload');
    const stats = await server.stats();
    await rm(cache, { force: true });
    if (run.code !== 0 || stats.ok !== server.feedUrls.length) {
      throw new Error(`newsboat reload exited ${run.code}; server saw ${stats.ok} × 200`);
    }
    runs.push(run);
  }
  return runs;
}

function rssNote(runs: readonly Run[]): string {
  const rss = runs.flatMap((r) => (r.maxRssKiB === null ? [] : [r.maxRssKiB / 1024]));
  return rss.length === 0
    ? ''
    : `; peak RSS ${Math.round(Math.min(...rss))}–${Math.round(Math.max(...rss))} MiB`;
}

export async function run(): Promise<BenchResult[]> {
  const version = newsboatVersion();
  if (version === null) return [];
  const dir = await mkdtemp(join(tmpdir(), 'tidings-bench-newsboat-'));
  const server = await startBenchFeedServer();
  try {
    await writeFile(join(dir, 'urls'), `${server.feedUrls.join('\n')}\n`);
    const oneThread = join(dir, 'config-1');
    const eightThreads = join(dir, 'config-8');
    await writeFile(oneThread, 'reload-threads 1\n');
    await writeFile(eightThreads, 'reload-threads 8\n');
    const feeds = server.feedUrls.length;
    const label = `newsboat ${version}`;

    await coldRuns(server, dir, oneThread, 1); // warm-up, not counted
    const cold = await coldRuns(server, dir, oneThread, COLD_RUNS);
    const cold8 = await coldRuns(server, dir, eightThreads, COLD_RUNS);

    const warmCache = join(dir, 'warm.db');
    await runNewsboat(dir, warmCache, oneThread, 'reload');
    const warm: Run[] = [];
    let notModified = 0;
    for (let i = 0; i < WARM_RUNS; i += 1) {
      await server.resetStats();
      const run = await runNewsboat(dir, warmCache, oneThread, 'reload');
      if (run.code !== 0) throw new Error(`newsboat warm reload exited ${run.code}`);
      notModified = (await server.stats()).notModified;
      warm.push(run);
    }
    const unread: Run[] = [];
    for (let i = 0; i < UNREAD_RUNS; i += 1) {
      const run = await runNewsboat(dir, warmCache, oneThread, 'print-unread');
      if (run.code !== 0 || !/^\d+ unread articles/.test(run.stdout)) {
        throw new Error(`newsboat print-unread: exit ${run.code}, "${run.stdout.trim()}"`);
      }
      unread.push(run);
    }

    await server.setLatency(LATENCY_MS);
    const slow = await coldRuns(server, dir, oneThread, SLOW_RUNS);
    const slow8 = await coldRuns(server, dir, eightThreads, SLOW_RUNS);
    await server.setLatency(0);

    const ms = (runs: readonly Run[]): number[] => runs.map((r) => r.ms);
    return [
      summarize(`${label}: refresh, cold`, ms(cold), {
        note: `newsboat -x reload, 1 reload thread (its default), fresh cache per run, ${feeds} feeds${rssNote(cold)}`,
      }),
      summarize(`${label}: refresh, cold, 8 reload threads`, ms(cold8), {
        note: `reload-threads 8 (tidings fetches 8 at a time)${rssNote(cold8)}`,
      }),
      summarize(`${label}: refresh, warm`, ms(warm), {
        note: `the server answered ${notModified} of ${feeds} requests with 304 in the last run${rssNote(warm)}`,
      }),
      summarize(`${label}: refresh, cold, +${LATENCY_MS} ms per request`, ms(slow), {
        note: `1 reload thread${rssNote(slow)}`,
      }),
      summarize(
        `${label}: refresh, cold, +${LATENCY_MS} ms per request, 8 reload threads`,
        ms(slow8),
        {
          note: `reload-threads 8${rssNote(slow8)}`,
        },
      ),
      summarize(`${label}: print the unread count (5,000 cached items)`, ms(unread), {
        note: `newsboat -x print-unread: "${unread[0]?.stdout.trim() ?? ''}"${rssNote(unread)}`,
      }),
    ];
  } finally {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) console.log(JSON.stringify(result));
}
