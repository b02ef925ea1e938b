// The home list's channel × region filter: channels by feed URL, regions by core's keyword rule,
// each region worked out once per items array (ahead, in idle time, by warmRegionMembers). The
// result must be what core's membershipResolver says for every channel × region.
import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/app/reducer.js';
import { homeItems, warmRegionMembers } from '../../src/app/selectors.js';
import { initialState, type AppState, type ListItem } from '../../src/app/state.js';
import { membershipResolver, type Catalog } from '../../src/core/catalog/catalog.js';

const catalog: Catalog = {
  channels: [
    { id: 'news', name: '国内', feeds: [{ url: 'http://t/a.xml' }, { url: 'http://t/b.xml' }] },
    { id: 'tech', name: '科技', feeds: [{ url: 'http://t/b.xml' }, { url: 'http://t/c.xml' }] },
  ],
  regions: [
    { id: 'fz', name: '福州', keywords: ['福州', 'Fuzhou'], feeds: [] },
    { id: 'xm', name: '厦门', keywords: ['厦门'], feeds: [{ url: 'http://t/c.xml' }] },
    { id: 'sm', name: '三明', keywords: ['三明', '-三明治'], feeds: [] },
  ],
};
const NOW = Date.parse('2026-01-01T12:00:00Z');
const TEXTS = ['福州地铁', 'Fuzhou metro', 'fuzhouese', '厦门港', '三明治', '三明 新闻', '天气'];

function items(count: number): ListItem[] {
  return Array.from({ length: count }, (_, n) => ({
    id: `i${n}`,
    feedUrl: `http://t/${'abcd'[n % 4]}.xml`,
    source: 'S',
    title: TEXTS[n % TEXTS.length]!,
    link: null,
    published: new Date(NOW - n * 60_000).toISOString(),
    author: null,
    categories: n % 5 === 0 ? ['福州'] : [],
    summary: n % 3 === 0 ? '厦门' : '',
    enclosures: [],
    firstSeen: new Date(NOW).toISOString(),
  }));
}

function loaded(list: readonly ListItem[]): AppState {
  const state = initialState({ lang: 'zh', columns: 80, rows: 24, catalog, now: NOW });
  return reduce(state, {
    type: 'cache-loaded',
    items: list,
    feeds: [],
    readIds: [],
    favorites: [],
  });
}

function select(state: AppState, channel: number, region: number): AppState {
  const home = state.stack[0]!;
  return { ...state, stack: [{ ...home, channel, region } as typeof home] };
}

/** What core says: items whose membership has the channel and the region (null = all). */
function reference(list: readonly ListItem[], channel: string | null, region: string | null) {
  const resolve = membershipResolver(catalog);
  return list
    .filter((item) => {
      const m = resolve({ ...item, contentHtml: null });
      return (
        (channel === null || m.channels.includes(channel)) &&
        (region === null || m.regions.includes(region))
      );
    })
    .map((i) => i.id);
}

describe('home filter', () => {
  it('agrees with core for every channel × region, warmed or not', () => {
    const list = items(200);
    const channels = [null, 'news', 'tech'];
    const regions = [null, 'fz', 'xm', 'sm'];
    for (const isWarmed of [false, true]) {
      const state = loaded(isWarmed ? [...list] : list);
      if (isWarmed) while (!warmRegionMembers(state, 1));
      channels.forEach((channel, c) =>
        regions.forEach((region, r) => {
          const ids = homeItems(select(state, c, r)).map((i) => i.id);
          expect(ids, `${channel} × ${region}`).toEqual(reference(list, channel, region));
        }),
      );
    }
    // Spot checks of the rules themselves: 三明治 is not 三明; a feed of the region counts.
    const state = loaded(list);
    expect(homeItems(select(state, 0, 3)).map((i) => i.title)).not.toContain('三明治');
    expect(homeItems(select(state, 0, 2)).some((i) => i.feedUrl === 'http://t/c.xml')).toBe(true);
  });

  it('warms region by region within its budget, then reports done', () => {
    const state = loaded(items(5000));
    let turns = 0;
    while (!warmRegionMembers(state, 0)) turns += 1;
    // A zero budget stops after each slice of 64 items: many turns, each short.
    expect(turns).toBeGreaterThan(3 * (5000 / 64) - 3);
    expect(warmRegionMembers(state, 0)).toBe(true);
    // A new items array starts over.
    const refreshed = reduce(state, { type: 'items-updated', items: items(5000) });
    expect(warmRegionMembers(refreshed, 0)).toBe(false);
  });
});
