import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import {
  addFeed,
  CatalogEditError,
  mergeCatalog,
  normalizeFeedUrl,
  removeFeed,
} from '../../../src/core/catalog/edit-catalog.js';

const base: Catalog = {
  channels: [
    {
      id: 'top',
      name: '要闻',
      nameEn: 'Top stories',
      feeds: [{ url: 'https://a.example/rss', title: 'A' }],
    },
    { id: 'tech', name: '科技', nameEn: 'Technology', feeds: [] },
  ],
  regions: [{ id: 'xiamen', name: '厦门', nameEn: 'Xiamen', keywords: ['厦门'], feeds: [] }],
};

function editError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CatalogEditError) return error.message;
    throw error;
  }
  throw new Error('expected a CatalogEditError');
}

describe('normalizeFeedUrl', () => {
  it('lower-cases the host, drops default ports and fragments', () => {
    expect(normalizeFeedUrl(' HTTPS://Example.COM:443/Feed?x=1#top ')).toBe(
      'https://example.com/Feed?x=1',
    );
    expect(normalizeFeedUrl('http://example.com')).toBe('http://example.com/');
  });

  it('refuses other schemes and junk', () => {
    expect(editError(() => normalizeFeedUrl('ftp://example.com/feed'))).toBe(
      'only http and https feeds can be added, not ftp: ftp://example.com/feed',
    );
    expect(editError(() => normalizeFeedUrl('javascript:alert(1)'))).toBe(
      'only http and https feeds can be added, not javascript: javascript:alert(1)',
    );
    expect(editError(() => normalizeFeedUrl('not a url'))).toBe('not a valid URL: not a url');
  });
});

describe('addFeed', () => {
  it('adds to a channel and a region', () => {
    const next = addFeed(base, {
      url: 'https://b.example/rss',
      channelId: 'tech',
      regionId: 'xiamen',
      title: 'B',
    });
    expect(next.channels[1]?.feeds).toEqual([{ url: 'https://b.example/rss', title: 'B' }]);
    expect(next.regions[0]?.feeds).toEqual([{ url: 'https://b.example/rss', title: 'B' }]);
    expect(base.channels[1]?.feeds).toEqual([]);
  });

  it('refuses a URL the catalog already has, in any spelling, and says where it is', () => {
    expect(
      editError(() => addFeed(base, { url: 'HTTPS://A.EXAMPLE/rss', channelId: 'tech' })),
    ).toBe('https://a.example/rss is already in the catalog, in 要闻 / Top stories (top)');
  });

  it('refuses unknown channels and regions', () => {
    expect(editError(() => addFeed(base, { url: 'https://c.example/', channelId: 'nope' }))).toBe(
      'no channel "nope" (channels: top, tech)',
    );
    expect(
      editError(() =>
        addFeed(base, { url: 'https://c.example/', channelId: 'top', regionId: 'mars' }),
      ),
    ).toBe('no region "mars" (regions: xiamen)');
  });
});

describe('removeFeed', () => {
  it('removes a feed from every group that has it', () => {
    const withBoth = addFeed(base, {
      url: 'https://b.example/rss',
      channelId: 'tech',
      regionId: 'xiamen',
    });
    const result = removeFeed(withBoth, 'https://B.example/rss');
    expect(result.channels).toEqual(['tech']);
    expect(result.regions).toEqual(['xiamen']);
    expect(result.catalog).toEqual(base);
  });

  it('reports a feed the catalog does not have', () => {
    expect(editError(() => removeFeed(base, 'https://zzz.example/'))).toBe(
      'https://zzz.example/ is not in the catalog (see tidings feeds list)',
    );
  });
});

describe('mergeCatalog', () => {
  const incoming: Catalog = {
    channels: [
      {
        id: 'technology',
        name: 'Technology',
        feeds: [{ url: 'https://t.example/rss', title: 'T' }],
      },
      {
        id: 'misc',
        name: 'Misc',
        feeds: [{ url: 'https://a.example/rss' }, { url: 'https://m.example/rss' }],
      },
    ],
    regions: [
      { id: 'xiamen', name: '厦门', keywords: ['鹭岛'], feeds: [{ url: 'https://x.example/rss' }] },
    ],
  };

  it('matches groups by id or name, appends new ones and merges keywords', () => {
    const result = mergeCatalog(base, incoming);
    expect(result.added).toBe(4);
    expect(result.skipped).toBe(0);
    expect(result.newChannels).toEqual(['misc']);
    expect(result.newRegions).toEqual([]);
    expect(result.catalog.channels.map((c) => [c.id, c.feeds.map((f) => f.url)])).toEqual([
      ['top', ['https://a.example/rss']],
      ['tech', ['https://t.example/rss']],
      ['misc', ['https://a.example/rss', 'https://m.example/rss']],
    ]);
    expect(result.catalog.regions[0]?.keywords).toEqual(['厦门', '鹭岛']);
  });

  it('changes nothing the second time', () => {
    const once = mergeCatalog(base, incoming);
    const twice = mergeCatalog(once.catalog, incoming);
    expect(twice.added).toBe(0);
    expect(twice.skipped).toBe(4);
    expect(twice.catalog).toEqual(once.catalog);
  });
});
