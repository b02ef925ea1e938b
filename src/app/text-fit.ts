// Fitting one line of text into a number of terminal columns by display width (CJK = 2 columns,
// grapheme clusters kept whole), so Ink never has to wrap or truncate. Pure; no react/ink.
import stringWidth from 'string-width';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** How string-width counts East Asian Ambiguous characters; see {@link setAmbiguousWide}. */
let widthOptions = { ambiguousIsNarrow: true };

/**
 * From now on, count East Asian Ambiguous characters (“ ” … — ·) as 2 columns: the terminal draws
 * them wide. One switch for the process, as the terminal is one; the reader sets it at start from
 * its settings.
 */
export function setAmbiguousWide(isWide: boolean): void {
  widthOptions = { ambiguousIsNarrow: !isWide };
}

/**
 * Symbols common in titles and in the reader's own rows (marks, punctuation, box rules, the
 * spinner), each always a grapheme of its own. Their width depends on the East Asian Ambiguous
 * setting for many, so it is asked of string-width once per character and setting.
 */
const STANDALONE = new Set(
  [...'·—–‘’“”…‹›●○■□★☆→←↑↓✓✗─│┌┐└┘├┤┬┴┼⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏'].map((c) => c.charCodeAt(0)),
);
const standaloneWidths = { narrow: new Map<number, number>(), wide: new Map<number, number>() };

function standaloneWidth(c: number): number {
  const widths = widthOptions.ambiguousIsNarrow ? standaloneWidths.narrow : standaloneWidths.wide;
  let width = widths.get(c);
  if (width === undefined) {
    width = stringWidth(String.fromCharCode(c), widthOptions);
    widths.set(c, width);
  }
  return width;
}

/** True for characters string-width counts as 2 columns on their own, whatever the ambiguous setting. */
function isSimpleWide(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) || // CJK Unified Ideographs
    (c >= 0x3400 && c <= 0x4dbf) || // Extension A
    (c >= 0x3000 && c <= 0x3029) || // CJK symbols and punctuation (302A–302D combine)
    (c >= 0x302e && c <= 0x303e) ||
    (c >= 0xff01 && c <= 0xff60) || // fullwidth forms
    (c >= 0xac00 && c <= 0xd7a3) || // Hangul syllables
    (c >= 0x3041 && c <= 0x3096) || // Hiragana
    (c >= 0x30a1 && c <= 0x30fa) // Katakana
  );
}

/**
 * Width of text made only of printable ASCII and common CJK (each its own grapheme: 1 or 2
 * columns), or -1 for anything else. Most titles are such text; string-width segments graphemes
 * and tests emoji regexes, which dominated laying out a screen of rows (the reader's first frame).
 */
function simpleWidth(text: string): number {
  let width = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) width += 1;
    else if (isSimpleWide(c)) width += 2;
    else if (STANDALONE.has(c)) width += standaloneWidth(c);
    else return -1;
  }
  return width;
}

/** Display width of `text` in terminal columns. */
export function displayWidth(text: string): number {
  const width = simpleWidth(text);
  return width >= 0 ? width : stringWidth(text, widthOptions);
}

/**
 * Cuts `text` to at most `width` columns, ending with `…` when something was cut. Never splits a
 * grapheme cluster or a wide character; a wide character that would straddle the edge is dropped.
 */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  const simple = simpleWidth(text);
  if ((simple >= 0 ? simple : stringWidth(text, widthOptions)) <= width) return text;
  const room = width - 1;
  let used = 0;
  if (simple >= 0) {
    // One character per grapheme: cut by index.
    let end = 0;
    for (; end < text.length; end++) {
      const w = simpleWidth(text[end]!);
      if (used + w > room) break;
      used += w;
    }
    return `${text.slice(0, end)}…`;
  }
  let out = '';
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` cut to `width` columns and padded with spaces to exactly `width`. */
export function fitToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return cut + ' '.repeat(Math.max(0, width - displayWidth(cut)));
}

/** `text` padded on the left to `width` columns (cut first if longer). */
export function padStartToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return ' '.repeat(Math.max(0, width - displayWidth(cut))) + cut;
}

/** Removes the last grapheme cluster (for Backspace in a text field). */
export function dropLastGrapheme(text: string): string {
  let last = '';
  for (const { segment } of segmenter.segment(text)) last = segment;
  return text.slice(0, text.length - last.length);
}
