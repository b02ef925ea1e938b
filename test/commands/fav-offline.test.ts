// Favorites read offline: saved with the full text of a 4-page article from a real local server,
// then read, listed and exported with the server stopped, the feed gone from the catalog and the
// feed cache deleted.
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFavAdd } from '../../src/commands/fav-add.js';
import { runFavExport } from '../../src/commands/fav-export.js';
import { runFavList } from '../../src/commands/fav-list.js';
import { runFetch } from '../../src/commands/fetch.js';
import { runRelated } from '../../src/commands/related.js';
import { blocksToPlainText } from '../../src/core/articles/html-to-blocks.js';
import { FeedCache } from '../../src/core/storage/feed-cache.js';
import { FavoritesStore } from '../../src/core/storage/favorites-store.js';
import { createTestContext, type TestContext } from '../helpers/command-context.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';

const fixtures = resolve(import.meta.dirname, '../fixtures/articles/riverside');
const page = (n: number): Buffer => readFileSync(join(fixtures, `page-${n}.shtml`));
const base = '/city/2024/0318/laojie_1024';

let server: FeedServer;
let isServerOpen: boolean;
let context: TestContext;
let catalogFile: string;

beforeEach(async () => {
  server = await startFeedServer();
  isServerOpen = true;
  server.route(`${base}.shtml`, { body: page(1), headers: { 'content-type': 'text/html' } });
  server.route(`${base}_2.shtml`, {
    body: page(2),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  server.route(`${base}_3.shtml`, {
    body: iconv.encode(page(3).toString('utf8'), 'gbk'),
    headers: { 'content-type': 'text/html' },
  });
  server.route(`${base}_4.shtml`, { body: page(4), headers: { 'content-type': 'text/html' } });
  server.route('/city.xml', {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>晨报网·城市</title>
      <item><title>老街新生：滨江区老旧小区改造一年追踪</title><guid>laojie</guid>
      <link>${server.url(`${base}.shtml`)}</link><pubDate>Mon, 18 Mar 2024 01:30:00 GMT</pubDate>
      <description>清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……</description></item>
      </channel></rss>`,
  });
  context = await createTestContext();
  catalogFile = join(context.home, 'catalog.json');
  await writeFile(
    catalogFile,
    JSON.stringify({
      channels: [{ id: 'city', name: '城市', feeds: [server.url('/city.xml')] }],
      regions: [],
    }),
  );
});
afterEach(async () => {
  if (isServerOpen) await server.close();
  await context.dispose();
});

async function stopEverything(): Promise<void> {
  await server.close();
  isServerOpen = false;
  await writeFile(catalogFile, JSON.stringify({ channels: [], regions: [] }));
  await rm(context.paths.cache, { recursive: true, force: true });
}

describe('favorites read offline', () => {
  it('saves the merged full text and reads it exactly as before with the server stopped and the feed gone', async () => {
    await runFetch(context, { catalogFile, isJson: false, concurrency: 2, totalTimeoutMs: null });
    const [cached] = await new FeedCache(context.paths.cache, context.now).readAllSummaries();
    const id = cached?.id ?? '';
    context.out.stdout.length = 0;

    expect(await runFavAdd(context, { target: id, tags: ['城市'], isJson: false })).toBe(0);
    expect(context.out.text()).toBe(
      `Saved ${id}: 老街新生：滨江区老旧小区改造一年追踪 (full text, 4 pages merged)\n`,
    );
    expect(server.hits(`${base}_4.shtml`)).toBe(1);
    const store = await FavoritesStore.open({ paths: context.paths, now: context.now });
    const before = await store.get(id);
    expect(before?.article.textSource).toBe('page');
    expect(before?.article.header).toMatchObject({ author: '周文', editor: '林晓' });
    const text = blocksToPlainText(before?.article.blocks ?? []);
    expect(text).toContain('七十二岁的陈阿姨拎着菜篮');
    expect(text).toContain('今年一滴都没进，我特地在门口蹲着看了半个钟头。');

    await stopEverything();

    const after = await (
      await FavoritesStore.open({ paths: context.paths, now: context.now })
    ).get(id);
    expect(after).toEqual(before);
    context.out.stdout.length = 0;
    await runFavList(context, { search: '陈阿姨', isJson: true });
    expect(
      (JSON.parse(context.out.text()) as { id: string; tags: string[] }[]).map((r) => [
        r.id,
        r.tags,
      ]),
    ).toEqual([[id, ['城市']]]);
    const file = join(context.home, 'print.md');
    await runFavExport(context, { format: 'md', output: file });
    const md = await readFile(file, 'utf8');
    expect(md).toContain('\n## 老街新生：滨江区老旧小区改造一年追踪\n');
    expect(md).toContain('今年一滴都没进，我特地在门口蹲着看了半个钟头。');
    expect(md).toContain(`原文 · Source: <${server.url(`${base}.shtml`)}>`);
    context.out.stdout.length = 0;
    expect(await runRelated(context, { id, limit: 5, isJson: true })).toBe(0);
    expect(JSON.parse(context.out.text())).toEqual({
      id,
      title: '老街新生：滨江区老旧小区改造一年追踪',
      related: [],
    });
    expect(context.out.stderr).toEqual([]);
  });

  it('saves a page by URL when no feed carries it', async () => {
    const url = server.url(`${base}.shtml`);
    expect(await runFavAdd(context, { target: url, tags: [], isJson: true })).toBe(0);
    const saved = JSON.parse(context.out.text()) as {
      id: string;
      title: string;
      link: string;
      sitePages: number;
    };
    // The headline comes from the page itself (no feed gave one); how its site suffix is
    // trimmed is the article engine's business.
    expect(saved.title).toMatch(/^老街新生：滨江区老旧小区改造一年追踪/);
    expect([saved.link, saved.sitePages]).toEqual([url, 4]);
    await stopEverything();
    const snapshot = await (
      await FavoritesStore.open({ paths: context.paths, now: context.now })
    ).get(saved.id);
    expect(blocksToPlainText(snapshot?.article.blocks ?? [])).toContain('七十二岁的陈阿姨拎着菜篮');
  });

  it('an id that is neither cached nor saved is a usage error', async () => {
    await expect(runFavAdd(context, { target: 'nope', tags: [], isJson: false })).rejects.toThrow(
      'no cached item with id nope',
    );
  });
});
