import { describe, expect, it } from 'vitest';
import type { ReadEvent } from '../../../src/core/insights/most-read.js';
import { hotWordsOf, rankOf } from '../../../src/app/insights-adapter.js';
import { InsightsCache } from '../../../src/app/insights-cache.js';
import type { ListItem } from '../../../src/app/state.js';
import { item } from './fixtures.js';

const NOW = new Date('2026-01-01T12:00:00Z');

const TITLES = [
  '厦门地铁3号线南延段开通运营',
  '厦门地铁4号线年底试运营 翔安机场线加快建设',
  '翔安机场航站楼主体完工',
  '台风杜苏芮登陆福建 厦门停课',
  '杜苏芮过境 厦门地铁恢复运营',
  'Apple unveils iPhone with AI features',
  'Apple AI features arrive in China',
];

/** Items of the last day (one per title, an hour apart) plus one two days old. */
function items(titles: readonly string[] = TITLES): ListItem[] {
  return [
    ...titles.map((title, i) => item(`i${i}`, 'news', title, 60 * i)),
    item('old', 'news', '国务院常务会议部署经济工作', 60 * 48),
  ];
}

function history(): ReadEvent[] {
  const event = (itemId: string, daysAgo: number): ReadEvent => ({
    itemId,
    title: `标题 ${itemId}`,
    source: '新华网',
    link: null,
    channels: ['news'],
    regions: [],
    readAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  });
  return [
    event('a', 0.5),
    event('a', 1),
    event('b', 2),
    event('c', 5),
    event('c', 6),
    event('d', 20),
  ];
}

/** A cache that yields before every title it tokenizes, counting the yields. */
function countingCache(): { cache: InsightsCache; yields: () => number } {
  let yields = 0;
  let tick = 0;
  const cache = new InsightsCache({
    sliceMs: 1,
    clock: () => (tick += 1),
    yieldToLoop: async () => {
      yields += 1;
    },
  });
  return { cache, yields: () => yields };
}

describe('InsightsCache', () => {
  it('gives exactly what the uncached hot words and ranking give', async () => {
    const cache = new InsightsCache();
    expect(await cache.hotWords(items(), NOW)).toEqual(hotWordsOf(items(), NOW));
    expect(hotWordsOf(items(), NOW)).toEqual([
      { term: '厦门', count: 4 },
      { term: '地铁', count: 3 },
      { term: '运营', count: 3 },
      { term: 'ai', count: 2 },
      { term: 'apple', count: 2 },
      { term: 'features', count: 2 },
      { term: '机场', count: 2 },
      { term: '杜苏芮', count: 2 },
      { term: '翔安', count: 2 },
    ]);
    expect(await cache.rank(history(), NOW)).toEqual(rankOf(history(), NOW));
  });

  it('tokenizes each title once: a refresh that adds one item tokenizes one title', async () => {
    const { cache, yields } = countingCache();
    await cache.hotWords(items(), NOW);
    // The clock ticks a slice's whole budget per reading: a yield before every new title.
    expect(yields()).toBe(TITLES.length);
    expect(cache.knownTitles).toBe(TITLES.length);

    const before = yields();
    expect(await cache.hotWords(items(), NOW)).toEqual(hotWordsOf(items(), NOW));
    expect(yields() - before).toBe(0);

    const more = [...TITLES, '厦门机场新航线开通'];
    const afterRefresh = await cache.hotWords(items(more), NOW);
    expect(afterRefresh).toEqual(hotWordsOf(items(more), NOW));
    expect(afterRefresh.find((w) => w.term === '厦门')).toEqual({ term: '厦门', count: 5 });
    expect(yields() - before).toBe(1);
    expect(cache.knownTitles).toBe(TITLES.length + 1);
  });

  it('keeps only the titles of the current window', async () => {
    const cache = new InsightsCache();
    await cache.hotWords(items(), NOW);
    expect(cache.knownTitles).toBe(TITLES.length);
    // A day later only the newest titles are in the window.
    const later = new Date(NOW.getTime() + 21 * 3_600_000);
    await cache.hotWords(items(), later);
    expect(cache.knownTitles).toBe(3);
  });

  it('lets other work run between slices of a long computation', async () => {
    const cache = new InsightsCache({ sliceMs: 0 });
    const order: string[] = [];
    const many = items(Array.from({ length: 200 }, (_, i) => `厦门地铁${i}号线开通运营`));
    const done = cache.hotWords(many, NOW).then(() => order.push('hot words'));
    setImmediate(() => order.push('keypress'));
    await done;
    expect(order).toEqual(['keypress', 'hot words']);
  });

  it('ranks a history once per minute; a changed history is ranked again', async () => {
    const { cache, yields } = countingCache();
    const events = history();
    const first = await cache.rank(events, NOW);
    expect(first[3]).toEqual([
      { id: 'a', title: '标题 a', count: 2 },
      { id: 'b', title: '标题 b', count: 1 },
    ]);
    // Ties go to the most recently read.
    expect(first[7].map((e) => e.id)).toEqual(['a', 'c', 'b']);
    expect(first[30].map((e) => e.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(yields()).toBe(2); // between the three windows
    expect(await cache.rank(events, new Date(NOW.getTime() + 30_000))).toBe(first);
    expect(yields()).toBe(2);
    const appended = [...events, { ...events[0]!, itemId: 'b', readAt: NOW.toISOString() }];
    const second = await cache.rank(appended, NOW);
    expect(second[3].map((e) => e.id)).toEqual(['b', 'a']);
    expect(await cache.rank(appended, new Date(NOW.getTime() + 60_000))).not.toBe(second);
  });
});
