import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/articles/article.js';
import type { Block } from '../../../src/core/articles/blocks.js';
import { isLineEndProhibited, isLineStartProhibited } from '../../../src/core/articles/clreq.js';
import {
  FONT_SIZES,
  FONT_SIZE_PRESETS,
  resolveColumn,
} from '../../../src/core/articles/font-size.js';
import { blocksToPlainText } from '../../../src/core/articles/html-to-blocks.js';
import { layoutArticle, type LayoutLine } from '../../../src/core/articles/layout-article.js';
import { displayWidth } from '../../../src/core/articles/text-metrics.js';
import { englishArticle, mixedArticle, riversideArticle } from './article-fixtures.js';

function withBlocks(blocks: Block[], links: string[] = []): Article {
  return { ...riversideArticle(), blocks, links };
}

function nonSpace(text: string): string {
  return text.replace(/\s+/g, '');
}

function checkLines(lines: readonly LayoutLine[], width: number, isAmbiguousWide = false): void {
  let previous = 0;
  for (const line of lines) {
    expect(line.width).toBe(displayWidth(line.text, isAmbiguousWide));
    expect(line.width).toBeLessThanOrEqual(width);
    expect(line.offset).toBeGreaterThanOrEqual(previous);
    expect(line.end).toBeGreaterThanOrEqual(line.offset);
    previous = line.offset;
  }
}

