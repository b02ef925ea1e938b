// The code under fuzz for feeds: bytes → decodeFeedBytes → parseFeed → normalizeFeed, with every
// outcome turned into plain data (so it can cross a worker boundary). Loaded by pipeline-worker.mjs.
import { decodeFeedBytes } from '../../src/core/feeds/decode.js';
import { normalizeFeed, type NormalizedFeed } from '../../src/core/feeds/normalize.js';
import { FeedParseError, parseFeed } from '../../src/core/feeds/parse-feed.js';

/** One input: the bytes and the Content-Type header they pretend to come with. */
export interface PipelineInput {
  readonly bytes: Uint8Array;
  readonly contentType: string | null;
}

/** What the pipeline did with one input. */
export type PipelineOutcome =
  | { readonly kind: 'feed'; readonly feed: NormalizedFeed; readonly ms: number }
  | { readonly kind: 'parse-error'; readonly message: string; readonly ms: number }
  | { readonly kind: 'crash'; readonly name: string; readonly stack: string; readonly ms: number };

/** The feed URL every fuzz input is normalized under (part of the ids). */
export const FUZZ_FEED_URL = 'http://fuzz.test/feed.xml';

/** Runs the whole pipeline over one input; never throws. */
export async function runPipeline(input: PipelineInput): Promise<PipelineOutcome> {
  const started = performance.now();
  const ms = (): number => performance.now() - started;
  try {
    const decoded = decodeFeedBytes(input.bytes, input.contentType);
    const raw = await parseFeed(decoded.text);
    const feed = normalizeFeed(raw, {
      feedUrl: FUZZ_FEED_URL,
      baseUrl: 'http://fuzz.test/dir/feed.xml',
      now: new Date('2026-11-27T00:00:00.000Z'),
    });
    return { kind: 'feed', feed, ms: ms() };
  } catch (error) {
    if (error instanceof FeedParseError)
      return { kind: 'parse-error', message: error.message, ms: ms() };
    const e = error instanceof Error ? error : new Error(String(error));
    return { kind: 'crash', name: e.name, stack: e.stack ?? e.message, ms: ms() };
  }
}
