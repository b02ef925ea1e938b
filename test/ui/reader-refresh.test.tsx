import { readFile } from 'node:fs/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Catalog } from '../../src/core/catalog/catalog.js';
import { currentScreen, homeItems } from '../../src/app/selectors.js';
import { startFeedServer, type FeedServer } from '../helpers/feed-server.js';
import {
  KEYS,
  makeHome,
  makeServices,
  renderReader,
  type RenderedReader,
} from './render-reader.js';

let server: FeedServer;
let reader: RenderedReader | null = null;
const homes: Awaited<ReturnType<typeof makeHome>>[] = [];

const METRO = '福州地铁新线开通后，沿线居民出行时间明显缩短，滨海新城与主城区的联系更加紧密。';
const PORT = '厦门港今年以来集装箱吞吐量保持增长，航线网络继续扩展，港口物流效率提升。';

function rss(
  title: string,
  items: readonly { id: string; title: string; minutesAgo: number; paragraph: string }[],
): string {
  const entries = items
    .map(
      (
        item,
      ) => `<item><title>${item.title}</title><link>${server.url(`/${item.id}.html`)}</link><guid>${item.id}</guid>
<pubDate>${new Date(Date.now() - item.minutesAgo * 60_000).toUTCString()}</pubDate>
<description><![CDATA[${Array.from({ length: 6 }, (_, i) => `<p>第${i + 1}段。${item.paragraph.repeat(4)}</p>`).join('')}]]></description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>${server.url('/')}</link>${entries}</channel></rss>`;
}

beforeAll(async () => {
  server = await startFeedServer();
  server.route('/fast.xml', {
    headers: { 'content-type': 'application/rss+xml; charset=utf-8' },
    body: rss('快讯', [
      { id: 'm1', title: '福州地铁新线开通 滨海新城直达主城', minutesAgo: 5, paragraph: METRO },
      {
        id: 'm2',
        title: '福州地铁客流创新高 新线首周运送乘客百万人次',
        minutesAgo: 30,
        paragraph: METRO,
      },
      { id: 'm3', title: '厦门港集装箱吞吐量稳步增长', minutesAgo: 60, paragraph: PORT },
    ]),
  });
  server.route('/hang.xml', { hang: true });
  server.route('/missing.xml', { status: 404, body: 'not here' });
});

afterAll(async () => {
  await server.close();
  for (const home of homes) await home.remove();
});

afterEach(async () => {
  await reader?.unmount();
  reader = null;
});

function catalogOf(...paths: string[]): Catalog {
  return {
    channels: [
      {
        id: 'local',
        name: '本地',
        nameEn: 'Local',
        feeds: paths.map((p) => ({ url: server.url(p) })),
      },
    ],
    regions: [{ id: 'fuzhou', name: '福州', keywords: ['福州'], feeds: [] }],
  };
}

async function openFresh(catalog: Catalog, columns = 80, rows = 24, keys = {}) {
  const home = await makeHome();
  homes.push(home);
  const made = await makeServices(home.paths, catalog);
  reader = await renderReader({
    services: made.services,
    catalog,
    columns,
    rows,
    shouldRefresh: true,
    keys,
  });
  return { reader, home };
}

describe('background refresh', () => {
  it('opens at once on an empty cache, shows a fast feed while a slow one loads, and cancels', async () => {
    const { reader: r } = await openFresh(catalogOf('/fast.xml', '/hang.xml'));
    // The first frame does not wait for the network.
    expect(r.frame()).toContain('还没有缓存的文章，正在刷新…');
    await r.waitFor('福州地铁新线开通 滨海新城直达主城');
    expect(r.frame()).toMatch(/刷新中 1\/2/);
    await r.press('x');
    await r.waitFor('已取消刷新');
    expect(r.store.getState().refresh).toBeNull();
    expect(homeItems(r.store.getState()).map((i) => i.title)).toEqual([
      '福州地铁新线开通 滨海新城直达主城',
      '福州地铁客流创新高 新线首周运送乘客百万人次',
      '厦门港集装箱吞吐量稳步增长',
    ]);
  });

  it('lists failed feeds with the reason, and counts them in the status line', async () => {
    const { reader: r } = await openFresh(catalogOf('/fast.xml', '/missing.xml'));
    await r.waitFor('1 个源出错');
    await r.press('!');
    await r.waitFor('订阅源错误 (1)');
    expect(r.frame()).toMatch(/✗ .*404/);
    expect(r.frame()).toContain(server.url('/missing.xml').slice(0, 20));
    await r.press('q');
    await r.waitFor('频道');
  });
});

describe('refresh and the items in memory', () => {
  it('keeps the same items array when a refresh rewrites nothing, and takes new ones when it does', async () => {
    let isDown = false;
    const feed = rss('翻转', [
      { id: 'f1', title: '福州地铁新线开通 翻转源', minutesAgo: 5, paragraph: METRO },
    ]);
    server.route('/flip.xml', () =>
      isDown
        ? { status: 500, body: 'down' }
        : { headers: { 'content-type': 'application/rss+xml; charset=utf-8' }, body: feed },
    );
    const { reader: r } = await openFresh(catalogOf('/flip.xml'));
    await r.waitUntil(
      () => r.store.getState().refresh === null && r.store.getState().items.length === 1,
    );
    const loaded = r.store.getState().items;
    isDown = true;
    await r.press('R');
    await r.waitFor('1 个源出错');
    await r.waitUntil(() => r.store.getState().refresh === null);
    // Every feed failed: nothing was re-read, selectors keep their memoized results.
    expect(r.store.getState().items).toBe(loaded);
    isDown = false;
    await r.press('R');
    await r.waitUntil(
      () => r.store.getState().refresh === null && r.store.getState().items !== loaded,
    );
    expect(r.store.getState().items.map((i) => i.title)).toEqual(['福州地铁新线开通 翻转源']);
    expect(server.hits('/flip.xml')).toBe(3);
  });
});

describe('refresh progress', () => {
  it('applies feeds that end together as one change, not one per feed', async () => {
    for (let n = 0; n < 20; n++) server.route(`/gone-${n}.xml`, { status: 404, body: 'gone' });
    const paths = Array.from({ length: 20 }, (_, n) => `/gone-${n}.xml`);
    const home = await makeHome();
    homes.push(home);
    const catalog = catalogOf(...paths);
    const made = await makeServices(home.paths, catalog);
    reader = await renderReader({ services: made.services, catalog, columns: 80, rows: 24 });
    const r = reader;
    const steps: number[] = [];
    const unsubscribe = r.store.subscribe(() => {
      const done = r.store.getState().refresh?.done;
      if (done !== undefined && done !== steps.at(-1)) steps.push(done);
    });
    // Every response waits the same time: each wave of 8 parallel fetches ends at once.
    server.latencyMs = 150;
    try {
      await r.press('R');
      await r.waitFor('20 个源出错');
      await r.waitUntil(() => r.store.getState().refresh === null);
    } finally {
      server.latencyMs = 0;
      unsubscribe();
    }
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBe(20);
    // 20 feeds in 3 waves: a handful of changes, far fewer than one per feed.
    expect(steps.length).toBeLessThanOrEqual(10);
    expect(r.store.getState().feeds[server.url('/gone-0.xml')]?.error).toMatch(/404/);
  });
});

describe('reading features', () => {
  it('filters unread, offers 相关阅读 on the last page and opens it, and exports Markdown', async () => {
    const { reader: r, home } = await openFresh(catalogOf('/fast.xml'), 60, 15);
    await r.waitUntil(
      () => r.store.getState().refresh === null && homeItems(r.store.getState()).length === 3,
    );
    await r.press(KEYS.enter);
    await r.waitFor(/第 1\/\d+ 页/);
    const pages = Number(/第 1\/(\d+) 页/.exec(r.frame())?.[1]);
    await r.press('G');
    await r.waitFor(`第 ${pages}/${pages} 页`);
    await r.waitFor('相关阅读');
    expect(r.frame()).toContain('福州地铁客流创新高');
    await r.press(KEYS.enter);
    await r.waitUntil(() => r.store.getState().stack.length === 3);
    await r.waitFor('福州地铁客流创新高 新线首周运送乘客百万人次');
    await r.waitFor(/第 1\/\d+ 页/);
    await r.press('e');
    await r.waitFor('已导出到');
    const path = /已导出到 (\S+\.md)/.exec(r.store.getState().notice?.text ?? '')?.[1];
    expect(path?.startsWith(home.paths.data)).toBe(true);
    const markdown = await readFile(path!, 'utf8');
    expect(markdown.startsWith('# 福州地铁客流创新高 新线首周运送乘客百万人次\n')).toBe(true);
    expect(markdown).toContain(`<${server.url('/m2.html')}>`);
    await r.press(KEYS.esc, KEYS.esc);
    await r.waitUntil(() => currentScreen(r.store.getState()).kind === 'home');
    await r.press('u');
    await r.waitFor('只看未读');
    expect(homeItems(r.store.getState()).map((i) => i.id)).toHaveLength(1);
  });

  it('follows the rebinding from the settings', async () => {
    const { reader: r } = await openFresh(catalogOf('/fast.xml'), 80, 24, { 'page.next': ['n'] });
    await r.waitFor('福州地铁新线开通');
    await r.press(KEYS.enter);
    await r.waitFor('n/b 翻页');
    await r.waitFor(/第 1\/\d+ 页/);
    await r.press('n');
    await r.waitFor(/第 2\/\d+ 页/);
  });
});
