// One small JSON document kept in conf, shared safely between processes: reads are cached until the
// file changes on disk, updates re-read, merge and write under a lock, and a corrupt file is
// quarantined instead of thrown or cleared. Small documents only: conf rewrites the whole file.
import { statSync } from 'node:fs';
import Conf from 'conf';
import { writeFileAtomicSync } from './atomic-write.js';
import { withFileLock } from './file-lock.js';
import { quarantineFileSync } from './quarantine.js';
import type { NoticeSink } from './storage-notice.js';

export interface ConfDocumentOptions<T> {
  /** Directory of the file. */
  readonly cwd: string;
  /** File name without `.json`. */
  readonly configName: string;
  /** Turns the parsed file into the document, or null when its shape is wrong (= corrupt). */
  readonly parse: (raw: Record<string, unknown>) => T | null;
  /** The plain object written for a document. */
  readonly serialize: (document: T) => Record<string, unknown>;
  /** The document when there is no file yet. */
  readonly empty: () => T;
  readonly now: () => Date;
  readonly onNotice?: NoticeSink;
  /** Called after a corrupt file was moved aside: what to rebuild in its place, if anything. */
  readonly recover?: () => Promise<T | null>;
  /** Lock staleness, see {@link withFileLock}. */
  readonly lockStaleMs?: number;
  /** The lock guarding this document, when it is shared with other files; default: the file. */
  readonly lockTarget?: string;
}

interface Cached<T> {
  readonly stamp: string;
  readonly document: T;
}

const MISSING = 'missing';

function stampOf(path: string): string {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.mtimeNs}:${stat.size}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return MISSING;
    throw error;
  }
}

class CorruptDocumentError extends Error {}

/** A conf-backed document with lock-protected updates. See the module comment. */
export class ConfDocument<T> {
  readonly #options: ConfDocumentOptions<T>;
  #conf: Conf<Record<string, unknown>> | null = null;
  #cached: Cached<T> | null = null;
  readonly path: string;

  constructor(options: ConfDocumentOptions<T>) {
    this.#options = options;
    this.path = `${options.cwd}/${options.configName}.json`;
  }

  /** The lock target guarding this document (other files may share it). */
  get lockTarget(): string {
    return this.#options.lockTarget ?? this.path;
  }

  /**
   * The current document, re-read only when the file changed since the last read or write.
   * A corrupt file is moved aside and reported, and the document starts empty (or recovered).
   */
  async read(): Promise<T> {
    try {
      return this.#readSync();
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      return this.update((document) => ({ next: null, result: document }));
    }
  }

  /**
   * Runs `change` on the freshest document while holding the lock and writes what it returns as
   * `next` (null: write nothing). Concurrent updates from other processes are never lost.
   */
  async update<R>(
    change: (document: T) => { next: T | null; result: R } | Promise<{ next: T | null; result: R }>,
  ): Promise<R> {
    return withFileLock(this.lockTarget, () => this.updateLocked(change), {
      staleMs: this.#options.lockStaleMs,
    });
  }

  /** {@link update} for a caller that already holds {@link lockTarget}. */
  async updateLocked<R>(
    change: (document: T) => { next: T | null; result: R } | Promise<{ next: T | null; result: R }>,
  ): Promise<R> {
    let current: T;
    try {
      current = this.#readSync();
    } catch (error) {
      if (!(error instanceof CorruptDocumentError)) throw error;
      current = await this.#quarantine(error.message);
    }
    const { next, result } = await change(current);
    if (next !== null) this.#write(next);
    return result;
  }

  /** Writes a document unconditionally; the caller must hold {@link lockTarget}. */
  writeLocked(document: T): void {
    this.#write(document);
  }

  #write(document: T): void {
    try {
      // Not conf's setter: it writes through atomically, which issues one write and ignores a short
      // count, so on a nearly full disk it renamed a truncated file over the good one. Same bytes
      // as conf's serialize below; conf reads the file afresh on every get.
      writeFileAtomicSync(this.path, JSON.stringify(this.#options.serialize(document)));
    } catch (error) {
      this.#cached = null;
      throw error;
    }
    this.#cached = { stamp: stampOf(this.path), document };
  }

  #open(): Conf<Record<string, unknown>> {
    if (this.#conf === null) {
      try {
        this.#conf = new Conf<Record<string, unknown>>({
          projectName: 'tidings',
          cwd: this.#options.cwd,
          configName: this.#options.configName,
          accessPropertiesByDotNotation: false,
          clearInvalidConfig: false,
          // Compact: the file is re-read on every conf call, so every byte costs.
          serialize: (value) => JSON.stringify(value),
        });
      } catch (error) {
        throw new CorruptDocumentError(error instanceof Error ? error.message : String(error));
      }
    }
    return this.#conf;
  }

  #readSync(): T {
    const stamp = stampOf(this.path);
    if (this.#cached !== null && this.#cached.stamp === stamp) return this.#cached.document;
    if (stamp === MISSING) {
      const document = this.#options.empty();
      this.#cached = { stamp, document };
      return document;
    }
    let raw: Record<string, unknown>;
    try {
      raw = this.#open().store;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== undefined) throw error;
      throw new CorruptDocumentError(error instanceof Error ? error.message : String(error));
    }
    const document = this.#options.parse(raw);
    if (document === null) throw new CorruptDocumentError('unexpected content');
    // Stamp taken before reading: if the file changed in between, the next read re-reads it.
    this.#cached = { stamp, document };
    return document;
  }

  /** Moves the corrupt file aside, reports it, and returns what replaces it. Lock held. */
  async #quarantine(reason: string): Promise<T> {
    let movedTo: string;
    try {
      movedTo = quarantineFileSync(this.path, this.#options.now());
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      movedTo = '';
    }
    this.#conf = null;
    this.#cached = null;
    const recovered = (await this.#options.recover?.()) ?? null;
    if (movedTo !== '') {
      this.#options.onNotice?.({
        path: this.path,
        movedTo,
        message:
          `${this.path} was corrupt (${reason}); moved to ${movedTo}` +
          (recovered === null ? '; starting empty' : '; rebuilt from the data that is readable'),
      });
    }
    const document = recovered ?? this.#options.empty();
    this.#write(document);
    return document;
  }
}
