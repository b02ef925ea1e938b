import { mkdtemp, readFile, readdir, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshFeeds, type RefreshOptions } from '../../../src/core/feeds/refresh.js';
import { FeedCache, feedKey } from '../../../src/core/storage/feed-cache.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';
import { gzipBomb, startFeedServer, type FeedServer } from '../../helpers/feed-server.js';

const corpus = resolve(import.meta.dirname, '../../../../shared/corpus');

function rss(title: string, items: { title: string; guid: string; date?: string }[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${items
    .map(
      (i) =>
        `<item><title>${i.title}</title><guid>${i.guid}</guid>${i.date === undefined ? '' : `<pubDate>${i.date}</pubDate>`}</item>`,
    )
    .join('')}</channel></rss>`;
}

let server: FeedServer;
let dir: string;
let cache: FeedCache;
let clock: Date;

beforeAll(async () => {
  server = await startFeedServer();
});
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-refresh-'));
  clock = new Date('2026-11-27T08:00:00Z');
  cache = new FeedCache(dir, () => clock);
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const options = (extra: Partial<RefreshOptions> = {}): RefreshOptions => ({
  cache,
  fetch: globalThis.fetch,
  now: () => clock,
  userAgent: 'tidings/test',
  // Generous: the machine running the suite may be loaded; only the hang and drip cases wait these out.
  connectTimeoutMs: 3000,
  totalTimeoutMs: 4000,
  ...extra,
});

describe('refreshFeeds', () => {
  it('ends every bad input as a clear per-feed result while the good feeds succeed', async () => {
    const good = rss('Good feed', [{ title: '好消息', guid: '1' }]);
    const routes: [string, Parameters<FeedServer['route']>[1]][] = [
      ['/good.xml', { body: good }],
      ['/hang.xml', { hang: true }],
      ['/drip.xml', { dripIntervalMs: 50 }],
      ['/reset.xml', { reset: true }],
      ['/500.xml', { status: 500, body: 'oops' }],
      ['/loop.xml', { redirectTo: '/loop.xml' }],
      ['/bomb.xml', { body: gzipBomb(40 * 1024 * 1024), headers: { 'content-encoding': 'gzip' } }],
      ['/huge.xml', { body: new Uint8Array(50 * 1024 * 1024) }],
      [
        '/page.html',
        {
          body: '<!DOCTYPE html><html><body>Not a feed</body></html>',
          headers: { 'content-type': 'text/html' },
        },
      ],
      ['/empty.xml', { body: '' }],
      [
        '/wrong-label.xml',
        {
          body: iconv.encode(
            rss('标签错误', [{ title: '错误的字符集标签', guid: '1' }]).replace('UTF-8', 'GBK'),
            'gbk',
          ),
          headers: { 'content-type': 'text/xml; charset=utf-8' },
        },
      ],
      [
        '/gbk-prolog.xml',
        {
          body: iconv.encode(
            rss('国内', [{ title: '福建新闻', guid: '1' }]).replace('UTF-8', 'GBK'),
            'gbk',
          ),
          headers: { 'content-type': 'text/xml' },
        },
      ],
      [
        '/big5.xml',
        {
          body: iconv.encode(
            rss('臺灣', [{ title: '繁體新聞', guid: '1' }]).replace('UTF-8', 'Big5'),
            'cp950',
          ),
        },
      ],
      [
        '/utf16.xml',
        {
          body: Buffer.concat([
            Buffer.from([0xff, 0xfe]),
            iconv.encode(
              rss('十六位', [{ title: '宽字符', guid: '1' }]).replace('UTF-8', 'UTF-16'),
              'utf-16le',
            ),
          ]),
        },
      ],
      [
        '/escapes.xml',
        {
          body: rss('Esc\x1b[2Jape', [{ title: 'a\x1b]52;c;QUFB\x07b&#x9b;2J\u202e', guid: '1' }]),
        },
      ],
    ];
    for (const [path, route] of routes) server.route(path, route);
    const results = await refreshFeeds(
      routes.map(([path]) => ({ url: server.url(path) })),
      options(),
    );
    const byPath = Object.fromEntries(routes.map(([path], i) => [path, results[i]]));
    expect(byPath['/good.xml']).toMatchObject({
      status: 'ok',
      items: 1,
      new: 1,
      title: 'Good feed',
      error: null,
    });
    expect(byPath['/hang.xml']).toMatchObject({
      status: 'error',
      error: 'timed out after 3 s waiting for a response',
    });
    expect(byPath['/drip.xml']).toMatchObject({
      status: 'error',
      error: 'timed out after 4 s reading the response',
    });
    expect(byPath['/reset.xml']?.status).toBe('error');
    expect(byPath['/reset.xml']?.error).toMatch(/reset|closed/);
    expect(byPath['/500.xml']).toMatchObject({
      status: 'error',
      error: 'HTTP 500 Internal Server Error',
    });
    expect(byPath['/loop.xml']).toMatchObject({
      status: 'error',
      error: 'too many redirects (more than 5)',
    });
    expect(byPath['/bomb.xml']).toMatchObject({
      status: 'error',
      error: 'response too large: over 10 MiB (after decompression)',
    });
    expect(byPath['/huge.xml']).toMatchObject({
      status: 'error',
      error: 'response too large: 50 MiB (limit 10 MiB)',
    });
    expect(byPath['/page.html']).toMatchObject({
      status: 'error',
      error: 'an HTML page, not a feed',
    });
    expect(byPath['/empty.xml']).toMatchObject({ status: 'error', error: 'empty document' });
    for (const path of [
      '/wrong-label.xml',
      '/gbk-prolog.xml',
      '/big5.xml',
      '/utf16.xml',
      '/escapes.xml',
    ]) {
      expect(byPath[path]).toMatchObject({ status: 'ok', items: 1 });
    }
    const items = await cache.readAllSummaries();
    const titles = items.map((i) => i.title).sort();
    expect(titles).toEqual(
      ['ab', '宽字符', '好消息', '福建新闻', '繁體新聞', '错误的字符集标签'].sort(),
    );
    for (const item of items) {
      expect(isTerminalSafe(item.title)).toBe(true);
      expect(isTerminalSafe(item.source)).toBe(true);
    }
    expect(items.find((i) => i.title === 'ab')?.source).toBe('Escape');
  });

  it('keeps cached items on 304 and counts the feed as not-modified', async () => {
    server.route('/etag.xml', { body: rss('E', [{ title: 'one', guid: '1' }]), etag: '"e1"' });
    const url = server.url('/etag.xml');
    const first = await refreshFeeds([{ url }], options());
    expect(first[0]).toMatchObject({ status: 'ok', items: 1, new: 1 });
    const second = await refreshFeeds([{ url }], options());
    expect(second[0]).toMatchObject({ status: 'not-modified', items: 1, new: 0, title: 'E' });
    expect(
      server.requests.filter((r) => r.path === '/etag.xml').at(-1)?.headers['if-none-match'],
    ).toBe('"e1"');
    expect((await cache.readAllSummaries()).map((i) => i.title)).toEqual(['one']);
  });

  it('sends If-Modified-Since from a stored Last-Modified', async () => {
    const lastModified = 'Wed, 21 Oct 2025 07:28:00 GMT';
    server.route('/lm.xml', { body: rss('L', [{ title: 'x', guid: '1' }]), lastModified });
    await refreshFeeds([{ url: server.url('/lm.xml') }], options());
    const second = await refreshFeeds([{ url: server.url('/lm.xml') }], options());
    expect(second[0]?.status).toBe('not-modified');
    expect(
      server.requests.filter((r) => r.path === '/lm.xml').at(-1)?.headers['if-modified-since'],
    ).toBe(lastModified);
  });

  it('counts new items, keeps firstSeen, keeps items that left the feed, newest first, capped', async () => {
    let items = [
      { title: 'a', guid: 'a', date: 'Mon, 01 Jan 2024 00:00:00 GMT' },
      { title: 'b', guid: 'b', date: 'Tue, 02 Jan 2024 00:00:00 GMT' },
    ];
    server.route('/roll.xml', () => ({ body: rss('R', items) }));
    const url = server.url('/roll.xml');
    await refreshFeeds([{ url }], options());
    clock = new Date('2026-11-28T08:00:00Z');
    items = [
      { title: 'b', guid: 'b', date: 'Tue, 02 Jan 2024 00:00:00 GMT' },
      { title: 'c', guid: 'c', date: 'Wed, 03 Jan 2024 00:00:00 GMT' },
    ];
    const [result] = await refreshFeeds([{ url }], options());
    expect(result).toMatchObject({ status: 'ok', items: 2, new: 1 });
    const cached = await cache.readSummaries(feedKey(url));
    expect(cached.map((i) => [i.title, i.firstSeen])).toEqual([
      ['c', '2026-11-28T08:00:00.000Z'],
      ['b', '2026-11-27T08:00:00.000Z'],
      ['a', '2026-11-27T08:00:00.000Z'],
    ]);
    await refreshFeeds([{ url }], options({ maxItemsPerFeed: 2 }));
    expect((await cache.readSummaries(feedKey(url))).map((i) => i.title)).toEqual(['c', 'b']);
  });

  it('reports progress once per feed and limits concurrency', async () => {
    let active = 0;
    let peak = 0;
    for (let i = 0; i < 6; i += 1) {
      server.route(`/c${i}.xml`, () => {
        active += 1;
        peak = Math.max(peak, active);
        return { body: rss(`C${i}`, [{ title: `t${i}`, guid: '1' }]), delayMs: 30 };
      });
    }
    const progress: number[] = [];
    const results = await refreshFeeds(
      Array.from({ length: 6 }, (_, i) => ({ url: server.url(`/c${i}.xml`) })),
      options({
        concurrency: 2,
        onProgress: (p) => {
          active -= 1;
          progress.push(p.done);
        },
      }),
    );
    expect(results.every((r) => r.status === 'ok')).toBe(true);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    expect(peak).toBe(2);
  });

  it('reads its cached content back, and moves a corrupt cache file aside instead of overwriting it', async () => {
    server.route('/content.xml', {
      body: '<rss version="2.0"><channel><title>C</title><item><title>x</title><guid>1</guid><description>&lt;p&gt;body&lt;/p&gt;</description></item></channel></rss>',
    });
    const url = server.url('/content.xml');
    await refreshFeeds([{ url }], options());
    const [summary] = await cache.readAllSummaries();
    expect(summary).toBeDefined();
    if (summary === undefined) return;
    expect(await cache.contentOf(summary)).toBe('<p>body</p>');
    expect((await cache.findItem(summary.id))?.contentHtml).toBe('<p>body</p>');

    const itemsFile = join(dir, 'feeds', `${feedKey(url)}.items.json`);
    await writeFile(itemsFile, '{"version":1,"items":[{"id":');
    const fresh = new FeedCache(dir, () => clock);
    expect(await fresh.readAllSummaries()).toEqual([]);
    expect(fresh.warnings).toHaveLength(1);
    expect(fresh.warnings[0]?.message).toMatch(
      /^corrupt cache file .*items\.json moved to .*\.corrupt-2026-11-27T08-00-00-000Z/,
    );
    const names = await readdir(join(dir, 'feeds'));
    const aside = names.find((n) => n.includes('.corrupt-'));
    expect(aside).toBeDefined();
    expect(await readFile(join(dir, 'feeds', aside ?? ''), 'utf8')).toBe(
      '{"version":1,"items":[{"id":',
    );
  });

  it('handles XML bombs and XXE documents in bounded time without reading files', async (context) => {
    const files = [
      'defusedxml/xmlbomb.xml',
      'defusedxml/quadratic.xml',
      'defusedxml/cyclic.xml',
      'defusedxml/external.xml',
      'defusedxml/external_file.xml',
      'defusedxml/dtd.xml',
      'payloadsallthethings/XXE Injection/Files/Classic XXE - etc passwd.xml',
      'payloadsallthethings/XXE Injection/Files/Billion Laugh Attack',
    ].map((f) => resolve(corpus, 'adversarial', f));
    if (!existsSync(files[0] ?? '')) return context.skip();
    const present = files.filter((f) => existsSync(f));
    for (const [i, file] of present.entries())
      server.route(`/adv${i}.xml`, { body: await readFile(file) });
    const started = performance.now();
    const results = await refreshFeeds(
      present.map((_, i) => ({ url: server.url(`/adv${i}.xml`) })),
      options(),
    );
    expect(performance.now() - started).toBeLessThan(5000);
    expect(results).toHaveLength(present.length);
    const passwd = await readFile('/etc/passwd', 'utf8').catch(() => 'root:x:0:0');
    const firstLine = passwd.split('\n')[0] ?? 'root:x:0:0';
    for (const item of await cache.readAllSummaries()) {
      expect(item.title + item.summary).not.toContain(firstLine);
      expect((item.title + item.summary).length).toBeLessThan(100_000);
    }
    expect(
      results.every((r) => r.status === 'ok' || (r.status === 'error' && r.error !== null)),
    ).toBe(true);
  });
});
