// Favorites (收藏): each saved article is a snapshot file of its own, written atomically; the
// small index (title, source, link, dates, tags) lives in conf. Every write holds one lock and
// re-reads before it writes, so concurrent processes lose nothing. Never prints; reports notices.
import { access, readdir, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from '../articles/article.js';
import { sanitizeLine } from '../feeds/sanitize.js';
import { writeFileAtomic } from './atomic-write.js';
import { ConfDocument } from './conf-document.js';
import {
  entryOf,
  parseEntry,
  parseSnapshot,
  serializeSnapshot,
  snapshotFileName,
  type FavoriteEntry,
  type FavoriteSnapshot,
} from './favorite-snapshot.js';
import { withFileLock } from './file-lock.js';
import type { DataPaths } from './paths.js';
import { quarantineFile } from './quarantine.js';
import type { NoticeSink, StorageNotice } from './storage-notice.js';

export type { FavoriteEntry, FavoriteSnapshot } from './favorite-snapshot.js';

export interface FavoritesStoreOptions {
  readonly paths: DataPaths;
  readonly now: () => Date;
  readonly onNotice?: NoticeSink;
  /** Lock staleness (tests of killed writers use the 2,000 ms minimum). */
  readonly lockStaleMs?: number;
}

/** The result of {@link FavoritesStore.add}. */
export interface AddResult {
  readonly entry: FavoriteEntry;
  /** False when the article was already saved (its snapshot is replaced, saved time kept). */
  readonly isNew: boolean;
}

/** What {@link FavoritesStore.repair} found and did. */
export interface RepairReport {
  /** Favorites in the rebuilt index. */
  readonly kept: number;
  /** Favorites the index had before the repair (0 when it was missing or corrupt). */
  readonly indexedBefore: number;
  /** Snapshots that were on disk but missing from the index. */
  readonly recovered: readonly string[];
  /** Index entries whose snapshot file was gone. */
  readonly dropped: readonly string[];
  /** Corrupt snapshots moved aside. */
  readonly quarantined: readonly StorageNotice[];
  /** Temp files of interrupted writes that were deleted. */
  readonly removedTempFiles: number;
}

type Index = ReadonlyMap<string, FavoriteEntry>;

const INDEX_VERSION = 1;

function parseIndex(raw: Record<string, unknown>): Index | null {
  if (raw['version'] !== INDEX_VERSION) return null;
  const entries = raw['entries'];
  if (typeof entries !== 'object' || entries === null || Array.isArray(entries)) return null;
  const index = new Map<string, FavoriteEntry>();
  for (const [id, value] of Object.entries(entries)) {
    const entry = parseEntry(id, value);
    if (entry === null) return null;
    index.set(id, entry);
  }
  return index;
}

function serializeIndex(index: Index): Record<string, unknown> {
  const entries: Record<string, unknown> = {};
  for (const { id, ...rest } of index.values()) entries[id] = rest;
  return { version: INDEX_VERSION, entries };
}

/** Newest saved first; ties by id so the order is stable. */
function bySavedAtDesc(a: FavoriteEntry, b: FavoriteEntry): number {
  return b.savedAt.localeCompare(a.savedAt) || a.id.localeCompare(b.id);
}

/**
 * The index is split into this many conf documents by a hash of the id, so adding or removing one
 * favorite rewrites 1/16 of it: a single 5,000-entry index is ~1.3 MB and costs 35–65 ms to
 * serialize, write and fsync on every change (measured), a shard ~1/16 of that.
 */
export const INDEX_SHARDS = 16;

/** FNV-1a of the id, modulo the shard count: stable across processes and versions. */
export function shardOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i += 1) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % INDEX_SHARDS;
}

/** Favorites on disk. Open one per process with {@link FavoritesStore.open}. */
/** A replacement snapshot waiting for its index entry: `<snapshot>.next`. */
const PENDING_SUFFIX = '.next';

