// fast-check generators for article text: Chinese with its punctuation, Latin words, numbers with
// units, emoji (ZWJ sequences, flags, keycaps, skin tones, VS16), combining marks, Hangul jamo,
// long URLs, spaces and ideographic spaces, and arbitrary grapheme clusters.
import fc from 'fast-check';
import { NOT_AT_LINE_END, NOT_AT_LINE_START } from '../../src/core/articles/clreq.js';
import { sanitizeText } from '../../src/core/feeds/sanitize.js';

const fromRange = (min: number, max: number): fc.Arbitrary<string> =>
  fc.integer({ min, max }).map((cp) => String.fromCodePoint(cp));

const han = fromRange(0x4e00, 0x9fa5);
const kana = fromRange(0x3041, 0x30fa);
const hangul = fromRange(0xac00, 0xd7a3);
const closing = fc.constantFrom(...Array.from(NOT_AT_LINE_START));
const opening = fc.constantFrom(...Array.from(NOT_AT_LINE_END));
const latinWord = fc.stringMatching(/^[A-Za-z]{1,12}$/);
const number = fc
  .tuple(
    fc.constantFrom('', '$', '¥', '￥', '€'),
    fc.nat(100000),
    fc.constantFrom('', '%', '℃', '‰'),
  )
  .map(([pre, n, post]) => `${pre}${n}${post}`);
const emoji = fc.constantFrom(
  '😀',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '👩🏽‍💻',
  '🏳️‍🌈',
  '🇨🇳',
  '🇺🇸',
  '1️⃣',
  '❤️',
  '❤',
  '☕',
  '🧑‍🤝‍🧑',
);
const combining = fc
  .tuple(
    fc.constantFrom('e', 'a', 'o', '中', 'ก', 'z'),
    fc.array(fromRange(0x0300, 0x036f), { minLength: 1, maxLength: 4 }),
  )
  .map(([base, marks]) => base + marks.join(''));
const jamo = fc
  .tuple(
    fromRange(0x1100, 0x1112),
    fromRange(0x1161, 0x1175),
    fc.option(fromRange(0x11a8, 0x11c2), { nil: '' }),
  )
  .map(([l, v, t]) => l + v + t);
const dashes = fc.constantFrom('——', '……', '⋯⋯', '—', '…', '–', '-', '/');
const ambiguous = fc.constantFrom('“', '”', '‘', '’', '·', '①', 'α', '°', '※', '○');
const url = fc
  .tuple(
    fc.constantFrom('https://', 'http://'),
    fc.stringMatching(/^[a-z]{1,12}(\.[a-z]{2,8}){1,3}$/),
    fc.array(fc.stringMatching(/^[A-Za-z0-9_-]{1,30}$/), { maxLength: 8 }),
    fc.option(
      fc.stringMatching(/^[a-z]{1,6}=[A-Za-z0-9%]{1,40}(&[a-z]{1,6}=[A-Za-z0-9]{1,20}){0,4}$/),
      {
        nil: '',
      },
    ),
  )
  .map(
    ([scheme, host, path, query]) =>
      `${scheme}${host}/${path.join('/')}${query === '' ? '' : `?${query}`}`,
  );
const longWord = fc.stringMatching(/^[a-z]{30,120}$/);
const space = fc.constantFrom(' ', ' ', '  ', '\u3000', '\u00a0');

/** One piece of article text. */
export const textPieceArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: han },
  { weight: 2, arbitrary: kana },
  { weight: 2, arbitrary: hangul },
  { weight: 5, arbitrary: closing },
  { weight: 3, arbitrary: opening },
  { weight: 5, arbitrary: latinWord },
  { weight: 4, arbitrary: space },
  { weight: 2, arbitrary: number },
  { weight: 2, arbitrary: emoji },
  { weight: 1, arbitrary: combining },
  { weight: 1, arbitrary: jamo },
  { weight: 2, arbitrary: dashes },
  { weight: 2, arbitrary: ambiguous },
  { weight: 1, arbitrary: url },
  { weight: 1, arbitrary: longWord },
  {
    weight: 1,
    // Layout only ever sees sanitized text: no controls, no newlines inside a paragraph.
    arbitrary: fc
      .string({ unit: 'grapheme', maxLength: 4 })
      .map((s) => sanitizeText(s).replace(/\n/g, '')),
  },
);

/** A paragraph of mixed text (no newlines). */
export const paragraphArb: fc.Arbitrary<string> = fc
  .array(textPieceArb, { maxLength: 120 })
  .map((pieces) => pieces.join(''));

/** Text of several paragraphs, separated by newlines. */
export const multiParagraphArb: fc.Arbitrary<string> = fc
  .array(paragraphArb, { minLength: 1, maxLength: 4 })
  .map((paragraphs) => paragraphs.join('\n'));
