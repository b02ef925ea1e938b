// One feed document from the network: fetch (conditional) → decode → parse → normalize. Shared by
// refresh (which then merges into the cache) and the catalog check (which only judges the answer).
// Never writes output, never touches the cache.
import { DEFAULT_FETCH_OPTIONS, FEED_ACCEPT, fetchResource } from './fetch-resource.js';
import type { NormalizedFeed } from './normalize.js';
import type { ReadFeed } from './read-feed.js';

export interface FetchFeedOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly userAgent: string;
  /** The time stamped as `firstSeen` on the items. */
  readonly now: Date;
  /** @default 10000 */
  readonly connectTimeoutMs?: number;
  /** @default 20000 */
  readonly totalTimeoutMs?: number;
  /** @default 10 MiB */
  readonly maxBytes?: number;
  readonly etag?: string | null;
  readonly lastModified?: string | null;
  readonly signal?: AbortSignal;
  /** Decodes, parses and normalizes the body (a worker pool, say). @default on this thread */
  readonly readFeed?: ReadFeed;
}

export type FetchedFeed =
  | {
      readonly status: 'ok';
      readonly feed: NormalizedFeed;
      readonly etag: string | null;
      readonly lastModified: string | null;
    }
  | {
      readonly status: 'not-modified';
      readonly etag: string | null;
      readonly lastModified: string | null;
    };

/**
 * Fetches and reads one feed. Throws FetchError (network, HTTP, size, time) or FeedParseError
 * (not a feed), each with a one-line readable message.
 */
export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchedFeed> {
  const response = await fetchResource(url, {
    fetch: options.fetch,
    connectTimeoutMs: options.connectTimeoutMs ?? DEFAULT_FETCH_OPTIONS.connectTimeoutMs,
    totalTimeoutMs: options.totalTimeoutMs ?? DEFAULT_FETCH_OPTIONS.totalTimeoutMs,
    maxBytes: options.maxBytes ?? DEFAULT_FETCH_OPTIONS.maxBytes,
    maxRedirects: DEFAULT_FETCH_OPTIONS.maxRedirects,
    userAgent: options.userAgent,
    accept: FEED_ACCEPT,
    etag: options.etag ?? null,
    lastModified: options.lastModified ?? null,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  if (response.status === 'not-modified') {
    return { status: 'not-modified', etag: response.etag, lastModified: response.lastModified };
  }
  // The in-process reader (rss-parser, the normalizer) loads only when no reader is given: with a
  // worker pool the main thread never evaluates it, so the reader's keys do not wait for it.
  const readFeed = options.readFeed ?? (await import('./read-feed.js')).readFeedInProcess;
  const feed = await readFeed({
    bytes: response.bytes,
    contentType: response.contentType,
    feedUrl: url,
    baseUrl: response.url,
    now: options.now,
  });
  return { status: 'ok', feed, etag: response.etag, lastModified: response.lastModified };
}
