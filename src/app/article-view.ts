// The article as the reader screen shows it: blocks laid out at the 字号 preset's column width,
// split into pages that fit the rows left by the header and bars, and the page that holds the
// reader's place (a character offset, so a preset change or a resize keeps it). Pure; no react/ink.
import type { Article } from '../core/articles/article.js';
import type { Block } from '../core/articles/blocks.js';
import { startsWithCjk } from '../core/articles/clreq.js';
import { wrapText } from '../core/articles/wrap-text.js';
import { memoLast } from './memo.js';
import type { AppState, ArticleScreen, FontSize, ListItem } from './state.js';
import { displayWidth, fitToWidth, truncateToWidth } from './text-fit.js';

/** Text column of each preset, clamped to the terminal (小 / 中 / 大 / 特大). */
export const PRESET_COLUMNS: Readonly<Record<FontSize, number>> = {
  small: 100,
  medium: 80,
  large: 64,
  xlarge: 48,
};

/** Rows the article screen keeps for itself: title (2), meta, rule, page bar, action bar, hints. */
export const ARTICLE_CHROME_ROWS = 7;

export type LineKind =
  'text' | 'heading' | 'quote' | 'code' | 'caption' | 'image' | 'rule' | 'blank' | 'related';

/** One laid-out line: its text (already fitted), what it is, and where it starts in the text. */
export interface ArticleLine {
  readonly text: string;
  readonly kind: LineKind;
  /** Character offset of the line's first character in the article's text. */
  readonly offset: number;
  /** For `related` lines: the index into the related list. */
  readonly relatedIndex?: number;
}

export interface ArticleView {
  /** The text column width and the left margin that centres it. */
  readonly width: number;
  readonly margin: number;
  /** Lines of the current page. */
  readonly lines: readonly ArticleLine[];
  readonly pageIndex: number;
  readonly pageCount: number;
  /** Offset of the first character of every page. */
  readonly pageStarts: readonly number[];
}

interface Emit {
  (text: string, kind: LineKind, offset: number): void;
}

function wrapInto(
  text: string,
  width: number,
  offset: number,
  kind: LineKind,
  emit: Emit,
  prefix = '',
  rest = prefix,
) {
  const inner = Math.max(2, width - displayWidth(prefix));
  const lines = wrapText(text, inner);
  let cursor = offset;
  lines.forEach((line, index) => {
    const at = text.indexOf(line, cursor - offset);
    const lineOffset = at >= 0 ? offset + at : cursor;
    emit(`${index === 0 ? prefix : rest}${line}`, kind, lineOffset);
    cursor = lineOffset + line.length;
  });
}

function layoutBlock(
  block: Block,
  width: number,
  offset: number,
  lang: 'zh' | 'en',
  emit: Emit,
): number {
  switch (block.type) {
    case 'heading':
      wrapInto(block.text, width, offset, 'heading', emit);
      return offset + block.text.length;
    case 'paragraph': {
      // The customary two full-width spaces open a Chinese paragraph.
      const indent = startsWithCjk(block.text) && !block.text.startsWith('　') ? '　　' : '';
      wrapInto(block.text, width, offset, 'text', emit, indent, '');
      return offset + block.text.length;
    }
    case 'list': {
      let at = offset;
      block.items.forEach((item, index) => {
        const bullet = block.ordered ? `${index + 1}. ` : '• ';
        wrapInto(item.text, width, at, 'text', emit, bullet, ' '.repeat(displayWidth(bullet)));
        at += item.text.length;
        for (const child of item.children)
          at = layoutBlock(child, width - 2, at, lang, (t, k, o) => emit(`  ${t}`, k, o));
      });
      return at;
    }
    case 'quote': {
      let at = offset;
      for (const child of block.blocks)
        at = layoutBlock(child, width - 2, at, lang, (t, _k, o) => emit(`> ${t}`, 'quote', o));
      return at;
    }
    case 'code': {
      let at = offset;
      for (const line of block.text.split('\n')) {
        emit(truncateToWidth(line, width), 'code', at);
        at += line.length + 1;
      }
      return offset + block.text.length;
    }
    case 'table': {
      const rows = [...(block.header === null ? [] : [block.header]), ...block.rows];
      const columns = Math.max(...rows.map((r) => r.length));
      const widths = Array.from({ length: columns }, (_, c) =>
        Math.max(...rows.map((r) => displayWidth(r[c] ?? ''))),
      );
      let at = offset;
      for (const row of rows) {
        const text = row.map((cell, c) => fitToWidth(cell, widths[c] ?? 0)).join(' | ');
        emit(truncateToWidth(text.trimEnd(), width), 'text', at);
        at += row.join('').length;
      }
      return at;
    }
    case 'image': {
      const label =
        lang === 'zh'
          ? `[图 ${block.index}${block.alt === '' ? '' : `: ${block.alt}`}]`
          : `[Image ${block.index}${block.alt === '' ? '' : `: ${block.alt}`}]`;
      wrapInto(label, width, offset, 'image', emit);
      return offset + block.alt.length;
    }
    case 'caption':
      wrapInto(block.text, width, offset, 'caption', emit);
      return offset + block.text.length;
    case 'rule':
      emit('─'.repeat(Math.min(width, 20)), 'rule', offset);
      return offset;
  }
}

