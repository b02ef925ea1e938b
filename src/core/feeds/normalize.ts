// Raw rss-parser output → the Item model: stable ids, absolute links, ISO dates, plain-text
// summaries, sanitized strings. Pure; no network.
import { createHash } from 'node:crypto';
import type { Enclosure, Item } from './item.js';
import type { RawEntry, RawFeed } from './parse-feed.js';
import { htmlToLine, htmlToPlainText } from './html-text.js';
import { parseFeedDate } from './parse-date.js';
import { sanitizeHtml, sanitizeLine } from './sanitize.js';

/** Longest summary kept, in characters: a list preview, not the article. */
const SUMMARY_LIMIT = 600;

/** Text of an xml2js value: a string, `{_: text}`, or an element tree (Atom xhtml) flattened. */
export function textOf(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (typeof value === 'object') {
    let text = '';
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === '$') continue;
      text += textOf(child);
    }
    return text;
  }
  return '';
}

/** True when an xml2js value is an element tree (Atom type="xhtml"), not text. */
function isTree(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('_' in value);
}

/** A title or other one-line field: xhtml trees flattened, HTML stripped, entities decoded. */
function lineOf(value: unknown): string {
  const raw = textOf(value);
  return isTree(value) ? sanitizeLine(raw) : htmlToLine(raw);
}

/** The short stable id of an item: 12 hex digits of SHA-1 over the feed URL and the item's key. */
export function itemId(feedUrl: string, key: string): string {
  return createHash('sha1').update(feedUrl).update('\n').update(key).digest('hex').slice(0, 12);
}

/** Resolves a link against the document URL; only http(s) links are kept. */
export function absoluteHttpUrl(link: string, base: string): string | null {
  const trimmed = link.trim();
  if (trimmed === '') return null;
  try {
    const url = new URL(trimmed, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    const href = url.href;
    return sanitizeLine(href) === href ? href : null;
  } catch {
    return null;
  }
}

function attr(value: unknown, name: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const attrs = (value as { $?: Record<string, unknown> }).$;
  const found = attrs?.[name];
  return typeof found === 'string' ? found : undefined;
}

function asArray(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

function linkOf(entry: RawEntry): string {
  if (typeof entry['link'] === 'string' && entry['link'].trim() !== '') return entry['link'];
  for (const link of asArray(entry['allLinks'])) {
    const rel = attr(link, 'rel');
    const href = attr(link, 'href') ?? (typeof link === 'string' ? link : textOf(link));
    if ((rel === undefined || rel === 'alternate') && href.trim() !== '') return href;
  }
  const guid = textOf(entry['guid']);
  return /^https?:\/\//i.test(guid) ? guid : '';
}

function authorOf(entry: RawEntry): string | null {
  for (const candidate of [
    entry['creator'],
    entry['author'],
    entry['dc:creator'],
    ...asArray(entry['rawAuthor']),
  ]) {
    const value =
      typeof candidate === 'object' && candidate !== null && 'name' in candidate
        ? textOf((candidate as { name: unknown }).name)
        : textOf(candidate);
    const line = htmlToLine(value);
    if (line !== '') return line;
  }
  return null;
}

function categoriesOf(entry: RawEntry): string[] {
  const raw =
    asArray(entry['categories']).length > 0
      ? asArray(entry['categories'])
      : asArray(entry['allCategories']);
  const seen = new Set<string>();
  for (const category of raw) {
    const text = htmlToLine(attr(category, 'term') ?? attr(category, 'label') ?? textOf(category));
    if (text !== '') seen.add(text);
  }
  return [...seen];
}

function publishedOf(entry: RawEntry): string | null {
  for (const key of [
    'rawPublished',
    'rawPubDate',
    'rawDcDate',
    'rawIssued',
    'rawCreated',
    'rawUpdated',
    'rawModified',
    'isoDate',
  ]) {
    const text = textOf(entry[key]);
    if (text === '') continue;
    const iso = parseFeedDate(text);
    if (iso !== null) return iso;
  }
  return null;
}

function enclosuresOf(entry: RawEntry, base: string): Enclosure[] {
  const found = new Map<string, Enclosure>();
  const add = (
    url: string | undefined,
    type: string | undefined,
    length: string | undefined,
  ): void => {
    const absolute = url === undefined ? null : absoluteHttpUrl(url, base);
    if (absolute === null || found.has(absolute)) return;
    const size = length === undefined ? Number.NaN : Number(length);
    found.set(absolute, {
      url: absolute,
      type: type === undefined || type === '' ? null : sanitizeLine(type),
      length: Number.isFinite(size) && size >= 0 ? size : null,
    });
  };
  const enclosure = entry['enclosure'];
  if (typeof enclosure === 'object' && enclosure !== null) {
    const e = enclosure as Record<string, unknown>;
    add(
      e['url'] as string | undefined,
      e['type'] as string | undefined,
      e['length'] as string | undefined,
    );
  }
  for (const link of asArray(entry['allLinks'])) {
    if (attr(link, 'rel') === 'enclosure')
      add(attr(link, 'href'), attr(link, 'type'), attr(link, 'length'));
  }
  for (const media of asArray(entry['mediaContent'])) {
    add(attr(media, 'url'), attr(media, 'type') ?? attr(media, 'medium'), attr(media, 'fileSize'));
  }
  return [...found.values()];
}

function htmlString(value: unknown): string | null {
  const text = typeof value === 'string' ? value : textOf(value);
  return text.trim() === '' ? null : text;
}

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, limit);
  // Never split a surrogate pair.
  return `${/[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut}…`;
}

