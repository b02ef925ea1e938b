import { describe, expect, it } from 'vitest';
import { reduce } from '../../../src/app/reducer.js';
import { initialState, type AppState, type ListItem } from '../../../src/app/state.js';
import type { Action } from '../../../src/app/actions.js';
import {
  currentScreen,
  homeItems,
  homeScreen,
  listWindow,
  searchHits,
  selectedHomeItem,
  statusInfo,
  feedErrors,
} from '../../../src/app/selectors.js';
import { NOW, catalog, item, manyItems } from './fixtures.js';

function start(items: readonly ListItem[], rows = 15): AppState {
  const state = initialState({ lang: 'zh', columns: 80, rows, catalog, now: NOW });
  return reduce(state, { type: 'cache-loaded', items, feeds: [], readIds: [], favorites: [] });
}

function run(state: AppState, ...actions: Action[]): AppState {
  return actions.reduce(reduce, state);
}

const mixed = [
  item('a', 'news', '福州地铁新线开通', 1),
  item('b', 'tech', 'New chip released', 2),
  item('c', 'xm', '鹭岛夜景', 3),
  item('d', 'news', '厦门 and Fuzhou trade', 4),
];

describe('home list selection', () => {
  it('filters by channel × region, 全部 meaning no filter', () => {
    let state = start(mixed);
    expect(homeItems(state).map((i) => i.id)).toEqual(['a', 'b', 'c', 'd']);
    state = run(state, { type: 'tab-moved', by: 1 });
    expect(homeItems(state).map((i) => i.id)).toEqual(['a', 'd']);
    state = run(state, { type: 'focus-cycled', by: 1 }, { type: 'focus-cycled', by: 1 });
    expect(homeScreen(state).focus).toBe('regions');
    state = run(state, { type: 'tab-moved', by: 1 });
    expect(homeItems(state).map((i) => i.id)).toEqual(['a', 'd']);
    state = run(state, { type: 'tab-moved', by: 1 });
    expect(homeItems(state).map((i) => i.id)).toEqual(['d']);
    state = run(state, { type: 'focus-cycled', by: -1 }, { type: 'tab-moved', by: -1 });
    expect(homeScreen(state).channel).toBe(0);
    expect(homeItems(state).map((i) => i.id)).toEqual(['c', 'd']);
  });

  it('wraps around the bars and resets the cursor on a switch', () => {
    let state = run(start(mixed), { type: 'cursor-moved', by: 2 });
    expect(homeScreen(state).cursor).toBe(2);
    state = run(state, { type: 'tab-moved', by: -1 });
    expect(homeScreen(state)).toMatchObject({ channel: 2, cursor: 0, scrollTop: 0 });
  });

  it('shows unread only when asked', () => {
    const state = run(
      start(mixed),
      { type: 'read-marked', ids: ['a', 'c'], isUndoable: false },
      {
        type: 'unread-filter-toggled',
      },
    );
    expect(homeItems(state).map((i) => i.id)).toEqual(['b', 'd']);
    expect(statusInfo(state).unreadCount).toBe(2);
  });
});

describe('cursor and scrolling', () => {
  it('clamps the cursor and scrolls just enough to keep it visible', () => {
    // rows 15 → 15 - 1 - 4 = 10 list rows.
    let state = start(manyItems(100));
    state = run(state, { type: 'cursor-moved', by: 12 });
    expect(homeScreen(state)).toMatchObject({ cursor: 12, scrollTop: 3 });
    state = run(state, { type: 'cursor-moved', by: -5 });
    expect(homeScreen(state)).toMatchObject({ cursor: 7, scrollTop: 3 });
    state = run(state, { type: 'cursor-jumped', to: 'bottom' });
    expect(homeScreen(state)).toMatchObject({ cursor: 99, scrollTop: 90 });
    state = run(state, { type: 'cursor-moved', by: 5 });
    expect(homeScreen(state).cursor).toBe(99);
    state = run(state, { type: 'list-paged', by: -1 });
    expect(homeScreen(state)).toMatchObject({ cursor: 89, scrollTop: 80 });
    state = run(state, { type: 'cursor-jumped', to: 'top' });
    expect(homeScreen(state)).toMatchObject({ cursor: 0, scrollTop: 0 });
  });

  it('moves from the top of the list up into the bars and back', () => {
    let state = start(manyItems(3));
    state = run(state, { type: 'cursor-moved', by: -1 });
    expect(homeScreen(state).focus).toBe('regions');
    state = run(state, { type: 'cursor-moved', by: -1 });
    expect(homeScreen(state).focus).toBe('channels');
    state = run(state, { type: 'cursor-moved', by: 1 }, { type: 'cursor-moved', by: 1 });
    expect(homeScreen(state)).toMatchObject({ focus: 'list', cursor: 0 });
  });

  it('keeps the cursor visible after the terminal shrinks', () => {
    let state = run(start(manyItems(100), 40), { type: 'cursor-moved', by: 30 });
    expect(homeScreen(state)).toMatchObject({ cursor: 30, scrollTop: 0 });
    state = run(state, { type: 'viewport-resized', columns: 40, rows: 15 });
    const home = homeScreen(state);
    expect(listWindow(100, home, 10)).toEqual({ start: 21, end: 31, cursor: 30 });
  });

  it('keeps the selected item selected when a refresh adds items above it', () => {
    let state = run(start(manyItems(20)), { type: 'cursor-moved', by: 4 });
    expect(selectedHomeItem(state)?.id).toBe('n4');
    const fresh = [
      item('new1', 'news', '突发', -2),
      item('new2', 'news', '快讯', -1),
      ...manyItems(20),
    ];
    state = run(state, { type: 'items-updated', items: fresh });
    expect(selectedHomeItem(state)?.id).toBe('n4');
    expect(homeScreen(state).cursor).toBe(6);
  });
});

