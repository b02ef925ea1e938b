// The cached item summaries for the insight and mark commands, warnings printed once.
import { FeedCache, type ItemSummary } from '../core/storage/feed-cache.js';
import type { CommandContext } from './context.js';

/** Every cached item summary (no network); corrupt cache files are reported on stderr. */
export async function loadCachedItems(context: CommandContext): Promise<ItemSummary[]> {
  const cache = new FeedCache(context.paths.cache, context.now);
  const items = await cache.readAllSummaries();
  for (const warning of cache.warnings) context.out.error(`tidings: ${warning.message}`);
  return items;
}
