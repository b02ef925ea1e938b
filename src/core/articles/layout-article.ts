// Lays an article's blocks out into terminal lines at a column width: wrapped by display width
// with the clreq rules, Chinese paragraph indents, list markers, quote bars, aligned tables,
// centred image placeholders and captions, and the numbered link list. Pure.
//
// Every line carries the text position of its first character, so a reader's place survives a
// re-layout (another 字号 preset, a resized terminal). Positions count UTF-16 units over the
// article's text units (each paragraph, heading, list item, table cell, link …) in document order,
// one extra for each unit's end; they do not depend on the width, so they are stable.
import type { Article } from './article.js';
import { articleLanguage, type ArticleLanguage } from './article-language.js';
import type { Block } from './blocks.js';
import { isChineseParagraph } from './clreq.js';
import { LineStore } from './line-store.js';
import { PreparedUnits } from './prepared-units.js';
import { displayWidth } from './text-metrics.js';
import { prepareText, wrapEach, wrapPrepared, type PreparedText } from './wrap-text.js';

/** What a line is, for styling and pagination. */
export type LineKind =
  | 'heading'
  | 'text'
  | 'list'
  | 'quote'
  | 'code'
  | 'table'
  | 'image'
  | 'caption'
  | 'rule'
  | 'link'
  | 'notice'
  | 'blank';

/** One laid-out line, ready to print: its display width never exceeds the layout width. */
export interface LayoutLine {
  readonly text: string;
  /** Display width of `text`. */
  readonly width: number;
  readonly kind: LineKind;
  /** Heading level (1–6) for `heading` lines. */
  readonly level?: number;
  /**
   * Text position of the line's first character. Blank and rule lines take the position of the
   * text that follows them, so positions never decrease down the lines.
   */
  readonly offset: number;
  /** Text position just after the line's last character (equal to `offset` for blank lines). */
  readonly end: number;
  /**
   * True when a page must not end with this line: a table's header row and its rule, an image
   * placeholder with its caption below. (Headings never end a page either, whatever this says.)
   */
  readonly keepWithNext?: boolean;
}

/** An article laid out at one width. */
export interface ArticleLayout {
  readonly width: number;
  /** The lines, stored compactly: pagination and the page shown read them from here. */
  readonly store: LineStore;
  /** Every line as an object, made on first use (a long article's lines are many objects). */
  readonly lines: readonly LayoutLine[];
  /** The label language used (`[图 1]` / `[Image 1]`). */
  readonly language: ArticleLanguage;
}

/** Options for {@link layoutArticle}. */
export interface LayoutOptions {
  /** The text column in terminal columns (at least {@link MIN_LAYOUT_WIDTH}). */
  readonly width: number;
  /** Blank lines between blocks. @default 1 */
  readonly paragraphGap?: number;
  /** Open Chinese paragraphs with two full-width spaces (`　　`). @default true */
  readonly indentChinese?: boolean;
  /** Count East Asian Ambiguous characters (`“ ” … — ·`) as 2 columns. @default false */
  readonly isAmbiguousWide?: boolean;
  /** Label language; detected from the text when absent. */
  readonly language?: ArticleLanguage;
  /** Append the numbered link list. @default true */
  readonly includeLinks?: boolean;
  /** Open with the article's notice (why the text is the feed's); off when a header shows it. @default true */
  readonly includeNotice?: boolean;
}

/** One table cell, prepared, with the text position of its start. */
interface TableCell {
  readonly text: string;
  readonly prepared: PreparedText;
  readonly base: number;
}

/** The narrowest column {@link layoutArticle} accepts. */
export const MIN_LAYOUT_WIDTH = 8;

const CHINESE_INDENT = '\u3000\u3000';
const NO_OPTIONS = {};
const BULLETS = ['•', '◦', '▪'];

/**
 * Prepared texts of an article, by layout options that change them, in unit order; `null` while
 * the article has been laid out only once with those options. The analysis is kept from the
 * second layout on (a preset change, a resize): an article read at one size never pays for
 * keeping a byte per character, and a long one laid out cold touches that much less fresh memory.
 */
const preparedCache = new WeakMap<Article, Map<string, PreparedUnits | null>>();

interface Context {
  /** Printed before every line (quote bars, list indents). */
  readonly lead: string;
  readonly leadWidth: number;
  /** Columns left for the content. */
  readonly width: number;
  readonly inQuote: boolean;
  readonly inList: boolean;
}

class Layouter {
  readonly store: LineStore;
  private position = 0;
  private unitIndex = 0;
  /** The lead of the next emitted line only (a list marker). */
  private pendingLead: { text: string; width: number } | null = null;

