// The demo server over real HTTP: every feed fetched, decoded, parsed and normalized by the real
// pipeline; pages, multi-page links, GBK, Atom, conditional GET, gzip, and a clean shutdown.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogFeeds, membershipResolver } from '../../../src/core/catalog/catalog.js';
import { DEMO_ARTICLES } from '../../../src/core/demo/demo-articles.js';
import { DEMO_FEEDS, demoFeedUrl } from '../../../src/core/demo/demo-edition.js';
import { startDemoServer, type DemoServer } from '../../../src/core/demo/demo-server.js';
import { withDemo } from '../../../src/core/demo/with-demo.js';
import { decodeFeedBytes, decodeHtmlBytes } from '../../../src/core/feeds/decode.js';
import {
  DEFAULT_FETCH_OPTIONS,
  FetchError,
  PAGE_ACCEPT,
  fetchResource,
  type FetchOptions,
} from '../../../src/core/feeds/fetch-resource.js';
import type { Item } from '../../../src/core/feeds/item.js';
import { normalizeFeed } from '../../../src/core/feeds/normalize.js';
import { parseFeed } from '../../../src/core/feeds/parse-feed.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';

const NOW = new Date('2026-11-27T08:23:45Z');
/** The edition's clock for NOW: rounded down to 10 minutes. */
const EDITION_NOW = new Date('2026-11-27T08:20:00Z');

const options: FetchOptions = {
  fetch: globalThis.fetch,
  ...DEFAULT_FETCH_OPTIONS,
  userAgent: 'tidings-test',
};
const pageOptions: FetchOptions = { ...options, accept: PAGE_ACCEPT };

let demo: DemoServer;
let clock = NOW;

async function getOk(url: string, opts: FetchOptions = options) {
  const result = await fetchResource(url, opts);
  if (result.status !== 'ok') throw new Error(`expected 200 from ${url}, got ${result.status}`);
  return result;
}

async function fetchItems(
  url: string,
): Promise<{ title: string; items: Item[]; charset: string; source: string }> {
  const result = await getOk(url);
  const decoded = decodeFeedBytes(result.bytes, result.contentType);
  const raw = await parseFeed(decoded.text);
  const feed = normalizeFeed(raw, { feedUrl: url, baseUrl: result.url, now: NOW });
  return { title: feed.title, items: feed.items, charset: decoded.charset, source: decoded.source };
}

async function fetchPage(url: string): Promise<{ text: string; charset: string }> {
  const result = await getOk(url, pageOptions);
  const decoded = decodeHtmlBytes(result.bytes, result.contentType);
  return { text: decoded.text, charset: decoded.charset };
}

/**
 * A raw GET with exact request headers, for what fetch hides (Content-Encoding, raw bytes), on a
 * fresh connection each time (no keep-alive pool).
 */
