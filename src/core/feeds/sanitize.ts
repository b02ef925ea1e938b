// Terminal safety for text that came from the network. Pure; no I/O.
// Every string from a feed or a page passes through here once, when it is normalized, so nothing
// later (Ink, exports, the clipboard) ever sees a control character or an escape sequence.

/**
 * Escape-sequence strings: ESC-introduced and 8-bit (C1) forms of CSI, OSC, DCS, SOS, PM and APC.
 * String sequences end at BEL or ST (ESC \ or U+009C); an unterminated one runs to the end of the
 * text, because a terminal would swallow the rest anyway.
 */
const STRING_SEQUENCE = /(?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f])[\s\S]*?(?:\x07|\x1b\\|\x9c|$)/g;
/** CSI: ESC [ or U+009B, parameter bytes, intermediate bytes, one final byte (or the end). */

const CSI_SEQUENCE = /(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*(?:[\x40-\x7e]|$)/g;
/** Any other escape: ESC plus intermediates plus one final character (ESC c, ESC ( B, ESC 7 …). */

const OTHER_ESCAPE = /\x1b[\x20-\x2f]*[\x30-\x7e]?/g;
/**
 * Single characters that must never reach a terminal: C0 controls but newline, DEL, C1 controls,
 * bidi embeddings, overrides and isolates, and lone surrogates.
 */
const FORBIDDEN_CHAR =
  /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Anything any of the passes below would change (surrogates included, to check pairing). */

const NEEDS_WORK =
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]/;

/** True when a code point must never reach the terminal (see {@link FORBIDDEN_CHAR}). */
export function isForbiddenCodePoint(cp: number): boolean {
  return (
    (cp <= 0x1f && cp !== 0x0a) ||
    (cp >= 0x7f && cp <= 0x9f) ||
    (cp >= 0x202a && cp <= 0x202e) ||
    (cp >= 0x2066 && cp <= 0x2069) ||
    (cp >= 0xd800 && cp <= 0xdfff)
  );
}

/**
 * Removes every control character and escape sequence from `text`. Newlines are kept
 * (CR LF, lone CR, U+2028/2029 become "\n"); tabs become a space, since a terminal would
 * move the cursor by an amount no width function counts.
 */
export function sanitizeText(text: string): string {
  // Fast path: most text has nothing to remove, and this runs over every feed's whole content.
  if (!NEEDS_WORK.test(text)) return text;
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(STRING_SEQUENCE, '')
    .replace(CSI_SEQUENCE, '')
    .replace(OTHER_ESCAPE, '')
    .replace(FORBIDDEN_CHAR, '');
}

/** Sanitizes a one-line field (a title, an author): controls removed, all whitespace runs → one space. */
export function sanitizeLine(text: string): string {
  return sanitizeText(text).replace(/\s+/g, ' ').trim();
}

const NUMERIC_REFERENCE = /&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?/g;

/**
 * Sanitizes HTML that will be turned into text later: the raw text is sanitized, and numeric
 * character references that would decode to a forbidden character (`&#27;`, `&#x9b;`) are removed,
 * so the HTML → text step cannot bring them back. (HTML maps `&#x9b;` to `›` by its Windows-1252
 * rule; we drop it rather than guess.)
 */
export function sanitizeHtml(html: string): string {
  return removeControlReferences(sanitizeText(html));
}

/**
 * Removes numeric character references that decode to forbidden characters (`&#27;`, `&#x9b;`),
 * so decoding entities afterwards cannot produce a control character.
 */
export function removeControlReferences(html: string): string {
  if (!html.includes('&#')) return html;
  return html.replace(
    NUMERIC_REFERENCE,
    (ref, hex: string | undefined, dec: string | undefined) => {
      const cp = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
      if (!Number.isFinite(cp) || cp > 0x10ffff) return '';
      if (cp === 0x09) return ' ';
      return isForbiddenCodePoint(cp) && cp !== 0x0a ? '' : ref;
    },
  );
}

/** True when `text` holds nothing {@link sanitizeText} would remove (tabs and CRs aside). */
export function isTerminalSafe(text: string): boolean {
  return (
    !/[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/.test(text) && text.isWellFormed()
  );
}