  constructor(
    private readonly prepared: PreparedUnits | null,
    private readonly isAmbiguousWide: boolean,
    private readonly gap: number,
    private readonly indentChinese: boolean,
    readonly language: ArticleLanguage,
    expectedLines: number,
  ) {
    this.store = new LineStore(expectedLines);
  }

  width(text: string): number {
    return displayWidth(text, this.isAmbiguousWide);
  }

  /**
   * The prepared form of the next text unit: from (or kept in) the article's cache when it keeps
   * one, else analysed afresh; with `isWrappedAtOnce`, into a buffer the next unit reuses (the unit
   * is wrapped before anything else is prepared).
   */
  private unit(text: string, indent = '', isWrappedAtOnce = false): PreparedText {
    const index = this.unitIndex;
    this.unitIndex += 1;
    if (this.prepared !== null) {
      return this.prepared.prepare(index, text, indent, this.isAmbiguousWide);
    }
    return prepareText(
      indent === '' ? text : indent + text,
      this.isAmbiguousWide,
      indent.length,
      isWrappedAtOnce,
    );
  }

  /** Reserves the positions of a unit of `length` UTF-16 units and returns its base. */
  private advance(length: number): number {
    const base = this.position;
    this.position += length + 1;
    return base;
  }

  /** A line of `pad` spaces and `texts[ref].slice(start, stop)` (of `width` columns) after the lead. */
  private emitSpan(
    ctx: Context,
    ref: number,
    start: number,
    stop: number,
    pad: number,
    width: number,
    kind: LineKind,
    offset: number,
    end: number,
    level = 0,
  ): void {
    const pending = this.pendingLead;
    this.pendingLead = null;
    const leadText = pending === null ? ctx.lead : pending.text;
    const leadWidth = pending === null ? ctx.leadWidth : pending.width;
    this.store.push(
      ref,
      start,
      stop,
      leadText,
      pad,
      leadWidth + pad + width,
      kind,
      offset,
      end,
      level,
    );
  }

  private emit(
    ctx: Context,
    text: string,
    width: number,
    kind: LineKind,
    offset: number,
    end: number,
  ): void {
    const ref = text === '' ? -1 : this.store.addText(text);
    this.emitSpan(ctx, ref, 0, text.length, 0, width, kind, offset, end);
  }

  /** Blank lines; they take the position of the text that follows (by default, the next unit). */
  blank(ctx: Context, count: number, offset = this.position): void {
    const text = ctx.lead === '' ? '' : ctx.lead.trimEnd();
    const width = text === '' ? 0 : this.width(text);
    for (let i = 0; i < count; i += 1) {
      this.store.push(-1, 0, 0, text, 0, width, 'blank', offset, offset);
    }
  }

  /** Wraps one text unit into lines of the context's width. */
  text(
    ctx: Context,
    text: string,
    kind: LineKind,
    options: { indent?: string; center?: boolean; level?: number } = NO_OPTIONS,
  ): void {
    const indent = options.indent ?? '';
    const prepared = this.unit(text, indent, true);
    const line = this.line;
    line.ctx = ctx;
    line.base = this.advance(text.length);
    line.isCentered = options.center === true;
    line.level = options.level ?? 0;
    line.kind = kind;
    line.ref = this.store.addText(text, indent);
    line.skip = indent.length;
    wrapEach(prepared, ctx.width, this.emitLine);
  }

  /** The unit being wrapped, for {@link emitLine} (one visitor for all units, not one each). */
  private readonly line = {
    ctx: { lead: '', leadWidth: 0, width: 0, inQuote: false, inList: false } as Context,
    base: 0,
    isCentered: false,
    level: 0,
    kind: 'text' as LineKind,
    ref: 0,
    skip: 0,
  };

  private readonly emitLine = (start: number, end: number, width: number): void => {
    const line = this.line;
    const pad = line.isCentered ? Math.floor((line.ctx.width - width) / 2) : 0;
    const offset = line.base + Math.max(0, start - line.skip);
    const lineEnd = line.base + Math.max(0, end - line.skip);
    this.emitSpan(
      line.ctx,
      line.ref,
      start,
      end,
      pad,
      width,
      line.kind,
      offset,
      lineEnd,
      line.level,
    );
  };

  blocks(blocks: readonly Block[], ctx: Context, gap: number): void {
    blocks.forEach((block, index) => {
      // A caption sits right under its image.
      const isCaptionOfImage = block.type === 'caption' && blocks[index - 1]?.type === 'image';
      if (index > 0 && gap > 0 && !isCaptionOfImage) this.blank(ctx, gap);
      this.block(block, ctx, block.type === 'image' && blocks[index + 1]?.type === 'caption');
    });
  }

