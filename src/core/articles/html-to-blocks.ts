// HTML → blocks: walks a linkedom DOM and keeps what a reader wants (headings, paragraphs, lists,
// quotes, code, tables, images as placeholders, captions, rules; links as numbered references).
// Scripts, styles, forms, navigation, ads, comments and page-number bars never come through, and
// every string passes sanitizeText. Pure: parses strings, never fetches.
import { parseHTML } from 'linkedom';
import { sanitizeHtml, sanitizeText } from '../feeds/sanitize.js';
import type { Block, ListItem } from './blocks.js';

/** Options for {@link htmlToBlocks}. */
export interface HtmlToBlocksOptions {
  /** The page's URL: relative links and image sources resolve against it. @default null */
  readonly baseUrl?: string | null;
  /**
   * Link numbering shared across calls (the pages of one article): URLs already listed keep their
   * number, new ones are appended. The array is extended in place. @default a fresh list
   */
  readonly links?: string[];
  /** The number the first image gets. @default 1 */
  readonly firstImageIndex?: number;
}

/** What {@link htmlToBlocks} produces. */
export interface BlocksResult {
  readonly blocks: Block[];
  /** All numbered links so far: `[n]` in the text is `links[n - 1]`. */
  readonly links: string[];
  /** How many images these blocks hold. */
  readonly imageCount: number;
}

type DomNode = {
  readonly nodeType: number;
  readonly nodeValue: string | null;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly localName?: string;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
};
type DomElement = DomNode & {
  readonly localName: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
};

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const DROPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'option',
  'label',
  'nav',
  'aside',
  'footer',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'canvas',
  'audio',
  'video',
  'source',
  'track',
  'map',
  'head',
  'title',
  'meta',
  'link',
  'base',
  'dialog',
  'menu',
  'param',
  'picture-source',
]);

const INLINE = new Set([
  'span',
  'strong',
  'b',
  'em',
  'i',
  'u',
  'code',
  'small',
  'big',
  'sup',
  'sub',
  'font',
  'abbr',
  'acronym',
  'cite',
  'q',
  'mark',
  'time',
  's',
  'strike',
  'del',
  'ins',
  'var',
  'kbd',
  'samp',
  'tt',
  'bdi',
  'bdo',
  'dfn',
  'data',
  'ruby',
  'rb',
  'rt',
  'rp',
  'nobr',
  'picture',
]);

const HEADINGS: Readonly<Record<string, number>> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };

/** Class or id tokens of ads, comment threads, share bars and "related" boxes. */
const NOISE_TOKEN =
  /^(ad|ads|adv|advert|adverts|advertisement|advertising|adsbygoogle|adbox|adsense|banner-ad|sponsor|sponsored|promo|promotion|comment|comments|commentlist|disqus|share|sharing|sharebar|social|related|recommend|recommended|newsletter|subscribe|paywall|cookie|cookies)$/i;

/** A bar of page links: numbers, 上一页/下一页, arrows, "Next". */
const PAGE_NAV =
  /^(?:\s*(?:上一页|下一页|上一頁|下一頁|上页|下页|首页|尾页|末页|第?\s*\d{1,3}\s*页?|\d{1,3}|[‹›«»<>…]|previous|next|prev|first|last|全文|单页阅读|阅读全文)\s*)+$/i;

function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT;
}

function isHidden(element: DomElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style');
  return style !== null && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

function isNoise(element: DomElement): boolean {
  const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
  if (names.trim() === '') return false;
  return names.split(/[\s_-]+/).some((token) => NOISE_TOKEN.test(token));
}

function hasDirectLink(element: DomElement): boolean {
  const children = element.childNodes;
  for (let i = 0; i < children.length; i += 1) {
    const child = children[i] as DomNode;
    if (child.nodeType === ELEMENT && child.localName === 'a') return true;
  }
  return false;
}

function isCentered(element: DomElement): boolean {
  const align = element.getAttribute('align');
  if (align !== null && align.toLowerCase() === 'center') return true;
  const style = element.getAttribute('style');
  return style !== null && /text-align\s*:\s*center/i.test(style);
}

function isCjkCode(code: number): boolean {
  return (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef)
  );
}

