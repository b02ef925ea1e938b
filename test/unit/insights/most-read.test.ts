import { describe, expect, it } from 'vitest';
import { mostRead, type ReadEvent } from '../../../src/core/insights/most-read.js';

const NOW = new Date('2026-11-27T12:00:00.000Z');

function read(
  itemId: string,
  daysAgo: number,
  channels: string[],
  regions: string[] = [],
): ReadEvent {
  return {
    itemId,
    title: `标题 ${itemId}`,
    source: '新华网',
    link: null,
    channels,
    regions,
    readAt: new Date(NOW.getTime() - daysAgo * 86_400_000).toISOString(),
  };
}

const HISTORY: ReadEvent[] = [
  read('a', 0.5, ['news'], ['xiamen']),
  read('a', 1, ['news'], ['xiamen']),
  read('a', 2, ['news'], ['xiamen']),
  read('b', 0.2, ['sports']),
  read('b', 2.5, ['sports']),
  read('c', 0.1, ['tech', 'news']),
  read('d', 5, ['tech']),
  read('d', 6, ['tech']),
  read('d', 6.5, ['tech']),
  read('d', 6.9, ['tech']),
  read('e', 20, ['finance'], ['fuzhou']),
  read('f', 45, ['news']),
];

describe('mostRead over 3, 7 and 30 days', () => {
  it('3 days: articles by opens then recency; channels and regions by opens', () => {
    const rank = mostRead(HISTORY, NOW, 3);
    expect(rank.since).toBe('2026-11-24T12:00:00.000Z');
    expect(rank.articles.map((a) => [a.itemId, a.count, a.lastReadAt])).toEqual([
      ['a', 3, '2026-11-27T00:00:00.000Z'],
      ['b', 2, '2026-11-27T07:12:00.000Z'],
      ['c', 1, '2026-11-27T09:36:00.000Z'],
    ]);
    expect(rank.channels).toEqual([
      { id: 'news', count: 4 },
      { id: 'sports', count: 2 },
      { id: 'tech', count: 1 },
    ]);
    expect(rank.regions).toEqual([{ id: 'xiamen', count: 3 }]);
  });

  it('7 days: the article read four times last week leads', () => {
    const rank = mostRead(HISTORY, NOW, 7);
    expect(rank.articles.map((a) => [a.itemId, a.count])).toEqual([
      ['d', 4],
      ['a', 3],
      ['b', 2],
      ['c', 1],
    ]);
    expect(rank.channels).toEqual([
      { id: 'tech', count: 5 },
      { id: 'news', count: 4 },
      { id: 'sports', count: 2 },
    ]);
  });

  it('30 days: everything but the entry older than a month, with a limit', () => {
    const rank = mostRead(HISTORY, NOW, 30, 2);
    expect(rank.articles.map((a) => a.itemId)).toEqual(['d', 'a']);
    expect(rank.channels).toEqual([
      { id: 'tech', count: 5 },
      { id: 'news', count: 4 },
    ]);
    expect(rank.regions).toEqual([
      { id: 'xiamen', count: 3 },
      { id: 'fuzhou', count: 1 },
    ]);
    expect(mostRead(HISTORY, NOW, 30).articles.map((a) => a.itemId)).toEqual([
      'd',
      'a',
      'b',
      'c',
      'e',
    ]);
  });

  it('an empty history ranks nothing', () => {
    expect(mostRead([], NOW, 7)).toEqual({
      days: 7,
      since: '2026-11-20T12:00:00.000Z',
      articles: [],
      channels: [],
      regions: [],
    });
  });
});
