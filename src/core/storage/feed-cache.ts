// The on-disk feed cache: whatever was fetched once reads offline. Per feed, one file of item
// summaries (what lists need) and one of content HTML (what the reader needs), plus one small
// index of validators (ETag / Last-Modified) so a warm refresh reads no item files at all.
// Every write is atomic; a corrupt file is moved aside and reported, never overwritten silently.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Item } from '../feeds/item.js';
import { writeFileAtomic } from './atomic-write.js';
import { quarantineFile } from './quarantine.js';

/** An item without its content HTML: what lists, search and insights need. */
export type ItemSummary = Omit<Item, 'contentHtml'>;

/** What the cache knows of one feed without reading its items. */
export interface FeedRecord {
  readonly url: string;
  /** File stem of the feed's files under `feeds/`. */
  readonly key: string;
  readonly title: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  /** ISO time of the last successful fetch (200 or 304). */
  readonly fetchedAt: string | null;
  readonly itemCount: number;
  /** The last refresh's error, or null when it succeeded. */
  readonly lastError: string | null;
}

interface IndexFile {
  readonly version: 1;
  readonly feeds: Record<string, FeedRecord>;
}

interface ItemsFile {
  readonly version: 1;
  readonly url: string;
  readonly items: ItemSummary[];
}

interface ContentFile {
  readonly version: 1;
  readonly content: Record<string, string>;
}

/** A problem met while reading the cache: a corrupt file moved aside. Reported once by the caller. */
export interface CacheWarning {
  readonly path: string;
  readonly movedTo: string;
  readonly message: string;
}

/**
 * Item files are atomic (temp + rename) but not fsynced: the cache can always be fetched again,
 * and a file a power cut truncates is detected as corrupt and set aside. The index stays durable.
 */
const CACHE_WRITE = { isDurable: false, createsDirectory: false } as const;

/** The file stem for a feed URL. */
export function feedKey(url: string): string {
  return createHash('sha1').update(url).digest('hex').slice(0, 16);
}

export class FeedCache {
  readonly #dir: string;
  readonly #now: () => Date;
  readonly #warnings: CacheWarning[] = [];
  #feedsDirReady: Promise<void> | null = null;

  /** `dir` is the cache directory (paths.cache). */
  constructor(dir: string, now: () => Date) {
    this.#dir = dir;
    this.#now = now;
  }

  get indexPath(): string {
    return join(this.#dir, 'feeds-index.json');
  }

  /** Corrupt files found so far (already moved aside). */
  get warnings(): readonly CacheWarning[] {
    return this.#warnings;
  }

  #itemsPath(key: string): string {
    return join(this.#dir, 'feeds', `${key}.items.json`);
  }

  #contentPath(key: string): string {
    return join(this.#dir, 'feeds', `${key}.content.json`);
  }

  /** Reads a JSON file; missing → null; corrupt → moved aside, warned, null. */
  async #readJson<T>(path: string, isValid: (value: unknown) => value is T): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    let problem: string;
    try {
      const value: unknown = JSON.parse(text);
      if (isValid(value)) return value;
      problem = 'unexpected structure';
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
    const movedTo = await quarantineFile(path, this.#now());
    this.#warnings.push({
      path,
      movedTo,
      message: `corrupt cache file ${path} moved to ${movedTo} (${problem})`,
    });
    return null;
  }

  /** The index of all cached feeds, keyed by URL. */
  async readIndex(): Promise<Record<string, FeedRecord>> {
    const index = await this.#readJson(this.indexPath, isIndexFile);
    return index?.feeds ?? {};
  }

  /**
   * Writes index records for the given feeds. The index is re-read just before writing and the
   * records merged in, so two processes refreshing different feeds keep each other's entries.
   */
  async writeIndex(records: readonly FeedRecord[]): Promise<void> {
    const current = await this.readIndex();
    for (const record of records) current[record.url] = record;
    const file: IndexFile = { version: 1, feeds: current };
    await writeFileAtomic(this.indexPath, JSON.stringify(file));
  }

