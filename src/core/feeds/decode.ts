// Bytes → text for feeds and HTML pages: BOM, then the HTTP charset, then the document's own
// declaration, then UTF-8 when valid, then a sniffed guess. Pure. Decoding is the WHATWG Encoding
// Standard's (TextDecoder, ICU in Node's default full-icu build), plus UTF-32 written out here.
import { isUtf8 } from 'node:buffer';

export interface Decoded {
  readonly text: string;
  /** The charset used, as the Encoding Standard names it (utf-8, gb18030, big5, utf-16le …). */
  readonly charset: string;
  /** How the charset was chosen. */
  readonly source: 'bom' | 'http' | 'declaration' | 'utf-8' | 'sniffed';
}

/**
 * Maps a charset label to the decoder we use: GBK/GB2312 as GB18030 (their superset, as browsers do),
 * Big5 and CP950 as the Encoding Standard's big5 (CP950 with HKSCS in the ranges CP950 leaves
 * unassigned; it decodes every real Big5 feed in the corpus exactly as CP950 does and never
 * rejects one). Returns null for labels no decoder supports.
 */
export function canonicalCharset(label: string): string | null {
  const name = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (
    /^(gb2312|gbk|x-gbk|cp936|ms936|windows-936|euc-cn|gb_2312-80|gb18030|csgb2312|chinese|iso-ir-58)$/.test(
      name,
    )
  ) {
    return 'gb18030';
  }
  if (/^(big5|big-5|big5-hkscs|cn-big5|x-x-big5|csbig5|cp950|ms950|windows-950)$/.test(name))
    return 'big5';
  if (name === 'utf8' || name === 'utf-8' || name === 'unicode-1-1-utf-8') return 'utf-8';
  if (name === 'us-ascii' || name === 'ascii' || name === 'iso-8859-1' || name === 'latin1')
    return 'windows-1252';
  if (name === 'utf-16' || name === 'unicode') return 'utf-16le';
  if (name === 'utf-32' || name === 'utf-32le' || name === 'ucs-4') return 'utf-32le';
  if (name === 'utf-32be') return 'utf-32be';
  return supportedEncoding(name);
}

/** The Encoding Standard name for a label TextDecoder supports, else null. */
function supportedEncoding(label: string): string | null {
  try {
    const { encoding } = new TextDecoder(label);
    // The "replacement" encoding (ISO-2022-KR, HZ …) decodes a whole document to one U+FFFD.
    return encoding === 'replacement' ? null : encoding;
  } catch {
    return null;
  }
}

function bomCharset(bytes: Uint8Array): { charset: string; length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return { charset: 'utf-8', length: 3 };
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { charset: 'utf-32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { charset: 'utf-32be', length: 4 };
  if (a === 0xfe && b === 0xff) return { charset: 'utf-16be', length: 2 };
  if (a === 0xff && b === 0xfe) return { charset: 'utf-16le', length: 2 };
  return null;
}

/** UTF-16/32 without a BOM, recognised by the zero bytes around the first `<`. */
function sniffWideCharset(bytes: Uint8Array): string | null {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0 && c === 0 && d === 0) return 'utf-32le';
  if (a === 0 && b === 0 && c === 0 && d === 0x3c) return 'utf-32be';
  if (a === 0x3c && b === 0 && c !== 0) return 'utf-16le';
  if (a === 0 && b === 0x3c) return 'utf-16be';
  return null;
}

/** The `charset=` parameter of a Content-Type header, quotes removed. */
export function headerCharset(contentType: string | null): string | null {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*("([^"]*)"|'([^']*)'|[^;\s]+)/i.exec(contentType);
  if (match === null) return null;
  return (match[2] ?? match[3] ?? match[1] ?? '').trim() || null;
}

function headText(bytes: Uint8Array, limit: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, limit)).toString(
    'latin1',
  );
}

/** The encoding named in the XML declaration. */
export function xmlDeclarationCharset(bytes: Uint8Array): string | null {
  const match = /^\s*<\?xml[^>]*?\bencoding\s*=\s*["']([^"']+)["']/i.exec(headText(bytes, 1024));
  return match?.[1] ?? null;
}

/** The charset an HTML page declares in `<meta charset>` or `<meta http-equiv content>`. */
export function htmlMetaCharset(bytes: Uint8Array): string | null {
  const head = headText(bytes, 4096);
  const direct = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  return direct?.[1] ?? xmlDeclarationCharset(bytes);
}

/** True when the bytes are valid UTF-8. */
export function isValidUtf8(bytes: Uint8Array): boolean {
  return isUtf8(bytes);
}

/** UTF-32 (no TextDecoder for it): invalid code points become U+FFFD; a leading BOM is dropped. */
function decodeUtf32(bytes: Uint8Array, isLittleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let codes: number[] = [];
  const count = Math.floor(bytes.byteLength / 4);
  for (let i = 0; i < count; i += 1) {
    const cp = view.getUint32(i * 4, isLittleEndian);
    if (i === 0 && cp === 0xfeff) continue;
    codes.push(cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) ? 0xfffd : cp);
    if (codes.length === 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
  }
  if (codes.length > 0) parts.push(String.fromCodePoint(...codes));
  if (bytes.byteLength % 4 !== 0) parts.push('\ufffd');
  return parts.join('');
}

