// The article header: title, published time (local, `YYYY-MM-DD HH:mm`), author, source, editor,
// link, length in characters and reading time — as fields (for JSON and the UI) and as laid-out
// lines (for `tidings read`). Pure; the time zone is passed in.
import type { Article } from './article.js';
import { articleLanguage, readingMinutes, type ArticleLanguage } from './article-language.js';
import type { LayoutLine } from './layout-article.js';
import { displayWidth } from './text-metrics.js';
import { prepareText, wrapPrepared } from './wrap-text.js';

/** The header's facts, formatted. */
export interface ArticleMeta {
  readonly title: string;
  /** Local time `YYYY-MM-DD HH:mm`, or null when unknown. */
  readonly published: string | null;
  readonly author: string | null;
  readonly source: string;
  readonly editor: string | null;
  readonly link: string | null;
  /** Characters of text (whitespace not counted). */
  readonly length: number;
  readonly readingMinutes: number;
  /** `page` when the text is the site's full text, `feed` when it is the feed's. */
  readonly textSource: Article['textSource'];
  readonly sitePages: number;
  readonly notice: string | null;
}

/**
 * Formats an ISO time as `YYYY-MM-DD HH:mm` in `timeZone` (an IANA name; the system's local zone
 * when absent). Null for a missing or unparseable time.
 */
export function formatPublished(iso: string | null, timeZone?: string): string | null {
  if (iso === null) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  const parts = new Intl.DateTimeFormat('en-GB', {
    ...(timeZone === undefined ? {} : { timeZone }),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(time));
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')} ${part('hour')}:${part('minute')}`;
}

/** The header facts of an article. */
export function articleMeta(article: Article, timeZone?: string): ArticleMeta {
  return {
    title: article.header.title,
    published: formatPublished(article.header.published, timeZone),
    author: article.header.author,
    source: article.header.source,
    editor: article.header.editor,
    link: article.header.link,
    length: article.length,
    readingMinutes: readingMinutes(article.blocks),
    textSource: article.textSource,
    sitePages: article.sitePages,
    notice: article.notice,
  };
}

/** The labels of the header in an article's language. */
export function headerLabels(language: ArticleLanguage) {
  return language === 'zh'
    ? {
        editor: '责任编辑：',
        link: '原文：',
        length: (n: number) => `${n.toLocaleString('en-US')} 字`,
        minutes: (n: number) => `约 ${n} 分钟`,
        feedText: '订阅源内容',
        pages: (n: number) => `共 ${n} 页合并`,
      }
    : {
        editor: 'Editor: ',
        link: 'Link: ',
        length: (n: number) => `${n.toLocaleString('en-US')} characters`,
        minutes: (n: number) => `${n} min read`,
        feedText: 'feed text',
        pages: (n: number) => `${n} pages merged`,
      };
}

/** Options for {@link layoutHeader}. */
export interface HeaderOptions {
  readonly width: number;
  readonly timeZone?: string;
  readonly language?: ArticleLanguage;
  readonly isAmbiguousWide?: boolean;
}

/**
 * The header as lines of at most `width` columns: the title (kind `heading`), one or more meta
 * lines (published · author · source · editor · length · reading time, wrapped between fields),
 * the link, and the notice when the text is not what was asked for. Header lines have position 0.
 */
export function layoutHeader(article: Article, options: HeaderOptions): LayoutLine[] {
  const isWide = options.isAmbiguousWide ?? false;
  const language = options.language ?? articleLanguage(article);
  const labels = headerLabels(language);
  const meta = articleMeta(article, options.timeZone);
  const lines: LayoutLine[] = [];
  const wrap = (text: string, kind: LayoutLine['kind'], level?: number): void => {
    if (text === '') return;
    for (const line of wrapPrepared(prepareText(text, isWide), options.width)) {
      const body = text.slice(line.start, line.end);
      const base = { text: body, width: line.width, kind, offset: 0, end: 0 };
      lines.push(level === undefined ? base : { ...base, level });
    }
  };
  wrap(meta.title, 'heading', 1);
  const fields = [
    meta.published,
    meta.author,
    meta.source,
    meta.editor === null ? null : `${labels.editor}${meta.editor}`,
    labels.length(meta.length),
    labels.minutes(meta.readingMinutes),
    meta.textSource === 'feed'
      ? labels.feedText
      : meta.sitePages > 1
        ? labels.pages(meta.sitePages)
        : null,
  ].filter((field): field is string => field !== null && field !== '');
  // Fields are packed onto lines whole, separated by " · ", and wrapped only when one is too long.
  let current = '';
  const flush = (): void => {
    wrap(current, 'caption');
    current = '';
  };
  for (const field of fields) {
    const candidate = current === '' ? field : `${current} · ${field}`;
    if (displayWidth(candidate, isWide) <= options.width) {
      current = candidate;
    } else {
      flush();
      current = field;
    }
  }
  flush();
  if (meta.link !== null) wrap(`${labels.link}${meta.link}`, 'link');
  if (meta.notice !== null) wrap(meta.notice, 'notice');
  return lines;
}
