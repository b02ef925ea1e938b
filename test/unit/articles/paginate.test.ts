import { describe, expect, it } from 'vitest';
import {
  FONT_SIZES,
  resolveColumn,
  parseFontSize,
  stepFontSize,
} from '../../../src/core/articles/font-size.js';
import { layoutArticle, type LayoutLine } from '../../../src/core/articles/layout-article.js';
import {
  keepPlace,
  pageContaining,
  pageTopOffset,
  paginate,
  type Page,
} from '../../../src/core/articles/paginate.js';
import { englishArticle, longChineseArticle, riversideArticle } from './article-fixtures.js';

const line = (kind: LayoutLine['kind'], offset: number, text: string = kind): LayoutLine => ({
  text: kind === 'blank' ? '' : text,
  width: kind === 'blank' ? 0 : text.length,
  kind,
  offset,
  end: kind === 'blank' ? offset : offset + text.length,
});

describe('paginate', () => {
  it('fills pages to the row count, skipping blank lines at the top of a page', () => {
    const lines = [
      line('text', 0),
      line('text', 5),
      line('blank', 10),
      line('text', 10),
      line('text', 15),
    ];
    expect(paginate(lines, 2)).toEqual([
      { start: 0, end: 2 },
      { start: 3, end: 5 },
    ]);
  });

  it('never leaves a heading (or a run of headings) as the last line of a page', () => {
    const lines = [
      line('text', 0),
      line('blank', 5),
      line('heading', 5),
      line('heading', 9),
      line('blank', 13),
      line('text', 13),
    ];
    expect(paginate(lines, 4)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 6 },
    ]);
  });

  it('keeps a table header with its first row and an image with its caption', () => {
    const header = { ...line('table', 0, 'a │ b'), keepWithNext: true };
    const rule = { ...line('table', 6, '──┼──'), keepWithNext: true };
    const lines = [
      line('text', 0),
      header,
      rule,
      line('table', 6, '1 │ 2'),
      line('table', 12, '3 │ 4'),
    ];
    expect(paginate(lines, 3)).toEqual([
      { start: 0, end: 1 },
      { start: 1, end: 4 },
      { start: 4, end: 5 },
    ]);
  });

  it('lets a page of headings only stand, rather than loop', () => {
    const lines = [line('heading', 0), line('heading', 3), line('text', 6)];
    expect(paginate(lines, 2)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 3 },
    ]);
  });

  it('gives an empty layout one empty page and rejects fewer than one row', () => {
    expect(paginate([], 10)).toEqual([{ start: 0, end: 0 }]);
    expect(() => paginate([line('text', 0)], 0)).toThrow(RangeError);
  });

  it('holds every line of a real article exactly once, in order, within the rows, no heading last', () => {
    const lines = layoutArticle(riversideArticle(), { width: 48 }).lines;
    for (const rows of [3, 7, 12, 20, 45]) {
      const pages = paginate(lines, rows);
      let next = 0;
      pages.forEach((page: Page, index) => {
        for (let i = next; i < page.start; i += 1) expect(lines[i]?.kind).toBe('blank');
        expect(page.end - page.start).toBeLessThanOrEqual(rows);
        expect(lines[page.start]?.kind).not.toBe('blank');
        if (index < pages.length - 1) {
          const content = lines.slice(page.start, page.end).filter((l) => l.kind !== 'blank');
          const isAllHeadings = content.every((l) => l.kind === 'heading');
          if (!isAllHeadings) expect(content.at(-1)?.kind).not.toBe('heading');
        }
        next = page.end;
      });
      expect(next).toBe(lines.length);
    }
  });
});

describe('keeping the place', () => {
  it('finds the page holding a text position', () => {
    const lines = [
      line('text', 0, 'aaaa'),
      line('text', 4, 'bbbb'),
      line('text', 8, 'cccc'),
      line('text', 12, 'dd'),
    ];
    const pages = paginate(lines, 2);
    expect(pageTopOffset(lines, pages, 1)).toBe(8);
    expect(pageContaining(lines, pages, 0)).toBe(0);
    expect(pageContaining(lines, pages, 7)).toBe(0);
    expect(pageContaining(lines, pages, 8)).toBe(1);
    expect(pageContaining(lines, pages, 99)).toBe(1);
  });

  it('shows, after every preset change and resize, the page with the character that was on top', () => {
    const sizes = [...FONT_SIZES];
    const terminals: [number, number][] = [
      [120, 40],
      [80, 24],
      [60, 20],
      [40, 12],
      [200, 60],
    ];
    for (const article of [riversideArticle(), englishArticle(), longChineseArticle(6000)]) {
      const views = sizes.flatMap((size) =>
        terminals.map(([columns, rows]) => {
          const column = resolveColumn({ size, terminalColumns: columns });
          const lines = layoutArticle(article, {
            width: column.width,
            paragraphGap: column.paragraphGap,
          }).lines;
          return { lines, pages: paginate(lines, rows - 8) };
        }),
      );
      for (const before of views) {
        for (let pageIndex = 0; pageIndex < before.pages.length; pageIndex += 1) {
          const top = pageTopOffset(before.lines, before.pages, pageIndex);
          for (const after of views) {
            const index = keepPlace({ ...before, pageIndex }, after);
            const page = after.pages[index] as Page;
            const shown = after.lines.slice(page.start, page.end);
            // The character at the old top is on the new page.
            expect(shown.some((l) => l.offset <= top && top < Math.max(l.end, l.offset + 1))).toBe(
              true,
            );
          }
        }
      }
    }
  });
});

describe('font-size presets', () => {
  it('sets 100/80/64/48 columns, clamped to the terminal, centred, with more air at 特大', () => {
    expect(FONT_SIZES.map((size) => resolveColumn({ size, terminalColumns: 120 }))).toEqual([
      { width: 100, offset: 10, paragraphGap: 1 },
      { width: 80, offset: 20, paragraphGap: 1 },
      { width: 64, offset: 28, paragraphGap: 1 },
      { width: 48, offset: 36, paragraphGap: 2 },
    ]);
    expect(resolveColumn({ size: 'small', terminalColumns: 70 })).toEqual({
      width: 68,
      offset: 1,
      paragraphGap: 1,
    });
    expect(resolveColumn({ size: 'medium', terminalColumns: 10 })).toEqual({
      width: 10,
      offset: 0,
      paragraphGap: 1,
    });
    expect(resolveColumn({ size: 'medium', terminalColumns: null })).toEqual({
      width: 80,
      offset: 0,
      paragraphGap: 1,
    });
  });

  it('lets --width override the preset, still clamped to the terminal', () => {
    expect(resolveColumn({ size: 'xlarge', terminalColumns: 120, width: 30 })).toEqual({
      width: 30,
      offset: 45,
      paragraphGap: 2,
    });
    expect(resolveColumn({ size: 'small', terminalColumns: 80, width: 200 })).toEqual({
      width: 78,
      offset: 1,
      paragraphGap: 1,
    });
    expect(resolveColumn({ size: 'small', terminalColumns: null, width: 200 })).toEqual({
      width: 200,
      offset: 0,
      paragraphGap: 1,
    });
  });

  it('reads preset names in English and Chinese, and steps between them', () => {
    expect(['small', '中', 'LARGE', '特大', 'huge'].map(parseFontSize)).toEqual([
      'small',
      'medium',
      'large',
      'xlarge',
      null,
    ]);
    expect(stepFontSize('medium', 1)).toBe('large');
    expect(stepFontSize('xlarge', 1)).toBe('xlarge');
    expect(stepFontSize('small', -1)).toBe('small');
  });
});
