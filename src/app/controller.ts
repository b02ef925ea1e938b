// The controller: operations from the keymap → reducer actions and side effects (refresh, load an
// article, save a favorite, open a link). Async work reports back by dispatching events; nothing
// here waits on the network before the UI can draw. No react/ink.
import type { FeedRef } from '../core/catalog/catalog.js';
import { catalogFeeds } from '../core/catalog/catalog.js';
import type { Operation } from '../keymap/operations.js';
import type { Action } from './actions.js';
import { loadArticleLayout } from './article-engine.js';
import { articleView } from './article-view.js';
import { labels } from './labels.js';
import type { ReaderServices } from './services.js';
import {
  channelTabs,
  currentScreen,
  favoriteIds,
  feedErrors,
  homeItems,
  homeScreen,
  listHeight,
  regionTabs,
  searchHits,
  selectedHomeItem,
  warmRegionMembers,
} from './selectors.js';
import type { Store } from './store.js';
import type { ArticleScreen, ListItem } from './state.js';

export interface ControllerOptions {
  /** Called once when the user quits. */
  readonly onQuit: () => void;
  /** How long a notice stays in the status line. @default 4000 */
  readonly noticeMs?: number;
}

export interface Controller {
  /** Loads the cache (if not given already) and starts the first background refresh. */
  start(options?: {
    readonly isCacheLoaded?: boolean;
    readonly shouldRefresh?: boolean;
  }): Promise<void>;
  /** Runs one operation of the key table; `count` is the digit of `page.goto`. */
  perform(op: Operation, count?: number | null): void;
  /** Text typed into the search field. */
  type(text: string): void;
  resize(columns: number, rows: number): void;
  /** Cancels everything in flight and stops timers. */
  dispose(): void;
  /** Settles when the work started so far has ended (tests and shutdown). */
  idle(): Promise<void>;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? error.name;
  return String(error);
}

