// Wraps one run of text to a column width, by display width, at the break opportunities of
// break-opportunities.ts. Pure. The guarantees: no line is wider than the width, and joining the
// lines gives back the text except for whitespace at the breaks.
import { MUST_BREAK, NO_BREAK, breakOpportunities } from './break-opportunities.js';
import { isLineEndProhibited, isLineStartProhibited, isUnbreakablePair } from './clreq.js';
import { analyzeText, displayWidth, type TextMetrics } from './text-metrics.js';

/**
 * A text measured and analysed once, ready to be wrapped at any width: re-wrapping on a preset
 * change or a resize only runs the cheap packing step.
 */
export interface PreparedText {
  readonly text: string;
  readonly metrics: TextMetrics;
  /** Break kind before each UTF-16 offset (see break-opportunities.ts). */
  readonly breaks: Uint8Array;
  /** Offsets with a break, ascending, ending with `text.length`. */
  readonly breakList: Int32Array;
}

/** One wrapped line: `text.slice(start, end)`, trailing whitespace already dropped. */
export interface WrappedLine {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

/** The narrowest width text can be wrapped to (a wide character needs 2 columns). */
export const MIN_WRAP_WIDTH = 2;

/**
 * Measures `text` and finds its break opportunities. No break is allowed within the first
 * `keepTogether` UTF-16 units (a paragraph indent stays with the first word).
 */
export function prepareText(text: string, isAmbiguousWide = false, keepTogether = 0): PreparedText {
  const metrics = analyzeText(text, isAmbiguousWide);
  const breaks = text === '' ? new Uint8Array(1) : breakOpportunities(text);
  const list = new Int32Array(text.length + 1);
  let count = 0;
  const prefix = metrics.prefix;
  for (let i = 1; i < text.length; i += 1) {
    if (breaks[i] === NO_BREAK) continue;
    if (i <= keepTogether || (prefix[i] as number) < 0) {
      breaks[i] = NO_BREAK;
      continue;
    }
    list[count] = i;
    count += 1;
  }
  list[count] = text.length;
  // A copy, not a view: prepared texts are cached, and a view would keep the whole buffer alive.
  return { text, metrics, breaks, breakList: list.slice(0, count + 1) };
}

function isTrimmable(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x3000;
}

const URL_BREAK_AFTER = new Set(['/', '-', '_', '.', '&', '=', '?', '#', '+', '~', ',', ';', ':']);

function codePointAt(text: string, index: number): string {
  const cp = text.codePointAt(index);
  return cp === undefined ? '' : String.fromCodePoint(cp);
}

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) return text.slice(index - 2, index);
  return text.charAt(index - 1);
}

function obeysClreq(text: string, at: number): boolean {
  const after = codePointAt(text, at);
  const before = codePointBefore(text, at);
  return (
    !isLineStartProhibited(after) &&
    !isLineEndProhibited(before) &&
    !isUnbreakablePair(before, after)
  );
}

/**
 * Where to cut a piece of text that is wider than the line on its own (a long word, a URL, a run
 * of glued punctuation): at a URL-ish point (after `/`, `-`, `?`, `&` …) if that still fills half
 * the line, else at the last point clreq allows, else at the last cluster boundary that fits.
 */
function emergencyCut(prepared: PreparedText, start: number, end: number, width: number): number {
  const { text, metrics } = prepared;
  const prefix = metrics.prefix;
  const base = prefix[start] as number;
  let lastFit = -1;
  let lastClreq = -1;
  let lastUrl = -1;
  for (let c = start + 1; c < end; c += 1) {
    const at = prefix[c] as number;
    if (at < 0) continue;
    if (at - base > width) break;
    lastFit = c;
    if (obeysClreq(text, c)) {
      lastClreq = c;
      if (URL_BREAK_AFTER.has(text.charAt(c - 1))) lastUrl = c;
    }
  }
  if (lastUrl !== -1 && (prefix[lastUrl] as number) - base >= width / 2) return lastUrl;
  if (lastClreq !== -1) return lastClreq;
  if (lastFit !== -1) return lastFit;
  // A single cluster wider than the line (pathological mark stacks): cut it by code points.
  let c = start;
  let used = 0;
  while (c < end) {
    const cp = codePointAt(text, c);
    const w = displayWidth(cp);
    if (used + w > width && c > start) break;
    used += w;
    c += cp.length;
  }
  return c;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isTrimmable(text.charCodeAt(e - 1))) e -= 1;
  return e;
}

function widthOf(text: string, prefix: Int32Array, start: number, end: number): number {
  const a = prefix[start] as number;
  const b = prefix[end] as number;
  return a >= 0 && b >= 0 ? b - a : displayWidth(text.slice(start, end));
}

/** Packs a prepared text into lines of at most `width` columns (greedy, at the last fitting break). */
export function wrapPrepared(prepared: PreparedText, width: number): WrappedLine[] {
  if (!Number.isInteger(width) || width < MIN_WRAP_WIDTH) {
    throw new RangeError(`wrap width must be an integer ≥ ${MIN_WRAP_WIDTH}, got ${width}`);
  }
  const { text, breaks, breakList } = prepared;
  const prefix = prepared.metrics.prefix;
  const n = text.length;
  const lines: WrappedLine[] = [];
  let start = 0;
  let k = 0;
  while (start < n) {
    while ((breakList[k] as number) <= start) k += 1;
    let best = -1;
    let bestEnd = -1;
    for (let j = k; j < breakList.length; j += 1) {
      const b = breakList[j] as number;
      const e = trimEnd(text, start, b);
      if (widthOf(text, prefix, start, e) > width) break;
      best = b;
      bestEnd = e;
      if (b === n || breaks[b] === MUST_BREAK) break;
    }
    if (best !== -1) {
      lines.push({ start, end: bestEnd, width: widthOf(text, prefix, start, bestEnd) });
      start = best;
      continue;
    }
    const chunkEnd = trimEnd(text, start, breakList[k] as number);
    const cut = emergencyCut(prepared, start, chunkEnd, width);
    lines.push({ start, end: cut, width: widthOf(text, prefix, start, cut) });
    start = cut;
  }
  return lines;
}

/** Options for {@link wrapText}. */
export interface WrapTextOptions {
  /** Count East Asian Ambiguous characters as 2 columns. @default false */
  readonly isAmbiguousWide?: boolean;
}

/** Wraps `text` to `width` columns and returns the lines' strings. */
export function wrapText(text: string, width: number, options: WrapTextOptions = {}): string[] {
  const prepared = prepareText(text, options.isAmbiguousWide ?? false);
  return wrapPrepared(prepared, width).map((line) => text.slice(line.start, line.end));
}
