// `tidings read ID|URL [--page N|--all] [--size …] [--width N] [--full|--no-full] [--json]`: one
// article, laid out and paginated by the same core the reader screen uses, printed as the header,
// one page of lines and the page bar. Items come from lookups (saved favorites, then the feed
// cache), so a saved or cached article reads offline; a URL is read directly.
import { pageBar } from '../app/page-bar.js';
import { loadReaderSettings } from '../app/reader-settings.js';
import type { Article } from '../core/articles/article.js';
import { articleMeta, layoutHeader, type ArticleMeta } from '../core/articles/article-header.js';
import { buildArticle, itemForUrl, type FullTextMode } from '../core/articles/build-article.js';
import { resolveColumn, type FontSize } from '../core/articles/font-size.js';
import { layoutArticle, MIN_LAYOUT_WIDTH } from '../core/articles/layout-article.js';
import { paginate } from '../core/articles/paginate.js';
import { displayWidth } from '../core/articles/text-metrics.js';
import type { Item } from '../core/feeds/item.js';
import { membershipResolver, type Membership } from '../core/catalog/catalog.js';
import { FeedCache } from '../core/storage/feed-cache.js';
import { recordOpen } from '../core/storage/record-open.js';
import { describeStorageError } from '../core/storage/storage-error.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { openFavorites } from './open-favorites.js';
import { resolveCatalog } from './resolve-catalog.js';

export interface ReadCommandOptions {
  /** An item id (or a unique prefix of at least 4 characters), or an http(s) URL. */
  readonly target: string;
  /** 1-based page to print; null for the first. Ignored with `isAll`. */
  readonly page: number | null;
  readonly isAll: boolean;
  /** `--size`; null: the settings file's `fontSize` (what the reader last used), else medium. */
  readonly size: FontSize | null;
  /** `--width`: replaces the preset's column. */
  readonly width: number | null;
  /** `--full` → always, `--no-full` → never, neither → auto (only for summary-only items). */
  readonly fullText: FullTextMode;
  readonly isJson: boolean;
  /** The terminal's size when stdout is one; null fields when output is piped. */
  readonly terminal: { readonly columns: number | null; readonly rows: number | null };
  /** IANA zone for the published time; the system's local zone when absent. */
  readonly timeZone?: string;
  /**
   * Count East Asian Ambiguous characters as 2 columns (`--ambiguous-wide`, `--no-ambiguous-wide`).
   * When absent, the settings file's `ambiguousWide` decides, else narrow.
   */
  readonly isAmbiguousWide?: boolean;
}

/** What a lookup finds: an item to build, or an article already built (a saved snapshot). */
export type FoundArticle =
  | { readonly kind: 'item'; readonly item: Item }
  | { readonly kind: 'article'; readonly article: Article };

/** The settings file (its problems go to stderr), read only when an option leaves it to it. */
async function fileSettings(
  context: CommandContext,
): Promise<Awaited<ReturnType<typeof loadReaderSettings>>> {
  const settings = await loadReaderSettings(context.paths);
  for (const problem of settings.problems) context.out.error(`tidings: ${problem}`);
  return settings;
}

/**
 * Finds what `tidings read ID` shows, or null. Lookups are tried in order; add one to
 * {@link DEFAULT_LOOKUPS} (or pass a list to {@link runRead}) to read from another store.
 */
export type ArticleLookup = (id: string, context: CommandContext) => Promise<FoundArticle | null>;

/** A saved favorite, exactly as it was saved (no network). */
export const favoriteLookup: ArticleLookup = async (id, context) => {
  const favorites = await openFavorites(context);
  const saved = await favorites.get(id);
  return saved === null ? null : { kind: 'article', article: saved.article };
};

/** A cached feed item, by id or by a unique id prefix of at least 4 characters. */
export const cachedItemLookup: ArticleLookup = async (id, context) => {
  const cache = new FeedCache(context.paths.cache, context.now);
  const exact = await cache.findItem(id);
  const report = (): void => {
    for (const warning of cache.warnings) context.out.error(`tidings: ${warning.message}`);
  };
  if (exact !== null) {
    report();
    return { kind: 'item', item: exact };
  }
  if (id.length < 4) {
    report();
    return null;
  }
  const matches = (await cache.readAllSummaries()).filter((item) => item.id.startsWith(id));
  report();
  if (matches.length > 1) {
    const ids = matches.slice(0, 5).map((item) => item.id);
    throw new UsageError(
      `id prefix "${id}" matches ${matches.length} items: ${ids.join(', ')}${matches.length > 5 ? ', …' : ''}`,
    );
  }
  const only = matches[0];
  if (only === undefined) return null;
  const item = await cache.findItem(only.id);
  return item === null ? null : { kind: 'item', item };
};

/** Saved favorites first (they read exactly as saved), then the feed cache. */
export const DEFAULT_LOOKUPS: readonly ArticleLookup[] = [favoriteLookup, cachedItemLookup];

/** Body rows per page when the output is not a terminal. */
export const PIPED_PAGE_ROWS = 40;

/** What `read --json` prints. */
export interface ReadJson {
  readonly id: string;
  readonly title: string;
  readonly meta: ArticleMeta;
  /** 1-based page shown, or null with `--all`. */
  readonly page: number | null;
  readonly pages: number;
  readonly width: number;
  readonly lines: readonly string[];
}

