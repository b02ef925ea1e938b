// The favorite snapshot file format: an Article plus when it was saved and its tags, validated on
// read so a damaged file is detected rather than half-shown. Pure; no I/O.
import { createHash } from 'node:crypto';
import type { Article } from '../articles/article.js';
import type { Block } from '../articles/blocks.js';

export const SNAPSHOT_FORMAT = 'tidings-favorite';
export const SNAPSHOT_VERSION = 1;

/** A saved article, exactly as it read when it was saved. */
export interface FavoriteSnapshot {
  readonly article: Article;
  /** ISO 8601. */
  readonly savedAt: string;
  readonly tags: readonly string[];
}

/** What the favorites index keeps per favorite: enough to list and search without the body. */
export interface FavoriteEntry {
  readonly id: string;
  readonly title: string;
  readonly source: string;
  readonly link: string | null;
  readonly published: string | null;
  readonly savedAt: string;
  readonly tags: readonly string[];
}

/** The index entry describing a snapshot. */
export function entryOf(snapshot: FavoriteSnapshot): FavoriteEntry {
  const { header } = snapshot.article;
  return {
    id: header.itemId,
    title: header.title,
    source: header.source,
    link: header.link,
    published: header.published,
    savedAt: snapshot.savedAt,
    tags: snapshot.tags,
  };
}

/**
 * The snapshot's file name for an item id: the id itself when it is a plain token (item ids are
 * short hashes), otherwise a hash of it, so no id can escape the directory.
 */
export function snapshotFileName(id: string): string {
  return /^[A-Za-z0-9_-]{1,80}$/.test(id)
    ? `${id}.json`
    : `h-${createHash('sha1').update(id).digest('hex')}.json`;
}

/** Serializes a snapshot for its file. */
export function serializeSnapshot(snapshot: FavoriteSnapshot): string {
  return `${JSON.stringify({ format: SNAPSHOT_FORMAT, version: SNAPSHOT_VERSION, ...snapshot }, null, 1)}\n`;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringOrNull = (value: unknown): value is string | null =>
  value === null || typeof value === 'string';
const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

function isBlock(value: unknown): value is Block {
  if (!isRecord(value)) return false;
  switch (value['type']) {
    case 'heading':
      return typeof value['level'] === 'number' && isString(value['text']);
    case 'paragraph':
    case 'code':
    case 'caption':
      return isString(value['text']);
    case 'list':
      return (
        typeof value['ordered'] === 'boolean' &&
        Array.isArray(value['items']) &&
        value['items'].every(
          (item) =>
            isRecord(item) &&
            isString(item['text']) &&
            Array.isArray(item['children']) &&
            item['children'].every(isBlock),
        )
      );
    case 'quote':
      return Array.isArray(value['blocks']) && value['blocks'].every(isBlock);
    case 'table':
      return (
        (value['header'] === null || isStringArray(value['header'])) &&
        Array.isArray(value['rows']) &&
        value['rows'].every(isStringArray)
      );
    case 'image':
      return (
        typeof value['index'] === 'number' && isString(value['alt']) && isStringOrNull(value['src'])
      );
    case 'rule':
      return true;
    default:
      return false;
  }
}

function isArticle(value: unknown): value is Article {
  if (!isRecord(value)) return false;
  const header = value['header'];
  return (
    isRecord(header) &&
    isString(header['itemId']) &&
    header['itemId'] !== '' &&
    isString(header['title']) &&
    isStringOrNull(header['published']) &&
    isStringOrNull(header['author']) &&
    isString(header['source']) &&
    isStringOrNull(header['editor']) &&
    isStringOrNull(header['link']) &&
    isString(header['feedUrl']) &&
    Array.isArray(value['blocks']) &&
    value['blocks'].every(isBlock) &&
    isStringArray(value['links']) &&
    (value['textSource'] === 'page' || value['textSource'] === 'feed') &&
    isStringOrNull(value['notice']) &&
    typeof value['sitePages'] === 'number' &&
    typeof value['length'] === 'number'
  );
}

/** Parses a snapshot file's text; returns the reason when it is not a valid snapshot. */
export function parseSnapshot(text: string): FavoriteSnapshot | { readonly error: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  if (!isRecord(raw) || raw['format'] !== SNAPSHOT_FORMAT)
    return { error: 'not a tidings favorite' };
  if (raw['version'] !== SNAPSHOT_VERSION)
    return { error: `unsupported version ${String(raw['version'])}` };
  if (!isString(raw['savedAt']) || Number.isNaN(Date.parse(raw['savedAt'])))
    return { error: 'bad savedAt' };
  if (!isStringArray(raw['tags'])) return { error: 'bad tags' };
  if (!isArticle(raw['article'])) return { error: 'bad article' };
  return { article: raw['article'], savedAt: raw['savedAt'], tags: raw['tags'] };
}

/** Reads an index entry back from its stored form; null when it is malformed. */
export function parseEntry(id: string, value: unknown): FavoriteEntry | null {
  if (!isRecord(value)) return null;
  const { title, source, link, published, savedAt, tags } = value;
  if (!isString(title) || !isString(source) || !isStringOrNull(link) || !isStringOrNull(published))
    return null;
  if (!isString(savedAt) || !isStringArray(tags)) return null;
  return { id, title, source, link, published, savedAt, tags };
}
