// List rows as finished text: title cut by display width with `…`, source and time aligned on the
// right, so every row is exactly the list's width and Ink never wraps. Pure; no react/ink.
import { relativeTime } from './format-time.js';
import type { Lang } from './state.js';
import { displayWidth, fitToWidth, padStartToWidth, truncateToWidth } from './text-fit.js';

/** A row in two parts: the title part and the right-aligned details. `main + tail` is `width` wide. */
export interface RowText {
  readonly main: string;
  readonly tail: string;
}

/** One visible row of a list, laid out to the list's width (what the list view draws). */
export interface ListRow {
  readonly key: string;
  readonly text: RowText;
  readonly isCursor: boolean;
  readonly isBold: boolean;
  readonly isMuted?: boolean;
}

export interface ItemRowInput {
  readonly title: string;
  readonly source: string;
  readonly published: string | null;
  readonly isRead: boolean;
  readonly isFavorite: boolean;
}

export interface RowContext {
  readonly width: number;
  readonly now: number;
  readonly lang: Lang;
  readonly marks: { readonly cursor: string; readonly unread: string; readonly favorite: string };
}

/**
 * `› ● 标题…………  来源   3小时前 ★`: cursor column, unread mark, title, then source (dropped
 * below 60 columns), time and favorite mark.
 */
export function formatItemRow(item: ItemRowInput, isCursor: boolean, context: RowContext): RowText {
  // Rows are re-laid out on every frame; most of them have not changed since the last one.
  const key = `${item.title}\u0000${item.source}\u0000${item.published}\u0000${item.isRead}${item.isFavorite}${isCursor}\u0000${context.width}\u0000${context.now}\u0000${context.lang}\u0000${context.marks.cursor}`;
  const cached = rowCache.get(key);
  if (cached !== undefined) return cached;
  const row = layoutItemRow(item, isCursor, context);
  if (rowCache.size >= ROW_CACHE_SIZE) rowCache.clear();
  rowCache.set(key, row);
  return row;
}

const ROW_CACHE_SIZE = 2000;
const rowCache = new Map<string, RowText>();

function layoutItemRow(item: ItemRowInput, isCursor: boolean, context: RowContext): RowText {
  const { width, marks } = context;
  const lead = `${isCursor ? marks.cursor : ' '}${item.isRead ? ' ' : marks.unread} `;
  const time = padStartToWidth(
    relativeTime(item.published, context.now, context.lang),
    context.lang === 'zh' ? 8 : 7,
  );
  const star = item.isFavorite ? ` ${marks.favorite}` : '  ';
  const sourceWidth = width >= 60 ? Math.min(16, Math.max(8, Math.floor(width / 6))) : 0;
  const source = sourceWidth > 0 ? ` ${fitToWidth(item.source, sourceWidth)}` : '';
  const tail = `${source} ${time}${star}`;
  const titleWidth = width - displayWidth(lead) - displayWidth(tail);
  if (titleWidth < 4) {
    // Too narrow for details: the title gets the whole row.
    return { main: fitToWidth(`${lead}${item.title}`, width), tail: '' };
  }
  return { main: lead + fitToWidth(item.title, titleWidth), tail };
}

/** A one-part row: text cut and padded to `width`. */
export function plainRow(text: string, width: number): string {
  return fitToWidth(text, width);
}

/** Keeps at most `width` columns of `text` (no padding). */
export function clip(text: string, width: number): string {
  return truncateToWidth(text, width);
}
