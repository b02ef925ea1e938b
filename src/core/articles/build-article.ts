// Item → Article: the feed's own content, or — when the feed gives only a summary — the full text
// of the linked page, every page of a multi-page article merged. Network access goes only through
// the injected fetch (via fetchResource); any failure falls back to the feed's content with a
// notice saying why. Never writes output.
import { createHash } from 'node:crypto';
import type { Item } from '../feeds/item.js';
import { decodeHtmlBytes } from '../feeds/decode.js';
import {
  DEFAULT_FETCH_OPTIONS,
  FetchError,
  PAGE_ACCEPT,
  fetchResource,
} from '../feeds/fetch-resource.js';
import { sanitizeText } from '../feeds/sanitize.js';
import type { Article, ArticleHeader } from './article.js';
import {
  blocksLength,
  detectLanguage,
  textLength,
  type ArticleLanguage,
} from './article-language.js';
import type { Block } from './blocks.js';
import { ExtractionError, extractArticle, type ExtractedPage } from './extract-article.js';
import { htmlToBlocks } from './html-to-blocks.js';

/** When to fetch the article page: only for summary-only items, always, or never. */
export type FullTextMode = 'auto' | 'always' | 'never';

/** What {@link buildArticle} needs from outside. */
export interface ArticleDeps {
  readonly fetch: typeof globalThis.fetch;
  readonly userAgent: string;
  /** @default 'auto' */
  readonly fullText?: FullTextMode;
  /** Most site pages merged into one article. @default 20 */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** Per page. @default 10 s */
  readonly connectTimeoutMs?: number;
  /** Per page. @default 20 s */
  readonly totalTimeoutMs?: number;
  /** Largest page accepted. @default 5 MiB */
  readonly maxBytes?: number;
}

/** The most pages of one article followed, whatever the caller asks. */
export const MAX_SITE_PAGES = 20;

/** Below this many characters a feed's text is a summary, not the article. */
const SUMMARY_LENGTH = 280;

const CUT_OFF =
  /(?:\.\.\.|…|\[…\]|\[\.\.\.\]|\(more…\)|阅读全文|查看全文|继续阅读|点击查看|展开全文|全文>*|read more|continue reading|read the full (?:story|article)|more\s*»|\[\+\d+ chars\])\s*[\]】>»›]*\s*$/i;

/**
 * True when an item carries only a summary: it has a link, and its text is short or visibly cut
 * off ("…", "阅读全文", "Read more", "[+1234 chars]").
 */
export function needsFullText(item: Item): boolean {
  if (item.link === null) return false;
  const html = item.contentHtml ?? '';
  const text = html === '' ? item.summary : htmlToBlocks(html).blocks.map(blockText).join('\n');
  if (textLength(text) < SUMMARY_LENGTH) return true;
  return CUT_OFF.test(text.trim());
}

function blockText(block: Block): string {
  return 'text' in block ? block.text : '';
}

/** The blocks of the feed's own content (HTML, else the plain summary as paragraphs). */
export function feedBlocks(item: Item): { blocks: Block[]; links: string[] } {
  if (item.contentHtml !== null && item.contentHtml.trim() !== '') {
    const { blocks, links } = htmlToBlocks(item.contentHtml, { baseUrl: item.link });
    if (blocks.length > 0) return { blocks, links };
  }
  const paragraphs = sanitizeText(item.summary)
    .split(/\n\s*\n|\n(?=[\u3000\u00a0])/)
    .map((text) => text.replace(/^[\s\u3000\u00a0]+|[\s\u3000\u00a0]+$/g, ''))
    .filter((text) => text !== '');
  return { blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })), links: [] };
}

