// Cases the layout fuzz suite found, kept as plain examples.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles/article.js';
import type { Block } from '../../src/core/articles/blocks.js';
import { layoutArticle } from '../../src/core/articles/layout-article.js';

function article(blocks: readonly Block[]): Article {
  return {
    header: {
      itemId: '0123456789ab',
      title: 't',
      published: null,
      author: null,
      source: 's',
      editor: null,
      link: null,
      feedUrl: 'http://fuzz.test/feed.xml',
    },
    blocks,
    links: [],
    textSource: 'feed',
    notice: null,
    sitePages: 1,
    length: 0,
  };
}

describe('layout regressions found by fuzzing', () => {
  it('keeps the text of a header-only table when the column is too narrow for columns', () => {
    // html-to-blocks makes this block from <table><tr><th>地区</th><th>…</th></tr></table>.
    const table: Block = {
      type: 'table',
      header: ['地区', '增长率说明文字很长很长很长很长'],
      rows: [],
    };
    const wide = layoutArticle(article([table]), { width: 40 }).lines.map((l) => l.text);
    expect(wide[0]).toBe('地区 │ 增长率说明文字很长很长很长很长');
    const narrow = layoutArticle(article([table]), { width: 8 }).lines.map((l) => l.text);
    expect(narrow.join('')).toContain('地区');
    expect(narrow.join('').replace(/\s/g, '')).toContain('增长率说明文字很长很长很长很长');
  });
});
