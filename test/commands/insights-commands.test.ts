import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runHot } from '../../src/commands/hot.js';
import { runMark } from '../../src/commands/mark.js';
import { runRank } from '../../src/commands/rank.js';
import { runRelated } from '../../src/commands/related.js';
import { UsageError } from '../../src/commands/context.js';
import type { Item } from '../../src/core/feeds/item.js';
import { FeedCache, feedKey } from '../../src/core/storage/feed-cache.js';
import { FavoritesStore } from '../../src/core/storage/favorites-store.js';
import { HistoryStore } from '../../src/core/storage/history.js';
import { loadReadState } from '../../src/core/storage/read-state.js';
import { createTestContext, type TestContext } from '../helpers/command-context.js';
import { CORPUS, NOW } from '../unit/insights/corpus.js';
import { makeArticle } from '../unit/storage/fixtures/make-article.js';

let context: TestContext;
let catalogFile: string;

/** Writes the fixed corpus into a real feed cache, one cache file per feed. */
async function seedCache(): Promise<void> {
  const cache = new FeedCache(context.paths.cache, context.now);
  const byFeed = new Map<string, Item[]>();
  for (const entry of CORPUS) {
    const item: Item = {
      id: entry.id,
      feedUrl: entry.feedUrl,
      source: entry.source,
      title: entry.title,
      link: entry.link,
      published: entry.published,
      author: null,
      categories: [],
      summary: entry.text,
      contentHtml: `<p>${entry.text}</p>`,
      enclosures: [],
      firstSeen: entry.firstSeen,
    };
    byFeed.set(entry.feedUrl, [...(byFeed.get(entry.feedUrl) ?? []), item]);
  }
  for (const [url, items] of byFeed) await cache.writeItems(url, feedKey(url), items);
}

beforeEach(async () => {
  context = await createTestContext({ now: () => NOW });
  catalogFile = join(context.home, 'catalog.json');
  await writeFile(
    catalogFile,
    JSON.stringify({
      channels: [
        {
          id: 'local',
          name: '本地',
          feeds: ['https://a.example.com/rss.xml', 'https://c.example.com/rss.xml'],
        },
        { id: 'world', name: '国际', feeds: ['https://d.example.com/rss.xml'] },
      ],
      regions: [{ id: 'xiamen', name: '厦门', keywords: ['厦门', 'Xiamen'], feeds: [] }],
    }),
  );
  await seedCache();
});
afterEach(async () => {
  await context.dispose();
});

describe('tidings related', () => {
  it('lists the related articles of a cached item, without its copy on another feed', async () => {
    expect(await runRelated(context, { id: 'x1', limit: 5, isJson: true })).toBe(0);
    const result = JSON.parse(context.out.text()) as { id: string; related: { id: string }[] };
    expect(result.id).toBe('x1');
    expect(result.related.map((r) => r.id)).toEqual(['x5', 'x3', 'x4']);
  });

  it('prints titles, sources and shared terms as text', async () => {
    await runRelated(context, { id: 'x6', limit: 5, isJson: false });
    const lines = context.out.text().trimEnd().split('\n');
    expect(lines[0]).toBe('相关阅读 · Related to: 台风杜苏芮登陆福建晋江');
    expect(lines[1]).toMatch(/^1\. 台风杜苏芮逼近 厦门全市停课停工 {2}· 新华网 {2}\S+ \S+ {2}x7$/);
    expect(lines[2]).toMatch(/^ {3}shared: 台风, 杜苏芮, 停课, 全市, 厦门/);
    expect(lines).toHaveLength(3);
  });

  it('finds a saved article that is no longer cached, and relates cached items to it', async () => {
    const store = await FavoritesStore.open({ paths: context.paths, now: context.now });
    await store.add({
      ...makeArticle('saved1', '福州地铁6号线开通运营'),
      blocks: [{ type: 'paragraph', text: '福州地铁6号线开通运营，市民乘坐地铁更方便。' }],
    });
    await runRelated(context, { id: 'saved1', limit: 2, isJson: true });
    const result = JSON.parse(context.out.text()) as { related: { id: string }[] };
    expect(result.related.map((r) => r.id)).toEqual(['x5', 'x1']);
  });

  it('relates a cached item to a saved article by the saved text, not only its title', async () => {
    const store = await FavoritesStore.open({ paths: context.paths, now: context.now });
    await store.add({
      ...makeArticle('saved2', '一篇收藏'),
      blocks: [{ type: 'paragraph', text: '台风杜苏芮过境后，厦门全市停课一天，晋江沿海受灾。' }],
    });
    await runRelated(context, { id: 'x6', limit: 5, isJson: true });
    const result = JSON.parse(context.out.text()) as { related: { id: string }[] };
    // Its title (一篇收藏) shares nothing: the match comes from the saved text alone.
    expect(result.related.map((r) => r.id)).toEqual(['x7', 'saved2']);
  });

  it('an unknown id is a usage error', async () => {
    await expect(runRelated(context, { id: 'nope', limit: 5, isJson: false })).rejects.toThrow(
      UsageError,
    );
  });
});

