import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/insights/tokenize.js';
import { linkKey, storyKeys, titleKey } from '../../../src/core/insights/story.js';

describe('tokenize', () => {
  it('segments Chinese into words and drops single characters and stop words', () => {
    expect(tokenize('厦门地铁4号线年底试运营，我们表示欢迎')).toEqual([
      '厦门',
      '地铁',
      '号线',
      '年底',
      '运营',
      '欢迎',
    ]);
  });

  it('joins runs of single characters the dictionary lacks (names) and not grammar', () => {
    expect(tokenize('美国总统特朗普访问北京')).toEqual(['美国', '总统', '特朗普', '访问', '北京']);
    expect(tokenize('乌克兰总统泽连斯基')).toEqual(['乌克兰', '总统', '泽连斯基']);
    expect(tokenize('3号线南延段开通')).toEqual(['开通']);
  });

  it('lower-cases Latin words, folds full width and drops stop words, numbers and possessives', () => {
    expect(tokenize("Apple releases the new iPhone in China's markets, 2026")).toEqual([
      'apple',
      'releases',
      'iphone',
      'china',
      'markets',
    ]);
    expect(tokenize('ＡＩ大模型ChatGPT发布')).toEqual(['ai', '模型', 'chatgpt']);
  });
});

describe('story keys', () => {
  it('ignores protocol, www, trailing slash and tracking parameters in links', () => {
    expect(linkKey('https://www.d.example.com/apple-iphone-ai/?utm_source=rss&id=3#top')).toBe(
      linkKey('http://d.example.com/apple-iphone-ai?id=3'),
    );
    expect(linkKey('https://d.example.com/a?id=3')).not.toBe(
      linkKey('https://d.example.com/a?id=4'),
    );
    expect(linkKey('not a url')).toBeNull();
  });

  it('strips a site suffix, width and punctuation from headlines; short ones identify nothing', () => {
    expect(titleKey('厦门地铁3号线南延段开通运营 - 人民网', '人民网')).toBe(
      titleKey('厦门地铁3号线南延段开通运营', '新华网'),
    );
    expect(titleKey('快讯', 'x')).toBeNull();
    expect(storyKeys({ title: 'Ｈｅｌｌｏ, World!', link: null, source: 'x' })).toEqual([
      'title:helloworld',
    ]);
  });
});
