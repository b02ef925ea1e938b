// The reader's services built from core: the on-disk feed cache and refresh, favorites, read
// state and history, article loading, insights, the browser and the clipboard. No react/ink.
import { mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../core/articles/article.js';
import { blocksToPlainText } from '../core/articles/blocks-text.js';
import { catalogFeeds, membershipResolver, type Catalog } from '../core/catalog/catalog.js';
import type { FeedReaderPool } from '../core/feeds/feed-reader-pool.js';
import { writeFileAtomic } from '../core/storage/atomic-write.js';
import { FavoritesStore } from '../core/storage/favorites-store.js';
import { FeedCache, feedKey } from '../core/storage/feed-cache.js';
import { HistoryStore, type HistoryEntry } from '../core/storage/history.js';
import type { DataPaths } from '../core/storage/paths.js';
import { ReadStateStore } from '../core/storage/read-state.js';
import { recordOpen } from '../core/storage/record-open.js';
import type { StorageNotice } from '../core/storage/storage-notice.js';
import { articleMarkdown } from './article-markdown.js';
import { saveFontSize } from './reader-settings.js';
import { relatedOf } from './insights-adapter.js';
import { InsightsCache } from './insights-cache.js';
import type { ReaderServices } from './services.js';
import type { FavoriteSummary, FeedState, ListItem } from './state.js';
import { copyText } from './system/copy-text.js';
import { openUrl, type Spawn } from './system/open-url.js';

export interface CoreServicesOptions {
  readonly paths: DataPaths;
  readonly catalog: Catalog;
  readonly now: () => Date;
  readonly fetch: typeof globalThis.fetch;
  readonly userAgent: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  /** Raw bytes to the terminal (OSC 52). */
  readonly writeTerminal: (data: string) => void;
  /** Corrupt files moved aside, to show once. */
  readonly onNotice?: (notice: StorageNotice) => void;
  /** Starts the browser; node's spawn unless a test records it. */
  readonly spawn?: Spawn;
  /** Feeds fetched at once. @default 8 */
  readonly concurrency?: number;
  /**
   * Starts worker threads that read feeds, so parsing never blocks a keypress. Started on the
   * first refresh and kept for the session (idle workers never keep the process alive).
   * Absent: feeds are parsed on the main thread.
   */
  readonly feedReaders?: () => FeedReaderPool;
}

/** Newest first; undated items by when they were first seen (as refresh.ts orders them). */
function compareNewestFirst(a: ListItem, b: ListItem): number {
  const ta = a.published ?? a.firstSeen;
  const tb = b.published ?? b.firstSeen;
  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

function slug(text: string): string {
  return (
    text
      .replace(/[^\p{L}\p{N}]+/gu, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 40) || 'article'
  );
}

/** Cache files read at once when loading the items. */
const READ_AT_ONCE = 4;

/** Builds the reader's services over the data home. */
export async function createCoreServices(options: CoreServicesOptions): Promise<ReaderServices> {
  const { paths, now, catalog } = options;
  let pool: FeedReaderPool | null = null;
  const favoriteTexts = new Map<string, { readonly savedAt: string; readonly text: string }>();
  const storeOptions = {
    paths,
    now,
    ...(options.onNotice === undefined ? {} : { onNotice: options.onNotice }),
  };
  const cache = new FeedCache(paths.cache, now);
  const readState = new ReadStateStore(storeOptions);
  const history = new HistoryStore(storeOptions);
  const favorites = await FavoritesStore.open(storeOptions);
  const membership = membershipResolver(catalog);
  const feedUrls = catalogFeeds(catalog).map((f) => f.url);

  // The side panel's data: the history is re-read only when its file changed, and the insights
  // keep what they computed (see InsightsCache), so opening the panel re-reads and re-ranks nothing.
  const insights = new InsightsCache();
  let historyMemo: { readonly stamp: string; readonly entries: HistoryEntry[] } | null = null;
  const historyEntries = async (): Promise<HistoryEntry[]> => {
    const stamp = await stat(history.path).then(
      (s) => `${s.ino}:${s.mtimeMs}:${s.size}`,
      () => 'missing',
    );
    if (historyMemo?.stamp === stamp) return historyMemo.entries;
    // Stamped before reading: a change while reading makes the next call read again.
    const entries = await history.entries();
    historyMemo = { stamp, entries };
    return entries;
  };
  const panelData = async (
    items: readonly ListItem[],
  ): Promise<Awaited<ReturnType<ReaderServices['insights']>>> => {
    const hotWords = await insights.hotWords(items, now());
    return { hotWords, rank: await insights.rank(await historyEntries(), now()) };
  };

  /** What readItems returned last (the items the reader holds). */
  let lastItems: ListItem[] | null = null;
  const readItems = async (): Promise<ListItem[]> => {
    // A few files at a time, not all at once: every file's text and parsed copy alive together
    // was the reader's peak memory with 5,000 cached items (~12 MiB of 115).
    const index = await cache.readIndex();
    const keys = feedUrls.map((url) => index[url]?.key ?? feedKey(url));
    const items: ListItem[] = [];
    const seen = new Set<string>();
    for (let start = 0; start < keys.length; start += READ_AT_ONCE) {
      const lists = await Promise.all(
        keys.slice(start, start + READ_AT_ONCE).map((key) => cache.readSummaries(key)),
      );
      for (const list of lists)
        for (const item of list)
          if (!seen.has(item.id)) {
            seen.add(item.id);
            items.push(item);
          }
    }
    lastItems = items.sort(compareNewestFirst);
    return lastItems;
  };

  // Built articles (full text fetched once per run); favorites are read from their snapshots.
  const built = new Map<string, Article>();
  const articleFromCache = async (itemId: string, signal: AbortSignal): Promise<Article | null> => {
    const known = built.get(itemId);
    if (known !== undefined) return known;
    const item = await cache.findItem(itemId);
    if (item === null) return null;
    // Loaded on first use: readability and linkedom cost start-up time the first frame never needs.
    const { buildArticle } = await import('../core/articles/build-article.js');
    const article = await buildArticle(item, {
      fetch: options.fetch,
      userAgent: options.userAgent,
      signal,
    });
    built.set(itemId, article);
    return article;
  };

  return {
    now,
    async loadCache() {
      const [items, index] = await Promise.all([readItems(), cache.readIndex()]);
      const feeds: FeedState[] = catalogFeeds(catalog).map((feed) => {
        const record = index[feed.url];
        return {
          url: feed.url,
          title: record?.title || feed.title || feed.url,
          status: record?.lastError ? 'error' : 'idle',
          error: record?.lastError ?? null,
          fetchedAt: record?.fetchedAt ?? null,
        };
      });
      return { items, feeds };
    },
    async refresh(feeds, { signal, onFeed, onItems }) {
      // New items show while slower feeds are still loading: one cache read at a time, and
      // feeds finishing meanwhile are coalesced into the next read.
      let isDirty = false;
      let isCacheChanged = false;
      let reading: Promise<void> | null = null;
      const pump = (): void => {
        isDirty = true;
        reading ??= (async () => {
          while (isDirty && !signal.aborted) {
            isDirty = false;
            const items = await readItems();
            if (!signal.aborted) onItems?.(items);
          }
          reading = null;
        })();
      };
      // The feed parser loads on the first refresh, after the first frame.
      const { refreshFeeds } = await import('../core/feeds/refresh.js');
      pool ??= options.feedReaders?.() ?? null;
      await refreshFeeds(feeds, {
        ...(pool === null ? {} : { readFeed: pool.read }),
        cache,
        fetch: options.fetch,
        now,
        userAgent: options.userAgent,
        signal,
        ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
        onProgress: ({ result }) => {
          onFeed({ url: result.url, title: result.title, error: result.error });
          // Only a fetched feed (200) rewrites its cached items; 304s and failures keep them.
          if (result.status === 'ok') isCacheChanged = true;
          if (onItems !== undefined && result.new > 0) pump();
        },
      });
      await reading;
      // Nothing rewritten (offline, all failed or not modified): the items read last are still
      // the cache's, so the same array is returned instead of reading and parsing it all again.
      const items = isCacheChanged || lastItems === null ? await readItems() : lastItems;
      // Warm the side panel's data now that start-up and the refresh are over (not at start-up,
      // where it met the first keys), in slices between keys: the panel then opens with it ready.
      // A failure here shows when the panel opens.
      setImmediate(() => {
        panelData(items).catch(() => undefined);
      });
      return items;
    },
    async loadArticle(itemId, signal) {
      const saved = await favorites.get(itemId);
      if (saved !== null) return saved.article;
      const article = await articleFromCache(itemId, signal);
      if (article === null) throw new Error(`item ${itemId} is neither cached nor saved`);
      return article;
    },
    related(article, items) {
      return relatedOf(article, items);
    },
    insights(items) {
      return panelData(items);
    },
    readState: {
      async load() {
        const state = await readState.load();
        return (id) => state.isRead(id);
      },
      async mark(ids, isRead) {
        if (isRead) await readState.markRead(ids);
        else await readState.markUnread(ids);
      },
    },
    async recordVisit(item) {
      await recordOpen(
        paths,
        now,
        item,
        membership({ ...item, contentHtml: null }),
        options.onNotice,
      );
    },
    favorites: {
      async list() {
        const entries = await favorites.list();
        const summaries: FavoriteSummary[] = entries.map((e) => ({
          id: e.id,
          title: e.title,
          source: e.source,
          link: e.link,
          published: e.published,
          savedAt: e.savedAt,
        }));
        return summaries.sort((a, b) =>
          a.savedAt < b.savedAt ? 1 : a.savedAt > b.savedAt ? -1 : 0,
        );
      },
      async texts() {
        // Snapshots never change under the same savedAt, so each is read once per session.
        const texts = new Map<string, string>();
        for (const entry of await favorites.list()) {
          const known = favoriteTexts.get(entry.id);
          if (known?.savedAt === entry.savedAt) {
            texts.set(entry.id, known.text);
            continue;
          }
          const snapshot = await favorites.get(entry.id);
          if (snapshot === null) continue;
          const text = blocksToPlainText(snapshot.article.blocks).toLocaleLowerCase();
          favoriteTexts.set(entry.id, { savedAt: entry.savedAt, text });
          texts.set(entry.id, text);
        }
        return texts;
      },
      async add(article) {
        await favorites.add(article);
      },
      async remove(id) {
        await favorites.remove(id);
      },
    },
    saveFontSize: (size) => saveFontSize(paths, size),
    async exportArticle(article) {
      const dir = join(paths.data, 'exports');
      await mkdir(dir, { recursive: true });
      const date = now().toISOString().slice(0, 10);
      const file = join(dir, `${date}-${slug(article.header.title)}-${article.header.itemId}.md`);
      await writeFileAtomic(file, articleMarkdown(article));
      return file;
    },
    openUrl(url) {
      return openUrl(url, options.platform, options.env, options.spawn);
    },
    copyText(text) {
      return copyText(text, {
        writeTerminal: options.writeTerminal,
        platform: options.platform,
        env: options.env,
      });
    },
  };
}
