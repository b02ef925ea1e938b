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

/** Display width of `text` in terminal columns. */
export function displayWidth(text: string): number {
  return stringWidth(text, widthOptions);
}

/**
 * Cuts `text` to at most `width` columns, ending with `…` when something was cut. Never splits a
 * grapheme cluster or a wide character; a wide character that would straddle the edge is dropped.
 */
export function truncateToWidth(text: string, width: number): string {
  if (width <= 0) return '';
  if (stringWidth(text, widthOptions) <= width) return text;
  const room = width - 1;
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = stringWidth(segment, widthOptions);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return `${out}…`;
}

/** `text` cut to `width` columns and padded with spaces to exactly `width`. */
export function fitToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return cut + ' '.repeat(Math.max(0, width - stringWidth(cut, widthOptions)));
}

/** `text` padded on the left to `width` columns (cut first if longer). */
export function padStartToWidth(text: string, width: number): string {
  const cut = truncateToWidth(text, width);
  return ' '.repeat(Math.max(0, width - stringWidth(cut, widthOptions))) + cut;
}

/** Removes the last grapheme cluster (for Backspace in a text field). */
export function dropLastGrapheme(text: string): string {
  let last = '';
  for (const { segment } of segmenter.segment(text)) last = segment;
  return text.slice(0, text.length - last.length);
}
