import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runFetch } from '../../src/commands/fetch.js';
import { runList } from '../../src/commands/list.js';
import { ReadStateStore } from '../../src/core/storage/read-state.js';
import { createTestContext, type TestContext } from '../helpers/command-context.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

let server: FeedServer;
let context: TestContext;
let catalogFile: string;

const item = (title: string, guid: string, date: string, extra = ''): string =>
  `<item><title>${title}</title><guid>${guid}</guid><link>http://news.test/${guid}</link><pubDate>${date}</pubDate>${extra}</item>`;

async function serve(): Promise<void> {
  server = await startFeedServer();
  server.route('/domestic.xml', {
    etag: '"d1"',
    body: `<rss version="2.0"><channel><title>国内新闻</title>
      ${item('厦门地铁新线开通', 'd1', 'Wed, 26 Nov 2026 10:00:00 GMT', '<description>鹭岛交通</description>')}
      ${item('全国粮食产量创新高', 'd2', 'Wed, 26 Nov 2026 09:00:00 GMT')}</channel></rss>`,
  });
  server.route('/world.xml', {
    body: `<rss version="2.0"><channel><title>World</title>
      ${item('Xiamen hosts trade fair', 'w1', 'Wed, 26 Nov 2026 11:00:00 GMT')}
      ${item('Markets rally', 'w2', 'Wed, 26 Nov 2026 08:00:00 GMT', '<description>Stocks in Fuzhou and Tokyo</description>')}</channel></rss>`,
  });
  server.route('/fuzhou.xml', {
    body: `<rss version="2.0"><channel><title>福州台</title>${item('本地新闻', 'f1', 'Wed, 26 Nov 2026 07:00:00 GMT')}</channel></rss>`,
  });
  server.route('/broken.xml', { status: 500, body: 'down' });
}

beforeAll(serve);
afterAll(async () => {
  await server.close();
});
beforeEach(async () => {
  context = await createTestContext();
  catalogFile = join(context.home, 'catalog.json');
  await writeFile(
    catalogFile,
    JSON.stringify({
      channels: [
        {
          id: 'domestic',
          name: '国内',
          feeds: [server.url('/domestic.xml'), server.url('/broken.xml')],
        },
        { id: 'world', name: '国际', feeds: [server.url('/world.xml')] },
      ],
      regions: [
        { id: 'xiamen', name: '厦门', keywords: ['厦门', 'Xiamen', '鹭岛'], feeds: [] },
        {
          id: 'fuzhou',
          name: '福州',
          keywords: ['福州', 'Fuzhou'],
          feeds: [server.url('/fuzhou.xml')],
        },
      ],
    }),
  );
});
afterEach(async () => {
  await context.dispose();
});

describe('tidings fetch', () => {
  it('prints one line per feed and a summary; exit 2 when a feed failed, the others stored', async () => {
    const code = await runFetch(context, {
      catalogFile,
      isJson: false,
      concurrency: 8,
      totalTimeoutMs: null,
    });
    expect(code).toBe(2);
    const lines = context.out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(
      /^ok {11}国内新闻 {2}2 items, 2 new {2}\d+ ms {2}http:\/\/127\.0\.0\.1:\d+\/domestic\.xml$/,
    );
    expect(lines[1]).toMatch(
      /^error {8}http:\/\/127\.0\.0\.1:\d+\/broken\.xml {2}HTTP 500 Internal Server Error \(\d+ ms\)$/,
    );
    expect(lines[4]).toBe('4 feeds: 3 ok, 0 not modified, 1 failed');
  });

  it('prints JSON with per-feed results and counts; a second run is not-modified where the server says so', async () => {
    await runFetch(context, { catalogFile, isJson: true, concurrency: 8, totalTimeoutMs: null });
    context.out.stdout.length = 0;
    const code = await runFetch(context, {
      catalogFile,
      isJson: true,
      concurrency: 2,
      totalTimeoutMs: null,
    });
    expect(code).toBe(2);
    const report = JSON.parse(context.out.text()) as {
      feeds: {
        url: string;
        title: string;
        status: string;
        items: number;
        new: number;
        ms: number;
        error: string | null;
      }[];
      ok: number;
      notModified: number;
      failed: number;
    };
    expect(report).toMatchObject({ ok: 2, notModified: 1, failed: 1 });
    expect(report.feeds.map((f) => [f.title, f.status, f.items, f.new, f.error])).toEqual([
      ['国内新闻', 'not-modified', 2, 0, null],
      [server.url('/broken.xml'), 'error', 0, 0, 'HTTP 500 Internal Server Error'],
      ['World', 'ok', 2, 0, null],
      ['福州台', 'ok', 1, 0, null],
    ]);
    expect(Object.keys(report.feeds[0] ?? {})).toEqual([
      'url',
      'title',
      'status',
      'items',
      'new',
      'ms',
      'error',
    ]);
  });
});

