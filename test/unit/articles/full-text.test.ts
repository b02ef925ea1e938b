import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  articleMeta,
  formatPublished,
  layoutHeader,
} from '../../../src/core/articles/article-header.js';
import {
  buildArticle,
  itemForUrl,
  needsFullText,
} from '../../../src/core/articles/build-article.js';
import {
  ExtractionError,
  extractArticle,
  findEditor,
  findPublished,
} from '../../../src/core/articles/extract-article.js';
import { findNextPage, isSameSite } from '../../../src/core/articles/find-next-page.js';
import { blocksToPlainText, htmlToBlocks } from '../../../src/core/articles/html-to-blocks.js';
import { decodeHtmlBytes } from '../../../src/core/feeds/decode.js';
import type { Item } from '../../../src/core/feeds/item.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';
import { startFeedServer, type FeedServer } from '../../helpers/feed-server.js';
import { fixturesDir } from './article-fixtures.js';

const corpus = path.resolve(fixturesDir, '../../..', '../shared/corpus/chinese/articles');
const hasCorpus = existsSync(corpus);
const squash = (text: string): string => text.replace(/\s+/g, '');

function item(overrides: Partial<Item> = {}): Item {
  return {
    id: 'item-1',
    feedUrl: 'http://127.0.0.1/feed.xml',
    source: '晨报网',
    title: '老街新生：滨江区老旧小区改造一年追踪',
    link: null,
    published: '2024-03-18T01:30:00.000Z',
    author: null,
    categories: [],
    summary: '清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……',
    contentHtml: '<p>清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……</p>',
    enclosures: [],
    firstSeen: '2024-03-18T02:00:00.000Z',
    ...overrides,
  };
}

const riversidePath = '/city/2024/0318/laojie_1024';
const fixture = (name: string): Buffer => readFileSync(path.join(fixturesDir, 'riverside', name));

