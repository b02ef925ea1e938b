// The article as the reader screen shows it: the article engine's layout at the 字号 preset's
// column, split into pages that fit the rows left by the header and bars, and the page holding
// the reader's place (a text position, so a preset change or a resize keeps it). 相关阅读 follows
// the text on the last page. Pure; no react/ink.
import type { Article } from '../core/articles/article.js';
import { resolveColumn } from '../core/articles/font-size.js';
import type {
  LayoutLine,
  LineKind,
  layoutArticle as LayoutArticle,
} from '../core/articles/layout-article.js';
import { articleLayout } from './article-engine.js';
import type { LineStore } from '../core/articles/line-store.js';
import { pageContaining, paginate, type Page } from '../core/articles/paginate.js';
import { memoLast } from './memo.js';
import type { AppState, ArticleScreen, FontSize, Lang, ListItem } from './state.js';
import { displayWidth, truncateToWidth } from './text-fit.js';

/** Rows the article screen keeps for itself: title (2), meta, rule, page bar, action bar, hints. */
export const ARTICLE_CHROME_ROWS = 7;

/** One line of the page: the engine's line, or an entry of 相关阅读 (`relatedIndex` set). */
export interface ArticleLine {
  readonly text: string;
  readonly kind: LineKind;
  readonly offset: number;
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
  /** Text position at the top of every page. */
  readonly pageStarts: readonly number[];
}

interface Paged {
  /** The layout's lines, then 相关阅读's. */
  readonly lines: LineStore;
  readonly pages: readonly Page[];
  /** Index of the first 相关阅读 line in `lines`. */
  readonly relatedStart: number;
}

function relatedLines(
  related: readonly ListItem[],
  width: number,
  lang: Lang,
  offset: number,
): LayoutLine[] {
  if (related.length === 0) return [];
  const title = lang === 'zh' ? '相关阅读' : 'Related reading';
  const line = (text: string, kind: LineKind): LayoutLine => ({
    text,
    width: displayWidth(text),
    kind,
    offset,
    end: offset,
  });
  return [
    line('', 'blank'),
    line(title, 'heading'),
    ...related.map((item) => line(truncateToWidth(`  ${item.title}`, width), 'text')),
  ];
}

const pagedFor = memoLast(
  (
    article: Article,
    related: readonly ListItem[],
    fontSize: FontSize,
    columns: number,
    rows: number,
    lang: Lang,
    isAmbiguousWide: boolean,
    layoutArticle: typeof LayoutArticle,
  ) => {
    const column = resolveColumn({ size: fontSize, terminalColumns: columns });
    const layout = layoutArticle(article, {
      width: column.width,
      paragraphGap: column.paragraphGap,
      isAmbiguousWide,
    });
    // The store is this layout's own (a fresh one per call): 相关阅读 is appended to it.
    const lines = layout.store;
    const count = lines.length;
    const end = count === 0 ? 0 : lines.endAt(count - 1) + 1;
    for (const line of relatedLines(related, column.width, lang, end)) lines.pushLine(line);
    const paged: Paged = {
      lines,
      pages: paginate(lines, pageHeight(rows)),
      relatedStart: count + 2,
    };
    return { column, paged };
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
  // The layout module loads before an article is shown (see the controller); until then, nothing.
  const layoutArticle = articleLayout();
  if (layoutArticle === null) return null;
  const { column, paged } = pagedFor(
    screen.load.article,
    screen.load.related,
    state.fontSize,
    columns,
    rows,
    state.lang,
    state.isAmbiguousWide,
    layoutArticle,
  );
  const pageIndex = pageContaining(paged.lines, paged.pages, screen.anchor);
  const page = paged.pages[pageIndex] ?? { start: 0, end: 0 };
  const lines: ArticleLine[] = [];
  for (let i = page.start; i < page.end; i++) {
    const line = paged.lines.line(i)!;
    const relatedIndex = i - paged.relatedStart;
    lines.push(
      relatedIndex >= 0
        ? { text: line.text, kind: line.kind, offset: line.offset, relatedIndex }
        : { text: line.text, kind: line.kind, offset: line.offset },
    );
  }
  return {
    width: column.width,
    margin: column.offset,
    lines,
    pageIndex,
    pageCount: paged.pages.length,
    pageStarts: paged.pages.map((p) =>
      p.start < paged.lines.length ? paged.lines.offsetAt(p.start) : 0,
    ),
  };
}