const decoders = new Map<string, TextDecoder>();

/** Decodes with a named charset; a leading BOM is dropped, malformed bytes become U+FFFD. */
function decodeWith(bytes: Uint8Array, charset: string): string {
  if (charset === 'utf-32le' || charset === 'utf-32be') {
    return decodeUtf32(bytes, charset === 'utf-32le');
  }
  let decoder = decoders.get(charset);
  if (decoder === undefined) {
    decoder = new TextDecoder(charset);
    decoders.set(charset, decoder);
  }
  return decoder.decode(bytes);
}

/** How plausible decoded text is: replacement characters and C1 controls are strong evidence against. */
function implausibility(text: string): number {
  let bad = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp === 0xfffd) bad += 10;
    else if (cp >= 0x80 && cp <= 0x9f) bad += 5;
    else if (cp >= 0xe000 && cp <= 0xf8ff) bad += 3; // private use: GB18030/Big5 holes
  }
  return bad;
}

/**
 * Guesses the charset of bytes that are not UTF-8 and declare nothing: tries the Chinese
 * encodings first (the reader's main audience), then Japanese, Korean and Windows-1252,
 * keeping the decoding with the least evidence of being wrong.
 */
export function sniffCharset(bytes: Uint8Array): string {
  const sample = bytes.subarray(0, 64 * 1024);
  let best = 'gb18030';
  let bestScore = Number.POSITIVE_INFINITY;
  for (const charset of ['gb18030', 'big5', 'shift_jis', 'euc-jp', 'euc-kr', 'windows-1252']) {
    const score = implausibility(decodeWith(sample, charset));
    if (score < bestScore) {
      best = charset;
      bestScore = score;
    }
    if (score === 0) break;
  }
  return best;
}

function decodeBytes(
  bytes: Uint8Array,
  contentType: string | null,
  declared: (bytes: Uint8Array) => string | null,
  trustsValidUtf8: boolean,
): Decoded {
  const bom = bomCharset(bytes);
  if (bom !== null)
    return { text: decodeWith(bytes, bom.charset), charset: bom.charset, source: 'bom' };

  const wide = sniffWideCharset(bytes);
  const fromHeader = headerCharset(contentType);
  const headerName = fromHeader === null ? null : canonicalCharset(fromHeader);
  const declaredLabel = wide === null ? declared(bytes) : null;
  const declaredName = wide ?? (declaredLabel === null ? null : canonicalCharset(declaredLabel));
  // Decoded once: the UTF-8 reading is both the validity test and, usually, the answer.
  const utf8 = wide === null ? tryUtf8(bytes) : null;
  // A page declared in a legacy charset whose bytes are valid, non-ASCII UTF-8 was re-saved by
  // a browser or CMS: real Chinese portals do this. UTF-8 is then the right reading.
  const isResaved = utf8 !== null && trustsValidUtf8 && /[^\x00-\x7f]/.test(utf8);

  if (headerName !== null) {
    // Servers often label everything UTF-8; when the bytes say otherwise, believe the document.
    const headerLies =
      headerName === 'utf-8' && utf8 === null && declaredName !== null && declaredName !== 'utf-8';
    if (!headerLies) {
      if (utf8 !== null && headerName === 'utf-8')
        return { text: utf8, charset: 'utf-8', source: 'http' };
      if (utf8 !== null && isResaved) return { text: utf8, charset: 'utf-8', source: 'utf-8' };
      return { text: decodeWith(bytes, headerName), charset: headerName, source: 'http' };
    }
  }
  if (declaredName !== null) {
    if (utf8 !== null && declaredName === 'utf-8') {
      return { text: utf8, charset: 'utf-8', source: 'declaration' };
    }
    if (utf8 !== null && isResaved) return { text: utf8, charset: 'utf-8', source: 'utf-8' };
    return { text: decodeWith(bytes, declaredName), charset: declaredName, source: 'declaration' };
  }
  if (utf8 !== null) return { text: utf8, charset: 'utf-8', source: 'utf-8' };
  const sniffed = sniffCharset(bytes);
  return { text: decodeWith(bytes, sniffed), charset: sniffed, source: 'sniffed' };
}

/**
 * The bytes read as UTF-8, or null when they are not valid UTF-8. `isUtf8` (simdutf) and
 * `toString` are several times faster than a fatal TextDecoder, which goes through ICU.
 */
function tryUtf8(bytes: Uint8Array): string | null {
  if (!isUtf8(bytes)) return null;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
}

/** Decodes feed bytes (XML): BOM, HTTP charset, XML declaration, UTF-8, sniffed. */
export function decodeFeedBytes(bytes: Uint8Array, contentType: string | null): Decoded {
  return decodeBytes(bytes, contentType, xmlDeclarationCharset, false);
}

/**
 * Decodes HTML page bytes: BOM, HTTP charset, `<meta charset>`, UTF-8, sniffed. When the declared
 * charset is a legacy one but the bytes are valid, non-ASCII UTF-8, the page was re-saved by a
 * browser or CMS (real Chinese portals do this) and UTF-8 is the right reading.
 */
export function decodeHtmlBytes(bytes: Uint8Array, contentType: string | null): Decoded {
  return decodeBytes(bytes, contentType, htmlMetaCharset, true);
}
