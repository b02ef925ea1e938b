// Counts cached items per channel and per region, from the feed cache only (no network).
import { catalogFeeds, membershipResolver, type Catalog } from '../core/catalog/catalog.js';
import { FeedCache } from '../core/storage/feed-cache.js';
import type { CommandContext } from './context.js';

/** Cached item counts by channel id and by region id. */
export interface CachedCounts {
  readonly channels: ReadonlyMap<string, number>;
  readonly regions: ReadonlyMap<string, number>;
}

/**
 * Reads the cached items of the catalog's feeds and counts, for every channel and region, the
 * items that belong to it (an item in two regions counts in both). Corrupt cache files are
 * reported on stderr by the cache's own warning.
 */
export async function countCachedItems(
  context: CommandContext,
  catalog: Catalog,
): Promise<CachedCounts> {
  const cache = new FeedCache(context.paths.cache, context.now);
  const items = await cache.readAllSummaries(catalogFeeds(catalog).map((f) => f.url));
  for (const warning of cache.warnings) context.out.error(`tidings: ${warning.message}`);
  const channels = new Map(catalog.channels.map((c) => [c.id, 0]));
  const regions = new Map(catalog.regions.map((r) => [r.id, 0]));
  const membershipOf = membershipResolver(catalog);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    const membership = membershipOf({ ...item, contentHtml: null });
    for (const id of membership.channels) channels.set(id, (channels.get(id) ?? 0) + 1);
    for (const id of membership.regions) regions.set(id, (regions.get(id) ?? 0) + 1);
  }
  return { channels, regions };
}