/**
 * HTML whitespace collapsing: runs of spaces, tabs and newlines become one space, except that a
 * line break between two Chinese characters disappears (as CSS Text 3 does for segment breaks).
 */
function collapseWhitespace(text: string): string {
  return text.replace(/[ \t\n\r\f]+/g, (run: string, offset: number, whole: string) => {
    if (run.includes('\n') && offset > 0) {
      const before = whole.charCodeAt(offset - 1);
      const after = whole.charCodeAt(offset + run.length);
      if (isCjkCode(before) && isCjkCode(after)) return '';
    }
    return ' ';
  });
}

const LEADING_SPACE = /^[\s\u3000\u00a0\u200b]+/;
const TRAILING_SPACE = /[\s\u3000\u00a0\u200b]+$/;

/** Strips the edges of a line, including ideographic and no-break spaces used as indents. */
function trimLine(text: string): string {
  return text.replace(LEADING_SPACE, '').replace(TRAILING_SPACE, '');
}

const CAPTION_HINT =
  /^(?:图为|图注|图：|图片：|photo:|image:)|(?:摄|供图|资料图[）)]?|图片来源[:：].*|\(photo[^)]*\))$/i;

/**
 * True when a paragraph right after an image reads as its caption: short and one line, and either
 * centred, marked as a caption (图为…, …摄, （资料图）), or not a sentence (no closing stop).
 */
