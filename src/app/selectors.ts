// Derived data: the tabs, the filtered list, the visible window of a list, search results, feed
// errors, the status line. Computed from state on demand (memoized), never stored. No react/ink.
import { membershipResolver } from '../core/catalog/catalog.js';
import type { Catalog } from '../core/catalog/catalog.js';
import { memoLast } from './memo.js';
import { formatItemRow, type ListRow, type RowContext } from './rows.js';
import type {
  AppState,
  FavoriteSummary,
  FeedState,
  HomeScreen,
  Lang,
  ListItem,
  ListPlace,
  Screen,
  ScreenKind,
} from './state.js';

/** The screen on top of the stack. */
export function currentScreen(state: AppState): Screen {
  return state.stack[state.stack.length - 1]!;
}

/** The home screen (always at the bottom of the stack). */
export function homeScreen(state: AppState): HomeScreen {
  return state.stack[0] as HomeScreen;
}

/** A tab of the channel or region bar; `id` null is 全部 (all). */
export interface Tab {
  readonly id: string | null;
  readonly label: string;
}

const ALL_LABEL: Readonly<Record<Lang, string>> = { zh: '全部', en: 'All' };

const channelTabsOf = memoLast(
  (groups: Catalog['channels'] | Catalog['regions'], lang: Lang): readonly Tab[] => [
    { id: null, label: ALL_LABEL[lang] },
    ...groups.map((g) => ({ id: g.id, label: lang === 'en' ? (g.nameEn ?? g.name) : g.name })),
  ],
);
const regionTabsOf = memoLast((groups: Catalog['regions'], lang: Lang): readonly Tab[] => [
  { id: null, label: ALL_LABEL[lang] },
  ...groups.map((g) => ({ id: g.id, label: lang === 'en' ? (g.nameEn ?? g.name) : g.name })),
]);

/** The channel bar: 全部 then the catalog's channels. */
export function channelTabs(state: AppState): readonly Tab[] {
  return channelTabsOf(state.catalog.channels, state.lang);
}

/** The region bar: 全部 then the catalog's regions. */
export function regionTabs(state: AppState): readonly Tab[] {
  return regionTabsOf(state.catalog.regions, state.lang);
}

/** Feed URLs of a channel: an item is in the channel when it came from one of them. */
const channelFeedsOf = memoLast((catalog: Catalog): ReadonlyMap<string, ReadonlySet<string>> => {
  const map = new Map<string, ReadonlySet<string>>();
  for (const channel of catalog.channels)
    map.set(channel.id, new Set(channel.feeds.map((f) => f.url)));
  return map;
});

/** Region membership being worked out over the items, in order. */
interface RegionScan {
  readonly ids: Set<string>;
  readonly resolve: ((item: ListItem) => boolean) | null;
  next: number;
}

/**
 * Ids of the items in each region. Keyword matching over titles and summaries is the costly
 * part (tens of ms over 5,000 items), so channels never pay for it, each region is worked out
 * once per items array, and idle time does it ahead (see {@link warmRegionMembers}).
 */
const regionScansOf = memoLast((catalog: Catalog, items: readonly ListItem[]) => {
  const scans = new Map<string, RegionScan>();
  const scanOf = (regionId: string): RegionScan => {
    let scan = scans.get(regionId);
    if (scan === undefined) {
      const region = catalog.regions.find((r) => r.id === regionId);
      // Core's rule, for this one region.
      const resolve =
        region === undefined ? null : membershipResolver({ channels: [], regions: [region] });
      scan = {
        ids: new Set(),
        resolve:
          resolve === null
            ? null
            : (item) => resolve({ ...item, contentHtml: null }).regions.length > 0,
        next: 0,
      };
      scans.set(regionId, scan);
    }
    return scan;
  };
  /** Advances a region's scan until done or `deadline` (performance.now()); true when done. */
  const advance = (regionId: string, deadline: number): boolean => {
    const scan = scanOf(regionId);
    if (scan.resolve === null) return true;
    while (scan.next < items.length) {
      const item = items[scan.next]!;
      if (scan.resolve(item)) scan.ids.add(item.id);
      scan.next += 1;
      if ((scan.next & 63) === 0 && performance.now() >= deadline) break;
    }
    return scan.next >= items.length;
  };
  return {
    members(regionId: string): ReadonlySet<string> {
      advance(regionId, Number.POSITIVE_INFINITY);
      return scanOf(regionId).ids;
    },
    advance,
  };
});

/**
 * Works out region membership ahead, for at most `budgetMs`; true when every region is done.
 * The controller calls it in idle time so the first switch to a region answers at once.
 */
export function warmRegionMembers(state: AppState, budgetMs: number): boolean {
  const scans = regionScansOf(state.catalog, state.items);
  const deadline = performance.now() + budgetMs;
  // A region's scan goes at least 64 items per call, so every call makes progress.
  for (const region of state.catalog.regions) if (!scans.advance(region.id, deadline)) return false;
  return true;
}