describe('navigation stack', () => {
  it('restores the list place when going back', () => {
    let state = run(start(manyItems(50)), { type: 'cursor-moved', by: 17 });
    const before = homeScreen(state);
    state = run(state, {
      type: 'screen-pushed',
      screen: { kind: 'favorites', cursor: 0, scrollTop: 0 },
    });
    expect(currentScreen(state).kind).toBe('favorites');
    state = run(state, { type: 'screen-popped' }, { type: 'screen-popped' });
    expect(state.stack).toHaveLength(1);
    expect(homeScreen(state)).toEqual(before);
  });
});

describe('refresh status', () => {
  it('counts progress and errors, and marks offline when nothing answered', () => {
    let state = run(start(mixed), { type: 'refresh-started', scope: 'all', urls: ['u1', 'u2'] });
    expect(statusInfo(state)).toMatchObject({ isRefreshing: true, done: 0, total: 2 });
    state = run(state, {
      type: 'feed-refreshed',
      url: 'u1',
      title: 'One',
      error: 'timed out',
      at: 'T1',
    });
    expect(statusInfo(state)).toMatchObject({ done: 1, errorCount: 1 });
    state = run(
      state,
      { type: 'feed-refreshed', url: 'u2', title: 'Two', error: 'connection refused', at: 'T1' },
      { type: 'refresh-finished', at: 'T2', isCancelled: false },
    );
    expect(statusInfo(state)).toMatchObject({
      isRefreshing: false,
      isOffline: true,
      errorCount: 2,
      lastRefreshAt: null,
    });
    expect(feedErrors(state).map((f) => [f.title, f.error])).toEqual([
      ['One', 'timed out'],
      ['Two', 'connection refused'],
    ]);
    state = run(
      state,
      { type: 'refresh-started', scope: 'selection', urls: ['u1'] },
      { type: 'feed-refreshed', url: 'u1', title: 'One', error: null, at: 'T3' },
      { type: 'refresh-finished', at: 'T4', isCancelled: false },
    );
    expect(statusInfo(state)).toMatchObject({
      isOffline: false,
      errorCount: 1,
      lastRefreshAt: 'T4',
    });
  });

  it('leaves feeds a cancelled refresh never reached as they were', () => {
    const state = run(
      start(mixed),
      { type: 'refresh-started', scope: 'all', urls: ['u1', 'u2'] },
      { type: 'feed-refreshed', url: 'u1', title: 'One', error: null, at: 'T1' },
      { type: 'refresh-finished', at: 'T2', isCancelled: true },
    );
    expect(state.feeds['u2']?.status).toBe('idle');
    expect(state.refresh).toBeNull();
    expect(state.lastRefreshAt).toBe('T2');
  });
});

describe('read state', () => {
  it('marks read with undo of exactly what changed', () => {
    let state = run(start(mixed), { type: 'read-marked', ids: ['a'], isUndoable: false });
    state = run(state, { type: 'read-marked', ids: ['a', 'b', 'c'], isUndoable: true });
    expect(state.undo).toEqual({ ids: ['b', 'c'] });
    state = run(state, { type: 'read-unmarked', ids: state.undo!.ids });
    expect([...state.readIds]).toEqual(['a']);
    expect(state.undo).toBeNull();
  });
});

describe('search field', () => {
  it('types, erases by grapheme, sanitizes pasted text and matches every word', () => {
    let state = run(start(mixed), {
      type: 'screen-pushed',
      screen: { kind: 'search', query: '', cursor: 0, scrollTop: 0 },
    });
    state = run(state, { type: 'search-typed', text: '福州' });
    const query = () => (currentScreen(state) as { query: string }).query;
    expect(query()).toBe('福州');
    expect(searchHits(state, query()).map((h) => h.id)).toEqual(['a']);
    state = run(
      state,
      { type: 'search-typed', text: '\x1b]52;c;AAAA\x07 地铁' },
      { type: 'search-erased' },
    );
    expect(query()).toBe('福州 地');
    expect(searchHits(state, query()).map((h) => h.id)).toEqual(['a']);
    state = run(
      state,
      { type: 'search-erased' },
      { type: 'search-erased' },
      { type: 'search-erased' },
    );
    expect(query()).toBe('福');
    state = run(state, { type: 'search-erased' }, { type: 'search-erased' });
    expect(query()).toBe('');
    state = run(state, { type: 'search-typed', text: 'fuzhou TRADE' });
    expect(searchHits(state, query()).map((h) => h.id)).toEqual(['d']);
  });

  it('finds favorites that are no longer cached', () => {
    const state = run(start(mixed), {
      type: 'favorites-changed',
      favorites: [
        { id: 'gone', title: '旧闻：福州', source: 'x', link: null, published: null, savedAt: 'T' },
      ],
    });
    expect(searchHits(state, '福州').map((h) => [h.id, h.isFavoriteOnly])).toEqual([
      ['a', false],
      ['gone', true],
    ]);
  });
});

describe('font size', () => {
  it('steps through the presets and stops at the ends', () => {
    let state = start(mixed);
    expect(state.fontSize).toBe('medium');
    state = run(
      state,
      { type: 'font-changed', by: 1 },
      { type: 'font-changed', by: 1 },
      { type: 'font-changed', by: 1 },
    );
    expect(state.fontSize).toBe('xlarge');
    state = run(state, { type: 'font-changed', by: -1 });
    expect(state.fontSize).toBe('large');
  });
});
