import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogFeeds } from '../../../src/core/catalog/catalog.js';
import { DEFAULT_SOURCES, defaultCatalog } from '../../../src/core/catalog/default-edition.js';

const repoRoot = resolve(import.meta.dirname, '../../..');
const catalog = defaultCatalog();

describe('the default edition', () => {
  it('has the portal channels with Chinese and English names', () => {
    expect(catalog.channels.map((c) => [c.id, c.name, c.nameEn])).toEqual([
      ['top', '要闻', 'Top stories'],
      ['china', '国内', 'China'],
      ['world', '国际', 'World'],
      ['business', '财经', 'Business'],
      ['tech', '科技', 'Technology'],
      ['sports', '体育', 'Sports'],
      ['entertainment', '娱乐', 'Entertainment'],
      ['dev', '开发者', 'Developers'],
    ]);
  });

  it('gives every channel Chinese and English feeds', () => {
    for (const channel of catalog.channels) {
      const langs = new Set(
        DEFAULT_SOURCES.filter((s) => s.channels.includes(channel.id)).map((s) =>
          s.lang.slice(0, 2),
        ),
      );
      expect([channel.id, [...langs].sort()]).toEqual([channel.id, ['en', 'zh']]);
    }
  });

  it('has Hacker News and Lobsters among the developer feeds', () => {
    const dev = catalog.channels.find((c) => c.id === 'dev');
    expect(dev?.feeds.map((f) => f.url)).toEqual(
      expect.arrayContaining(['https://hnrss.org/frontpage', 'https://lobste.rs/rss']),
    );
  });

  it('has Fujian and its nine cities as keyword regions', () => {
    expect(catalog.regions.map((r) => r.name)).toEqual([
      '福建',
      '福州',
      '厦门',
      '莆田',
      '泉州',
      '漳州',
      '龙岩',
      '宁德',
      '南平',
      '三明',
    ]);
    for (const region of catalog.regions) {
      expect(region.keywords).toContain(region.name);
      expect(region.keywords).toContain(region.nameEn);
    }
    expect(catalog.regions.find((r) => r.id === 'xiamen')?.keywords).toEqual(
      expect.arrayContaining(['厦门', 'Xiamen', '鹭岛']),
    );
    expect(catalog.regions.find((r) => r.id === 'fuzhou')?.keywords).toContain('榕城');
  });

  it('uses only valid https URLs, each once per channel, with titles', () => {
    for (const channel of catalog.channels) {
      const urls = channel.feeds.map((f) => f.url);
      expect(new Set(urls).size).toBe(urls.length);
      for (const feed of channel.feeds) {
        expect(new URL(feed.url).protocol).toBe('https:');
        expect(feed.title?.length ?? 0).toBeGreaterThan(0);
      }
    }
    expect(catalogFeeds(catalog)).toHaveLength(DEFAULT_SOURCES.length);
  });

  it('ships none of the feeds known to be frozen or gone', () => {
    const dead = [
      'rss.cnn.com',
      'people.com.cn',
      'xinhuanet.com',
      'feeds.a.dj.com',
      'rss.sina.com.cn',
      'feeds.reuters.com',
      'rsshub',
      'chinanews.com.cn/rss/it.xml',
      'news.google.com',
      'bing.com',
      'baidu.com',
    ];
    for (const feed of catalogFeeds(catalog)) {
      for (const host of dead) expect(feed.url).not.toContain(host);
    }
  });

  it('is listed in full in docs/sources.md', () => {
    const doc = readFileSync(resolve(repoRoot, 'docs/sources.md'), 'utf8');
    for (const source of DEFAULT_SOURCES) expect(doc).toContain(source.url);
    for (const region of catalog.regions) expect(doc).toContain(`${region.name} ${region.nameEn}`);
  });

  it('returns a fresh copy each time', () => {
    const a = defaultCatalog();
    (a.regions[0]?.keywords as string[]).push('changed');
    expect(defaultCatalog().regions[0]?.keywords).not.toContain('changed');
  });
});