  /** The cached items of one feed, without content, newest first. */
  async readSummaries(key: string): Promise<ItemSummary[]> {
    const file = await this.#readJson(this.#itemsPath(key), isItemsFile);
    return file?.items ?? [];
  }

  /** Content HTML of a feed's items, by item id. */
  async readContent(key: string): Promise<Record<string, string>> {
    const file = await this.#readJson(this.#contentPath(key), isContentFile);
    return file?.content ?? {};
  }

  /** Replaces a feed's cached items (summaries and content), atomically per file. */
  async writeItems(url: string, key: string, items: readonly Item[]): Promise<void> {
    this.#feedsDirReady ??= mkdir(join(this.#dir, 'feeds'), { recursive: true }).then(
      () => undefined,
    );
    await this.#feedsDirReady;
    const summaries: ItemSummary[] = [];
    const content: Record<string, string> = {};
    for (const { contentHtml, ...summary } of items) {
      summaries.push(summary);
      if (contentHtml !== null) content[summary.id] = contentHtml;
    }
    // Content first: a crash in between leaves summaries pointing at content that exists.
    await writeFileAtomic(
      this.#contentPath(key),
      JSON.stringify({ version: 1, content } satisfies ContentFile),
      CACHE_WRITE,
    );
    await writeFileAtomic(
      this.#itemsPath(key),
      JSON.stringify({ version: 1, url, items: summaries } satisfies ItemsFile),
      CACHE_WRITE,
    );
  }

  /**
   * All cached item summaries of the given feeds (all cached feeds when omitted), each feed read
   * once. Duplicate ids (the same feed under two URLs cannot share ids) are kept first-seen.
   */
  async readAllSummaries(urls?: readonly string[]): Promise<ItemSummary[]> {
    const index = await this.readIndex();
    const keys =
      urls === undefined
        ? await this.#allKeys(index)
        : urls.map((url) => index[url]?.key ?? feedKey(url));
    const lists = await Promise.all(keys.map((key) => this.readSummaries(key)));
    return lists.flat();
  }

  /** A cached item with its content, or null when no feed of the cache has it. */
  async findItem(id: string): Promise<Item | null> {
    const index = await this.readIndex();
    for (const key of await this.#allKeys(index)) {
      const summary = (await this.readSummaries(key)).find((item) => item.id === id);
      if (summary !== undefined) {
        const content = await this.readContent(key);
        return { ...summary, contentHtml: content[id] ?? null };
      }
    }
    return null;
  }

  /** Content HTML of one item. */
  async contentOf(item: ItemSummary): Promise<string | null> {
    const content = await this.readContent(feedKey(item.feedUrl));
    return content[item.id] ?? null;
  }

  async #allKeys(index: Record<string, FeedRecord>): Promise<string[]> {
    const keys = new Set(Object.values(index).map((record) => record.key));
    try {
      for (const name of await readdir(join(this.#dir, 'feeds'))) {
        const match = /^([0-9a-f]{16})\.items\.json$/.exec(name);
        if (match?.[1] !== undefined) keys.add(match[1]);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    // A fixed order: items of equal time then list the same way however the feeds' fetches
    // finished (the index is written in completion order).
    return [...keys].sort();
  }
}

function isRecordObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndexFile(value: unknown): value is IndexFile {
  return isRecordObject(value) && value['version'] === 1 && isRecordObject(value['feeds']);
}

function isItemsFile(value: unknown): value is ItemsFile {
  return (
    isRecordObject(value) &&
    value['version'] === 1 &&
    Array.isArray(value['items']) &&
    value['items'].every(
      (item) =>
        isRecordObject(item) && typeof item['id'] === 'string' && typeof item['title'] === 'string',
    )
  );
}

function isContentFile(value: unknown): value is ContentFile {
  return isRecordObject(value) && value['version'] === 1 && isRecordObject(value['content']);
}
