// Checks that the catalog's feeds answer: each is fetched once (no validators, no cache), decoded,
// parsed and normalized by the same pipeline as a refresh, and judged by the age of its newest
// item, since a dead feed often still answers 200 with items frozen years ago. Never writes output.
import type { FeedRef } from './catalog.js';
import { fetchFeed } from '../feeds/fetch-feed.js';

/**
 * `ok`: the feed answered with items, the newest younger than the stale limit (or undated);
 * `stale`: it answered, but its newest item is older than the limit, or it has no items;
 * `failed`: it did not answer with a feed (network, HTTP status, not a feed).
 */
export type FeedCheckStatus = 'ok' | 'stale' | 'failed';

/** The outcome of checking one feed. */
export interface FeedCheck {
  readonly url: string;
  /** The feed's own title when it answered, else the catalog's title, else the URL. */
  readonly title: string;
  readonly status: FeedCheckStatus;
  /** Why it is stale or failed; null when ok. */
  readonly reason: string | null;
  readonly items: number;
  /** ISO date of the newest dated item, or null. */
  readonly newest: string | null;
  /** Age of the newest dated item in seconds at check time, or null. */
  readonly ageSeconds: number | null;
  readonly ms: number;
}

export interface CheckFeedsOptions {
  readonly fetch: typeof globalThis.fetch;
  readonly now: () => Date;
  readonly userAgent: string;
  /** Feeds checked at once. @default 8 */
  readonly concurrency?: number;
  /** @default 10000 */
  readonly connectTimeoutMs?: number;
  /** @default 20000 */
  readonly totalTimeoutMs?: number;
  /** A feed whose newest item is older than this is stale. @default 14 days */
  readonly staleAfterSeconds?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (check: FeedCheck, done: number, total: number) => void;
}

/** 14 days: a news feed silent that long is frozen or abandoned. */
export const DEFAULT_STALE_AFTER_SECONDS = 14 * 24 * 3600;

/** Formats an age in seconds as the largest fitting unit: "45 s", "12 min", "5 h", "3 d". */
export function formatAge(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${Math.floor(seconds / 3600)} h`;
  return `${Math.floor(seconds / 86400)} d`;
}

async function checkOne(feed: FeedRef, options: CheckFeedsOptions): Promise<FeedCheck> {
  const started = performance.now();
  const elapsed = (): number => Math.round(performance.now() - started);
  const fallbackTitle = feed.title ?? feed.url;
  try {
    const now = options.now();
    const response = await fetchFeed(feed.url, {
      fetch: options.fetch,
      userAgent: options.userAgent,
      now,
      ...(options.connectTimeoutMs === undefined
        ? {}
        : { connectTimeoutMs: options.connectTimeoutMs }),
      ...(options.totalTimeoutMs === undefined ? {} : { totalTimeoutMs: options.totalTimeoutMs }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    if (response.status === 'not-modified') {
      // No validators were sent, so a 304 is the server's mistake; it says nothing about items.
      return {
        url: feed.url,
        title: fallbackTitle,
        status: 'failed',
        reason: 'HTTP 304 to an unconditional request',
        items: 0,
        newest: null,
        ageSeconds: null,
        ms: elapsed(),
      };
    }
    const normalized = response.feed;
    const dates = normalized.items
      .map((item) => item.published)
      .filter((d): d is string => d !== null)
      .sort();
    const newest = dates.at(-1) ?? null;
    const ageSeconds =
      newest === null ? null : Math.round((now.getTime() - Date.parse(newest)) / 1000);
    const limit = options.staleAfterSeconds ?? DEFAULT_STALE_AFTER_SECONDS;
    const reason =
      normalized.items.length === 0
        ? 'the feed has no items'
        : ageSeconds !== null && ageSeconds > limit
          ? `newest item is ${formatAge(ageSeconds)} old`
          : null;
    return {
      url: feed.url,
      title: normalized.title || fallbackTitle,
      status: reason === null ? 'ok' : 'stale',
      reason,
      items: normalized.items.length,
      newest,
      ageSeconds,
      ms: elapsed(),
    };
  } catch (error) {
    const message =
      options.signal?.aborted === true
        ? 'cancelled'
        : ((error instanceof Error ? error.message : String(error)).split('\n')[0] ??
          'unknown error');
    return {
      url: feed.url,
      title: fallbackTitle,
      status: 'failed',
      reason: message,
      items: 0,
      newest: null,
      ageSeconds: null,
      ms: elapsed(),
    };
  }
}

/**
 * Checks every feed once, `concurrency` at a time; one result per feed, in input order. Nothing
 * is cached and no validators are sent, so the answer reflects the feed as it is now.
 */
export async function checkFeeds(
  feeds: readonly FeedRef[],
  options: CheckFeedsOptions,
): Promise<FeedCheck[]> {
  const results = new Array<FeedCheck>(feeds.length);
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < feeds.length) {
      const position = next;
      next += 1;
      const feed = feeds[position];
      if (feed === undefined) continue;
      const check = await checkOne(feed, options);
      results[position] = check;
      done += 1;
      options.onProgress?.(check, done, feeds.length);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? 8, feeds.length));
  await Promise.all(Array.from({ length: workers }, () => worker()));
  return results;
}
