// What the reader needs from the outside world, as one injected interface: the cache, refresh,
// articles, favorites, read state, insights, the browser and the clipboard. run-reader.tsx builds
// it from core; tests build it over temp dirs and a local server. No react/ink.
import type { FeedRef } from '../core/catalog/catalog.js';
import type { Article } from '../core/articles/article.js';
import type {
  FavoriteSummary,
  FeedState,
  FontSize,
  HotWord,
  ListItem,
  RankEntry,
  RankWindow,
} from './state.js';

/** One feed finished refreshing. */
export interface FeedOutcome {
  readonly url: string;
  readonly title: string;
  /** One readable line, or null on success. */
  readonly error: string | null;
}

/** Where a copied link went. */
export type CopyResult = 'osc52' | 'osc52+clipboard';

export interface ReaderServices {
  readonly now: () => Date;
  /** Cached items (newest first) and what is known of each feed. Local disk only, never the network. */
  loadCache(): Promise<{
    readonly items: readonly ListItem[];
    readonly feeds: readonly FeedState[];
  }>;
  /**
   * Refreshes feeds in the background, reporting each as it ends, and resolves with the cached
   * items afterwards. When `signal` aborts, feeds not yet done are dropped and it resolves early.
   */
  refresh(
    feeds: readonly FeedRef[],
    options: {
      readonly signal: AbortSignal;
      readonly onFeed: (outcome: FeedOutcome) => void;
      /** The cached items again, while the refresh runs, whenever a feed brought new ones. */
      readonly onItems?: (items: readonly ListItem[]) => void;
    },
  ): Promise<readonly ListItem[]>;
  /** The readable article of an item (favorite snapshot, full text or feed content). */
  loadArticle(itemId: string, signal: AbortSignal): Promise<Article>;
  /** Up to five related items (相关阅读), never the article itself. */
  related(article: Article, items: readonly ListItem[]): readonly ListItem[];
  /** 今日热词 and 点击排行 from the items and the reading history. */
  insights(items: readonly ListItem[]): Promise<{
    readonly hotWords: readonly HotWord[];
    readonly rank: Readonly<Record<RankWindow, readonly RankEntry[]>>;
  }>;
  readonly readState: {
    /** The read state now, as a predicate (the store cannot list ids cheaply). */
    load(): Promise<(id: string) => boolean>;
    mark(ids: readonly string[], isRead: boolean): Promise<void>;
  };
  /** Records that an article was opened: marks it read and feeds 点击排行. */
  recordVisit(item: ListItem): Promise<void>;
  readonly favorites: {
    list(): Promise<readonly FavoriteSummary[]>;
    /** The saved text of every favorite by id, lower-cased for search. */
    texts(): Promise<ReadonlyMap<string, string>>;
    add(article: Article): Promise<void>;
    remove(id: string): Promise<void>;
  };
  /** Keeps the 字号 chosen in the reader for the next start (in the settings file). */
  saveFontSize(size: FontSize): Promise<void>;
  /** Writes the article as Markdown and returns the file's path. */
  exportArticle(article: Article): Promise<string>;
  /** Opens an http(s) URL in the browser, without a shell. */
  openUrl(url: string): Promise<void>;
  /** Puts text on the clipboard (OSC 52, plus the system clipboard when there is one). */
  copyText(text: string): Promise<CopyResult>;
}
