// A one-feed local edition for the storage-fault tests: a real feed server on 127.0.0.1 whose feed
// (five items, each with an article page long enough for full text) can be switched to a new
// version, and the catalog file that points at it.
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { afterAll, beforeAll } from 'vitest';
import { startFeedServer } from '../helpers/feed-server.js';
import { CLI_PATH } from '../helpers/run-cli.js';

export interface LocalEdition {
  /** Serves version `n` of the feed and its pages from now on. */
  setVersion(n: number): void;
  /** Writes a catalog with one channel holding the feed. */
  writeCatalog(file: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the server, serving version 1. */
export async function startLocalEdition(): Promise<LocalEdition> {
  const server = await startFeedServer();
  let version = 1;
  const feedBody = (): string => {
    for (let i = 0; i < 5; i += 1)
      server.route(`/a/${version}-${i}.html`, {
        headers: { 'content-type': 'text/html; charset=utf-8' },
        body: `<!doctype html><html><head><title>第${version}版 新闻 ${i}</title></head><body><article><h1>第${version}版 新闻 ${i}</h1>${'<p>这是一篇本地测试文章的正文段落，内容足够长，可以被提取为全文。</p>'.repeat(8)}</article></body></html>`,
      });
    const items = Array.from(
      { length: 5 },
      (_, i) =>
        `<item><title>第${version}版 新闻 ${i}</title><guid>v${version}-${i}</guid><link>${server.url(`/a/${version}-${i}.html`)}</link><pubDate>Thu, 26 Nov 2026 10:0${i}:00 GMT</pubDate><description>${'正文内容。'.repeat(200)}</description></item>`,
    );
    return `<?xml version="1.0"?><rss version="2.0"><channel><title>本地</title>${items.join('')}</channel></rss>`;
  };
  server.route('/feed.xml', () => ({ body: feedBody() }));
  return {
    setVersion: (n) => {
      version = n;
    },
    writeCatalog: (file) =>
      writeFile(
        file,
        JSON.stringify({
          channels: [{ id: 'local', name: '本地', feeds: [server.url('/feed.xml')] }],
          regions: [],
        }),
      ),
    close: () => server.close(),
  };
}

/**
 * One local edition for the test file, started before its tests (which run the built CLI, so that
 * must be there) and closed after them; the returned function gives it inside a test.
 */
export function localEditionForFile(): () => LocalEdition {
  let edition: LocalEdition | null = null;
  beforeAll(async () => {
    if (!existsSync(CLI_PATH))
      throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
    edition = await startLocalEdition();
  });
  afterAll(async () => {
    await edition?.close();
  });
  return () => {
    if (edition === null) throw new Error('the local edition is used before it was started');
    return edition;
  };
}
