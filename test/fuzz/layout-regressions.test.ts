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

  it('keeps a stacked heading whose column is empty in every row, on a line of its own', () => {
    // The fuzz suite's `"、" appears 1× in the article, 0× laid out`: a heading printed only as
    // the prefix of its non-empty cells vanished over an empty column.
    const table: Block = { type: 'table', header: ['甲', '、'], rows: [['a', '']] };
    const lines = layoutArticle(article([table]), { width: 8 }).lines;
    expect(lines.map((l) => l.text)).toEqual(['、', '', '甲: a']);
    expect(lines.map((l) => [l.offset, l.end])).toEqual([
      [2, 3],
      [4, 4],
      [4, 5],
    ]);
  });

  it('leaves no stray blank line for an empty row of a stacked table', () => {
    const table: Block = {
      type: 'table',
      header: ['甲', '乙'],
      rows: [
        ['a', 'b'],
        ['', ''],
      ],
    };
    const lines = layoutArticle(article([table]), { width: 8 }).lines.map((l) => l.text);
    expect(lines).toEqual(['甲: a', '乙: b']);
  });

  it("counts a cell's own trailing U+3000 or NBSP in the width of a table line", () => {
    // `String#trimEnd` dropped them with the padding but took off one column each.
    const table: Block = { type: 'table', header: ['\u3000\u00a0'], rows: [['x（\u3000']] };
    const lines = layoutArticle(article([table]), { width: 8 }).lines;
    expect(lines.map((l) => [l.text, l.width])).toEqual([
      ['\u3000\u00a0', 3],
      ['─────', 5],
      ['x（', 3],
    ]);
  });
});
