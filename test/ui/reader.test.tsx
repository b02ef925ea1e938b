import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loadReaderSettings } from '../../src/app/reader-settings.js';
import stringWidth from 'string-width';
import { startDemoServer, type DemoServer } from '../../src/core/demo/demo-server.js';
import type { ReaderServices } from '../../src/app/services.js';
import { currentScreen, homeItems } from '../../src/app/selectors.js';
import { articleView } from '../../src/app/article-view.js';
import {
  KEYS,
  fillCache,
  makeHome,
  makeServices,
  renderReader,
  type RenderedReader,
  type SpawnCall,
} from './render-reader.js';

let demo: DemoServer;
let home: Awaited<ReturnType<typeof makeHome>>;
let services: ReaderServices;
let spawned: SpawnCall[];
let terminalBytes: string[];
let reader: RenderedReader | null = null;

beforeAll(async () => {
  demo = await startDemoServer({ now: () => new Date(), port: 0 });
  home = await makeHome();
  ({ services, spawned, terminalBytes } = await makeServices(home.paths, demo.catalog));
  await fillCache(services, demo.catalog);
});

afterAll(async () => {
  await demo.close();
  await home.remove();
});

afterEach(async () => {
  await reader?.unmount();
  reader = null;
});

async function open(
  columns = 80,
  rows = 24,
  extra: { lang?: 'zh' | 'en'; useColor?: boolean } = {},
) {
  reader = await renderReader({ services, catalog: demo.catalog, columns, rows, ...extra });
  await reader.waitFor('频道');
  return reader;
}

function expectFits(frame: string, columns: number, rows: number): void {
  const lines = frame.split('\n');
  expect(lines.length).toBeLessThanOrEqual(rows - 1);
  for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(columns);
}

describe('home', () => {
  it('shows the channel bar, the region bar, the newest items, the status and the key hints', async () => {
    const r = await open();
    const frame = r.frame();
    const lines = frame.split('\n');
    expect(lines[0]).toMatch(/^频道 {2}全部 {3}要闻 {3}国内/);
    expect(lines[1]).toMatch(/^地区 {2}全部 {3}福州 {3}厦门/);
    const first = homeItems(r.store.getState())[0]!;
    expect(lines[2]).toContain(first.title.slice(0, 8));
    expect(lines[2]?.startsWith('›●')).toBe(true);
    expect(lines[lines.length - 2]).toMatch(/未读 \d+/);
    expect(lines[lines.length - 1]).toBe(
      'j/k 移动  Enter 阅读  h/l 频道  Tab 地区  / 搜索  R 刷新  F 收藏夹  p 侧栏',
    );
    expectFits(frame, 80, 24);
  });

  it('moves the cursor and switches channel and region', async () => {
    const r = await open();
    const items = homeItems(r.store.getState());
    await r.press('j', 'j');
    await r.waitUntil((f) => f.split('\n')[4]!.startsWith('›'));
    expect(r.frame().split('\n')[4]).toContain(items[2]!.title.slice(0, 6));
    await r.press('l');
    const channelItems = homeItems(r.store.getState());
    expect(channelItems.length).toBeLessThan(items.length);
    await r.waitFor(channelItems[0]!.title.slice(0, 8));
    // Tab, Tab: channel bar → region bar; l: 福州.
    await r.press(KEYS.tab, KEYS.tab, 'l');
    await r.waitUntil(() => currentScreen(r.store.getState()).kind === 'home');
    const state = r.store.getState();
    expect(currentScreen(state)).toMatchObject({ focus: 'regions', region: 1, channel: 1 });
    expect(r.frame().split('\n')[1]).toContain(' 福州 ');
  });

  it('fits every line into 40×15 and re-lays out on resize', async () => {
    const r = await open(80, 24);
    r.resize(40, 15);
    await r.waitUntil(
      (f) => f.split('\n').length <= 14 && f.split('\n').every((l) => stringWidth(l) <= 40),
    );
    expectFits(r.frame(), 40, 15);
    expect(r.frame().split('\n')[0]).toMatch(/^频道/);
    r.resize(100, 30);
    await r.waitUntil((f) => f.split('\n').length === 29);
    expectFits(r.frame(), 100, 30);
  });

  it('marks the list read and undoes it', async () => {
    const r = await open();
    const count = homeItems(r.store.getState()).length;
    await r.press('m');
    await r.waitFor(`已将 ${count} 篇标为已读 · z 撤销`);
    expect(r.store.getState().readIds.size).toBe(count);
    await r.press('z');
    await r.waitFor(`已恢复 ${count} 篇为未读`);
    expect(r.store.getState().readIds.size).toBe(0);
  });

  it('toggles the side panel with hot words and most read', async () => {
    const r = await open(100, 24);
    await r.press('p');
    await r.waitFor('今日热词');
    expect(r.frame()).toContain('点击排行 [3天] 一周 一月');
    await r.press('w');
    await r.waitFor('点击排行 3天 [一周] 一月');
  });

  it('says why the side panel is empty when its counts fail, never "counting…" forever', async () => {
    reader = await renderReader({
      services: {
        ...services,
        insights: () => Promise.reject(new Error('history unreadable')),
      },
      catalog: demo.catalog,
      columns: 100,
      rows: 24,
    });
    await reader.waitFor('频道');
    await reader.press('p');
    await reader.waitFor('history unreadable');
    await reader.waitFor('还没有阅读记录');
    expect(reader.frame()).toContain(' 暂无');
    expect(reader.frame()).not.toContain('统计中');
  });

  it('speaks English with --lang en', async () => {
    reader = await renderReader({
      services,
      catalog: demo.catalog,
      columns: 80,
      rows: 24,
      lang: 'en',
    });
    await reader.waitFor('Channel');
    expect(reader.frame().split('\n').at(-1)).toBe(
      'j/k move  Enter read  h/l channel  Tab region  / search  R refresh  F favorites',
    );
  });
});

