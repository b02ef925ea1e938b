// Hostile strings for escape-injection tests: the raw control characters and escape sequences a
// feed can carry, their XML/HTML entity-encoded forms, and the checks that output holds none of them.

/** One hostile string, as it is written into a feed document (XML text, not yet parsed). */
export interface EscapePayload {
  readonly name: string;
  /** The payload as it appears in the document's XML source. */
  readonly text: string;
}

const ESC = '\x1b';
const BEL = '\x07';
const ST = `${ESC}\\`;

/** Raw forms: the characters themselves in the document. */
export const RAW_PAYLOADS: readonly EscapePayload[] = [
  { name: 'lone ESC', text: `a${ESC}b` },
  { name: 'CSI erase screen', text: `${ESC}[2J` },
  { name: 'CSI cursor home + SGR', text: `${ESC}[H${ESC}[31;1mred` },
  { name: 'OSC 0 title (BEL)', text: `${ESC}]0;pwned-title${BEL}` },
  { name: 'OSC 0 title (ST)', text: `${ESC}]0;pwned-title${ST}` },
  { name: 'OSC 8 hyperlink', text: `${ESC}]8;;http://evil.test/${ST}click${ESC}]8;;${ST}` },
  { name: 'OSC 52 clipboard (BEL)', text: `${ESC}]52;c;cm0gLXJmIH4=${BEL}` },
  { name: 'OSC 52 clipboard (ST)', text: `${ESC}]52;c;cm0gLXJmIH4=${ST}` },
  { name: 'OSC 52 clipboard (unterminated)', text: `${ESC}]52;c;cm0gLXJmIH4=` },
  { name: 'BEL', text: `ding${BEL}dong` },
  { name: 'BS', text: `safe\b\b\b\bevil` },
  { name: 'CR', text: `shown\rhidden` },
  { name: 'C1 CSI U+009B', text: '\u009b2J' },
  { name: 'C1 OSC U+009D', text: '\u009d52;c;cm0gLXJmIH4=\u0007' },
  { name: 'bidi override U+202E', text: 'abc\u202etxt.exe' },
  { name: 'bidi isolates U+2066-2069', text: '\u2066a\u2067b\u2068c\u2069' },
];

/** Entity-encoded forms (XML numeric references, and HTML references escaped once more). */
export const ENCODED_PAYLOADS: readonly EscapePayload[] = [
  { name: '&#27; (ESC)', text: '&#27;[2J' },
  { name: '&#x1b; (ESC)', text: '&#x1b;]52;c;cm0gLXJmIH4=&#x7;' },
  { name: '&#x9b; (C1 CSI)', text: '&#x9b;2J' },
  { name: '&#155; (C1 CSI)', text: '&#155;2J' },
  { name: '&#x202e; (RLO)', text: 'abc&#x202e;txt.exe' },
  { name: '&#7; &#8; &#13;', text: 'a&#7;b&#8;c&#13;d' },
  { name: 'double-encoded &amp;#27;', text: '&amp;#27;[2J' },
  { name: 'double-encoded &amp;#x1b; OSC 52', text: '&amp;#x1b;]52;c;cm0gLXJmIH4=&amp;#x07;' },
  { name: 'double-encoded &amp;#x9b;', text: '&amp;#x9b;2J' },
  { name: 'double-encoded &amp;#155;', text: '&amp;#155;2J' },
  { name: 'double-encoded &amp;#x202e;', text: 'abc&amp;#x202e;txt' },
  { name: 'double-encoded &amp;#x9d; (C1 OSC)', text: '&amp;#x9d;0;t&amp;#x9c;' },
];

/** Every payload. */
export const ESCAPE_PAYLOADS: readonly EscapePayload[] = [...RAW_PAYLOADS, ...ENCODED_PAYLOADS];

/** All payloads joined, for one field that carries them all at once. */
export const ALL_PAYLOADS_TEXT = ESCAPE_PAYLOADS.map((p) => p.text).join(' | ');

/**
 * Characters that must never reach the terminal from a feed: C0 controls but newline (and tab,
 * which the sanitizer turns into a space), DEL, C1 controls, bidi embeddings, overrides and isolates.
 */
const FORBIDDEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/gu;

/** Each forbidden character found in `text`, as `U+XXXX at <offset> near "<context>"`. */
export function forbiddenCharacters(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(FORBIDDEN)) {
    const at = match.index;
    const cp = (match[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
    found.push(
      `U+${cp} at ${at} near ${JSON.stringify(text.slice(Math.max(0, at - 12), at + 12))}`,
    );
  }
  return found;
}

/** Every string value anywhere in a parsed JSON value. */
export function jsonStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(jsonStrings);
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([key, child]) => [key, ...jsonStrings(child)]);
  return [];
}
