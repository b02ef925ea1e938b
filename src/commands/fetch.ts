// `tidings fetch`: refresh every feed of the catalog into the cache; one line per feed.
import { catalogFeeds } from '../core/catalog/catalog.js';
import { refreshFeeds } from '../core/feeds/refresh.js';
import { FeedCache } from '../core/storage/feed-cache.js';
import { type CommandContext, EXIT_OK, EXIT_PARTIAL } from './context.js';
import { resolveCatalog } from './resolve-catalog.js';

export interface FetchCommandOptions {
  readonly catalogFile: string | null;
  readonly isJson: boolean;
  readonly concurrency: number;
  readonly totalTimeoutMs: number | null;
}

/** Catalogs with at least this many feeds are read on worker threads. */
const POOL_FROM_FEEDS = 4;

/** Runs `tidings fetch`; exit 0 when every feed answered, 2 when one or more failed. */
export async function runFetch(
  context: CommandContext,
  options: FetchCommandOptions,
): Promise<number> {
  const { catalog } = await resolveCatalog(context, { catalogFile: options.catalogFile });
  const feeds = catalogFeeds(catalog);
  const cache = new FeedCache(context.paths.cache, context.now);
  // Worker threads pay off from a few feeds up; for one or two, starting a worker costs more
  // than parsing them here.
  const pool = feeds.length >= POOL_FROM_FEEDS ? (context.feedReaders?.() ?? null) : null;
  let results;
  try {
    results = await refreshFeeds(feeds, {
      cache,
      fetch: context.fetch,
      now: context.now,
      userAgent: context.userAgent,
      concurrency: options.concurrency,
      ...(options.totalTimeoutMs === null ? {} : { totalTimeoutMs: options.totalTimeoutMs }),
      ...(pool === null ? {} : { readFeed: pool.read }),
    });
  } finally {
    await pool?.close();
  }
  for (const warning of cache.warnings) context.out.error(`tidings: ${warning.message}`);
  const ok = results.filter((r) => r.status === 'ok').length;
  const notModified = results.filter((r) => r.status === 'not-modified').length;
  const failed = results.filter((r) => r.status === 'error').length;
  if (options.isJson) {
    context.out.json({
      feeds: results.map(({ url, title, status, items, new: fresh, ms, error }) => ({
        url,
        title,
        status,
        items,
        new: fresh,
        ms,
        error,
      })),
      ok,
      notModified,
      failed,
    });
  } else {
    for (const r of results) {
      const status = r.status.padEnd(12);
      if (r.status === 'error') {
        context.out.line(`${status} ${r.url}  ${r.error ?? ''} (${r.ms} ms)`);
      } else {
        const counts = `${r.items} items${r.new > 0 ? `, ${r.new} new` : ''}`;
        context.out.line(`${status} ${r.title}  ${counts}  ${r.ms} ms  ${r.url}`);
      }
    }
    context.out.line(
      `${results.length} feeds: ${ok} ok, ${notModified} not modified, ${failed} failed`,
    );
  }
  return failed > 0 ? EXIT_PARTIAL : EXIT_OK;
}