  private nested(ctx: Context, lead: string): Context {
    const width = this.width(lead);
    // Deep nesting in a narrow column: stop indenting rather than starve the text.
    if (ctx.width - width < MIN_LAYOUT_WIDTH) return ctx;
    return {
      ...ctx,
      lead: ctx.lead + lead,
      leadWidth: ctx.leadWidth + width,
      width: ctx.width - width,
    };
  }

  /** Marks the lines from `first` on as not to end a page. */
  private keepWithNext(first: number): void {
    this.store.keepWithNextFrom(first);
  }

  private block(block: Block, ctx: Context, hasCaption = false): void {
    switch (block.type) {
      case 'heading':
        this.text(ctx, block.text, 'heading', { level: block.level });
        return;
      case 'paragraph': {
        const indent =
          this.indentChinese &&
          !ctx.inList &&
          isChineseParagraph(block.text) &&
          !block.text.startsWith('\u3000')
            ? CHINESE_INDENT
            : '';
        this.text(ctx, block.text, ctx.inQuote ? 'quote' : 'text', { indent });
        return;
      }
      case 'list':
        this.list(block, ctx, 0);
        return;
      case 'quote':
        this.blocks(block.blocks, { ...this.nested(ctx, '│ '), inQuote: true }, this.gap);
        return;
      case 'code':
        this.text(ctx, block.text, 'code');
        return;
      case 'table':
        this.table(block.header, block.rows, ctx);
        return;
      case 'image': {
        const first = this.store.length;
        const label = this.language === 'zh' ? `图 ${block.index}` : `Image ${block.index}`;
        this.text(ctx, block.alt === '' ? `[${label}]` : `[${label}: ${block.alt}]`, 'image', {
          center: true,
        });
        if (hasCaption) this.keepWithNext(first);
        return;
      }
      case 'caption':
        this.text(ctx, block.text, 'caption', { center: true });
        return;
      case 'rule': {
        const dash = this.width('─') === 1 ? '─' : '-';
        const length = Math.min(ctx.width, 24);
        const pad = Math.floor((ctx.width - length) / 2);
        this.advance(0);
        this.emit(
          ctx,
          ' '.repeat(pad) + dash.repeat(length),
          pad + length,
          'rule',
          this.position,
          this.position,
        );
        return;
      }
      default: {
        const exhaustive: never = block;
        return exhaustive;
      }
    }
  }

  private list(block: Extract<Block, { type: 'list' }>, ctx: Context, depth: number): void {
    const markers = block.items.map((_, index) =>
      block.ordered ? `${index + 1}. ` : `${BULLETS[Math.min(depth, BULLETS.length - 1)] ?? '•'} `,
    );
    const markerWidth = Math.max(...markers.map((marker) => this.width(marker)));
    block.items.forEach((item, index) => {
      const marker = markers[index] ?? '';
      const padded = ' '.repeat(markerWidth - this.width(marker)) + marker;
      const inner = this.nested(ctx, ' '.repeat(markerWidth));
      const isIndented = inner !== ctx;
      const itemCtx: Context = { ...inner, inList: true };
      if (isIndented)
        this.pendingLead = { text: ctx.lead + padded, width: ctx.leadWidth + markerWidth };
      if (item.text !== '' || item.children.length === 0) {
        this.text(itemCtx, item.text, 'list', { indent: isIndented ? '' : padded });
      }
      for (const child of item.children) {
        if (child.type === 'list') this.list(child, itemCtx, depth + 1);
        else this.block(child, itemCtx);
      }
      this.pendingLead = null;
    });
  }

