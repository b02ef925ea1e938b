// Wraps one run of text to a column width, by display width, at the break opportunities of
// break-opportunities.ts. Pure. The guarantees: no line is wider than the width, and joining the
// lines gives back the text except for whitespace at the breaks.
import { MAY_BREAK, MUST_BREAK, breakOpportunities } from './break-opportunities.js';
import { isLineEndProhibited, isLineStartProhibited, isUnbreakablePair } from './clreq.js';
import { displayWidth, measureInto } from './text-metrics.js';

/**
 * A text measured and analysed once, ready to be wrapped at any width: re-wrapping on a preset
 * change or a resize only runs the cheap packing step. Kept small (one object, one byte per UTF-16
 * unit for both the widths and the breaks): a long article caches tens of thousands of them, and
 * on the virtual machines we run on every fresh page of memory a cold layout touches costs more
 * than the work done in it.
 */
export interface PreparedText {
  readonly text: string;
  /** Display width of the whole text. */
  readonly width: number;
  /**
   * Shared with other prepared texts: from `origin`, entry `i` (`0…text.length`) holds, in its low
   * bits ({@link PREPARED_WIDTH}), the display width of the grapheme cluster that starts at `i`
   * ({@link PREPARED_WIDE} when it is too wide for them: its width is in `wide`), or the
   * {@link PREPARED_INSIDE} flag when `i` is inside a cluster; {@link PREPARED_BREAK} when a line
   * may break before `i`, with {@link PREPARED_MUST} when it must (after a newline). The end,
   * `text.length`, is always a break.
   */
  readonly data: Uint8Array;
  readonly origin: number;
  /** Widths of the clusters marked {@link PREPARED_WIDE}, by offset; null when there are none. */
  readonly wide: ReadonlyMap<number, number> | null;
}

/** Mask of the cluster width in a {@link PreparedText.data} entry. */
export const PREPARED_WIDTH = 7;
/** The cluster width value that means "look it up in {@link PreparedText.wide}". */
export const PREPARED_WIDE = 7;
/** Flag of a {@link PreparedText.data} entry inside a grapheme cluster (no width there). */
export const PREPARED_INSIDE = 1 << 3;
/** Flag of a {@link PreparedText.data} entry where a line may break. */
export const PREPARED_BREAK = 1 << 4;
/** Flag of a {@link PreparedText.data} entry where a line must break. */
export const PREPARED_MUST = 1 << 5;

/** One wrapped line: `text.slice(start, end)`, trailing whitespace already dropped. */
export interface WrappedLine {
  readonly start: number;
  readonly end: number;
  readonly width: number;
}

/** The narrowest width text can be wrapped to (a wide character needs 2 columns). */
export const MIN_WRAP_WIDTH = 2;

/** Texts up to this long are analysed in buffers kept for the purpose (see {@link prepareText}). */
const SCRATCH_LIMIT = 1 << 16;
let scratchWidths = new Int32Array(256);
let scratchBreaks = new Uint8Array(256);

/**
 * Prepared texts share chunks of one buffer (a long article caches tens of thousands of them, and
 * each typed array or array buffer of their own would be one more object for the garbage
 * collector). A chunk lives as long as a text kept in it.
 */
const CHUNK = 1 << 16;
let chunk = new Uint8Array(CHUNK);
let chunkUsed = 0;

/** Room for `length` entries: the chunk and the index they start at. */
function allocate(length: number): { data: Uint8Array; origin: number } {
  if (length > CHUNK >> 3) return { data: new Uint8Array(length), origin: 0 };
  if (chunkUsed + length > CHUNK) {
    chunk = new Uint8Array(CHUNK);
    chunkUsed = 0;
  }
  const origin = chunkUsed;
  chunkUsed += length;
  return { data: chunk, origin };
}

/** The buffer of prepared texts that are wrapped before the next one is prepared. */
let scratchData = new Uint8Array(256);

/**
 * Measures `text` and finds its break opportunities. No break is allowed within the first
 * `keepTogether` UTF-16 units (a paragraph indent stays with the first word). The analysis runs in
 * reused buffers; what is kept is one byte per UTF-16 unit in a shared chunk, or, with
 * `isWrappedAtOnce`, in a buffer that the next such call reuses (for a text wrapped right away and
 * then dropped: nothing is kept).
 */
