// The one reducer: (state, action) → state. Pure and synchronous; no I/O, no clock, no react/ink.
import { sanitizeText } from '../core/feeds/sanitize.js';
import type { Action } from './actions.js';
import {
  channelTabs,
  currentScreen,
  homeItems,
  homeScreen,
  listHeight,
  listLength,
  listWindow,
  regionTabs,
} from './selectors.js';
import {
  FONT_SIZES,
  RANK_WINDOWS,
  type AppState,
  type ArticleScreen,
  type FeedState,
  type HomeFocus,
  type Screen,
} from './state.js';
import { dropLastGrapheme } from './text-fit.js';

type ListScreen = Exclude<Screen, { kind: 'article' }>;

function replaceTop(state: AppState, screen: Screen): AppState {
  return { ...state, stack: [...state.stack.slice(0, -1), screen] };
}

function replaceHome(
  state: AppState,
  update: (home: AppState['stack'][0] & { kind: 'home' }) => Screen,
): AppState {
  return { ...state, stack: [update(homeScreen(state)), ...state.stack.slice(1)] };
}

/** Moves a list screen's cursor to `cursor`, scrolling just enough to keep it visible. */
function placeCursor(state: AppState, screen: ListScreen, cursor: number): ListScreen {
  const count = listLength(state, screen);
  const height = listHeight(state, screen.kind);
  const clamped = Math.max(0, Math.min(cursor, count - 1));
  const window = listWindow(count, { cursor: clamped, scrollTop: screen.scrollTop }, height);
  return { ...screen, cursor: window.cursor, scrollTop: window.start };
}

function updateArticle(
  state: AppState,
  itemId: string,
  update: (screen: ArticleScreen) => ArticleScreen,
): AppState {
  return {
    ...state,
    stack: state.stack.map((s) => (s.kind === 'article' && s.itemId === itemId ? update(s) : s)),
  };
}

const FOCUS_ORDER: readonly HomeFocus[] = ['channels', 'regions', 'list'];

function wrap(index: number, length: number): number {
  return ((index % length) + length) % length;
}

function moveCursor(state: AppState, by: number): AppState {
  if (state.isHelpOpen) return { ...state, helpTop: Math.max(0, state.helpTop + by) };
  const screen = currentScreen(state);
  if (screen.kind === 'article') {
    if (screen.load.status !== 'ready') return state;
    const last = screen.load.related.length - 1;
    const relatedCursor = Math.max(0, Math.min(screen.relatedCursor + by, last));
    return replaceTop(state, { ...screen, relatedCursor });
  }
  if (screen.kind === 'home' && screen.focus !== 'list') {
    // Up and down on the bars walk the focus between them and the list.
    const index = FOCUS_ORDER.indexOf(screen.focus) + Math.sign(by);
    return replaceTop(state, { ...screen, focus: FOCUS_ORDER[Math.max(0, Math.min(index, 2))]! });
  }
  if (screen.kind === 'home' && by < 0 && screen.cursor === 0) {
    return replaceTop(state, { ...screen, focus: 'regions' });
  }
  return replaceTop(state, placeCursor(state, screen, screen.cursor + by));
}

/** What is known of a feed before any refresh. */
function newFeed(url: string): FeedState {
  return { url, title: url, status: 'idle', error: null, fetchedAt: null };
}

function withFeed(state: AppState, url: string, update: (feed: FeedState) => FeedState): AppState {
  const feed = state.feeds[url] ?? newFeed(url);
  return { ...state, feeds: { ...state.feeds, [url]: update(feed) } };
}

/** Keeps the home cursor on the same item when the list under it changes. */
function keepHomeSelection(before: AppState, after: AppState): AppState {
  const oldHome = homeScreen(before);
  const selectedId = homeItems(before)[oldHome.cursor]?.id;
  if (selectedId === undefined) return after;
  const index = homeItems(after).findIndex((item) => item.id === selectedId);
  if (index < 0 || index === oldHome.cursor) return after;
  const delta = index - oldHome.cursor;
  return replaceHome(after, (home) =>
    placeCursor(after, { ...home, scrollTop: home.scrollTop + delta }, index),
  );
}

