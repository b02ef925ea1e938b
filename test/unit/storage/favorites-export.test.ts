import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  escapeMarkdown,
  favoritesToMarkdown,
} from '../../../src/core/storage/favorites-export.js';
import { makeArticle } from './fixtures/make-article.js';

describe('escapeMarkdown', () => {
  it('shows feed text as written: no emphasis, code, HTML or links', () => {
    expect(escapeMarkdown('a *b* _c_ `d` ~e~ \\f')).toBe('a \\*b\\* \\_c\\_ \\`d\\` \\~e\\~ \\\\f');
    expect(escapeMarkdown('<script>x</script> &amp; AT&T')).toBe(
      '&lt;script>x&lt;/script> &amp;amp; AT&T',
    );
    expect(escapeMarkdown('[click](javascript:x) ![img](y)')).toBe(
      '\\[click\\](javascript:x) !\\[img\\](y)',
    );
  });

  it('keeps the article’s own [n] link references readable', () => {
    expect(escapeMarkdown('见[1]和[12]。')).toBe('见[1]和[12]。');
    expect(escapeMarkdown('[1](http://x) [2]: y')).toBe('\\[1](http://x) \\[2]: y');
  });

  it('escapes what would start a heading, quote, list or rule, and nothing mid-line', () => {
    expect(escapeMarkdown('# not a heading')).toBe('\\# not a heading');
    expect(escapeMarkdown('> not a quote')).toBe('\\> not a quote');
    expect(escapeMarkdown('- not a list')).toBe('\\- not a list');
    expect(escapeMarkdown('2026. not a list')).toBe('2026\\. not a list');
    expect(escapeMarkdown('a - b # c > d')).toBe('a - b # c > d');
  });
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('favoritesToMarkdown', () => {
  it('renders tables, quotes, code and images readably', () => {
    const article = {
      ...makeArticle('t1', '表格'),
      blocks: [
        { type: 'table' as const, header: ['区域', '变化'], rows: [['华东', '+6.8%'], ['a|b']] },
        {
          type: 'quote' as const,
          blocks: [{ type: 'paragraph' as const, text: '引用一\n引用二' }],
        },
        { type: 'code' as const, text: 'const a = `x`;\n```' },
        { type: 'image' as const, index: 2, alt: '现场', src: 'https://img.example/2.jpg' },
        { type: 'caption' as const, text: '图为现场' },
        { type: 'rule' as const },
      ],
      links: [],
    };
    const md = favoritesToMarkdown([{ article, savedAt: '2026-11-27T08:00:00.000Z', tags: [] }], {
      now: new Date('2026-11-27T09:00:00.000Z'),
    });
    const body = md.slice(md.indexOf('*Saved'));
    expect(body).toBe(
      [
        '*Saved 2026-11-27T08:00:00.000Z*',
        '',
        '| 区域 | 变化 |',
        '| --- | --- |',
        '| 华东 | +6.8% |',
        '| a\\|b |  |',
        '',
        '> 引用一  ',
        '> 引用二',
        '',
        '````',
        'const a = `x`;',
        '```',
        '````',
        '',
        '![现场](<https://img.example/2.jpg>)',
        '',
        '*图为现场*',
        '',
        '* * *',
        '',
        '原文 · Source: <https://news.example.cn/t1.html>',
        '',
      ].join('\n'),
    );
  });
});
