// `tidings fav add ID|URL [--tag T]`: saves a full snapshot of an article (full text fetched and
// every site page merged, as the reader shows it), so it reads offline from then on.
import { buildArticle, itemForUrl } from '../core/articles/build-article.js';
import type { Item } from '../core/feeds/item.js';
import { linkKey } from '../core/insights/story.js';
import { FeedCache } from '../core/storage/feed-cache.js';
import { sanitizeLine } from '../core/feeds/sanitize.js';
import { type CommandContext, EXIT_OK, UsageError } from './context.js';
import { openFavorites } from './open-favorites.js';

export interface FavAddCommandOptions {
  /** A cached item id, or an http(s) URL. */
  readonly target: string;
  readonly tags: readonly string[];
  readonly isJson: boolean;
}

const isUrl = (text: string): boolean => /^https?:\/\//i.test(text.trim());

/** The cached item a URL belongs to (same link, tracking parameters aside), else a stand-in. */
async function itemForTarget(
  context: CommandContext,
  cache: FeedCache,
  target: string,
): Promise<Item | null> {
  if (!isUrl(target)) return cache.findItem(target);
  const url = target.trim();
  const key = linkKey(url);
  const match = (await cache.readAllSummaries()).find(
    (item) => item.link === url || (key !== null && linkKey(item.link) === key),
  );
  if (match !== undefined) return cache.findItem(match.id);
  return itemForUrl(url, context.now().toISOString());
}

/** Runs `tidings fav add`. */
export async function runFavAdd(
  context: CommandContext,
  options: FavAddCommandOptions,
): Promise<number> {
  const cache = new FeedCache(context.paths.cache, context.now);
  const item = await itemForTarget(context, cache, options.target);
  for (const warning of cache.warnings) context.out.error(`tidings: ${warning.message}`);
  const store = await openFavorites(context);
  if (item === null) {
    const saved = await store.entry(options.target);
    if (saved !== null && options.tags.length === 0) {
      // No longer cached: the snapshot is all there is, and it is already saved.
      context.out.line(`Already saved: ${saved.id}  ${saved.title}`);
      return EXIT_OK;
    }
    if (saved !== null) {
      const snapshot = await store.get(saved.id);
      if (snapshot !== null) {
        const { entry } = await store.add(snapshot.article, options.tags);
        context.out.line(`Tagged ${entry.id}: ${entry.tags.join(', ')}`);
        return EXIT_OK;
      }
    }
    throw new UsageError(
      `no cached item with id ${sanitizeLine(options.target)} (see tidings list, or give a URL)`,
    );
  }
  const article = await buildArticle(item, { fetch: context.fetch, userAgent: context.userAgent });
  if (article.textSource === 'feed' && article.blocks.length === 0) {
    throw new UsageError(
      `nothing to save for ${sanitizeLine(options.target)}: ${article.notice ?? 'the article has no text'}`,
    );
  }
  if (article.notice !== null) context.out.error(`tidings: ${article.notice}`);
  const { entry, isNew } = await store.add(article, options.tags);
  if (options.isJson) {
    context.out.json({
      ...entry,
      isNew,
      textSource: article.textSource,
      sitePages: article.sitePages,
    });
    return EXIT_OK;
  }
  const pages = article.sitePages > 1 ? `, ${article.sitePages} pages merged` : '';
  const from = article.textSource === 'page' ? `full text${pages}` : "the feed's text";
  context.out.line(`${isNew ? 'Saved' : 'Updated'} ${entry.id}: ${entry.title} (${from})`);
  return EXIT_OK;
}