/** Applies one action. */
export function reduce(state: AppState, action: Action): AppState {
  switch (action.type) {
    case 'viewport-resized':
      if (action.columns === state.viewport.columns && action.rows === state.viewport.rows)
        return state;
      return {
        ...state,
        viewport: { columns: Math.max(1, action.columns), rows: Math.max(1, action.rows) },
      };

    case 'cache-loaded': {
      const feeds: Record<string, FeedState> = { ...state.feeds };
      for (const feed of action.feeds)
        feeds[feed.url] =
          state.feeds[feed.url]?.status === 'loading' ? state.feeds[feed.url]! : feed;
      const next: AppState = {
        ...state,
        items: action.items,
        feeds,
        readIds: new Set([...state.readIds, ...action.readIds]),
        favorites: action.favorites,
        isLoadingCache: false,
      };
      return keepHomeSelection(state, next);
    }

    case 'items-updated':
      // The same array again (a refresh that changed nothing): nothing to recompute.
      if (action.items === state.items) return state;
      return keepHomeSelection(state, { ...state, items: action.items });

    case 'refresh-started': {
      // One copy of the feeds record for all of them (not one per feed).
      const feeds: Record<string, FeedState> = { ...state.feeds };
      for (const url of action.urls) {
        const feed = feeds[url] ?? newFeed(url);
        feeds[url] = { ...feed, status: 'loading' };
      }
      return {
        ...state,
        feeds,
        refresh: { scope: action.scope, total: action.urls.length, done: 0, failed: 0 },
      };
    }

    case 'feed-refreshed': {
      const refresh = state.refresh;
      const next = withFeed(state, action.url, (feed) => ({
        ...feed,
        title: action.title !== '' ? action.title : feed.title,
        status: action.error === null ? 'ok' : 'error',
        error: action.error,
        fetchedAt: action.error === null ? action.at : feed.fetchedAt,
      }));
      if (refresh === null) return next;
      return {
        ...next,
        refresh: {
          ...refresh,
          done: refresh.done + 1,
          failed: refresh.failed + (action.error === null ? 0 : 1),
        },
      };
    }

    case 'feeds-refreshed': {
      let next = state;
      for (const outcome of action.outcomes)
        next = reduce(next, { type: 'feed-refreshed', ...outcome });
      return next;
    }

    case 'refresh-finished': {
      const run = state.refresh;
      const feeds: Record<string, FeedState> = {};
      for (const [url, feed] of Object.entries(state.feeds)) {
        // Feeds a cancelled refresh never reached keep what they had, shown as idle.
        feeds[url] =
          feed.status === 'loading'
            ? { ...feed, status: feed.error === null ? 'idle' : 'error' }
            : feed;
      }
      const isOffline =
        run !== null && !action.isCancelled && run.done > 0 && run.failed === run.done;
      return {
        ...state,
        feeds,
        refresh: null,
        lastRefreshAt: run !== null && run.done > run.failed ? action.at : state.lastRefreshAt,
        isOffline: action.isCancelled ? state.isOffline : isOffline,
      };
    }

    case 'cursor-moved':
      return moveCursor(state, action.by);

    case 'cursor-jumped': {
      const screen = currentScreen(state);
      if (screen.kind === 'article') return state;
      const target = action.to === 'top' ? 0 : listLength(state, screen) - 1;
      const focused = screen.kind === 'home' ? { ...screen, focus: 'list' as const } : screen;
      return replaceTop(state, placeCursor(state, focused, target));
    }

    case 'list-paged': {
      if (state.isHelpOpen)
        return moveCursor(state, action.by * Math.max(1, state.viewport.rows - 3));
      const screen = currentScreen(state);
      if (screen.kind === 'article') return state;
      const height = listHeight(state, screen.kind);
      const count = listLength(state, screen);
      const scrollTop = Math.max(
        0,
        Math.min(screen.scrollTop + action.by * height, count - height),
      );
      const focused = screen.kind === 'home' ? { ...screen, focus: 'list' as const } : screen;
      return replaceTop(
        state,
        placeCursor(state, { ...focused, scrollTop }, screen.cursor + action.by * height),
      );
    }

    case 'focus-cycled': {
      const screen = currentScreen(state);
      if (screen.kind !== 'home') return state;
      const focus =
        FOCUS_ORDER[wrap(FOCUS_ORDER.indexOf(screen.focus) + action.by, FOCUS_ORDER.length)]!;
      return replaceTop(state, { ...screen, focus });
    }

    case 'focus-set': {
      const screen = currentScreen(state);
      return screen.kind === 'home' ? replaceTop(state, { ...screen, focus: action.focus }) : state;
    }

    case 'tab-moved': {
      const screen = currentScreen(state);
      if (screen.kind !== 'home') return state;
      if (screen.focus === 'regions') {
        const region = wrap(screen.region + action.by, regionTabs(state).length);
        return replaceTop(state, { ...screen, region, cursor: 0, scrollTop: 0 });
      }
      const channel = wrap(screen.channel + action.by, channelTabs(state).length);
      return replaceTop(state, { ...screen, channel, cursor: 0, scrollTop: 0 });
    }

    case 'screen-pushed':
      return { ...state, stack: [...state.stack, action.screen], isHelpOpen: false };

    case 'screen-popped':
      return state.stack.length <= 1 ? state : { ...state, stack: state.stack.slice(0, -1) };

    case 'article-loaded':
      return updateArticle(state, action.itemId, (screen) => ({
        ...screen,
        load: { status: 'ready', article: action.article, related: action.related },
      }));

    case 'article-failed':
      return updateArticle(state, action.itemId, (screen) => ({
        ...screen,
        load: { status: 'error', message: action.message },
      }));

    case 'article-anchored':
      return updateArticle(state, action.itemId, (screen) => ({
        ...screen,
        anchor: Math.max(0, action.anchor),
      }));

    case 'font-changed': {
      const index = Math.max(
        0,
        Math.min(FONT_SIZES.indexOf(state.fontSize) + action.by, FONT_SIZES.length - 1),
      );
      return { ...state, fontSize: FONT_SIZES[index]! };
    }

    case 'favorite-texts-loaded':
      return { ...state, favoriteTexts: action.texts };

    case 'favorites-changed':
      return { ...state, favorites: action.favorites };

    case 'read-marked': {
      const changed = action.ids.filter((id) => !state.readIds.has(id));
      if (changed.length === 0) return action.isUndoable ? { ...state, undo: null } : state;
      const readIds = new Set(state.readIds);
      for (const id of changed) readIds.add(id);
      return keepHomeSelection(state, {
        ...state,
        readIds,
        undo: action.isUndoable ? { ids: changed } : state.undo,
      });
    }

    case 'read-unmarked': {
      const readIds = new Set(state.readIds);
      for (const id of action.ids) readIds.delete(id);
      return keepHomeSelection(state, { ...state, readIds, undo: null });
    }

    case 'unread-filter-toggled':
      return replaceHome({ ...state, isUnreadOnly: !state.isUnreadOnly }, (home) => ({
        ...home,
        cursor: 0,
        scrollTop: 0,
      }));

    case 'panel-toggled':
      return { ...state, isPanelOpen: !state.isPanelOpen };

    case 'rank-window-cycled': {
      const index = RANK_WINDOWS.indexOf(state.rankWindow);
      return { ...state, rankWindow: RANK_WINDOWS[(index + 1) % RANK_WINDOWS.length]! };
    }

    case 'insights-loaded':
      return { ...state, hotWords: action.hotWords, rank: action.rank, areInsightsLoaded: true };

    case 'help-toggled':
      return { ...state, isHelpOpen: !state.isHelpOpen, helpTop: 0 };

    case 'search-typed': {
      const screen = currentScreen(state);
      if (screen.kind !== 'search') return state;
      const text = sanitizeText(action.text).replace(/\n/g, ' ');
      if (text === '') return state;
      return replaceTop(state, { ...screen, query: screen.query + text, cursor: 0, scrollTop: 0 });
    }

    case 'search-erased': {
      const screen = currentScreen(state);
      if (screen.kind !== 'search' || screen.query === '') return state;
      return replaceTop(state, {
        ...screen,
        query: dropLastGrapheme(screen.query),
        cursor: 0,
        scrollTop: 0,
      });
    }

    case 'notice-shown':
      return { ...state, notice: action.notice };

    case 'notice-cleared':
      return state.notice === null ? state : { ...state, notice: null };

    case 'clock-ticked':
      return { ...state, now: action.now };
  }
}