describe('article', () => {
  it('opens, pages, jumps, changes the font size keeping the place, and goes back to the same row', async () => {
    const r = await open();
    const items = homeItems(r.store.getState());
    // The long 4-page article of the demo is the one with the most text; open the first item instead
    // and page through whatever it has.
    await r.press('j');
    await r.press(KEYS.enter);
    await r.waitFor(/‹ .*\[1\].* ›/);
    const article = r.frame();
    expect(article.split('\n')[0]).toContain(items[1]!.title.slice(0, 6));
    expect(article).toContain('f 收藏  +/- 字号:中  o 打开  y 复制链接  e 导出');
    expectFits(article, 80, 24);
    const pages = Number(/第 1\/(\d+) 页/.exec(article)?.[1]);
    if (pages >= 2) {
      await r.press(' ');
      await r.waitFor(`第 2/${pages} 页`);
      await r.press('b');
      await r.waitFor(`第 1/${pages} 页`);
      await r.press(String(pages));
      await r.waitFor(`第 ${pages}/${pages} 页`);
    }
    await r.press('+');
    await r.waitFor('字号:大');
    await r.press('-', '-');
    await r.waitFor('字号:小');
    // The last size chosen is kept in the settings file for the next start.
    const settingsFile = join(home.paths.config, 'settings.json');
    await r.waitUntil(
      () => existsSync(settingsFile) && readFileSync(settingsFile, 'utf8').includes('"small"'),
    );
    expect((await loadReaderSettings(home.paths)).fontSize).toBe('small');
    await r.press(KEYS.esc);
    await r.waitUntil(() => currentScreen(r.store.getState()).kind === 'home');
    await r.waitUntil((f) => f.split('\n')[3]!.startsWith('› '));
  });

  it('keeps the reader on the same text when the font size changes', async () => {
    // A narrow, short terminal gives the article many pages.
    const r = await open(60, 15);
    const items = homeItems(r.store.getState());
    const longest = items.reduce((best, item) =>
      item.summary.length > best.summary.length ? item : best,
    );
    const index = items.indexOf(longest);
    for (let i = 0; i < index; i++) await r.press('j');
    await r.press(KEYS.enter);
    await r.waitFor(/第 1\/\d+ 页/);
    const pages = Number(/第 1\/(\d+) 页/.exec(r.frame())?.[1]);
    expect(pages).toBeGreaterThan(1);
    await r.press('2');
    await r.waitFor(`第 2/${pages} 页`);
    const screen = currentScreen(r.store.getState());
    if (screen.kind !== 'article') throw new Error('not on the article');
    const anchor = screen.anchor;
    await r.press('+');
    await r.waitFor('字号:大');
    const after = currentScreen(r.store.getState());
    expect(after.kind === 'article' && after.anchor).toBe(anchor);
    expectFits(r.frame(), 60, 15);
  });

  it('keeps the place when the terminal is resized under an article', async () => {
    const r = await open(80, 24);
    const items = homeItems(r.store.getState());
    const longest = items.reduce((best, item) =>
      item.summary.length > best.summary.length ? item : best,
    );
    for (let i = 0; i < items.indexOf(longest); i++) await r.press('j');
    await r.press(KEYS.enter);
    await r.waitFor(/第 1\/\d+ 页/);
    await r.press(' ');
    await r.waitFor(/第 2\/\d+ 页/);
    const screen = currentScreen(r.store.getState());
    if (screen.kind !== 'article') throw new Error('not on the article');
    const top = articleView(r.store.getState(), screen)!
      .lines[0]!.text.replace(/^[\s　]+/, '')
      .slice(0, 3);
    r.resize(50, 15);
    await r.waitUntil((f) => f.split('\n').length <= 14);
    const after = currentScreen(r.store.getState());
    if (after.kind !== 'article') throw new Error('not on the article');
    expect(after.anchor).toBe(screen.anchor);
    const view = articleView(r.store.getState(), after)!;
    const pageText = view.lines.map((l) => l.text).join('');
    // The page shown holds the first character that was at the top before (it may wrap differently).
    expect(pageText.replace(/[\s　]/g, '')).toContain(top);
    expectFits(r.frame(), 50, 15);
  });

  it('copies the link by OSC 52 and opens it in the browser without a shell', async () => {
    const r = await open();
    const item = homeItems(r.store.getState())[0]!;
    await r.press(KEYS.enter);
    await r.waitFor('复制链接');
    await r.press('y');
    await r.waitFor('已通过终端复制链接（OSC 52）');
    expect(terminalBytes.at(-1)).toBe(
      `\x1b]52;c;${Buffer.from(item.link!).toString('base64')}\x07`,
    );
    await r.press('o');
    await r.waitFor('已在浏览器中打开');
    expect(spawned.at(-1)).toEqual({ command: 'xdg-open', args: [item.link], shell: false });
  });

  it('saves a favorite, lists it in Favorites and opens it from there', async () => {
    const r = await open();
    const item = homeItems(r.store.getState())[2]!;
    await r.press('j', 'j', KEYS.enter);
    await r.waitFor('复制链接');
    await r.press('f');
    await r.waitFor('已收藏');
    await r.press(KEYS.esc, 'F');
    await r.waitFor('我的收藏 (');
    expect(r.frame()).toContain(item.title.slice(0, 8));
    await r.press(KEYS.enter);
    await r.waitFor(/第 1\/\d+ 页/);
    expect(r.frame().split('\n')[0]).toContain(item.title.slice(0, 8));
    await r.press(KEYS.esc);
    await r.waitFor('我的收藏');
    await r.press('f');
    await r.waitFor('已取消收藏');
  });
});

