// The reader's refresh reads feeds on the feed-reader workers when given a pool: real workers
// running the built bundle, a real local server, a real temp home.
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCoreServices } from '../../../src/app/core-services.js';
import type { Catalog } from '../../../src/core/catalog/catalog.js';
import { catalogFeeds } from '../../../src/core/catalog/catalog.js';
import {
  createFeedReaderPool,
  type FeedReaderPool,
} from '../../../src/core/feeds/feed-reader-pool.js';
import type { ReadFeed } from '../../../src/core/feeds/read-feed.js';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server.js';
import { CLI_PATH } from '../../helpers/run-cli.js';
import { makeHome } from '../../ui/render-reader.js';

let server: FeedServer;
beforeAll(async () => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  server = await startFeedServer();
  for (const name of ['a', 'b', 'c']) {
    server.route(`/${name}.xml`, {
      body: `<rss version="2.0"><channel><title>${name}</title><item><title>${name} 厦门新闻</title><guid>${name}1</guid></item></channel></rss>`,
    });
  }
});
afterAll(async () => {
  await server.close();
});

describe('reader refresh with feed-reader workers', () => {
  it('parses every fetched feed on the pool, one pool for the whole session', async () => {
    const home = await makeHome();
    const pools: FeedReaderPool[] = [];
    const reads: string[] = [];
    try {
      const catalog: Catalog = {
        channels: [
          {
            id: 'news',
            name: '新闻',
            nameEn: 'News',
            feeds: ['a', 'b', 'c'].map((n) => ({ url: server.url(`/${n}.xml`) })),
          },
        ],
        regions: [],
      };
      const services = await createCoreServices({
        paths: home.paths,
        catalog,
        now: () => new Date(),
        fetch: globalThis.fetch,
        userAgent: 'tidings-test',
        env: {},
        platform: 'linux',
        writeTerminal: () => undefined,
        feedReaders: () => {
          const pool = createFeedReaderPool({
            worker: { url: pathToFileURL(CLI_PATH), workerData: 'tidings-feed-reader' },
            size: 1,
          });
          pools.push(pool);
          const read: ReadFeed = (document) => {
            reads.push(document.feedUrl);
            return pool.read(document);
          };
          return { ...pool, read };
        },
      });
      const refresh = () =>
        services.refresh(catalogFeeds(catalog), {
          signal: new AbortController().signal,
          onFeed: () => undefined,
        });
      const items = await refresh();
      expect(items.map((item) => item.title).sort()).toEqual([
        'a 厦门新闻',
        'b 厦门新闻',
        'c 厦门新闻',
      ]);
      expect(reads.sort()).toEqual(['a', 'b', 'c'].map((n) => server.url(`/${n}.xml`)));
      expect(pools).toHaveLength(1);
      expect(pools[0]?.started()).toBe(1);
      // A second refresh (the server sends no validators: every feed is read again) reuses it.
      await refresh();
      expect(reads).toHaveLength(6);
      expect(pools).toHaveLength(1);
      expect(pools[0]?.started()).toBe(1);
    } finally {
      await Promise.all(pools.map((pool) => pool.close()));
      await home.remove();
    }
  });
});