function isWebLink(link: string | null): link is string {
  if (link === null) return false;
  try {
    const url = new URL(link);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** One feed's end, as the state takes it. */
type FeedProgress = Extract<Action, { type: 'feeds-refreshed' }>['outcomes'][number];

/** How often a refresh's progress (feeds done, failed) is drawn at most, in ms. */
const PROGRESS_MS = 50;

/** Creates the controller over a store and the services. */
export function createController(
  store: Store,
  services: ReaderServices,
  options: ControllerOptions,
): Controller {
  const { dispatch, getState } = store;
  const pending = new Set<Promise<unknown>>();
  const articleLoads = new Map<string, AbortController>();
  let refreshAbort: AbortController | null = null;
  let noticeTimer: NodeJS.Timeout | null = null;
  let clockTimer: NodeJS.Timeout | null = null;
  let warmTimer: NodeJS.Immediate | null = null;
  let progressTimer: NodeJS.Timeout | null = null;
  let pendingProgress: FeedProgress[] = [];
  let isDisposed = false;
  const t = () => labels(getState().lang);

  const track = <T>(promise: Promise<T>): void => {
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
  };

  const notify = (text: string, tone: 'info' | 'error' = 'info'): void => {
    if (isDisposed) return;
    dispatch({ type: 'notice-shown', notice: { text, tone } });
    if (noticeTimer !== null) clearTimeout(noticeTimer);
    noticeTimer = setTimeout(() => dispatch({ type: 'notice-cleared' }), options.noticeMs ?? 4000);
    noticeTimer.unref();
  };

  const run = (work: () => Promise<void>): void => {
    track(
      work().catch((error: unknown) => {
        notify(describeError(error), 'error');
      }),
    );
  };

  // One write at a time, each writing the size current when it runs: the last press wins.
  let fontSaving: Promise<void> = Promise.resolve();
  const saveFontSize = (): void => {
    const next = fontSaving.then(() => services.saveFontSize(getState().fontSize));
    fontSaving = next.catch(() => undefined);
    run(() => next);
  };

  // Region membership (keyword matching over 5,000 summaries) is worked out in idle time, a few
  // ms per turn of the event loop, so the first switch to a region needs no scan.
  // It waits while a refresh runs (the refresh's own work comes first; it is scheduled again
  // when the refresh ends).
  const warmRegions = (): void => {
    warmTimer = null;
    if (isDisposed || refreshAbort !== null) return;
    if (!warmRegionMembers(getState(), 4)) warmTimer = setImmediate(warmRegions);
  };
  const scheduleWarm = (): void => {
    if (warmTimer === null && !isDisposed) warmTimer = setImmediate(warmRegions);
  };

  // Feeds that finish within one progress interval are applied together: one state change and
  // one frame for them all, not one per feed (100 failing feeds drew 100 frames in a second).
  const flushProgress = (): void => {
    if (progressTimer !== null) clearTimeout(progressTimer);
    progressTimer = null;
    if (pendingProgress.length === 0) return;
    const outcomes = pendingProgress;
    pendingProgress = [];
    dispatch({ type: 'feeds-refreshed', outcomes });
  };
  const queueProgress = (outcome: FeedProgress): void => {
    pendingProgress.push(outcome);
    if (progressTimer === null) {
      progressTimer = setTimeout(flushProgress, PROGRESS_MS);
      progressTimer.unref();
    }
  };

  const refresh = (scope: 'all' | 'selection'): void => {
    if (refreshAbort !== null) {
      notify(t().refreshBusy);
      return;
    }
    const state = getState();
    let feeds: readonly FeedRef[] = catalogFeeds(state.catalog);
    if (scope === 'selection') {
      const home = homeScreen(state);
      const channelId = channelTabs(state)[home.channel]?.id ?? null;
      const regionId = regionTabs(state)[home.region]?.id ?? null;
      const channel = state.catalog.channels.find((c) => c.id === channelId);
      const region = state.catalog.regions.find((r) => r.id === regionId);
      if (channel !== undefined || region !== undefined) {
        const urls = new Set(
          [...(channel?.feeds ?? []), ...(region?.feeds ?? [])].map((f) => f.url),
        );
        feeds = feeds.filter((f) => urls.has(f.url));
      }
    }
    if (feeds.length === 0) return;
    const abort = new AbortController();
    refreshAbort = abort;
    dispatch({ type: 'refresh-started', scope, urls: feeds.map((f) => f.url) });
    run(async () => {
      try {
        const items = await services.refresh(feeds, {
          signal: abort.signal,
          onFeed: (outcome) => {
            if (abort.signal.aborted || isDisposed) return;
            queueProgress({ ...outcome, at: services.now().toISOString() });
          },
          onItems: (items) => {
            if (abort.signal.aborted || isDisposed) return;
            flushProgress();
            dispatch({ type: 'items-updated', items });
            scheduleWarm();
          },
        });
        if (isDisposed) return;
        const isRead = await services.readState.load();
        const readIds = items.filter((item) => isRead(item.id)).map((item) => item.id);
        flushProgress();
        dispatch({ type: 'items-updated', items });
        scheduleWarm();
        dispatch({ type: 'read-marked', ids: readIds, isUndoable: false });
        if (getState().isPanelOpen) loadInsights();
      } finally {
        // A cancelled refresh has already been reported finished (see refresh.cancel).
        if (refreshAbort === abort) {
          refreshAbort = null;
          if (!isDisposed) flushProgress();
          scheduleWarm();
          if (!isDisposed)
            dispatch({
              type: 'refresh-finished',
              at: services.now().toISOString(),
              isCancelled: false,
            });
        }
      }
    });
  };

  const loadInsights = (): void => {
    run(async () => {
      try {
        const { hotWords, rank } = await services.insights(getState().items);
        if (!isDisposed) dispatch({ type: 'insights-loaded', hotWords, rank });
      } catch (error) {
        // The panel must not say "counting…" forever: it shows nothing counted, the notice why.
        if (!isDisposed && !getState().areInsightsLoaded) {
          dispatch({ type: 'insights-loaded', hotWords: [], rank: { 3: [], 7: [], 30: [] } });
        }
        throw error;
      }
    });
  };

  const reloadFavorites = async (): Promise<void> => {
    const favorites = await services.favorites.list();
    if (!isDisposed) dispatch({ type: 'favorites-changed', favorites });
  };

  const markRead = (ids: readonly string[], isUndoable: boolean): void => {
    const unread = ids.filter((id) => !getState().readIds.has(id));
    dispatch({ type: 'read-marked', ids, isUndoable });
    if (unread.length > 0) run(() => services.readState.mark(unread, true));
  };

  const openArticle = (item: ListItem): void => {
    const screen: ArticleScreen = {
      kind: 'article',
      itemId: item.id,
      item,
      load: { status: 'loading' },
      anchor: 0,
      relatedCursor: 0,
    };
    dispatch({ type: 'screen-pushed', screen });
    // recordVisit marks it read on disk too.
    dispatch({ type: 'read-marked', ids: [item.id], isUndoable: false });
    run(() => services.recordVisit(item));
    articleLoads.get(item.id)?.abort();
    const abort = new AbortController();
    articleLoads.set(item.id, abort);
    run(async () => {
      try {
        const [article] = await Promise.all([
          services.loadArticle(item.id, abort.signal),
          loadArticleLayout(),
        ]);
        if (abort.signal.aborted || isDisposed) return;
        const related = services.related(article, getState().items);
        dispatch({ type: 'article-loaded', itemId: item.id, article, related });
      } catch (error) {
        if (abort.signal.aborted || isDisposed) return;
        dispatch({ type: 'article-failed', itemId: item.id, message: describeError(error) });
      } finally {
        if (articleLoads.get(item.id) === abort) articleLoads.delete(item.id);
      }
    });
  };

  /** A list entry for an id: a cached item, or a favorite no longer in the cache. */
  const entryFor = (id: string): ListItem | null => {
    const state = getState();
    const cached = state.items.find((i) => i.id === id);
    if (cached !== undefined) return cached;
    const fav = state.favorites.find((f) => f.id === id);
    if (fav === undefined) return null;
    return {
      id: fav.id,
      feedUrl: '',
      source: fav.source,
      title: fav.title,
      link: fav.link,
      published: fav.published,
      author: null,
      categories: [],
      summary: '',
      enclosures: [],
      firstSeen: fav.savedAt,
    };
  };

  /** The item the current screen is about: the article, or the row under the cursor. */
  const focusedEntry = (): ListItem | null => {
    const state = getState();
    const screen = currentScreen(state);
    switch (screen.kind) {
      case 'home':
        return screen.focus === 'list' ? selectedHomeItem(state) : null;
      case 'article':
        return screen.item;
      case 'favorites': {
        const fav = state.favorites[screen.cursor];
        return fav === undefined ? null : entryFor(fav.id);
      }
      case 'search': {
        const hit = searchHits(state, screen.query)[screen.cursor];
        return hit === undefined ? null : entryFor(hit.id);
      }
      case 'errors':
        return null;
    }
  };

  const linkOf = (): string | null => {
    const screen = currentScreen(getState());
    if (screen.kind === 'article' && screen.load.status === 'ready')
      return screen.load.article.header.link;
    return focusedEntry()?.link ?? null;
  };

  const toggleFavorite = (): void => {
    const entry = focusedEntry();
    if (entry === null) return;
    const isSaved = favoriteIds(getState()).has(entry.id);
    const screen = currentScreen(getState());
    run(async () => {
      if (isSaved) {
        await services.favorites.remove(entry.id);
        await reloadFavorites();
        notify(t().unfavorited);
        return;
      }
      const ready =
        screen.kind === 'article' && screen.load.status === 'ready' ? screen.load.article : null;
      if (ready === null) notify(t().saving);
      const article = ready ?? (await services.loadArticle(entry.id, new AbortController().signal));
      await services.favorites.add(article);
      await reloadFavorites();
      notify(t().favorited);
    });
  };

  const turnPage = (target: (current: number, count: number) => number): void => {
    const state = getState();
    const screen = currentScreen(state);
    if (screen.kind !== 'article') return;
    const view = articleView(state, screen);
    if (view === null) return;
    const index = Math.max(0, Math.min(target(view.pageIndex, view.pageCount), view.pageCount - 1));
    if (index === view.pageIndex) return;
    dispatch({
      type: 'article-anchored',
      itemId: screen.itemId,
      anchor: view.pageStarts[index] ?? 0,
    });
  };

  const openSelected = (): void => {
    const state = getState();
    const screen = currentScreen(state);
    switch (screen.kind) {
      case 'home': {
        if (screen.focus !== 'list') {
          dispatch({ type: 'focus-set', focus: 'list' });
          return;
        }
        const item = selectedHomeItem(state);
        if (item !== null) openArticle(item);
        return;
      }
      case 'article': {
        if (screen.load.status !== 'ready') return;
        const view = articleView(state, screen);
        const related = screen.load.related[screen.relatedCursor];
        // 相关阅读 is shown (and so selectable) on the last page only.
        if (related !== undefined && view !== null && view.pageIndex === view.pageCount - 1)
          openArticle(related);
        return;
      }
      case 'favorites':
      case 'search': {
        const entry = focusedEntry();
        if (entry !== null) openArticle(entry);
        return;
      }
      case 'errors':
        return;
    }
  };

  const goBack = (): void => {
    const screen = currentScreen(getState());
    if (screen.kind === 'article') articleLoads.get(screen.itemId)?.abort();
    dispatch({ type: 'screen-popped' });
  };

  const perform = (op: Operation, count: number | null = null): void => {
    if (isDisposed) return;
    const state = getState();
    const screen = currentScreen(state);
    const isArticle = screen.kind === 'article';
    if (state.isHelpOpen && (op === 'page.next' || op === 'page.prev')) {
      dispatch({ type: 'list-paged', by: op === 'page.next' ? 1 : -1 });
      return;
    }
    switch (op) {
      case 'cursor.down':
        dispatch({ type: 'cursor-moved', by: 1 });
        return;
      case 'cursor.up':
        dispatch({ type: 'cursor-moved', by: -1 });
        return;
      case 'cursor.top':
        if (isArticle) turnPage(() => 0);
        else dispatch({ type: 'cursor-jumped', to: 'top' });
        return;
      case 'cursor.bottom':
        if (isArticle) turnPage((_, pages) => pages - 1);
        else dispatch({ type: 'cursor-jumped', to: 'bottom' });
        return;
      case 'cursor.half-down':
      case 'cursor.half-up': {
        if (isArticle) {
          turnPage((current) => current + (op === 'cursor.half-down' ? 1 : -1));
          return;
        }
        const half = Math.max(1, Math.floor(listHeight(state, screen.kind) / 2));
        dispatch({ type: 'cursor-moved', by: op === 'cursor.half-down' ? half : -half });
        return;
      }
      case 'page.next':
        if (isArticle) turnPage((current) => current + 1);
        else dispatch({ type: 'list-paged', by: 1 });
        return;
      case 'page.prev':
        if (isArticle) turnPage((current) => current - 1);
        else dispatch({ type: 'list-paged', by: -1 });
        return;
      case 'page.goto':
        if (count !== null) turnPage(() => count - 1);
        return;
      case 'focus.next':
        dispatch({ type: 'focus-cycled', by: 1 });
        return;
      case 'focus.prev':
        dispatch({ type: 'focus-cycled', by: -1 });
        return;
      case 'bar.prev':
        dispatch({ type: 'tab-moved', by: -1 });
        return;
      case 'bar.next':
        dispatch({ type: 'tab-moved', by: 1 });
        return;
      case 'item.open':
        openSelected();
        return;
      case 'nav.back':
        goBack();
        return;
      case 'font.larger':
        dispatch({ type: 'font-changed', by: 1 });
        saveFontSize();
        return;
      case 'font.smaller':
        dispatch({ type: 'font-changed', by: -1 });
        saveFontSize();
        return;
      case 'favorite.toggle':
        toggleFavorite();
        return;
      case 'link.open': {
        const link = linkOf();
        if (!isWebLink(link)) {
          notify(t().noLink, 'error');
          return;
        }
        run(async () => {
          await services.openUrl(link);
          notify(t().opened);
        });
        return;
      }
      case 'link.copy': {
        const link = linkOf();
        if (!isWebLink(link)) {
          notify(t().noLink, 'error');
          return;
        }
        run(async () => {
          const where = await services.copyText(link);
          notify(where === 'osc52' ? t().copiedOsc52 : t().copied);
        });
        return;
      }
      case 'article.export': {
        if (screen.kind !== 'article' || screen.load.status !== 'ready') return;
        const article = screen.load.article;
        run(async () => {
          const path = await services.exportArticle(article);
          notify(t().exported(path));
        });
        return;
      }
      case 'search.open':
        // The favorites' saved text joins the search when it has been read (in the background).
        run(async () => {
          const texts = await services.favorites.texts();
          if (!isDisposed) dispatch({ type: 'favorite-texts-loaded', texts });
        });
        if (screen.kind !== 'search') {
          dispatch({
            type: 'screen-pushed',
            screen: { kind: 'search', query: '', cursor: 0, scrollTop: 0 },
          });
        }
        return;
      case 'search.erase':
        dispatch({ type: 'search-erased' });
        return;
      case 'refresh.selection':
        refresh('selection');
        return;
      case 'refresh.all':
        refresh('all');
        return;
      case 'refresh.cancel': {
        // The UI is free at once; feeds still in flight wind down in the background.
        const abort = refreshAbort;
        if (abort === null) return;
        refreshAbort = null;
        abort.abort();
        flushProgress();
        scheduleWarm();
        dispatch({ type: 'refresh-finished', at: services.now().toISOString(), isCancelled: true });
        notify(t().refreshCancelled);
        return;
      }
      case 'filter.unread':
        dispatch({ type: 'unread-filter-toggled' });
        return;
      case 'read.mark-all': {
        const ids = homeItems(state).map((i) => i.id);
        const count = ids.filter((id) => !state.readIds.has(id)).length;
        markRead(ids, true);
        notify(t().markedRead(count));
        return;
      }
      case 'read.undo': {
        const undo = state.undo;
        if (undo === null) return;
        dispatch({ type: 'read-unmarked', ids: undo.ids });
        run(() => services.readState.mark(undo.ids, false));
        notify(t().undone(undo.ids.length));
        return;
      }
      case 'panel.toggle':
        dispatch({ type: 'panel-toggled' });
        if (getState().isPanelOpen) loadInsights();
        return;
      case 'panel.window':
        if (state.isPanelOpen) dispatch({ type: 'rank-window-cycled' });
        return;
      case 'screen.favorites':
        if (screen.kind !== 'favorites') {
          dispatch({
            type: 'screen-pushed',
            screen: { kind: 'favorites', cursor: 0, scrollTop: 0 },
          });
          run(reloadFavorites);
        }
        return;
      case 'screen.errors':
        if (screen.kind !== 'errors') {
          dispatch({ type: 'screen-pushed', screen: { kind: 'errors', cursor: 0, scrollTop: 0 } });
          if (feedErrors(state).length === 0) notify(t().noErrors);
        }
        return;
      case 'help.toggle':
        dispatch({ type: 'help-toggled' });
        return;
      case 'app.quit':
        options.onQuit();
        return;
    }
  };

  return {
    async start(startOptions = {}) {
      clockTimer = setInterval(
        () => dispatch({ type: 'clock-ticked', now: services.now().getTime() }),
        30_000,
      );
      clockTimer.unref();
      if (startOptions.isCacheLoaded !== true) {
        const [cache, isRead, favorites] = await Promise.all([
          services.loadCache(),
          services.readState.load(),
          services.favorites.list(),
        ]);
        if (isDisposed) return;
        const readIds = cache.items.filter((item) => isRead(item.id)).map((item) => item.id);
        dispatch({
          type: 'cache-loaded',
          items: cache.items,
          feeds: cache.feeds,
          readIds,
          favorites,
        });
        scheduleWarm();
      }
      if (startOptions.shouldRefresh !== false) refresh('all');
    },
    perform,
    type(text) {
      dispatch({ type: 'search-typed', text });
    },
    resize(columns, rows) {
      dispatch({ type: 'viewport-resized', columns, rows });
    },
    dispose() {
      isDisposed = true;
      refreshAbort?.abort();
      for (const abort of articleLoads.values()) abort.abort();
      if (noticeTimer !== null) clearTimeout(noticeTimer);
      if (clockTimer !== null) clearInterval(clockTimer);
      if (warmTimer !== null) clearImmediate(warmTimer);
      if (progressTimer !== null) clearTimeout(progressTimer);
      pendingProgress = [];
    },
    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
