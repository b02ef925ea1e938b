// Where a line may break: UAX #14 opportunities from the `linebreak` package (the only importer of
// it), refined by the clreq strict rules (see clreq.ts) and by UAX #14's newer LB19a for curly
// quotes between Chinese characters. Pure; knows nothing about widths.
import LineBreaker from 'linebreak';
import {
  isEastAsian,
  isLineEndProhibitedCode,
  isLineStartProhibitedCode,
  isUnbreakablePairCode,
} from './clreq.js';

/** No break at this offset. */
export const NO_BREAK = 0;
/** A line may break before this offset. */
export const MAY_BREAK = 1;
/** A line must break before this offset (after a newline). */
export const MUST_BREAK = 2;

/**
 * The raw UAX #14 opportunities (linebreak 1.1, Unicode 13 data): `result[i]` is {@link MAY_BREAK}
 * or {@link MUST_BREAK} when a break is allowed before UTF-16 offset `i`. Offsets 0 and
 * `text.length` are never marked (the ends of the text are not breaks between lines). Written into
 * `into` (its first `text.length + 1` entries) when given.
 */
export function uaxBreakOpportunities(text: string, into: Uint8Array | null = null): Uint8Array {
  return uaxBreaks(text, into, usesBreakerSteps);
}

/**
 * {@link uaxBreakOpportunities} through linebreak's `nextBreak` loop, as when its breaker's steps
 * are missing; tests hold the two to the same results.
 */
export function uaxBreakOpportunitiesByNextBreak(text: string): Uint8Array {
  return uaxBreaks(text, null, false);
}

function uaxBreaks(text: string, into: Uint8Array | null, isStepwise: boolean): Uint8Array {
  const result = into ?? new Uint8Array(text.length + 1);
  if (into !== null) result.fill(NO_BREAK, 0, text.length + 1);
  const short = shortenHanRuns(text, result);
  const source: string = short === null ? text : (short as unknown as string);
  const positions = short?.positions ?? null;
  if (source.length === 0) return result;
  if (isStepwise) {
    writeBreaks(source, result, positions);
    return result;
  }
  const breaker = new LineBreaker(source);
  for (let next = breaker.nextBreak(); next !== null; next = breaker.nextBreak()) {
    if (next.position > 0 && next.position < source.length) {
      const at = positions === null ? next.position : (positions[next.position] as number);
      result[at] = next.required ? MUST_BREAK : MAY_BREAK;
    }
  }
  return result;
}

/** The state and steps of linebreak 1.1's breaker that its `nextBreak` loop uses. */
interface BreakerSteps {
  string: unknown;
  pos: number;
  lastPos: number;
  curClass: number | null;
  nextClass: number | null;
  LB8a: boolean;
  LB21a: boolean;
  LB30a: number;
  nextCharClass(): number;
  getSimpleBreak(): boolean | null;
  getPairTableBreak(lastClass: number): boolean;
}

// linebreak 1.1's class numbers that its `nextBreak` loop names (dist/module.mjs).
const CLASS_ZWJ = 31;
const CLASS_BK = 34;
const CLASS_CR = 36;
const CLASS_LF = 37;
const CLASS_NL = 38;
const CLASS_SP = 41;
const CLASS_WJ = 22;

/** The fields linebreak 1.1's breaker sets up, which {@link writeBreaks} resets to reuse it. */
const BREAKER_FIELDS = [
  'LB21a',
  'LB30a',
  'LB8a',
  'curClass',
  'lastPos',
  'nextClass',
  'pos',
  'string',
];

/**
 * Whether the breaker is the one {@link writeBreaks} knows: its steps are there and it keeps no
 * state but the fields it resets. Else its `nextBreak` is used, one breaker per text. (A test
 * checks it is, with the linebreak we ship.)
 */
export const usesBreakerSteps =
  (['nextCharClass', 'getSimpleBreak', 'getPairTableBreak'] as const).every(
    (name) =>
      typeof (LineBreaker.prototype as unknown as Record<string, unknown>)[name] === 'function',
  ) && Object.keys(new LineBreaker('')).sort().join() === BREAKER_FIELDS.join();

let reusedBreaker: BreakerSteps | null = null;

/** linebreak's class of a line's first character (LB4–LB7 as its breaker applies them). */
function firstClass(c: number): number {
  if (c === CLASS_LF || c === CLASS_NL) return CLASS_BK;
  return c === CLASS_SP ? CLASS_WJ : c;
}

/**
 * linebreak's `nextBreak` loop, run to the end of `source` with the breaker's own steps, writing
 * each opportunity into `result` (through `positions` when the source was shortened) instead of
 * returning an object for each: Chinese text has one every few characters. A property test holds it
 * to `nextBreak` itself.
 */