  private table(
    header: readonly string[] | null,
    rows: readonly (readonly string[])[],
    ctx: Context,
  ): void {
    const all = header === null ? rows : [header, ...rows];
    let columns = 0;
    for (const row of all) columns = Math.max(columns, row.length);
    if (columns === 0) return;
    const isNarrowBox = this.width('│') === 1;
    // A separator is a space, a bar and a space (3 columns).
    const bar = isNarrowBox ? '│' : '|';
    const separatorWidth = 3;
    const available = ctx.width - separatorWidth * (columns - 1);
    // Every cell, row by row (`r * columns + c`), prepared and given its text positions.
    const cells: TableCell[] = [];
    const natural = new Array<number>(columns).fill(0);
    for (const row of all) {
      for (let c = 0; c < columns; c += 1) {
        const text = row[c] ?? '';
        const prepared = this.unit(text);
        cells.push({ text, prepared, base: this.advance(text.length) });
        natural[c] = Math.max(natural[c] ?? 0, prepared.width);
      }
    }
    if (available < columns * 4) {
      this.stackedTable(header, cells, columns, ctx);
      return;
    }
    const widths = fitColumns(natural, available);
    // The wrapped lines of one row's cells: column c's are [first[c], first[c + 1]) of the spans.
    const spans: number[] = [];
    const first = new Array<number>(columns + 1).fill(0);
    for (let r = 0; r < all.length; r += 1) {
      const rowStart = this.store.length;
      spans.length = 0;
      let height = 1;
      for (let c = 0; c < columns; c += 1) {
        first[c] = spans.length / 3;
        const cell = cells[r * columns + c] as TableCell;
        if (cell.text !== '') {
          wrapEach(cell.prepared, Math.max(2, widths[c] ?? 2), (start, end, width) => {
            spans.push(start, end, width);
          });
        }
        height = Math.max(height, spans.length / 3 - (first[c] as number));
      }
      first[columns] = spans.length / 3;
      const rowBase = (cells[r * columns] as TableCell).base;
      for (let j = 0; j < height; j += 1) {
        let text = '';
        let width = 0;
        // Spaces are written only when something follows them: a line ends with the text of its
        // last column that has any, or with the bar of the last separator, never with padding.
        let pending = 0;
        let offset = -1;
        let end = -1;
        for (let c = 0; c < columns; c += 1) {
          if (c > 0) {
            text += ' '.repeat(pending + 1) + bar;
            width += pending + 2;
            pending = 1;
          }
          const k = (first[c] as number) + j;
          const columnWidth = widths[c] ?? 0;
          if (k < (first[c + 1] as number)) {
            const cell = cells[r * columns + c] as TableCell;
            const start = spans[3 * k] as number;
            const stop = spans[3 * k + 1] as number;
            const used = spans[3 * k + 2] as number;
            if (pending > 0) text += ' '.repeat(pending);
            text += cell.text.slice(start, stop);
            width += pending + used;
            pending = Math.max(0, columnWidth - used);
            if (offset === -1) offset = cell.base + start;
            end = cell.base + stop;
          } else {
            pending += columnWidth;
          }
        }
        this.emit(
          ctx,
          text,
          width,
          'table',
          offset === -1 ? rowBase : offset,
          end === -1 ? rowBase : end,
        );
      }
      if (r === 0 && header !== null) {
        const dash = isNarrowBox ? '─' : '-';
        const joint = isNarrowBox ? '─┼─' : '-+-';
        const rule = widths.map((w) => dash.repeat(w)).join(joint);
        const at = cells[columns]?.base ?? this.position;
        this.emit(
          ctx,
          rule,
          widths.reduce((a, b) => a + b, 0) + separatorWidth * (columns - 1),
          'table',
          at,
          at,
        );
        this.keepWithNext(rowStart);
      }
    }
  }

  /**
   * A table too wide for the column even when squeezed: each row as `heading: value` lines. A
   * heading that labels no value (a header-only table, a column empty in every row) gets lines of
   * its own first, so no text of the table is lost.
   */
  private stackedTable(
    header: readonly string[] | null,
    cells: readonly TableCell[],
    columns: number,
    ctx: Context,
  ): void {
    const rows: (readonly TableCell[])[] = [];
    for (let at = 0; at < cells.length; at += columns) rows.push(cells.slice(at, at + columns));
    // A row of empty cells would only leave a stray blank line.
    const body = (header === null ? rows : rows.slice(1)).filter((row) =>
      row.some((cell) => cell.text !== ''),
    );
    const unlabelled =
      header === null
        ? []
        : (rows[0] ?? []).filter(
            (cell, c) => cell.text !== '' && body.every((row) => (row[c]?.text ?? '') === ''),
          );
    for (const cell of unlabelled) {
      for (const line of wrapPrepared(cell.prepared, ctx.width)) {
        const text = cell.text.slice(line.start, line.end);
        this.emit(ctx, text, line.width, 'table', cell.base + line.start, cell.base + line.end);
      }
    }
    body.forEach((row, r) => {
      if (r > 0 || unlabelled.length > 0) this.blank(ctx, 1, row[0]?.base ?? this.position);
      row.forEach((cell, c) => {
        if (cell.text === '') return;
        const label = header?.[c];
        const prefix = label === undefined || label === '' ? '' : `${label}: `;
        const source = prefix + cell.text;
        for (const line of wrapPrepared(prepareText(source, this.isAmbiguousWide), ctx.width)) {
          const offset = cell.base + Math.max(0, line.start - prefix.length);
          const end = cell.base + Math.max(0, line.end - prefix.length);
          this.emit(ctx, source.slice(line.start, line.end), line.width, 'table', offset, end);
        }
      });
    });
  }

