// displayWidth / truncateToWidth take a shortcut for text of printable ASCII and common CJK; the
// answers must be string-width's, character by character and on mixed text, in both East Asian
// Ambiguous settings.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import {
  displayWidth,
  fitToWidth,
  setAmbiguousWide,
  truncateToWidth,
} from '../../src/app/text-fit.js';

afterEach(() => setAmbiguousWide(false));

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** truncateToWidth as it was before the shortcut: string-width on every grapheme. */
function referenceTruncate(text: string, width: number, isAmbiguousWide: boolean): string {
  const options = { ambiguousIsNarrow: !isAmbiguousWide };
  if (width <= 0) return '';
  if (stringWidth(text, options) <= width) return text;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment, options);
    if (used + w > width - 1) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

describe.each([false, true])('ambiguous wide: %s', (isAmbiguousWide) => {
  const options = { ambiguousIsNarrow: !isAmbiguousWide };

  it('measures every BMP character as string-width does', () => {
    setAmbiguousWide(isAmbiguousWide);
    const mismatches: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const text = String.fromCharCode(c);
      if (displayWidth(text) !== stringWidth(text, options)) mismatches.push(c.toString(16));
    }
    expect(mismatches).toEqual([]);
  });

  it('measures and cuts mixed text as string-width does', () => {
    setAmbiguousWide(isAmbiguousWide);
    const pieces = [
      'a',
      'Z',
      ' ',
      '~',
      '福',
      '州',
      '　',
      '，',
      '。',
      'ア',
      'の',
      '한',
      '…',
      '·',
      '“',
      'é',
      'e\u0301',
      '\u302a',
      '👍',
      '👩‍💻',
      '●',
      '★',
      '★\ufe0f',
      '›',
      '─',
      '⠋',
      '\u200b',
    ];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...pieces), { maxLength: 40 }),
        fc.integer({ min: 0, max: 50 }),
        (parts, width) => {
          const text = parts.join('');
          expect(displayWidth(text)).toBe(stringWidth(text, options));
          expect(truncateToWidth(text, width)).toBe(
            referenceTruncate(text, width, isAmbiguousWide),
          );
          const fitted = fitToWidth(text, width);
          expect(stringWidth(fitted, options)).toBe(
            width === 0 ? 0 : Math.max(width, stringWidth(truncateToWidth(text, width), options)),
          );
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('truncateToWidth on simple text', () => {
  it('cuts ASCII and CJK by columns with an ellipsis', () => {
    expect(truncateToWidth('福州地铁新线开通', 9)).toBe('福州地铁…');
    expect(truncateToWidth('福州地铁新线开通', 10)).toBe('福州地铁…');
    expect(truncateToWidth('福州地铁新线开通', 16)).toBe('福州地铁新线开通');
    expect(truncateToWidth('Metro line opens', 8)).toBe('Metro l…');
    expect(truncateToWidth('ab福州', 4)).toBe('ab…');
    expect(fitToWidth('ab福州', 8)).toBe('ab福州  ');
  });
});
