// The reader's state as plain data (the Elm model): a navigation stack of screens, the viewport,
// the cached items, per-feed status, favorites and read state. Pagination and visible rows are
// derived in selectors.ts, never stored. No react/ink.
import type { Catalog } from '../core/catalog/catalog.js';
import type { Article } from '../core/articles/article.js';
import type { Item } from '../core/feeds/item.js';

/** The UI language. */
export type Lang = 'zh' | 'en';

/** An item as lists need it: everything but its content HTML (loaded when the article opens). */
export type ListItem = Omit<Item, 'contentHtml'>;

/** The 字号 presets come from the article engine, smallest first. */
export { FONT_SIZES, type FontSize } from '../core/articles/font-size.js';
import type { FontSize } from '../core/articles/font-size.js';

/** Which part of the home screen has the keyboard. */
export type HomeFocus = 'channels' | 'regions' | 'list';

/** A list's place: the selected row and the first row shown (kept so scrolling does not jump). */
export interface ListPlace {
  readonly cursor: number;
  readonly scrollTop: number;
}

export interface HomeScreen extends ListPlace {
  readonly kind: 'home';
  readonly focus: HomeFocus;
  /** Index into the channel tabs; 0 is 全部 (all). */
  readonly channel: number;
  /** Index into the region tabs; 0 is 全部 (all). */
  readonly region: number;
}

/** An article being read. The place is a character offset; the page shown is derived from it. */
export type ArticleLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly article: Article; readonly related: readonly ListItem[] }
  | { readonly status: 'error'; readonly message: string };

export interface ArticleScreen {
  readonly kind: 'article';
  readonly itemId: string;
  /** The list entry it was opened from (header data while the text loads). */
  readonly item: ListItem;
  readonly load: ArticleLoad;
  /** Offset (in characters of the text) of the first character at the top of the page shown. */
  readonly anchor: number;
  /** Selected entry of 相关阅读. */
  readonly relatedCursor: number;
}

export interface FavoritesScreen extends ListPlace {
  readonly kind: 'favorites';
}

export interface SearchScreen extends ListPlace {
  readonly kind: 'search';
  readonly query: string;
}

export interface ErrorsScreen extends ListPlace {
  readonly kind: 'errors';
}

export type Screen = HomeScreen | ArticleScreen | FavoritesScreen | SearchScreen | ErrorsScreen;
export type ScreenKind = Screen['kind'];

/** A favorite as the favorites list shows it. */
export interface FavoriteSummary {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly link: string | null;
  readonly published: string | null;
  /** ISO time it was saved. */
  readonly savedAt: string;
}

/** What the last (or current) refresh of one feed gave. */
export interface FeedState {
  readonly url: string;
  readonly title: string;
  readonly status: 'idle' | 'loading' | 'ok' | 'error';
  /** One readable line when status is error. */
  readonly error: string | null;
  /** ISO time of the last successful fetch. */
  readonly fetchedAt: string | null;
}

/** A refresh in flight. */
export interface RefreshRun {
  readonly scope: 'all' | 'selection';
  readonly total: number;
  readonly done: number;
  readonly failed: number;
}

export interface Notice {
  readonly text: string;
  readonly tone: 'info' | 'error';
}

/** A term of 今日热词. */
export interface HotWord {
  readonly term: string;
  readonly count: number;
}

/** An entry of 点击排行. */
export interface RankEntry {
  readonly id: string;
  readonly title: string;
  readonly count: number;
}

/** Windows of 点击排行, in days. */
export const RANK_WINDOWS = [3, 7, 30] as const;
export type RankWindow = (typeof RANK_WINDOWS)[number];

export interface AppState {
  readonly lang: Lang;
  readonly viewport: { readonly columns: number; readonly rows: number };
  /** Never empty; the first screen is home. */
  readonly stack: readonly Screen[];
  readonly isHelpOpen: boolean;
  /** First help line shown (the help scrolls when it is taller than the terminal). */
  readonly helpTop: number;
  readonly catalog: Catalog;
  /** Cached items, newest first. */
  readonly items: readonly ListItem[];
  /** True until the cache has been read once. */
  readonly isLoadingCache: boolean;
  /** Per feed URL. */
  readonly feeds: Readonly<Record<string, FeedState>>;
  readonly refresh: RefreshRun | null;
  /** ISO time the last refresh ended. */
  readonly lastRefreshAt: string | null;
  /** True when the last refresh reached no feed at all. */
  readonly isOffline: boolean;
  readonly readIds: ReadonlySet<string>;
  readonly favorites: readonly FavoriteSummary[];
  /** The saved text of favorites by id, lower-cased, for search (loaded when search opens). */
  readonly favoriteTexts: ReadonlyMap<string, string>;
  readonly isUnreadOnly: boolean;
  readonly isPanelOpen: boolean;
  readonly rankWindow: RankWindow;
  readonly hotWords: readonly HotWord[];
  readonly rank: Readonly<Record<RankWindow, readonly RankEntry[]>>;
  /** False until the hot words and the ranking have been counted once (the panel says so). */
  readonly areInsightsLoaded: boolean;
  readonly fontSize: FontSize;
  /** The terminal draws East Asian Ambiguous characters 2 columns wide (the settings file says). */
  readonly isAmbiguousWide: boolean;
  readonly notice: Notice | null;
  /** What `read.undo` restores: the ids the last mark-all changed. */
  readonly undo: { readonly ids: readonly string[] } | null;
  /** Current time in ms, ticked by the controller; relative times derive from it. */
  readonly now: number;
}

export interface InitialStateOptions {
  readonly lang: Lang;
  readonly columns: number;
  readonly rows: number;
  readonly catalog: Catalog;
  readonly now: number;
  readonly fontSize?: FontSize;
  /** @default false */
  readonly isAmbiguousWide?: boolean;
}

/** The state before anything is loaded: home, nothing cached yet. */
export function initialState(options: InitialStateOptions): AppState {
  return {
    lang: options.lang,
    viewport: { columns: options.columns, rows: options.rows },
    stack: [{ kind: 'home', focus: 'list', channel: 0, region: 0, cursor: 0, scrollTop: 0 }],
    isHelpOpen: false,
    helpTop: 0,
    catalog: options.catalog,
    items: [],
    isLoadingCache: true,
    feeds: {},
    refresh: null,
    lastRefreshAt: null,
    isOffline: false,
    readIds: new Set(),
    favorites: [],
    favoriteTexts: new Map(),
    isUnreadOnly: false,
    isPanelOpen: false,
    rankWindow: 3,
    hotWords: [],
    rank: { 3: [], 7: [], 30: [] },
    areInsightsLoaded: false,
    fontSize: options.fontSize ?? 'medium',
    isAmbiguousWide: options.isAmbiguousWide ?? false,
    notice: null,
    undo: null,
    now: options.now,
  };
}