  links(links: readonly string[], ctx: Context): void {
    if (links.length === 0) return;
    this.blank(ctx, this.gap);
    this.text(ctx, this.language === 'zh' ? '链接' : 'Links', 'heading', { level: 2 });
    const markerWidth = this.width(`[${links.length}] `);
    links.forEach((url, index) => {
      const marker = `[${index + 1}] `;
      const padded = marker + ' '.repeat(markerWidth - this.width(marker));
      const inner = this.nested(ctx, ' '.repeat(markerWidth));
      if (inner !== ctx)
        this.pendingLead = { text: ctx.lead + padded, width: ctx.leadWidth + markerWidth };
      this.text(inner, url, 'link', { indent: inner === ctx ? padded : '' });
    });
  }

  notice(text: string, ctx: Context): void {
    this.text(ctx, text, 'notice');
  }
}

/**
 * Column widths for a table squeezed into `available` columns: the widest columns are narrowed
 * first (a cap on every column), and what the cap leaves over goes back to the capped columns.
 */
function fitColumns(natural: readonly number[], available: number): number[] {
  const total = natural.reduce((a, b) => a + b, 0);
  if (total <= available) return [...natural];
  let low = 2;
  let high = Math.max(...natural);
  while (low < high) {
    const cap = Math.ceil((low + high) / 2);
    const sum = natural.reduce((a, n) => a + Math.min(n, cap), 0);
    if (sum <= available) low = cap;
    else high = cap - 1;
  }
  const widths = natural.map((n) => Math.min(n, low));
  let spare = available - widths.reduce((a, b) => a + b, 0);
  for (let c = 0; c < widths.length && spare > 0; c += 1) {
    const missing = (natural[c] ?? 0) - (widths[c] ?? 0);
    const extra = Math.min(missing, spare);
    widths[c] = (widths[c] ?? 0) + extra;
    spare -= extra;
  }
  return widths;
}

/**
 * Lays out an article at `options.width` columns: an optional notice (why the text is the feed's),
 * the blocks with `paragraphGap` blank lines between them, then the numbered link list. Measuring
 * and break analysis are cached per article, so laying the same article out again at another
 * width (a preset change, a resize) only re-packs the lines.
 */
export function layoutArticle(article: Article, options: LayoutOptions): ArticleLayout {
  const width = options.width;
  if (!Number.isInteger(width) || width < MIN_LAYOUT_WIDTH) {
    throw new RangeError(`layout width must be an integer ≥ ${MIN_LAYOUT_WIDTH}, got ${width}`);
  }
  const isAmbiguousWide = options.isAmbiguousWide ?? false;
  const indentChinese = options.indentChinese ?? true;
  const language = options.language ?? articleLanguage(article);
  const key = `${isAmbiguousWide ? 'w' : 'n'}${indentChinese ? 'i' : '-'}${language}`;
  let byKey = preparedCache.get(article);
  if (byKey === undefined) {
    byKey = new Map();
    preparedCache.set(article, byKey);
  }
  // Nothing kept at the first layout with these options; kept from the second on.
  const kept = byKey.get(key);
  const prepared = kept === undefined ? null : (kept ?? new PreparedUnits());
  byKey.set(key, prepared);
  const gap = Math.max(0, options.paragraphGap ?? 1);
  // Room for the lines of wide text, so the store rarely regrows (room left unused costs little).
  const expectedLines =
    (2 * Math.max(0, article.length)) / width + (gap + 2) * article.blocks.length + 64;
  const layouter = new Layouter(
    prepared,
    isAmbiguousWide,
    gap,
    indentChinese,
    language,
    expectedLines,
  );
  const ctx: Context = { lead: '', leadWidth: 0, width, inQuote: false, inList: false };
  if ((options.includeNotice ?? true) && article.notice !== null && article.notice !== '') {
    layouter.notice(article.notice, ctx);
    if (article.blocks.length > 0) layouter.blank(ctx, Math.max(1, gap));
  }
  // The header shows the title; a first heading that repeats it would say it twice.
  const first = article.blocks[0];
  const squash = (text: string): string => text.replace(/[\s\u3000]+/g, '');
  const repeatsTitle =
    first?.type === 'heading' && squash(first.text) === squash(article.header.title);
  layouter.blocks(repeatsTitle ? article.blocks.slice(1) : article.blocks, ctx, gap);
  if (options.includeLinks ?? true) layouter.links(article.links, ctx);
  const store = layouter.store;
  return {
    width,
    store,
    get lines() {
      return store.all();
    },
    language,
  };
}
