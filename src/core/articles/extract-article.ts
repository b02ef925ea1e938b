// Full-text extraction from one article page: @mozilla/readability on a linkedom DOM (the only
// importer of readability), plus what readability does not find itself: the next page of a
// multi-page article and the 责任编辑 (responsible editor). Pure: parses a string, never fetches.
import { Readability } from '@mozilla/readability';
import { sanitizeHtml, sanitizeLine, sanitizeText } from '../feeds/sanitize.js';
import { LinkCollector, nextPageFromLinks } from './find-next-page.js';
import { parseHtmlDocument } from './html-to-blocks.js';
import { prunePage } from './prune-page.js';

/** What one page yields. Every string is sanitized. */
export interface ExtractedPage {
  readonly title: string | null;
  readonly byline: string | null;
  /**
   * ISO 8601 when the page states it (meta `article:published_time`, JSON-LD, or a date and time
   * printed on a Chinese page), else null.
   */
  readonly published: string | null;
  readonly siteName: string | null;
  readonly editor: string | null;
  /** The article's main content as HTML (readability's cleaned copy). */
  readonly contentHtml: string;
  /** The plain text of the content. */
  readonly text: string;
  /** The next page of the same article, or null. */
  readonly nextPageUrl: string | null;
}

/** Extraction found nothing usable (readability threw, returned null, or no text). */
export class ExtractionError extends Error {
  override readonly name = 'ExtractionError';
}

const EDITOR_PATTERNS = [
  /(?:责任编辑|責任編輯)\s*[:：]?\s*((?:[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,2})|[\p{L}·]+(?:、[\p{L}·]+){0,2})/u,
  /(?:责编|責編)\s*[:：]\s*((?:[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,2})|[\p{L}·]+(?:、[\p{L}·]+){0,2})/u,
  /[（(](?:编辑|編輯)\s*[:：]\s*((?:[A-Za-z][A-Za-z.'-]*(?: [A-Za-z][A-Za-z.'-]*){0,2})|[\p{L}·]+(?:、[\p{L}·]+){0,2})[)）]/u,
];

/** The responsible editor named in a page's text (责任编辑：林晓), or null. */
export function findEditor(text: string): string | null {
  for (const pattern of EDITOR_PATTERNS) {
    const match = pattern.exec(text);
    const name = match?.[1]?.trim();
    if (name !== undefined && name !== '' && Array.from(name).length <= 20)
      return sanitizeLine(name);
  }
  return null;
}

const DATE_TIME =
  /(20\d\d|19\d\d)\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*(?:星期.|周.)?\s*(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?/;

/**
 * The publication time printed on a Chinese page (`2024-03-18 09:30`, `2024年03月18日 09:30`),
 * read as China/Hong Kong/Taiwan time (UTC+8, which all Chinese-language newsrooms of note use).
 * Only a date with a time of day counts: a bare date is often just "today" in the page header.
 */
export function findPublished(text: string): string | null {
  const match = DATE_TIME.exec(text);
  if (match === null) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0));
  if (month === undefined || day === undefined || hour === undefined || minute === undefined)
    return null;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const time = Date.UTC(year ?? 0, month - 1, day, hour - 8, minute, second ?? 0);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

function cleanByline(byline: string | null | undefined): string | null {
  if (byline === null || byline === undefined) return null;
  const line = sanitizeLine(byline)
    .replace(/(?:责任编辑|責任編輯|责编)\s*[:：]?\s*\S*/g, '')
    .replace(/^(?:by|作者|文|来源|來源)\s*[:：/]?\s*/i, '')
    .trim()
    .replace(/^(?:未知|佚名|unknown)$/i, '');
  // Readability sometimes returns contact lines, user ids or whole paragraphs as the byline.
  if (line === '' || line.includes('@') || /^\d+$/.test(line) || Array.from(line).length > 40)
    return null;
  return line;
}

/**
 * Runs `find` over the visible text around the first few places `cue` matches in the HTML (a
 * window of text, not the whole page: converting a whole portal page to text costs more than the
 * search).
 */
function searchText(
  html: string,
  cue: RegExp,
  find: (text: string) => string | null,
): string | null {
  let tries = 0;
  for (const match of html.matchAll(cue)) {
    const found = find(roughText(html.slice(Math.max(0, match.index - 20), match.index + 400)));
    if (found !== null) return found;
    tries += 1;
    if (tries >= 8) break;
  }
  return null;
}

/** The visible text of HTML without a DOM: tags dropped, spaces and the common entities decoded. */
function roughText(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;|&#160;|&#xa0;/gi, ' ')
    .replace(/&quot;/gi, '"')
    .replace(/&lt;/gi, '<')
    .replace(/&gt;/gi, '>')
    .replace(/&amp;/gi, '&');
}

function isoOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/**
 * The headline when the page's `<title>` is the headline plus site furniture
 * (`标题_城市_晨报网`): the first `<h1>` the title starts with. Null when none matches. Read from
 * the source: a DOM query walks every node, and portal pages have thousands.
 */
function headlineOf(html: string, title: string): string | null {
  const squash = (text: string): string => text.replace(/\s+/g, '');
  const whole = squash(title);
  for (const match of html.matchAll(/<h1\b[^>]*>([\s\S]{0,500}?)<\/h1\s*>/gi)) {
    const text = sanitizeLine(roughText(match[1] ?? ''));
    const key = squash(text);
    if (Array.from(key).length >= 4 && key !== whole && whole.startsWith(key)) return text;
  }
  return null;
}

/** The site name at the end of a `<title>` (`…_城市_晨报网`, `… - 新华网`, `… | Site`). */
function siteFromTitle(title: string): string | null {
  const match = /(?:\s*(?:_|\||-{1,2}|–|—)\s*)([^_|–—-]{2,24})$/.exec(title);
  const site = match?.[1]?.trim();
  return site === undefined || site === '' ? null : site;
}

type ReadabilityResult = ReturnType<Readability['parse']>;

/**
 * Readability over a prepared page. `retried` is true when its first attempt found less than the
 * threshold and it tried again with looser rules (or when that cannot be told).
 */
function runReadability(prepared: string): { article: ReadabilityResult; retried: boolean } {
  const reader = new Readability(parseHtmlDocument(prepared), {
    charThreshold: 200,
    // JSON-LD lives in scripts, and the page has none left.
    disableJSONLD: true,
  });
  let article: ReadabilityResult;
  try {
    article = reader.parse();
  } catch (error) {
    throw new ExtractionError(
      `readability failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  // Readability 0.6 keeps each failed attempt in `_attempts`.
  const attempts = (reader as unknown as { _attempts?: unknown })._attempts;
  return { article, retried: !Array.isArray(attempts) || attempts.length > 0 };
}

/**
 * Extracts the article from a decoded HTML page. `pageUrl` is the page's final URL (after
 * redirects): the base for finding the next page. Throws {@link ExtractionError} when readability
 * fails or finds no text.
 */
export function extractArticle(html: string, pageUrl: string): ExtractedPage {
  // The page is not sanitized as a whole (10 ms on a large page): every string that leaves here is
  // (title, byline, editor, site name, content, text), and URLs are normalized by the URL parser.
  // Pruned: readability's unlikely candidates are reduced to their text and headings, which
  // readability reads before it removes them. The text searches below see the same text. The
  // links for the next page are collected in the same tokenizer pass.
  const links = new LinkCollector();
  const pruned = prunePage(html, { unlikely: true, links });
  const nextPageUrl = nextPageFromLinks(links.links, html, pageUrl);
  const editor = searchText(pruned, /责任编辑|責任編輯|责编|責編|编辑|編輯/g, findEditor);
  const printedTime = /[\u4e00-\u9fff]/.test(pruned.slice(0, 50_000))
    ? searchText(pruned, /(?:19|20)\d\d\s*[-/.年]/g, findPublished)
    : null;
  const rawTitle = sanitizeLine(
    roughText(/<title\b[^>]*>([\s\S]{0,1000}?)<\/title\s*>/i.exec(pruned)?.[1] ?? ''),
  );
  const headline = rawTitle === '' ? null : headlineOf(pruned, rawTitle);
  let parsed = runReadability(pruned);
  if (parsed.retried) {
    // Readability's first attempt found too little and it retried with the unlikely candidates
    // kept: they must then be there in full.
    parsed = runReadability(prunePage(html));
  }
  const article = parsed.article;
  const text = article?.textContent?.trim() ?? '';
  if (
    article === null ||
    article.content === null ||
    article.content === undefined ||
    text === ''
  ) {
    throw new ExtractionError('no article text found on the page');
  }
  const parsedTitle =
    article.title === null || article.title === undefined ? '' : sanitizeLine(article.title);
  const title = headline ?? parsedTitle;
  const siteName =
    article.siteName === null || article.siteName === undefined || article.siteName.trim() === ''
      ? headline === null
        ? ''
        : (siteFromTitle(rawTitle) ?? '')
      : sanitizeLine(article.siteName);
  return {
    title: title === '' ? null : title,
    byline: cleanByline(article.byline),
    published: isoOrNull(article.publishedTime) ?? printedTime,
    siteName: siteName === '' ? null : siteName,
    editor,
    contentHtml: sanitizeHtml(article.content),
    text: sanitizeText(text),
    nextPageUrl,
  };
}