function writeBreaks(source: string, result: Uint8Array, positions: Int32Array | null): void {
  // One breaker for every text, reset as its constructor and nextBreak's first call set it up.
  const breaker = (reusedBreaker ??= new LineBreaker('') as unknown as BreakerSteps);
  breaker.string = source;
  breaker.pos = 0;
  breaker.lastPos = 0;
  breaker.LB21a = false;
  const n = source.length;
  const first = breaker.nextCharClass();
  breaker.curClass = firstClass(first);
  breaker.nextClass = first;
  breaker.LB8a = first === CLASS_ZWJ;
  breaker.LB30a = 0;
  while (breaker.pos < n) {
    const at = breaker.pos;
    breaker.lastPos = at;
    const lastClass = breaker.nextClass as number;
    const nextClass = breaker.nextCharClass();
    breaker.nextClass = nextClass;
    let kind = NO_BREAK;
    if (
      breaker.curClass === CLASS_BK ||
      (breaker.curClass === CLASS_CR && nextClass !== CLASS_LF)
    ) {
      breaker.curClass = firstClass(nextClass);
      kind = MUST_BREAK;
    } else {
      const simple = breaker.getSimpleBreak();
      const shouldBreak = simple ?? breaker.getPairTableBreak(lastClass);
      breaker.LB8a = nextClass === CLASS_ZWJ;
      if (shouldBreak) kind = MAY_BREAK;
    }
    if (kind !== NO_BREAK && at > 0) {
      result[positions === null ? at : (positions[at] as number)] = kind;
    }
  }
}

/** CJK Unified Ideographs: every one of them is of UAX #14 class ID in linebreak's data. */
function isHan(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

/** Shortened texts up to this long map their offsets back through a buffer kept for it. */
const SCRATCH_LIMIT = 1 << 16;

/**
 * A text with each run of two or more ideographs shortened to its first one, as linebreak's breaker
 * reads a string (`length` and `charCodeAt` only), without the shortened copy: building it piece by
 * piece was a string object per piece. One instance, reused.
 */
class ShortenedText {
  length = 0;
  text = '';
  /** For each offset of the shortened text (and its end), the offset in `text`. */
  positions = new Int32Array(0);

  charCodeAt(index: number): number {
    return index < this.length ? this.text.charCodeAt(this.positions[index] as number) : NaN;
  }
}

const shortened = new ShortenedText();
let scratchPositions = new Int32Array(256);

/**
 * Between two ideographs (class ID) a line may always break, whatever came before, and the
 * breaker's state after an ideograph does not depend on what came before it. So each run of two
 * or more is handed to the breaker as its first ideograph only (Chinese text has a break between
 * almost every two characters); the breaks inside the run are written here. Returns the shortened
 * text (valid until the next call); null when there is no run to shorten.
 */
function shortenHanRuns(text: string, result: Uint8Array): ShortenedText | null {
  const n = text.length;
  let isShortened = false;
  let positions = scratchPositions;
  let kept = 0;
  let q = 0;
  for (let i = 0; i < n;) {
    if (!isHan(text.charCodeAt(i))) {
      i += 1;
      continue;
    }
    let end = i + 1;
    while (end < n && isHan(text.charCodeAt(end))) end += 1;
    if (end - i >= 2) {
      if (!isShortened) {
        isShortened = true;
        if (positions.length < n + 1) {
          positions = new Int32Array(Math.max(n + 1, positions.length * 2));
          // Kept for the next texts unless it is outsized (one huge paragraph).
          if (n + 1 <= SCRATCH_LIMIT) scratchPositions = positions;
        }
      }
      // Up to and including the run's first ideograph; what follows the run maps to `end`.
      for (let k = kept; k <= i; k += 1) positions[q++] = k;
      for (let k = i + 1; k < end; k += 1) result[k] = MAY_BREAK;
      kept = end;
    }
    i = end;
  }
  if (!isShortened) return null;
  for (let k = kept; k < n; k += 1) positions[q++] = k;
  positions[q] = n;
  shortened.text = text;
  shortened.length = q;
  shortened.positions = positions;
  return shortened;
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x3000 || code === 0x0a || code === 0xa0;
}

/**
 * Break opportunities for laying out Chinese and mixed text: the UAX #14 ones, plus LB19a (a break
 * before an opening curly quote or after a closing one when both neighbours are East Asian), minus
 * every break clreq forbids: before a line-start-prohibited character, after a line-end-prohibited
 * one (spaces at the break ignored), and inside `——` / `……`. Mandatory breaks are kept. With
 * `into` (room for `text.length + 1` entries), the result is written there instead of a new array.
 */
export function breakOpportunities(text: string, into: Uint8Array | null = null): Uint8Array {
  const result = uaxBreakOpportunities(text, into);
  const n = text.length;
  for (let i = 1; i < n; i += 1) {
    const kind = result[i] as number;
    if (kind === NO_BREAK) {
      // LB19a: between East Asian characters, “ opens and ” closes like a bracket.
      const code = text.charCodeAt(i);
      const previous = text.charCodeAt(i - 1);
      const isOpening = code === 0x201c || code === 0x2018;
      if (!isOpening && previous !== 0x201d && previous !== 0x2019) continue;
      const outer = isOpening ? text.codePointAt(i - 1) : text.codePointAt(i);
      const inner = isOpening ? text.codePointAt(i + 1) : text.codePointAt(i - 2);
      if (outer === undefined || inner === undefined || !isEastAsian(outer) || !isEastAsian(inner))
        continue;
      result[i] = MAY_BREAK;
    }
    if (result[i] === MUST_BREAK) continue;
    const after = text.charCodeAt(i);
    if (isLineStartProhibitedCode(after)) {
      result[i] = NO_BREAK;
      continue;
    }
    let end = i;
    while (end > 0 && isSpace(text.charCodeAt(end - 1))) end -= 1;
    if (end === 0) {
      result[i] = NO_BREAK;
      continue;
    }
    const before = text.charCodeAt(end - 1);
    if (isLineEndProhibitedCode(before) || (end === i && isUnbreakablePairCode(before, after))) {
      result[i] = NO_BREAK;
    }
  }
  return result;
}