export function prepareText(
  text: string,
  isAmbiguousWide = false,
  keepTogether = 0,
  isWrappedAtOnce = false,
): PreparedText {
  const n = text.length;
  let data: Uint8Array | null = null;
  if (isWrappedAtOnce) {
    if (n + 1 > scratchData.length)
      scratchData = new Uint8Array(Math.max(n + 1, scratchData.length * 2));
    data = scratchData;
    data.fill(0, 0, n + 1);
  }
  if (n + 1 > scratchWidths.length) {
    const size = Math.max(n + 1, scratchWidths.length * 2);
    const isKept = size <= SCRATCH_LIMIT;
    const widthsBuffer = new Int32Array(size);
    const breaksBuffer = new Uint8Array(size);
    if (!isKept) {
      return prepareIn(text, isAmbiguousWide, keepTogether, widthsBuffer, breaksBuffer, data);
    }
    scratchWidths = widthsBuffer;
    scratchBreaks = breaksBuffer;
  }
  return prepareIn(text, isAmbiguousWide, keepTogether, scratchWidths, scratchBreaks, data);
}

function prepareIn(
  text: string,
  isAmbiguousWide: boolean,
  keepTogether: number,
  widths: Int32Array,
  breaks: Uint8Array,
  into: Uint8Array | null,
): PreparedText {
  const n = text.length;
  const width = measureInto(text, isAmbiguousWide, widths);
  if (n > 0) breakOpportunities(text, breaks);
  const { data, origin } = into === null ? allocate(n + 1) : { data: into, origin: 0 };
  if (n === 0) data[origin] = PREPARED_BREAK;
  let wide: Map<number, number> | null = null;
  // The cluster that starts at `last` gets its width when the next one starts.
  let last = 0;
  for (let i = 1; i <= n; i += 1) {
    const w = widths[i] as number;
    let entry = 0;
    if (i === n) {
      entry = PREPARED_BREAK;
    } else if (i > keepTogether) {
      const kind = breaks[i] as number;
      if (kind === MAY_BREAK) entry = PREPARED_BREAK;
      else if (kind === MUST_BREAK) entry = PREPARED_BREAK | PREPARED_MUST;
    }
    if (w < 0) {
      data[origin + i] = entry | PREPARED_INSIDE;
      continue;
    }
    const clusterWidth = w - (widths[last] as number);
    if (clusterWidth < PREPARED_WIDE) {
      data[origin + last] = (data[origin + last] as number) | clusterWidth;
    } else {
      data[origin + last] = (data[origin + last] as number) | PREPARED_WIDE;
      wide ??= new Map();
      wide.set(last, clusterWidth);
    }
    data[origin + i] = entry;
    last = i;
  }
  // Entry 0 holds only the first cluster's width (a text never breaks before its start): its room,
  // fresh from `allocate` or the scratch cleared above, started at zero.
  return { text, width, data, origin, wide };
}

