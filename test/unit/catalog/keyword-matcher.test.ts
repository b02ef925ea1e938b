import { describe, expect, it } from 'vitest';
import {
  keywordMatcher,
  membershipResolver,
  type Catalog,
} from '../../../src/core/catalog/catalog.js';
import { defaultCatalog } from '../../../src/core/catalog/default-edition.js';
import type { Item } from '../../../src/core/feeds/item.js';

function item(fields: Partial<Item> & { feedUrl?: string }): Item {
  return {
    id: 'x',
    feedUrl: 'https://example.com/feed.xml',
    source: 'Example',
    title: '',
    link: null,
    published: null,
    author: null,
    categories: [],
    summary: '',
    contentHtml: null,
    enclosures: [],
    firstSeen: '2026-11-27T00:00:00.000Z',
    ...fields,
  };
}

describe('keywordMatcher', () => {
  it('matches Chinese keywords inside text without spaces', () => {
    const matches = keywordMatcher(['厦门']);
    expect(matches('中新网厦门11月26日电 今年以来')).toBe(true);
    expect(matches('厦门')).toBe(true);
    expect(matches('福州地铁新线开通')).toBe(false);
  });

  it('matches any alias of a region', () => {
    const matches = keywordMatcher(['厦门', 'Xiamen', '鹭岛']);
    expect(matches('鹭岛迎来旅游高峰')).toBe(true);
    expect(matches('Ferry traffic grows in Xiamen')).toBe(true);
    expect(matches('福州马拉松')).toBe(false);
  });

  it('matches Latin keywords as whole words, ignoring case', () => {
    const matches = keywordMatcher(['Xiamen', 'Amoy']);
    expect(matches('XIAMEN port volumes')).toBe(true);
    expect(matches('the old name was amoy.')).toBe(true);
    expect(matches('(Xiamen)')).toBe(true);
    expect(matches('Xiamen-based airline')).toBe(true);
    expect(matches('Amoyed by the news')).toBe(false);
    expect(matches('xiamenese cuisine')).toBe(false);
    expect(matches('NewXiamen')).toBe(false);
  });

  it('matches a Latin keyword next to Chinese text and digits only at word edges', () => {
    const matches = keywordMatcher(['Fuzhou']);
    expect(matches('来自Fuzhou的报道')).toBe(true);
    expect(matches('Fuzhou2026')).toBe(false);
  });

  it('matches multi-word Latin keywords', () => {
    const matches = keywordMatcher(['Mount Wuyi']);
    expect(matches('Tea from mount wuyi is prized')).toBe(true);
    expect(matches('Mount Wuyishan')).toBe(false);
  });

  it('treats regular-expression characters in keywords literally', () => {
    const matches = keywordMatcher(['C++', 'a.b']);
    expect(matches('axb')).toBe(false);
    expect(matches('a.b')).toBe(true);
  });

  it('lets a "-" mask hide a longer phrase that contains the keyword', () => {
    const matches = keywordMatcher(['三明', '-三明治']);
    expect(matches('早餐吃了三明治')).toBe(false);
    expect(matches('三明市沙县区')).toBe(true);
    expect(matches('三明治店开在三明')).toBe(true);
  });

  it('masks Latin phrases as whole words only', () => {
    const matches = keywordMatcher(['Ningde', '-Ningde Times']);
    expect(matches('Ningde Times shares rise')).toBe(false);
    expect(matches('Flooding in Ningde')).toBe(true);
  });

  it('ignores empty keywords and a lone "-"', () => {
    const matches = keywordMatcher(['', '  ', '-']);
    expect(matches('anything at all')).toBe(false);
    expect(matches('')).toBe(false);
  });
});