function rawGet(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function feedUrl(id: string): string {
  const feed = DEMO_FEEDS.find((f) => f.id === id);
  if (feed === undefined) throw new Error(id);
  return demoFeedUrl(demo.origin, feed);
}

const allItems = new Map<string, Item[]>();

beforeAll(async () => {
  demo = await startDemoServer({ now: () => clock, port: 0 });
  for (const feed of catalogFeeds(demo.catalog))
    allItems.set(feed.url, (await fetchItems(feed.url)).items);
});

afterAll(async () => {
  await demo.close();
});

describe('demo server feeds', () => {
  it('serves on 127.0.0.1 and maps every catalog feed to a served feed', () => {
    expect(demo.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(
      catalogFeeds(demo.catalog)
        .map((f) => f.url)
        .sort(),
    ).toEqual(DEMO_FEEDS.map((f) => demoFeedUrl(demo.origin, f)).sort());
  });

  it('carries every article exactly once: 60+ items over 14 feeds', () => {
    const items = [...allItems.values()].flat();
    expect(items.length).toBe(DEMO_ARTICLES.length);
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const feed of DEMO_FEEDS) {
      expect(allItems.get(demoFeedUrl(demo.origin, feed))?.length, feed.id).toBe(
        DEMO_ARTICLES.filter((a) => a.feed === feed.id).length,
      );
    }
  });

  it('dates every item relative to the clock, newest first', () => {
    const items = allItems.get(feedUrl('chenzhong-top')) ?? [];
    const article = DEMO_ARTICLES.find((a) => a.id === 'cz-yw-1001');
    expect(items[0]?.title).toBe(article?.title);
    expect(items[0]?.published).toBe(new Date(EDITION_NOW.getTime() - 14 * 60_000).toISOString());
    for (const item of [...allItems.values()].flat()) {
      expect(item.published, item.title).not.toBeNull();
      const age = EDITION_NOW.getTime() - Date.parse(item.published ?? '');
      expect(age, item.title).toBeGreaterThan(0);
      expect(age, item.title).toBeLessThan(5 * 24 * 3600_000);
    }
  });

  it('gives items authors, categories and links to pages on the server', () => {
    const item = (allItems.get(feedUrl('chenzhong-top')) ?? [])[0];
    expect(item?.author).toBe('陈志远');
    expect(item?.categories).toEqual(['要闻', '能源', '民生']);
    expect(item?.link).toBe(`${demo.origin}/chenzhong/content/cz-yw-1001.html`);
    const atom = (allItems.get(feedUrl('meridian-world')) ?? [])[0];
    expect(atom?.link).toBe(`${demo.origin}/meridian/story/mer-w-5001`);
    expect(atom?.author).toBe('Hannah Reyes');
  });

  it('puts no control characters in any title, summary or content', () => {
    for (const item of [...allItems.values()].flat()) {
      for (const text of [
        item.title,
        item.summary,
        item.contentHtml ?? '',
        item.author ?? '',
        item.source,
      ]) {
        expect(isTerminalSafe(text), item.title).toBe(true);
        expect(text.includes('\ufffd'), item.title).toBe(false);
      }
    }
  });

  it('serves the Fuzhou portal in GBK, declared only in the XML prolog', async () => {
    const url = feedUrl('rongcheng-fuzhou');
    const result = await getOk(url);
    expect(result.contentType).toBe('text/xml');
    expect(Buffer.from(result.bytes.subarray(0, 38)).toString('latin1')).toBe(
      '<?xml version="1.0" encoding="GBK"?>\n<',
    );
    const feed = await fetchItems(url);
    expect([feed.charset, feed.source]).toEqual(['gb18030', 'declaration']);
    expect(feed.title).toBe('榕城在线 · 福州新闻');
    expect(feed.items[0]?.title).toBe('福州地铁新线开通初期运营 串联主城与滨海新城');
    expect(feed.items.some((i) => (i.contentHtml ?? '').includes('\ufffd'))).toBe(false);
    // Not valid UTF-8: the reader had to decode GBK for real.
    expect(new TextDecoder('utf-8').decode(result.bytes)).toContain('\ufffd');
  });

  it('serves an Atom feed', async () => {
    const url = feedUrl('meridian-world');
    const result = await getOk(url);
    expect(result.contentType).toBe('application/atom+xml; charset=utf-8');
    expect(Buffer.from(result.bytes).toString('utf8')).toContain(
      '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
    );
    const feed = await fetchItems(url);
    expect(feed.title).toBe('The Meridian — World');
    expect(feed.items.length).toBe(6);
    expect(feed.items.every((i) => (i.contentHtml ?? '').includes('<p>'))).toBe(true);
  });

  it('serves a summary-only feed whose text is on the article pages', async () => {
    const items = allItems.get(feedUrl('haixia-feature')) ?? [];
    expect(items.length).toBe(4);
    for (const item of items) {
      expect(item.summary.length, item.title).toBeLessThan(120);
      expect(item.contentHtml, item.title).not.toContain('<p>');
      const article = DEMO_ARTICLES.find((a) => a.title === item.title);
      const page = await fetchPage(item.link ?? '');
      const firstParagraph = article?.body.find((b) => typeof b === 'string') ?? '';
      expect(firstParagraph.length, item.title).toBeGreaterThan(item.summary.length);
      expect(page.text, item.title).toContain(firstParagraph);
    }
  });

  it('escapes whole articles into the RSS description for description-style feeds', async () => {
    const items = allItems.get(feedUrl('huanqiu-world')) ?? [];
    const article = DEMO_ARTICLES.find((a) => a.id === 'hq-gj-4001');
    const item = items.find((i) => i.title === article?.title);
    expect(item?.contentHtml).toContain(`<p>${String(article?.body[1])}</p>`);
  });

  it('places items in every region and in every channel', () => {
    const membership = membershipResolver(demo.catalog);
    const items = [...allItems.values()].flat();
    const regionCounts = new Map<string, number>();
    const channelCounts = new Map<string, number>();
    for (const item of items) {
      const { channels, regions } = membership(item);
      for (const r of regions) regionCounts.set(r, (regionCounts.get(r) ?? 0) + 1);
      for (const c of channels) channelCounts.set(c, (channelCounts.get(c) ?? 0) + 1);
    }
    for (const region of demo.catalog.regions)
      expect(regionCounts.get(region.id) ?? 0, region.id).toBeGreaterThanOrEqual(3);
    for (const channel of demo.catalog.channels)
      expect(channelCounts.get(channel.id) ?? 0, channel.id).toBeGreaterThanOrEqual(3);
    expect(regionCounts.get('fuzhou')).toBeGreaterThanOrEqual(8);
    const rail = items.find((i) => i.title.startsWith('铁路冬季运行图调整'));
    expect(rail === undefined ? [] : membership(rail).regions).toEqual([
      'fuzhou',
      'xiamen',
      'putian',
      'quanzhou',
      'zhangzhou',
      'longyan',
    ]);
    const tea = items.find((i) => i.title.startsWith('The tea trail'));
    expect(tea === undefined ? null : membership(tea)).toEqual({
      channels: ['top', 'world'],
      regions: ['nanping'],
    });
    // Latin aliases match as whole words, in the title, summary and categories.
    const ports = items.find((i) => i.title.startsWith('Ports along the Taiwan Strait'));
    expect(ports === undefined ? null : membership(ports)).toEqual({
      channels: ['top', 'world'],
      regions: ['fuzhou', 'xiamen'],
    });
  });
});

describe('demo server pages', () => {
  const base = () => `${demo.origin}/haixia/content/hx-sd-3001`;

  it('splits the long feature over 4 linked pages', async () => {
    const pages = await Promise.all(
      [1, 2, 3, 4].map((p) => fetchPage(p === 1 ? `${base()}.html` : `${base()}_${p}.html`)),
    );
    expect(pages[0]?.text).toContain('<link rel="next" href="/haixia/content/hx-sd-3001_2.html">');
    expect(pages[0]?.text).toContain(
      '<div class="page-nav" id="pages"><span class="current">1</span> <a href="hx-sd-3001_2.html">2</a> <a href="hx-sd-3001_3.html">3</a> <a href="hx-sd-3001_4.html">4</a> <a href="hx-sd-3001_2.html" class="next" rel="next">下一页</a></div>',
    );
    expect(pages[1]?.text).toContain(
      '<a href="hx-sd-3001.html" class="prev" rel="prev">上一页</a> <a href="hx-sd-3001.html">1</a> <span class="current">2</span> <a href="hx-sd-3001_3.html">3</a> <a href="hx-sd-3001_4.html">4</a> <a href="hx-sd-3001_3.html" class="next" rel="next">下一页</a>',
    );
    expect(pages[3]?.text).toContain('<span class="current">4</span></div>');
    expect(pages[3]?.text).not.toContain('下一页');
    expect(pages[3]?.text).not.toContain('rel="next"');
    expect(pages[1]?.text).toContain('<h2>一笔要算十年的账</h2>');
    expect(pages[2]?.text).toContain('<h2>年轻人回来了</h2>');
    expect(pages[3]?.text).toContain('<h2>未竟之事</h2>');
    for (const page of pages)
      expect(page.text).toContain('<p class="editor">（责任编辑：陈默）</p>');
    await expect(fetchResource(`${base()}_5.html`, pageOptions)).rejects.toThrow(
      new FetchError('HTTP 404 Not Found'),
    );
  });

  it('wraps article text in site chrome and prints the info line', async () => {
    const page = await fetchPage(`${demo.origin}/chenzhong/content/cz-yw-1001.html`);
    expect(page.charset).toBe('utf-8');
    for (const chrome of [
      '<ul class="nav">',
      '<div class="regionbar">',
      '<div class="sidebar">',
      '点击排行',
      '<div class="footer">',
      '相关阅读',
    ]) {
      expect(page.text).toContain(chrome);
    }
    expect(page.text).toContain(
      '<span class="time">2026-11-27 16:06</span>　<span class="source">来源：晨钟日报</span>　<span class="author">作者：陈志远</span>',
    );
    expect(isTerminalSafe(page.text.replace(/\t/g, ' '))).toBe(true);
  });

  it('serves the GBK portal pages in GBK with a meta charset', async () => {
    const result = await getOk(`${demo.origin}/rongcheng/content/rc-fz-9001.html`, pageOptions);
    expect(result.contentType).toBe('text/html; charset=GBK');
    const decoded = decodeHtmlBytes(result.bytes, result.contentType);
    expect(decoded.charset).toBe('gb18030');
    expect(decoded.text).toContain('<meta charset="gbk">');
    expect(decoded.text).toContain('<h1>福州地铁新线开通初期运营 串联主城与滨海新城</h1>');
    expect(decoded.text.includes('\ufffd')).toBe(false);
  });

  it('serves every article page and every picture they reference', async () => {
    const imageUrls = new Set<string>();
    for (const item of [...allItems.values()].flat()) {
      const page = await fetchPage(item.link ?? '');
      expect(isTerminalSafe(page.text), item.title).toBe(true);
      for (const match of page.text.matchAll(/<img src="([^"]+)"/g))
        imageUrls.add(new URL(match[1] ?? '', item.link ?? '').href);
    }
    expect(imageUrls.size).toBeGreaterThanOrEqual(10);
    for (const url of imageUrls) {
      const result = await getOk(url, pageOptions);
      expect(result.contentType, url).toBe('image/svg+xml');
      expect(Buffer.from(result.bytes).toString('utf8').startsWith('<svg'), url).toBe(true);
    }
  });

  it('serves an OPML of the channels and a home page', async () => {
    const opml = Buffer.from((await getOk(`${demo.origin}/tidings-demo.opml`)).bytes).toString(
      'utf8',
    );
    expect(opml).toContain(`<outline text="要闻" title="Top stories">`);
    expect(opml.match(/xmlUrl="/g)?.length).toBe(
      demo.catalog.channels.reduce((n, c) => n + c.feeds.length, 0),
    );
    const home = await fetchPage(`${demo.origin}/`);
    expect(home.text).toContain('tidings 演示版 · demo edition');
  });
});

describe('demo server HTTP behaviour', () => {
  it('answers 304 to If-None-Match and to If-Modified-Since', async () => {
    const url = feedUrl('chenzhong-china');
    const first = await getOk(url);
    expect(first.etag).toMatch(/^W\/"[\w-]{20}"$/);
    const byEtag = await fetchResource(url, { ...options, etag: first.etag });
    expect(byEtag.status).toBe('not-modified');
    const byDate = await fetchResource(url, { ...options, lastModified: first.lastModified });
    expect(byDate.status).toBe('not-modified');
    expect(first.lastModified).toBe(new Date(EDITION_NOW.getTime() - 35 * 60_000).toUTCString());
  });

  it('gives a new ETag and newer dates when the edition clock moves on', async () => {
    const url = feedUrl('chenzhong-china');
    const first = await getOk(url);
    clock = new Date(NOW.getTime() + 3 * 60_000); // same 10-minute window
    expect((await fetchResource(url, { ...options, etag: first.etag })).status).toBe(
      'not-modified',
    );
    clock = new Date(NOW.getTime() + 60 * 60_000);
    try {
      const later = await fetchResource(url, { ...options, etag: first.etag });
      expect(later.status).toBe('ok');
      expect(later.etag).not.toBe(first.etag);
      const feed = await fetchItems(url);
      expect(feed.items[0]?.published).toBe(
        new Date(EDITION_NOW.getTime() + 60 * 60_000 - 35 * 60_000).toISOString(),
      );
    } finally {
      clock = NOW;
    }
  });

  it('gzips when asked, with a weak ETag, and sends identity bytes otherwise', async () => {
    const url = feedUrl('jike-tech');
    const gzipped = await rawGet(url, { 'accept-encoding': 'gzip, deflate' });
    const plain = await rawGet(url, {});
    const refused = await rawGet(url, { 'accept-encoding': 'gzip;q=0, identity' });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(refused.headers['content-encoding']).toBeUndefined();
    expect(gunzipSync(gzipped.body).equals(plain.body)).toBe(true);
    expect(gzipped.body.length).toBeLessThan(plain.body.length / 2);
    expect(String(gzipped.headers['etag'])).toBe(`W/${String(plain.headers['etag'])}`);
    expect(gzipped.headers['vary']).toBe('Accept-Encoding');
    // The weak and strong forms name the same content for If-None-Match.
    const revalidated = await rawGet(url, {
      'if-none-match': String(plain.headers['etag']),
      'accept-encoding': 'gzip',
    });
    expect(revalidated.status).toBe(304);
  });

  it('answers 404 to unknown paths, 405 to other methods, and HEAD without a body', async () => {
    expect((await rawGet(`${demo.origin}/nope.xml`, {})).status).toBe(404);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(feedUrl('jike-tech'), { method: 'POST' }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(405);
    const head = await new Promise<{ status: number; length: string | undefined; body: number }>(
      (done, reject) => {
        const req = request(feedUrl('jike-tech'), { method: 'HEAD', agent: false }, (res) => {
          let body = 0;
          res.on('data', (chunk: Buffer) => (body += chunk.length));
          res.on('end', () =>
            done({ status: res.statusCode ?? 0, length: res.headers['content-length'], body }),
          );
        });
        req.on('error', reject);
        req.end();
      },
    );
    const plain = await rawGet(feedUrl('jike-tech'), {});
    expect(head).toEqual({ status: 200, length: String(plain.body.length), body: 0 });
  });
});

describe('demo server lifecycle', () => {
  it('falls back to a free port when the asked one is taken', async () => {
    const port = Number(new URL(demo.origin).port);
    const second = await startDemoServer({ now: () => NOW, port });
    try {
      expect(second.origin).not.toBe(demo.origin);
      expect(second.catalog.channels[0]?.feeds[0]?.url.startsWith(second.origin)).toBe(true);
      expect((await fetchItems(second.catalog.channels[0]?.feeds[0]?.url ?? '')).items.length).toBe(
        7,
      );
    } finally {
      await second.close();
    }
  });

  it('stops answering after close(), which can be called twice', async () => {
    const url = await withDemo({ now: () => NOW, port: 0 }, async (scoped) => {
      const feed = scoped.catalog.regions[1]?.feeds[0]?.url ?? '';
      expect((await fetchItems(feed)).items.length).toBe(4);
      await scoped.close();
      return feed;
    });
    await expect(rawGet(url, {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    // A client holding a kept-alive connection sees it closed, never an answer.
    await expect(fetchResource(url, options)).rejects.toThrow(FetchError);
  });

  it('never keeps a process alive, even when close() is not called', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tidings-demo-'));
    try {
      const server = pathToFileURL(
        resolve(import.meta.dirname, '../../../src/core/demo/demo-server.ts'),
      ).href;
      const script = join(dir, 'start-and-leave.mts');
      await writeFile(
        script,
        [
          `import { startDemoServer } from ${JSON.stringify(server)};`,
          'const demo = await startDemoServer({ now: () => new Date(), port: 0 });',
          'const response = await fetch(`${demo.origin}/chenzhong/rss/yaowen.xml`);',
          'await response.arrayBuffer();',
          'process.stdout.write(`fetched ${response.status}\\n`);',
        ].join('\n'),
      );
      const child = spawn(process.execPath, ['--import', 'tsx', script], {
        cwd: resolve(import.meta.dirname, '../../..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      const code = await new Promise<number | null>((done) => child.once('exit', done));
      expect(output).toBe('fetched 200\n');
      expect(code).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