/** A stand-in item for reading a URL that no feed delivered (`tidings read https://…`). */
export function itemForUrl(url: string, firstSeen: string): Item {
  return {
    id: createHash('sha1').update(url).digest('hex').slice(0, 12),
    feedUrl: '',
    source: '',
    title: '',
    link: url,
    published: null,
    author: null,
    categories: [],
    summary: '',
    contentHtml: null,
    enclosures: [],
    firstSeen,
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

interface SitePage {
  readonly url: string;
  readonly extracted: ExtractedPage;
}

interface FullText {
  readonly pages: readonly SitePage[];
  /** Why the pages stop early, or null when every page came. */
  readonly stoppedAt: { readonly page: number; readonly reason: string } | null;
}

function reasonOf(error: unknown): string {
  if (error instanceof FetchError || error instanceof ExtractionError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function pageKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/**
 * Fetches and extracts an article page and the pages after it (rel=next, 下一页, numbered links),
 * at most `maxPages`, never one URL twice. A failure on the first page throws; a later one stops
 * the walk and is reported in `stoppedAt`.
 */
async function fetchFullText(url: string, deps: ArticleDeps): Promise<FullText> {
  const maxPages = Math.max(1, Math.min(MAX_SITE_PAGES, deps.maxPages ?? MAX_SITE_PAGES));
  const visited = new Set<string>();
  const pages: SitePage[] = [];
  let next: string | null = url;
  while (next !== null && pages.length < maxPages) {
    const key = pageKey(next);
    if (visited.has(key)) break;
    visited.add(key);
    try {
      const result = await fetchResource(next, {
        fetch: deps.fetch,
        userAgent: deps.userAgent,
        accept: PAGE_ACCEPT,
        connectTimeoutMs: deps.connectTimeoutMs ?? DEFAULT_FETCH_OPTIONS.connectTimeoutMs,
        totalTimeoutMs: deps.totalTimeoutMs ?? DEFAULT_FETCH_OPTIONS.totalTimeoutMs,
        maxBytes: deps.maxBytes ?? 5 * 1024 * 1024,
        maxRedirects: DEFAULT_FETCH_OPTIONS.maxRedirects,
        ...(deps.signal === undefined ? {} : { signal: deps.signal }),
      });
      if (result.status !== 'ok')
        throw new FetchError('the server answered 304 Not Modified to a plain request');
      const type = result.contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
      if (type !== '' && !/html|xml|text\/plain/.test(type))
        throw new FetchError(`not a web page (${type})`);
      // A redirect may land on a page already merged (page 2 → page 1 when it does not exist).
      const finalKey = pageKey(result.url);
      if (finalKey !== key && visited.has(finalKey)) break;
      visited.add(finalKey);
      const decoded = decodeHtmlBytes(result.bytes, result.contentType);
      const extracted = extractArticle(decoded.text, result.url);
      pages.push({ url: result.url, extracted });
      next = extracted.nextPageUrl;
    } catch (error) {
      if (pages.length === 0 || deps.signal?.aborted === true) throw error;
      return { pages, stoppedAt: { page: pages.length + 1, reason: reasonOf(error) } };
    }
  }
  return { pages, stoppedAt: null };
}

function squash(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/**
 * Merges the pages' blocks into one article: links and images numbered throughout, the title
 * heading each page repeats dropped, and paragraphs a later page repeats from an earlier one at its
 * top or bottom (page furniture: "本文来源…", copyright lines) kept only once.
 */
function mergePages(
  pages: readonly SitePage[],
  title: string,
): { blocks: Block[]; links: string[] } {
  const links: string[] = [];
  const blocks: Block[] = [];
  const seen = new Set<string>();
  let images = 0;
  const titleKey = squash(title);
  pages.forEach((page, index) => {
    const result = htmlToBlocks(page.extracted.contentHtml, {
      baseUrl: page.url,
      links,
      firstImageIndex: images + 1,
    });
    images += result.imageCount;
    const own = result.blocks.filter((block, position) => {
      if (block.type === 'heading' && titleKey !== '' && squash(block.text) === titleKey)
        return false;
      if (index > 0 && block.type === 'paragraph') {
        const isEdge = position < 3 || position >= result.blocks.length - 3;
        if (isEdge && seen.has(squash(block.text))) return false;
      }
      return true;
    });
    for (const block of own) if (block.type === 'paragraph') seen.add(squash(block.text));
    blocks.push(...own);
  });
  return { blocks, links };
}

function noticeFor(
  language: ArticleLanguage,
  reason: string,
  kind: 'fallback' | 'partial',
  pagesShown = 0,
): string {
  if (kind === 'fallback') {
    return language === 'zh'
      ? `未能获取全文（${reason}），以下为订阅源提供的内容。`
      : `Full text unavailable (${reason}); showing the feed's content.`;
  }
  return language === 'zh'
    ? `第 ${pagesShown + 1} 页未能加载（${reason}），仅显示前 ${pagesShown} 页。`
    : `Page ${pagesShown + 1} could not be loaded (${reason}); showing ${pagesShown === 1 ? 'page 1' : `pages 1–${pagesShown}`}.`;
}

function baseHeader(item: Item): ArticleHeader {
  return {
    itemId: item.id,
    title: item.title,
    published: item.published,
    author: item.author,
    source: item.source,
    editor: null,
    link: item.link,
    feedUrl: item.feedUrl,
  };
}

/** The article made of the feed's own content, with an optional notice (why not the full text). */
export function articleFromFeed(item: Item, notice: string | null = null): Article {
  const { blocks, links } = feedBlocks(item);
  return {
    header: baseHeader(item),
    blocks,
    links,
    textSource: 'feed',
    notice,
    sitePages: 0,
    length: blocksLength(blocks),
  };
}

/**
 * Builds the readable article of an item. With `fullText: 'auto'` (the default) the page is fetched
 * only when the feed carries a summary (see {@link needsFullText}); then readability extracts the
 * text of every page of the article, merged. On any failure the feed's content is used and the
 * article's `notice` says why. Never throws for network or extraction problems; rejects only when
 * `deps.signal` aborts.
 */
export async function buildArticle(item: Item, deps: ArticleDeps): Promise<Article> {
  const mode = deps.fullText ?? 'auto';
  const wantsPage =
    item.link !== null && (mode === 'always' || (mode === 'auto' && needsFullText(item)));
  if (!wantsPage || item.link === null) return articleFromFeed(item);
  const link = item.link;
  const language = detectLanguage(`${item.title}\n${item.summary}`);
  let fullText: FullText;
  try {
    fullText = await fetchFullText(item.link, deps);
  } catch (error) {
    if (deps.signal?.aborted === true) throw error;
    return articleFromFeed(item, noticeFor(language, reasonOf(error), 'fallback'));
  }
  const first = fullText.pages[0];
  const title = item.title !== '' ? item.title : (first?.extracted.title ?? item.link);
  const { blocks, links } = mergePages(fullText.pages, title);
  if (blocks.length === 0) {
    return articleFromFeed(
      item,
      noticeFor(language, 'no article text found on the page', 'fallback'),
    );
  }
  const editor =
    [...fullText.pages].reverse().find((page) => page.extracted.editor !== null)?.extracted
      .editor ?? null;
  const source = item.source !== '' ? item.source : (first?.extracted.siteName ?? hostOf(link));
  const header: ArticleHeader = {
    ...baseHeader(item),
    title,
    published: item.published ?? first?.extracted.published ?? null,
    author: item.author ?? first?.extracted.byline ?? null,
    source,
    editor,
  };
  const articleLanguage = detectLanguage(`${title}\n${first?.extracted.text.slice(0, 2000) ?? ''}`);
  return {
    header,
    blocks,
    links,
    textSource: 'page',
    notice:
      fullText.stoppedAt === null
        ? null
        : noticeFor(articleLanguage, fullText.stoppedAt.reason, 'partial', fullText.pages.length),
    sitePages: fullText.pages.length,
    length: blocksLength(blocks),
  };
}
