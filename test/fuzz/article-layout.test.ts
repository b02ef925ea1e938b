// Fuzzing the article engine's layout: wrapText over random mixed text (CJK, emoji, ZWJ, combining
// marks, punctuation, long URLs) at random widths, and layoutArticle + paginate over random block
// trees. string-width (what Ink measures with) is the reference for widths, and linebreak's UAX #14
// opportunities the reference for which clreq violations a layout could have avoided.
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/core/articles/article.js';
import type { Block } from '../../src/core/articles/blocks.js';
import { NO_BREAK, uaxBreakOpportunities } from '../../src/core/articles/break-opportunities.js';
import {
  isLineEndProhibited,
  isLineStartProhibited,
  isUnbreakablePair,
} from '../../src/core/articles/clreq.js';
import { MIN_LAYOUT_WIDTH, layoutArticle } from '../../src/core/articles/layout-article.js';
import { paginate } from '../../src/core/articles/paginate.js';
import { wrapText } from '../../src/core/articles/wrap-text.js';
import { fuzzRuns, fuzzSeed } from './fuzz-runs.js';
import { multiParagraphArb, paragraphArb } from './text-arbitraries.js';

const TRIMMED_AT_BREAKS = /[ \n\u3000]/g;
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function widthOf(text: string, isAmbiguousWide: boolean): number {
  return stringWidth(text, { ambiguousIsNarrow: !isAmbiguousWide });
}

/** Grapheme-cluster boundaries of `text`, as UTF-16 offsets. */
function clusterBoundaries(text: string): Set<number> {
  const set = new Set<number>([text.length]);
  for (const { index } of segmenter.segment(text)) set.add(index);
  return set;
}

const firstCodePoint = (text: string, at: number): string =>
  String.fromCodePoint(text.codePointAt(at) ?? 0x20);

function lastCodePointBefore(text: string, at: number): string {
  return Array.from(text.slice(Math.max(0, at - 2), at)).at(-1) ?? '';
}

/**
 * True when a line may break before offset `k` by both UAX #14 and clreq: a cluster boundary,
 * a UAX #14 opportunity, nothing prohibited on either side, `——`/`……` not split.
 */
function isLegalBreak(text: string, k: number, uax: Uint8Array, clusters: Set<number>): boolean {
  if (!clusters.has(k) || uax[k] === NO_BREAK) return false;
  let end = k;
  while (end > 0 && /[ \u3000\u00a0]/.test(text.charAt(end - 1))) end -= 1;
  if (end === 0) return false;
  const before = lastCodePointBefore(text, end);
  const after = firstCodePoint(text, k);
  return (
    !isLineStartProhibited(after) &&
    !isLineEndProhibited(before) &&
    !(end === k && isUnbreakablePair(before, after))
  );
}

interface Located {
  readonly start: number;
  readonly end: number;
}

/** Finds each line in the text (lines are consecutive slices separated by trimmed whitespace). */
function locate(text: string, lines: readonly string[]): Located[] {
  const located: Located[] = [];
  let cursor = 0;
  for (const line of lines) {
    const start = text.indexOf(line, cursor);
    if (start === -1 || text.slice(cursor, start).replace(TRIMMED_AT_BREAKS, '') !== '')
      throw new Error(`line ${JSON.stringify(line)} is not the next slice of the text`);
    located.push({ start, end: start + line.length });
    cursor = start + line.length;
  }
  return located;
}

/** Lines that start with a line-start-prohibited character although an earlier legal break fits. */
function avoidableStartViolations(text: string, lines: readonly string[], width: number): string[] {
  const uax = uaxBreakOpportunities(text);
  const clusters = clusterBoundaries(text);
  const located = locate(text, lines);
  const found: string[] = [];
  for (let i = 1; i < located.length; i += 1) {
    const line = located[i] as Located;
    const previous = located[i - 1] as Located;
    if (line.end === line.start) continue;
    // A paragraph's first line is not a break.
    if (text.slice(previous.end, line.start).includes('\n')) continue;
    const first = firstCodePoint(text, line.start);
    if (!isLineStartProhibited(first)) continue;
    let clusterEnd = line.start + 1;
    while (!clusters.has(clusterEnd)) clusterEnd += 1;
    for (let k = previous.start + 1; k < previous.end; k += 1) {
      if (!isLegalBreak(text, k, uax, clusters)) continue;
      if (widthOf(text.slice(k, clusterEnd).replace(/^[ \u3000]+/, ''), false) <= width) {
        found.push(
          `line ${i} starts with ${JSON.stringify(first)} though a break at ${k} fits: ${JSON.stringify(lines.slice(i - 1, i + 1))}`,
        );
        break;
      }
    }
  }
  return found;
}

const params = <T extends unknown[]>(runs: number): fc.Parameters<T> => ({
  numRuns: fuzzRuns(runs),
  seed: fuzzSeed(),
});

