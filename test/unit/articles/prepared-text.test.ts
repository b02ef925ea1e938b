import fc from 'fast-check';
import LineBreaker from 'linebreak';
import { describe, expect, it } from 'vitest';
import {
  breakOpportunities,
  uaxBreakOpportunities,
  uaxBreakOpportunitiesByNextBreak,
  usesBreakerSteps,
} from '../../../src/core/articles/break-opportunities.js';
import { analyzeText, displayWidth, graphemes } from '../../../src/core/articles/text-metrics.js';
import { prepareText, wrapPrepared, wrapText } from '../../../src/core/articles/wrap-text.js';

const paragraph =
  '清晨六点半，滨江区梧桐里小区的早点铺已经冒起了热气。七十二岁的陈阿姨拎着菜篮，' +
  '在“老街新生”的标牌下停了停——这条街她走了四十年。Renovation began in March, ' +
  'see https://example.com/city/2024/0318/laojie_1024.shtml for the plan……';

function lines(text: string, width: number, isAmbiguousWide = false): string[] {
  const prepared = prepareText(text, isAmbiguousWide);
  return wrapPrepared(prepared, width).map((line) => text.slice(line.start, line.end));
}

describe('prepared texts (shared buffers)', () => {
  it('wrap the same however many texts were prepared before or after them', () => {
    const first = prepareText(paragraph);
    const others = Array.from({ length: 2_000 }, (_, i) =>
      prepareText(`${i}：${paragraph.slice(i % 50, 60 + (i % 90))}`, i % 2 === 0),
    );
    for (const width of [10, 17, 40, 80]) {
      const alone = lines(paragraph, width);
      expect(wrapPrepared(first, width).map((l) => paragraph.slice(l.start, l.end))).toEqual(alone);
      for (const [i, prepared] of others.entries()) {
        if (i % 97 !== 0) continue;
        const text = prepared.text;
        expect(wrapPrepared(prepared, width).map((l) => text.slice(l.start, l.end))).toEqual(
          lines(text, width, i % 2 === 0),
        );
      }
    }
    expect(first.width).toBe(displayWidth(paragraph));
  });

  it('break at every newline, whatever the width', () => {
    expect(wrapText('第一行\n第二行\n\nthird line', 40)).toEqual([
      '第一行',
      '第二行',
      '',
      'third line',
    ]);
    expect(wrapText('a\nb', 2)).toEqual(['a', 'b']);
  });

  it('handle paragraphs longer than the reused buffers, and short ones after them', () => {
    const long = paragraph.repeat(500);
    expect(long.length).toBeGreaterThan(70_000);
    const wrapped = wrapPrepared(prepareText(long), 60);
    let cursor = 0;
    for (const line of wrapped) {
      expect(long.slice(cursor, line.start).trim()).toBe('');
      expect(line.width).toBe(displayWidth(long.slice(line.start, line.end)));
      expect(line.width).toBeLessThanOrEqual(60);
      cursor = line.end;
    }
    expect(long.slice(cursor).trim()).toBe('');
    expect(lines('短段落，换行。', 8)).toEqual(['短段落，', '换行。']);
  });

  it('measure a text the same after a longer one (no stale widths)', () => {
    displayWidth('很长的一段文字'.repeat(1_000));
    expect(displayWidth('“引号”')).toBe(6);
    expect(displayWidth('“引号”', true)).toBe(8);
    expect(displayWidth('')).toBe(0);
    expect(analyzeText('ab').prefix).toEqual(new Int32Array([0, 1, 2]));
  });

  it('find the same break opportunities into a reused buffer as into a new one', () => {
    const buffer = new Uint8Array(1_024).fill(7);
    for (const text of [paragraph, 'a b', '第一行\n第二行', '……——']) {
      const fresh = breakOpportunities(text);
      expect(breakOpportunities(text, buffer).subarray(0, text.length + 1)).toEqual(fresh);
      expect(uaxBreakOpportunities(text, buffer).subarray(0, text.length + 1)).toEqual(
        uaxBreakOpportunities(text),
      );
    }
  });

  it('find the UAX #14 breaks linebreak finds, with runs of ideographs shortened for it', () => {
    // Run with linebreak's own steps, one reused breaker, no object per break (see writeBreaks).
    expect(usesBreakerSteps).toBe(true);
    const direct = (text: string): number[] => {
      const result = new Array<number>(text.length + 1).fill(0);
      const breaker = new LineBreaker(text);
      for (let next = breaker.nextBreak(); next !== null; next = breaker.nextBreak()) {
        if (next.position > 0 && next.position < text.length)
          result[next.position] = next.required ? 2 : 1;
      }
      return result;
    };
    const piece = fc.oneof(
      fc.integer({ min: 0x4e00, max: 0x9fff }).map((cp) => String.fromCodePoint(cp)),
      fc.constantFrom(
        '中文字',
        '，',
        '。',
        '“',
        '”',
        '（',
        '）',
        '——',
        '……',
        ' ',
        '\n',
        '\u3000',
        'a',
        'word',
        '12',
        '%',
        '\u200d',
        '\u0301',
        '👍🏽',
        '🇨🇳',
        '\u00ad',
        '\u2060',
        'ー',
        'の',
        '한',
        '\u3400',
        '𠀀',
        '\ud800',
        '\udc00',
      ),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }).map((parts) => parts.join('')),
        (text) => {
          expect(Array.from(uaxBreakOpportunities(text))).toEqual(direct(text));
          // The fallback for a linebreak without those steps: its nextBreak over the view.
          expect(Array.from(uaxBreakOpportunitiesByNextBreak(text))).toEqual(direct(text));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('measure clusters too wide for their byte (jamo runs, stacked spacing marks) exactly', () => {
    // One cluster each: five leading jamo (10 columns), a consonant with eight vowel signs (9).
    const jamo = '\u1100'.repeat(5);
    const marks = `क${'\u093e'.repeat(8)}`;
    expect(displayWidth(jamo)).toBe(10);
    expect(displayWidth(marks)).toBe(9);
    const text = `ab ${jamo} cd ${marks} 中文${jamo}，${marks}。`;
    const prepared = prepareText(text);
    expect(prepared.width).toBe(displayWidth(text));
    for (let width = 2; width <= 40; width += 1) {
      for (const line of wrapPrepared(prepared, width)) {
        const shown = text.slice(line.start, line.end);
        expect(line.width).toBe(displayWidth(shown));
        // A line wider than the column is a single cluster that could not be cut at a boundary.
        if (line.width > width) expect(graphemes(shown).length).toBeLessThanOrEqual(1);
      }
    }
  });
});