describe('tidings list', () => {
  beforeEach(async () => {
    await runFetch(context, { catalogFile, isJson: true, concurrency: 8, totalTimeoutMs: null });
    context.out.stdout.length = 0;
  });

  const list = async (options: Partial<Parameters<typeof runList>[1]>) => {
    context.out.stdout.length = 0;
    const code = await runList(context, {
      catalogFile,
      channel: null,
      region: null,
      search: null,
      limit: null,
      isJson: true,
      ...options,
    });
    expect(code).toBe(0);
    return JSON.parse(context.out.text()) as {
      title: string;
      channels: string[];
      regions: string[];
    }[];
  };

  it('lists cached items newest first with their channels and regions, offline', async () => {
    await server.close();
    const items = await list({});
    expect(items.map((i) => [i.title, i.channels, i.regions])).toEqual([
      ['Xiamen hosts trade fair', ['world'], ['xiamen']],
      ['厦门地铁新线开通', ['domestic'], ['xiamen']],
      ['全国粮食产量创新高', ['domestic'], []],
      ['Markets rally', ['world'], ['fuzhou']],
      ['本地新闻', [], ['fuzhou']],
    ]);
    await serve();
  });

  it('prints the documented JSON fields', async () => {
    const [first] = await list({ limit: 1 });
    expect(Object.keys(first ?? {})).toEqual([
      'id',
      'title',
      'link',
      'published',
      'author',
      'source',
      'feedUrl',
      'channels',
      'regions',
      'summary',
    ]);
    expect(first).toMatchObject({
      title: 'Xiamen hosts trade fair',
      link: 'http://news.test/w1',
      published: '2026-11-26T11:00:00.000Z',
      source: 'World',
    });
  });

  it('prints JSON one compact row per line, and [] when nothing matches', async () => {
    const rows = await list({ limit: 2 });
    const lines = context.out.text().split('\n');
    expect(lines).toEqual(['[', `${JSON.stringify(rows[0])},`, JSON.stringify(rows[1]), ']', '']);
    expect(await list({ search: 'no such words' })).toEqual([]);
    expect(context.out.text()).toBe('[]\n');
  });

  it('filters by channel, region (feed or keyword), search text and limit', async () => {
    expect((await list({ channel: 'domestic' })).map((i) => i.title)).toEqual([
      '厦门地铁新线开通',
      '全国粮食产量创新高',
    ]);
    expect((await list({ region: 'xiamen' })).map((i) => i.title)).toEqual([
      'Xiamen hosts trade fair',
      '厦门地铁新线开通',
    ]);
    expect((await list({ region: 'fuzhou' })).map((i) => i.title)).toEqual([
      'Markets rally',
      '本地新闻',
    ]);
    expect((await list({ search: 'RALLY' })).map((i) => i.title)).toEqual(['Markets rally']);
    expect((await list({ search: '鹭岛' })).map((i) => i.title)).toEqual(['厦门地铁新线开通']);
    expect(await list({ limit: 2 })).toHaveLength(2);
  });

  it('prints text lines with local time, id, title and source', async () => {
    await runList(context, {
      catalogFile,
      channel: 'world',
      region: null,
      search: null,
      limit: null,
      isJson: false,
    });
    const lines = context.out.text().trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^\d{4}-\d{2}-\d{2} \d{2}:\d{2} {2}[0-9a-f]{12} {2}Xiamen hosts trade fair {2}· World$/,
    );
  });

  it('--unread leaves out the items already opened', async () => {
    const all = await list({});
    const opened = all.filter(
      (i) => i.title === '厦门地铁新线开通' || i.title === 'Markets rally',
    ) as unknown as { id: string }[];
    await new ReadStateStore({ paths: context.paths, now: context.now }).markRead(
      opened.map((i) => i.id),
    );
    expect((await list({ isUnreadOnly: true })).map((i) => i.title)).toEqual([
      'Xiamen hosts trade fair',
      '全国粮食产量创新高',
      '本地新闻',
    ]);
    expect(await list({ isUnreadOnly: false })).toHaveLength(5);
  });

  it('refuses an unknown channel or region', async () => {
    await expect(
      runList(context, {
        catalogFile,
        channel: 'nope',
        region: null,
        search: null,
        limit: null,
        isJson: true,
      }),
    ).rejects.toThrow('unknown channel "nope" (see tidings channels)');
    await expect(
      runList(context, {
        catalogFile,
        channel: null,
        region: 'nope',
        search: null,
        limit: null,
        isJson: true,
      }),
    ).rejects.toThrow('unknown region "nope" (see tidings regions)');
  });
});