/**
 * The start of an HTML summary, enough for SUMMARY_LIMIT characters of text: converting a whole
 * 4 KB description to keep 600 characters is wasted work on every item of every feed. A tag cut
 * in half at the end is dropped.
 */
function summaryHead(html: string): string {
  const limit = SUMMARY_LIMIT * 6;
  if (html.length <= limit) return html;
  return html.slice(0, limit).replace(/<[^>]*$/, '');
}

export interface NormalizeContext {
  /** The feed URL as the catalog names it: part of every item id. */
  readonly feedUrl: string;
  /** The URL the document was finally fetched from: the base for relative links. */
  readonly baseUrl: string;
  /** The time to stamp as `firstSeen` on items seen for the first time. */
  readonly now: Date;
}

export interface NormalizedFeed {
  readonly title: string;
  readonly items: Item[];
}

/** Normalizes a parsed feed. Items with the same id collapse into the first one. */
export function normalizeFeed(raw: RawFeed, context: NormalizeContext): NormalizedFeed {
  const feedTitle = lineOf(raw.title) || new URL(context.feedUrl).host;
  const firstSeen = context.now.toISOString();
  const items = new Map<string, Item>();
  for (const entry of raw.entries) {
    const title = lineOf(entry['rawTitle'] ?? entry['title']);
    const linkText = linkOf(entry);
    const link = linkText === '' ? null : absoluteHttpUrl(linkText, context.baseUrl);
    const published = publishedOf(entry);
    const guid = textOf(entry['guid'] ?? entry['id'] ?? entry['rdf:about']).trim();
    const key =
      guid !== ''
        ? `guid:${guid}`
        : link !== null
          ? `link:${link}`
          : `title:${title}\n${published ?? ''}`;
    const id = itemId(context.feedUrl, key);
    if (items.has(id)) continue;
    const encoded = htmlString(entry['content:encoded']);
    const content = htmlString(entry['content']);
    const summaryHtml = htmlString(entry['summary']);
    const richest = encoded ?? content ?? summaryHtml;
    const summarySource = summaryHtml ?? content ?? encoded ?? '';
    const summary = truncate(htmlToPlainText(summaryHead(summarySource)), SUMMARY_LIMIT);
    if (title === '' && summary === '' && link === null) continue;
    items.set(id, {
      id,
      feedUrl: context.feedUrl,
      source: feedTitle,
      title: title || truncate(summary.split('\n')[0] ?? '', 80) || (link ?? ''),
      link,
      published,
      author: authorOf(entry),
      categories: categoriesOf(entry),
      summary,
      contentHtml: richest === null ? null : sanitizeHtml(richest),
      enclosures: enclosuresOf(entry, context.baseUrl),
      firstSeen,
    });
  }
  return { title: feedTitle, items: [...items.values()] };
}