/** Lays out an article's blocks (and its link list) at `width` columns. */
export function layoutArticle(
  article: Article,
  width: number,
  lang: 'zh' | 'en',
  fontSize: FontSize,
): ArticleLine[] {
  const lines: ArticleLine[] = [];
  const emit: Emit = (text, kind, offset) => lines.push({ text, kind, offset });
  let offset = 0;
  const gap = fontSize === 'xlarge' ? 2 : 1;
  if (article.notice !== null) {
    wrapInto(article.notice, width, 0, 'caption', emit);
    for (let i = 0; i < gap; i++) emit('', 'blank', 0);
  }
  article.blocks.forEach((block, index) => {
    if (index > 0) for (let i = 0; i < gap; i++) emit('', 'blank', offset);
    offset = layoutBlock(block, width, offset, lang, emit);
  });
  if (article.links.length > 0) {
    emit('', 'blank', offset);
    article.links.forEach((link, index) => {
      wrapInto(`[${index + 1}] ${link}`, width, offset, 'caption', emit);
    });
  }
  return lines;
}

/** Splits lines into pages of `height`, never leaving a heading as a page's last line. */
export function paginateLines(lines: readonly ArticleLine[], height: number): ArticleLine[][] {
  const pages: ArticleLine[][] = [];
  let start = 0;
  const rows = Math.max(1, height);
  while (start < lines.length) {
    let end = Math.min(lines.length, start + rows);
    if (end < lines.length && end - start > 1 && lines[end - 1]?.kind === 'heading') end -= 1;
    // A page never starts with a blank line.
    const page = lines.slice(start, end);
    pages.push(page);
    start = end;
    while (start < lines.length && lines[start]?.kind === 'blank') start += 1;
  }
  return pages.length === 0 ? [[]] : pages;
}

function relatedLines(
  related: readonly ListItem[],
  width: number,
  title: string,
  offset: number,
): ArticleLine[] {
  if (related.length === 0) return [];
  const lines: ArticleLine[] = [
    { text: '', kind: 'blank', offset },
    { text: title, kind: 'heading', offset },
  ];
  related.forEach((item, index) => {
    lines.push({
      text: truncateToWidth(`  ${item.title}`, width),
      kind: 'related',
      offset,
      relatedIndex: index,
    });
  });
  return lines;
}

const layoutFor = memoLast(layoutArticle);
const paginateFor = memoLast(
  (
    article: Article,
    related: readonly ListItem[],
    width: number,
    lang: 'zh' | 'en',
    fontSize: FontSize,
    height: number,
  ) => {
    const lines = layoutFor(article, width, lang, fontSize);
    const end = lines.length === 0 ? 0 : lines[lines.length - 1]!.offset + 1;
    const title = lang === 'zh' ? '相关阅读' : 'Related reading';
    return paginateLines([...lines, ...relatedLines(related, width, title, end)], height);
  },
);

/** Rows of text per page for a terminal height. */
export function pageHeight(rows: number): number {
  return Math.max(1, rows - 1 - ARTICLE_CHROME_ROWS);
}

/** The page of the article screen that holds its place, or null while the text loads. */
export function articleView(state: AppState, screen: ArticleScreen): ArticleView | null {
  if (screen.load.status !== 'ready') return null;
  const { columns, rows } = state.viewport;
  const width = Math.max(10, Math.min(PRESET_COLUMNS[state.fontSize], columns - 2));
  const pages = paginateFor(
    screen.load.article,
    screen.load.related,
    width,
    state.lang,
    state.fontSize,
    pageHeight(rows),
  );
  const pageStarts = pages.map((page) => page[0]?.offset ?? 0);
  let pageIndex = 0;
  for (let i = 1; i < pageStarts.length; i++) if (pageStarts[i]! <= screen.anchor) pageIndex = i;
  return {
    width,
    margin: Math.max(0, Math.floor((columns - width) / 2)),
    lines: pages[pageIndex] ?? [],
    pageIndex,
    pageCount: pages.length,
    pageStarts,
  };
}
