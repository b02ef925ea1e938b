// Floors: the least any implementation on the required stack pays for the refresh and list
// workloads, each measured as a whole small process in the same run as the scenarios, so the
// report can say how far a target sits from what the stack itself costs:
// - parse: a bundled script that only runs rss-parser's parseString (the required parser) over the
//   100 workload feeds read from disk: no fetch, no normalizing, no cache;
// - fetch 304s: a script that only sends the 100 conditional GETs of a warm refresh with Node's
//   fetch (the required client) and gets 304s;
// - list: a script that only reads and parses the 100 cached item files and prints them as JSON,
//   and `tidings --version`, which only loads the bundle.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { requireBuiltCli } from './cli-path.js';
import { startBenchFeedServer, writeBenchCatalog } from './feed-server-client.js';
import { childEnv, cpuNote, runNode, type ProcessRun } from './measure-process.js';
import { summarize } from './stats.js';
import type { BenchResult } from './types.js';
import { nodeBundleOptions, requireBanner } from '../scripts/esbuild-options.mjs';

const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 7;

const PARSE_SCRIPT = `
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Parser from 'rss-parser';
const dir = process.argv[2];
let items = 0;
for (const name of readdirSync(dir).sort()) {
  const bytes = readFileSync(join(dir, name));
  const text = new TextDecoder(name.endsWith('.gbk.xml') ? 'gb18030' : 'utf-8').decode(bytes);
  items += (await new Parser().parseString(text)).items.length;
}
console.log(items);
`;

const FETCH_SCRIPT = `
import { readFileSync } from 'node:fs';
const feeds = JSON.parse(readFileSync(process.argv[2], 'utf8'));
let next = 0;
let notModified = 0;
async function worker() {
  while (next < feeds.length) {
    const { url, etag } = feeds[next++];
    const response = await fetch(url, { headers: { 'if-none-match': etag } });
    await response.arrayBuffer();
    if (response.status === 304) notModified += 1;
  }
}
await Promise.all(Array.from({ length: 8 }, worker));
console.log(notModified);
`;

const LIST_SCRIPT = `
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
const dir = process.argv[2];
const rows = [];
for (const name of readdirSync(dir)) {
  if (!name.endsWith('.items.json')) continue;
  for (const item of JSON.parse(readFileSync(join(dir, name), 'utf8')).items) rows.push(item);
}
rows.sort((a, b) => (a.published < b.published ? 1 : a.published > b.published ? -1 : 0));
process.stdout.write('[\\n' + rows.map((row) => JSON.stringify(row)).join(',\\n') + '\\n]\\n');
`;

async function bundle(dir: string, name: string, contents: string): Promise<string> {
  const outfile = join(dir, name);
  await build({
    stdin: { contents, resolveDir: REPO_ROOT, loader: 'js' },
    outfile,
    ...nodeBundleOptions,
    minifyWhitespace: true,
    minifySyntax: true,
    banner: { js: requireBanner },
  });
  return outfile;
}

async function measure(
  scenario: string,
  args: readonly string[],
  home: string,
  expectOut: (stdout: string) => boolean,
  options: { target?: string; note: string },
): Promise<BenchResult> {
  const env = childEnv(home);
  await runNode(args, env); // warm-up: file cache
  const runs: ProcessRun[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = await runNode(args, env);
    if (run.code !== 0 || !expectOut(run.stdout)) {
      throw new Error(`${scenario}: exit ${run.code}, stdout ${run.stdout.slice(0, 80)}`);
    }
    runs.push(run);
  }
  return summarize(
    scenario,
    runs.map((r) => r.ms),
    { ...options, note: `${options.note}${cpuNote(runs)}` },
  );
}

export async function run(): Promise<BenchResult[]> {
  const cli = requireBuiltCli();
  const work = await mkdtemp(join(tmpdir(), 'tidings-bench-floors-'));
  const server = await startBenchFeedServer();
  try {
    const feedsDir = join(work, 'feeds');
    const home = join(work, 'home');
    const catalog = join(work, 'catalog.json');
    await writeBenchCatalog(catalog, server.feedUrls);
    const validators: { url: string; etag: string }[] = [];
    const { mkdir } = await import('node:fs/promises');
    await mkdir(feedsDir, { recursive: true });
    for (const [index, url] of server.feedUrls.entries()) {
      const response = await fetch(url);
      const kind = server.ready.feeds[index]?.kind ?? 'rss';
      const name = `${String(index).padStart(3, '0')}${kind === 'rss-gbk' ? '.gbk' : ''}.xml`;
      await writeFile(join(feedsDir, name), Buffer.from(await response.arrayBuffer()));
      validators.push({ url, etag: response.headers.get('etag') ?? '' });
    }
    const validatorsFile = join(work, 'validators.json');
    await writeFile(validatorsFile, JSON.stringify(validators));
    const populated = await runNode([cli, 'fetch', '--catalog', catalog], childEnv(home));
    if (populated.code !== 0) throw new Error(`populating fetch exited ${populated.code}`);

    const parseScript = await bundle(work, 'parse-floor.mjs', PARSE_SCRIPT);
    const fetchScript = await bundle(work, 'fetch-floor.mjs', FETCH_SCRIPT);
    const listScript = await bundle(work, 'list-floor.mjs', LIST_SCRIPT);
    const feeds = server.feedUrls.length;
    const items = server.ready.totalItems;
    const cacheDir = join(home, 'cache', 'feeds');
    const cachedFiles = (await readdir(cacheDir)).filter((n) => n.endsWith('.items.json'));
    if (cachedFiles.length !== feeds) throw new Error(`cache holds ${cachedFiles.length} feeds`);

    return [
      await measure(
        'floor: rss-parser parseString alone over the refresh workload',
        [parseScript, feedsDir],
        home,
        (out) => out.trim() === String(items),
        {
          note: `a bundled script: read ${feeds} feed files, decode, parseString each; no fetch, normalize or cache. The cold refresh (target ≤ 550 ms) cannot be faster on one core`,
        },
      ),
      await measure(
        'floor: Node fetch alone, the warm refresh’s 100 conditional GETs (all 304)',
        [fetchScript, validatorsFile],
        home,
        (out) => out.trim() === String(feeds),
        {
          note: 'a bundled script: 100 fetch() calls with If-None-Match, 8 at a time, nothing else. The warm refresh (target ≤ 200 ms) cannot be faster',
        },
      ),
      await measure(
        'floor: read, parse and print the 5,000 cached items as JSON, no bundle',
        [listScript, cacheDir],
        home,
        (out) => out.startsWith('[\n{'),
        {
          note: 'a 12-line script over the same cache files `list --json` reads; with the next row, the floor of list (target ≤ 150 ms)',
        },
      ),
      await measure(
        'floor: tidings --version (loads the one-file bundle, nothing else)',
        [cli, '--version'],
        home,
        (out) => /^\d+\.\d+\.\d+/.test(out.trim()),
        { note: 'what every command pays to read and compile dist/cli.js' },
      ),
    ];
  } finally {
    await server.close();
    await rm(work, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const result of await run()) console.log(JSON.stringify(result));
}
