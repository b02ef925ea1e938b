// Display-width metrics of text for the terminal: grapheme clusters and their column widths, with
// string-width 8 (the measure Ink uses) as the reference. Pure; no layout decisions here.
//
// Why not string-width or Intl.Segmenter on whole paragraphs: both cost ~5 µs per character, and
// Intl.Segmenter grows much worse than linearly on very long strings (100,000 characters took over a
// minute on Node 20). Nearly all news text is made of code points that form a cluster on their own,
// so those are measured through a per-code-point cache, and Intl.Segmenter only sees the short runs
// around combining marks, joiners, emoji, Hangul jamo and astral characters.
import stringWidth from 'string-width';

/** Width facts about one string, indexed by UTF-16 offset. */
export interface TextMetrics {
  readonly text: string;
  /**
   * `prefix[i]` is the display width of `text.slice(0, i)` when `i` is a grapheme-cluster boundary,
   * and -1 inside a cluster. Length `text.length + 1`.
   */
  readonly prefix: Int32Array;
  /** Display width of the whole text. */
  readonly width: number;
}

/** Code points that may join a neighbour into one cluster, or need the cluster's width rules. */
const JOINING =
  /[\p{M}\u200c\u200d\ufe00-\ufe0f\uff9e\uff9f\u0e33\u0eb3\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff\u0600-\u0605\u06dd\u070f\u08e2\u0d4e\ud800-\udfff\u20e3]/u;

const UNKNOWN = 255;
const narrowCache = new Uint8Array(0x10000).fill(UNKNOWN);
const wideCache = new Uint8Array(0x10000).fill(UNKNOWN);
const joiningCache = new Uint8Array(0x10000).fill(UNKNOWN);
const clusterCache = new Map<string, number>();
const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

function joiningOf(code: number): number {
  const flag = JOINING.test(String.fromCharCode(code)) ? 1 : 0;
  joiningCache[code] = flag;
  return flag;
}

function isJoining(code: number): boolean {
  const flag = joiningCache[code] as number;
  return (flag === UNKNOWN ? joiningOf(code) : flag) === 1;
}

function bmpWidthOf(code: number, isAmbiguousWide: boolean): number {
  const width = stringWidth(String.fromCharCode(code), { ambiguousIsNarrow: !isAmbiguousWide });
  (isAmbiguousWide ? wideCache : narrowCache)[code] = width;
  return width;
}

function clusterWidth(cluster: string, isAmbiguousWide: boolean): number {
  const key = isAmbiguousWide ? `w${cluster}` : `n${cluster}`;
  let width = clusterCache.get(key);
  if (width === undefined) {
    width = stringWidth(cluster, { ambiguousIsNarrow: !isAmbiguousWide });
    if (clusterCache.size > 50_000) clusterCache.clear();
    clusterCache.set(key, width);
  }
  return width;
}

/**
 * Measures `text` into `prefix` (cluster boundaries and cumulative widths, as
 * {@link TextMetrics.prefix}; entries past `text.length` untouched) and returns its display width.
 * `prefix` needs room for `text.length + 1` entries: callers measuring many texts pass one buffer.
 */
export function measureInto(text: string, isAmbiguousWide: boolean, prefix: Int32Array): number {
  const n = text.length;
  const widths = isAmbiguousWide ? wideCache : narrowCache;
  let width = 0;
  let i = 0;
  while (i < n) {
    // The hot path, for the code points that are clusters on their own (nearly all news text).
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    let joining = joiningCache[code] as number;
    if (joining === UNKNOWN) joining = joiningOf(code);
    let nextJoining = next === -1 ? 0 : (joiningCache[next] as number);
    if (nextJoining === UNKNOWN) nextJoining = joiningOf(next);
    if (joining === 0 && nextJoining === 0) {
      prefix[i] = width;
      let w = widths[code] as number;
      if (w === UNKNOWN) w = bmpWidthOf(code, isAmbiguousWide);
      width += w;
      i += 1;
      continue;
    }
    // A run of joining code points, with the base before it and one follower after it
    // (a consonant after a virama, the pictograph after a ZWJ).
    let end = i + 1;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (isJoining(c)) {
        end += 1;
      } else if (isJoining(text.charCodeAt(end - 1))) {
        end += 1;
        if (end < n && isJoining(text.charCodeAt(end))) continue;
        break;
      } else {
        break;
      }
    }
    prefix.fill(-1, i, end);
    let offset = i;
    for (const { segment } of segmenter.segment(text.slice(i, end))) {
      prefix[offset] = width;
      width += clusterWidth(segment, isAmbiguousWide);
      offset += segment.length;
    }
    i = end;
  }
  prefix[n] = width;
  return width;
}

/**
 * Measures `text`: cluster boundaries and cumulative display widths. Ambiguous-width characters
 * (`“ ” … — · ①`) count 1 column unless `isAmbiguousWide`.
 */
export function analyzeText(text: string, isAmbiguousWide = false): TextMetrics {
  const prefix = new Int32Array(text.length + 1);
  return { text, prefix, width: measureInto(text, isAmbiguousWide, prefix) };
}

/** Texts up to this long are measured for their width in a buffer kept for the purpose. */
const SCRATCH_LIMIT = 1 << 16;
let scratch = new Int32Array(256);

function scratchFor(length: number): Int32Array {
  if (length > SCRATCH_LIMIT) return new Int32Array(length);
  if (scratch.length < length) scratch = new Int32Array(Math.max(length, scratch.length * 2));
  return scratch;
}

/** Display width of `text` in terminal columns (string-width 8 semantics). */
export function displayWidth(text: string, isAmbiguousWide = false): number {
  return measureInto(text, isAmbiguousWide, scratchFor(text.length + 1));
}

/** Splits `text` into grapheme clusters (emoji, ZWJ sequences and combining marks stay whole). */
export function graphemes(text: string): string[] {
  const { prefix } = analyzeText(text);
  const out: string[] = [];
  let start = 0;
  for (let i = 1; i <= text.length; i += 1) {
    if ((prefix[i] as number) >= 0) {
      out.push(text.slice(start, i));
      start = i;
    }
  }
  return out;
}

/** Number of grapheme clusters in `text`. */
export function graphemeCount(text: string): number {
  const { prefix } = analyzeText(text);
  let count = 0;
  for (let i = 1; i <= text.length; i += 1) if ((prefix[i] as number) >= 0) count += 1;
  return count;
}
