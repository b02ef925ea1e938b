// The feed-reader pool on real worker threads running the built bundle (dist/cli.js serves feed
// reads when started as a worker): same results as reading in-process, errors carried back,
// workers started lazily, a worker that runs out of memory fails only its own feed.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildFeedReaderSource } from '../../../scripts/esbuild-options.mjs';
import {
  createFeedReaderPool,
  type FeedReaderPool,
  type FeedReaderPoolOptions,
} from '../../../src/core/feeds/feed-reader-pool.js';
import { FeedParseError } from '../../../src/core/feeds/parse-feed.js';
import { readFeedInProcess, type FeedDocument } from '../../../src/core/feeds/read-feed.js';
import { CLI_PATH } from '../../helpers/run-cli.js';

const corpus = resolve(import.meta.dirname, '../../../../shared/corpus');
const NOW = new Date('2026-11-27T08:00:00Z');
const pools: FeedReaderPool[] = [];

function pool(options: Partial<FeedReaderPoolOptions> = {}): FeedReaderPool {
  const created = createFeedReaderPool({
    worker: { url: pathToFileURL(CLI_PATH), workerData: 'tidings-feed-reader' },
    size: 2,
    ...options,
  });
  pools.push(created);
  return created;
}

function document(
  text: string | Uint8Array,
  feedUrl = 'https://example.com/feed.xml',
): FeedDocument {
  return {
    bytes: typeof text === 'string' ? new TextEncoder().encode(text) : text,
    contentType: null,
    feedUrl,
    baseUrl: feedUrl,
    now: NOW,
  };
}

const rss = (items: number, title = '福州新闻'): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title>${Array.from(
    { length: items },
    (_, i) =>
      `<item><title>第${i}条 闽江</title><link>/a/${i}.html</link><guid>${i}</guid><description><![CDATA[<p>段落 ${i}</p>]]></description></item>`,
  ).join('')}</channel></rss>`;

/** A read's outcome, feed or error, as a comparable value. */
const settle = (read: Promise<unknown>): Promise<unknown> =>
  read.then(
    (feed) => ({ feed }),
    (error: unknown) => ({ error: `${(error as Error).name}: ${(error as Error).message}` }),
  );

beforeAll(() => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

describe('feed reader pool', () => {
  it('reads every corpus GB2312 and Big5 document exactly as the main thread does', async (context) => {
    const dir = resolve(corpus, 'chinese/feeds/chardet');
    if (!existsSync(dir)) return context.skip();
    const readers = pool();
    const files = ['GB2312', 'Big5'].flatMap((folder) =>
      readdirSync(resolve(dir, folder)).map((name) => resolve(dir, folder, name)),
    );
    const docs = files.map((file) =>
      document(new Uint8Array(readFileSync(file)), `https://example.com/${encodeURI(file)}`),
    );
    // Feed or error, whichever it is, must be the same. The pool takes the bytes (they move to
    // the worker): the in-process reads get copies, first.
    const expected = await Promise.all(
      docs.map((doc) => settle(readFeedInProcess({ ...doc, bytes: doc.bytes.slice() }))),
    );
    const actual = await Promise.all(docs.map((doc) => settle(readers.read(doc))));
    expect(actual).toEqual(expected);
    expect(actual.filter((outcome) => 'feed' in (outcome as object)).length).toBeGreaterThan(30);
    expect(readers.started()).toBe(2);
  });

  it('runs the same from the embedded worker bundle the CLI carries (eval mode)', async (context) => {
    const dir = resolve(corpus, 'chinese/feeds/chardet/GB2312');
    if (!existsSync(dir)) return context.skip();
    const source = await buildFeedReaderSource(esbuild);
    const readers = pool({ worker: { source } });
    const docs = readdirSync(dir).map((name) =>
      document(new Uint8Array(readFileSync(resolve(dir, name))), `https://example.com/${name}`),
    );
    const expected = await Promise.all(
      docs.map((doc) => settle(readFeedInProcess({ ...doc, bytes: doc.bytes.slice() }))),
    );
    expect(await Promise.all(docs.map((doc) => settle(readers.read(doc))))).toEqual(expected);
    const error = await readers.read(document('<html><body>x</body></html>')).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(FeedParseError);
    // A fifth of the CLI: what a worker compiles instead of all of dist/cli.js.
    expect(source.length).toBeLessThan(700_000);
  });

  it('starts no worker until the first read, and at most `size`', async () => {
    const readers = pool({ size: 2 });
    expect(readers.started()).toBe(0);
    const feeds = await Promise.all(
      Array.from({ length: 6 }, (_, i) => readers.read(document(rss(i + 1)))),
    );
    expect(feeds.map((feed) => feed.items.length)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(feeds[0]?.items[0]).toMatchObject({
      title: '第0条 闽江',
      link: 'https://example.com/a/0.html',
      summary: '段落 0',
      firstSeen: NOW.toISOString(),
    });
    expect(readers.started()).toBe(2);
  });

  it('carries a parse failure back as FeedParseError with the same message', async () => {
    const readers = pool();
    const html = '<html><body><p>not a feed</p></body></html>';
    const inProcess = await readFeedInProcess(document(html)).then(
      () => null,
      (error: unknown) => error,
    );
    const error = await readers.read(document(html)).then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(inProcess).toBeInstanceOf(FeedParseError);
    expect(error).toBeInstanceOf(FeedParseError);
    expect((error as Error).message).toBe((inProcess as Error).message);
  });

  it('fails only the feed whose worker runs out of memory; the next read gets a new worker', async () => {
    const readers = pool({ size: 1, maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 });
    const huge = document(rss(15_000, '大'.repeat(10)));
    const error = await readers.read(huge).then(
      () => null,
      (failure: unknown) => failure as Error,
    );
    expect(error?.message).toBe(
      'feed reader failed: the feed needed more memory than a feed reader may use',
    );
    const next = await readers.read(document(rss(2)));
    expect(next.items.map((item) => item.title)).toEqual(['第0条 闽江', '第1条 闽江']);
    expect(readers.started()).toBe(2);
  });

  it('rejects reads after close', async () => {
    const readers = pool();
    await readers.read(document(rss(1)));
    await readers.close();
    await expect(readers.read(document(rss(1)))).rejects.toThrow('feed reader pool is closed');
  });
});