const filterItems = memoLast(
  (
    catalog: Catalog,
    items: readonly ListItem[],
    channelId: string | null,
    regionId: string | null,
    isUnreadOnly: boolean,
    readIds: ReadonlySet<string>,
  ): readonly ListItem[] => {
    if (channelId === null && regionId === null && !isUnreadOnly) return items;
    const channelFeeds =
      channelId === null ? null : (channelFeedsOf(catalog).get(channelId) ?? new Set<string>());
    const regionMembers =
      regionId === null ? null : regionScansOf(catalog, items).members(regionId);
    return items.filter((item) => {
      if (isUnreadOnly && readIds.has(item.id)) return false;
      if (channelFeeds !== null && !channelFeeds.has(item.feedUrl)) return false;
      if (regionMembers !== null && !regionMembers.has(item.id)) return false;
      return true;
    });
  },
);

/** The home list: items of the selected channel × region (全部 = no filter), unread only when asked. */
export function homeItems(state: AppState): readonly ListItem[] {
  const home = homeScreen(state);
  const channelId = channelTabs(state)[home.channel]?.id ?? null;
  const regionId = regionTabs(state)[home.region]?.id ?? null;
  return filterItems(
    state.catalog,
    state.items,
    channelId,
    regionId,
    state.isUnreadOnly,
    state.readIds,
  );
}

const favoriteIdSet = memoLast(
  (favorites: readonly FavoriteSummary[]): ReadonlySet<string> =>
    new Set(favorites.map((f) => f.id)),
);

const labelsOf = memoLast((tabs: readonly Tab[]): readonly string[] => tabs.map((t) => t.label));
const regionLabelsOf = memoLast((tabs: readonly Tab[]): readonly string[] =>
  tabs.map((t) => t.label),
);

/** Labels of the channel bar (the same array while the tabs are the same). */
export function channelLabels(state: AppState): readonly string[] {
  return labelsOf(channelTabs(state));
}

/** Labels of the region bar (the same array while the tabs are the same). */
export function regionLabels(state: AppState): readonly string[] {
  return regionLabelsOf(regionTabs(state));
}

/** Ids of the saved favorites. */
export function favoriteIds(state: AppState): ReadonlySet<string> {
  return favoriteIdSet(state.favorites);
}

/** A search hit: a cached item or a favorite that is no longer in the cache. */
export interface SearchHit {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly published: string | null;
  readonly isFavoriteOnly: boolean;
}

const searchOver = memoLast(
  (
    items: readonly ListItem[],
    favorites: readonly FavoriteSummary[],
    favoriteTexts: ReadonlyMap<string, string>,
    query: string,
  ): readonly SearchHit[] => {
    const needle = query.trim().toLocaleLowerCase();
    if (needle === '') return [];
    const terms = needle.split(/\s+/);
    // A term has no whitespace, so it is in the text or in the saved text (already lower-cased),
    // never across both: no joined copy of a long saved text per keystroke.
    const matches = (text: string, saved?: string): boolean => {
      const hay = text.toLocaleLowerCase();
      return terms.every((t) => hay.includes(t) || (saved?.includes(t) ?? false));
    };
    const hits: SearchHit[] = [];
    const seen = new Set<string>();
    for (const item of items) {
      if (matches(`${item.title}\n${item.summary}\n${item.source}`, favoriteTexts.get(item.id))) {
        hits.push({
          id: item.id,
          title: item.title,
          source: item.source,
          published: item.published,
          isFavoriteOnly: false,
        });
        seen.add(item.id);
      }
    }
    for (const fav of favorites) {
      if (!seen.has(fav.id) && matches(`${fav.title}\n${fav.source}`, favoriteTexts.get(fav.id))) {
        hits.push({
          id: fav.id,
          title: fav.title,
          source: fav.source,
          published: fav.published,
          isFavoriteOnly: true,
        });
      }
    }
    return hits;
  },
);

/** Incremental search over titles and text of cached items and favorites; every word must match. */
export function searchHits(state: AppState, query: string): readonly SearchHit[] {
  return searchOver(state.items, state.favorites, state.favoriteTexts, query);
}

const errorsOf = memoLast((feeds: Readonly<Record<string, FeedState>>): readonly FeedState[] =>
  Object.values(feeds)
    .filter((f) => f.status === 'error')
    .sort((a, b) => a.title.localeCompare(b.title)),
);

/** Feeds whose last refresh failed, by title. */
export function feedErrors(state: AppState): readonly FeedState[] {
  return errorsOf(state.feeds);
}

/** Rows of each screen's chrome (bars, title, status, hints); the list gets the rest. */
const CHROME_ROWS: Readonly<Record<Exclude<ScreenKind, 'article'>, number>> = {
  home: 4,
  favorites: 3,
  search: 4,
  errors: 3,
};

/**
 * Rows available to the list of a screen. Ink repaints the whole screen when a frame fills the
 * terminal, so every screen draws at most `rows - 1` lines.
 */
