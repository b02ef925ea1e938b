// HTML fragments → plain text for summaries and titles: tags removed, block ends become newlines,
// entities decoded, then sanitized. Fast and regex-based on purpose: it runs on every feed item;
// the reader view uses the article engine's real DOM conversion instead.
import { decodeHTML } from 'entities';
import { removeControlReferences, sanitizeText } from './sanitize.js';

/** Elements whose text is never content; an unclosed one runs to the end. */
const DROPPED_ELEMENTS =
  /<(script|style|noscript|template|iframe|object|svg|math)\b[\s\S]*?(?:<\/\1\s*>|$)/gi;
const COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const BLOCK_BREAK =
  /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|pre|table|tr|section|article|header|footer|figure|figcaption|hr|dd|dt)\b[^>]*>/gi;
const TAG = /<\/?[a-zA-Z][^>]*>|<![^>]*>|<\?[^>]*>/g;

/** Converts an HTML fragment to plain text; paragraphs separated by "\n", spaces collapsed. */
export function htmlToPlainText(html: string): string {
  if (!/[<&]/.test(html)) return tidy(sanitizeText(html));
  const text = removeControlReferences(html)
    .replace(CDATA, '$1')
    .replace(COMMENT, '')
    .replace(DROPPED_ELEMENTS, '')
    .replace(BLOCK_BREAK, '\n')
    .replace(TAG, '');
  return tidy(sanitizeText(decodeHTML(text)));
}

/** Plain text on one line: for titles, authors, categories. */
export function htmlToLine(html: string): string {
  return htmlToPlainText(html).replace(/\s+/g, ' ').trim();
}

/** Spaces collapsed, every line trimmed, empty lines dropped: in three passes, not per line. */
function tidy(text: string): string {
  return text
    .replace(/[ \u00a0]+/g, ' ')
    .replace(/[^\S\n]*\n\s*/g, '\n')
    .trim();
}
