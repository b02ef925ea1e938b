import { describe, expect, it } from 'vitest';
import type { Block } from '../../../src/core/articles/blocks.js';
import { layoutArticle } from '../../../src/core/articles/layout-article.js';
import { LineStore } from '../../../src/core/articles/line-store.js';
import { paginate } from '../../../src/core/articles/paginate.js';
import { PreparedUnits } from '../../../src/core/articles/prepared-units.js';
import { prepareText, wrapPrepared } from '../../../src/core/articles/wrap-text.js';
import { englishArticle, mixedArticle, riversideArticle } from './article-fixtures.js';

describe('LineStore', () => {
  it('makes each line from its lead, padding and span, a prefix read as part of the text', () => {
    const store = new LineStore();
    const ref = store.addText('老街新生，焕发活力', '\u3000\u3000');
    store.push(ref, 0, 6, '', 0, 12, 'text', 0, 4);
    store.push(ref, 1, 2, '│ ', 3, 7, 'quote', 0, 0);
    store.push(ref, 6, 11, '│ ', 0, 12, 'quote', 4, 9);
    store.push(-1, 0, 0, '│', 0, 1, 'blank', 9, 9);
    store.push(store.addText('标题'), 0, 2, '', 0, 4, 'heading', 10, 12, 2);
    expect(store.length).toBe(5);
    expect(store.slice()).toEqual([
      { text: '\u3000\u3000老街新生', width: 12, kind: 'text', offset: 0, end: 4 },
      { text: '│    \u3000', width: 7, kind: 'quote', offset: 0, end: 0 },
      { text: '│ ，焕发活力', width: 12, kind: 'quote', offset: 4, end: 9 },
      { text: '│', width: 1, kind: 'blank', offset: 9, end: 9 },
      { text: '标题', width: 4, kind: 'heading', level: 2, offset: 10, end: 12 },
    ]);
    expect(store.kindAt(3)).toBe('blank');
    expect(store.isBlank(3)).toBe(true);
    expect(store.mustNotEndPage(4)).toBe(true);
    expect(store.mustNotEndPage(2)).toBe(false);
    expect(store.offsetAt(2)).toBe(4);
    expect(store.endAt(2)).toBe(9);
    expect(store.line(5)).toBeUndefined();
    expect(store.line(-1)).toBeUndefined();
    expect(store.slice(1, 2)).toEqual([
      { text: '│    \u3000', width: 7, kind: 'quote', offset: 0, end: 0 },
    ]);
  });

  it('marks lines to keep with the next, takes lines as objects, and remakes `all` after a push', () => {
    const store = new LineStore();
    store.push(store.addText('[图 1]'), 0, 5, '', 0, 6, 'image', 0, 5);
    store.keepWithNextFrom(0);
    const before = store.all();
    expect(before).toEqual([
      { text: '[图 1]', width: 6, kind: 'image', offset: 0, end: 5, keepWithNext: true },
    ]);
    expect(store.all()).toBe(before);
    store.pushLine({ text: '', width: 0, kind: 'blank', offset: 6, end: 6 });
    store.pushLine({ text: '相关阅读', width: 8, kind: 'heading', level: 3, offset: 6, end: 6 });
    store.pushLine({ text: 'x', width: 1, kind: 'table', offset: 6, end: 6, keepWithNext: true });
    expect(store.all()).not.toBe(before);
    expect(store.all().slice(1)).toEqual([
      { text: '', width: 0, kind: 'blank', offset: 6, end: 6 },
      { text: '相关阅读', width: 8, kind: 'heading', level: 3, offset: 6, end: 6 },
      { text: 'x', width: 1, kind: 'table', offset: 6, end: 6, keepWithNext: true },
    ]);
    expect(store.mustNotEndPage(0)).toBe(true);
    expect(store.mustNotEndPage(3)).toBe(true);
  });

  it('grows past its first capacity without losing lines', () => {
    const store = new LineStore();
    const ref = store.addText('abcdefghij');
    for (let i = 0; i < 1000; i += 1)
      store.push(ref, i % 10, 10, '', 0, 10 - (i % 10), 'text', i, i + 1);
    expect(store.length).toBe(1000);
    expect(store.line(999)).toEqual({ text: 'j', width: 1, kind: 'text', offset: 999, end: 1000 });
    expect(store.line(500)).toEqual({
      text: 'abcdefghij',
      width: 10,
      kind: 'text',
      offset: 500,
      end: 501,
    });
  });
});

describe('PreparedUnits', () => {
  it('gives what prepareText gives, from the cache while a unit keeps its text and indent', () => {
    const units = new PreparedUnits();
    const text = '老街新生，焕发活力。“城市更新”不是大拆大建——而是绣花功夫……';
    const fresh = (indent: string) =>
      wrapPrepared(prepareText(indent + text, false, indent.length), 10);
    expect(wrapPrepared(units.prepare(0, text, '\u3000\u3000', false), 10)).toEqual(
      fresh('\u3000\u3000'),
    );
    const cached = units.prepare(0, text, '\u3000\u3000', false);
    expect(cached.text).toBe(`\u3000\u3000${text}`);
    expect(wrapPrepared(cached, 10)).toEqual(fresh('\u3000\u3000'));
    // Another indent or another text at the same unit: prepared again.
    expect(wrapPrepared(units.prepare(0, text, '', false), 10)).toEqual(fresh(''));
    expect(wrapPrepared(units.prepare(0, 'a\nb c', '', false), 2)).toEqual(
      wrapPrepared(prepareText('a\nb c'), 2),
    );
    expect(wrapPrepared(units.prepare(0, 'a\nb c', '', false), 8)).toEqual([
      { start: 0, end: 1, width: 1 },
      { start: 2, end: 5, width: 3 },
    ]);
  });
});

describe('layoutArticle line store', () => {
  const quoted: Block[] = [
    { type: 'heading', level: 2, text: '老街新生' },
    { type: 'quote', blocks: [{ type: 'paragraph', text: '老街新生，焕发活力。'.repeat(8) }] },
    {
      type: 'list',
      ordered: true,
      items: [{ text: '第一条：城市更新持续推进。'.repeat(3), children: [] }],
    },
  ];

  it('lays an article out the same from scratch, while keeping its analysis (second layout) and from it, at every preset width', () => {
    for (const base of [
      riversideArticle(),
      englishArticle(),
      mixedArticle(),
      { ...riversideArticle(), blocks: quoted },
    ]) {
      const cached = { ...base };
      for (const width of [80, 40, 36, 23, 8, 61]) {
        for (const isAmbiguousWide of [false, true]) {
          const warm = layoutArticle(cached, { width, isAmbiguousWide });
          const cold = layoutArticle({ ...base }, { width, isAmbiguousWide });
          expect(warm.lines).toEqual(cold.lines);
          expect(warm.store.slice()).toEqual(cold.lines);
          expect(paginate(warm.store, 7)).toEqual(paginate(cold.lines, 7));
        }
      }
    }
  });
});