function serveRiverside(server: FeedServer): void {
  // Page 1 declares gb2312 but is UTF-8 (as real portals re-save pages); page 3 really is GBK.
  server.route(`${riversidePath}.shtml`, {
    body: fixture('page-1.shtml'),
    headers: { 'content-type': 'text/html' },
  });
  server.route(`${riversidePath}_2.shtml`, {
    body: fixture('page-2.shtml'),
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
  server.route(`${riversidePath}_3.shtml`, {
    body: iconv.encode(fixture('page-3.shtml').toString('utf8'), 'gbk'),
    headers: { 'content-type': 'text/html' },
  });
  server.route(`${riversidePath}_4.shtml`, {
    body: fixture('page-4.shtml'),
    headers: { 'content-type': 'text/html' },
  });
}

describe('needsFullText', () => {
  it('asks for the page when the feed has a short or cut-off text and a link', () => {
    expect(needsFullText(item({ link: 'https://a.cn/1' }))).toBe(true);
    expect(needsFullText(item())).toBe(false);
    const long = '<p>' + '这是一段完整的正文内容。'.repeat(40) + '</p>';
    expect(needsFullText(item({ link: 'https://a.cn/1', contentHtml: long }))).toBe(false);
    expect(
      needsFullText(item({ link: 'https://a.cn/1', contentHtml: `${long}<p>阅读全文</p>` })),
    ).toBe(true);
    expect(
      needsFullText(
        item({
          link: 'https://a.cn/1',
          contentHtml: `<p>${'word '.repeat(80)}… [+2310 chars]</p>`,
        }),
      ),
    ).toBe(true);
  });
});

describe('findNextPage', () => {
  const next = (html: string, url: string): string | null => findNextPage(html, url);

  it('follows rel=next, 下一页 (also as a script link), numbered links and the TRS script, in that order', () => {
    expect(
      next('<link rel="next" href="b_2.html"><a href="c.html">下一页</a>', 'https://a.cn/x/b.html'),
    ).toBe('https://a.cn/x/b_2.html');
    expect(next('<a href="/x/b_2.html">下一页 &gt;&gt;</a>', 'https://a.cn/x/b.html')).toBe(
      'https://a.cn/x/b_2.html',
    );
    expect(
      next(
        `<a class="next" onclick="javascript:location.href='/W/1_2.shtml';">下一页</a>`,
        'https://www.a.cn/W/1.shtml',
      ),
    ).toBe('https://www.a.cn/W/1_2.shtml');
    expect(next('<a href="b_3.htm">3</a><a href="b_2.htm">2</a>', 'https://a.cn/b.htm')).toBe(
      'https://a.cn/b_2.htm',
    );
    expect(next('<a href="b_4.htm">4</a><a href="b_3.htm">3</a>', 'https://a.cn/b_2.htm')).toBe(
      'https://a.cn/b_3.htm',
    );
    expect(next('<a href="b_2.shtml">第2页</a>', 'https://a.cn/b.shtml')).toBe(
      'https://a.cn/b_2.shtml',
    );
    expect(next('<a href="b_2.shtml"><img src="arrow.png"></a>', 'https://a.cn/b.shtml')).toBe(
      'https://a.cn/b_2.shtml',
    );
    expect(next('<a href="?page=3">3</a><a href="?page=2">2</a>', 'https://a.cn/list?id=7')).toBe(
      'https://a.cn/list?page=2',
    );
    expect(
      next(
        '<script>createPageHTML(3, 0, "t2024_9", "htm");</script>',
        'https://a.cn/d/t2024_9.htm',
      ),
    ).toBe('https://a.cn/d/t2024_9_1.htm');
    expect(
      next(
        '<script>createPageHTML(1, 0, "t2024_9", "htm");</script>',
        'https://a.cn/d/t2024_9.htm',
      ),
    ).toBeNull();
  });

  it('ignores other sites, the page itself, numbered links to other articles, and script-only links', () => {
    expect(
      next('<a href="https://other.com/b_2.html">下一页</a>', 'https://a.cn/b.html'),
    ).toBeNull();
    expect(next('<a href="b.html">下一页</a>', 'https://a.cn/b.html')).toBeNull();
    expect(next('<a href="other_2.html">2</a>', 'https://a.cn/b.html')).toBeNull();
    expect(next('<a href="javascript:;">下一页</a>', 'https://a.cn/b.html')).toBeNull();
    expect(next('<a href="https://m.a.cn/b_2.html">下一页</a>', 'https://www.a.cn/b.html')).toBe(
      'https://m.a.cn/b_2.html',
    );
  });

  it('treats hosts under one registrable domain as one site', () => {
    expect(
      isSameSite(new URL('https://news.sina.com.cn/'), new URL('https://finance.sina.com.cn/')),
    ).toBe(true);
    expect(isSameSite(new URL('https://a.com.cn/'), new URL('https://b.com.cn/'))).toBe(false);
  });
});

describe('findEditor', () => {
  it('finds 责任编辑 in its usual spellings', () => {
    expect(findEditor('……一直保持下去。（责任编辑：林晓）')).toBe('林晓');
    expect(findEditor('責任編輯：王小明 分享')).toBe('王小明');
    expect(findEditor('责编：张三')).toBe('张三');
    expect(findEditor('（编辑：李四）')).toBe('李四');
    expect(findEditor('编辑部地址：北京')).toBeNull();
  });
});

describe.skipIf(!hasCorpus)('extraction over the corpus (readability cases)', () => {
  for (const name of ['gmw', 'qq', 'youth', 'pixnet']) {
    it(`finds the title and body of readability/${name}, as readability's own expectation has them`, () => {
      const dir = path.join(corpus, 'readability', name);
      const decoded = decodeHtmlBytes(readFileSync(path.join(dir, 'source.html')), null);
      // qq's page declares gb2312 but its bytes are UTF-8.
      expect(decoded.charset).toBe('utf-8');
      const extracted = extractArticle(decoded.text, `https://example.com/${name}/article.html`);
      const expected = JSON.parse(
        readFileSync(path.join(dir, 'expected-metadata.json'), 'utf8'),
      ) as {
        title: string;
        byline: string | null;
      };
      // Our title is the headline: readability's, less the site furniture (`_科技_腾讯网`).
      expect(extracted.title).not.toBeNull();
      expect(Array.from(extracted.title ?? '').length).toBeGreaterThan(8);
      expect(expected.title.startsWith(extracted.title ?? '')).toBe(true);
      const ours = squash(blocksToPlainText(htmlToBlocks(extracted.contentHtml).blocks)).replace(
        /\[\d+\]/g,
        '',
      );
      const theirs = squash(
        blocksToPlainText(
          htmlToBlocks(readFileSync(path.join(dir, 'expected.html'), 'utf8')).blocks,
        ),
      ).replace(/\[\d+\]/g, '');
      expect(ours.slice(0, 80)).toBe(theirs.slice(0, 80));
      expect(ours.slice(-40)).toBe(theirs.slice(-40));
      expect(Math.abs(ours.length - theirs.length)).toBeLessThan(theirs.length * 0.05);
      expect(isTerminalSafe(ours)).toBe(true);
    });
  }

  it('extracts the BBC Chinese article as newspaper expects its text', () => {
    const html = readFileSync(path.join(corpus, 'newspaper/chinese_article.html'), 'utf8');
    const extracted = extractArticle(
      html,
      'https://www.bbc.co.uk/zhongwen/simp/chinese_news/2012/12/121210_hongkong_cy_leung.shtml',
    );
    const text = squash(blocksToPlainText(htmlToBlocks(extracted.contentHtml).blocks));
    // The page writes curly quotes as `&#147;` / `&#148;`, which HTML reads as Windows-1252 “ ”;
    // newspaper's expected text kept them as the C1 characters U+0093 / U+0094.
    const paragraphs = readFileSync(path.join(corpus, 'newspaper/chinese.txt'), 'utf8')
      .replace(/\u0093/g, '“')
      .replace(/\u0094/g, '”')
      .split(/\n\s*\n/)
      .map(squash)
      .filter(Boolean);
    expect(paragraphs.length).toBeGreaterThan(5);
    for (const paragraph of paragraphs) expect(text).toContain(paragraph);
  });
});

describe.skipIf(!hasCorpus)('extraction over the corpus (GeneralNewsExtractor pages)', () => {
  const pages: [string, string, string][] = [
    [
      'guancha/guancha.html',
      'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml',
      '王文：中美贸易“持久战”，中国人的斗志被激发',
    ],
    [
      'gamersky/gamersky.html',
      'https://wap.gamersky.com/news/Content-1220000.html',
      '逆水寒再按照这个速度研发下去 应该马上就要收到律师函了！',
    ],
    [
      'people/1.html',
      'http://culture.people.com.cn/n1/2019/0621/c1013-31171806.html',
      '女儿出嫁，郑板桥画了几笔兰花当嫁妆',
    ],
    [
      'xinhuanet/1.html',
      'http://www.xinhuanet.com/world/2019-12/10/c_1125327488.htm',
      '法国全国大罢工再次严重影响交通-新华网',
    ],
    [
      'sina/sina.html',
      'https://tech.sina.com.cn/t/2019-09-04/doc-iicezzrq3248929.shtml',
      '最强“中国芯”本月商用 华为抢跑5G芯片大战',
    ],
    [
      'cjn/1.html',
      'http://news.cjn.cn/sywh/201910/t3477219.htm',
      '外媒眼中的武汉长假：蓬勃发展，欢声笑语',
    ],
  ];
  for (const [file, url, title] of pages) {
    it(`finds title and body of gne/${file}, without scripts or page furniture`, () => {
      const decoded = decodeHtmlBytes(readFileSync(path.join(corpus, 'gne', file)), null);
      const extracted = extractArticle(decoded.text, url);
      expect(extracted.title).toBe(title);
      const text = blocksToPlainText(htmlToBlocks(extracted.contentHtml, { baseUrl: url }).blocks);
      expect(squash(text).length).toBeGreaterThan(300);
      expect(text).not.toMatch(/function\s*\(|document\.write|var\s+\w+\s*=|下一页|上一页/);
      expect(isTerminalSafe(text)).toBe(true);
    });
  }

  it('finds the next pages of guancha (a script link) and gamersky, and none for the one-page TRS article', () => {
    const next = (file: string, url: string): string | null =>
      extractArticle(decodeHtmlBytes(readFileSync(path.join(corpus, 'gne', file)), null).text, url)
        .nextPageUrl;
    expect(
      next('guancha/guancha.html', 'https://www.guancha.cn/WangWen/2019_09_07_516891.shtml'),
    ).toBe('https://www.guancha.cn/WangWen/2019_09_07_516891_2.shtml');
    expect(
      next('gamersky/gamersky.html', 'https://wap.gamersky.com/news/Content-1220000.html'),
    ).toBe('https://wap.gamersky.com/news/Content-1220000_2.html');
    expect(next('cjn/1.html', 'http://news.cjn.cn/sywh/201910/t3477219.htm')).toBeNull();
  });

  it('finds the responsible editor where the page names one', () => {
    const editor = (file: string): string | null =>
      extractArticle(
        decodeHtmlBytes(readFileSync(path.join(corpus, 'gne', file)), null).text,
        'https://example.com/a.html',
      ).editor;
    expect(editor('guancha/guancha.html')).toBe('小婷');
    expect(editor('sina/sina.html')).toBe('张申');
    expect(editor('gamersky/gamersky.html')).toBe('棒棒不是糖');
  });
});

describe('findPublished', () => {
  it('reads a printed date and time as UTC+8, and ignores a bare date', () => {
    expect(findPublished('晨报网 2024-03-18 09:30 来源：晨报网')).toBe('2024-03-18T01:30:00.000Z');
    expect(findPublished('2019年09月07日 08:05:31 来源：观察者网')).toBe(
      '2019-09-07T00:05:31.000Z',
    );
    expect(findPublished('发布时间：2024/3/1 7:05')).toBe('2024-02-29T23:05:00.000Z');
    expect(findPublished('今天是2024年3月20日 星期三')).toBeNull();
    expect(findPublished('2024-13-40 99:99')).toBeNull();
  });
});

describe('extractArticle', () => {
  it('returns only terminal-safe strings, whatever escapes the page carries', () => {
    const evil = '\u001b]52;c;AAAA\u0007&#27;[2J&#x9b;31m\u202e';
    const html = `<html><head><title>标题${evil}_站点</title><meta name="author" content="作者${evil}"></head><body>
      <article><h1>标题${evil}</h1><p>${'正文内容。'.repeat(60)}${evil}</p><p>（责任编辑：林${evil}晓）</p></article></body></html>`;
    const page = extractArticle(html, 'https://a.cn/x.html');
    for (const value of [
      page.title,
      page.byline,
      page.siteName,
      page.editor,
      page.contentHtml,
      page.text,
    ]) {
      expect(isTerminalSafe(value ?? '')).toBe(true);
    }
    const text = blocksToPlainText(htmlToBlocks(page.contentHtml).blocks);
    expect(isTerminalSafe(text)).toBe(true);
    expect(text).toContain('正文内容。');
  });

  it('throws an ExtractionError for a page without text', () => {
    expect(() => extractArticle('<html><body></body></html>', 'https://a.cn/')).toThrow(
      ExtractionError,
    );
  });
});

describe('buildArticle over a local server', () => {
  let server: FeedServer;
  beforeEach(async () => {
    server = await startFeedServer();
  });
  afterEach(async () => {
    await server.close();
  });
  const deps = () => ({ fetch: globalThis.fetch, userAgent: 'tidings-test' });

  it('merges the four pages of an article into one, each page fetched once, in order', async () => {
    serveRiverside(server);
    const article = await buildArticle(
      item({ link: server.url(`${riversidePath}.shtml`) }),
      deps(),
    );
    expect(server.requests.map((request) => request.path)).toEqual([
      `${riversidePath}.shtml`,
      `${riversidePath}_2.shtml`,
      `${riversidePath}_3.shtml`,
      `${riversidePath}_4.shtml`,
    ]);
    expect(server.requests[0]?.headers.accept).toBe(
      'text/html, application/xhtml+xml;q=0.9, */*;q=0.5',
    );
    expect(article.textSource).toBe('page');
    expect(article.sitePages).toBe(4);
    expect(article.notice).toBeNull();
    expect(article.header).toMatchObject({
      title: '老街新生：滨江区老旧小区改造一年追踪',
      author: '周文',
      editor: '林晓',
      source: '晨报网',
    });
    const text = blocksToPlainText(article.blocks);
    expect(
      article.blocks
        .filter((block) => block.type === 'heading')
        .map((block) => ('text' in block ? block.text : '')),
    ).toEqual([
      '“先问居民，再动工程”',
      '电梯装上了，账怎么算',
      '看不见的管网，看得见的变化',
      '下一步：从“改房子”到“管房子”',
    ]);
    // Page 3 was GBK, page 1 mislabelled gb2312: both read correctly.
    expect(text).toContain('今年一滴都没进，我特地在门口蹲着看了半个钟头。');
    expect(text).toContain('七十二岁的陈阿姨拎着菜篮');
    for (const noise of [
      '广告',
      '热门文章',
      '网友评论',
      '沙发',
      '版权所有',
      '下一页',
      '上一页',
      '分享到微博',
      '首页',
    ]) {
      expect(text).not.toContain(noise);
    }
    expect(article.blocks.find((block) => block.type === 'table')).toMatchObject({
      header: ['楼层', '分摊比例', '每户出资（万元）'],
    });
    expect(article.length).toBe(1590);
  });

  it('never fetches a page twice, even when pages link back', async () => {
    server.route('/a.html', {
      body: `<html><body><article><p>${'第一页正文。'.repeat(60)}</p></article><a href="/b.html">下一页</a></body></html>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    server.route('/b.html', {
      body: `<html><body><article><p>${'第二页正文。'.repeat(60)}</p></article><a href="/a.html">下一页</a></body></html>`,
      headers: { 'content-type': 'text/html; charset=utf-8' },
    });
    const article = await buildArticle(item({ link: server.url('/a.html') }), deps());
    expect([server.hits('/a.html'), server.hits('/b.html')]).toEqual([1, 1]);
    expect(article.sitePages).toBe(2);
  });

  it('rejects when cancelled, even between pages', async () => {
    serveRiverside(server);
    const controller = new AbortController();
    server.route(`${riversidePath}_2.shtml`, () => {
      controller.abort();
      return { hang: true };
    });
    await expect(
      buildArticle(item({ link: server.url(`${riversidePath}.shtml`) }), {
        ...deps(),
        signal: controller.signal,
      }),
    ).rejects.toThrow('cancelled');
    expect(server.hits(`${riversidePath}_3.shtml`)).toBe(0);
  });

  it('follows at most 20 pages', async () => {
    for (let page = 1; page <= 25; page += 1) {
      server.route(`/long_${page}.html`, {
        body: `<html><body><article><p>${`第${page}页的正文内容。`.repeat(40)}</p></article><a href="/long_${page + 1}.html">下一页</a></body></html>`,
        headers: { 'content-type': 'text/html; charset=utf-8' },
      });
    }
    const article = await buildArticle(item({ link: server.url('/long_1.html') }), deps());
    expect(article.sitePages).toBe(20);
    expect(server.hits('/long_20.html')).toBe(1);
    expect(server.hits('/long_21.html')).toBe(0);
  });

  it('keeps the pages it got and says which page failed', async () => {
    serveRiverside(server);
    server.route(`${riversidePath}_3.shtml`, {
      status: 404,
      body: 'gone',
      headers: { 'content-type': 'text/html' },
    });
    const article = await buildArticle(
      item({ link: server.url(`${riversidePath}.shtml`) }),
      deps(),
    );
    expect(article.sitePages).toBe(2);
    expect(article.notice).toBe('第 3 页未能加载（HTTP 404 Not Found），仅显示前 2 页。');
    expect(server.hits(`${riversidePath}_4.shtml`)).toBe(0);
  });

  it('falls back to the feed content and says why when the page fails or has no text', async () => {
    server.route('/missing.html', {
      status: 404,
      body: 'gone',
      headers: { 'content-type': 'text/html' },
    });
    const missing = await buildArticle(item({ link: server.url('/missing.html') }), deps());
    expect(missing.textSource).toBe('feed');
    expect(missing.notice).toBe('未能获取全文（HTTP 404 Not Found），以下为订阅源提供的内容。');
    expect(missing.blocks).toEqual([
      { type: 'paragraph', text: '清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气……' },
    ]);
    server.route('/empty.html', {
      body: '<html><body><nav>菜单</nav></body></html>',
      headers: { 'content-type': 'text/html' },
    });
    const empty = await buildArticle(
      item({
        title: 'A story',
        summary: 'Short summary…',
        contentHtml: null,
        link: server.url('/empty.html'),
      }),
      deps(),
    );
    expect(empty.notice).toBe(
      "Full text unavailable (no article text found on the page); showing the feed's content.",
    );
    expect(empty.blocks).toEqual([{ type: 'paragraph', text: 'Short summary…' }]);
    server.route('/image.png', { body: 'PNG', headers: { 'content-type': 'image/png' } });
    const image = await buildArticle(item({ link: server.url('/image.png') }), deps());
    expect(image.notice).toBe(
      '未能获取全文（not a web page (image/png)），以下为订阅源提供的内容。',
    );
  });

  it('does not fetch when the feed has the whole text, or when told not to; always fetches when told to', async () => {
    serveRiverside(server);
    const link = server.url(`${riversidePath}.shtml`);
    const whole = `<p>${'完整的正文内容在订阅源中。'.repeat(40)}</p>`;
    const fromFeed = await buildArticle(item({ link, contentHtml: whole }), deps());
    expect(fromFeed.textSource).toBe('feed');
    expect(fromFeed.notice).toBeNull();
    const never = await buildArticle(item({ link }), { ...deps(), fullText: 'never' });
    expect(never.textSource).toBe('feed');
    expect(server.requests).toHaveLength(0);
    const always = await buildArticle(item({ link, contentHtml: whole }), {
      ...deps(),
      fullText: 'always',
      maxPages: 1,
    });
    expect(always.textSource).toBe('page');
    expect(always.sitePages).toBe(1);
  });

  it.skipIf(!hasCorpus)(
    'reads the real guancha page 1 and reports that its page 2 is missing',
    async () => {
      server.route('/WangWen/2019_09_07_516891.shtml', {
        body: readFileSync(path.join(corpus, 'gne/guancha/guancha.html')),
        headers: { 'content-type': 'text/html' },
      });
      const article = await buildArticle(
        itemForUrl(server.url('/WangWen/2019_09_07_516891.shtml'), '2024-01-01T00:00:00.000Z'),
        deps(),
      );
      expect(server.hits('/WangWen/2019_09_07_516891_2.shtml')).toBe(1);
      expect(article.header.title).toBe('王文：中美贸易“持久战”，中国人的斗志被激发');
      expect(article.header.editor).toBe('小婷');
      expect(article.sitePages).toBe(1);
      expect(article.notice).toBe('第 2 页未能加载（HTTP 404 Not Found），仅显示前 1 页。');
      expect(blocksToPlainText(article.blocks)).toContain(
        '在东莞洪梅镇，海新科技董事长杨敬辉当面告诉笔者',
      );
    },
  );
});

describe('article header', () => {
  it('formats the published time in the given zone as YYYY-MM-DD HH:mm', () => {
    expect(formatPublished('2024-03-18T01:30:00.000Z', 'Asia/Shanghai')).toBe('2024-03-18 09:30');
    expect(formatPublished('2024-03-18T01:30:00.000Z', 'America/New_York')).toBe(
      '2024-03-17 21:30',
    );
    expect(formatPublished(null)).toBeNull();
    expect(formatPublished('not a date')).toBeNull();
  });

  it('lays out title, meta fields, link and notice within the width', () => {
    const article = {
      header: {
        itemId: 'x',
        title: '老街新生：滨江区老旧小区改造一年追踪',
        published: '2024-03-18T01:30:00.000Z',
        author: '周文',
        source: '晨报网',
        editor: '林晓',
        link: 'https://news.example.cn/city/2024/0318/laojie_1024.shtml',
        feedUrl: '',
      },
      blocks: [{ type: 'paragraph' as const, text: '正文。'.repeat(500) }],
      links: [],
      textSource: 'page' as const,
      notice: '第 3 页未能加载（HTTP 404 Not Found），仅显示前 2 页。',
      sitePages: 2,
      length: 1500,
    };
    expect(articleMeta(article, 'Asia/Shanghai')).toMatchObject({
      published: '2024-03-18 09:30',
      length: 1500,
      readingMinutes: 3,
    });
    const lines = layoutHeader(article, { width: 40, timeZone: 'Asia/Shanghai' });
    expect(lines.map((line) => line.text)).toEqual([
      '老街新生：滨江区老旧小区改造一年追踪',
      '2024-03-18 09:30 · 周文 · 晨报网',
      '责任编辑：林晓 · 1,500 字 · 约 3 分钟',
      '共 2 页合并',
      '原文：https://news.example.cn/',
      'city/2024/0318/laojie_1024.shtml',
      '第 3 页未能加载（HTTP 404 Not Found），',
      '仅显示前 2 页。',
    ]);
    for (const line of lines) expect(line.width).toBeLessThanOrEqual(40);
  });
});
