// Faults during use: the reader runs in a real pseudo-terminal while a refresh meets 20 hanging
// feeds, connection resets, HTTP 500s, redirect loops and gzip bombs on a local server, next to
// feeds that work. The UI must keep answering keys (latency measured and printed; the bound is
// generous so a loaded machine does not make it flaky), the failed feeds must be listed with their
// reasons, the good feeds' new items must load, and nothing cached or saved before may be lost.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipBomb, startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { runCli } from '../helpers/run-cli.js';
import { cliPath, spawnCli, type PtyTerminal } from '../e2e/pty-terminal.js';

const HANGING = 20;
const RESET = 3;
const FAILING = 3;
const LOOPS = 2;
const BOMBS = 2;
const GOOD = 5;

let server: FeedServer;
let home: string;
let child: PtyTerminal | null = null;

interface FeedPath {
  readonly path: string;
  readonly kind: 'hang' | 'reset' | 'http500' | 'loop' | 'bomb' | 'good';
}

const feeds: FeedPath[] = [
  ...Array.from({ length: HANGING }, (_, i) => ({ path: `/hang-${i}.xml`, kind: 'hang' as const })),
  ...Array.from({ length: RESET }, (_, i) => ({ path: `/reset-${i}.xml`, kind: 'reset' as const })),
  ...Array.from({ length: FAILING }, (_, i) => ({
    path: `/e500-${i}.xml`,
    kind: 'http500' as const,
  })),
  ...Array.from({ length: LOOPS }, (_, i) => ({ path: `/loop-${i}.xml`, kind: 'loop' as const })),
  ...Array.from({ length: BOMBS }, (_, i) => ({ path: `/bomb-${i}.xml`, kind: 'bomb' as const })),
  ...Array.from({ length: GOOD }, (_, i) => ({ path: `/good-${i}.xml`, kind: 'good' as const })),
];

function rss(title: string, items: readonly string[], hour: number): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>${items
    .map(
      (t, i) =>
        `<item><title>${t}</title><guid>${t}</guid><pubDate>Thu, 26 Nov 2026 ${String(hour).padStart(2, '0')}:${String(i).padStart(2, '0')}:00 GMT</pubDate><description>${t}的内容。</description></item>`,
    )
    .join('')}</channel></rss>`;
}

const oldTitle = (n: number): string => `旧闻${n}号`;
const newTitle = (n: number): string => `新闻${n}号`;

beforeAll(async () => {
  server = await startFeedServer();
  home = await mkdtemp(join(tmpdir(), 'tidings-reader-faults-'));
  await mkdir(join(home, 'config'), { recursive: true });
  await writeFile(
    join(home, 'config', 'catalog.json'),
    JSON.stringify({
      channels: [
        { id: 'all', name: '全部', feeds: feeds.map((f) => ({ url: server.url(f.path) })) },
      ],
      regions: [],
    }),
  );
});
afterAll(async () => {
  child?.kill();
  await server.close();
  await rm(home, { recursive: true, force: true });
});

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

describe.skipIf(!existsSync(cliPath))('the reader while feeds hang, reset, fail and bomb', () => {
  it(
    'answers keys, lists the failures with reasons, loads the good feeds, loses nothing',
    { timeout: 180_000 },
    async () => {
      // Before: every feed works once; its items are cached, and one is saved as a favorite.
      feeds.forEach((feed, n) =>
        server.route(feed.path, { body: rss(`源${n}`, [oldTitle(n)], 8) }),
      );
      const first = await runCli(['fetch'], { TIDINGS_HOME: home });
      expect(first.code).toBe(0);
      const cached = JSON.parse(
        (await runCli(['list', '--json', '--limit', '500'], { TIDINGS_HOME: home })).stdout,
      ) as { id: string; title: string }[];
      expect(cached).toHaveLength(feeds.length);
      const saved = cached.find((item) => item.title === oldTitle(0));
      expect((await runCli(['fav', 'add', saved?.id ?? ''], { TIDINGS_HOME: home })).code).toBe(0);

      // Now the faults.
      feeds.forEach((feed, n) => {
        switch (feed.kind) {
          case 'hang':
            server.route(feed.path, { hang: true });
            break;
          case 'reset':
            server.route(feed.path, { reset: true });
            break;
          case 'http500':
            server.route(feed.path, {
              status: 500,
              body: 'internal error',
              headers: { 'content-type': 'text/plain' },
            });
            break;
          case 'loop':
            server.route(feed.path, { redirectTo: `${feed.path}?again` });
            break;
          case 'bomb':
            server.route(feed.path, {
              body: gzipBomb(64 * 1024 * 1024),
              headers: { 'content-encoding': 'gzip' },
            });
            break;
          case 'good':
            server.route(feed.path, { body: rss(`源${n}`, [oldTitle(n), newTitle(n)], 9) });
            break;
        }
      });

      const t = spawnCli({ args: ['--lang', 'zh'], home, columns: 100, rows: 30 });
      child = t;
      // The cache shows at once, before the refresh ends.
      await t.waitFor(oldTitle(0), 20_000);

      // Keys while the refresh runs: toggle the side panel and time each change of the screen.
      const panelCount = (): number => t.text().split('点击排行').length - 1;
      const latencies: number[] = [];
      for (let i = 0; i < 8; i += 1) {
        const before = panelCount();
        const started = performance.now();
        t.write('p');
        await t.waitUntil(() => panelCount() !== before, 5_000);
        latencies.push(performance.now() - started);
      }
      const hangsStillOpen = server.requests.filter((r) => r.path.startsWith('/hang-')).length;
      expect(hangsStillOpen).toBeGreaterThanOrEqual(HANGING);

      // The refresh ends (the hanging feeds time out) with every failure counted, and the good
      // feeds' new items (the newest of all) are listed.
      const failures = HANGING + RESET + FAILING + LOOPS + BOMBS;
      await t.waitFor(`${failures} 个源出错`, 60_000);
      // The cursor stays on the item it was on; the newest items are above it, at the top.
      t.write('g');
      await t.waitFor(newTitle(feeds.length - 1), 10_000);
      t.write('!');
      await t.waitFor('订阅源错误');
      const errorsScreen = t.text();
      t.write('Q');
      expect(await t.exited).toBe(0);

      process.stdout.write(
        `reader key latency during a faulty refresh: median ${Math.round(median(latencies))} ms, max ${Math.round(Math.max(...latencies))} ms (${latencies.map((l) => Math.round(l)).join(', ')})\n`,
      );
      // Generous: a loaded 2-core machine; the point is that keys are not stuck behind the network.
      expect(Math.max(...latencies)).toBeLessThan(2_000);
      expect(errorsScreen).toMatch(/HTTP 500/);
      expect(errorsScreen).toMatch(/超时|timed out|timeout/i);

      // Nothing cached or saved was lost: every old item is still listed, the new ones too.
      const after = JSON.parse(
        (await runCli(['list', '--json', '--limit', '500'], { TIDINGS_HOME: home })).stdout,
      ) as { title: string }[];
      const titles = new Set(after.map((item) => item.title));
      feeds.forEach((feed, n) => {
        expect(titles.has(oldTitle(n))).toBe(true);
        if (feed.kind === 'good') expect(titles.has(newTitle(n))).toBe(true);
      });
      const favorites = JSON.parse(
        (await runCli(['fav', 'list', '--json'], { TIDINGS_HOME: home })).stdout,
      ) as { id: string }[];
      expect(favorites.map((f) => f.id)).toEqual([saved?.id]);
    },
  );
});
