// The feed cache on real files in a temp dir.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Item } from '../../../src/core/feeds/item.js';
import { compareNewestFirst } from '../../../src/core/feeds/refresh.js';
import { FeedCache, feedKey, type FeedRecord } from '../../../src/core/storage/feed-cache.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tidings-cache-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const NOW = () => new Date('2026-11-27T08:00:00Z');

function item(feedUrl: string, n: number): Item {
  return {
    id: `${feedUrl.slice(-5)}-${n}`,
    feedUrl,
    source: feedUrl,
    title: `${feedUrl} ${n}`,
    link: null,
    published: '2026-11-26T10:00:00.000Z',
    firstSeen: '2026-11-27T08:00:00.000Z',
    author: null,
    categories: [],
    summary: '',
    contentHtml: null,
    enclosures: [],
  };
}

function record(url: string): FeedRecord {
  return {
    url,
    key: feedKey(url),
    title: url,
    etag: null,
    lastModified: null,
    fetchedAt: null,
    itemCount: 2,
    lastError: null,
  };
}

async function listedTitles(urls: readonly string[]): Promise<string[]> {
  const home = await mkdtemp(join(dir, 'home-'));
  const cache = new FeedCache(home, NOW);
  for (const url of urls) await cache.writeItems(url, feedKey(url), [item(url, 1), item(url, 2)]);
  await cache.writeIndex(urls.map(record));
  const items = await cache.readAllSummaries();
  return items.sort(compareNewestFirst).map((i) => i.title);
}

describe('FeedCache.readAllSummaries', () => {
  it('lists items of equal time in the same order whatever order the feeds finished in', async () => {
    const urls = ['https://a.example/feed', 'https://b.example/feed', 'https://c.example/feed'];
    const forward = await listedTitles(urls);
    const backward = await listedTitles([...urls].reverse());
    expect(backward).toEqual(forward);
    expect(forward).toHaveLength(6);
    // Within a feed, the feed's own order is kept.
    for (const url of urls) {
      expect(forward.filter((t) => t.startsWith(url))).toEqual([`${url} 1`, `${url} 2`]);
    }
  });
});
