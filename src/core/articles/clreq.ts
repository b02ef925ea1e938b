// The Chinese line-breaking rules (W3C clreq, "strict" level, plus the common half-width forms found
// in mixed text): which characters may not start or end a line, and which pairs never split.
// Pure data and predicates; knows nothing about widths or layout.

/**
 * Characters that must not start a line: pause and stop marks, closing brackets and quotes,
 * interpuncts, connectors, solidi, digit suffixes, and (strict level) dashes and ellipses,
 * plus the Japanese small kana and iteration marks that JIS X 4051 treats alike.
 */
export const NOT_AT_LINE_START =
  '、，。．：；！？,.:;!?' +
  '）)］]｝}〕〉》」』】〙〗〟’”»›' +
  '·・‧–～~／/%‰℃°' +
  '…‥⋯—⸺' +
  '々〻ゝゞヽヾ〃ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ゛゜';

/** Characters that must not end a line: opening brackets and quotes, and currency prefixes. */
export const NOT_AT_LINE_END = '（(［[｛{〔〈《「『【〘〖〝‘“«‹$＄￥¥£€';

/** Characters that form one unbreakable unit when doubled (`——`, `……`, `⋯⋯`). */
const DOUBLED = '—…⋯⸺';

/** Per BMP code unit: bit 1 = may not start a line, bit 2 = may not end one, bit 4 = doubles unbreakably. */
const FLAGS = new Uint8Array(0x10000);
const START = 1;
const END = 2;
const DOUBLE = 4;
for (const char of NOT_AT_LINE_START)
  FLAGS[char.charCodeAt(0)] = (FLAGS[char.charCodeAt(0)] ?? 0) | START;
for (const char of NOT_AT_LINE_END)
  FLAGS[char.charCodeAt(0)] = (FLAGS[char.charCodeAt(0)] ?? 0) | END;
for (const char of DOUBLED) FLAGS[char.charCodeAt(0)] = (FLAGS[char.charCodeAt(0)] ?? 0) | DOUBLE;

/** {@link isLineStartProhibited} for a UTF-16 code unit (all the prohibited characters are BMP). */
export function isLineStartProhibitedCode(code: number): boolean {
  return ((FLAGS[code] ?? 0) & START) !== 0;
}

/** {@link isLineEndProhibited} for a UTF-16 code unit. */
export function isLineEndProhibitedCode(code: number): boolean {
  return ((FLAGS[code] ?? 0) & END) !== 0;
}

/** {@link isUnbreakablePair} for UTF-16 code units. */
export function isUnbreakablePairCode(before: number, after: number): boolean {
  return before === after && ((FLAGS[before] ?? 0) & DOUBLE) !== 0;
}

/** True when a line may not begin with `char` (one code point). */
export function isLineStartProhibited(char: string): boolean {
  return char.length === 1 && isLineStartProhibitedCode(char.charCodeAt(0));
}

/** True when a line may not end with `char` (one code point). */
export function isLineEndProhibited(char: string): boolean {
  return char.length === 1 && isLineEndProhibitedCode(char.charCodeAt(0));
}

/** True when a break between `before` and `after` would split `——`, `……` or `⋯⋯`. */
export function isUnbreakablePair(before: string, after: string): boolean {
  return (
    before.length === 1 &&
    after.length === 1 &&
    isUnbreakablePairCode(before.charCodeAt(0), after.charCodeAt(0))
  );
}

/**
 * True for East Asian characters in the sense of UAX #14 LB19a (Unicode 15.1): Han, kana, Hangul,
 * CJK punctuation and the full-width forms. Around them, curly quotes may break like brackets do.
 */
export function isEastAsian(codePoint: number): boolean {
  return (
    (codePoint >= 0x2e80 && codePoint <= 0x9fff) ||
    (codePoint >= 0xac00 && codePoint <= 0xd7af) ||
    (codePoint >= 0xf900 && codePoint <= 0xfaff) ||
    (codePoint >= 0xfe30 && codePoint <= 0xfe4f) ||
    (codePoint >= 0xff00 && codePoint <= 0xffef) ||
    (codePoint >= 0x20000 && codePoint <= 0x3ffff)
  );
}

/** True when `text` starts with a character that makes it a Chinese (or Japanese) paragraph. */
export function startsWithCjk(text: string): boolean {
  const cp = text.codePointAt(0);
  return cp !== undefined && isEastAsian(cp);
}

/**
 * True when `text` reads as a Chinese (or Japanese) paragraph: its first letter, after any opening
 * quotes, brackets or other punctuation, is East Asian. Such paragraphs get the customary indent.
 */
export function isChineseParagraph(text: string): boolean {
  // Within the first 40 code units (searched in place: no copy of the start per paragraph, and no
  // match object either).
  const index = text.search(LETTER);
  if (index === -1 || index >= 40) return false;
  const cp = text.codePointAt(index);
  return cp !== undefined && isEastAsian(cp);
}

const LETTER = /[^\p{P}\p{S}\p{Z}\s]/u;