describe('tidings hot', () => {
  it('prints the top terms of the last 24 hours with counts', async () => {
    expect(await runHot(context, { hours: 24, limit: 3, isJson: false })).toBe(0);
    expect(context.out.text()).toBe(
      '今日热词 · Hot words, last 24 hours\n1.  厦门  5\n2.  地铁  4\n3.  运营  4\n',
    );
  });

  it('as JSON, with the window', async () => {
    await runHot(context, { hours: 24, limit: 2, isJson: true });
    expect(JSON.parse(context.out.text())).toEqual({
      since: '2026-11-26T12:00:00.000Z',
      until: '2026-11-27T12:00:00.000Z',
      words: [
        { term: '厦门', count: 5 },
        { term: '地铁', count: 4 },
      ],
    });
  });
});

describe('tidings rank', () => {
  async function read(
    itemId: string,
    title: string,
    channels: string[],
    readAt: string,
  ): Promise<void> {
    const history = new HistoryStore({ paths: context.paths, now: context.now });
    await history.record({
      itemId,
      title,
      source: '新华网',
      feedUrl: 'https://a.example.com/rss.xml',
      link: null,
      channels,
      regions: ['xiamen'],
      readAt,
    });
  }

  it('ranks articles and channels (by name) over the chosen window', async () => {
    await read('x1', '厦门地铁3号线南延段开通运营', ['local'], '2026-11-27T09:00:00.000Z');
    await read('x1', '厦门地铁3号线南延段开通运营', ['local'], '2026-11-26T09:00:00.000Z');
    await read('x8', 'Typhoon Doksuri makes landfall', ['world'], '2026-11-27T10:00:00.000Z');
    await read('x12', '国务院召开常务会议', ['local'], '2026-11-20T10:00:00.000Z');
    expect(await runRank(context, { days: 3, limit: 10, catalogFile, isJson: false })).toBe(0);
    expect(context.out.text()).toMatch(
      new RegExp(
        [
          '^点击排行 · Most read, last 3 days \\(since \\S+ \\S+\\)',
          '',
          'Articles',
          '  1\\.  2×  厦门地铁3号线南延段开通运营 {5}· 新华网  x1',
          '  2\\.  1×  Typhoon Doksuri makes landfall  · 新华网  x8',
          '',
          'Channels',
          '  1\\.  2×  本地 \\(local\\)',
          '  2\\.  1×  国际 \\(world\\)',
          '',
          'Regions',
          '  1\\.  3×  厦门 \\(xiamen\\)',
          '$',
        ].join('\n'),
      ),
    );
    context.out.stdout.length = 0;
    await runRank(context, { days: 30, limit: 10, catalogFile, isJson: true });
    const rank = JSON.parse(context.out.text()) as {
      articles: { itemId: string; count: number }[];
    };
    expect(rank.articles.map((a) => [a.itemId, a.count])).toEqual([
      ['x1', 2],
      ['x8', 1],
      ['x12', 1],
    ]);
  });

  it('says so when nothing was read', async () => {
    await runRank(context, { days: 7, limit: 10, catalogFile, isJson: false });
    expect(context.out.text()).toMatch(/Nothing read in this period/);
  });
});