function isCaption(text: string, isCentredText: boolean): boolean {
  if (text.includes('\n') || Array.from(text).length > 80) return false;
  if (isCentredText || CAPTION_HINT.test(text)) return true;
  return Array.from(text).length <= 40 && !/[。！？.!?:：]["”’」』]?$/.test(text);
}

/** A line break marker inside the inline buffer (from `<br>`). */
const BR = { br: true } as const;
type InlinePart = string | typeof BR;

class InlineBuffer {
  parts: InlinePart[] = [];

  add(text: string): void {
    this.parts.push(text);
  }

  lineBreak(): void {
    this.parts.push(BR);
  }

  /** Length of the text added so far (for measuring what a link contributed). */
  mark(): number {
    return this.parts.length;
  }

  textSince(mark: number): string {
    return this.parts
      .slice(mark)
      .map((part) => (typeof part === 'string' ? part : ' '))
      .join('');
  }

  /**
   * Empties the buffer into paragraph texts. `<br>` keeps a line break inside the paragraph; an
   * empty line (`<br><br>`) or a line indented with ideographic or no-break spaces starts a new
   * paragraph, as Chinese feeds lay paragraphs out that way.
   */
  take(): string[] {
    const lines: { text: string; isIndented: boolean }[] = [];
    let current = '';
    const pushLine = (): void => {
      const collapsed = sanitizeText(collapseWhitespace(current));
      lines.push({
        text: trimLine(collapsed),
        isIndented: /^[ \t\n\r\f]*[\u3000\u00a0]{2}/.test(current),
      });
      current = '';
    };
    for (const part of this.parts) {
      if (typeof part === 'string') current += part;
      else pushLine();
    }
    pushLine();
    this.parts = [];
    const paragraphs: string[] = [];
    let paragraph: string[] = [];
    const endParagraph = (): void => {
      if (paragraph.length > 0) paragraphs.push(paragraph.join('\n'));
      paragraph = [];
    };
    for (const line of lines) {
      if (line.text === '') {
        endParagraph();
        continue;
      }
      if (line.isIndented) endParagraph();
      paragraph.push(line.text);
    }
    endParagraph();
    return paragraphs;
  }
}

class Converter {
  private readonly links: string[];
  private readonly linkNumbers = new Map<string, number>();
  private imageIndex: number;
  private readonly firstImageIndex: number;
  private readonly base: URL | null;

  constructor(options: HtmlToBlocksOptions) {
    this.links = options.links ?? [];
    this.links.forEach((url, i) => this.linkNumbers.set(url, i + 1));
    this.firstImageIndex = options.firstImageIndex ?? 1;
    this.imageIndex = this.firstImageIndex;
    let base: URL | null = null;
    if (options.baseUrl) {
      try {
        base = new URL(options.baseUrl);
      } catch {
        base = null;
      }
    }
    this.base = base;
  }

  result(blocks: Block[]): BlocksResult {
    return { blocks, links: this.links, imageCount: this.imageIndex - this.firstImageIndex };
  }

  private resolve(href: string | null): URL | null {
    if (href === null || href.trim() === '') return null;
    try {
      return this.base === null ? new URL(href.trim()) : new URL(href.trim(), this.base);
    } catch {
      return null;
    }
  }

  private linkNumber(url: string): number {
    let n = this.linkNumbers.get(url);
    if (n === undefined) {
      this.links.push(url);
      n = this.links.length;
      this.linkNumbers.set(url, n);
    }
    return n;
  }

  private flush(buffer: InlineBuffer, out: Block[], container: DomElement | null): void {
    for (const text of buffer.take()) {
      const previous = out[out.length - 1];
      if (
        previous?.type === 'image' &&
        isCaption(text, container !== null && isCentered(container))
      ) {
        out.push({ type: 'caption', text });
      } else {
        out.push({ type: 'paragraph', text });
      }
    }
  }

  /** Walks the children of `parent` in block context, appending blocks to `out`. */
  walk(parent: DomNode, out: Block[], buffer: InlineBuffer, container: DomElement | null): void {
    const children = parent.childNodes;
    for (let i = 0; i < children.length; i += 1) {
      const node = children[i] as DomNode;
      if (node.nodeType === TEXT || node.nodeType === CDATA) {
        buffer.add(node.nodeValue ?? '');
        continue;
      }
      if (!isElement(node)) continue;
      this.element(node, out, buffer, container);
    }
  }

  private element(
    element: DomElement,
    out: Block[],
    buffer: InlineBuffer,
    container: DomElement | null,
  ): void {
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag) || isHidden(element) || isNoise(element)) return;
    if (tag === 'br') {
      buffer.lineBreak();
      return;
    }
    if (tag === 'wbr') return;
    if (tag === 'a') {
      this.anchor(element, out, buffer, container);
      return;
    }
    if (INLINE.has(tag)) {
      if (tag === 'rt' || tag === 'rp') return;
      this.walk(element, out, buffer, container);
      return;
    }
    if (tag === 'img') {
      this.flush(buffer, out, container);
      this.image(element, out);
      return;
    }
    if (hasDirectLink(element) && PAGE_NAV.test(element.textContent ?? '')) return;
    this.flush(buffer, out, container);
    const level = HEADINGS[tag];
    if (level !== undefined) {
      const text = this.inlineText(element);
      if (text !== '') out.push({ type: 'heading', level, text });
      return;
    }
    switch (tag) {
      case 'ul':
      case 'ol':
        this.list(element, tag === 'ol', out);
        return;
      case 'blockquote': {
        const blocks = this.blocksOf(element);
        if (blocks.length > 0) out.push({ type: 'quote', blocks });
        return;
      }
      case 'pre': {
        const text = sanitizeText(element.textContent ?? '')
          .replace(/\u00a0/g, ' ')
          .replace(/^\n+|\s+$/g, '');
        if (text !== '') out.push({ type: 'code', text });
        return;
      }
      case 'table':
        this.table(element, out);
        return;
      case 'figcaption': {
        const text = this.inlineText(element);
        if (text !== '') out.push({ type: 'caption', text });
        return;
      }
      case 'hr':
        out.push({ type: 'rule' });
        return;
      default: {
        const inner = new InlineBuffer();
        this.walk(element, out, inner, element);
        this.flush(inner, out, element);
      }
    }
  }

  private anchor(
    element: DomElement,
    out: Block[],
    buffer: InlineBuffer,
    container: DomElement | null,
  ): void {
    const url = this.resolve(element.getAttribute('href'));
    const mark = buffer.mark();
    this.walk(element, out, buffer, container);
    if (url === null || (url.protocol !== 'http:' && url.protocol !== 'https:')) return;
    if (this.base !== null && url.href.split('#')[0] === this.base.href.split('#')[0]) return;
    const text = collapseWhitespace(buffer.textSince(mark)).trim();
    if (text === '') return;
    const bare = url.href.replace(/^https?:\/\//, '').replace(/\/$/, '');
    const shown = text.replace(/^https?:\/\//, '').replace(/\/$/, '');
    if (shown === bare) return;
    buffer.add(`[${this.linkNumber(sanitizeText(url.href))}]`);
  }

  private image(element: DomElement, out: Block[]): void {
    const rawSrc =
      element.getAttribute('data-src') ??
      element.getAttribute('data-original') ??
      element.getAttribute('src');
    const width = Number(element.getAttribute('width'));
    const height = Number(element.getAttribute('height'));
    if ((width > 0 && width <= 2) || (height > 0 && height <= 2)) return;
    if (
      rawSrc !== null &&
      /(?:pixel|spacer|blank\.gif|beacon|tracker|\/stat\?|feedburner\.com\/~r)/i.test(rawSrc)
    )
      return;
    const alt = trimLine(
      sanitizeText(
        collapseWhitespace(element.getAttribute('alt') ?? element.getAttribute('title') ?? ''),
      ),
    );
    const url = this.resolve(rawSrc);
    const src = url === null || url.protocol === 'data:' ? null : sanitizeText(url.href);
    if (src === null && alt === '') return;
    out.push({ type: 'image', index: this.imageIndex, alt, src });
    this.imageIndex += 1;
  }

  /** The text of an element flattened to one paragraph (headings, cells, captions). */
  private inlineText(element: DomElement): string {
    const blocks: Block[] = [];
    const buffer = new InlineBuffer();
    this.walk(element, blocks, buffer, null);
    this.flush(buffer, blocks, null);
    return blocks
      .map((block) => ('text' in block ? block.text : ''))
      .filter((text) => text !== '')
      .join(' ');
  }

  private blocksOf(element: DomElement): Block[] {
    const blocks: Block[] = [];
    const buffer = new InlineBuffer();
    this.walk(element, blocks, buffer, element);
    this.flush(buffer, blocks, element);
    return blocks;
  }

  private list(element: DomElement, isOrdered: boolean, out: Block[]): void {
    const items: ListItem[] = [];
    const children = element.childNodes;
    for (let i = 0; i < children.length; i += 1) {
      const child = children[i] as DomNode;
      if (!isElement(child)) continue;
      const tag = child.localName.toLowerCase();
      if (DROPPED.has(tag) || isHidden(child) || isNoise(child)) continue;
      if (tag === 'ul' || tag === 'ol') {
        // A nested list directly inside a list belongs to the previous item.
        const nested: Block[] = [];
        this.list(child, tag === 'ol', nested);
        const last = items.pop();
        items.push(
          last === undefined
            ? { text: '', children: nested }
            : { ...last, children: [...last.children, ...nested] },
        );
        continue;
      }
      const blocks = this.blocksOf(child);
      const first = blocks[0];
      if (first?.type === 'paragraph') items.push({ text: first.text, children: blocks.slice(1) });
      else if (blocks.length > 0) items.push({ text: '', children: blocks });
    }
    if (items.length > 0) out.push({ type: 'list', ordered: isOrdered, items });
  }

  private rowsOf(table: DomElement): { cells: DomElement[]; isHeader: boolean }[] {
    const rows: { cells: DomElement[]; isHeader: boolean }[] = [];
    const visit = (node: DomNode, inHead: boolean): void => {
      const children = node.childNodes;
      for (let i = 0; i < children.length; i += 1) {
        const child = children[i] as DomNode;
        if (!isElement(child)) continue;
        const tag = child.localName.toLowerCase();
        if (tag === 'thead' || tag === 'tbody' || tag === 'tfoot') visit(child, tag === 'thead');
        else if (tag === 'tr') {
          const cells: DomElement[] = [];
          const cellNodes = child.childNodes;
          for (let j = 0; j < cellNodes.length; j += 1) {
            const cell = cellNodes[j] as DomNode;
            if (isElement(cell) && (cell.localName === 'td' || cell.localName === 'th'))
              cells.push(cell);
          }
          const isHeader =
            inHead || (cells.length > 0 && cells.every((cell) => cell.localName === 'th'));
          rows.push({ cells, isHeader });
        }
      }
    };
    visit(table, false);
    return rows;
  }

  /** A data table becomes a table block; a layout table (one column, nested blocks) is walked as content. */
  private table(element: DomElement, out: Block[]): void {
    const rows = this.rowsOf(element).filter((row) => row.cells.length > 0);
    const columns = Math.max(0, ...rows.map((row) => row.cells.length));
    const isLayout =
      rows.length === 0 ||
      columns < 2 ||
      rows.some((row) =>
        row.cells.some((cell) =>
          /<(?:table|p|div|img|ul|ol|h[1-6]|blockquote|pre)[\s>]/i.test(this.innerHtml(cell)),
        ),
      );
    if (isLayout) {
      for (const row of rows) {
        for (const cell of row.cells) {
          const inner = new InlineBuffer();
          this.walk(cell, out, inner, cell);
          this.flush(inner, out, cell);
        }
      }
      return;
    }
    const texts = rows.map((row) => {
      const cells: string[] = [];
      for (const cell of row.cells) {
        cells.push(this.inlineText(cell).replace(/\n/g, ' '));
        const span = Math.min(Number(cell.getAttribute('colspan')) || 1, 20);
        for (let k = 1; k < span; k += 1) cells.push('');
      }
      return cells;
    });
    const width = Math.max(...texts.map((cells) => cells.length));
    const padded = texts.map((cells) => [
      ...cells,
      ...Array<string>(width - cells.length).fill(''),
    ]);
    const first = rows[0];
    const hasHeader = first?.isHeader === true;
    const body = (hasHeader ? padded.slice(1) : padded).filter((cells) =>
      cells.some((text) => text !== ''),
    );
    out.push({ type: 'table', header: hasHeader ? (padded[0] ?? null) : null, rows: body });
  }

  private innerHtml(element: DomElement): string {
    return (element as unknown as { innerHTML: string }).innerHTML;
  }
}

/** Parses an HTML string with linkedom; a fragment is wrapped so it has a body. */
export function parseHtmlDocument(html: string): Document {
  const source = /<html[\s>]/i.test(html)
    ? html
    : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  return parseHTML(source).document as unknown as Document;
}

/** Converts an already-parsed element (a document's body, readability's article) into blocks. */
export function elementToBlocks(root: unknown, options: HtmlToBlocksOptions = {}): BlocksResult {
  const converter = new Converter(options);
  const blocks: Block[] = [];
  const buffer = new InlineBuffer();
  converter.walk(root as DomNode, blocks, buffer, null);
  for (const text of buffer.take()) blocks.push({ type: 'paragraph', text });
  return converter.result(blocks);
}

/**
 * Converts HTML (a feed item's content, or the extracted article) into blocks. Numeric character
 * references that would decode to control characters are removed first (see sanitizeHtml).
 */
export function htmlToBlocks(html: string, options: HtmlToBlocksOptions = {}): BlocksResult {
  const document = parseHtmlDocument(sanitizeHtml(html));
  const body =
    (document as unknown as { body: DomNode | null }).body ?? (document as unknown as DomNode);
  return elementToBlocks(body, options);
}

/** Kept here for existing callers; it lives in blocks-text.ts, which does not load linkedom. */
export { blocksToPlainText } from './blocks-text.js';
