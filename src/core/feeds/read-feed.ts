// One feed document's bytes → a normalized feed: decode → parse → normalize. Pure (no I/O, no
// clock): the work a feed-reader worker does, and what runs in-process when there is no pool.
import { decodeFeedBytes } from './decode.js';
import { normalizeFeed, type NormalizedFeed } from './normalize.js';
import { parseFeed } from './parse-feed.js';

/** What a feed reader needs: the body as fetched and where it came from. */
export interface FeedDocument {
  readonly bytes: Uint8Array;
  /** The response's Content-Type header, for its charset. */
  readonly contentType: string | null;
  /** The feed's URL as the catalog names it (item ids hash it). */
  readonly feedUrl: string;
  /** The final URL after redirects, for resolving relative links. */
  readonly baseUrl: string;
  /** Stamped as `firstSeen` on the items. */
  readonly now: Date;
}

/** Reads one feed document; rejects with FeedParseError when it is not a feed. */
export type ReadFeed = (document: FeedDocument) => Promise<NormalizedFeed>;

/** Reads a feed document on the calling thread. */
export const readFeedInProcess: ReadFeed = async (document) => {
  const decoded = decodeFeedBytes(document.bytes, document.contentType);
  const parsed = await parseFeed(decoded.text);
  return normalizeFeed(parsed, {
    feedUrl: document.feedUrl,
    baseUrl: document.baseUrl,
    now: document.now,
  });
};