/** Width of the cluster starting at `i` (0 inside a cluster). */
function clusterWidthAt(prepared: PreparedText, i: number): number {
  const w = (prepared.data[prepared.origin + i] as number) & PREPARED_WIDTH;
  return w === PREPARED_WIDE ? (prepared.wide?.get(i) ?? 0) : w;
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

/** Whether offset `i` is inside a grapheme cluster (never the text's end). */
function isInside(prepared: PreparedText, i: number): boolean {
  return ((prepared.data[prepared.origin + i] as number) & PREPARED_INSIDE) !== 0;
}

/** Display width of `text.slice(start, end)`. */
function widthBetween(prepared: PreparedText, start: number, end: number): number {
  if (isInside(prepared, start) || isInside(prepared, end)) {
    return displayWidth(prepared.text.slice(start, end));
  }
  let width = 0;
  for (let i = start; i < end; i += 1) width += clusterWidthAt(prepared, i);
  return width;
}

/**
 * Where to cut a piece of text that is wider than the line on its own (a long word, a URL, a run
 * of glued punctuation): at a URL-ish point (after `/`, `-`, `?`, `&` …) if that still fills half
 * the line, else at the last point clreq allows, else at the last cluster boundary that fits.
 */
function emergencyCut(prepared: PreparedText, start: number, end: number, width: number): number {
  const text = prepared.text;
  // After a cut inside a cluster (below) the running sum would miss that cluster's rest.
  const isExact = !isInside(prepared, start);
  let lastFit = -1;
  let lastClreq = -1;
  let lastUrl = -1;
  let urlWidth = 0;
  let used = 0;
  for (let c = start + 1; c < end; c += 1) {
    used += clusterWidthAt(prepared, c - 1);
    if (isInside(prepared, c)) continue;
    const at = isExact ? used : widthBetween(prepared, start, c);
    if (at > width) break;
    lastFit = c;
    if (obeysClreq(text, c)) {
      lastClreq = c;
      if (URL_BREAK_AFTER.has(text.charAt(c - 1))) {
        lastUrl = c;
        urlWidth = at;
      }
    }
  }
  if (lastUrl !== -1 && urlWidth >= width / 2) return lastUrl;
  if (lastClreq !== -1) return lastClreq;
  if (lastFit !== -1) return lastFit;
  // A single cluster wider than the line (pathological mark stacks): cut it by code points.
  let c = start;
  let cutWidth = 0;
  while (c < end) {
    const cp = codePointAt(text, c);
    const w = displayWidth(cp);
    if (cutWidth + w > width && c > start) break;
    cutWidth += w;
    c += cp.length;
  }
  return c;
}

function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && isTrimmable(text.charCodeAt(e - 1))) e -= 1;
  return e;
}

/** Packs a prepared text into lines of at most `width` columns (greedy, at the last fitting break). */
export function wrapPrepared(prepared: PreparedText, width: number): WrappedLine[] {
  const lines: WrappedLine[] = [];
  wrapEach(prepared, width, (start, end, lineWidth) => {
    lines.push({ start, end, width: lineWidth });
  });
  return lines;
}

/**
 * {@link wrapPrepared} without the array: `visit` is called with each line's start, end and
 * width, in order (a long article has tens of thousands of lines).
 */
export function wrapEach(
  prepared: PreparedText,
  width: number,
  visit: (start: number, end: number, width: number) => void,
): void {
  if (!Number.isInteger(width) || width < MIN_WRAP_WIDTH) {
    throw new RangeError(`wrap width must be an integer ≥ ${MIN_WRAP_WIDTH}, got ${width}`);
  }
  const { text, data, origin } = prepared;
  const n = text.length;
  let start = 0;
  while (start < n) {
    // The width from `start` is summed cluster by cluster as the breaks are tried; a line that
    // starts inside a cluster (after a cut through a pathological one) is measured afresh.
    const isExact = !isInside(prepared, start);
    let best = -1;
    let bestEnd = -1;
    let bestWidth = 0;
    let first = n;
    let used = 0;
    for (let b = start + 1; b <= n; b += 1) {
      used += clusterWidthAt(prepared, b - 1);
      const entry = data[origin + b] as number;
      if ((entry & PREPARED_BREAK) === 0) continue;
      if (first === n) first = b;
      // Whitespace at the break is dropped, and with it its width.
      const e = trimEnd(text, start, b);
      let lineWidth = used;
      for (let k = e; k < b; k += 1) lineWidth -= clusterWidthAt(prepared, k);
      if (!isExact || (e < b && isInside(prepared, e)))
        lineWidth = widthBetween(prepared, start, e);
      if (lineWidth > width) break;
      best = b;
      bestEnd = e;
      bestWidth = lineWidth;
      if (b === n || (entry & PREPARED_MUST) !== 0) break;
    }
    if (best !== -1) {
      visit(start, bestEnd, bestWidth);
      start = best;
      continue;
    }
    const chunkEnd = trimEnd(text, start, first);
    const cut = emergencyCut(prepared, start, chunkEnd, width);
    visit(start, cut, widthBetween(prepared, start, cut));
    start = cut;
  }
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
