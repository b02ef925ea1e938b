// List bench: the whole `tidings list --json --catalog FILE` process over 5,000 cached items
// (100 generated feeds × 50, put in the cache by one real fetch first). Target ≤ 150 ms: list must
// not load Ink or React.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireBuiltCli } from './cli-path.js';
import { startBenchFeedServer, writeBenchCatalog } from './feed-server-client.js';
import {
  PAIRED_BASELINE,
  childEnv,
  cpuNote,
  pairedRatio,
  runNode,
  runNodePaired,
  type ProcessRun,
} from './measure-process.js';
import { summarize } from './stats.js';
import type { BenchResult } from './types.js';

const RUNS = 11;

export async function run(): Promise<BenchResult[]> {
  const cli = requireBuiltCli();
  const home = await mkdtemp(join(tmpdir(), 'tidings-bench-list-'));
  const catalog = join(home, 'bench-catalog.json');
  let expected: number;
  const server = await startBenchFeedServer();
  try {
    await writeBenchCatalog(catalog, server.feedUrls);
    expected = server.ready.totalItems;
    const fetched = await runNode([cli, 'fetch', '--catalog', catalog], childEnv(home));
    if (fetched.code !== 0)
      throw new Error(`populating fetch exited ${fetched.code}: ${fetched.stderr.trim()}`);
  } finally {
    // list never touches the network: the server is gone before anything is timed.
    await server.close();
  }
  try {
    const args = [cli, 'list', '--json', '--catalog', catalog];
    const env = childEnv(home);
    const first = await runNode(args, env); // warm-up, and the check that all items are listed
    const rows = first.code === 0 ? (JSON.parse(first.stdout) as unknown[]) : [];
    if (rows.length !== expected) {
      throw new Error(
        `list --json printed ${rows.length} items (exit ${first.code}), expected ${expected}: ${first.stderr.trim()}`,
      );
    }
    const runs: ProcessRun[] = [];
    const times: number[] = [];
    const rss: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      const listed = await runNodePaired(args, env);
      if (listed.code !== 0) throw new Error(`list exited ${listed.code}: ${listed.stderr.trim()}`);
      runs.push(listed);
      times.push(listed.ms);
      if (listed.maxRssKiB !== null) rss.push(listed.maxRssKiB / 1024);
    }
    const bytes = Buffer.byteLength(first.stdout);
    const rssNote =
      rss.length > 0
        ? `; peak RSS ${Math.round(Math.min(...rss))}–${Math.round(Math.max(...rss))} MiB`
        : '';
    const result = summarize(
      `list --json (${expected.toLocaleString('en-US')} cached items)`,
      times,
      {
        target: '≤ 150 ms',
        note: `${RUNS} runs, stdout ${(bytes / 1e6).toFixed(1)} MB of JSON to a pipe, 4 channels + 3 keyword regions resolved per item${rssNote}${cpuNote(runs)}`,
      },
    );
    const ratio = pairedRatio(runs);
    return [ratio === undefined ? result : { ...result, ratio, ratioTo: PAIRED_BASELINE }];
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) console.log(JSON.stringify(result));
}
