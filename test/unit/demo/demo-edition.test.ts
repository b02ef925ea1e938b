// The demo edition's data: enough original content, in the right shapes, safe for a terminal.
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { DEMO_ARTICLES } from '../../../src/core/demo/demo-articles.js';
import {
  DEMO_CHANNELS,
  DEMO_FEEDS,
  DEMO_REGIONS,
  demoCatalog,
  demoFeed,
  demoSite,
} from '../../../src/core/demo/demo-edition.js';
import { blocksText } from '../../../src/core/demo/demo-html.js';
import { editionTime, rfc3339, rfc822 } from '../../../src/core/demo/demo-time.js';
import { isTerminalSafe } from '../../../src/core/feeds/sanitize.js';

function allText(article: (typeof DEMO_ARTICLES)[number]): string {
  return [
    article.title,
    article.author,
    article.source,
    article.editor ?? '',
    article.summary,
    ...article.categories,
    blocksText([...article.body, ...(article.morePages ?? []).flat()]),
  ].join('\n');
}

function paragraphs(article: (typeof DEMO_ARTICLES)[number]): number {
  return [...article.body, ...(article.morePages ?? []).flat()].filter((b) => typeof b === 'string')
    .length;
}

describe('demo edition content', () => {
  it('has 60+ articles with unique ids, in Chinese and English', () => {
    expect(DEMO_ARTICLES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(DEMO_ARTICLES.map((a) => a.id)).size).toBe(DEMO_ARTICLES.length);
    const zh = DEMO_ARTICLES.filter((a) => demoSite(demoFeed(a.feed).site).lang === 'zh');
    const en = DEMO_ARTICLES.filter((a) => demoSite(demoFeed(a.feed).site).lang === 'en');
    expect(zh.length).toBeGreaterThanOrEqual(40);
    expect(en.length).toBeGreaterThanOrEqual(15);
    expect(zh.length + en.length).toBe(DEMO_ARTICLES.length);
  });

  it('gives every article 3 to 10 paragraphs (the multi-page feature more), a summary and an author', () => {
    for (const article of DEMO_ARTICLES) {
      const count = paragraphs(article);
      if (article.morePages === undefined) {
        expect(count, article.id).toBeGreaterThanOrEqual(3);
        expect(count, article.id).toBeLessThanOrEqual(10);
      } else {
        expect(count, article.id).toBeGreaterThanOrEqual(20);
      }
      expect(article.summary.length, article.id).toBeGreaterThan(20);
      expect(article.author, article.id).not.toBe('');
      expect(article.categories.length, article.id).toBeGreaterThan(0);
    }
  });

  it('gives every Chinese article a 责任编辑', () => {
    const zh = DEMO_ARTICLES.filter((a) => demoSite(demoFeed(a.feed).site).lang === 'zh');
    expect(zh.filter((a) => a.editor === undefined).map((a) => a.id)).toEqual([]);
  });

  it('has exactly one article split over 4 pages', () => {
    const multi = DEMO_ARTICLES.filter((a) => a.morePages !== undefined);
    expect(multi.map((a) => [a.id, 1 + (a.morePages?.length ?? 0)])).toEqual([['hx-sd-3001', 4]]);
  });

  it('uses lists, quotes, tables, images and code somewhere', () => {
    const kinds = new Set<string>();
    for (const a of DEMO_ARTICLES) {
      for (const block of [...a.body, ...(a.morePages ?? []).flat()]) {
        kinds.add(typeof block === 'string' ? 'p' : (Object.keys(block)[0] ?? ''));
      }
    }
    expect([...kinds].sort()).toEqual(['code', 'h', 'img', 'ol', 'p', 'quote', 'table', 'ul']);
  });

  it('contains no control characters, bidi overrides or replacement characters', () => {
    for (const article of DEMO_ARTICLES) {
      const text = allText(article);
      expect(isTerminalSafe(text), article.id).toBe(true);
      expect(text.includes('\ufffd'), article.id).toBe(false);
    }
  });

  it('keeps the GBK portal to characters GBK can encode', () => {
    const gbkArticles = DEMO_ARTICLES.filter(
      (a) => demoSite(demoFeed(a.feed).site).charset === 'gbk',
    );
    expect(gbkArticles.length).toBe(5);
    for (const article of gbkArticles) {
      const text = allText(article);
      expect(iconv.decode(iconv.encode(text, 'gbk'), 'gbk'), article.id).toBe(text);
    }
  });

  it('gives every feed at least 3 articles and every article a known feed', () => {
    for (const feed of DEMO_FEEDS) {
      expect(
        DEMO_ARTICLES.filter((a) => a.feed === feed.id).length,
        feed.id,
      ).toBeGreaterThanOrEqual(3);
    }
    for (const article of DEMO_ARTICLES) expect(() => demoFeed(article.feed)).not.toThrow();
  });

  it('lays out at least 6 channels and the 9 Fujian regions with Chinese and English names', () => {
    const catalog = demoCatalog('http://127.0.0.1:47800');
    expect(catalog.channels.length).toBeGreaterThanOrEqual(6);
    expect(catalog.channels.map((c) => c.name)).toEqual([
      '要闻',
      '国内',
      '国际',
      '财经',
      '科技',
      '体育',
      '娱乐',
      '福建',
      '开发者',
    ]);
    expect(catalog.regions.map((r) => [r.name, r.nameEn])).toEqual([
      ['福州', 'Fuzhou'],
      ['厦门', 'Xiamen'],
      ['莆田', 'Putian'],
      ['泉州', 'Quanzhou'],
      ['漳州', 'Zhangzhou'],
      ['龙岩', 'Longyan'],
      ['宁德', 'Ningde'],
      ['南平', 'Nanping'],
      ['三明', 'Sanming'],
    ]);
    for (const region of DEMO_REGIONS) {
      expect(region.keywords).toContain(region.name);
      expect(region.keywords).toContain(region.nameEn);
    }
    expect(catalog.regions.find((r) => r.id === 'xiamen')?.keywords).toEqual([
      '厦门',
      'Xiamen',
      '鹭岛',
      'Amoy',
    ]);
    expect(catalog.channels[0]?.feeds).toEqual([
      { url: 'http://127.0.0.1:47800/chenzhong/rss/yaowen.xml', title: '晨钟日报 · 要闻' },
      { url: 'http://127.0.0.1:47800/meridian/world.atom', title: 'The Meridian — World' },
    ]);
  });

  it('puts every feed in at least one channel', () => {
    const inChannels = new Set(DEMO_CHANNELS.flatMap((c) => c.feeds));
    expect(DEMO_FEEDS.filter((f) => !inChannels.has(f.id)).map((f) => f.id)).toEqual([]);
  });
});

describe('demo edition clock and dates', () => {
  it('rounds the clock down to 10 minutes', () => {
    expect(editionTime(new Date('2026-11-27T08:19:59.999Z')).toISOString()).toBe(
      '2026-11-27T08:10:00.000Z',
    );
    expect(editionTime(new Date('2026-11-27T08:20:00.000Z')).toISOString()).toBe(
      '2026-11-27T08:20:00.000Z',
    );
  });

  it('formats RFC 822 and RFC 3339 dates at a fixed offset', () => {
    const date = new Date('2026-11-27T20:05:09Z');
    expect(rfc822(date, 480)).toBe('Sat, 28 Nov 2026 04:05:09 +0800');
    expect(rfc822(date, 0)).toBe('Fri, 27 Nov 2026 20:05:09 GMT');
    expect(rfc3339(date, 480)).toBe('2026-11-28T04:05:09+08:00');
    expect(rfc3339(date, 0)).toBe('2026-11-27T20:05:09Z');
  });
});