export function listHeight(state: AppState, kind: Exclude<ScreenKind, 'article'>): number {
  return Math.max(1, state.viewport.rows - 1 - CHROME_ROWS[kind]);
}

/** The number of rows in the list of a list screen. */
export function listLength(state: AppState, screen: Exclude<Screen, { kind: 'article' }>): number {
  switch (screen.kind) {
    case 'home':
      return homeItems(state).length;
    case 'favorites':
      return state.favorites.length;
    case 'search':
      return searchHits(state, screen.query).length;
    case 'errors':
      return feedErrors(state).length;
  }
}

/** The rows of a list that are on screen: `start` inclusive, `end` exclusive. */
export interface ListWindow {
  readonly start: number;
  readonly end: number;
  readonly cursor: number;
}

/**
 * The visible window of a list: the cursor clamped into the list, the stored scroll position
 * moved just enough to show the cursor (so a resize never hides it), and the window clamped to
 * the list's end.
 */
export function listWindow(count: number, place: ListPlace, height: number): ListWindow {
  if (count === 0) return { start: 0, end: 0, cursor: 0 };
  const cursor = Math.min(Math.max(place.cursor, 0), count - 1);
  let start = Math.min(Math.max(place.scrollTop, cursor - height + 1), cursor);
  start = Math.max(0, Math.min(start, count - height));
  return { start, end: Math.min(count, start + height), cursor };
}

/** The item under the home cursor, if any. */
export function selectedHomeItem(state: AppState): ListItem | null {
  const items = homeItems(state);
  const home = homeScreen(state);
  return items[Math.min(home.cursor, items.length - 1)] ?? null;
}

/** Counts for the status line. */
export interface StatusInfo {
  readonly isRefreshing: boolean;
  readonly done: number;
  readonly total: number;
  readonly errorCount: number;
  readonly lastRefreshAt: string | null;
  readonly isOffline: boolean;
  readonly unreadCount: number;
}

const unreadIn = memoLast((items: readonly ListItem[], readIds: ReadonlySet<string>): number => {
  let unread = 0;
  for (const item of items) if (!readIds.has(item.id)) unread += 1;
  return unread;
});

/** What the status line reports. */
export function statusInfo(state: AppState): StatusInfo {
  const unread = unreadIn(homeItems(state), state.readIds);
  return {
    isRefreshing: state.refresh !== null,
    done: state.refresh?.done ?? 0,
    total: state.refresh?.total ?? 0,
    errorCount: feedErrors(state).length,
    lastRefreshAt: state.lastRefreshAt,
    isOffline: state.isOffline,
    unreadCount: unread,
  };
}

/** Columns of the home side panel when it is open beside the list. */
export const PANEL_WIDTH = 28;

/** How the home screen shares its width: the side panel beside the list from 70 columns, else instead of it. */
export interface HomeLayout {
  readonly listWidth: number;
  readonly isPanelBeside: boolean;
  readonly isPanelInstead: boolean;
}

/** The home screen's split between the list and the side panel. */
export function homeLayout(state: AppState): HomeLayout {
  const { columns } = state.viewport;
  const isPanelBeside = state.isPanelOpen && columns >= 70;
  return {
    listWidth: isPanelBeside ? columns - PANEL_WIDTH - 1 : columns,
    isPanelBeside,
    isPanelInstead: state.isPanelOpen && !isPanelBeside,
  };
}

const homeRowsOf = memoLast(
  (
    items: readonly ListItem[],
    start: number,
    end: number,
    cursor: number,
    isListFocused: boolean,
    readIds: ReadonlySet<string>,
    favorites: ReadonlySet<string>,
    width: number,
    now: number,
    lang: Lang,
    marks: RowContext['marks'],
  ): readonly ListRow[] => {
    const context: RowContext = { width, now, lang, marks };
    const rows: ListRow[] = [];
    for (let i = start; i < end; i++) {
      const item = items[i]!;
      const isRead = readIds.has(item.id);
      const isCursor = i === cursor;
      rows.push({
        key: item.id,
        text: formatItemRow(
          {
            title: item.title,
            source: item.source,
            published: item.published,
            isRead,
            isFavorite: favorites.has(item.id),
          },
          isCursor && isListFocused,
          context,
        ),
        isCursor,
        isBold: !isRead,
      });
    }
    return rows;
  },
);

/**
 * The visible rows of the home list, laid out. The same array comes back while nothing they show
 * changed (a refresh's progress, a notice, the spinner), so the list view need not redraw.
 */
export function homeRows(state: AppState, marks: RowContext['marks']): readonly ListRow[] {
  const home = homeScreen(state);
  const items = homeItems(state);
  const window = listWindow(items.length, home, listHeight(state, 'home'));
  return homeRowsOf(
    items,
    window.start,
    window.end,
    window.cursor,
    home.focus === 'list',
    state.readIds,
    favoriteIds(state),
    homeLayout(state).listWidth,
    state.now,
    state.lang,
    marks,
  );
}
