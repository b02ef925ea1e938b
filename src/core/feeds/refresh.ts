// Refreshes feeds: fetch (conditional) → decode → parse → normalize → merge into the cache, with
// bounded concurrency and one result per feed. No feed's failure stops the others. Never writes output.
import type { FeedRef } from '../catalog/catalog.js';
import { type FeedCache, type FeedRecord, feedKey } from '../storage/feed-cache.js';
import { fetchFeed } from './fetch-feed.js';
import type { Item } from './item.js';
import type { ReadFeed } from './read-feed.js';

export type FeedStatus = 'ok' | 'not-modified' | 'error';

/** The outcome of refreshing one feed. */
export interface FeedResult {
  readonly url: string;
  readonly title: string;
  readonly status: FeedStatus;
  /** Items the feed has now (parsed on 200, cached on 304, 0 on error). */
  readonly items: number;
  /** Items not seen before this refresh. */
  readonly new: number;
  readonly ms: number;
  /** One readable line on error, else null. */
  readonly error: string | null;
}

export interface RefreshProgress {
  readonly done: number;
  readonly total: number;
  readonly result: FeedResult;
}

export interface RefreshOptions {
  readonly cache: FeedCache;
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
  readonly userAgent: string;
  /** Feeds fetched at once. @default 8 */
  readonly concurrency?: number;
  /** @default 10000 */
  readonly connectTimeoutMs?: number;
  /** @default 20000 */
  readonly totalTimeoutMs?: number;
  /** @default 10 MiB */
  readonly maxBytes?: number;
  /** Newest items kept per feed. @default 500 */
  readonly maxItemsPerFeed?: number;
  /** Cancels the refresh: feeds not yet done end as errors ("cancelled"). */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: RefreshProgress) => void;
  /** Decodes, parses and normalizes each body (a worker pool, say). @default on this thread */
  readonly readFeed?: ReadFeed;
}

/** Orders items newest first; undated items by when they were first seen. */
export function compareNewestFirst(
  a: Pick<Item, 'published' | 'firstSeen'>,
  b: Pick<Item, 'published' | 'firstSeen'>,
): number {
  const ta = a.published ?? a.firstSeen;
  const tb = b.published ?? b.firstSeen;
  return ta < tb ? 1 : ta > tb ? -1 : 0;
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? 'unknown error';
}

async function refreshOne(
  feed: FeedRef,
  previous: FeedRecord | undefined,
  options: RefreshOptions,
): Promise<{ result: FeedResult; record: FeedRecord }> {
  const started = performance.now();
  const key = previous?.key ?? feedKey(feed.url);
  const base: FeedRecord = previous ?? {
    url: feed.url,
    key,
    title: feed.title ?? feed.url,
    etag: null,
    lastModified: null,
    fetchedAt: null,
    itemCount: 0,
    lastError: null,
  };
  const elapsed = (): number => Math.round(performance.now() - started);
  try {
    const response = await fetchFeed(feed.url, {
      fetch: options.fetch,
      userAgent: options.userAgent,
      now: options.now(),
      ...(options.connectTimeoutMs === undefined
        ? {}
        : { connectTimeoutMs: options.connectTimeoutMs }),
      ...(options.totalTimeoutMs === undefined ? {} : { totalTimeoutMs: options.totalTimeoutMs }),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
      etag: previous?.etag ?? null,
      lastModified: previous?.lastModified ?? null,
      ...(options.signal === undefined ? {} : { signal: options.signal }),
      ...(options.readFeed === undefined ? {} : { readFeed: options.readFeed }),
    });
    const fetchedAt = options.now().toISOString();
    if (response.status === 'not-modified') {
      const record: FeedRecord = {
        ...base,
        etag: response.etag ?? base.etag,
        lastModified: response.lastModified ?? base.lastModified,
        fetchedAt,
        lastError: null,
      };
      return {
        record,
        result: {
          url: feed.url,
          title: base.title,
          status: 'not-modified',
          items: base.itemCount,
          new: 0,
          ms: elapsed(),
          error: null,
        },
      };
    }
    const normalized = response.feed;
    const previousItems = previous === undefined ? [] : await options.cache.readSummaries(key);
    const previousById = new Map(previousItems.map((item) => [item.id, item]));
    let fresh = 0;
    const incoming = normalized.items.map((item) => {
      const known = previousById.get(item.id);
      if (known === undefined) {
        fresh += 1;
        return item;
      }
      return { ...item, firstSeen: known.firstSeen };
    });
    const incomingIds = new Set(incoming.map((item) => item.id));
    const keptOld = previousItems.filter((item) => !incomingIds.has(item.id));
    let merged: Item[] = incoming;
    if (keptOld.length > 0) {
      const oldContent = await options.cache.readContent(key);
      merged = [
        ...incoming,
        ...keptOld.map((item) => ({ ...item, contentHtml: oldContent[item.id] ?? null })),
      ];
    }
    merged.sort(compareNewestFirst);
    merged = merged.slice(0, options.maxItemsPerFeed ?? 500);
    await options.cache.writeItems(feed.url, key, merged);
    const record: FeedRecord = {
      url: feed.url,
      key,
      title: normalized.title,
      etag: response.etag,
      lastModified: response.lastModified,
      fetchedAt,
      itemCount: merged.length,
      lastError: null,
    };
    return {
      record,
      result: {
        url: feed.url,
        title: normalized.title,
        status: 'ok',
        items: normalized.items.length,
        new: fresh,
        ms: elapsed(),
        error: null,
      },
    };
  } catch (error) {
    const message = options.signal?.aborted === true ? 'cancelled' : errorMessage(error);
    return {
      record: { ...base, lastError: message },
      result: {
        url: feed.url,
        title: base.title,
        status: 'error',
        items: 0,
        new: 0,
        ms: elapsed(),
        error: message,
      },
    };
  }
}

/**
 * Refreshes every feed, `concurrency` at a time, and returns one result per feed in input order.
 * The cache index is written once at the end (merged with what other processes wrote meanwhile).
 */
export async function refreshFeeds(
  feeds: readonly FeedRef[],
  options: RefreshOptions,
): Promise<FeedResult[]> {
  const index = await options.cache.readIndex();
  const results: FeedResult[] = new Array<FeedResult>(feeds.length);
  const records: FeedRecord[] = [];
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const position = next;
      next += 1;
      const feed = feeds[position];
      if (feed === undefined) continue;
      const { result, record } = await refreshOne(feed, index[feed.url], options);
      results[position] = result;
      records.push(record);
      done += 1;
      options.onProgress?.({ done, total: feeds.length, result });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 8, feeds.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  if (records.length > 0) await options.cache.writeIndex(records);
  return results;
}