describe('tidings mark', () => {
  it('marks items read and unread', async () => {
    await runMark(context, {
      target: { kind: 'items', ids: ['x1', 'x2'] },
      isUnread: false,
      catalogFile,
      isJson: false,
    });
    expect(context.out.text()).toBe('Marked 2 items read (2 changed, 0 already read).\n');
    await runMark(context, {
      target: { kind: 'items', ids: ['x2'] },
      isUnread: true,
      catalogFile,
      isJson: false,
    });
    const state = await loadReadState(context.paths, context.now);
    expect([state.isRead('x1'), state.isRead('x2')]).toEqual([true, false]);
  });

  it('marks every cached item of a channel or region read', async () => {
    await runMark(context, {
      target: { kind: 'channel', id: 'local' },
      isUnread: false,
      catalogFile,
      isJson: true,
    });
    const out = JSON.parse(context.out.text()) as { ids: string[] };
    expect(out.ids.sort()).toEqual(['x1', 'x12', 'x3', 'x4', 'x6', 'x7']);
    context.out.stdout.length = 0;
    await runMark(context, {
      target: { kind: 'region', id: 'xiamen' },
      isUnread: false,
      catalogFile,
      isJson: false,
    });
    // Xiamen items: x1 x2 x3 x7 x8 (Xiamen in English) x13 (厦门马拉松); x6 mentions 厦门 in its summary.
    expect(context.out.text()).toBe(
      'Marked 7 cached items of 厦门 (xiamen) read (3 changed, 4 already read).\n',
    );
    const state = await loadReadState(context.paths, context.now);
    expect(CORPUS.filter((i) => !state.isRead(i.id)).map((i) => i.id)).toEqual([
      'x5',
      'x9',
      'x10',
      'x11',
    ]);
  });

  it('an unknown channel is a usage error', async () => {
    await expect(
      runMark(context, {
        target: { kind: 'channel', id: 'nope' },
        isUnread: false,
        catalogFile,
        isJson: false,
      }),
    ).rejects.toThrow('unknown channel "nope"');
  });
});

describe('tidings history', () => {
  it('lists what was opened, newest first, and clears it', async () => {
    const { runHistory } = await import('../../src/commands/history.js');
    const { recordOpen } = await import('../../src/core/storage/record-open.js');
    for (const [id, at] of [
      ['x1', '2026-11-27T09:00:00.000Z'],
      ['x8', '2026-11-27T10:00:00.000Z'],
    ] as const) {
      const item = CORPUS.find((i) => i.id === id);
      await recordOpen(
        context.paths,
        () => new Date(at),
        {
          id,
          title: item?.title ?? '',
          source: item?.source ?? '',
          feedUrl: item?.feedUrl ?? '',
          link: null,
        },
        { channels: [], regions: [] },
      );
    }
    await runHistory(context, { limit: null, isClear: false, isJson: true });
    expect((JSON.parse(context.out.text()) as { itemId: string }[]).map((e) => e.itemId)).toEqual([
      'x8',
      'x1',
    ]);
    context.out.stdout.length = 0;
    await runHistory(context, { limit: 1, isClear: false, isJson: false });
    expect(context.out.text()).toMatch(
      /^\S+ \S+ {2}x8 {2}Typhoon Doksuri makes landfall in Fujian, China {2}· Reuters\n$/,
    );
    context.out.stdout.length = 0;
    await runHistory(context, { limit: null, isClear: true, isJson: false });
    await runHistory(context, { limit: null, isClear: false, isJson: false });
    expect(context.out.text()).toBe(
      'Reading history cleared.\nNo reading history yet: articles you open are listed here.\n',
    );
  });
});
