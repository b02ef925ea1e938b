// The local reading history: one JSON line per opened item (item, time, channels, regions),
// appended under the shared lock and pruned to a retention window (90 days by default).
// Never prints; a corrupt line moves the file aside and keeps every readable entry.
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import { withFileLock } from './file-lock.js';
import type { DataPaths } from './paths.js';
import { quarantineFile } from './quarantine.js';
import type { NoticeSink } from './storage-notice.js';

export const DEFAULT_HISTORY_DAYS = 90;

const DAY_MS = 86_400_000;

/** One opened item. */
export interface HistoryEntry {
  readonly itemId: string;
  readonly title: string;
  readonly source: string;
  readonly feedUrl: string;
  readonly link: string | null;
  /** Channel ids the item belonged to when it was opened. */
  readonly channels: readonly string[];
  /** Region ids the item belonged to when it was opened. */
  readonly regions: readonly string[];
  /** ISO 8601. */
  readonly readAt: string;
}

export interface HistoryOptions {
  readonly paths: DataPaths;
  readonly now: () => Date;
  readonly onNotice?: NoticeSink;
  /** @default 90 */
  readonly retentionDays?: number;
  readonly lockStaleMs?: number;
}

const isString = (value: unknown): value is string => typeof value === 'string';
const isStringArray = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every(isString);

function parseLine(line: string): HistoryEntry | null {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  const { itemId, title, source, feedUrl, link, channels, regions, readAt } = r;
  if (!isString(itemId) || !isString(title) || !isString(source) || !isString(feedUrl)) return null;
  if (!(link === null || isString(link)) || !isStringArray(channels) || !isStringArray(regions))
    return null;
  if (!isString(readAt) || Number.isNaN(Date.parse(readAt))) return null;
  return { itemId, title, source, feedUrl, link, channels, regions, readAt };
}

function serializeEntry(entry: HistoryEntry): string {
  const { itemId, title, source, feedUrl, link, channels, regions, readAt } = entry;
  return JSON.stringify({ itemId, title, source, feedUrl, link, channels, regions, readAt });
}

interface ParsedFile {
  readonly entries: HistoryEntry[];
  readonly badLines: number;
}

function parseFile(text: string): ParsedFile {
  const entries: HistoryEntry[] = [];
  let badLines = 0;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const entry = parseLine(line);
    if (entry === null) badLines += 1;
    else entries.push(entry);
  }
  return { entries, badLines };
}

/** The history file (`history.jsonl` under the data directory). */
export class HistoryStore {
  readonly #options: HistoryOptions;
  readonly #retentionMs: number;
  /** The file's path. */
  readonly path: string;

  constructor(options: HistoryOptions) {
    this.#options = options;
    this.#retentionMs = (options.retentionDays ?? DEFAULT_HISTORY_DAYS) * DAY_MS;
    this.path = join(options.paths.data, 'history.jsonl');
  }

  /** Appends one opened item; drops entries past the retention window when there are any. */
  async record(entry: HistoryEntry): Promise<void> {
    const isPruneDue = await this.#locked(async () => {
      const handle = await open(this.path, 'a+');
      try {
        const { size } = await handle.stat();
        let prefix = '';
        let isOld = false;
        if (size > 0) {
          // A write cut short by a crash leaves a line without its newline: start a fresh line so
          // the damage stays on that one line (which the next read moves aside).
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          if (last[0] !== 0x0a) prefix = '\n';
          const head = Buffer.alloc(Math.min(size, 4096));
          await handle.read(head, 0, head.length, 0);
          const first = parseLine(head.toString('utf8').split('\n')[0] ?? '');
          isOld = first !== null && Date.parse(first.readAt) < this.#oldest();
        }
        try {
          await handle.appendFile(`${prefix}${serializeEntry(entry)}\n`);
          await handle.sync();
        } catch (error) {
          // A full disk can take part of the line: cut it off again so the file stays whole.
          await handle.truncate(size).catch(() => undefined);
          throw error;
        }
        return isOld;
      } finally {
        await handle.close();
      }
    });
    if (isPruneDue) await this.#rewrite();
  }

  /**
   * Every entry inside the retention window, oldest first. Unreadable lines move the file aside
   * (`history.jsonl.corrupt-<time>`, reported once) and the readable entries are written back.
   */
  async entries(): Promise<HistoryEntry[]> {
    const text = await this.#readText();
    const parsed = parseFile(text);
    if (parsed.badLines > 0) return this.#rewrite();
    return this.#inWindow(parsed.entries);
  }

  /** Forgets the whole history. */
  async clear(): Promise<void> {
    await this.#locked(() => writeFileAtomic(this.path, ''));
  }

  #oldest(): number {
    return this.#options.now().getTime() - this.#retentionMs;
  }

  #inWindow(entries: HistoryEntry[]): HistoryEntry[] {
    const oldest = this.#oldest();
    return entries.filter((entry) => Date.parse(entry.readAt) >= oldest);
  }

  async #readText(): Promise<string> {
    try {
      return await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
      throw error;
    }
  }

  /** Rewrites the file with its readable entries inside the window; quarantines it if damaged. */
  async #rewrite(): Promise<HistoryEntry[]> {
    return this.#locked(async () => {
      const parsed = parseFile(await this.#readText());
      const kept = this.#inWindow(parsed.entries);
      if (parsed.badLines > 0) {
        const movedTo = await quarantineFile(this.path, this.#options.now());
        this.#options.onNotice?.({
          path: this.path,
          movedTo,
          message: `${this.path} had ${parsed.badLines} unreadable line(s); moved to ${movedTo}; kept ${kept.length} readable entries`,
        });
      }
      await writeFileAtomic(this.path, kept.map((entry) => `${serializeEntry(entry)}\n`).join(''));
      return kept;
    });
  }

  async #locked<T>(work: () => Promise<T>): Promise<T> {
    const staleMs = this.#options.lockStaleMs;
    return withFileLock(this.path, work, staleMs === undefined ? {} : { staleMs });
  }
}
