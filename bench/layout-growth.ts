// Linear growth of the article layout, measured apart from `npm run bench`: the cold layout +
// pagination of the bench's generated Chinese article at 100k and at 1M characters, each in a fresh
// Node process (so one size's garbage cannot tax the other), several processes per size; reports
// the medians, their ratio (issue 4: ≤ 11×) and the collections (`--trace-gc`) inside the timed
// layout.
//
//   node --import tsx bench/layout-growth.ts [runs]        (default 7 processes per size)
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Article } from '../src/core/articles/article.js';
import { layoutArticle } from '../src/core/articles/layout-article.js';
import { paginate } from '../src/core/articles/paginate.js';
import { chineseArticle } from './chinese-article.js';

const ROWS = 32;
const BEGIN = '@@layout-begin';
const END = '@@layout-end';

/** Layout, pagination, and the first page's lines as the reader shows them. */
function layoutOnce(article: Article): number {
  const layout = layoutArticle({ ...article }, { width: 80, paragraphGap: 1 });
  const pages = paginate(layout.store, ROWS);
  const first = pages[0] ?? { start: 0, end: 0 };
  const shown = layout.store.slice(first.start, first.end);
  return shown.length === 0 ? 0 : pages.length;
}

/** In the child: one cold layout of a `chars`-character article, after a JIT warm-up at 10k. */
function child(chars: number): void {
  const warm = chineseArticle(10_000);
  for (let i = 0; i < 20; i += 1) layoutOnce(warm);
  const article = chineseArticle(chars);
  (globalThis as { gc?: () => void }).gc?.();
  process.stdout.write(`${BEGIN}\n`);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const pages = layoutOnce(article);
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  process.stdout.write(`${END}\n`);
  process.stdout.write(
    `${JSON.stringify({ chars, pages, wall, cpu: (used.user + used.system) / 1000 })}\n`,
  );
}

interface Sample {
  wall: number;
  cpu: number;
  scavenges: number;
  markCompacts: number;
  /** Pause time of the collections in the timed layout, in ms. */
  gcMs: number;
}

function spawn(chars: number, traceGc: boolean): Sample {
  const args = [
    '--expose-gc',
    ...(traceGc ? ['--trace-gc'] : []),
    '--import',
    'tsx',
    fileURLToPath(import.meta.url),
    '--child',
    String(chars),
  ];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  const lines = out.split('\n');
  const window = lines.slice(lines.indexOf(BEGIN) + 1, lines.indexOf(END));
  const result = JSON.parse(lines.find((line) => line.startsWith('{')) ?? '{}') as {
    wall: number;
    cpu: number;
  };
  return {
    wall: result.wall,
    cpu: result.cpu,
    scavenges: window.filter((line) => line.includes('Scavenge')).length,
    markCompacts: window.filter((line) => /Mark-(Compact|Sweep)/.test(line)).length,
    gcMs: window.reduce((sum, line) => sum + Number(/MB, ([\d.]+) \//.exec(line)?.[1] ?? 0), 0),
  };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[middle] ?? 0)
    : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function parent(runs: number): void {
  const sizes = [100_000, 1_000_000];
  const timed = new Map<number, Sample[]>(sizes.map((size) => [size, []]));
  // Interleaved, so a busy spell on the machine falls on both sizes alike.
  for (let run = 0; run < runs; run += 1) {
    for (const size of sizes) timed.get(size)?.push(spawn(size, false));
  }
  const traced = new Map(sizes.map((size) => [size, spawn(size, true)]));
  const report = sizes.map((size) => {
    const samples = timed.get(size) ?? [];
    const gc = traced.get(size);
    return {
      size,
      wall: median(samples.map((s) => s.wall)),
      cpu: median(samples.map((s) => s.cpu)),
      min: Math.min(...samples.map((s) => s.wall)),
      walls: samples.map((s) => Math.round(s.wall)),
      gcMs: gc?.gcMs ?? 0,
      scavenges: gc?.scavenges ?? 0,
      markCompacts: gc?.markCompacts ?? 0,
    };
  });
  for (const r of report) {
    process.stdout.write(
      `${String(r.size).padStart(9)} chars: wall median ${r.wall.toFixed(1)} ms (min ${r.min.toFixed(1)}), CPU median ${r.cpu.toFixed(1)} ms ` +
        `(walls ${r.walls.join(' ')}); GC in one traced layout: ${r.scavenges} scavenges, ${r.markCompacts} mark-compacts, ${r.gcMs.toFixed(1)} ms\n`,
    );
  }
  const [small, large] = report;
  if (small !== undefined && large !== undefined) {
    process.stdout.write(
      `ratio 1M / 100k: wall ${(large.wall / small.wall).toFixed(1)}× (of minima ${(large.min / small.min).toFixed(1)}×), CPU ${(large.cpu / small.cpu).toFixed(1)}× (target ≤ 11×)\n`,
    );
  }
}

// Run as a script (not when imported for its article generator).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--child');
  if (at !== -1) child(Number(process.argv[at + 1]));
  else parent(Number(process.argv[2] ?? 7));
}