async function findArticle(
  context: CommandContext,
  options: ReadCommandOptions,
  lookups: readonly ArticleLookup[],
): Promise<Article> {
  const deps = { fetch: context.fetch, userAgent: context.userAgent };
  if (/^https?:\/\//i.test(options.target)) {
    if (options.fullText === 'never')
      throw new UsageError('--no-full needs an item id: a URL is read from its page');
    return buildArticle(itemForUrl(options.target, context.now().toISOString()), {
      ...deps,
      fullText: 'always',
    });
  }
  for (const lookup of lookups) {
    const found = await lookup(options.target, context);
    if (found === null) continue;
    if (found.kind === 'article') return found.article;
    return buildArticle(found.item, { ...deps, fullText: options.fullText });
  }
  throw new UsageError(`no cached or saved article with id "${options.target}" (see tidings list)`);
}

/**
 * Reading an article from the command line opens it, as in the reader: it is marked read and
 * goes into the history that feeds `rank`. Its channels and regions come from the catalog; when
 * the catalog cannot be read, the article is still recorded, without them.
 */
async function recordRead(context: CommandContext, article: Article): Promise<void> {
  const { header } = article;
  let membership: Membership = { channels: [], regions: [] };
  try {
    const { catalog } = await resolveCatalog(context, { catalogFile: null });
    membership = membershipResolver(catalog)({
      id: header.itemId,
      feedUrl: header.feedUrl,
      source: header.source,
      title: header.title,
      link: header.link,
      published: header.published,
      author: header.author,
      categories: [],
      summary: '',
      contentHtml: null,
      enclosures: [],
      firstSeen: header.published ?? context.now().toISOString(),
    });
  } catch {
    // A broken catalog is reported by the commands that need it; reading does not.
  }
  try {
    await recordOpen(
      context.paths,
      context.now,
      {
        id: header.itemId,
        title: header.title,
        source: header.source,
        feedUrl: header.feedUrl,
        link: header.link,
      },
      membership,
      (notice) => context.out.error(`tidings: ${notice.message}`),
    );
  } catch (error) {
    // Showing the article matters more than remembering it was shown (read-only or full disk).
    const reason = describeStorageError(error);
    context.out.error(`tidings: this read was not recorded: ${reason.split('\n')[0] ?? ''}`);
  }
}

/**
 * Runs `tidings read`: prints the header, the requested page (or every line with `--all`) and the
 * page bar, or the same as JSON. An unknown id or a page out of range is a usage error (exit 1).
 */
export async function runRead(
  context: CommandContext,
  options: ReadCommandOptions,
  lookups: readonly ArticleLookup[] = DEFAULT_LOOKUPS,
): Promise<number> {
  if (options.width !== null && options.width < MIN_LAYOUT_WIDTH) {
    throw new UsageError(`--width must be at least ${MIN_LAYOUT_WIDTH}`);
  }
  const article = await findArticle(context, options, lookups);
  await recordRead(context, article);
  const settings =
    options.size === null || options.isAmbiguousWide === undefined
      ? await fileSettings(context)
      : null;
  const column = resolveColumn({
    size: options.size ?? settings?.fontSize ?? 'medium',
    terminalColumns: options.terminal.columns,
    width: options.width,
  });
  const width = Math.max(MIN_LAYOUT_WIDTH, column.width);
  const isAmbiguousWide = options.isAmbiguousWide ?? settings?.ambiguousWide ?? false;
  const layout = layoutArticle(article, {
    width,
    paragraphGap: column.paragraphGap,
    isAmbiguousWide,
    includeNotice: false,
  });
  const header = layoutHeader(article, {
    width,
    isAmbiguousWide,
    language: layout.language,
    ...(options.timeZone === undefined ? {} : { timeZone: options.timeZone }),
  });
  // Header, a rule, a blank line, the page, a blank line and the page bar; the last row stays free.
  const rows =
    options.terminal.rows === null
      ? PIPED_PAGE_ROWS
      : Math.max(4, options.terminal.rows - header.length - 5);
  const pages = paginate(layout.store, rows);
  const pageNumber = options.page ?? 1;
  if (!options.isAll && pageNumber > pages.length) {
    throw new UsageError(
      `page ${pageNumber} does not exist: the article has ${pages.length} page${pages.length === 1 ? '' : 's'}`,
    );
  }
  const page = pages[pageNumber - 1] ?? { start: 0, end: 0 };
  const shown = options.isAll ? layout.lines : layout.store.slice(page.start, page.end);

  if (options.isJson) {
    const json: ReadJson = {
      id: article.header.itemId,
      title: article.header.title,
      meta: articleMeta(article, options.timeZone),
      page: options.isAll ? null : pageNumber,
      pages: pages.length,
      width,
      lines: shown.map((line) => line.text),
    };
    context.out.json(json);
    return EXIT_OK;
  }

  const margin = ' '.repeat(column.offset);
  const print = (text: string): void => context.out.line(text === '' ? '' : `${margin}${text}`);
  for (const line of header) print(line.text);
  print((isAmbiguousWide ? '-' : '─').repeat(width));
  print('');
  for (const line of shown) print(line.text.trimEnd());
  if (!options.isAll) {
    print('');
    const label =
      layout.language === 'zh'
        ? `第 ${pageNumber}/${pages.length} 页`
        : `page ${pageNumber} of ${pages.length}`;
    const bar = pageBar(pageNumber - 1, pages.length, Math.max(8, width - displayWidth(label) - 2));
    print(`${bar}  ${label}`);
  }
  return EXIT_OK;
}