describe('membershipResolver', () => {
  const catalog: Catalog = {
    channels: [
      { id: 'top', name: '要闻', feeds: [{ url: 'https://a.example/rss' }] },
      {
        id: 'china',
        name: '国内',
        feeds: [{ url: 'https://a.example/rss' }, { url: 'https://b.example/rss' }],
      },
    ],
    regions: [
      { id: 'xiamen', name: '厦门', keywords: ['厦门', 'Xiamen', '鹭岛'], feeds: [] },
      { id: 'fuzhou', name: '福州', keywords: ['福州', 'Fuzhou', '榕城'], feeds: [] },
      {
        id: 'local',
        name: '本地',
        keywords: [],
        feeds: [{ url: 'https://local.example/rss' }],
      },
    ],
  };
  const membershipOf = membershipResolver(catalog);

  it('puts an item in every channel that lists its feed', () => {
    expect(membershipOf(item({ feedUrl: 'https://a.example/rss' })).channels).toEqual([
      'top',
      'china',
    ]);
    expect(membershipOf(item({ feedUrl: 'https://b.example/rss' })).channels).toEqual(['china']);
    expect(membershipOf(item({ feedUrl: 'https://c.example/rss' })).channels).toEqual([]);
  });

  it('puts an item mentioning two regions in both', () => {
    const membership = membershipOf(
      item({ title: '福厦高铁：从榕城到鹭岛只要55分钟', feedUrl: 'https://a.example/rss' }),
    );
    expect(membership.regions).toEqual(['xiamen', 'fuzhou']);
  });

  it('looks at the title, the summary and the categories', () => {
    expect(membershipOf(item({ title: '新闻', summary: '中新网厦门11月26日电' })).regions).toEqual([
      'xiamen',
    ]);
    expect(membershipOf(item({ title: 'News', categories: ['Fuzhou'] })).regions).toEqual([
      'fuzhou',
    ]);
    expect(membershipOf(item({ title: 'Nothing local' })).regions).toEqual([]);
  });

  it('places items from a region feed in that region without any keyword', () => {
    expect(
      membershipOf(item({ title: '天气', feedUrl: 'https://local.example/rss' })).regions,
    ).toEqual(['local']);
  });
});

describe('the default edition regions', () => {
  const membershipOf = membershipResolver(defaultCatalog());
  const regionsOf = (title: string, summary = ''): readonly string[] =>
    membershipOf(item({ title, summary })).regions;

  it('finds the city in a chinanews dateline', () => {
    expect(regionsOf('两岸企业家峰会开幕', '中新网厦门11月26日电（记者 张三）')).toEqual([
      'xiamen',
    ]);
    expect(regionsOf('海上风电项目并网', '中新社福州11月26日电')).toEqual(['fuzhou']);
  });

  it('places each of the nine cities by its Chinese and English name', () => {
    const cities: [string, string, string][] = [
      ['fuzhou', '福州', 'Fuzhou'],
      ['xiamen', '厦门', 'Xiamen'],
      ['putian', '莆田', 'Putian'],
      ['quanzhou', '泉州', 'Quanzhou'],
      ['zhangzhou', '漳州', 'Zhangzhou'],
      ['longyan', '龙岩', 'Longyan'],
      ['ningde', '宁德', 'Ningde'],
      ['nanping', '南平', 'Nanping'],
      ['sanming', '三明', 'Sanming'],
    ];
    for (const [id, zh, en] of cities) {
      expect(regionsOf(`${zh}新闻`)).toEqual([id]);
      expect(regionsOf(`News from ${en} today`)).toEqual([id]);
    }
  });

  it('counts a province-level mention in both Fujian and the city', () => {
    expect(regionsOf('福建宁德：大黄鱼丰收')).toEqual(['fujian', 'ningde']);
  });

  it('avoids the known substring traps', () => {
    expect(regionsOf('便利店推出新款三明治')).toEqual([]);
    expect(regionsOf('河南平顶山发布天气预警')).toEqual([]);
    expect(regionsOf('湖南平江县旅游')).toEqual([]);
    expect(regionsOf('商场优惠安排出炉')).toEqual([]);
    expect(regionsOf('门口的石狮子被修复')).toEqual([]);
    expect(regionsOf('共同安全倡议')).toEqual([]);
  });
});