describe('small terminals', () => {
  it('fits every screen into 40×15', async () => {
    const r = await open(40, 15);
    const fits = (): boolean =>
      r.frame().split('\n').length <= 14 &&
      r
        .frame()
        .split('\n')
        .every((line) => stringWidth(line) <= 40);
    expectFits(r.frame(), 40, 15);
    await r.press('p');
    await r.waitFor('今日热词');
    expectFits(r.frame(), 40, 15);
    await r.press('p', KEYS.enter);
    await r.waitFor(/第 1\/\d+ 页/);
    expectFits(r.frame(), 40, 15);
    await r.press('+', '+', '+');
    await r.waitFor('字号:特大');
    expectFits(r.frame(), 40, 15);
    await r.press(KEYS.esc, 'F');
    await r.waitFor('我的收藏');
    expectFits(r.frame(), 40, 15);
    await r.press(KEYS.esc, '/');
    await r.waitFor('搜索 ›');
    await r.press('福');
    await r.waitFor(/条结果/);
    expectFits(r.frame(), 40, 15);
    await r.press(KEYS.esc, '!');
    await r.waitFor('订阅源错误');
    expectFits(r.frame(), 40, 15);
    await r.press('?');
    await r.waitFor('按键帮助');
    await r.waitUntil(fits);
  });
});

describe('search, errors and help', () => {
  it('searches incrementally and opens a result', async () => {
    const r = await open();
    await r.press('/');
    await r.waitFor('搜索 ›');
    expect(r.frame()).toContain('输入关键词');
    await r.press('福', '州');
    await r.waitFor(/\d+ 条结果/);
    const hits = Number(/(\d+) 条结果/.exec(r.frame())?.[1]);
    expect(hits).toBeGreaterThan(0);
    await r.press('Q');
    await r.waitFor('福州Q');
    expect(r.quitCount()).toBe(0);
    await r.press(KEYS.backspace);
    await r.waitFor(`${hits} 条结果`);
    await r.press(KEYS.enter);
    await r.waitUntil(() => currentScreen(r.store.getState()).kind === 'article');
    await r.press(KEYS.esc);
    await r.waitFor('搜索 › 福州');
    await r.press(KEYS.esc);
    await r.waitFor('频道');
  });

  it('finds a favorite by the text it saved, not only by its title', async () => {
    const first = await open();
    const item = homeItems(first.store.getState())[3]!;
    await first.unmount();
    reader = null;
    const article = await services.loadArticle(item.id, new AbortController().signal);
    await services.favorites.add({
      ...article,
      blocks: [...article.blocks, { type: 'paragraph', text: '文末彩蛋 Zebracorn 校验词' }],
    });
    try {
      const r = await open();
      await r.press('/');
      await r.waitFor('搜索 ›');
      await r.press(...'zebracorn');
      await r.waitFor('1 条结果');
      expect(r.frame()).toContain(item.title.slice(0, 6));
      await r.press(KEYS.enter);
      await r.waitUntil(() => currentScreen(r.store.getState()).kind === 'article');
    } finally {
      await services.favorites.remove(item.id);
    }
  });

  it('shows the help generated from the key table and closes it', async () => {
    const r = await open();
    await r.press('?');
    await r.waitFor('按键帮助');
    expect(r.frame()).toContain('首页');
    expect(r.frame()).toMatch(/Tab +切换：频道栏 → 地区栏 → 列表/);
    await r.press('j');
    await r.press(KEYS.esc);
    await r.waitFor('频道');
  });

  it('quits on Q and on Ctrl-C', async () => {
    const r = await open();
    await r.press('Q');
    await r.waitUntil(() => r.quitCount() === 1);
    await r.press(KEYS.ctrlC);
    await r.waitUntil(() => r.quitCount() === 2);
  });
});
