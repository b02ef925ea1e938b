// `fetch` on worker threads and on the main thread fills the cache identically: the built CLI
// against a real local server, once with TIDINGS_FEED_READERS=2 and once with 0.
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import { CLI_PATH, runCli } from '../helpers/run-cli.js';

let server: FeedServer;
let work: string;

const rss = (name: string, count: number): string =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${name}</title>${Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${name} 第${i}条</title><link>/${name}/${i}.html</link><guid>${name}-${i}</guid><pubDate>Thu, 26 Nov 2026 ${String(i % 24).padStart(2, '0')}:00:00 GMT</pubDate><description>&lt;p&gt;泉州 ${i}&lt;/p&gt;</description></item>`,
  ).join('')}</channel></rss>`;

beforeAll(async () => {
  if (!existsSync(CLI_PATH))
    throw new Error('dist/cli.js is missing: run `npm run build` (npm test does it)');
  server = await startFeedServer();
  for (let i = 0; i < 5; i += 1) server.route(`/f${i}.xml`, { body: rss(`频道${i}`, 20 + i) });
  server.route('/gbk.xml', {
    body: iconv.encode(rss('闽南', 3).replace('UTF-8', 'GBK'), 'gbk'),
    headers: { 'content-type': 'application/rss+xml; charset=gbk' },
  });
  // Inline XHTML content: rss-parser re-serialises it with xml2js's Builder.
  server.route('/xhtml.xml', {
    body: '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>X</title><item><title>内联</title><guid>x1</guid><content:encoded><p>段落<b>加粗</b></p></content:encoded></item></channel></rss>',
  });
  server.route('/broken.xml', { body: '<html><body>not a feed</body></html>' });
  work = await mkdtemp(join(tmpdir(), 'tidings-e2e-readers-'));
  await writeFile(
    join(work, 'catalog.json'),
    JSON.stringify({
      channels: [
        {
          id: 'all',
          name: '全部',
          feeds: [
            ...[0, 1, 2, 3, 4].map((i) => server.url(`/f${i}.xml`)),
            server.url('/gbk.xml'),
            server.url('/xhtml.xml'),
            server.url('/broken.xml'),
          ],
        },
      ],
      regions: [],
    }),
  );
});
afterAll(async () => {
  await server.close();
  await rm(work, { recursive: true, force: true });
});

async function fetchAndList(readers: string): Promise<{ fetch: unknown; list: unknown[] }> {
  const home = join(work, `home-${readers}`);
  const env = { TIDINGS_HOME: home, TIDINGS_FEED_READERS: readers };
  const catalog = join(work, 'catalog.json');
  const fetched = await runCli(['fetch', '--json', '--catalog', catalog], env);
  expect(fetched.code, fetched.stderr).toBe(2); // one feed is broken
  const listed = await runCli(['list', '--json', '--catalog', catalog], env);
  expect(listed.code, listed.stderr).toBe(0);
  const result = JSON.parse(fetched.stdout) as { feeds: { ms?: number }[] };
  return {
    fetch: { ...result, feeds: result.feeds.map(({ ms: _ms, ...feed }) => feed) },
    list: JSON.parse(listed.stdout) as unknown[],
  };
}

describe('fetch with feed-reader workers', () => {
  it('caches exactly what reading on the main thread caches', async () => {
    const pooled = await fetchAndList('2');
    const inline = await fetchAndList('0');
    expect(pooled).toEqual(inline);
    expect(pooled.list).toHaveLength(20 + 21 + 22 + 23 + 24 + 3 + 1);
    expect(pooled.list).toContainEqual(expect.objectContaining({ title: '闽南 第2条' }));
    expect(pooled.list).toContainEqual(
      expect.objectContaining({ title: '内联', summary: '段落加粗' }),
    );
    expect(pooled.fetch).toMatchObject({ ok: 7, notModified: 0, failed: 1 });
    expect((pooled.fetch as { feeds: { error: string | null }[] }).feeds.at(-1)?.error).toBe(
      'an HTML page, not a feed',
    );
  });
});
