// Small, exact fixtures for app-layer tests: a two-channel, two-region catalog and items in it.
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import type { ListItem } from '../../../src/app/state.js';

export const catalog: Catalog = {
  channels: [
    { id: 'news', name: '国内', nameEn: 'China', feeds: [{ url: 'http://t/news.xml' }] },
    { id: 'tech', name: '科技', nameEn: 'Tech', feeds: [{ url: 'http://t/tech.xml' }] },
  ],
  regions: [
    { id: 'fuzhou', name: '福州', nameEn: 'Fuzhou', keywords: ['福州', 'Fuzhou'], feeds: [] },
    {
      id: 'xiamen',
      name: '厦门',
      nameEn: 'Xiamen',
      keywords: ['厦门', '鹭岛'],
      feeds: [{ url: 'http://t/xm.xml' }],
    },
  ],
};

/** An item of `feed` published `minutesAgo` before 2026-01-01T12:00Z. */
export function item(id: string, feed: string, title: string, minutesAgo = 0): ListItem {
  const published = new Date(
    Date.parse('2026-01-01T12:00:00Z') - minutesAgo * 60_000,
  ).toISOString();
  return {
    id,
    feedUrl: `http://t/${feed}.xml`,
    source: feed,
    title,
    link: `https://example.com/${id}`,
    published,
    author: null,
    categories: [],
    summary: '',
    enclosures: [],
    firstSeen: published,
  };
}

/** `count` items of the news channel, newest first, ids n0…n(count-1). */
export function manyItems(count: number): ListItem[] {
  return Array.from({ length: count }, (_, i) => item(`n${i}`, 'news', `新闻 ${i}`, i));
}

export const NOW = Date.parse('2026-01-01T12:00:00Z');
