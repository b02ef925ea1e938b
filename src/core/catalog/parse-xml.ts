// A small, careful XML reader for OPML: elements, attributes, text, comments, CDATA, a doctype.
// Pure; no I/O. Every problem is reported with its line and column, so a broken file can be fixed.
// Not a general XML parser: no DTD entity expansion (which also rules out entity bombs and XXE).

/** An element of the tree: its name, attributes (entities decoded) and child elements. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: readonly XmlElement[];
  /** The element's own text content (direct text and CDATA children), entities decoded. */
  readonly text: string;
  /** 1-based line where the start tag begins. */
  readonly line: number;
}

/** A document that is not well-formed XML; `line` and `column` are 1-based. */
export class XmlError extends Error {
  override readonly name = 'XmlError';
  constructor(
    readonly problem: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${problem}`);
  }
}

/**
 * Named entities beyond XML's five that hand-written OPML files use anyway. Decoding them is
 * kinder than rejecting the file; anything else unknown is an error.
 */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  copy: '©',
  reg: '®',
  trade: '™',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  laquo: '«',
  raquo: '»',
  middot: '·',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  szlig: 'ß',
};

const NAME_START = /[A-Za-z_:\u00c0-\uffff]/u;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/u;

interface MutableElement {
  name: string;
  attributes: Map<string, string>;
  children: MutableElement[];
  text: string;
  line: number;
}

/** Parses `text` into its root element. Throws {@link XmlError} naming the first problem. */
export function parseXml(text: string): XmlElement {
  const source = text.replace(/^\uFEFF/, '');
  let pos = 0;

  const lineStarts: number[] = [0];
  for (let i = 0; i < source.length; i += 1)
    if (source.charCodeAt(i) === 10) lineStarts.push(i + 1);
  const locate = (offset: number): { line: number; column: number } => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
  const fail = (problem: string, at: number = pos): never => {
    const { line, column } = locate(at);
    throw new XmlError(problem, line, column);
  };

  const decodeEntities = (raw: string, start: number): string =>
    raw.replace(/&([^;&\s<]{0,32});?/g, (match, body: string, offset: number) => {
      const at = start + offset;
      if (!match.endsWith(';')) {
        // A bare "&" (common in hand-edited URLs: "?a=1&b=2") is kept as text.
        return match;
      }
      if (body.startsWith('#')) {
        const isHex = body[1] === 'x' || body[1] === 'X';
        const digits = isHex ? body.slice(2) : body.slice(1);
        const cp = isHex ? Number.parseInt(digits, 16) : Number.parseInt(digits, 10);
        if (!/^[0-9a-fA-F]+$/.test(digits) || !Number.isFinite(cp) || cp < 1 || cp > 0x10ffff) {
          return fail(`invalid character reference "${match}"`, at);
        }
        return String.fromCodePoint(cp);
      }
      const named = NAMED_ENTITIES[body];
      if (named === undefined) return fail(`unknown entity "${match}"`, at);
      return named;
    });

  const skipSpace = (): void => {
    while (pos < source.length && /\s/.test(source[pos] ?? '')) pos += 1;
  };
  const readName = (): string => {
    const start = pos;
    if (!NAME_START.test(source[pos] ?? ''))
      fail(`expected a name, found ${describe(source[pos])}`);
    while (pos < source.length && NAME_CHAR.test(source[pos] ?? '')) pos += 1;
    return source.slice(start, pos);
  };
  const skipUntil = (terminator: string, what: string): void => {
    const end = source.indexOf(terminator, pos);
    if (end < 0) fail(`unterminated ${what}`);
    pos = end + terminator.length;
  };
  /** Comments, processing instructions and a doctype, which may appear between elements. */
  const skipMisc = (): boolean => {
    if (source.startsWith('<!--', pos)) {
      pos += 4;
      skipUntil('-->', 'comment');
      return true;
    }
    if (source.startsWith('<?', pos)) {
      pos += 2;
      skipUntil('?>', 'processing instruction');
      return true;
    }
    if (source.startsWith('<!DOCTYPE', pos) || source.startsWith('<!doctype', pos)) {
      // Skip the doctype, including an internal subset in brackets. Its entities are not expanded.
      let depth = 0;
      for (pos += 9; pos < source.length; pos += 1) {
        const ch = source[pos];
        if (ch === '[') depth += 1;
        else if (ch === ']') depth -= 1;
        else if (ch === '>' && depth <= 0) break;
      }
      if (pos >= source.length) fail('unterminated doctype');
      pos += 1;
      return true;
    }
    return false;
  };

  const readElement = (): MutableElement => {
    const start = pos;
    pos += 1; // '<'
    const name = readName();
    const element: MutableElement = {
      name,
      attributes: new Map(),
      children: [],
      text: '',
      line: locate(start).line,
    };
    for (;;) {
      const beforeSpace = pos;
      skipSpace();
      const ch = source[pos];
      if (ch === undefined) fail(`unterminated start tag <${name}>`, start);
      if (ch === '/') {
        if (source[pos + 1] !== '>') fail(`expected ">" after "/" in <${name}>`);
        pos += 2;
        return element;
      }
      if (ch === '>') {
        pos += 1;
        break;
      }
      if (pos === beforeSpace) fail(`expected a space between attributes of <${name}>`);
      const attrStart = pos;
      const attrName = readName();
      skipSpace();
      if (source[pos] !== '=') fail(`attribute "${attrName}" of <${name}> has no value`);
      pos += 1;
      skipSpace();
      const quote = source[pos];
      if (quote !== '"' && quote !== "'") fail(`value of attribute "${attrName}" must be quoted`);
      const valueStart = pos + 1;
      const valueEnd = source.indexOf(quote as string, valueStart);
      if (valueEnd < 0) fail(`unterminated value of attribute "${attrName}"`, attrStart);
      const raw = source.slice(valueStart, valueEnd);
      const lt = raw.indexOf('<');
      if (lt >= 0)
        fail(`"<" inside the value of attribute "${attrName}" (write &lt;)`, valueStart + lt);
      if (element.attributes.has(attrName))
        fail(`duplicate attribute "${attrName}" in <${name}>`, attrStart);
      // Attribute-value normalization: literal newlines and tabs become spaces.
      element.attributes.set(attrName, decodeEntities(raw, valueStart).replace(/[\t\n\r]/g, ' '));
      pos = valueEnd + 1;
    }
    // Content.
    for (;;) {
      if (pos >= source.length) fail(`<${name}> is never closed`, start);
      if (source.startsWith('</', pos)) {
        const closeStart = pos;
        pos += 2;
        const closeName = readName();
        skipSpace();
        if (source[pos] !== '>') fail(`expected ">" to end </${closeName}>`);
        pos += 1;
        if (closeName !== name) {
          const opened = locate(start);
          fail(
            `</${closeName}> does not match <${name}> opened on line ${opened.line}`,
            closeStart,
          );
        }
        return element;
      }
      if (source.startsWith('<![CDATA[', pos)) {
        const end = source.indexOf(']]>', pos + 9);
        if (end < 0) fail('unterminated CDATA section');
        element.text += source.slice(pos + 9, end);
        pos = end + 3;
        continue;
      }
      if (source.startsWith('<!--', pos) || source.startsWith('<?', pos)) {
        skipMisc();
        continue;
      }
      if (source[pos] === '<') {
        element.children.push(readElement());
        continue;
      }
      const next = source.indexOf('<', pos);
      const end = next < 0 ? source.length : next;
      element.text += decodeEntities(source.slice(pos, end), pos);
      pos = end;
    }
  };

  for (;;) {
    skipSpace();
    if (pos >= source.length) fail('the file holds no XML element');
    if (skipMisc()) continue;
    if (source[pos] !== '<') fail(`text before the first element: ${describe(source[pos])}`);
    break;
  }
  const root = readElement();
  for (;;) {
    skipSpace();
    if (pos >= source.length) break;
    if (skipMisc()) continue;
    fail(`content after the end of <${root.name}>`);
  }
  return root;
}

function describe(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  return JSON.stringify(ch);
}
