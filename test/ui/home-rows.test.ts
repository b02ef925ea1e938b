// The home list's rows and the tab labels are memoized selectors: the same array comes back while
// nothing they show changed, so the memoized list view and tab bars skip re-rendering (a refresh's
// progress, a notice), and a new one when something did (the cursor, read state, the width).
import { describe, expect, it } from 'vitest';
import { reduce } from '../../src/app/reducer.js';
import { channelLabels, homeLayout, homeRows, regionLabels } from '../../src/app/selectors.js';
import { initialState, type AppState, type ListItem } from '../../src/app/state.js';
import type { Catalog } from '../../src/core/catalog/catalog.js';
import { createTheme } from '../../src/ui/theme.js';

const catalog: Catalog = {
  channels: [{ id: 'news', name: '国内', nameEn: 'China', feeds: [{ url: 'http://t/a.xml' }] }],
  regions: [{ id: 'fz', name: '福州', nameEn: 'Fuzhou', keywords: ['福州'], feeds: [] }],
};
const NOW = Date.parse('2026-01-01T12:00:00Z');

function item(n: number): ListItem {
  return {
    id: `id${n}`,
    feedUrl: 'http://t/a.xml',
    source: '日报',
    title: `第${n}条 福州新闻`,
    link: `https://example.com/${n}`,
    published: new Date(NOW - n * 60_000).toISOString(),
    author: null,
    categories: [],
    summary: '',
    enclosures: [],
    firstSeen: new Date(NOW).toISOString(),
  };
}

function loaded(count: number, rows = 10): AppState {
  const state = initialState({ lang: 'zh', columns: 60, rows, catalog, now: NOW });
  return reduce(state, {
    type: 'cache-loaded',
    items: Array.from({ length: count }, (_, n) => item(n)),
    feeds: [],
    readIds: ['id1'],
    favorites: [],
  });
}

const { marks } = createTheme(false);

describe('homeRows', () => {
  it('lays out the visible window: cursor mark, unread mark, bold for unread', () => {
    const state = loaded(100);
    const rows = homeRows(state, marks);
    // 10 rows - 1 - 4 rows of chrome = 5 list rows.
    expect(rows.map((r) => r.key)).toEqual(['id0', 'id1', 'id2', 'id3', 'id4']);
    expect(rows[0]!.text.main.startsWith('›● 第0条')).toBe(true);
    expect(rows[1]!.text.main.startsWith('   第1条')).toBe(true);
    expect(rows.map((r) => r.isBold)).toEqual([true, false, true, true, true]);
    expect(rows.map((r) => r.isCursor)).toEqual([true, false, false, false, false]);
  });

  it('returns the same array while only the status changes, a new one when the rows change', () => {
    const state = loaded(100);
    const rows = homeRows(state, marks);
    let next = reduce(state, { type: 'refresh-started', scope: 'all', urls: ['http://t/a.xml'] });
    next = reduce(next, {
      type: 'feed-refreshed',
      url: 'http://t/a.xml',
      title: 'A',
      error: 'refused',
      at: new Date(NOW).toISOString(),
    });
    next = reduce(next, { type: 'notice-shown', notice: { text: '已保存', tone: 'info' } });
    expect(next).not.toBe(state);
    expect(homeRows(next, marks)).toBe(rows);

    const moved = reduce(next, { type: 'cursor-moved', by: 1 });
    const movedRows = homeRows(moved, marks);
    expect(movedRows).not.toBe(rows);
    expect(movedRows.map((r) => r.isCursor)).toEqual([false, true, false, false, false]);
    // Same state again: the memo answers with the array it built.
    expect(homeRows(moved, marks)).toBe(movedRows);

    const read = reduce(moved, { type: 'read-marked', ids: ['id2'], isUndoable: false });
    expect(homeRows(read, marks)).not.toBe(movedRows);
    expect(homeRows(read, marks)[2]!.isBold).toBe(false);
  });

  it('narrows the rows when the side panel opens beside the list', () => {
    const state = reduce(loaded(10, 24), { type: 'viewport-resized', columns: 100, rows: 24 });
    const open = reduce(state, { type: 'panel-toggled' });
    expect(homeLayout(state)).toEqual({
      listWidth: 100,
      isPanelBeside: false,
      isPanelInstead: false,
    });
    expect(homeLayout(open)).toEqual({ listWidth: 71, isPanelBeside: true, isPanelInstead: false });
    const rows = homeRows(open, marks);
    expect(rows[0]!.text.main.length + rows[0]!.text.tail.length).toBeLessThanOrEqual(71);
  });
});

describe('tab labels', () => {
  it('are the same array for the same tabs, and follow the language', () => {
    const state = loaded(3);
    const labels = channelLabels(state);
    expect(labels).toEqual(['全部', '国内']);
    expect(channelLabels(reduce(state, { type: 'cursor-moved', by: 1 }))).toBe(labels);
    expect(regionLabels(state)).toEqual(['全部', '福州']);
    const en = { ...state, lang: 'en' as const };
    expect(channelLabels(en)).toEqual(['All', 'China']);
  });
});
