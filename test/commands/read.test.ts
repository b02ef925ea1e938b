import { readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/commands/context.js';
import {
  runRead,
  type ArticleLookup,
  type ReadCommandOptions,
  type ReadJson,
} from '../../src/commands/read.js';
import type { Item } from '../../src/core/feeds/item.js';
import { FeedCache, feedKey } from '../../src/core/storage/feed-cache.js';
import { FavoritesStore } from '../../src/core/storage/favorites-store.js';
import { HistoryStore } from '../../src/core/storage/history.js';
import { loadReadState } from '../../src/core/storage/read-state.js';
import { displayWidth } from '../../src/core/articles/text-metrics.js';
import { createTestContext, type TestContext } from '../helpers/command-context.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { englishArticle, fixturesDir } from '../unit/articles/article-fixtures.js';

let context: TestContext;
let server: FeedServer;

const riversidePath = '/city/2024/0318/laojie_1024';

function item(overrides: Partial<Item>): Item {
  return {
    id: 'a1b2c3d4e5f6',
    feedUrl: server.url('/feed.xml'),
    source: '晨报网',
    title: '老街新生：滨江区老旧小区改造一年追踪',
    link: server.url(`${riversidePath}.shtml`),
    published: '2024-03-18T01:30:00.000Z',
    author: null,
    categories: [],
    summary: '清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……',
    contentHtml: '<p>清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……</p>',
    enclosures: [],
    firstSeen: '2024-03-18T02:00:00.000Z',
    ...overrides,
  };
}

async function cacheItems(items: Item[]): Promise<void> {
  const cache = new FeedCache(context.paths.cache, context.now);
  const url = server.url('/feed.xml');
  await cache.writeItems(url, feedKey(url), items);
}

function options(overrides: Partial<ReadCommandOptions> = {}): ReadCommandOptions {
  return {
    target: 'a1b2c3d4e5f6',
    page: null,
    isAll: false,
    size: 'medium',
    width: null,
    fullText: 'auto',
    isJson: false,
    terminal: { columns: null, rows: null },
    timeZone: 'Asia/Shanghai',
    ...overrides,
  };
}

function serveRiverside(): void {
  for (const [suffix, file] of [
    ['', 'page-1.shtml'],
    ['_2', 'page-2.shtml'],
    ['_3', 'page-3.shtml'],
    ['_4', 'page-4.shtml'],
  ] as const) {
    server.route(`${riversidePath}${suffix}.shtml`, {
      body: readFileSync(path.join(fixturesDir, 'riverside', file)),
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
  }
}

function json(): ReadJson {
  return JSON.parse(context.out.text()) as ReadJson;
}

beforeEach(async () => {
  context = await createTestContext();
  server = await startFeedServer();
});
afterEach(async () => {
  await server.close();
  await context.dispose();
});

describe('tidings read', () => {
  it('prints the header, the first page and the page bar of a cached item, full text merged', async () => {
    serveRiverside();
    await cacheItems([item({})]);
    expect(await runRead(context, options({ terminal: { columns: 100, rows: 30 } }))).toBe(0);
    const lines = context.out.text().split('\n');
    const margin = ' '.repeat(10);
    expect(lines.slice(0, 6)).toEqual([
      `${margin}老街新生：滨江区老旧小区改造一年追踪`,
      `${margin}2024-03-18 09:30 · 周文 · 晨报网 · 责任编辑：林晓 · 1,590 字 · 约 4 分钟`,
      `${margin}共 4 页合并`,
      `${margin}原文：${server.url(`${riversidePath}.shtml`)}`,
      `${margin}${'─'.repeat(80)}`,
      '',
    ]);
    expect(lines[6]).toBe(
      `${margin}　　清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气。七十二岁的陈阿姨拎着菜篮`,
    );
    // 30 rows: 4 header lines, rule, blank, 21 body lines, blank, page bar; the last row stays free.
    expect(lines).toHaveLength(30);
    expect(lines.at(-2)).toBe(`${margin}‹ [1] 2 3 4 5 ›  第 1/5 页`);
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(90);
  });

  it('prints another page, every line with --all, and refuses a page out of range', async () => {
    serveRiverside();
    await cacheItems([item({})]);
    await runRead(context, options({ page: 2, isJson: true }));
    const second = json();
    expect([second.page, second.pages, second.width]).toEqual([2, 3, 80]);
    // 40 body rows a page when piped: the table's header row would have ended page 1, so page 2
    // starts with it.
    expect(second.lines[0]).toBe('楼层 │ 分摊比例 │ 每户出资（万元）');
    context.out.stdout.length = 0;
    await runRead(context, options({ isAll: true, isJson: true }));
    const all = json();
    expect(all.page).toBeNull();
    expect(all.lines.length).toBeGreaterThan(80);
    expect(all.lines.at(-1)).toBe('　　（责任编辑：林晓）');
    await expect(runRead(context, options({ page: 9 }))).rejects.toThrow(
      new UsageError('page 9 does not exist: the article has 3 pages'),
    );
  });

  it('gives {id, title, meta, page, pages, width, lines} as JSON', async () => {
    serveRiverside();
    await cacheItems([item({})]);
    await runRead(
      context,
      options({ isJson: true, size: 'xlarge', terminal: { columns: 120, rows: 40 } }),
    );
    const result = json();
    expect(Object.keys(result)).toEqual(['id', 'title', 'meta', 'page', 'pages', 'width', 'lines']);
    expect(result).toMatchObject({
      id: 'a1b2c3d4e5f6',
      title: '老街新生：滨江区老旧小区改造一年追踪',
      page: 1,
      width: 48,
    });
    expect(result.meta).toEqual({
      title: '老街新生：滨江区老旧小区改造一年追踪',
      published: '2024-03-18 09:30',
      author: '周文',
      source: '晨报网',
      editor: '林晓',
      link: server.url(`${riversidePath}.shtml`),
      length: 1590,
      readingMinutes: 4,
      textSource: 'page',
      sitePages: 4,
      notice: null,
    });
    for (const line of result.lines) expect(displayWidth(line)).toBeLessThanOrEqual(48);
  });

  it('reads offline from the cache with --no-full, and falls back to the feed text with a notice when the page fails', async () => {
    await cacheItems([item({ link: server.url('/gone.html') })]);
    await runRead(context, options({ fullText: 'never', isJson: true }));
    expect(json().meta).toMatchObject({ textSource: 'feed', notice: null });
    expect(server.requests).toHaveLength(0);
    context.out.stdout.length = 0;
    await runRead(context, options({}));
    const text = context.out.text();
    expect(text).toContain('未能获取全文（HTTP 404 Not Found），以下为订阅源提供的内容。');
    expect(text).toContain('　　清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……');
  });

  it('marks what it reads as read and records it in the history with its channels and regions', async () => {
    await cacheItems([item({})]);
    context = {
      ...context,
      demoCatalog: {
        channels: [{ id: 'city', name: '城市', feeds: [{ url: server.url('/feed.xml') }] }],
        regions: [{ id: 'binjiang', name: '滨江', keywords: ['滨江'], feeds: [] }],
      },
    };
    expect((await loadReadState(context.paths, context.now)).isRead('a1b2c3d4e5f6')).toBe(false);
    await runRead(context, options({ fullText: 'never' }));
    expect((await loadReadState(context.paths, context.now)).isRead('a1b2c3d4e5f6')).toBe(true);
    const history = await new HistoryStore({ paths: context.paths, now: context.now }).entries();
    expect(history.map((e) => [e.itemId, e.title, e.channels, e.regions, e.readAt])).toEqual([
      [
        'a1b2c3d4e5f6',
        '老街新生：滨江区老旧小区改造一年追踪',
        ['city'],
        ['binjiang'],
        '2026-11-27T08:00:00.000Z',
      ],
    ]);
  });

  it('honours --width and the presets, and finds items by a unique id prefix', async () => {
    await cacheItems([
      item({ contentHtml: `<p>${'正文内容。'.repeat(100)}</p>` }),
      item({ id: 'ffff00001111' }),
    ]);
    await runRead(context, options({ target: 'a1b2', width: 30, isJson: true, fullText: 'never' }));
    expect(json().width).toBe(30);
    for (const line of json().lines) expect(displayWidth(line)).toBeLessThanOrEqual(30);
    context.out.stdout.length = 0;
    await runRead(
      context,
      options({
        size: 'large',
        isJson: true,
        fullText: 'never',
        terminal: { columns: 50, rows: 20 },
      }),
    );
    expect(json().width).toBe(48);
  });

  it('is a usage error for an unknown id, an ambiguous prefix, or --width below 8', async () => {
    await cacheItems([item({ id: 'abcd00000001' }), item({ id: 'abcd00000002' })]);
    await expect(runRead(context, options({ target: 'nope' }))).rejects.toThrow(
      new UsageError('no cached or saved article with id "nope" (see tidings list)'),
    );
    await expect(runRead(context, options({ target: 'abcd' }))).rejects.toThrow(
      new UsageError('id prefix "abcd" matches 2 items: abcd00000001, abcd00000002'),
    );
    await expect(runRead(context, options({ target: 'abcd00000001', width: 5 }))).rejects.toThrow(
      new UsageError('--width must be at least 8'),
    );
  });

  describe('East Asian Ambiguous characters', () => {
    // “ ” and … are ambiguous: 1 column by default, 2 where the terminal draws them wide.
    const quoted = (): Item =>
      item({ contentHtml: '<p>“老街”的早点铺……“新生”的居民说，“今天”比“昨天”更好……</p>' });
    const writeSettings = async (text: string): Promise<void> => {
      await mkdir(context.paths.config, { recursive: true });
      await writeFile(path.join(context.paths.config, 'settings.json'), text);
    };
    const readLines = async (overrides: Partial<ReadCommandOptions>): Promise<string[]> => {
      context.out.stdout.length = 0;
      await runRead(context, options({ fullText: 'never', width: 20, isAll: true, ...overrides }));
      return context.out.text().split('\n');
    };

    it('follows "ambiguousWide" in settings.json, and the flag overrides it', async () => {
      await cacheItems([quoted()]);
      const narrow = await readLines({});
      expect(narrow).toContain('─'.repeat(20));
      const body = (lines: string[]): string[] => {
        const start = lines.indexOf('') + 1;
        return lines.slice(start, lines.indexOf('', start));
      };
      expect(body(narrow)).toEqual([
        '　　“老街”的早点',
        '铺……“新生”的居民说，',
        '“今天”比“昨天”更好……',
      ]);

      await writeSettings('{"ambiguousWide": true}');
      const wide = await readLines({});
      expect(wide).toContain('-'.repeat(20));
      expect(body(wide)).toEqual([
        '　　“老街”的早点',
        '铺……“新生”的居民',
        '说，“今天”比“昨',
        '天”更好……',
      ]);
      for (const line of wide) {
        expect(displayWidth(line, true)).toBeLessThanOrEqual(20);
      }
      expect(await readLines({ isAmbiguousWide: true })).toEqual(wide);
      expect(await readLines({ isAmbiguousWide: false })).toEqual(narrow);

      await writeSettings('{"ambiguousWide": false}');
      expect(await readLines({})).toEqual(narrow);
      expect(await readLines({ isAmbiguousWide: true })).toEqual(wide);
      expect(context.out.stderr).toEqual([]);
    });

    it('reports an ambiguousWide that is not a boolean on stderr, and reads narrow', async () => {
      await cacheItems([quoted()]);
      const narrow = await readLines({});
      await writeSettings('{"ambiguousWide": "yes"}');
      expect(await readLines({})).toEqual(narrow);
      const file = path.join(context.paths.config, 'settings.json');
      expect(context.out.stderr).toEqual([
        `tidings: ${file}: "ambiguousWide" must be true or false\n`,
      ]);
    });
  });

  it('uses the font size the reader last chose when --size is not given', async () => {
    await cacheItems([item({ contentHtml: '<p>正文</p>' })]);
    const widthOf = async (overrides: Partial<ReadCommandOptions>): Promise<number> => {
      context.out.stdout.length = 0;
      await runRead(context, options({ fullText: 'never', isJson: true, ...overrides }));
      return (JSON.parse(context.out.text()) as { width: number }).width;
    };
    expect(await widthOf({ size: null })).toBe(80);
    await mkdir(context.paths.config, { recursive: true });
    await writeFile(path.join(context.paths.config, 'settings.json'), '{"fontSize": "xlarge"}');
    expect(await widthOf({ size: null })).toBe(48);
    expect(await widthOf({ size: 'small' })).toBe(100);
  });

  it('reads a saved favorite from its snapshot, without the network', async () => {
    const store = await FavoritesStore.open({ paths: context.paths, now: context.now });
    const saved = englishArticle();
    await store.add({ ...saved, header: { ...saved.header, itemId: 'fav000000001' } }, []);
    await runRead(context, options({ target: 'fav000000001', isJson: true }));
    const result = json();
    expect(result.title).toBe("How a small library became the town's living room");
    expect(result.lines[0]).toBe(
      'When the Millbrook public library extended its opening hours to ten at night,',
    );
    expect(server.requests).toHaveLength(0);
  });

  it('reads a URL directly, and takes extra lookups', async () => {
    serveRiverside();
    await runRead(context, options({ target: server.url(`${riversidePath}.shtml`), isJson: true }));
    // Title and site from the page's <title> and <h1>; the time printed on the page, read as UTC+8.
    expect(json().meta).toMatchObject({
      sitePages: 4,
      title: '老街新生：滨江区老旧小区改造一年追踪',
      source: '晨报网',
      author: '周文',
      editor: '林晓',
      published: '2024-03-18 09:30',
    });
    context.out.stdout.length = 0;
    const custom: ArticleLookup = async (id) =>
      id === 'custom'
        ? {
            kind: 'item',
            item: item({ id: 'custom', link: null, contentHtml: '<p>Custom text.</p>' }),
          }
        : null;
    await runRead(context, options({ target: 'custom', isJson: true }), [custom]);
    expect(json().lines).toEqual(['Custom text.']);
  });
});