export class FavoritesStore {
  readonly #options: FavoritesStoreOptions;
  readonly #shards: readonly ConfDocument<Index>[];
  readonly #lockTarget: string;
  #sorted: { shards: readonly Index[]; list: readonly FavoriteEntry[] } | null = null;
  /** Where the snapshot files live. */
  readonly directory: string;
  /** Where the index shards live. */
  readonly indexDirectory: string;

  private constructor(options: FavoritesStoreOptions) {
    this.#options = options;
    this.directory = join(options.paths.data, 'favorites');
    this.indexDirectory = join(options.paths.config, 'favorites');
    this.#lockTarget = join(options.paths.data, 'favorites');
    this.#shards = Array.from(
      { length: INDEX_SHARDS },
      (_, shard) =>
        new ConfDocument<Index>({
          cwd: this.indexDirectory,
          configName: `index-${shard.toString(16)}`,
          parse: parseIndex,
          serialize: serializeIndex,
          empty: () => new Map(),
          now: options.now,
          onNotice: options.onNotice,
          lockStaleMs: options.lockStaleMs,
          lockTarget: this.#lockTarget,
          // A corrupt shard is rebuilt from the snapshots: they are the source of truth.
          recover: async () => {
            const { index } = await this.#scanSnapshots();
            return new Map([...index].filter(([id]) => shardOf(id) === shard));
          },
        }),
    );
  }

  /**
   * Opens the store. A corrupt index shard is moved aside and rebuilt from the snapshot files; a
   * missing index next to existing snapshots (deleted by hand) is rebuilt the same way.
   */
  static async open(options: FavoritesStoreOptions): Promise<FavoritesStore> {
    const store = new FavoritesStore(options);
    const shards = await store.#readShards();
    if (shards.every((shard) => shard.size === 0) && (await store.#hasSnapshotFiles()))
      await store.repair();
    return store;
  }

  /** The paths of the index shard files (conf). */
  get indexPaths(): readonly string[] {
    return this.#shards.map((shard) => shard.path);
  }

  /** The index shard document holding an id. */
  #shardFor(id: string): ConfDocument<Index> {
    const shard = this.#shards[shardOf(id)];
    if (shard === undefined) throw new Error('unreachable: shard out of range');
    return shard;
  }

  async #readShards(): Promise<Index[]> {
    const shards: Index[] = [];
    for (const shard of this.#shards) shards.push(await shard.read());
    return shards;
  }

  /** The snapshot file path of a favorite id. */
  snapshotPath(id: string): string {
    return join(this.directory, snapshotFileName(id));
  }

  /** Every favorite, newest saved first. Cheap while the index file is unchanged. */
  async list(): Promise<readonly FavoriteEntry[]> {
    const shards = await this.#readShards();
    const cached = this.#sorted;
    if (cached !== null && cached.shards.every((shard, n) => shard === shards[n]))
      return cached.list;
    const list = shards.flatMap((shard) => [...shard.values()]).sort(bySavedAtDesc);
    this.#sorted = { shards, list };
    return list;
  }

  /** Whether an item id is saved. */
  async has(id: string): Promise<boolean> {
    return (await this.#shardFor(id).read()).has(id);
  }

  /** The index entry of a favorite, or null. */
  async entry(id: string): Promise<FavoriteEntry | null> {
    return (await this.#shardFor(id).read()).get(id) ?? null;
  }

  /**
   * Reads a saved article. A corrupt snapshot is moved aside, reported, and its index entry
   * removed; the result is then null, as for an id that is not saved.
   */
  async get(id: string): Promise<FavoriteSnapshot | null> {
    const path = this.snapshotPath(id);
    if (
      await access(this.#pendingPath(id)).then(
        () => true,
        () => false,
      )
    ) {
      await this.#settlePendingUnderLock(id);
    }
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    const parsed = parseSnapshot(text);
    if (!('error' in parsed) && parsed.article.header.itemId === id) return parsed;
    const reason =
      'error' in parsed ? parsed.error : `holds ${parsed.article.header.itemId}, not ${id}`;
    await withFileLock(
      this.#lockTarget,
      () => this.#quarantineSnapshotLocked(id, path, reason),
      this.#lockOptions(),
    );
    return null;
  }

  /**
   * Saves an article (a new snapshot, or a replacement keeping the first saved time and merging
   * tags). Resolves once both the snapshot and the index are on disk.
   */
  async add(article: Article, tags: readonly string[] = []): Promise<AddResult> {
    const id = article.header.itemId;
    if (id === '') throw new Error('an article without an item id cannot be saved');
    return withFileLock(
      this.#lockTarget,
      async () => {
        const result = await this.#shardFor(id).updateLocked(async (index) => {
          const existing = index.get(id);
          const snapshot: FavoriteSnapshot = {
            article,
            savedAt: existing?.savedAt ?? this.#options.now().toISOString(),
            // Tags are typed by the user but printed to terminals: sanitized like any feed field.
            tags: [
              ...new Set([
                ...(existing?.tags ?? []),
                ...tags.map(sanitizeLine).filter((t) => t !== ''),
              ]),
            ],
          };
          // Snapshot first: a crash between the two writes leaves an unindexed file that `repair`
          // recovers, never an index entry without its text. A replacement goes to a pending
          // file and is renamed into place only after the index names it (see #settlePending),
          // so a crash in between leaves the old snapshot and the old entry together.
          const serialized = serializeSnapshot(snapshot);
          if (existing === undefined) await writeFileAtomic(this.snapshotPath(id), serialized);
          else await writeFileAtomic(this.#pendingPath(id), serialized);
          const entry = entryOf(snapshot);
          const next = new Map(index);
          next.set(id, entry);
          return { next, result: { entry, isNew: existing === undefined } };
        });
        if (!result.isNew) await this.#settlePending(id);
        return result;
      },
      this.#lockOptions(),
    );
  }

  #pendingPath(id: string): string {
    return `${this.snapshotPath(id)}${PENDING_SUFFIX}`;
  }

  async #settlePendingUnderLock(id: string): Promise<void> {
    await withFileLock(this.#lockTarget, () => this.#settlePending(id), this.#lockOptions());
  }

  /**
   * Finishes or undoes an interrupted replacement (must run under the lock): a pending snapshot
   * whose entry the index already holds is renamed into place; otherwise the index still names
   * the old snapshot, and the pending file is dropped.
   */
  async #settlePending(id: string): Promise<void> {
    const pending = this.#pendingPath(id);
    let text: string;
    try {
      text = await readFile(pending, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parsed = parseSnapshot(text);
    const indexed = (await this.#shardFor(id).read()).get(id);
    const isCommitted =
      !('error' in parsed) &&
      indexed !== undefined &&
      JSON.stringify(entryOf(parsed)) === JSON.stringify(indexed);
    if (isCommitted) await rename(pending, this.snapshotPath(id));
    else await unlink(pending);
  }

  /** Removes a favorite; false when it was not saved. */
  async remove(id: string): Promise<boolean> {
    return withFileLock(
      this.#lockTarget,
      async () => {
        const wasIndexed = await this.#shardFor(id).updateLocked((index) => {
          if (!index.has(id)) return { next: null, result: false };
          const next = new Map(index);
          next.delete(id);
          return { next, result: true };
        });
        // Index first: a crash between the two leaves an orphan snapshot (which `repair` would
        // bring back), never an index entry pointing at nothing.
        await unlink(this.#pendingPath(id)).catch(() => undefined);
        const hadFile = await unlink(this.snapshotPath(id)).then(
          () => true,
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') return false;
            throw error;
          },
        );
        return wasIndexed || hadFile;
      },
      this.#lockOptions(),
    );
  }

  /**
   * Rebuilds the index from the snapshot files: unindexed snapshots come back, entries without a
   * file go, corrupt snapshots are moved aside and reported, leftover temp files are deleted.
   */
  async repair(): Promise<RepairReport> {
    return withFileLock(
      this.#lockTarget,
      async () => {
        // Reading each shard under the lock quarantines (and rebuilds) any corrupt one first.
        const before = new Set<string>();
        for (const shard of this.#shards) {
          for (const id of (
            await shard.updateLocked((index) => ({ next: null, result: index }))
          ).keys())
            before.add(id);
        }
        const scan = await this.#scanSnapshots();
        this.#shards.forEach((shard, n) =>
          shard.writeLocked(new Map([...scan.index].filter(([id]) => shardOf(id) === n))),
        );
        return {
          kept: scan.index.size,
          indexedBefore: before.size,
          recovered: [...scan.index.keys()].filter((id) => !before.has(id)).sort(),
          dropped: [...before].filter((id) => !scan.index.has(id)).sort(),
          quarantined: scan.quarantined,
          removedTempFiles: scan.removedTempFiles,
        };
      },
      this.#lockOptions(),
    );
  }

  #lockOptions(): { staleMs?: number } {
    return this.#options.lockStaleMs === undefined ? {} : { staleMs: this.#options.lockStaleMs };
  }

  async #hasSnapshotFiles(): Promise<boolean> {
    const names = await readdir(this.directory).catch(() => [] as string[]);
    return names.some((name) => name.endsWith('.json') && !name.startsWith('.'));
  }

  /** Reads every snapshot file. Must run under the lock (it moves corrupt files and temp files). */
  async #scanSnapshots(): Promise<{
    index: Index;
    quarantined: StorageNotice[];
    removedTempFiles: number;
  }> {
    const index = new Map<string, FavoriteEntry>();
    const quarantined: StorageNotice[] = [];
    let removedTempFiles = 0;
    let names: string[];
    try {
      names = await readdir(this.directory);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT')
        return { index, quarantined, removedTempFiles };
      throw error;
    }
    for (const name of names.filter((n) => n.endsWith(`.json${PENDING_SUFFIX}`))) {
      const pending = join(this.directory, name);
      const parsed = parseSnapshot(await readFile(pending, 'utf8'));
      if ('error' in parsed) await unlink(pending);
      else await this.#settlePending(parsed.article.header.itemId);
    }
    names = await readdir(this.directory);
    for (const name of names.sort()) {
      const path = join(this.directory, name);
      if (name.startsWith('.') && name.endsWith('.tmp')) {
        // Every writer of this directory holds the lock, so a temp file now is a dead write's.
        await unlink(path).catch(() => undefined);
        removedTempFiles += 1;
        continue;
      }
      if (!name.endsWith('.json') || name.startsWith('.')) continue;
      const parsed = parseSnapshot(await readFile(path, 'utf8'));
      if (!('error' in parsed) && snapshotFileName(parsed.article.header.itemId) === name) {
        index.set(parsed.article.header.itemId, entryOf(parsed));
        continue;
      }
      const reason =
        'error' in parsed
          ? parsed.error
          : `file name does not match ${parsed.article.header.itemId}`;
      const movedTo = await quarantineFile(path, this.#options.now());
      const notice: StorageNotice = {
        path,
        movedTo,
        message: `favorite snapshot ${path} was corrupt (${reason}); moved to ${movedTo}`,
      };
      quarantined.push(notice);
      this.#options.onNotice?.(notice);
    }
    return { index, quarantined, removedTempFiles };
  }

  async #quarantineSnapshotLocked(id: string, path: string, reason: string): Promise<void> {
    // Re-check under the lock: another process may have replaced or moved it meanwhile.
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    const parsed = parseSnapshot(text);
    if (!('error' in parsed) && parsed.article.header.itemId === id) return;
    const movedTo = await quarantineFile(path, this.#options.now());
    const entry = await this.#shardFor(id).updateLocked((index) => {
      const known = index.get(id) ?? null;
      if (known === null) return { next: null, result: null };
      const next = new Map(index);
      next.delete(id);
      return { next, result: known };
    });
    const what = entry === null ? '' : ` ("${entry.title}", ${entry.link ?? 'no link'})`;
    this.#options.onNotice?.({
      path,
      movedTo,
      message: `favorite snapshot ${path}${what} was corrupt (${reason}); moved to ${movedTo}`,
    });
  }
}