describe('wrapText under fuzz', () => {
  it('never exceeds the width (by string-width) and loses no character', () => {
    fc.assert(
      fc.property(
        multiParagraphArb,
        fc.integer({ min: 2, max: 100 }),
        fc.boolean(),
        (text, width, isAmbiguousWide) => {
          const lines = wrapText(text, width, { isAmbiguousWide });
          for (const line of lines) {
            if (widthOf(line, isAmbiguousWide) > width)
              throw new Error(
                `${JSON.stringify(line)} is ${widthOf(line, isAmbiguousWide)} > ${width} columns`,
              );
          }
          expect(lines.join('').replace(TRIMMED_AT_BREAKS, '')).toBe(
            text.replace(TRIMMED_AT_BREAKS, ''),
          );
          locate(text, lines);
        },
      ),
      params(800),
    );
  });

  it('starts no line with closing punctuation where an earlier break would do', () => {
    fc.assert(
      fc.property(paragraphArb, fc.integer({ min: 2, max: 80 }), (text, width) => {
        const violations = avoidableStartViolations(text, wrapText(text, width), width);
        expect(violations).toEqual([]);
      }),
      params(800),
    );
  });
});

const blockArb: fc.Arbitrary<Block> = fc.letrec<{ block: Block }>((tie) => ({
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('paragraph' as const), text: paragraphArb }),
    fc.record({
      type: fc.constant('heading' as const),
      level: fc.integer({ min: 1, max: 6 }),
      text: paragraphArb,
    }),
    fc.record({ type: fc.constant('code' as const), text: paragraphArb }),
    fc.record({ type: fc.constant('caption' as const), text: paragraphArb }),
    fc.record({
      type: fc.constant('image' as const),
      index: fc.integer({ min: 1, max: 99 }),
      alt: paragraphArb,
      src: fc.constant(null),
    }),
    fc.constant({ type: 'rule' as const }),
    fc.record({
      type: fc.constant('table' as const),
      header: fc.option(fc.array(paragraphArb, { minLength: 1, maxLength: 5 }), { nil: null }),
      rows: fc.array(fc.array(paragraphArb, { maxLength: 5 }), { maxLength: 4 }),
    }),
    fc.record({
      type: fc.constant('list' as const),
      ordered: fc.boolean(),
      items: fc.array(
        fc.record({ text: paragraphArb, children: fc.array(tie('block'), { maxLength: 2 }) }),
        { minLength: 1, maxLength: 12 },
      ),
    }),
    fc.record({
      type: fc.constant('quote' as const),
      blocks: fc.array(tie('block'), { minLength: 1, maxLength: 3 }),
    }),
  ),
})).block;

const articleArb: fc.Arbitrary<Article> = fc
  .record({
    blocks: fc.array(blockArb, { minLength: 1, maxLength: 6 }),
    links: fc.array(fc.webUrl(), { maxLength: 3 }),
  })
  .map(({ blocks, links }) => ({
    header: {
      itemId: '0123456789ab',
      title: 'fuzz',
      published: null,
      author: null,
      source: 'fuzz',
      editor: null,
      link: null,
      feedUrl: 'http://fuzz.test/feed.xml',
    },
    blocks,
    links,
    textSource: 'feed',
    notice: null,
    sitePages: 1,
    length: 0,
  }));

function blockTexts(block: Block): string[] {
  switch (block.type) {
    case 'heading':
    case 'paragraph':
    case 'code':
    case 'caption':
      return [block.text];
    case 'image':
      return [block.alt];
    case 'rule':
      return [];
    case 'table':
      return [...(block.header ?? []), ...block.rows.flat()];
    case 'list':
      return block.items.flatMap((item) => [item.text, ...item.children.flatMap(blockTexts)]);
    case 'quote':
      return block.blocks.flatMap(blockTexts);
    default: {
      const exhaustive: never = block;
      return exhaustive;
    }
  }
}

/** Non-whitespace code points of `texts`, counted. */
function characterCounts(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts)
    for (const char of text.replace(/\s/g, '')) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

describe('layoutArticle and paginate under fuzz', () => {
  it('lays out any block tree within the width, losing no character, with positions in order', () => {
    fc.assert(
      fc.property(
        articleArb,
        fc.integer({ min: MIN_LAYOUT_WIDTH, max: 100 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 40 }),
        (article, width, isAmbiguousWide, paragraphGap, rows) => {
          const layout = layoutArticle(article, { width, isAmbiguousWide, paragraphGap });
          let offset = 0;
          layout.lines.forEach((line, i) => {
            const measured = widthOf(line.text, isAmbiguousWide);
            if (measured > width || measured !== line.width)
              throw new Error(
                `line ${i} ${JSON.stringify(line.text)}: ${measured} columns (says ${line.width}), width ${width}`,
              );
            if (line.offset < offset || line.end < line.offset)
              throw new Error(`line ${i}: offset ${line.offset}..${line.end} after ${offset}`);
            offset = line.offset;
          });
          const laidOut = characterCounts(layout.lines.map((line) => line.text));
          for (const [char, count] of characterCounts([
            ...article.blocks.flatMap(blockTexts),
            ...article.links,
          ])) {
            if ((laidOut.get(char) ?? 0) < count)
              throw new Error(
                `${JSON.stringify(char)} appears ${count}× in the article, ${laidOut.get(char) ?? 0}× laid out`,
              );
          }
          const pages = paginate(layout.lines, rows);
          let next = 0;
          for (const page of pages) {
            expect(page.end - page.start).toBeLessThanOrEqual(rows);
            expect(layout.lines.slice(next, page.start).every((l) => l.kind === 'blank')).toBe(
              true,
            );
            next = page.end;
          }
          expect(layout.lines.slice(next).every((l) => l.kind === 'blank')).toBe(true);
        },
      ),
      params(300),
    );
  });
});
