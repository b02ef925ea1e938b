// Pages of laid-out lines, and keeping the reader's place across re-layouts. Pure.
import type { LayoutLine } from './layout-article.js';
import { LineStore } from './line-store.js';

/** Lines to paginate: as objects, or as a layout's compact store (`ArticleLayout.store`). */
export type PageLines = readonly LayoutLine[] | LineStore;

/** One page: lines `[start, end)` of the layout. */
export interface Page {
  readonly start: number;
  readonly end: number;
}

/** A heading, a table's header, an image above its caption: what must not be a page's last line. */
function mustNotEndPage(lines: PageLines, i: number): boolean {
  if (lines instanceof LineStore) return lines.mustNotEndPage(i);
  const line = lines[i];
  return line !== undefined && (line.kind === 'heading' || line.keepWithNext === true);
}

function isBlank(lines: PageLines, i: number): boolean {
  return lines instanceof LineStore ? lines.isBlank(i) : lines[i]?.kind === 'blank';
}

function offsetAt(lines: PageLines, i: number): number | undefined {
  if (lines instanceof LineStore) return i >= 0 && i < lines.length ? lines.offsetAt(i) : undefined;
  return lines[i]?.offset;
}

/**
 * Splits lines into pages of at most `rows` lines. A page never starts with blank lines, and never
 * ends on a heading, a table's header or an image whose caption follows (that line, with any such
 * lines just above it, moves to the next page) unless the page holds nothing else. There is always at least one page.
 */
export function paginate(lines: PageLines, rows: number): Page[] {
  if (!Number.isInteger(rows) || rows < 1)
    throw new RangeError(`rows must be an integer ≥ 1, got ${rows}`);
  const pages: Page[] = [];
  const n = lines.length;
  let start = 0;
  for (;;) {
    while (start < n && isBlank(lines, start)) start += 1;
    if (start >= n) break;
    let end = Math.min(n, start + rows);
    if (end < n) {
      let last = end - 1;
      while (last > start && isBlank(lines, last)) last -= 1;
      if (mustNotEndPage(lines, last)) {
        let first = last;
        while (first > start && mustNotEndPage(lines, first - 1)) first -= 1;
        if (first > start) end = first;
      }
    }
    pages.push({ start, end });
    start = end;
  }
  return pages.length === 0 ? [{ start: 0, end: 0 }] : pages;
}

/** The text position at the top of a page: its first line's. 0 for an empty layout. */
export function pageTopOffset(lines: PageLines, pages: readonly Page[], pageIndex: number): number {
  const page = pages[Math.max(0, Math.min(pages.length - 1, pageIndex))];
  return page === undefined ? 0 : (offsetAt(lines, page.start) ?? 0);
}

/**
 * The index of the page holding text position `offset`: the last page whose top is at or before
 * it. Used with {@link pageTopOffset} of the old layout to keep the reader's place.
 */
export function pageContaining(lines: PageLines, pages: readonly Page[], offset: number): number {
  let low = 0;
  let high = pages.length - 1;
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (pageTopOffset(lines, pages, mid) <= offset) low = mid;
    else high = mid - 1;
  }
  return Math.max(0, low);
}

/** A layout split into pages, with the page being shown. */
export interface PagedView {
  readonly lines: PageLines;
  readonly pages: readonly Page[];
  readonly pageIndex: number;
}

/**
 * The page to show after a re-layout (another preset, a resize): the one that contains the first
 * character that was at the top of the page shown before.
 */
export function keepPlace(before: PagedView, after: Pick<PagedView, 'lines' | 'pages'>): number {
  return pageContaining(
    after.lines,
    after.pages,
    pageTopOffset(before.lines, before.pages, before.pageIndex),
  );
}
