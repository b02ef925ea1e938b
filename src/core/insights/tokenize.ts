// Text → terms for the insights: Chinese segmented with Intl.Segmenter (word granularity),
// Latin words lower-cased, stop words, numbers and single characters dropped. Pure; no I/O.
import { CHINESE_STOP_WORDS, ENGLISH_STOP_WORDS } from './stop-words.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

/**
 * Single characters the segmenter leaves alone that are grammar, not part of a name: a run of 2–4
 * other single characters (特|朗|普, names the dictionary lacks) is joined into one term.
 */
const PARTICLES = new Set(
  '的了在是和与及或等对从把被将向为于也都而又就并这那有之其个中上下年月日我你他她它们让给到说要会能可以已不没很更最再还被由以且所着过来去后前里外内'.split(
    '',
  ),
);

function graphemeLength(text: string): number {
  return [...text].length;
}

/** Lower-cased, width-folded (NFKC) text: full-width Ａ１ and ASCII A1 are the same term. */
export function foldText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function keepLatin(word: string): string | null {
  const trimmed = word.replace(/^['’.\-_]+|['’.\-_]+$/gu, '');
  if (graphemeLength(trimmed) < 2 || !LETTER.test(trimmed)) return null;
  if (ENGLISH_STOP_WORDS.has(trimmed)) return null;
  // Possessives and contractions: "china's" → "china".
  const base = trimmed.replace(/['’]s$/u, '');
  return ENGLISH_STOP_WORDS.has(base) || graphemeLength(base) < 2 ? null : base;
}

function keepCjk(word: string): string | null {
  return graphemeLength(word) < 2 || CHINESE_STOP_WORDS.has(word) ? null : word;
}

/**
 * The terms of a text, in order, repeats kept (term frequency matters to the callers).
 * `tokenize('美国总统特朗普访问北京 Apple releases iPhone')` →
 * `['美国', '总统', '特朗普', '访问', '北京', 'apple', 'releases', 'iphone']`.
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  let run: string[] = [];
  const flushRun = (): void => {
    // Names run 2–4 characters (杜苏芮, 泽连斯基); a longer run is the dictionary losing its way.
    if (run.length >= 2 && run.length <= 4) {
      const joined = keepCjk(run.join(''));
      if (joined !== null) terms.push(joined);
    }
    run = [];
  };
  for (const { segment, isWordLike } of segmenter.segment(foldText(text))) {
    if (isWordLike !== true) {
      flushRun();
      continue;
    }
    if (CJK.test(segment)) {
      if (graphemeLength(segment) === 1 && !PARTICLES.has(segment)) {
        run.push(segment);
        continue;
      }
      flushRun();
      const term = keepCjk(segment);
      if (term !== null) terms.push(term);
      continue;
    }
    flushRun();
    const term = keepLatin(segment);
    if (term !== null) terms.push(term);
  }
  flushRun();
  return terms;
}