describe('layoutArticle', () => {
  const riverside = riversideArticle();
  const english = englishArticle();

  it('never exceeds the width and keeps positions in order, at every width from 8 to 120', () => {
    for (const article of [riverside, english]) {
      for (let width = 8; width <= 120; width += 1)
        checkLines(layoutArticle(article, { width }).lines, width);
    }
  });

  it('keeps the width with ambiguous characters counted wide', () => {
    for (const width of [8, 13, 40, 77]) {
      checkLines(layoutArticle(riverside, { width, isAmbiguousWide: true }).lines, width, true);
    }
  });

  it('loses no character of the paragraphs, and obeys clreq at every line start and end', () => {
    const paragraphs = riverside.blocks.filter((block) => block.type === 'paragraph');
    for (const width of [20, 33, 48, 64, 80, 100]) {
      const lines = layoutArticle(withBlocks(paragraphs), { width }).lines.filter(
        (line) => line.kind === 'text',
      );
      expect(nonSpace(lines.map((line) => line.text).join(''))).toBe(
        nonSpace(blocksToPlainText(paragraphs)),
      );
      for (const line of lines) {
        const text = line.text.replace(/^\u3000\u3000/, '');
        expect(isLineStartProhibited(String.fromCodePoint(text.codePointAt(0) ?? 0x20))).toBe(
          false,
        );
        expect(isLineEndProhibited(Array.from(text).at(-1) ?? '')).toBe(false);
      }
    }
  });

  it('indents Chinese paragraphs with two full-width spaces, unless switched off, and never English ones', () => {
    const lines = layoutArticle(
      withBlocks([
        { type: 'paragraph', text: '“出钱多的人也没意见。”' },
        { type: 'paragraph', text: 'English text.' },
      ]),
      { width: 40 },
    ).lines;
    expect(lines.map((line) => line.text)).toEqual([
      '　　“出钱多的人也没意见。”',
      '',
      'English text.',
    ]);
    const plain = layoutArticle(withBlocks([{ type: 'paragraph', text: '中文段落。' }]), {
      width: 40,
      indentChinese: false,
    });
    expect(plain.lines.map((line) => line.text)).toEqual(['中文段落。']);
  });

  it('aligns table columns by display width, CJK included', () => {
    const lines = layoutArticle(riverside, { width: 48 }).lines.filter(
      (line) => line.kind === 'table',
    );
    expect(lines.map((line) => line.text)).toEqual([
      '楼层 │ 分摊比例 │ 每户出资（万元）',
      '─────┼──────────┼─────────────────',
      '二楼 │ 5%       │ 0.8',
      '三楼 │ 12%      │ 1.9',
      '四楼 │ 20%      │ 3.1',
      '五楼 │ 27%      │ 3.7',
      '六楼 │ 36%      │ 4.2',
    ]);
  });

  it('marks a table header and an image above its caption as not to end a page', () => {
    const kept = layoutArticle(riverside, { width: 48 })
      .lines.filter((line) => line.keepWithNext === true)
      .map((line) => line.text.trim());
    expect(kept).toEqual([
      '[图 1: 改造前的梧桐里小区外墙]',
      '楼层 │ 分摊比例 │ 每户出资（万元）',
      '─────┼──────────┼─────────────────',
    ]);
  });

  it('squeezes a wide table by wrapping its widest columns, and stacks it when even that fails', () => {
    const table: Block = {
      type: 'table',
      header: ['指标', '说明'],
      rows: [['GDP', '国内生产总值同比增长，高于预期目标']],
    };
    const squeezed = layoutArticle(withBlocks([table]), { width: 20 }).lines.map(
      (line) => line.text,
    );
    expect(squeezed).toEqual([
      '指标 │ 说明',
      '─────┼──────────────',
      'GDP  │ 国内生产总值',
      '     │ 同比增长，高',
      '     │ 于预期目标',
    ]);
    const stacked = layoutArticle(
      withBlocks([{ ...table, header: ['a', 'b', 'c'], rows: [['1', '2', '3']] }]),
      {
        width: 8,
      },
    ).lines.map((line) => line.text);
    expect(stacked).toEqual(['a: 1', 'b: 2', 'c: 3']);
  });

  it('sets lists with hanging indents, quotes with a bar, images and captions centred, links numbered', () => {
    const lines = layoutArticle(english, { width: 48 }).lines;
    const byKind = (kind: string): string[] =>
      lines.filter((line) => line.kind === kind).map((line) => line.text);
    expect(byKind('list')).toEqual([
      '• Late opening on weekdays, until 10 p.m.',
      '• A bookable "quiet room" for remote work and',
      '  exam revision.',
      '• Free repair evenings, run by local volunteers,',
      '  for bicycles, lamps and small electronics.',
    ]);
    expect(byKind('quote')).toEqual([
      '│ The best thing about the library is that',
      '│ nobody asks you to buy anything.',
    ]);
    expect(byKind('link')).toEqual([
      '[1] https://millbrook.example.org/council/',
      '    minutes/2024-03-library-review',
    ]);
    const chinese = layoutArticle(riverside, { width: 48 }).lines;
    expect(chinese.filter((line) => line.kind === 'image').map((line) => line.text)).toEqual([
      '         [图 1: 改造前的梧桐里小区外墙]',
    ]);
    expect(chinese.filter((line) => line.kind === 'caption').map((line) => line.text)).toEqual([
      '          改造前的梧桐里小区（资料图）',
    ]);
    const englishImage = layoutArticle(
      { ...english, blocks: [{ type: 'image', index: 3, alt: 'A reading room', src: null }] },
      { width: 30 },
    );
    expect(englishImage.lines.map((line) => line.text)).toEqual([
      '  [Image 3: A reading room]',
      '',
      'Links',
      '[1] https://',
      '    millbrook.example.org/',
      '    council/minutes/2024-03-',
      '    library-review',
    ]);
  });

  it('puts the feed-fallback notice first and more air between paragraphs at the xlarge gap', () => {
    const article = {
      ...withBlocks([
        { type: 'paragraph', text: 'One.' },
        { type: 'paragraph', text: 'Two.' },
      ]),
      notice: 'Full text unavailable.',
    };
    const lines = layoutArticle(article, { width: 30, paragraphGap: 2 }).lines;
    expect(lines.map((line) => [line.kind, line.text])).toEqual([
      ['notice', 'Full text unavailable.'],
      ['blank', ''],
      ['blank', ''],
      ['text', 'One.'],
      ['blank', ''],
      ['blank', ''],
      ['text', 'Two.'],
    ]);
  });

  it('gives every character the same position at every width (the basis of keeping the place)', () => {
    const positionsOf = (width: number): Map<number, string> => {
      const map = new Map<number, string>();
      for (const line of layoutArticle(riverside, { width }).lines) {
        if (line.kind === 'text') map.set(line.offset, line.text.replace(/^\u3000+/, '').charAt(0));
      }
      return map;
    };
    const narrow = positionsOf(30);
    const wide = positionsOf(100);
    // Paragraph starts are at the same positions in both layouts.
    for (const [offset, char] of wide)
      if (narrow.has(offset)) expect(narrow.get(offset)).toBe(char);
    expect([...wide.keys()].filter((offset) => narrow.has(offset)).length).toBeGreaterThan(10);
  });

  it('rejects a column narrower than 8', () => {
    expect(() => layoutArticle(riverside, { width: 7 })).toThrow(RangeError);
  });

  it('keeps every invariant for random blocks at random widths', () => {
    const text = fc.stringMatching(/^[\u4e00-\u4e20a-z ，。“”（）——…😀]{0,60}$/);
    const leaf: fc.Arbitrary<Block> = fc.oneof(
      text.map((t) => ({ type: 'paragraph' as const, text: t.trim() || '空' })),
      text.map((t) => ({ type: 'heading' as const, level: 2, text: t.trim() || '题' })),
      fc
        .array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 })
        .map((rows) => ({
          type: 'table' as const,
          header: null,
          rows,
        })),
      text.map((t) => ({ type: 'image' as const, index: 1, alt: t, src: null })),
    );
    const block: fc.Arbitrary<Block> = fc.oneof(
      leaf,
      fc
        .array(leaf, { minLength: 1, maxLength: 3 })
        .map((blocks) => ({ type: 'quote' as const, blocks })),
      fc.array(text, { minLength: 1, maxLength: 4 }).map((items) => ({
        type: 'list' as const,
        ordered: false,
        items: items.map((t) => ({ text: t, children: [] })),
      })),
    );
    fc.assert(
      fc.property(
        fc.array(block, { maxLength: 8 }),
        fc.integer({ min: 8, max: 90 }),
        (blocks, width) => {
          checkLines(layoutArticle(withBlocks(blocks), { width }).lines, width);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('golden layouts at each preset', () => {
  for (const size of FONT_SIZES) {
    it(`sets the Chinese and English fixtures at ${size} (${FONT_SIZE_PRESETS[size].label})`, async () => {
      const column = resolveColumn({ size, terminalColumns: 120 });
      for (const [name, article] of [
        ['riverside', riversideArticle()],
        ['english', englishArticle()],
        ['mixed', mixedArticle()],
      ] as const) {
        const layout = layoutArticle(article, {
          width: column.width,
          paragraphGap: column.paragraphGap,
        });
        const margin = ' '.repeat(column.offset);
        const text = layout.lines.map((line) => `${margin}${line.text}`.trimEnd()).join('\n');
        await expect(`${text}\n`).toMatchFileSnapshot(
          `../../fixtures/articles/golden/${name}-${size}.txt`,
        );
      }
    });
  }
});
